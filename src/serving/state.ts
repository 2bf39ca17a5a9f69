import { type DocumentNoun, documentNoun, type Letter } from '../corpus/schema.ts';
import { describeScope } from '../search/answer.ts';
import type { SearchIndex } from '../search/search-index.ts';

/** What the footer says about the index. */
export interface IndexInfo {
  /** Documents in the index (named so when letters were all there was). */
  letters: number;
  /** What to call them: "letter" while every document is a UN letter or note verbale, otherwise "document". */
  noun: DocumentNoun;
  passages: number;
  from: string | null;
  to: string | null;
  builtAt: Date;
  /**
   * Each document's kind by its id ("letter", "note verbale", "statement"), for naming the part
   * a passage stands in: the main part of a statement is the statement. "letter" when not given.
   */
  kinds?: ReadonlyMap<string, string>;
}

/** Length of the content-hash prefix that names a letter in a button. */
export const LETTER_KEY_LENGTH = 10;

/** The key that names a letter in buttons: the first hex digits of its content hash. */
export function letterKey(letter: Pick<Letter, 'sha256'>): string {
  return letter.sha256.slice(0, LETTER_KEY_LENGTH);
}

/**
 * The index the bot answers from. `swap` replaces it in one assignment, so a query always runs
 * on one whole index: those in flight finish on the old one.
 */
/** An index with the lookups buttons need, built once per index. */
interface Serving {
  index: SearchIndex;
  /** Letter by the key that names it in buttons. */
  byKey: Map<string, Letter>;
  /** Button key by letter id. */
  keysById: Map<string, string>;
  /** Each document's kind by its id. */
  kindsById: Map<string, string>;
  /** What the documents are called, worked out once per index. */
  noun: DocumentNoun;
}

function serving(index: SearchIndex): Serving {
  return {
    index,
    noun: documentNoun(index.letters),
    byKey: new Map(index.letters.map((l) => [letterKey(l), l])),
    keysById: new Map(index.letters.map((l) => [l.id, letterKey(l)])),
    kindsById: new Map(index.letters.map((l) => [l.id, l.kind])),
  };
}

export class AnnexState {
  private current: Serving;

  constructor(index: SearchIndex) {
    this.current = serving(index);
  }

  get index(): SearchIndex {
    return this.current.index;
  }

  /** Serves `index` from now on. */
  swap(index: SearchIndex): void {
    this.current = serving(index);
  }

  /** The footer's facts about the index. */
  info(): IndexInfo {
    const scope = describeScope(this.current.index);
    return {
      letters: scope.letters,
      noun: this.current.noun,
      passages: scope.passages,
      from: scope.from,
      to: scope.to,
      builtAt: this.current.index.builtAt,
      kinds: this.current.kindsById,
    };
  }

  /** Letter keys by letter id, for buttons. */
  keysById(): ReadonlyMap<string, string> {
    return this.current.keysById;
  }

  /** The letter a button names, or null when the corpus no longer has it. */
  letterByKey(key: string): Letter | null {
    return this.current.byKey.get(key) ?? null;
  }

  /** The letter a user chose (its id, or a symbol), or null when the index has none such. */
  findLetter(value: string): Letter | null {
    const { index } = this.current;
    return index.letters[index.catalog.find(value)] ?? null;
  }
}
