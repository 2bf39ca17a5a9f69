import { isStopWord } from './analyze.ts';
import { lowerBound } from './sorted.ts';

/**
 * Abbreviations the letters spell out but never abbreviate: "NDMO" for the "National Disaster
 * Management Office", "LLCS" for "low-lying coastal States". A letter names a fund, an office or
 * a programme in full; people type its initials. The glossary knows the UN's common ones; this
 * finds any other in the letters themselves, so it carries over to letters Annex has never seen.
 *
 * The spelled-out forms are found once, when the index is built (`buildAbbreviations`), and kept
 * in a table saved with it: a question looks its initials up there, never in the passages.
 */

/** Words an abbreviation skips: "Office of the High Commissioner for Human Rights" is OHCHR. */
const CONNECTORS: ReadonlySet<string> = new Set([
  'of',
  'for',
  'and',
  'the',
  'on',
  'in',
  'to',
  'de',
]);
/** Initials people type: three to eight letters. */
export const MIN_INITIALS = 3;
export const MAX_INITIALS = 8;
/** Words in lower case are taken for initials of four letters or more (three would match words that happen to follow each other). */
export const MIN_LOWER_CASE_INITIALS = 4;

/**
 * The spelled-out forms of an index: per initials key (`keyOf`), the form the letters write most,
 * as where it first stands (a passage and its character span). Sorted by the key's hash, so a
 * look-up is a binary search; two keys may share a hash, so each form found is checked.
 */
export interface AbbreviationTable {
  hashes: Uint32Array;
  passages: Uint32Array;
  starts: Uint32Array;
  ends: Uint32Array;
}

/**
 * The key of an abbreviation: its initials, lower case, marked as a name (capitalized words:
 * "Central Emergency Response Fund") or as words in any case ("small island developing States").
 */
function keyOf(initials: string, proper: boolean): string {
  return `${proper ? 'N' : 'A'}${initials.toLowerCase()}`;
}

/** FNV-1a of a string, 32 bits. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Whether a character code is a letter of a word: Latin letters and apostrophes. */
function isWordChar(c: number): boolean {
  return (
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 39 ||
    c === 0x2019 ||
    (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7)
  );
}

/**
 * Whether a character code is a letter or a digit of any script: ASCII ones by their codes (a
 * word's end is met at every word, 35 million times at 10,952 speeches), the rest by Unicode.
 */
function isLetterOrDigit(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

/** Whether a character code may stand between the words of a name: white space or a hyphen. */
function isJoiner(c: number): boolean {
  return c === 32 || c === 45 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/** Whether a word is capitalized (its first letter upper case). */
function isCapitalized(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** White space other than one space: a run of it, or a tab, a line break, a no-break space. */
const OTHER_SPACE = /\s\s|[^\S ]/;

/**
 * `text` with each run of white space as one space. Most forms hold single spaces only and are
 * kept as they are: `replace(/\s+/g, ' ')` rebuilt each of them as a chain of pieces (V8's
 * cons strings), about 600 bytes a form, and the forms of 10,952 speeches (833,000) took half a
 * gigabyte while the index was built.
 */
function normalizeSpace(text: string): string {
  return OTHER_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/**
 * The words of a text that may spell an abbreviation, each with where it stands and whether
 * white space or hyphens alone join it to the word before (anything else breaks a name).
 */
function wordsOf(text: string): { word: string; start: number; end: number; joined: boolean }[] {
  const words: { word: string; start: number; end: number; joined: boolean }[] = [];
  let joined = false;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      const start = i;
      while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
      // A word runs into a digit or another script ("A4", "Δ"): no name word.
      const next = i < text.length ? text.charCodeAt(i) : 32;
      if (isLetterOrDigit(next)) {
        while (i < text.length && isLetterOrDigit(text.charCodeAt(i))) i++;
        joined = false;
        continue;
      }
      words.push({ word: text.slice(start, i), start, end: i, joined });
      joined = true;
      continue;
    }
    if (!isJoiner(c)) joined = false;
    i++;
  }
  return words;
}

/**
 * Gathers the spelled-out forms of a corpus, passage by passage (`add`), and makes the table
 * (`table`). A form is a run of words whose initials spell the abbreviation, connecting words
 * between them skipped: capitalized words (a name) for three to eight initials, or, for four to
 * eight, a whole run of words in any case ending in a capitalized one ("low-lying coastal
 * States"). A stop word other than a connector breaks a run.
 */
export class AbbreviationBuilder {
  /** Per key: the best form so far, as an entry of the arrays below. */
  private readonly best = new Map<string, number>();
  /** Per form, its entry: a form has one set of initials, so it counts the same under each key. */
  private readonly entryOf = new Map<string, number>();
  private readonly counts: number[] = [];
  private readonly places: number[] = [];

  /** Reads one passage, `id` its id in the index. */
  add(id: number, text: string): void {
    const words = wordsOf(text);
    const run: number[] = [];
    for (let j = 0; j < words.length; j++) {
      const w = words[j] as (typeof words)[number];
      if (!w.joined) run.length = 0;
      if (CONNECTORS.has(w.word)) continue;
      if (isStopWord(w.word.toLowerCase())) {
        run.length = 0;
        continue;
      }
      run.push(j);
      if (run.length > MAX_INITIALS) run.shift();
      if (!isCapitalized(w.word)) continue;
      let initials = '';
      let proper = true;
      for (let n = 1; n <= run.length; n++) {
        const first = words[run[run.length - n] as number] as (typeof words)[number];
        initials = first.word.charAt(0) + initials;
        proper &&= isCapitalized(first.word);
        // Words in lower case count as a whole run back to a stop word or a break ("low-lying
        // coastal States"), not every tail of it: those would be most of a corpus's word runs.
        const whole = n === run.length;
        if (n < MIN_INITIALS || (!proper && (n < MIN_LOWER_CASE_INITIALS || !whole))) continue;
        const form = normalizeSpace(text.slice(first.start, w.end));
        let entry = this.entryOf.get(form);
        if (entry === undefined) {
          entry = this.counts.length;
          this.entryOf.set(form, entry);
          this.counts.push(0);
          this.places.push(id, first.start, w.end);
        }
        this.counts[entry] = (this.counts[entry] ?? 0) + 1;
        if (proper) this.consider(keyOf(initials, true), entry);
        if (n >= MIN_LOWER_CASE_INITIALS && whole) this.consider(keyOf(initials, false), entry);
      }
    }
  }

  /** Makes `entry` the key's form if it is now written most (of two as often, the one written first). */
  private consider(key: string, entry: number): void {
    const best = this.best.get(key);
    if (
      best === undefined ||
      (this.counts[entry] ?? 0) > (this.counts[best] ?? 0) ||
      (best > entry && this.counts[entry] === this.counts[best])
    )
      this.best.set(key, entry);
  }

  /** The table of the best form of every key. */
  table(): AbbreviationTable {
    const chosen = [...this.best].map(([key, entry]) => ({ hash: hashOf(key), entry }));
    chosen.sort((a, b) => a.hash - b.hash || a.entry - b.entry);
    const table: AbbreviationTable = {
      hashes: new Uint32Array(chosen.length),
      passages: new Uint32Array(chosen.length),
      starts: new Uint32Array(chosen.length),
      ends: new Uint32Array(chosen.length),
    };
    chosen.forEach(({ hash, entry }, i) => {
      table.hashes[i] = hash;
      table.passages[i] = this.places[3 * entry] ?? 0;
      table.starts[i] = this.places[3 * entry + 1] ?? 0;
      table.ends[i] = this.places[3 * entry + 2] ?? 0;
    });
    return table;
  }
}

/** The key a spelled-out form is found under (`keyOf`), as `AbbreviationBuilder` reads it. */
function keyOfForm(form: string, proper: boolean): string | null {
  const initials = wordsOf(form)
    .filter((w) => !CONNECTORS.has(w.word))
    .map((w) => w.word.charAt(0))
    .join('');
  return initials.length > 0 ? keyOf(initials, proper) : null;
}

/**
 * What the letters write in full for an abbreviation (`"ndmo"` → "National Disaster Management
 * Office"), the form they write most; `null` when they spell out none. With `proper`, only a name
 * (capitalized words). Looked up in the index's table: `text(passage)` gives a passage's text.
 */
export function spelledOut(
  table: AbbreviationTable,
  text: (passage: number) => string,
  initials: string,
  proper: boolean,
): string | null {
  for (const variant of connectorVariants(initials.toLowerCase())) {
    const form = spelledOutAs(table, text, variant, proper);
    if (form !== null) return form;
  }
  return null;
}

/** The initials of the connecting words an abbreviation may keep: "in" of "UNMISS", "of", "for", "and", "de". */
const CONNECTOR_INITIALS: ReadonlySet<string> = new Set(['i', 'o', 'f', 'a', 'd']);
/** At most this many connectors' initials in one abbreviation. */
const MAX_KEPT_CONNECTORS = 2;

/**
 * The initials as typed, then without the letters that may be a connecting word's ("unmiss":
 * "unmss", the United Nations Mission in South Sudan, whose "in" the table's key skips): one left
 * out, then two, never the first. Each form found is checked against its key (`keyOfForm`).
 */
function connectorVariants(initials: string): string[] {
  const variants = [initials];
  const drop = (from: string, depth: number) => {
    if (depth === 0) return;
    for (let i = 1; i < from.length - 1; i++) {
      if (!CONNECTOR_INITIALS.has(from.charAt(i))) continue;
      const shorter = from.slice(0, i) + from.slice(i + 1);
      if (shorter.length < MIN_INITIALS || variants.includes(shorter)) continue;
      variants.push(shorter);
      drop(shorter, depth - 1);
    }
  };
  drop(initials, MAX_KEPT_CONNECTORS);
  return variants;
}

/** `spelledOut` for one key. */
function spelledOutAs(
  table: AbbreviationTable,
  text: (passage: number) => string,
  initials: string,
  proper: boolean,
): string | null {
  const key = keyOf(initials, proper);
  const hash = hashOf(key);
  const { hashes } = table;
  for (let i = lowerBound(hashes, hash); i < hashes.length && hashes[i] === hash; i++) {
    const form = normalizeSpace(
      text(table.passages[i] as number).slice(table.starts[i], table.ends[i]),
    );
    if (keyOfForm(form, proper) === key) return form;
  }
  return null;
}
