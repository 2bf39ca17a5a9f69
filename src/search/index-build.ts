/**
 * Building an index from letters: each passage and heading analyzed once into postings lists
 * (concept → passages), each passage's length and flags, the concepts of each letter part's
 * headings, the corpus's words, their vectors and their lexicon (WordNet): the arrays
 * (`IndexArrays`) and the rest that `SearchIndex.build` opens.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { isLetter, type Letter, type Passage } from '../corpus/schema.ts';
import { DATE_PATTERN } from '../corpus/dates.ts';
import { sentenceSpans } from '../corpus/sentences.ts';
import {
  analyze,
  analyzeEach,
  conceptOf,
  isYearAsWritten,
  NUMBER_WORDS,
  tokenize,
} from './analyze.ts';
import { buildExpansions, buildKinds, buildUsage, type Expansions } from './lexicon.ts';
import { englishWordNet } from './wordnet.ts';
import { AbbreviationBuilder, type AbbreviationTable } from './acronyms.ts';
import { wordVectors } from './vectors.ts';
import {
  entriesOf,
  headingsOf,
  isHeading,
  type PassageColumns,
  passageColumns,
} from './index-entries.ts';
import { assignHeadingGroups } from './heading-groups.ts';
import { type IndexArrays, lexiconArrays } from './saved-index.ts';
import { WEIGHTS } from './model.ts';

/** Passage flags, precomputed for ranking. */
export const FLAG_FIGURE = 1;
export const FLAG_DURATION = 2;
export const FLAG_DATE = 4;
export const FLAG_FREQUENCY = 8;
/**
 * The entry is never quoted as an answer or a closest passage: a document's section heading or
 * salutation (`Passage.role`: "III. Effect of the COVID-19 pandemic", "Mr. President,"), or the
 * headings of a document that is no letter (its masthead and title, "SG/SM/19702 / 14 August
 * 2019"), which have no passage number to cite: its passages tell what they tell. A letter's
 * headings do answer ("when was the note verbale dated?"). Its words still count for how common
 * a word is.
 */
export const FLAG_NOT_ALONE = 16;
/** The passage is a section heading (`Passage.role` "heading"): the passages after it in its part stand under it. */
export const FLAG_SECTION_HEADING = 32;

/** Whether an entry of `letter` is never quoted alone (`FLAG_NOT_ALONE`). */
export function notQuotedAlone(letter: Letter, passage: Passage): boolean {
  return (
    passage.role === 'heading' ||
    passage.role === 'salutation' ||
    (isHeading(passage) && !isLetter(letter))
  );
}

const DURATION =
  /\b(?:\d+|\w+)[- ](?:years?|decades?|months?|weeks?|days?)\b|\b(?:years|decades|months)\b/i;
const FREQUENCY =
  /\b(?:daily|weekly|monthly|annually|yearly|hourly|frequently|regularly|repeatedly|constantly|routinely|every (?:day|week|month|year)|(?:once|twice|\w+ times) (?:a|per) (?:day|week|month|year))\b/i;

/** An abbreviation table as index arrays. */
function abbreviationArrays(table: AbbreviationTable) {
  return {
    abbreviationHashes: table.hashes,
    abbreviationPassages: table.passages,
    abbreviationStarts: table.starts,
    abbreviationEnds: table.ends,
  };
}

/** Whether a character code is a digit. */
function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A growable array of unsigned integers, so building a large index does not hold millions of JS numbers. */
class GrowableArray<T extends Uint32Array | Uint16Array | Uint8Array> {
  length = 0;
  constructor(
    private data: T,
    private readonly make: (size: number) => T,
  ) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  get(i: number): number {
    return this.data[i] ?? 0;
  }
  /** The values pushed, as an array of their own. */
  toArray(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/**
 * What a build gives `SearchIndex` to open: per letter its headings (`headingsOf`), its passages'
 * columns, the concepts by id, the arrays, the corpus's words (folded surface form → concept) and
 * the lexicon (`lexicon.ts`).
 */
export interface BuiltIndex {
  headings: Passage[][];
  columns: PassageColumns;
  vocabulary: string[];
  arrays: IndexArrays;
  surfaceWords: SearchableMap<string>;
  expansions: Expansions;
  kinds: ReadonlyMap<string, readonly string[]>;
}

/**
 * Each entry's sentences (`sentenceSpans`) as the index keeps them, so that no question splits a
 * passage into sentences again (and a CLI call never loads the sentence segmenter's data): start
 * and end pairs within the entry's text, entry `id`'s in [offsets[id], offsets[id+1]). An entry
 * longer than a pair can say (65,535 characters) keeps none and is split when read.
 */
class SentenceBuilder {
  private readonly offsets: Uint32Array;
  private readonly bounds = new GrowableArray(new Uint16Array(1 << 16), (n) => new Uint16Array(n));

  constructor(entries: number) {
    this.offsets = new Uint32Array(entries + 1);
  }

  add(id: number, text: string): void {
    if (text.length <= 0xffff)
      for (const { start, end } of sentenceSpans(text)) {
        this.bounds.push(start);
        this.bounds.push(end);
      }
    this.offsets[id + 1] = this.bounds.length / 2;
  }

  arrays(): { sentenceOffsets: Uint32Array; sentenceBounds: Uint16Array } {
    return { sentenceOffsets: this.offsets, sentenceBounds: this.bounds.toArray() };
  }
}

/** Indexes `letters`, analyzing each passage once, and reads WordNet for the expansions. */
export function buildIndex(letters: readonly Letter[]): BuiltIndex {
  const conceptIds = new Map<string, number>();
  const vocabulary: string[] = [];
  const dfs: number[] = [];
  const headings = letters.map(headingsOf);
  const entries = entriesOf(letters, headings);
  const passageCount = entries.length;
  const passageLength = new Uint16Array(passageCount);
  const flags = new Uint8Array(passageCount);
  const concepts = new GrowableArray(new Uint32Array(1 << 16), (n) => new Uint32Array(n));
  const counts = new GrowableArray(new Uint8Array(1 << 16), (n) => new Uint8Array(n));
  const starts = new Uint32Array(passageCount + 1);
  const sentences = new SentenceBuilder(passageCount);
  const idOf = (concept: string): number => {
    let cid = conceptIds.get(concept);
    if (cid === undefined) {
      cid = vocabulary.length;
      conceptIds.set(concept, cid);
      vocabulary.push(concept);
      dfs.push(0);
    }
    return cid;
  };
  // The letters' own words: a plain map while building (a SearchableMap is made once at the end).
  const surface = new Map<string, string>();
  // A passage's term counts by concept id, and its concepts in the order first met: an array
  // slot per concept rather than a map cleared per passage (17 million terms at 10,952 speeches).
  let tf = new Uint32Array(1 << 16);
  const met: number[] = [];
  const abbreviations = new AbbreviationBuilder();
  let id = 0;
  for (const { letter, passage } of entries) {
    const text = passage.text;
    if (!isHeading(passage)) abbreviations.add(id, text);
    sentences.add(id, text);
    met.length = 0;
    let figure = false;
    let length = 0;
    analyzeEach(text, false, (word, start, end, concept, _unit, weight) => {
      length += 1;
      const cid = idOf(concept);
      if (cid >= tf.length) {
        const bigger = new Uint32Array(tf.length * 2);
        bigger.set(tf);
        tf = bigger;
      }
      if (tf[cid] === 0) met.push(cid);
      tf[cid] = (tf[cid] as number) + 1;
      // The letters' own words, for spelling correction (not what a glossary phrase stands for).
      if (weight === 1 && !surface.has(word) && concept === conceptOf(word))
        surface.set(word, concept);
      if (
        !figure &&
        ((isDigitCode(concept.charCodeAt(0)) && !isYearAsWritten(text.slice(start, end))) ||
          NUMBER_WORDS.has(word))
      )
        figure = true;
    });
    for (const cid of met) {
      concepts.push(cid);
      counts.push(Math.min(255, tf[cid] as number));
      tf[cid] = 0;
      dfs[cid] = (dfs[cid] ?? 0) + 1;
    }
    starts[id + 1] = concepts.length;
    passageLength[id] = Math.min(65535, length);
    flags[id] =
      (figure ? FLAG_FIGURE : 0) |
      (DURATION.test(text) ? FLAG_DURATION : 0) |
      (DATE_PATTERN.test(text) ? FLAG_DATE : 0) |
      (FREQUENCY.test(text) ? FLAG_FREQUENCY : 0) |
      (notQuotedAlone(letter, passage) ? FLAG_NOT_ALONE : 0) |
      (passage.role === 'heading' ? FLAG_SECTION_HEADING : 0);
    id += 1;
  }
  const surfaceWords = SearchableMap.from<string>(surface);
  surface.clear();
  const columns = passageColumns(letters);
  const grouping = assignHeadingGroups(letters, columns, headings);
  const headingIds: number[] = [];
  const offsets: number[] = [0];
  for (const { letter, annexIndex } of grouping.groups) {
    const annexTitle = annexIndex >= 0 ? (letter.annexes[annexIndex]?.title ?? '') : '';
    const ids = new Set<number>();
    // The organs it is a document of count as its headings too: "the HRC statement".
    const organs = letter.bodies.map((body) => body.split(',')[0] ?? '').join(' ');
    for (const t of analyze(`${letter.title} ${annexTitle} ${organs}`)) ids.add(idOf(t.concept));
    headingIds.push(...ids);
    offsets.push(headingIds.length);
  }
  const postingOffsets = new Uint32Array(vocabulary.length + 1);
  for (let cid = 0; cid < vocabulary.length; cid++) {
    postingOffsets[cid + 1] = (postingOffsets[cid] ?? 0) + (dfs[cid] ?? 0);
  }
  const total = postingOffsets[vocabulary.length] ?? 0;
  const postingPassages = new Uint32Array(total);
  const postingCounts = new Uint8Array(total);
  const fill = postingOffsets.slice(0, vocabulary.length);
  for (let pid = 0; pid < passageCount; pid++) {
    for (let i = starts[pid] ?? 0; i < (starts[pid + 1] ?? 0); i++) {
      const cid = concepts.get(i);
      const at = fill[cid] ?? 0;
      postingPassages[at] = pid;
      postingCounts[at] = counts.get(i);
      fill[cid] = at + 1;
    }
  }
  const maxTermFactor = new Float32Array(vocabulary.length);
  let totalLength = 0;
  for (const length of passageLength) totalLength += length;
  const averageLength = passageCount > 0 ? totalLength / passageCount : 1;
  const { bm25Saturation: k1, bm25Length: b } = WEIGHTS;
  for (let cid = 0; cid < vocabulary.length; cid++) {
    let max = 0;
    for (let at = postingOffsets[cid] ?? 0; at < (postingOffsets[cid + 1] ?? 0); at++) {
      const tf = postingCounts[at] ?? 0;
      const norm = 1 - b + (b * (passageLength[postingPassages[at] ?? 0] ?? 0)) / averageLength;
      max = Math.max(max, ((k1 + 1) * tf) / (tf + k1 * norm));
    }
    maxTermFactor[cid] = max;
  }
  const wordnet = englishWordNet();
  const usage = buildUsage(
    surfaceWords,
    (concept) => conceptIds.get(concept) ?? -1,
    vocabulary.length,
    wordnet,
  );
  const arrays: IndexArrays = {
    maxTermFactor,
    usage,
    headingOffsets: Uint32Array.from(offsets),
    headingConcepts: Uint32Array.from(headingIds),
    documentFrequency: Uint32Array.from(dfs),
    passageLength,
    flags,
    postingOffsets,
    postingPassages,
    postingCounts,
    conceptVectors: new Int8Array(0),
    conceptNorms: new Float32Array(0),
    ...abbreviationArrays(abbreviations.table()),
    surfaceShape: new Uint32Array(0),
    surfaceConcepts: new Uint32Array(0),
    expansionOffsets: new Uint32Array(0),
    expansionConcepts: new Uint32Array(0),
    expansionRelations: new Uint8Array(0),
    kindOffsets: new Uint32Array(0),
    kindConcepts: new Uint32Array(0),
    ...sentences.arrays(),
  };
  const { conceptVectors, conceptNorms } = buildConceptVectors(surfaceWords, conceptIds);
  arrays.conceptVectors = conceptVectors;
  arrays.conceptNorms = conceptNorms;
  const authorWords = new Set(
    letters.flatMap((l) => (l.author ? tokenize(l.author).map((t) => t.word) : [])),
  );
  const expansions = buildExpansions(surfaceWords, wordnet, authorWords);
  const kinds = buildKinds(surfaceWords, wordnet);
  Object.assign(arrays, lexiconArrays(conceptIds, expansions, kinds));
  return { headings, columns, vocabulary, arrays, surfaceWords, expansions, kinds };
}

/**
 * Each concept's vector: the mean of the vectors of the corpus words that stand for it, scaled
 * to signed bytes, and its length (0 for a concept none of whose words has a vector).
 */
function buildConceptVectors(
  surfaceWords: SearchableMap<string>,
  conceptIds: ReadonlyMap<string, number>,
): { conceptVectors: Int8Array; conceptNorms: Float32Array } {
  const vectors = wordVectors();
  const dimensions = vectors?.dimensions ?? 0;
  const sums = new Float64Array(conceptIds.size * dimensions);
  if (vectors)
    for (const [word, concept] of surfaceWords) {
      const v = vectors.vector(word);
      const id = conceptIds.get(concept);
      if (!v || id === undefined) continue;
      let norm = 0;
      for (let d = 0; d < dimensions; d++) norm += (v[d] as number) ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dimensions; d++)
        sums[id * dimensions + d] = (sums[id * dimensions + d] as number) + (v[d] as number) / norm;
    }
  const conceptVectors = new Int8Array(sums.length);
  const conceptNorms = new Float32Array(conceptIds.size);
  for (let id = 0; id < conceptIds.size; id++) {
    let largest = 0;
    for (let d = 0; d < dimensions; d++)
      largest = Math.max(largest, Math.abs(sums[id * dimensions + d] as number));
    if (largest === 0) continue;
    let norm = 0;
    for (let d = 0; d < dimensions; d++) {
      const q = Math.round(((sums[id * dimensions + d] as number) * 127) / largest);
      conceptVectors[id * dimensions + d] = q;
      norm += q * q;
    }
    conceptNorms[id] = Math.sqrt(norm);
  }
  return { conceptVectors, conceptNorms };
}
