/**
 * A document being added that looks like one already in the corpus: the same title and date, or
 * nearly the same text under another name (the same statement saved twice, one word changed).
 * Not refused, since a revised text or a corrigendum may be meant, but told, so that it is not
 * added beside the first without a word.
 *
 * Cheap on a large corpus: the text of only those documents that share the new one's date or
 * title is compared, by a fingerprint of its word triples.
 */
import type { Document } from './schema.ts';

/** Share of word triples two texts have in common above which they are nearly the same text. */
const NEARLY_SAME_TEXT = 0.8;
/** With the same title and date, a text this much the same is the same document, revised. */
const SAME_DOCUMENT_TEXT = 0.5;

/** A document already in the corpus that the new one looks like, and why. */
export interface LookAlike {
  document: Document;
  sameTitle: boolean;
  sameDate: boolean;
  /** Share of the shorter text's word triples that the other text has too, 0–1. */
  textShared: number;
}

const titleKey = (title: string): string =>
  title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The text's word triples, as a set: its fingerprint. */
function wordTriples(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const triples = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) triples.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  if (triples.size === 0 && words.length > 0) triples.add(words.join(' '));
  return triples;
}

/** Share of the smaller set's members that the other set holds. */
function shared(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let common = 0;
  for (const member of small) if (large.has(member)) common++;
  return common / small.size;
}

/**
 * The document of `corpus` that `added` most looks like, or null: one of the same title and date
 * whose text is at least half the same, or one of the same title or date whose text is nearly the
 * same (an undated document is compared by its title). Documents whose dates differ are different
 * documents (a statement made again a year later) and never look alike. Another symbol does not
 * make another document of nearly the same text: a symbol mistyped, or a press release issued
 * again under a new number with one figure changed (user trial 13), is told; only the same title
 * and date with half the text the same need the same symbol (or none) to look alike.
 */
export function findLookAlike(added: Document, corpus: readonly Document[]): LookAlike | null {
  const title = titleKey(added.title);
  let best: LookAlike | null = null;
  let fingerprint: Set<string> | null = null;
  for (const document of corpus) {
    if (added.date && document.date && added.date !== document.date) continue;
    const sameTitle = title !== '' && titleKey(document.title) === title;
    const sameDate = added.date !== '' && document.date === added.date;
    if (!sameTitle && !sameDate) continue;
    const otherSymbol = Boolean(added.symbol && document.symbol && added.symbol !== document.symbol);
    fingerprint ??= wordTriples(added.text);
    const textShared = shared(fingerprint, wordTriples(document.text));
    const looksAlike =
      (sameTitle && sameDate && !otherSymbol && textShared >= SAME_DOCUMENT_TEXT) || textShared >= NEARLY_SAME_TEXT;
    if (looksAlike && (!best || textShared > best.textShared)) best = { document, sameTitle, sameDate, textShared };
  }
  return best;
}

/** Why `lookAlike` looks like the new document, in words: "same title and date, text 98% the same". */
export function describeLookAlike({ sameTitle, sameDate, textShared }: LookAlike): string {
  const same = sameTitle && sameDate ? 'same title and date' : sameTitle ? 'same title' : 'same date';
  return `${same}, text ${Math.floor(textShared * 100)}% the same`;
}
