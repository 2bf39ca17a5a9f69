import { formatUnDate } from '../corpus/dates.ts';
import type { Letter } from '../corpus/schema.ts';
import { fold } from './analyze.ts';

/** A letter offered while the user types: what they see, and the letter id sent back. */
export interface LetterSuggestion {
  name: string;
  value: string;
}

/** What each document is found by, folded once per list of documents (an index's lasts as long as it serves). */
const HAYSTACKS = new WeakMap<readonly Letter[], string[]>();

/** At most this many suggestions (Discord's limit for autocomplete). */
export const MAX_SUGGESTIONS = 25;
const NAME_LENGTH = 100;

/** A letter's title that says its kind and date before its sender: "Letter dated 4 April 2024 from …". */
const DATED_HEADING = /^(?:Identical letters|Letter|Note verbale) dated .+? (from\b.*)$/is;

/**
 * A document as a choice names it, by what tells it apart first, within Discord's 100
 * characters: its date, its symbol (or its kind when it has none), then its title, which does not
 * say the date again ("4 April 2024 · letter · from the Permanent Representative of Azerbaijan to
 * the United Nations…", "19 September 2023 · A/78/368-S/2023/686 · letter from …"). Cut at a
 * word, marked with "…".
 */
export function suggestionName(letter: Letter): string {
  const date = formatUnDate(letter.date);
  const from = DATED_HEADING.exec(letter.title)?.[1];
  const kind = letter.kind.toLowerCase();
  const parts = letter.symbol
    ? [date, letter.symbol, from ? `${kind} ${from}` : letter.title]
    : [date, kind, from ?? letter.title];
  const name = parts.join(' · ');
  if (name.length <= NAME_LENGTH) return name;
  const cut = name.slice(0, NAME_LENGTH - 1);
  const atWord = cut.replace(/[\s,;:·–-]+\S*$/u, '');
  return `${atWord.length >= NAME_LENGTH / 2 ? atWord : cut}…`;
}

/**
 * Documents matching what the user typed, by date (`2023`, `2023-09`, `September 2023`), symbol
 * (`A/78/368`), title words (`note verbale geneva`), author or kind (`norway speech`); every word
 * typed must match. Newest first.
 */
export function suggestLetters(
  letters: readonly Letter[],
  typed: string,
  limit = MAX_SUGGESTIONS,
): LetterSuggestion[] {
  return lettersFitting(letters, typed)
    .slice(0, Math.min(limit, MAX_SUGGESTIONS))
    .map((l) => ({ name: suggestionName(l), value: l.id }));
}

/**
 * What a document name typed and sent without picking from the list resolves to: the one
 * document it fits, or the one whose title it is; else every document it fits (none, or several
 * to name), newest first.
 */
export function resolveTypedLetter(
  letters: readonly Letter[],
  typed: string,
): { letter: Letter } | { fits: Letter[] } {
  const fits = typed.trim() ? lettersFitting(letters, typed) : [];
  const wanted = typed.trim().toLowerCase();
  const titled = fits.filter((l) => l.title.toLowerCase() === wanted);
  const [only] = fits.length === 1 ? fits : titled.length === 1 ? titled : [];
  return only ? { letter: only } : { fits };
}

/** Every document that `typed` fits, as `suggestLetters` matches them, newest first. */
function lettersFitting(letters: readonly Letter[], typed: string): Letter[] {
  const words = fold(typed).split(/\s+/).filter(Boolean);
  let haystacks = HAYSTACKS.get(letters);
  if (!haystacks) {
    haystacks = letters.map((l) =>
      fold(
        `${l.id} ${l.date} ${formatUnDate(l.date)} ${l.symbol ?? ''} ${l.title} ${l.author ?? ''} ${l.kind} ${l.annexes.map((a) => a.title).join(' ')}`,
      ),
    );
    HAYSTACKS.set(letters, haystacks);
  }
  const found = haystacks;
  return letters.filter((_, i) => words.every((w) => (found[i] ?? '').includes(w))).reverse();
}

/** At most this many documents are named when what was typed fits several. */
const MAX_NAMED_CANDIDATES = 3;

/** The first few of several documents a typed name fits, one a line, and how many more. */
export function namedCandidates(fits: readonly Letter[]): string {
  const named = fits.slice(0, MAX_NAMED_CANDIDATES).map((l) => `• ${suggestionName(l)}`);
  const more = fits.length - MAX_NAMED_CANDIDATES;
  return [...named, ...(more > 0 ? [`…and ${more} more`] : [])].join('\n');
}
