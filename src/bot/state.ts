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
export class AnnexState {
  private current: SearchIndex;
  private byKey = new Map<string, Letter>();

  constructor(index: SearchIndex) {
    this.current = index;
    this.byKey = AnnexState.keys(index);
  }

  private static keys(index: SearchIndex): Map<string, Letter> {
    return new Map(index.letters.map((l) => [letterKey(l), l]));
  }

  get index(): SearchIndex {
    return this.current;
  }

  /** Serves `index` from now on. */
  swap(index: SearchIndex): void {
    this.byKey = AnnexState.keys(index);
    this.current = index;
  }

  /** The footer's facts about the index. */
  info(): IndexInfo {
    const scope = describeScope(this.current);
    return {
      letters: scope.letters,
      passages: scope.passages,
      from: scope.from,
      to: scope.to,
      builtAt: this.current.builtAt,
    };
  }

  /** Letter keys by letter id, for buttons. */
  keysById(): Map<string, string> {
    return new Map(this.current.letters.map((l) => [l.id, letterKey(l)]));
  }

  /** The letter a button names, or null when the corpus no longer has it. */
  letterByKey(key: string): Letter | null {
    return this.byKey.get(key) ?? null;
  }

  /** The letter a user chose (its id, or a symbol); a `UserFacingError` when there is none. */
  findLetter(value: string): Letter {
    const wanted = value.trim().toLowerCase();
    const letter = this.current.letters.find(
      (l) =>
        l.id.toLowerCase() === wanted ||
        l.symbol?.toLowerCase() === wanted ||
        l.symbols.some((s) => s.toLowerCase() === wanted),
    );
    if (!letter)
      throw new UserFacingError(
        `No letter "${value.slice(0, 100)}" in the index. Pick one from the list as you type, or see \`/letters\`.`,
      );
    return letter;
  }
}
