/**
 * The entries an index holds, numbered in id order: every letter's passages, then every letter's
 * headings (`headingsOf`); the passages' parts as columns (`PassageColumns`); and where each
 * letter's passages and headings start among those ids. Nothing here reads a word.
 */
import { PLACE_AND_DATE } from '../corpus/dates.ts';
import { isSignature } from '../corpus/parse-letter.ts';
import type { Letter, PartKind, Passage } from '../corpus/schema.ts';

/** A passage in the index, with the letter it belongs to. */
export interface IndexedPassage {
  letter: Letter;
  passage: Passage;
}

/**
 * The headings of a letter as quotable entries: each run of its text between passages (the
 * masthead, the title "Letter dated … from … addressed to …", an annex's heading and title, a
 * note "Reproduced as received"), verbatim, attached to the part of the passage after it. UN
 * letters state their date, author, addressee, symbol and agenda items there, so "when was the
 * note verbale dated?" is answered by a quote of its title. A heading's passage number is 0: it
 * is no paragraph of the letter.
 */
export function headingsOf(letter: Letter): Passage[] {
  const headings: Passage[] = [];
  let from = 0;
  const add = (end: number, near: Passage) => {
    const raw = letter.text.slice(from, end);
    const text = raw.trim();
    if (/[\p{L}\p{N}]/u.test(text)) {
      const start = from + raw.indexOf(text);
      headings.push({
        n: 0,
        part: near.part,
        partIndex: near.partIndex,
        pages: [],
        start,
        end: start + text.length,
        text,
      });
    }
  };
  for (const passage of letter.passages) {
    add(passage.start, passage);
    from = passage.end;
  }
  const last = letter.passages.at(-1);
  if (last) add(letter.text.length, last);
  return headings;
}

/** Whether an indexed entry is a heading (`headingsOf`) rather than a paragraph. */
export function isHeading(passage: Passage): boolean {
  return passage.n === 0;
}

/**
 * Whether passage `i` of a letter's passages opens its part (the letter's own text, or an annex):
 * the first of the part's passages that `counts` (all of them when not given; the search counts
 * those it may quote alone, so a speech opens after its salutation, "Mr. President,").
 */
export function opensPart(
  passages: readonly Passage[],
  i: number,
  counts: (i: number) => boolean = () => true,
): boolean {
  const passage = passages[i];
  if (passage === undefined || !counts(i)) return false;
  for (let j = i - 1; j >= 0; j--) {
    const previous = passages[j] as Passage;
    if (previous.part !== passage.part || previous.partIndex !== passage.partIndex) return true;
    if (counts(j)) return false;
  }
  return true;
}

/** A passage's part as a number: its position here (`PassageColumns.part`, the saved index). */
export const PART_CODES: readonly PartKind[] = ['letter', 'annex', 'enclosure'];

/**
 * What an index needs of every passage to open, as columns in passage id order: a saved index of
 * 10,000 documents opens without making one object per passage (372,316 of them took a second of
 * allocation and garbage collection); a letter's passages are made when the letter is read.
 */
export interface PassageColumns {
  /** Per letter (in `letters` order): the id of its first passage; one more entry ends the last. */
  letterStart: Uint32Array;
  /** Per passage: its part (`PART_CODES`). */
  part: Uint8Array;
  /** Per passage: which annex or enclosure (1-based; 1 for the letter itself). */
  partIndex: Uint16Array;
}

/** The columns of letters whose passages are at hand (a build, not a load). */
export function passageColumns(letters: readonly Letter[]): PassageColumns {
  const letterStart = new Uint32Array(letters.length + 1);
  letters.forEach((l, i) => {
    letterStart[i + 1] = (letterStart[i] ?? 0) + l.passages.length;
  });
  const count = letterStart[letters.length] ?? 0;
  const part = new Uint8Array(count);
  const partIndex = new Uint16Array(count);
  let id = 0;
  for (const letter of letters)
    for (const passage of letter.passages) {
      part[id] = PART_CODES.indexOf(passage.part);
      partIndex[id] = passage.partIndex;
      id += 1;
    }
  return { letterStart, part, partIndex };
}

/**
 * The index's entries in id order: every letter's passages, letter by letter, then every heading
 * (`headings[i]` the headings of `letters[i]`).
 */
export function entriesOf(
  letters: readonly Letter[],
  headings: readonly (readonly Passage[])[],
): IndexedPassage[] {
  return [
    ...letters.flatMap((letter) => letter.passages.map((passage) => ({ letter, passage }))),
    ...letters.flatMap((letter, i) => (headings[i] ?? []).map((passage) => ({ letter, passage }))),
  ];
}

/** Per letter: the id of its first heading (they follow every passage); one more entry ends the last. */
export function headingStarts(
  columns: PassageColumns,
  headings: readonly (readonly Passage[])[],
): Uint32Array {
  const letters = columns.letterStart.length - 1;
  const starts = new Uint32Array(letters + 1);
  starts[0] = columns.letterStart[letters] ?? 0;
  for (let i = 0; i < letters; i++) starts[i + 1] = (starts[i] ?? 0) + (headings[i]?.length ?? 0);
  return starts;
}

/**
 * Whether passage `i` tells who made its document and when, as its structure does: it opens a
 * part (`opensPart`), it is a signature block, or a place-and-date line ("New York, 3 June 2025",
 * at the foot of a note verbale as its mission sent it: user trial 17).
 */
export function tellsMaking(
  passages: readonly Passage[],
  i: number,
  counts: (i: number) => boolean = () => true,
): boolean {
  const text = passages[i]?.text ?? '';
  return opensPart(passages, i, counts) || isSignature(text) || PLACE_AND_DATE.test(text);
}
