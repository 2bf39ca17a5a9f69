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
export const INDEX_FORMAT = 3;

const MINISEARCH_OPTIONS: Options<IndexDocument> = {
  fields: ['terms'],
  idField: 'id',
  tokenize: (text: string) => text.split(' '),
  processTerm: (term: string) => term,
  searchOptions: { tokenize: (text: string) => [text], processTerm: (term: string) => term },
};

/** The saved form of a `SearchIndex` (letters travel separately). */
export interface SavedIndex {
  format: number;
  miniSearch: string;
  documentFrequency: [string, number][];
  surfaceWords: [string, string][];
  totalLength: number;
}

/**
 * The searchable form of a corpus: a MiniSearch index over every passage's concepts, plus what
 * ranking needs and MiniSearch does not expose: each concept's document frequency, and the
 * corpus's own words (for correcting a question's spelling against them).
 */
export class SearchIndex {
  /** Every passage, in letter order; a passage's position here is its MiniSearch id. */
  readonly passages: readonly IndexedPassage[];
  readonly letters: readonly Letter[];
  readonly miniSearch: MiniSearch<IndexDocument>;
  /** Concept → number of passages that contain it. */
  readonly documentFrequency: ReadonlyMap<string, number>;
  /** Folded surface word → its concept, searchable by edit distance. */
  readonly surfaceWords: SearchableMap<string>;
  /** Mean number of terms per passage, for BM25 length normalization. */
  readonly averageLength: number;
  /** When the index was built or loaded, for `/help` and `/letters`. */
  readonly builtAt: Date;

  private constructor(
    letters: readonly Letter[],
    miniSearch: MiniSearch<IndexDocument>,
    documentFrequency: Map<string, number>,
    surfaceWords: SearchableMap<string>,
    totalLength: number,
  ) {
    this.letters = letters;
    this.passages = letters.flatMap((letter) =>
      letter.passages.map((passage) => ({ letter, passage })),
    );
    this.miniSearch = miniSearch;
    this.documentFrequency = documentFrequency;
    this.surfaceWords = surfaceWords;
    this.averageLength = this.passages.length > 0 ? totalLength / this.passages.length : 1;
    this.builtAt = new Date();
  }

  /** Number of passages indexed. */
  get size(): number {
    return this.passages.length;
  }

  /** Indexes `letters`, analyzing each passage once. */
  static build(letters: readonly Letter[]): SearchIndex {
    const miniSearch = new MiniSearch<IndexDocument>(MINISEARCH_OPTIONS);
    const documentFrequency = new Map<string, number>();
    const surfaceWords = new SearchableMap<string>();
    let totalLength = 0;
    let id = 0;
    for (const letter of letters) {
      for (const passage of letter.passages) {
        const terms = analyze(passage.text);
        const concepts = terms.map((t) => t.concept);
        for (const concept of new Set(concepts)) {
          documentFrequency.set(concept, (documentFrequency.get(concept) ?? 0) + 1);
        }
        for (const t of terms) if (!surfaceWords.has(t.word)) surfaceWords.set(t.word, t.concept);
        totalLength += concepts.length;
        miniSearch.add({ id, terms: concepts.join(' ') });
        id += 1;
      }
    }
    return new SearchIndex(letters, miniSearch, documentFrequency, surfaceWords, totalLength);
  }

  /** The index in a form `JSON.stringify` can save. */
  toSaved(): SavedIndex {
    return {
      format: INDEX_FORMAT,
      miniSearch: JSON.stringify(this.miniSearch),
      documentFrequency: [...this.documentFrequency],
      surfaceWords: [...this.surfaceWords],
      totalLength: this.averageLength * this.passages.length,
    };
  }

  /** Restores an index saved by `toSaved` for the same `letters`. */
  static async fromSaved(letters: readonly Letter[], saved: SavedIndex): Promise<SearchIndex> {
    const miniSearch = await MiniSearch.loadJSONAsync<IndexDocument>(
      saved.miniSearch,
      MINISEARCH_OPTIONS,
    );
    const surfaceWords = new SearchableMap<string>();
    for (const [word, concept] of saved.surfaceWords) surfaceWords.set(word, concept);
    return new SearchIndex(
      letters,
      miniSearch,
      new Map(saved.documentFrequency),
      surfaceWords,
      saved.totalLength,
    );
  }
}
