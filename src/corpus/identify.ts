import { normalizeSymbol, symbolForms } from './masthead.ts';
import type { Letter } from './schema.ts';

/** A key as typed, compared without case and with any dash between symbol parts a hyphen. */
export function letterKey(key: string): string {
  return normalizeSymbol(key.trim().toUpperCase()).toLowerCase();
}

function symbolMatches(letter: Pick<Letter, 'symbol' | 'symbols'>, wanted: string): boolean {
  return [letter.symbol, ...letter.symbols].some((s) => s !== null && symbolForms(s).includes(wanted));
}

/** Whether `key` — a letter id or a document symbol (whole or one part), in any case — names `letter`. */
export function namesLetter(letter: Pick<Letter, 'id' | 'symbol' | 'symbols'>, key: string): boolean {
  const wanted = letterKey(key);
  return letter.id.toLowerCase() === wanted || symbolMatches(letter, wanted);
}

/** The letter `key` names: by id first, then by symbol; `undefined` when none does. */
export function findLetterByKey<T extends Pick<Letter, 'id' | 'symbol' | 'symbols'>>(
  letters: readonly T[],
  key: string,
): T | undefined {
  const wanted = letterKey(key);
  return letters.find((l) => l.id.toLowerCase() === wanted) ?? letters.find((l) => symbolMatches(l, wanted));
}
