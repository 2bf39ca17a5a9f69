import { findLetterByKey } from '../corpus/identify.ts';
import type { Letter } from '../corpus/schema.ts';
import type { IndexInfo } from '../render/discord.ts';
import { letterKey } from '../render/discord.ts';
import { describeScope } from '../search/answer.ts';
import type { SearchIndex } from '../search/search-index.ts';
import { UserFacingError } from './errors.ts';

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
}

function serving(index: SearchIndex): Serving {
  return {
    index,
    byKey: new Map(index.letters.map((l) => [letterKey(l), l])),
    keysById: new Map(index.letters.map((l) => [l.id, letterKey(l)])),
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
      passages: scope.passages,
      from: scope.from,
      to: scope.to,
      builtAt: this.current.index.builtAt,
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

  /** The letter a user chose (its id, or a symbol); a `UserFacingError` when there is none. */
  findLetter(value: string): Letter {
    const letter = findLetterByKey(this.current.index.letters, value);
    if (!letter)
      throw new UserFacingError(
        `No letter "${value.slice(0, 100)}" in the index. Pick one from the list as you type, or see \`/letters\`.`,
      );
    return letter;
  }
}
