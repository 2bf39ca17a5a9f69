import { isLetter, type Letter, type Passage } from '../corpus/schema.ts';
import type { CitationStyle } from './cite.ts';

/**
 * A paragraph number the document itself prints: paragraph 4, or item (b) under paragraph 9.
 * Reports and resolutions number their paragraphs, and a reader cites them by those numbers
 * ("A/75/312, para. 4"), not by Annex's passage numbers, which count headings and items too.
 */
export interface ParagraphNumber {
  paragraph: number;
  /** The letter of a lettered item under the paragraph ("b" for "(b) …"), or null. */
  item: string | null;
}

/** "4. The number of casualties …": a paragraph that opens with its own number. */
const NUMBERED_PARAGRAPH = /^(\d{1,3})\.\s+\S/;
/** "(b) To ensure that …": a lettered item under a numbered paragraph. */
const LETTERED_ITEM = /^\(([a-z])\)\s+\S/;

const numbersOf = new WeakMap<Letter, ReadonlyMap<number, ParagraphNumber>>();

/**
 * The document's own number of each passage that has one, by passage number. A part (the document,
 * an annex) counts as numbering its paragraphs only when at least two of its paragraphs open with
 * a number that runs on from the one before in reading order (4, 5, 6 …; or one ahead, where a scan
 * lost a number: `follows`), so that a paragraph that merely opens with a figure ("12. " once) is
 * not taken for one. Within such a part:
 * - a paragraph that opens with a number that runs on is that paragraph;
 * - a piece of a long paragraph (split by Annex, with no line break before it) is the paragraph's;
 * - items "(a)", "(b)" … that follow a numbered paragraph directly, in order from "(a)", are its
 *   items ("para. 9 (b)"); an item out of order ends them, as its letter cannot be told from a
 *   roman numeral or a nested list;
 * - anything else (a heading, an unnumbered paragraph) has no number of the document's.
 * A UN letter's own text has no numbered paragraphs, whatever it looks like; its annexes may.
 */
export function paragraphNumbers(letter: Letter): ReadonlyMap<number, ParagraphNumber> {
  const known = numbersOf.get(letter);
  if (known) return known;
  const numbers = new Map<number, ParagraphNumber>();
  // A letter's own text is numbered by no one; what it annexes (a report, a list of incidents)
  // may be (user trial 31: "quote A/80/355 para 9" of a list's ninth item).
  const own = (p: Passage) => !isLetter(letter) || p.part !== 'letter';
  let part: Passage[] = [];
  for (const passage of letter.passages) {
    const last = part.at(-1);
    if (last && (last.part !== passage.part || last.partIndex !== passage.partIndex)) {
      if (own(last)) numberPart(letter, part, numbers);
      part = [];
    }
    part.push(passage);
  }
  const last = part.at(-1);
  if (last && own(last)) numberPart(letter, part, numbers);
  numbersOf.set(letter, numbers);
  return numbers;
}

/** The numbers of one part's passages, added to `numbers` when the part numbers its paragraphs. */
function numberPart(
  letter: Letter,
  passages: readonly Passage[],
  numbers: Map<number, ParagraphNumber>,
): void {
  const found = new Map<number, ParagraphNumber>();
  const opened: number[] = [];
  let current: ParagraphNumber | null = null;
  let nextItem: string | null = null;
  let previous: Passage | null = null;
  for (const passage of passages) {
    const continues =
      previous !== null && !letter.text.slice(previous.end, passage.start).includes('\n');
    const numbered = NUMBERED_PARAGRAPH.exec(passage.text);
    const item = LETTERED_ITEM.exec(passage.text);
    if (continues) {
      // A piece of the paragraph before: its number, whatever its first words.
    } else if (numbered && follows(opened.at(-1), Number(numbered[1]))) {
      const paragraph = Number(numbered[1]);
      opened.push(paragraph);
      current = { paragraph, item: null };
      nextItem = 'a';
    } else if (item && current && item[1] === nextItem) {
      current = { paragraph: current.paragraph, item: item[1] };
      nextItem = String.fromCharCode(item[1].charCodeAt(0) + 1);
    } else {
      current = null;
      nextItem = null;
    }
    if (current) found.set(passage.n, current);
    previous = passage;
  }
  if (opened.length >= 2) for (const [n, number] of found) numbers.set(n, number);
}

/**
 * How far a paragraph's number may run ahead of the last one's: 2 when a paragraph between them
 * lost its number to a scan ("4i\"5." between 45 and 47).
 */
const MAX_STEP = 2;

/**
 * Whether a paragraph opening with `number` continues the part's numbering after `last`: the
 * first, or a little ahead of the last. Any other ("1." of a list inside paragraph 20) is no
 * paragraph number.
 */
function follows(last: number | undefined, number: number): boolean {
  return last === undefined || (number > last && number - last <= MAX_STEP);
}

/**
 * A passage's paragraph as a citation pinpoints it, in each citation style: "para. 4" (UN),
 * "para 4" (OSCOLA), "¶ 4" (Bluebook), with an item after its paragraph ("para. 9 (b)"); null when the
 * document gives the passage no number of its own.
 */
export function paragraphLabel(
  letter: Letter,
  passage: Pick<Passage, 'n'>,
  style: CitationStyle = 'un',
): string | null {
  const number = paragraphNumbers(letter).get(passage.n);
  if (!number) return null;
  const { paragraph, item } = number;
  switch (style) {
    case 'un':
      return `para. ${paragraph}${item ? ` (${item})` : ''}`;
    case 'oscola':
      return `para ${paragraph}${item ? `(${item})` : ''}`;
    case 'bluebook':
      return `¶ ${paragraph}${item ? `(${item})` : ''}`;
  }
}

/** A paragraph as people write it: "para. 66", "para 4 (b)", "paragraph 12", "¶ 66". */
const WRITTEN_PARAGRAPH = /^(?:para(?:graph)?\.?|¶)\s*(\d{1,3})\s*(?:\(([a-z])\))?$/i;

/** Whether a user names a paragraph as a document prints it ("para 45", "¶ 45"), not a passage. */
export const namesParagraph = (written: string): boolean => WRITTEN_PARAGRAPH.test(written.trim());

/**
 * A passage as a user named it, for a reply that it is not there: "passage 66" ("Passage 66" to
 * open a sentence), or a paragraph as typed ("para 66").
 */
export const asNamed = (written: string | number, opening = false): string =>
  /^\d+$/.test(String(written).trim())
    ? `${opening ? 'Passage' : 'passage'} ${written}`
    : String(written);

/**
 * The passage a user names by number: "para. 66" (or "¶ 66") is the paragraph the document
 * prints so; a bare number is the passage Annex numbered so, else, where there is none, the
 * paragraph printed so. Citations give a paragraph's number where the document prints one
 * (user trial 21: "para. 66" of a speech of 52 passages was refused as "no passage 66").
 */
export function findPassage(letter: Letter, written: string | number): Passage | null {
  const text = String(written).trim();
  const paragraph = WRITTEN_PARAGRAPH.exec(text);
  if (!paragraph && /^\d+$/.test(text)) {
    const n = Number(text);
    const passage = letter.passages.find((p) => p.n === n);
    if (passage) return passage;
  }
  const number = Number(paragraph?.[1] ?? text);
  if (!Number.isInteger(number)) return null;
  const item = paragraph?.[2]?.toLowerCase() ?? null;
  for (const [n, found] of paragraphNumbers(letter))
    if (found.paragraph === number && (item === null || found.item === item))
      return letter.passages.find((p) => p.n === n) ?? null;
  return null;
}

/**
 * How a document's passages are numbered, for a reply to a number it lacks: "passages 1 to 52",
 * and the paragraphs it prints where it prints some ("and paragraphs 1 to 97").
 */
export function numberingOf(letter: Letter): string {
  const printed = [...paragraphNumbers(letter).values()].map((p) => p.paragraph);
  const passages = `passages 1 to ${letter.passages.length}`;
  return printed.length > 0
    ? `${passages} and paragraphs ${Math.min(...printed)} to ${Math.max(...printed)}`
    : passages;
}
