import MiniSearch, { type Options } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Letter, Passage } from '../corpus/schema.ts';
import { analyze } from './analyze.ts';

/** A passage in the index, with the letter it belongs to. */
export interface IndexedPassage {
  letter: Letter;
  passage: Passage;
}

interface IndexDocument {
  id: number;
  terms: string;
}

/** Bumped whenever analysis or the saved layout changes, so an old saved index is rebuilt. */
export const INDEX_FORMAT = 5;

/**
 * MiniSearch holds only the selective concepts: those in at most this share of passages (and
 * never fewer than `MIN_INDEXED_DF`). The common ones would fill it with millions of postings
 * at 10,000 letters; they are read from the forward index instead.
 */
export const INDEXED_SHARE = 0.02;
export const MIN_INDEXED_DF = 50;

/** Passage flags, precomputed for ranking. */
export const FLAG_FIGURE = 1;
export const FLAG_DURATION = 2;

const MINISEARCH_OPTIONS: Options<IndexDocument> = {
  fields: ['terms'],
  idField: 'id',
  tokenize: (text: string) => (text === '' ? [] : text.split(' ')),
  processTerm: (term: string) => term,
  searchOptions: { tokenize: (text: string) => [text], processTerm: (term: string) => term },
};

const DURATION =
  /\b(?:\d+|\w+)[- ](?:years?|decades?|months?|weeks?|days?)\b|\b(?:years|decades|months)\b/i;

/** The saved form of a `SearchIndex` (letters travel separately). */
export interface SavedIndex {
  format: number;
  vocabulary: string[];
  documentFrequency: string;
  forwardOffsets: string;
  forwardConcepts: string;
  forwardCounts: string;
  passageLength: string;
  flags: string;
  miniSearch: string;
  surfaceWords: [string, string][];
}

const toBase64 = (a: ArrayBufferView) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
function fromBase64<T>(
  text: string,
  make: (buffer: ArrayBuffer, offset: number, length: number) => T,
  bytes: number,
): T {
  const b = Buffer.from(text, 'base64');
  const copy = new ArrayBuffer(b.byteLength);
  new Uint8Array(copy).set(b);
  return make(copy, 0, b.byteLength / bytes);
}

/** The parts of an index, as built or as loaded. */
interface IndexParts {
  vocabulary: string[];
  documentFrequency: Uint32Array;
  forwardOffsets: Uint32Array;
  forwardConcepts: Uint32Array;
  forwardCounts: Uint8Array;
  passageLength: Uint16Array;
  flags: Uint8Array;
  miniSearch: MiniSearch<IndexDocument>;
  surfaceWords: SearchableMap<string>;
}

/**
 * The searchable form of a corpus.
 * - A forward index in typed arrays: for each passage, its concept ids (sorted) and counts, so
 *   ranking reads a candidate's term frequencies without analyzing its text again.
 * - MiniSearch over the selective concepts, to gather candidates.
 * - Each concept's document frequency, and the corpus's own words (folded surface forms) in a
 *   `SearchableMap`, for correcting a question's spelling by edit distance.
 */
export class SearchIndex {
  /** Every passage, in letter order; a passage's position here is its id. */
  readonly passages: readonly IndexedPassage[];
  readonly letters: readonly Letter[];
  readonly miniSearch: MiniSearch<IndexDocument>;
  readonly surfaceWords: SearchableMap<string>;
  /** Mean number of terms per passage, for BM25 length normalization. */
  readonly averageLength: number;
  /** Concepts in MiniSearch have at most this document frequency. */
  readonly maxIndexedDf: number;
  /** When the index was built or loaded, for `/help`. */
  readonly builtAt: Date;
  private readonly parts: IndexParts;
  private readonly conceptIds: Map<string, number>;

  private constructor(letters: readonly Letter[], parts: IndexParts) {
    this.letters = letters;
    this.passages = letters.flatMap((letter) =>
      letter.passages.map((passage) => ({ letter, passage })),
    );
    this.parts = parts;
    this.miniSearch = parts.miniSearch;
    this.surfaceWords = parts.surfaceWords;
    this.conceptIds = new Map(parts.vocabulary.map((c, i) => [c, i]));
    let total = 0;
    for (const length of parts.passageLength) total += length;
    this.averageLength = this.passages.length > 0 ? total / this.passages.length : 1;
    this.maxIndexedDf = Math.max(MIN_INDEXED_DF, Math.floor(INDEXED_SHARE * this.passages.length));
    this.builtAt = new Date();
  }

  /** Number of passages indexed. */
  get size(): number {
    return this.passages.length;
  }

  /** The id of a concept, or -1 when no passage contains it. */
  conceptId(concept: string): number {
    return this.conceptIds.get(concept) ?? -1;
  }

  /** Number of passages that contain `concept` (0 when none does). */
  documentFrequency(concept: string): number {
    const id = this.conceptId(concept);
    return id < 0 ? 0 : (this.parts.documentFrequency[id] ?? 0);
  }

  /** Whether MiniSearch holds this concept (it is selective enough). */
  isIndexed(concept: string): boolean {
    const df = this.documentFrequency(concept);
    return df > 0 && df <= this.maxIndexedDf;
  }

  /** How often a concept occurs in a passage, from the forward index (binary search). */
  termFrequency(passageId: number, conceptId: number): number {
    const { forwardOffsets, forwardConcepts, forwardCounts } = this.parts;
    let lo = forwardOffsets[passageId] ?? 0;
    let hi = (forwardOffsets[passageId + 1] ?? lo) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = forwardConcepts[mid] ?? 0;
      if (c === conceptId) return forwardCounts[mid] ?? 0;
      if (c < conceptId) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** Number of terms in a passage. */
  passageLength(passageId: number): number {
    return this.parts.passageLength[passageId] ?? 0;
  }

  /** True when a passage states a figure other than a year ("314", "1,318", "two"). */
  hasFigure(passageId: number): boolean {
    return ((this.parts.flags[passageId] ?? 0) & FLAG_FIGURE) !== 0;
  }

  /** True when a passage states a duration ("30 years", "three decades"). */
  hasDuration(passageId: number): boolean {
    return ((this.parts.flags[passageId] ?? 0) & FLAG_DURATION) !== 0;
  }

  /** Indexes `letters`, analyzing each passage once. */
  static build(letters: readonly Letter[]): SearchIndex {
    const conceptIds = new Map<string, number>();
    const vocabulary: string[] = [];
    const dfs: number[] = [];
    const surfaceWords = new SearchableMap<string>();
    const passageCount = letters.reduce((n, l) => n + l.passages.length, 0);
    const forwardOffsets = new Uint32Array(passageCount + 1);
    const passageLength = new Uint16Array(passageCount);
    const flags = new Uint8Array(passageCount);
    const concepts: number[] = [];
    const counts: number[] = [];
    const passageConcepts: string[][] = [];
    let id = 0;
    for (const letter of letters) {
      for (const passage of letter.passages) {
        const terms = analyze(passage.text);
        const tf = new Map<number, number>();
        let figure = false;
        for (const t of terms) {
          let cid = conceptIds.get(t.concept);
          if (cid === undefined) {
            cid = vocabulary.length;
            conceptIds.set(t.concept, cid);
            vocabulary.push(t.concept);
            dfs.push(0);
          }
          tf.set(cid, (tf.get(cid) ?? 0) + 1);
          if (!surfaceWords.has(t.word)) surfaceWords.set(t.word, t.concept);
          if (/^\d/.test(t.concept) && !/^(?:19|20)\d{2}$/.test(t.concept)) figure = true;
        }
        const sorted = [...tf.keys()].sort((a, b) => a - b);
        for (const cid of sorted) {
          concepts.push(cid);
          counts.push(Math.min(255, tf.get(cid) ?? 0));
          dfs[cid] = (dfs[cid] ?? 0) + 1;
        }
        passageConcepts.push(sorted.map((cid) => vocabulary[cid] ?? ''));
        forwardOffsets[id + 1] = concepts.length;
        passageLength[id] = Math.min(65535, terms.length);
        flags[id] = (figure ? FLAG_FIGURE : 0) | (DURATION.test(passage.text) ? FLAG_DURATION : 0);
        id += 1;
      }
    }
    const maxIndexedDf = Math.max(MIN_INDEXED_DF, Math.floor(INDEXED_SHARE * passageCount));
    const miniSearch = new MiniSearch<IndexDocument>(MINISEARCH_OPTIONS);
    for (const [pid, list] of passageConcepts.entries()) {
      const selective = list.filter((c) => (dfs[conceptIds.get(c) ?? 0] ?? 0) <= maxIndexedDf);
      miniSearch.add({ id: pid, terms: selective.join(' ') });
    }
    return new SearchIndex(letters, {
      vocabulary,
      documentFrequency: Uint32Array.from(dfs),
      forwardOffsets,
      forwardConcepts: Uint32Array.from(concepts),
      forwardCounts: Uint8Array.from(counts),
      passageLength,
      flags,
      miniSearch,
      surfaceWords,
    });
  }

  /** The index in a form `JSON.stringify` can save; typed arrays travel as base64. */
  toSaved(): SavedIndex {
    const p = this.parts;
    return {
      format: INDEX_FORMAT,
      vocabulary: p.vocabulary,
      documentFrequency: toBase64(p.documentFrequency),
      forwardOffsets: toBase64(p.forwardOffsets),
      forwardConcepts: toBase64(p.forwardConcepts),
      forwardCounts: toBase64(p.forwardCounts),
      passageLength: toBase64(p.passageLength),
      flags: toBase64(p.flags),
      miniSearch: JSON.stringify(p.miniSearch),
      surfaceWords: [...p.surfaceWords],
    };
  }

  /** Restores an index saved by `toSaved` for the same `letters`. */
  static fromSaved(letters: readonly Letter[], saved: SavedIndex): SearchIndex {
    const surfaceWords = new SearchableMap<string>();
    for (const [word, concept] of saved.surfaceWords) surfaceWords.set(word, concept);
    return new SearchIndex(letters, {
      vocabulary: saved.vocabulary,
      documentFrequency: fromBase64(
        saved.documentFrequency,
        (b, o, l) => new Uint32Array(b, o, l),
        4,
      ),
      forwardOffsets: fromBase64(saved.forwardOffsets, (b, o, l) => new Uint32Array(b, o, l), 4),
      forwardConcepts: fromBase64(saved.forwardConcepts, (b, o, l) => new Uint32Array(b, o, l), 4),
      forwardCounts: fromBase64(saved.forwardCounts, (b, o, l) => new Uint8Array(b, o, l), 1),
      passageLength: fromBase64(saved.passageLength, (b, o, l) => new Uint16Array(b, o, l), 2),
      flags: fromBase64(saved.flags, (b, o, l) => new Uint8Array(b, o, l), 1),
      miniSearch: MiniSearch.loadJSON<IndexDocument>(saved.miniSearch, MINISEARCH_OPTIONS),
      surfaceWords,
    });
  }
}
