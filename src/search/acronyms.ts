import type { SearchIndex } from './search-index.ts';

/**
 * Abbreviations the letters spell out but never abbreviate: "NDMO" for the "National Disaster
 * Management Office", "LLCS" for "low-lying coastal States". A letter names a fund, an office or
 * a programme in full; people type its initials. The glossary knows the UN's common ones; this
 * finds any other in the letters themselves, so it carries over to letters Annex has never seen.
 */

/** Words an abbreviation skips: "Office of the High Commissioner for Human Rights" is OHCHR. */
const CONNECTORS = '(?:of|for|and|the|on|in|to|de)';
/**
 * Letters of a word. Latin letters only: a Unicode property class makes a scan of every passage
 * several times slower.
 */
const LETTERS = "[A-Za-zÀ-ÖØ-öø-ÿ'’]";

/**
 * The words whose initials are `initials`, in order, connecting words between them skipped:
 * capitalized words (a name: "Central Emergency Response Fund") when `proper`, words in any
 * case otherwise ("small island developing States").
 */
export function initialsPattern(initials: string, proper: boolean): RegExp {
  const words = [...initials.toLowerCase()].map(
    (c) => `${proper ? c.toUpperCase() : `[${c}${c.toUpperCase()}]`}${LETTERS}*`,
  );
  return new RegExp(`\\b${words.join(`(?:[\\s-]+${CONNECTORS})*[\\s-]+`)}\\b`, 'g');
}

/** Spelled-out forms found so far, per index and abbreviation (`null`: the letters have none). */
const found = new WeakMap<SearchIndex, Map<string, string | null>>();

/**
 * What the letters write in full for an abbreviation (`"ndmo"` → "National Disaster Management
 * Office"), the form they write most; `null` when they spell out none. With `proper`, only a name
 * (capitalized words). Read from every passage once per abbreviation and index (0.1 s at
 * 10,000 letters), and remembered.
 */
export function spelledOut(index: SearchIndex, initials: string, proper: boolean): string | null {
  let known = found.get(index);
  if (!known) found.set(index, (known = new Map()));
  const key = `${proper ? 'N' : 'A'}${initials.toLowerCase()}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const pattern = initialsPattern(initials, proper);
  const counts = new Map<string, number>();
  for (const letter of index.letters)
    for (const passage of letter.passages)
      for (const m of passage.text.matchAll(pattern)) {
        const form = m[0].replace(/\s+/g, ' ');
        counts.set(form, (counts.get(form) ?? 0) + 1);
      }
  let best: string | null = null;
  for (const [form, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = form;
  if (known.size < 10_000) known.set(key, best);
  return best;
}
