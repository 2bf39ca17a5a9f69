/**
 * The filters of a list of documents (`/letters`, `cli letters`): their kind, their author, the
 * year they are dated. A corpus of 10,000 speeches is read a filter at a time, not page by page.
 * Kinds and authors are compared as slugs (folded, punctuation and spacing ignored), so that
 * what the autocomplete offers, what a user types and what a button carries match alike.
 */
import { createHash } from 'node:crypto';
import type { Letter } from '../corpus/schema.ts';
import { analyze, fold, isGlossaryConcept } from './analyze.ts';
import { speakingFor } from '../corpus/meeting-record.ts';
import { stateOfOffice } from '../corpus/parse-document.ts';
import { authorNames, isoCodes, nameKey, POSTED } from './catalog.ts';
import { stateOf } from './cite.ts';
import { relatedNames } from './document-names.ts';

/** A list's filter: each part `null` when not given. Kind and author as slugs (`slug`). */
export interface ListFilter {
  kind: string | null;
  author: string | null;
  year: number | null;
}

/** No filter: every document. */
export const NO_FILTER: ListFilter = { kind: null, author: null, year: null };

/** A reason names at most this many authors, the most documents first, and how many more. */
const SHOWN_AUTHORS = 8;
/** Autocomplete offers at most this many (Discord's limit). */
const MAX_CHOICES = 25;
/** A choice's name and value are at most this long (Discord's limit). */
const CHOICE_LENGTH = 100;

/** "Chargé d'affaires a.i." → "charge-d-affaires-a-i": what a kind or author is compared by. */
export function slug(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Whether any part of the filter is given. */
export function isFiltered(filter: ListFilter): boolean {
  return filter.kind !== null || filter.author !== null || filter.year !== null;
}

/** A kind or an author of the documents, as they write it, and how many documents have it. */
export interface Named {
  name: string;
  documents: number;
}

const KINDS = new WeakMap<readonly Letter[], Named[]>();
const AUTHORS = new WeakMap<readonly Letter[], Named[]>();

/**
 * Distinct values by slug, the most documents first (then by name), counted once per list; a
 * document with several values (an author and the State it speaks for) counts for each once.
 */
function distinct(
  cache: WeakMap<readonly Letter[], Named[]>,
  letters: readonly Letter[],
  of: (l: Letter) => readonly (string | null)[],
): Named[] {
  const cached = cache.get(letters);
  if (cached) return cached;
  const bySlug = new Map<string, Named>();
  for (const letter of letters) {
    const counted = new Set<string>();
    for (const value of of(letter)) {
      const name = value?.trim();
      if (!name) continue;
      // "the State of Palestine" and "State of Palestine" are one.
      const key = slug(name).replace(/^the-/, '');
      if (counted.has(key)) continue;
      counted.add(key);
      const seen = bySlug.get(key);
      if (seen) seen.documents += 1;
      else bySlug.set(key, { name, documents: 1 });
    }
  }
  const named = [...bySlug.values()].sort(
    (a, b) => b.documents - a.documents || a.name.localeCompare(b.name),
  );
  cache.set(letters, named);
  return named;
}

/** The kinds of the documents ("letter", "speech", "note verbale"), the most common first. */
export function documentKinds(letters: readonly Letter[]): Named[] {
  return distinct(KINDS, letters, (l) => [l.kind]);
}

/**
 * The authors of the documents ("Norway", "Secretary-General") and the States they speak for, as
 * a document without a symbol is headed ("Azerbaijan" of its Permanent Representative's letters
 * and its Mission's note verbale), the most documents first.
 */
export function documentAuthors(letters: readonly Letter[]): Named[] {
  return distinct(AUTHORS, letters, (l) => [
    ...(l.author ? [stateOf(l.author), l.author] : []),
    ...speakingFor(l.speakers),
  ]);
}

const SHORT_AUTHORS = new WeakMap<readonly Letter[], Named[]>();
/** A name short enough to list in a line: a State or a body, not an office's 80 characters. */
const SHORT_NAME_WORDS = 3;

/**
 * The documents' authors by short names, for a line that lists them: the State an author is of
 * ("Azerbaijan"), one the ISO list does not know named as the office names it ("Permanent Mission
 * of the Republic of Kestria to the United Nations": "Republic of Kestria"), or the author whose
 * name is short ("Secretary-General"); whom a record's speakers speak for. Every document is under
 * one of them (user trial 34: an invented State's note verbale was in no list).
 */
export function shortAuthors(letters: readonly Letter[]): Named[] {
  const short = (name: string) => {
    if (name.split(/\s+/).length <= SHORT_NAME_WORDS) return name;
    const office = stateOfOffice(name.split(POSTED)[0] ?? name);
    return office.split(/\s+/).length <= SHORT_NAME_WORDS ? office : null;
  };
  return distinct(SHORT_AUTHORS, letters, (l) => [
    ...(l.author ? [stateOf(l.author) ?? short(l.author)] : []),
    ...speakingFor(l.speakers).map(short),
  ]);
}

/** Whether `value`'s slug holds `wanted`'s as whole words ("the-state-of-palestine" holds "palestine"). */
function holds(value: string, wanted: string): boolean {
  return `-${value}-`.includes(`-${wanted}-`);
}

/**
 * The filter as given (a kind, an author, a year, as typed or picked), in slugs. An author typed
 * as part of one author's name only ("azerbaijan" of a single sender) is that author.
 */
export function readListFilter(
  letters: readonly Letter[],
  given: { kind?: string | null; author?: string | null; year?: number | null },
): ListFilter {
  let kind = given.kind?.trim() ? slug(given.kind) || null : null;
  // "letters", "speeches", "notes verbales": a kind in the plural is that kind.
  if (kind && !documentKinds(letters).some((k) => slug(k.name) === kind)) {
    const stems = (text: string) =>
      analyze(text.replace(/-/g, ' '))
        .map((t) => t.concept)
        .join(' ');
    const wanted = stems(kind);
    const found = documentKinds(letters).find((k) => stems(k.name) === wanted);
    if (found) kind = slug(found.name);
  }
  let author = given.author?.trim() ? slug(given.author) || null : null;
  if (author && given.author) {
    const wanted = author;
    const authors = documentAuthors(letters);
    let fits = authors.filter((a) => holds(slug(a.name), wanted));
    if (fits.length === 0) fits = authors.filter(calledBy(given.author.trim()));
    // Several that name one State ("Azerbaijan", "Permanent Representative of Azerbaijan …"): the
    // State, whose name every other one holds.
    const common = fits.find((f) => fits.every((g) => holds(slug(g.name), slug(f.name))));
    if (common) author = slug(common.name);
  }
  return { kind, author, year: given.year ?? null };
}

/**
 * Whether an author is one a name typed calls by another of its names, as a question would:
 * its abbreviation in the glossary ("SG"), its people ("norwegian"), an older or other name
 * ("Ivory Coast", "Burma"), or its ISO code ("CIV").
 */
function calledBy(typed: string): (author: { name: string }) => boolean {
  const names = [typed, ...relatedNames(typed.toLowerCase(), true)];
  const glossary = names.flatMap((name) =>
    analyze(name)
      .map((t) => t.concept)
      .filter(isGlossaryConcept),
  );
  const keys = new Set([...names.map(nameKey), ...glossary]);
  const codes = new Set(names.flatMap(isoCodes));
  // A code in capitals, unless the glossary reads it otherwise ("SG" is no Singapore).
  if (/^\p{Lu}{2,3}$/u.test(typed) && glossary.length === 0) codes.add(typed);
  return ({ name }) =>
    authorNames(name).some((key) => keys.has(key)) || isoCodes(name).some((c) => codes.has(c));
}

/** Whether a document passes the filter: its kind, an author holding the words given, its year. */
export function passesFilter(letter: Letter, filter: ListFilter): boolean {
  if (filter.kind !== null && slug(letter.kind) !== filter.kind) return false;
  // A meeting's record is by the States that speak in it too (`speakingFor`).
  const wanted = filter.author;
  if (wanted !== null) {
    const authors = [...(letter.author ? [letter.author] : []), ...speakingFor(letter.speakers)];
    if (!authors.some((a) => holds(slug(a), wanted))) return false;
  }
  if (filter.year !== null && !letter.date.startsWith(String(filter.year).padStart(4, '0')))
    return false;
  return true;
}

/** The documents that pass the filter, in their order. */
export function filterDocuments(letters: readonly Letter[], filter: ListFilter): Letter[] {
  return isFiltered(filter) ? letters.filter((l) => passesFilter(l, filter)) : [...letters];
}

/** A kind or author slug as the documents write it, when one of them has it; else as given. */
function displayed(named: Named[], wanted: string): string {
  return named.find((n) => slug(n.name) === wanted)?.name ?? wanted.replace(/-/g, ' ');
}

/** "kind speech, author Norway, year 1997": the filter in words, as the documents write them. */
export function describeListFilter(letters: readonly Letter[], filter: ListFilter): string {
  const parts: string[] = [];
  if (filter.kind !== null) parts.push(`kind ${displayed(documentKinds(letters), filter.kind)}`);
  if (filter.author !== null)
    parts.push(`author ${displayed(documentAuthors(letters), filter.author)}`);
  if (filter.year !== null) parts.push(`year ${filter.year}`);
  return parts.join(', ');
}

/**
 * Why no document passes a filter, part by part: a kind none has (and those they have), an author
 * none is (and the authors of the most documents), a year none is dated; or that each part matches some documents but none all of them.
 */
export function whyNoneMatch(letters: readonly Letter[], filter: ListFilter): string {
  const reasons: string[] = [];
  /** Whether no document passes this part of the filter alone. */
  const noneWith = (part: Partial<ListFilter>) =>
    !letters.some((l) => passesFilter(l, { ...NO_FILTER, ...part }));
  if (filter.kind !== null && noneWith({ kind: filter.kind })) {
    const kinds = documentKinds(letters)
      .slice(0, 8)
      .map((k) => `${k.name} (${k.documents})`);
    reasons.push(
      `none is of kind "${filter.kind.replace(/-/g, ' ')}" (the kinds are ${kinds.join(', ')})`,
    );
  }
  if (filter.author !== null && noneWith({ author: filter.author })) {
    // Short names (a State, a body), not an office's 80 characters: the autocomplete has all.
    const short = shortAuthors(letters);
    const authors = short.slice(0, SHOWN_AUTHORS).map((a) => `${a.name} (${a.documents})`);
    const more = short.length - authors.length;
    reasons.push(
      `no author is named "${filter.author.replace(/-/g, ' ')}" (the authors ${more > 0 ? 'include' : 'are'} ${authors.join(', ')}${more > 0 ? ` and ${more} more` : ''})`,
    );
  }
  if (filter.year !== null && noneWith({ year: filter.year })) {
    // The years beside it that have documents: a span around it would say nothing of why.
    const years = [...new Set(letters.map((l) => Number(l.date.slice(0, 4))).filter(Boolean))];
    const before = Math.max(...years.filter((y) => y < (filter.year as number)));
    const after = Math.min(...years.filter((y) => y > (filter.year as number)));
    const nearest = [before, after].filter(Number.isFinite);
    const beside =
      nearest.length === 2
        ? ` (the nearest years with documents are ${before} and ${after})`
        : nearest.length === 1
          ? ` (the ${before === nearest[0] ? 'latest' : 'earliest'} documents are of ${nearest[0]})`
          : '';
    reasons.push(`none is dated ${filter.year}${beside}`);
  }
  return reasons.length > 0
    ? reasons.join('; ')
    : 'each part of the filter matches some, but none matches them all';
}

/** Autocomplete: the kinds or the authors holding what was typed, the most documents first. */
export function suggestNamed(
  named: readonly Named[],
  typed: string,
): { name: string; value: string }[] {
  const wanted = slug(typed);
  return named
    .filter((n) => !wanted || slug(n.name).includes(wanted))
    .slice(0, MAX_CHOICES)
    .map((n) => {
      const label = `${n.name} (${n.documents})`;
      return {
        name: label.length <= CHOICE_LENGTH ? label : `${label.slice(0, CHOICE_LENGTH - 1)}…`,
        // A name too long for a value is cut at a word: its words still match it (`holds`).
        value:
          n.name.length <= CHOICE_LENGTH
            ? n.name
            : n.name.slice(0, CHOICE_LENGTH).replace(/[^\p{L}\p{N}]*[\p{L}\p{N}]*$/u, ''),
      };
    });
}

/** A slug's short key, for a button that has no room for the slug itself. */
export function filterKey(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 8);
}

/** The author slug whose key (`filterKey`) this is, among the documents' authors; null when none. */
export function authorByKey(letters: readonly Letter[], key: string): string | null {
  for (const a of documentAuthors(letters))
    if (filterKey(slug(a.name)) === key) return slug(a.name);
  return null;
}
