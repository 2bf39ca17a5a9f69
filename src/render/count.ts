/** English plural categories (`one` or `other`), from the platform's CLDR data. */
const ENGLISH = new Intl.PluralRules('en');

/**
 * A count with its noun in the right number: "1 letter", "5 letters", "0 letters". `plural` is
 * for nouns whose plural is not the singular and an "s" ("1 annex", "2 annexes").
 */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${ENGLISH.select(n) === 'one' ? singular : plural}`;
}

/**
 * A noun with its indefinite article, for a document's kind: "a letter", "an annex", "a note
 * verbale". By the first letter, which holds for the kinds documents have (no "an hour" among them).
 */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
