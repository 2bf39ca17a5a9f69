/**
 * Letter parts as heading groups: the passages of one part (a letter's own text, an annex, an
 * enclosure) stand under the same headings. Numbers each entry's group, states the facts by which
 * a question names a part (`partFactsOf`), and lists the groups whose headings hold each concept.
 */
import type { Letter, Passage } from '../corpus/schema.ts';
import { dayNumber } from '../corpus/dates.ts';
import { headingStarts, PART_CODES, type PassageColumns } from './index-entries.ts';
import type { IndexArrays } from './saved-index.ts';

/** `partFacts.flags`: the part's letter is a note verbale; the part is an annex; its letter has annexes; the annex is itself a letter. */
export const PART_NOTE_VERBALE = 1;
export const PART_ANNEX = 2;
export const PART_HAS_ANNEXES = 4;
export const PART_ANNEX_LETTER = 8;

/**
 * Groups passages by the headings they stand under: each letter's own part, and each annex or
 * enclosure, numbered in id order (passages, then headings). Build and load both call this, so
 * group numbers always agree with the saved arrays.
 */
export function assignHeadingGroups(
  letters: readonly Letter[],
  columns: PassageColumns,
  headings: readonly (readonly Passage[])[],
): {
  groupOf: Uint32Array;
  groups: { letter: Letter; annexIndex: number }[];
} {
  const { letterStart, part, partIndex } = columns;
  const headingStart = headingStarts(columns, headings);
  const groupOf = new Uint32Array(headingStart[letters.length] ?? 0);
  const groups: { letter: Letter; annexIndex: number }[] = [];
  const byPart: (Map<number, number> | undefined)[] = [];
  const place = (id: number, l: number, code: number, index: number) => {
    let parts = byPart[l];
    if (!parts) byPart[l] = parts = new Map();
    // One number per part: the letter 0, annex k 2k+1, enclosure k 2k+2 (`PART_CODES`).
    const key = code === 0 ? 0 : 2 * index + code;
    let group = parts.get(key);
    if (group === undefined) {
      group = groups.length;
      parts.set(key, group);
      groups.push({ letter: letters[l] as Letter, annexIndex: code === 0 ? -1 : index - 1 });
    }
    groupOf[id] = group;
  };
  for (let l = 0; l < letters.length; l++)
    for (let id = letterStart[l] ?? 0; id < (letterStart[l + 1] ?? 0); id++)
      place(id, l, part[id] as number, partIndex[id] as number);
  for (let l = 0; l < letters.length; l++) {
    let id = headingStart[l] ?? 0;
    for (const heading of headings[l] ?? [])
      place(id++, l, PART_CODES.indexOf(heading.part), heading.partIndex);
  }
  return { groupOf, groups };
}

/**
 * Per heading group (letter part): its letter's day, its annex's day (YYYYMMDD, 0 when none) and
 * its `PART_*` flags (`SearchIndex.partFacts`).
 */
export function partFactsOf(groups: readonly { letter: Letter; annexIndex: number }[]): {
  letterDay: Uint32Array;
  annexDay: Uint32Array;
  flags: Uint8Array;
} {
  const groupCount = groups.length;
  const partFacts = {
    letterDay: new Uint32Array(groupCount),
    annexDay: new Uint32Array(groupCount),
    flags: new Uint8Array(groupCount),
  };
  groups.forEach(({ letter, annexIndex }, g) => {
    const annex = annexIndex >= 0 ? letter.annexes[annexIndex] : undefined;
    partFacts.letterDay[g] = dayNumber(letter.date);
    partFacts.annexDay[g] = annex?.date ? dayNumber(annex.date) : 0;
    partFacts.flags[g] =
      (letter.kind === 'note verbale' ? PART_NOTE_VERBALE : 0) |
      (annex ? PART_ANNEX : 0) |
      (letter.annexes.length > 0 ? PART_HAS_ANNEXES : 0) |
      (annex && /^letter\b/i.test(annex.title) ? PART_ANNEX_LETTER : 0);
  });
  return partFacts;
}

/**
 * The heading groups whose headings hold each concept (the headings' postings: concept id →
 * groups [offsets[id], offsets[id+1])), and per concept the passages under those headings
 * (`SearchIndex.reach`): `groupOf` is each entry's group, `conceptCount` the vocabulary's size.
 */
export function headingPostingsOf(
  { headingOffsets, headingConcepts }: Pick<IndexArrays, 'headingOffsets' | 'headingConcepts'>,
  groupOf: Uint32Array,
  groupCount: number,
  conceptCount: number,
): { offsets: Uint32Array; postings: Uint32Array; reach: Uint32Array } {
  const groupSize = new Uint32Array(groupCount);
  for (const g of groupOf) groupSize[g] = (groupSize[g] ?? 0) + 1;
  const reach = new Uint32Array(conceptCount);
  // The parts whose headings hold each concept (the headings' postings), by counting sort.
  const offsets = new Uint32Array(conceptCount + 1);
  for (const cid of headingConcepts) offsets[cid + 1] = (offsets[cid + 1] ?? 0) + 1;
  for (let cid = 0; cid < conceptCount; cid++)
    offsets[cid + 1] = (offsets[cid + 1] ?? 0) + (offsets[cid] ?? 0);
  const postings = new Uint32Array(headingConcepts.length);
  const fill = offsets.slice(0, conceptCount);
  for (let g = 0; g < groupCount; g++) {
    for (let at = headingOffsets[g] ?? 0; at < (headingOffsets[g + 1] ?? 0); at++) {
      const cid = headingConcepts[at] as number;
      reach[cid] = (reach[cid] ?? 0) + (groupSize[g] ?? 0);
      postings[fill[cid] ?? 0] = g;
      fill[cid] = (fill[cid] ?? 0) + 1;
    }
  }
  return { offsets, postings, reach };
}
