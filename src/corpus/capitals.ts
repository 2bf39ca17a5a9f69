/**
 * Headings, titles and names printed in capitals (as UN documents of before about 2000 print a
 * letter's heading and an annex's title), written as a name or a title is written.
 */

/**
 * Words a title in capitals is read with in small letters, as a title in small letters writes
 * them: the little words of names ("Republic of Sylvania") and those that say who the title is
 * by and what it is about (`AUTHOR_IN_TITLE`).
 */
const SMALL_WORDS = new Set(
  [
    'of and the for on in to at by from with a an de du la le da dos del before during dated',
    'concerning regarding about upon addressed submitted pursuant issued',
  ]
    .join(' ')
    .split(' '),
);

/**
 * A name written in capitals or in lower case, as a name is written: "ARCADIA" → "Arcadia",
 * "REPUBLIC OF SYLVANIA" → "Republic of Sylvania", "south africa" → "South Africa".
 */
export function fromCapitals(name: string): string {
  return name
    .toLowerCase()
    .split(' ')
    .map((word, i) =>
      i > 0 && SMALL_WORDS.has(word)
        ? word
        : word.replace(/(^|[-'’])(\p{L})/gu, (_, mark: string, letter: string) => mark + letter.toUpperCase()),
    )
    .join(' ');
}

/** Whether a heading is printed in capitals: two words of capitals at least, and no small letter. */
export function inCapitals(text: string): boolean {
  return !/\p{Ll}/u.test(text) && /\p{Lu}{2,}\P{L}+\p{Lu}{2,}/u.test(text);
}

/** A heading as a title is written: `fromCapitals` when it is printed in capitals, else as it is. */
export function asWritten(text: string): string {
  return inCapitals(text) ? fromCapitals(text) : text;
}
