import type { SearchIndex } from './search-index.ts';

/**
 * Abbreviations the letters spell out but never abbreviate: "CERF" for the "Central Emergency
 * Response Fund", "SIDS" for "small island developing States". A letter names a fund, an office
 * or a programme in full; people type its initials. The glossary knows the UN's common ones;
 * this finds any other in the letters themselves, so it carries over to letters Annex has never
 * seen.
 */

/** Words an abbreviation skips: "Office of the High Commissioner for Human Rights" is OHCHR. */
const CONNECTORS = '(?:of|for|and|the|on|in|to|de)';
/** Initials of more words than this are no abbreviation anyone types. */
const MAX_INITIALS = 8;

/**
 * A run of capitalized words, connecting words between them: a name ("Office of the High
 * Commissioner"). Latin letters only: a Unicode property class makes this scan ten times slower.
 */
const LETTERS = "[A-Za-zÀ-ÖØ-öø-ÿ'’]";
const CAPITAL = '[A-ZÀ-ÖØ-Þ]';
const NAME_RUN = new RegExp(
  `\\b${CAPITAL}${LETTERS}*(?:(?:[\\s-]+${CONNECTORS})*[\\s-]+${CAPITAL}${LETTERS}*)+`,
  'g',
);
const CAPITALIZED = new RegExp(`\\b${CAPITAL}${LETTERS}*`, 'g');

/** Per index: initials → the name of the letters first written with those initials. */
const names = new WeakMap<SearchIndex, Map<string, string>>();

/**
 * The names the letters write in full, by their initials: every run of two to `MAX_INITIALS`
 * capitalized words ("The Central Emergency Response Fund" gives TCERF, CERF, ERF, … ).
 * Read from every passage once per index, on the first question that needs it.
 */
function namesByInitials(index: SearchIndex): Map<string, string> {
  let byInitials = names.get(index);
  if (byInitials) return byInitials;
  byInitials = new Map();
  for (const letter of index.letters)
    for (const passage of letter.passages)
      for (const run of passage.text.matchAll(NAME_RUN)) {
        const words = [...run[0].matchAll(CAPITALIZED)];
        for (let i = 0; i < words.length; i++) {
          const first = words[i] as RegExpExecArray;
          let initials = first[0].charAt(0).toLowerCase();
          for (let j = i + 1; j < words.length && j - i < MAX_INITIALS; j++) {
            const last = words[j] as RegExpExecArray;
            initials += last[0].charAt(0).toLowerCase();
            if (byInitials.has(initials)) continue;
            const form = run[0].slice(first.index, last.index + last[0].length);
            byInitials.set(initials, form.replace(/\s+/g, ' '));
          }
        }
      }
  names.set(index, byInitials);
  return byInitials;
}

/**
 * The words whose initials are `initials`, in order, connecting words between them skipped,
 * in any case ("small island developing States").
 */
export function initialsPattern(initials: string): RegExp {
  const words = [...initials.toLowerCase()].map((c) => `[${c}${c.toUpperCase()}]${LETTERS}*`);
  return new RegExp(`\\b${words.join(`(?:[\\s-]+${CONNECTORS})*[\\s-]+`)}\\b`, 'g');
}

/** Spelled-out forms in any case found so far, per index and abbreviation (`null`: none). */
const anyCase = new WeakMap<SearchIndex, Map<string, string | null>>();

/** The form written most often, or `null`. */
function commonest(counts: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  for (const [form, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = form;
  return best;
}

/**
 * What the letters write in full for an abbreviation (`"cerf"` → "Central Emergency Response
 * Fund"); `null` when they spell out none. With `proper`, only a name (capitalized words), the
 * first the letters write; without it, words in any case ("SIDS": "small island developing
 * States"), the form they write most, read from every passage once per abbreviation and index.
 */
export function spelledOut(index: SearchIndex, initials: string, proper: boolean): string | null {
  const key = initials.toLowerCase();
  if (proper) return namesByInitials(index).get(key) ?? null;
  let known = anyCase.get(index);
  if (!known) anyCase.set(index, (known = new Map()));
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const counts = new Map<string, number>();
  const pattern = initialsPattern(key);
  for (const letter of index.letters)
    for (const passage of letter.passages)
      for (const m of passage.text.matchAll(pattern)) {
        const form = m[0].replace(/\s+/g, ' ');
        counts.set(form, (counts.get(form) ?? 0) + 1);
      }
  const best = commonest(counts);
  if (known.size < 10_000) known.set(key, best);
  return best;
}
