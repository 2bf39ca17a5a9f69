import { withThousands } from '../corpus/schema.ts';

/** English plural categories (`one` or `other`), from the platform's CLDR data. */
const ENGLISH = new Intl.PluralRules('en');

/**
 * A count with its noun in the right number, written as the documents write counts: "1 letter",
 * "5 letters", "0 letters", "370,419 passages". `plural` is
 * for nouns whose plural is not the singular and an "s" ("1 annex", "2 annexes").
 */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${withThousands(n)} ${ENGLISH.select(n) === 'one' ? singular : plural}`;
}

/**
 * A noun with its indefinite article, for a document's kind: "a letter", "an annex", "a note
 * verbale". By the first letter, which holds for the kinds documents have (no "an hour" among them).
 */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** Plurals that adding "s" or "es" to the last word does not make. */
const PLURALS: Readonly<Record<string, string>> = { 'note verbale': 'notes verbales' };

/**
 * The plural of a document's kind, for counting them: "speeches", "notes verbales", "press
 * releases", "summaries".
 */
export function pluralOf(noun: string): string {
  const plural = PLURALS[noun.toLowerCase()];
  if (plural) return plural;
  if (/(?:s|x|z|ch|sh)$/i.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/i.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}
