import {
  DATE_PATTERN,
  DAY_OF_MONTH,
  dateWithin,
  dayNumber,
  parseWrittenDate,
} from '../corpus/dates.ts';
import { namesLetter } from '../corpus/identify.ts';
import { isSignature } from '../corpus/parse-letter.ts';
import type { Letter, PartKind } from '../corpus/schema.ts';
import {
  analyze,
  conceptOf,
  isGlossaryConcept,
  fold,
  isStopWord,
  NUMBER_WORDS,
  readPassage,
  tokenize,
  isYearAsWritten,
} from './analyze.ts';
import { describesNext, namesAThing } from './asks.ts';
import { annexOf, attribution, documentUrl, formatCitation } from './cite.ts';
import { type Highlight, pickExcerpt, splitSentences } from './excerpt.ts';
import { resolveLetterReference } from './letter-reference.ts';
import type { DateHint } from './time.ts';
import {
  CORRECTED_WEIGHT,
  DATE_WORD_WEIGHT,
  isEnglishWord,
  isMoneyWord,
  isUnitWord,
  type ParsedQuestion,
  parseQuestion,
  type Slot,
} from './question.ts';
import { BM25_B, BM25_K1, type IndexedPassage, type SearchIndex } from './search-index.ts';

/** Narrows a search to some letters, dates or parts. */
export interface SearchFilters {
  /** A letter id or symbol. */
  letter?: string;
  /** Only letters dated on or after this day (`YYYY-MM-DD`). */
  from?: string;
  /** Only letters dated on or before this day. */
  to?: string;
  part?: PartKind;
}

export interface AskOptions extends SearchFilters {
  /** How many passages to return at most. */
  limit?: number;
  /**
   * A search listing (`/search`) rather than an answer: every passage that matches is listed,
   * best first, without the checks that decide whether passages answer a question.
   */
  list?: boolean;
  /** Skip this many (for paging). */
  offset?: number;
}

/** What a search covered, so that a miss can say so honestly. */
export interface Searched {
  letters: number;
  passages: number;
  /** Date of the earliest and latest letter searched; null when none. */
  from: string | null;
  to: string | null;
}

/** One quoted passage with its citation. Plain data: the renderer decides how it looks. */
export interface AnswerResult {
  letterId: string;
  symbol: string | null;
  date: string;
  /** Passage number (Annex's own numbering). */
  passage: number;
  part: PartKind;
  partIndex: number;
  pages: number[];
  /** The whole passage, verbatim. */
  text: string;
  /** The best sentence(s), verbatim: a substring of `text`. */
  excerpt: string;
  /** Matched words in `excerpt`. */
  highlights: Highlight[];
  score: number;
  citation: string;
  url: string | null;
  /** Who is speaking: the letter's (or annexed letter's) heading. */
  attribution: string;
}

/** The answer to a question: passages best first, or an honest abstention. */
export interface Answer {
  query: string;
  abstained: boolean;
  /** Why there are no results, when there are none. */
  reason: string | null;
  searched: Searched;
  /** How many passages passed the bar in all (for "more results"). */
  total: number;
  results: AnswerResult[];
  /**
   * On an abstention, the closest passages (at most `RELATED_LIMIT`), which may not answer the
   * question; empty when Annex answers. An answer never mixes the two.
   */
  related: AnswerResult[];
  /** How much of the question's specific subject the best passage shown matches (`EVIDENCE_THRESHOLD`). */
  evidence: number;
}

/** Why Annex abstains when what matches is only vocabulary all the letters share (`EVIDENCE_THRESHOLD`). */
export const COMMON_WORDS_ONLY = 'only words common to all the letters match';

/** Why Annex abstains on "who signed …?" when the letters it names carry no signature. */
export const UNSIGNED = 'the letters it names are not signed';

/** Default number of passages in an answer. */
export const DEFAULT_LIMIT = 3;
/** Closest passages offered with an abstention, at most. */
export const RELATED_LIMIT = 3;
/**
 * Annex answers only when some passage it would show matches at least this much of the
 * question's specific subject: the sum, over the question's words the passage holds, of each
 * word's weight times its specificity (its idf over the largest idf the corpus allows — about
 * 0.8 for a word in one passage, 0.1 for "Armenia" in these letters — times how rare it is in
 * general English). Below it only the letters' common vocabulary matches. Chosen from the curve
 * `npm run eval` prints.
 */
export const EVIDENCE_THRESHOLD = 0.3;
/**
 * A passage states the thing a question asks for ("what is the name of X") only when it also
 * holds at least this share of the other things the question names (by value): it is about X.
 */
export const TOPIC_SHARE = 0.5;
/**
 * Annex abstains when at least this many things the question names are absent from the letters,
 * and more of them than of its words are present.
 */
export const MISSING_NAMES = 2;
/** A further passage is shown only when it scores at least this share of the best one. */
export const MIN_RELATIVE_SCORE = 0.35;
/** Boost for a passage stating what the question asks for: a figure ("how many"), a duration ("how long"), a day ("when"). */
export const FIGURE_BOOST = 0.3;
/** For "how many X", a passage stating a figure right before X ("85 citizens") is lifted by this share. */
export const COUNTED_BOOST = 1;
/** A passage that states a total ("the total number of victims", "in all"). */
const TOTAL = /\b(?:total|in all|altogether|combined|overall)\b/i;
/** …where "right before" is within this many words. */
const COUNTED_WINDOW = 4;

/** Words that join one clause or item to the next: a figure after them counts something else. */
const CLAUSE_JOINS: ReadonlySet<string> = new Set(['and', 'or', 'but', 'while', 'whereas']);
/** How near (in words) the verb of "how many were VERBed" stands to the count it tells of. */
const VERB_REACH = 8;

/** Words a count may be given in ("amounts to 1,318 pieces"): they stand for the thing counted nearby. */
const COUNT_UNITS = new Set(['pieces', 'units', 'items']);
/** …within this many words of it. */
const COUNT_UNIT_REACH = 25;

/**
 * Whether `text` states a figure (not a year, not one of `stated`) within `COUNTED_WINDOW`
 * words before a word whose concept is in `wanted` ("2,700 anti-personnel landmines") or after
 * it in the same sentence ("victims has reached 314"), or before a unit of count near such a
 * word ("landmines … amounts to 1,318 pieces").
 */
export function figureBefore(
  text: string,
  wanted: ReadonlySet<string>,
  stated: readonly string[],
): boolean {
  return countsOf(text, wanted, stated, 1) > 0;
}

/**
 * How many different things `text` counts among `wanted`, each by figures of its own, as
 * `figureBefore` reads them: "two civilians and four servicemen" counts 2 things; "victims has
 * reached 314 people, of whom 61 people have died" 1 (a figure or a word shared joins two
 * counts into one thing). Stops at `enough`.
 */
export function countsOf(
  text: string,
  wanted: ReadonlySet<string>,
  stated: readonly string[],
  enough: number,
  verbs?: ReadonlySet<string>,
  modifiers?: ReadonlySet<string>,
): number {
  const { tokens, terms } = readPassage(text);
  // With `modifiers`, a count only of the kind asked ("312 evacuation centres", not "six health
  // centres"): one of them right before the word counted.
  const modifierEnds = modifiers
    ? new Set(terms.filter((t) => modifiers.has(t.concept)).map((t) => t.end))
    : null;
  const modified = (term: { start: number }) => {
    if (modifierEnds === null) return true;
    const first = tokens.findIndex((t) => t.start === term.start);
    return [1, 2].some((k) => modifierEnds.has(tokens[first - k]?.end ?? -1));
  };
  // With `verbs`, a count only next to one of them ("evacuated 2,300 residents").
  const verbAt = verbs
    ? terms.filter((t) => verbs.has(t.concept)).map((t) => tokenEnding(tokens, t.end))
    : null;
  /** Whether tokens `a` and `b` are at most `VERB_REACH` apart, in one sentence. */
  const near = (a: number, b: number) =>
    Math.abs(a - b) <= VERB_REACH &&
    !/[.;]/.test(text.slice(tokens[Math.min(a, b)]?.end, tokens[Math.max(a, b)]?.start));
  const nearVerb = (figure: number, at: number) =>
    verbAt === null || verbAt.some((v) => near(v, figure) || near(v, at));
  const isFigure = (i: number) => {
    const token = tokens[i];
    if (!token) return false;
    const { word } = token;
    // "3-001M" is a model, "44-day" a length: a figure joined to a word or code is no count.
    const joined =
      /^-[\p{L}\p{N}]/u.test(text.slice(token.end, token.end + 2)) ||
      /[\p{L}\p{N}]-$/u.test(text.slice(Math.max(0, token.start - 2), token.start));
    const figure = /^\d/.test(word)
      ? /^\d+(?:\.\d+)?$/.test(word) &&
        !isYearAsWritten(text.slice(token.start, token.end)) &&
        !joined
      : NUMBER_WORDS.has(word);
    return figure && !stated.includes(word);
  };
  /** Counts joined by a shared figure or word: each group is one thing counted. */
  const groups: { figures: Set<number>; words: Set<string> }[] = [];
  for (const term of terms) {
    if (groups.length >= enough) break;
    if (!wanted.has(term.concept)) continue;
    const at = tokenEnding(tokens, term.end);
    if (at < 0) continue;
    // A word that describes the noun after it ("landmine victims") is not what a figure counts.
    if (describesNext(tokens[at + 1]?.word) || !modified(term)) continue;
    const figure = countedBy(at);
    if (figure < 0 || !nearVerb(figure, at)) continue;
    const joined = groups.filter((g) => g.figures.has(figure) || g.words.has(term.concept));
    const group = { figures: new Set([figure]), words: new Set([term.concept]) };
    for (const g of joined) {
      for (const f of g.figures) group.figures.add(f);
      for (const w of g.words) group.words.add(w);
      groups.splice(groups.indexOf(g), 1);
    }
    groups.push(group);
  }
  return groups.length;

  /** The token of the figure that counts the word at token `at`, or -1. */
  function countedBy(at: number): number {
    for (let i = at - 1; i >= Math.max(0, at - COUNTED_WINDOW); i--) if (isFigure(i)) return i;
    // "350 tonnes of heavy fuel oil": a measure of it, its words counted from the "of".
    for (let i = at - COUNTED_WINDOW - 1; i >= Math.max(0, at - COUNTED_WINDOW - 2); i--) {
      if (isFigure(i) && tokens[i + 2]?.word === 'of' && isUnitWord(tokens[i + 1]?.word ?? ''))
        return i;
    }
    // "the number of landmine victims has reached 314": the figure after it, in its clause
    // ("three were deminers and two were children" counts no deminers with "two").
    for (let i = at + 1; i <= at + COUNTED_WINDOW && i < tokens.length; i++) {
      if (/[.;:]/.test(text.slice(tokens[i - 1]?.end, tokens[i]?.start))) break;
      if (CLAUSE_JOINS.has(tokens[i]?.word ?? '')) break;
      if (isFigure(i)) return i;
    }
    const last = Math.min(tokens.length - 1, at + COUNT_UNIT_REACH);
    for (let i = Math.max(1, at - COUNT_UNIT_REACH); i <= last; i++) {
      if (COUNT_UNITS.has(tokens[i]?.word ?? '') && isFigure(i - 1)) return i - 1;
    }
    return -1;
  }
}

/** The index of the token that ends at `end` (tokens are in order), or -1. */
function tokenEnding(tokens: readonly { end: number }[], end: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = tokens[mid]?.end ?? 0;
    if (at === end) return mid;
    if (at < end) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** A word found only in the passage's headings (letter title, annex title) counts this much. */
export const HEADING_SHARE = 0.6;
export const DATE_BOOST = 0.5;
/**
 * How much the share of the question a passage covers weighs in its score: a passage's BM25 is
 * multiplied by `1 - COVERAGE_WEIGHT + COVERAGE_WEIGHT × share`.
 */
export const COVERAGE_WEIGHT = 0.5;
/**
 * After the best passage, a passage that covers words the ones above it do not ("two-part
 * questions") is lifted by up to this share of its score.
 */
export const DIVERSITY_BOOST = 0.6;
/** Passages considered when ordering the shown ones for diversity, beyond those shown. */
const DIVERSITY_POOL = 12;
/**
 * A safety net for very large corpora: once this many passages are in play, no new one is
 * admitted even if the bound would allow it (the best are nearly always among them by then).
 */
export const ADMISSION_BUDGET = 60_000;
/** At most this many of the question's words are searched: the most specific ones. */
export const MAX_SLOTS = 31;

/** A passage's state in ranking's `seen`: it can no longer reach the best, so it is no longer scored. */
const OUT_OF_RACE = 4;

/** The `k`-th largest of `values[ids[0..count)]` (0 when there are fewer): a small min-heap. */
function kthLargest(values: Float64Array, ids: Uint32Array, count: number, k: number): number {
  if (count < k) return 0;
  const heap = new Float64Array(k);
  let size = 0;
  for (let j = 0; j < count; j++) {
    const v = values[ids[j] as number] as number;
    if (size < k) {
      let i = size++;
      heap[i] = v;
      while (i > 0 && (heap[(i - 1) >> 1] as number) > (heap[i] as number)) {
        const parent = (i - 1) >> 1;
        [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
        i = parent;
      }
    } else if (v > (heap[0] as number)) {
      heap[0] = v;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let min = i;
        if (l < k && (heap[l] as number) < (heap[min] as number)) min = l;
        if (r < k && (heap[r] as number) < (heap[min] as number)) min = r;
        if (min === i) break;
        [heap[i], heap[min]] = [heap[min] as number, heap[i] as number];
        i = min;
      }
    }
  }
  return heap[0] as number;
}

function idf(index: SearchIndex, df: number): number {
  const n = index.size;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function matchesFilters(letter: Letter, filters: SearchFilters): boolean {
  if (filters.letter && !namesLetter(letter, filters.letter)) return false;
  return dateWithin(letter.date, filters.from, filters.to);
}

const wholeScope = new WeakMap<SearchIndex, Searched>();

/** What a search with these filters covers (for the whole index, computed once). */
export function describeScope(index: SearchIndex, filters: SearchFilters = {}): Searched {
  const unfiltered = !filters.letter && !filters.from && !filters.to && !filters.part;
  const cached = unfiltered ? wholeScope.get(index) : undefined;
  if (cached) return cached;
  let letters = 0;
  let passages = 0;
  let from: string | null = null;
  let to: string | null = null;
  for (const l of index.letters) {
    if (!matchesFilters(l, filters)) continue;
    letters += 1;
    for (const p of l.passages) if (!filters.part || p.part === filters.part) passages += 1;
    if (l.date === '') continue;
    if (from === null || l.date < from) from = l.date;
    if (to === null || l.date > to) to = l.date;
  }
  const scope = { letters, passages, from, to };
  if (unfiltered) wholeScope.set(index, scope);
  return scope;
}

/** Months from one YYYYMMDD day to a later one, by calendar month. */
function monthsBetween(earlier: number, later: number): number {
  const month = (day: number) => Math.floor(day / 10000) * 12 + (Math.floor(day / 100) % 100);
  return month(later) - month(earlier);
}

/** The boost for a letter dated `day` (YYYYMMDD) when the question names a time. */
function dateFactor(day: number, range: { from: number; to: number; upTo: boolean }): number {
  if (day >= range.from && day <= range.to) return 1 + DATE_BOOST;
  if (range.upTo && day < range.from) {
    return 1 + DATE_BOOST * Math.exp(-monthsBetween(day, range.from) / 12);
  }
  return 1;
}

/** A slot ready for ranking: its alternatives with their idf-weighted values, best first. */
interface RankedSlot {
  /** Position of the slot in the question's slots. */
  slot: number;
  bit: number;
  /** Value of the slot's best alternative: weight × idf. */
  value: number;
  /** The most the slot can add to a passage's BM25 (its alternatives' values × their largest term factor). */
  bound: number;
  alternatives: { concept: string; id: number; value: number }[];
}

/** The question's slots the letters can answer, most specific first, with their values. */
function rankedSlots(index: SearchIndex, q: ParsedQuestion): RankedSlot[] {
  const maxIdf = idf(index, 0);
  /** How specific a concept is: its idf times its specificity in general English. */
  const specificity = (concept: string) => {
    const df = index.reach(concept);
    const id = index.conceptId(concept);
    return (df > 0 ? idf(index, df) : maxIdf) * (id < 0 ? 1 : (index.arrays.specificity[id] ?? 1));
  };
  const slots = q.slots
    .map((slot, position) => {
      // A related word is no more specific than the word the user typed ("Armenian" for
      // "Armenia"); another spelling or a glossary meaning of it is the word itself.
      const own = index.conceptId(slot.concept) >= 0 ? specificity(slot.concept) : Infinity;
      const alternatives = slot.alternatives
        .map((a) => ({
          concept: a.concept,
          id: index.conceptId(a.concept),
          value:
            a.weight *
            (a.weight < 1 ? Math.min(specificity(a.concept), own) : specificity(a.concept)),
        }))
        .filter((a) => a.id >= 0)
        .sort((a, b) => b.value - a.value);
      let bound = 0;
      for (const a of alternatives)
        bound = Math.max(bound, a.value * (index.arrays.maxTermFactor[a.id] ?? BM25_K1 + 1));
      return { slot: position, bit: 0, value: alternatives[0]?.value ?? 0, bound, alternatives };
    })
    .filter((s) => s.alternatives.length > 0)
    .sort((a, b) => b.value - a.value)
    .slice(0, MAX_SLOTS);
  slots.forEach((s, i) => {
    s.bit = 2 ** i;
  });
  return slots;
}

/**
 * The concepts a question's words stand for, each with its value (weight × idf), for picking
 * and marking the excerpt.
 */
export function conceptWeights(index: SearchIndex, q: ParsedQuestion): Map<string, number> {
  const weights = new Map<string, number>();
  for (const slot of rankedSlots(index, q)) {
    for (const a of slot.alternatives)
      weights.set(a.concept, Math.max(weights.get(a.concept) ?? 0, a.value));
  }
  return weights;
}

interface Scored {
  entry: IndexedPassage;
  /** For "how many X": whether the passage states a figure right before X. */
  counted?: boolean;
  score: number;
  /** Specific subject matched (see `EVIDENCE_THRESHOLD`). */
  evidence: number;
  /** Which of the question's slots the passage holds (bits of `RankedSlot.bit`). */
  mask: number;
  /** Which of them its headings hold ("Permanent Representative of Azerbaijan to the United Nations"). */
  headingMask?: number;
}

/** A passage picked by what it is (an opening, a signature), not ranked: it holds no slot. */
function asFound(entry: IndexedPassage): Scored {
  return { entry, score: 1, evidence: 1, mask: 0 };
}

/** Where a search may look: the filters, and the letter parts a question names. */
export interface Scope extends SearchFilters {
  /** Heading groups (letter parts) the question names; all when absent. */
  groups?: ReadonlySet<number>;
}

/**
 * The passages of the letters or parts a scope names (`letter`, `groups`), in id order; null
 * when it names none, so that every passage may be in play.
 */
function scopedPassages(index: SearchIndex, scope: Scope): number[] | null {
  if (!scope.letter && !scope.groups) return null;
  const letters = new Set<Letter>();
  if (scope.groups)
    for (const g of scope.groups) {
      const part = index.headingGroups[g];
      if (part) letters.add(part.letter);
    }
  else
    for (const l of index.letters) if (scope.letter && namesLetter(l, scope.letter)) letters.add(l);
  const ids: number[] = [];
  for (const letter of letters) {
    const [first, end] = index.passageRange(letter);
    for (let id = first; id < end; id++) ids.push(id);
  }
  return ids.sort((a, b) => a - b);
}

function passesFilters(
  index: SearchIndex,
  id: number,
  scope: Scope,
  groups: Uint8Array | null,
): boolean {
  if (groups && groups[index.headingGroup(id)] !== 1) return false;
  const entry = index.passage(id);
  if (!entry) return false;
  if (scope.part && entry.passage.part !== scope.part) return false;
  return matchesFilters(entry.letter, scope);
}

/** What `rankPassages` returns: the best passages, in order, and how many passed the bar. */
export interface Ranking {
  results: Scored[];
  total: number;
  /**
   * Each of the question's slots the letters hold (by slot position), most specific first: its
   * bit in `Scored.mask` and its value (weight × specificity).
   */
  slots: Map<number, { bit: number; value: number }>;
}

/** Keeps the `size` best of what it is offered, best first on `sorted()`. */
class TopK {
  private heap: Scored[] = [];
  constructor(private readonly size: number) {}
  private worse(a: Scored, b: Scored): boolean {
    return a.score < b.score || (a.score === b.score && a.entry.passage.n > b.entry.passage.n);
  }
  offer(item: Scored): void {
    const h = this.heap;
    if (h.length < this.size) {
      h.push(item);
      for (let i = h.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!this.worse(h[i] as Scored, h[parent] as Scored)) break;
        [h[i], h[parent]] = [h[parent] as Scored, h[i] as Scored];
        i = parent;
      }
      return;
    }
    if (this.size === 0 || !this.worse(h[0] as Scored, item)) return;
    h[0] = item;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < h.length && this.worse(h[l] as Scored, h[min] as Scored)) min = l;
      if (r < h.length && this.worse(h[r] as Scored, h[min] as Scored)) min = r;
      if (min === i) break;
      [h[i], h[min]] = [h[min] as Scored, h[i] as Scored];
      i = min;
    }
  }
  /** Whether an item with this score could enter (saves building one that could not). */
  accepts(score: number): boolean {
    return this.heap.length < this.size || score >= (this.heap[0]?.score ?? 0);
  }
  sorted(): Scored[] {
    return byScore([...this.heap]);
  }
}

/** Binary search for `id` in `postings[lo, hi)` (sorted by passage id); its index or -1. */
function findPosting(postings: Uint32Array, lo: number, hi: number, id: number): number {
  let a = lo;
  let b = hi - 1;
  while (a <= b) {
    const mid = (a + b) >>> 1;
    const v = postings[mid] ?? 0;
    if (v === id) return mid;
    if (v < id) a = mid + 1;
    else b = mid - 1;
  }
  return -1;
}

/**
 * A passage whose one sentence holds much of the question is lifted by up to this share of its
 * score: words asked about together are usually answered together ("the internationally
 * recognized territories of Azerbaijan" in one sentence beats its words spread over a passage).
 */
export const SENTENCE_BOOST = 1;
/**
 * A passage that repeats a run of the question's own words in order ("on 10 November 2020",
 * "internationally recognized territories of") is lifted by up to this share, for a run of
 * `LONG_RUN` words or more; runs shorter than `MIN_RUN` words are common and count nothing.
 */
export const RUN_BOOST = 0.5;
const MIN_RUN = 3;
const LONG_RUN = 6;
/** A signature block counts this share of its score for a question that does not ask who. */
export const SIGNATURE_SHARE = 0.2;

/** Word keys (concepts, stop words included) of a text, for matching runs of words. */
function runKeys(tokens: readonly { word: string }[]): string[] {
  return tokens.map((t) => conceptOf(t.word));
}

/**
 * The longest run of `question` keys that `passage` holds in the same order, counting only runs
 * with at least two words that are not stop words (so "of the" is no run).
 */
function longestRun(
  question: readonly string[],
  content: readonly boolean[],
  passage: readonly string[],
): number {
  let best = 0;
  let previous = new Uint16Array(passage.length + 1);
  let previousContent = new Uint16Array(passage.length + 1);
  let current = new Uint16Array(passage.length + 1);
  let currentContent = new Uint16Array(passage.length + 1);
  for (let i = 0; i < question.length; i++) {
    const key = question[i];
    const isContent = content[i] ? 1 : 0;
    for (let j = 0; j < passage.length; j++) {
      if (passage[j] === key) {
        const run = (previous[j] ?? 0) + 1;
        const words = (previousContent[j] ?? 0) + isContent;
        current[j + 1] = run;
        currentContent[j + 1] = words;
        if (words >= 2 && run > best) best = run;
      } else {
        current[j + 1] = 0;
        currentContent[j + 1] = 0;
      }
    }
    [previous, current] = [current, previous];
    [previousContent, currentContent] = [currentContent, previousContent];
  }
  return best;
}

/**
 * Lifts each passage of `pool` by how close together it holds what the question asks: how much
 * of the question its best sentence holds (`SENTENCE_BOOST`) and the longest run of the
 * question's words it repeats in order (`RUN_BOOST`); for "who …", a passage naming people
 * (`FIGURE_BOOST`); otherwise a signature block counts little (`SIGNATURE_SHARE`). Sorts it
 * again, best first.
 */
function closeness(
  index: SearchIndex,
  q: ParsedQuestion,
  pool: Scored[],
  slots: readonly RankedSlot[],
  totalValue: number,
): Scored[] {
  if (pool.length < 2 || totalValue <= 0) return pool;
  const bitsOf = new Map<string, number>();
  for (const s of slots)
    for (const a of s.alternatives) bitsOf.set(a.concept, (bitsOf.get(a.concept) ?? 0) | s.bit);
  const value = (mask: number) => {
    let v = 0;
    for (const s of slots) if ((mask & s.bit) !== 0) v += s.value;
    return v;
  };
  const questionTokens = tokenize(q.text);
  const questionKeys = runKeys(questionTokens);
  const content = questionTokens.map((t) => !isStopWord(t.word));
  const people = q.wantsPerson ? personConcepts(index) : null;
  return byScore(
    pool.map((r) => {
      const text = r.entry.passage.text;
      const reading = readPassage(text);
      reading.sentences ??= splitSentences(text);
      reading.keys ??= runKeys(reading.tokens);
      const { sentences, terms } = reading;
      let best = 0;
      let at = 0;
      let mask = 0;
      let person = false;
      for (const term of terms) {
        while (at < sentences.length - 1 && term.start >= (sentences[at] as { end: number }).end) {
          best = Math.max(best, value(mask));
          mask = 0;
          at += 1;
        }
        mask |= bitsOf.get(term.concept) ?? 0;
        if (people?.has(term.concept)) person = true;
      }
      best = Math.max(best, value(mask));
      const run = longestRun(questionKeys, content, reading.keys);
      const runShare =
        run < MIN_RUN ? 0 : Math.min(1, (run - MIN_RUN + 1) / (LONG_RUN - MIN_RUN + 1));
      // A signature block answers who wrote or who someone is, nothing else.
      const signature = !q.wantsPerson && isSignature(text) ? SIGNATURE_SHARE : 1;
      const lift =
        (1 + (SENTENCE_BOOST * best) / totalValue) *
        (1 + RUN_BOOST * runShare) *
        (person ? 1 + FIGURE_BOOST : 1) *
        signature;
      return { ...r, score: r.score * lift };
    }),
  );
}

/** Passages best first; of equal scores, the earlier in its letter. */
function byScore<T extends Scored>(passages: T[]): T[] {
  return passages.sort((a, b) => b.score - a.score || a.entry.passage.n - b.entry.passage.n);
}

/** `pool` with each passage's score multiplied by `by` of it, best first again. */
function lifted(pool: readonly Scored[], by: (r: Scored) => number): Scored[] {
  return byScore(
    pool.map((r) => {
      const factor = by(r);
      return factor === 1 ? r : { ...r, score: r.score * factor };
    }),
  );
}

const personConceptSets = new WeakMap<SearchIndex, ReadonlySet<string>>();
/** The letters' concepts for kinds of person ("civilian", "serviceman", "minister", …). */
function personConcepts(index: SearchIndex): ReadonlySet<string> {
  let set = personConceptSets.get(index);
  if (!set) personConceptSets.set(index, (set = new Set(index.kindsOf(conceptOf('person')))));
  return set;
}

/** Orders `pool` (best first) so that each next passage also covers what those above it miss. */
function diversify(pool: Scored[], slots: readonly RankedSlot[], want: number): Scored[] {
  const value = (mask: number) => {
    let v = 0;
    for (const s of slots) if ((mask & s.bit) !== 0) v += s.value;
    return v;
  };
  const ordered: Scored[] = [];
  const rest = [...pool];
  let covered = 0;
  while (rest.length > 0 && ordered.length < want) {
    let pick = 0;
    let pickScore = -1;
    for (const [i, s] of rest.entries()) {
      const own = value(s.mask);
      const fresh = ordered.length === 0 || own === 0 ? 0 : value(s.mask & ~covered) / own;
      const lifted = s.score * (1 + DIVERSITY_BOOST * fresh);
      if (lifted > pickScore) {
        pick = i;
        pickScore = lifted;
      }
    }
    const [chosen] = rest.splice(pick, 1);
    if (!chosen) break;
    ordered.push(chosen);
    covered |= chosen.mask;
  }
  return ordered;
}

/**
 * Ranks passages for a parsed question. Each of the question's words (a slot) counts once per
 * passage, by the best of its alternatives the passage holds: the word itself, another form, a
 * related word, a glossary meaning, a corrected spelling. Slots are scored term-at-a-time from
 * typed postings lists, most specific first; once no passage not yet seen could enter the
 * best `want + DIVERSITY_POOL`, no new passage is admitted (MaxScore), so common words cost
 * little. `total` counts the passages admitted that score `MIN_RELATIVE_SCORE` of the best.
 * A passage's score is its BM25 (a word found only in its headings counts `HEADING_SHARE`)
 * times how much of the question it covers, with boosts for a figure ("how many"), a duration
 * ("how long"), a day ("when") and letters of the time the question names. The shown passages
 * are ordered so that a question asking two things gets both.
 */
export function rankPassages(
  index: SearchIndex,
  q: ParsedQuestion,
  scope: Scope = {},
  want = DEFAULT_LIMIT,
): Ranking {
  const slots = rankedSlots(index, q);
  const slotInfo = new Map(slots.map((s) => [s.slot, { bit: s.bit, value: s.value }]));
  const none: Ranking = { results: [], total: 0, slots: slotInfo };
  if (index.size === 0 || slots.length === 0) return none;
  const maxIdf = idf(index, 0);
  let totalValue = 0;
  for (const s of slots) totalValue += s.value;
  const { score, evidence, seen, mask, touched, live, floor } = index.scratch;
  let touchedCount = 0;
  const filtering = Boolean(scope.letter || scope.from || scope.to || scope.part || scope.groups);
  let groups: Uint8Array | null = null;
  if (scope.groups) {
    groups = new Uint8Array(index.headingGroups.length);
    for (const g of scope.groups) groups[g] = 1;
  }
  const admit = (id: number): boolean => {
    if (seen[id] === 0) {
      seen[id] = filtering && !passesFilters(index, id, scope, groups) ? 2 : 1;
      touched[touchedCount++] = id;
    }
    return seen[id] === 1;
  };
  // The question's slots found in each part's headings, from the headings' postings.
  const groupScratch = index.groupScratch;
  groupScratch.epoch = (groupScratch.epoch + 1) >>> 0 || 1;
  const epoch = groupScratch.epoch;
  for (const s of slots) {
    for (const a of s.alternatives) {
      for (const g of index.groupsWithHeading(a.id)) {
        if (groupScratch.stamp[g] !== epoch) {
          groupScratch.stamp[g] = epoch;
          groupScratch.bits[g] = 0;
        }
        groupScratch.bits[g] = (groupScratch.bits[g] ?? 0) | s.bit;
      }
    }
  }
  const headingBitsOf = (group: number): number =>
    groupScratch.stamp[group] === epoch ? (groupScratch.bits[group] as number) : 0;
  const k1 = BM25_K1;
  const lengthBase = 1 - BM25_B;
  const lengthScale = BM25_B / index.averageLength;
  const { postingOffsets, postingPassages, postingCounts, passageLength } = index.arrays;
  try {
    let open = true;
    let liveCount = -1;
    // A scope that names letters or parts is small: its passages are all that is in play.
    const named = scopedPassages(index, scope);
    if (named) {
      open = false;
      liveCount = 0;
      for (const id of named) {
        if (!passesFilters(index, id, scope, groups)) continue;
        seen[id] = 1;
        touched[touchedCount++] = id;
        live[liveCount++] = id;
      }
    }
    let remaining = totalValue;
    let remainingBound = 0;
    for (const s of slots) remainingBound += s.bound;
    let poolFloor = 0;
    const poolSize = want + DIVERSITY_POOL;
    const boostLimit =
      (q.wantsFigure ? 1 + FIGURE_BOOST : 1) *
      (q.wantsDuration ? 1 + FIGURE_BOOST : 1) *
      (q.wantsDate ? 1 + FIGURE_BOOST : 1) *
      (q.wantsFrequency ? 1 + FIGURE_BOOST : 1) *
      (q.date ? 1 + DATE_BOOST : 1);
    for (const slot of slots) {
      remaining -= slot.value;
      remainingBound -= slot.bound;
      for (const alt of slot.alternatives) {
        const from = postingOffsets[alt.id] ?? 0;
        const to = postingOffsets[alt.id + 1] ?? 0;
        const scale = alt.value * (k1 + 1);
        const bySearch = !open && liveCount * Math.log2(to - from + 2) < to - from;
        const count = bySearch ? liveCount : to - from;
        for (let n = 0; n < count; n++) {
          let id: number;
          let at: number;
          if (bySearch) {
            id = live[n] as number;
            if ((mask[id] as number) & slot.bit) continue;
            at = findPosting(postingPassages, from, to, id);
            if (at < 0) continue;
          } else {
            at = from + n;
            id = postingPassages[at] as number;
            if (open && seen[id] === 0) admit(id);
            if (seen[id] !== 1) continue;
            if ((mask[id] as number) & slot.bit) continue;
          }
          const tf = postingCounts[at] as number;
          const norm = lengthBase + lengthScale * (passageLength[id] as number);
          score[id] = (score[id] as number) + (scale * tf) / (tf + k1 * norm);
          evidence[id] = (evidence[id] as number) + alt.value;
          mask[id] = (mask[id] as number) | slot.bit;
        }
      }
      if (open) {
        // Could a passage not yet seen still enter the best `poolSize`? At most it holds every
        // slot to come at its best, and the slots done in its headings, and covers no more of
        // the question than that, boosted as much as this question boosts anything. Each
        // passage in play scores at least its partial BM25 times the coverage it already has.
        const reach =
          (remainingBound + (totalValue - remaining) * HEADING_SHARE * 0.5) *
          (1 -
            COVERAGE_WEIGHT +
            (COVERAGE_WEIGHT * (remaining + (totalValue - remaining) * HEADING_SHARE)) /
              totalValue) *
          boostLimit;
        for (let j = 0; j < touchedCount; j++) {
          const id = touched[j] as number;
          floor[id] =
            (score[id] as number) *
            (1 - COVERAGE_WEIGHT + (COVERAGE_WEIGHT * (evidence[id] as number)) / totalValue);
        }
        poolFloor = kthLargest(floor, touched, touchedCount, poolSize);
        if (reach < poolFloor || touchedCount >= ADMISSION_BUDGET) {
          open = false;
          liveCount = 0;
          for (let j = 0; j < touchedCount; j++) {
            const id = touched[j] as number;
            if (seen[id] === 1) live[liveCount++] = id;
          }
        }
      }
      if (!open && !named) {
        // A passage in play that can no longer reach the pool drops out of scoring; it still
        // counts towards `total` if what it already has clears the bar.
        let kept = 0;
        for (let j = 0; j < liveCount; j++) {
          const id = live[j] as number;
          if (seen[id] !== 1) continue;
          const most =
            ((score[id] as number) + remainingBound + totalValue * HEADING_SHARE * 0.5) *
            (1 -
              COVERAGE_WEIGHT +
              (COVERAGE_WEIGHT *
                Math.min(
                  totalValue,
                  (evidence[id] as number) + remaining + totalValue * HEADING_SHARE,
                )) /
                totalValue) *
            boostLimit;
          if (most < poolFloor) {
            seen[id] = OUT_OF_RACE;
            floor[id] =
              (score[id] as number) *
              (1 - COVERAGE_WEIGHT + (COVERAGE_WEIGHT * (evidence[id] as number)) / totalValue);
          } else live[kept++] = id;
        }
        liveCount = kept;
      }
    }
    const QUALIFIED = 3;
    let bestScore = 0;
    const dateRange = q.date
      ? { from: dayNumber(q.date.from), to: dayNumber(q.date.to), upTo: q.date.upTo }
      : null;
    const { passageDay } = index;
    for (let j = 0; j < touchedCount; j++) {
      const id = touched[j] as number;
      if (seen[id] !== 1) continue;
      let bm25 = score[id] as number;
      let matched = evidence[id] as number;
      const missing = headingBitsOf(index.headingGroup(id)) & ~(mask[id] as number);
      if (missing !== 0) {
        for (const s of slots) {
          if ((missing & s.bit) === 0) continue;
          matched += s.value * HEADING_SHARE;
          bm25 += s.value * HEADING_SHARE * 0.5;
        }
      }
      if (q.phrases.length > 0) {
        const folded = fold((index.passage(id) as IndexedPassage).passage.text);
        if (!q.phrases.every((p) => folded.includes(p))) continue;
      }
      const coverage = matched / totalValue;
      let final = bm25 * (1 - COVERAGE_WEIGHT + COVERAGE_WEIGHT * coverage);
      if (q.wantsFigure && index.hasFigure(id)) final *= 1 + FIGURE_BOOST;
      if (q.wantsDuration && index.hasDuration(id)) final *= 1 + FIGURE_BOOST;
      if (q.wantsDate && index.hasDate(id)) final *= 1 + FIGURE_BOOST;
      if (q.wantsFrequency && index.hasFrequency(id)) final *= 1 + FIGURE_BOOST;
      if (dateRange) final *= dateFactor(passageDay[id] as number, dateRange);
      score[id] = final;
      evidence[id] = matched / maxIdf;
      seen[id] = QUALIFIED;
      if (final > bestScore) bestScore = final;
    }
    const best = new TopK(poolSize);
    const bar = bestScore * MIN_RELATIVE_SCORE;
    let kept = 0;
    for (let j = 0; j < touchedCount; j++) {
      const id = touched[j] as number;
      if (seen[id] === OUT_OF_RACE && (floor[id] as number) >= bar) kept += 1;
      if (seen[id] !== QUALIFIED || (score[id] as number) < bar) continue;
      kept += 1;
      if (best.accepts(score[id] as number)) {
        best.offer({
          entry: index.passage(id) as IndexedPassage,
          score: score[id] as number,
          evidence: evidence[id] as number,
          mask: mask[id] as number,
          headingMask: headingBitsOf(index.headingGroup(id)),
        });
      }
    }
    let pool = closeness(index, q, best.sorted(), slots, totalValue);
    const counted = q.counted === null ? undefined : q.slots[q.counted];
    if (counted) {
      // The counted word itself (or the word its typo stands for), its forms and glossary
      // meanings, and kinds of it — not a compound's part ("anti" of "anti-tank") or a looser
      // relative. A word the letters never use ("how many kids") is counted by its closest
      // meanings ("children").
      const kept = counted.alternatives.filter((a) => q.countedAs?.includes(a.concept) ?? true);
      const closest = Math.max(0, ...kept.map((a) => a.weight));
      const exact = Math.min(counted.correctedTo === null ? 1 : CORRECTED_WEIGHT, closest);
      const wanted = new Set(
        kept
          .filter((a) => a.weight >= exact)
          .flatMap((a) => [a.concept, ...index.kindsOf(a.concept)]),
      );
      // "How many of the landmines were anti-tank mines": a figure for the landmines is not one.
      const whole = q.countedWhole === null ? undefined : q.slots[q.countedWhole];
      for (const a of whole?.alternatives ?? []) wanted.delete(a.concept);
      // "how many people were evacuated": a count next to the verb ("evacuated 2,300
      // residents"), not one of people who did something else ("Eight people died … while
      // evacuating"). Only the verb right after what is counted: one further on may qualify
      // something else ("of incidents happened outside the mapped areas").
      const predicate =
        q.asks.predicateOf === 'figure' && q.asks.predicate !== null
          ? q.slots[q.asks.predicate]
          : undefined;
      const nextToCounted =
        predicate !== undefined &&
        !q.slots.some((s) => s.start >= counted.end && s.end <= predicate.start);
      // The verb as asked, in any of its forms: its synonyms are too loose to place a count by
      // ("found" is also "plant").
      const asked = new Set(
        (predicate?.alternatives ?? []).filter((a) => a.weight >= 1).map((a) => a.concept),
      );
      const verbs = nextToCounted && asked.size > 0 ? asked : undefined;
      // "how many mines did Armenia export": a passage that says the verb as asked only in
      // sentences without a figure ("the non-export of landmines", a sentence after "500,000
      // landmines") counts something else.
      const elsewhere = (text: string) => {
        if (asked.size === 0) return false;
        const at = readPassage(text).terms.filter((t) => asked.has(t.concept));
        const sentences = splitSentences(text);
        return (
          at.length > 0 &&
          at.every((t) => {
            const sentence = sentences.find((x) => t.start >= x.start && t.start < x.end);
            return !sentence || !SAYS_A_FIGURE.test(text.slice(sentence.start, sentence.end));
          })
        );
      };
      // "how many evacuation centres": where some passage counts centres of that kind, only
      // such a count is one.
      const modifier = q.countedModifier === null ? undefined : q.slots[q.countedModifier];
      const modifiers = modifier
        ? new Set(modifier.alternatives.filter((a) => a.weight >= 1).map((a) => a.concept))
        : undefined;
      const countable = pool.map((r) =>
        index.hasFigure(index.passageId(r.entry))
          ? countsOf(r.entry.passage.text, wanted, q.statedFigures, 2, undefined, modifiers)
          : 0,
      );
      const ofKind = modifiers !== undefined && countable.some((n) => n > 0);
      // "how many people were killed in Tolvane": a count in a passage that does not name the
      // place (in it or its headings) is a count of something else.
      const nameBits = q.asks.names.map((n) => slotInfo.get(n)?.bit ?? 0);
      const names = (r: Scored) =>
        nameBits.every((bit) => ((r.mask | (r.headingMask ?? 0)) & bit) !== 0);
      const read = pool.map((r, i) => {
        const text = r.entry.passage.text;
        const all =
          ofKind || !index.hasFigure(index.passageId(r.entry))
            ? (countable[i] ?? 0)
            : countsOf(text, wanted, q.statedFigures, 2);
        const counts = all > 0 && (elsewhere(text) || !names(r)) ? 0 : all;
        // "In total": the parts it adds up ("two civilians and four servicemen"), or a count
        // said to be a total ("the total number … 314").
        return {
          r,
          counts,
          byVerb: verbs && counts > 0 && countsOf(text, wanted, q.statedFigures, 1, verbs) > 0,
          total: q.wantsTotal && counts > 0 && (counts >= 2 || TOTAL.test(text)),
        };
      });
      // Where some passage gives a total, a count of one part is not the answer; where some
      // gives the count next to the verb, a count away from it is not.
      const totals = read.some((x) => x.total);
      const byVerb = read.some((x) => x.byVerb);
      pool = byScore(
        read.map(({ r, counts, total, byVerb: near }) => {
          if (counts === 0) return r;
          const lift =
            total || (byVerb && near && !totals)
              ? (1 + COUNTED_BOOST) ** 2
              : totals || byVerb
                ? 1
                : 1 + COUNTED_BOOST;
          return { ...r, score: r.score * lift, counted: true };
        }),
      );
    }
    // "how strong was the cyclone": a passage that gives a measure of it ("230 kilometres").
    if (q.wantsMeasure) {
      const about = new Set(
        q.slots.flatMap((s, i) => (i === q.asks.focus ? [] : s.alternatives.map((a) => a.concept))),
      );
      pool = lifted(pool, (r) =>
        statesMeasure(r.entry.passage.text, about, q.wantsSize) ? 1 + COUNTED_BOOST : 1,
      );
    }
    // "at what time did the dam collapse": only a passage that gives a time of day can answer,
    // as only one next to its verb answers "how many were evacuated".
    if (q.wantsClock)
      pool = lifted(pool, (r) => (CLOCK.test(r.entry.passage.text) ? (1 + COUNTED_BOOST) ** 2 : 1));
    return { results: diversify(pool, slots, want), total: kept, slots: slotInfo };
  } finally {
    for (let j = 0; j < touchedCount; j++) {
      const id = touched[j] ?? 0;
      score[id] = 0;
      evidence[id] = 0;
      floor[id] = 0;
      seen[id] = 0;
      mask[id] = 0;
    }
  }
}

function toResult(
  s: Scored,
  q: ParsedQuestion,
  weights: ReadonlyMap<string, number>,
): AnswerResult {
  const { letter, passage } = s.entry;
  const excerpt = pickExcerpt(passage.text, weights, q.phrases);
  return {
    letterId: letter.id,
    symbol: letter.symbol,
    date: letter.date,
    passage: passage.n,
    part: passage.part,
    partIndex: passage.partIndex,
    pages: passage.pages,
    text: passage.text,
    excerpt: excerpt.text,
    highlights: excerpt.highlights,
    score: Math.round(s.score * 1000) / 1000,
    citation: formatCitation(letter, passage),
    url: documentUrl(letter),
    attribution: attribution(letter, passage),
  };
}

/** How many letters a "who signed …?" answer names at most, best match first… */
const SIGNATORY_LETTERS = 3;
/** …and only those whose best passage scores at least this share of the best letter's. */
const SIGNATORY_RELATIVE_SCORE = 0.5;
/** Words that ask who signed; the rest of the question says which letter. */
const SIGNATORY_WORDS = new Set([
  'signed',
  'sign',
  'wrote',
  'write',
  'written',
  'sent',
  'authored',
  'author',
  'authors',
  'signatory',
  'signatories',
  'signer',
  'signers',
]);

/**
 * For "who signed the letter about Khojavend?": the letters the rest of the question finds (or
 * names), best first, and each one's signature blocks: the letter's own first, or the annex's
 * when the question asks about an annex. Empty when those letters carry no signature (notes
 * verbales are unsigned); null when the rest of the question finds no letter, so that it is
 * answered like any other.
 */
function signaturesFor(index: SearchIndex, q: ParsedQuestion, scope: Scope): Scored[] | null {
  const topic = { ...q, slots: q.slots.filter((s) => !SIGNATORY_WORDS.has(s.word)) };
  const namedParts = scope.groups
    ? [...scope.groups].map((g) => index.headingGroups[g]).filter((g) => g !== undefined)
    : [];
  const asksAnnex =
    topic.slots.some((s) => s.word === 'annex' || s.word === 'enclosure') ||
    (namedParts.length > 0 && namedParts.every((g) => g.annexIndex >= 0));
  const first: PartKind = asksAnnex ? 'annex' : 'letter';
  let ranked = rankPassages(index, topic, scope, 20).results;
  if (ranked.length === 0 && namedParts.length > 0) {
    ranked = namedParts.flatMap((g) =>
      g.letter.passages.slice(0, 1).map((passage) => asFound({ letter: g.letter, passage })),
    );
  }
  if (ranked.length === 0) return null;
  // A time the question names ("the August 2022 letter") picks the letters, when any matches.
  const date = q.date;
  if (date && !date.upTo) {
    const dated = ranked.filter((r) =>
      [r.entry.letter.date, ...r.entry.letter.annexes.map((a) => a.date)].some(
        (d) => d !== null && d >= date.from && d <= date.to,
      ),
    );
    if (dated.length > 0) ranked = dated;
  }
  const signatures: Scored[] = [];
  const letters = new Set<Letter>();
  const bar = (ranked[0]?.score ?? 0) * SIGNATORY_RELATIVE_SCORE;
  for (const best of ranked) {
    const { letter } = best.entry;
    if (best.score < bar || letters.size === SIGNATORY_LETTERS) break;
    if (letters.has(letter)) continue;
    letters.add(letter);
    const signed = letter.passages
      .filter((p) => isSignature(p.text) && (!scope.part || p.part === scope.part))
      .sort((a, b) => Number(b.part === first) - Number(a.part === first) || a.n - b.n);
    for (const passage of signed) signatures.push({ ...best, entry: { letter, passage } });
    // "who sent the note verbale": a note is unsigned, and its opening names who sends it ("The
    // Permanent Mission … hereby submits"). Who signed it, it does not say.
    const opening = letter.passages[0];
    if (signed.length === 0 && letter.kind === 'note verbale' && !SIGNING.test(q.text) && opening)
      signatures.push({ ...best, entry: { letter, passage: opening } });
  }
  return signatures;
}

/** A question about signing ("who signed", "signatory"), not about who sent or wrote. */
const SIGNING = /\bsign/i;

/**
 * A time a passage states: a date, a day of a month ("4 April is observed as …"), a year, a
 * day told relative to another ("on the same day"), or a time limit ("within one month").
 */
const TIME = new RegExp(
  `${DATE_PATTERN.source}|${DAY_OF_MONTH.source}|\\b(?:19|20)\\d{2}\\b|\\b(?:the same day|that day|the (?:next|following|previous) day|yesterday|today|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\\b|\\bwithin (?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\\d+) (?:hours?|days?|weeks?|months?|years?)\\b`,
  'i',
);

/** "who is / was / 's", "who were the two …": one person, or people counted, are asked for. */
const WHO_IS =
  /\bwho(?:'s|\s+is|\s+was)\b|\bwho\s+(?:are|were)\s+the\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b/i;

/** Nouns that ask for a quantity ("the population of …", "the length of the tunnel"). */
const QUANTITIES: ReadonlySet<string> = new Set([
  'population',
  'size',
  'area',
  'length',
  'width',
  'depth',
  'height',
  'weight',
  'age',
  'cost',
  'price',
  'budget',
  'distance',
  'speed',
]);
/** A figure that is no year: "1,318", "25 per cent". */
const STATED_FIGURE = /\b(?!(?:19|20)\d{2}\b)\d[\d,.]*\b/g;
/** How near (in characters) a figure must stand to the quantity it gives. */
const QUANTITY_REACH = 40;

/**
 * Whether a match of `pattern` (global) in `text`, one `accept` takes when given, stands within
 * `reach` characters of a word of `concepts`: a figure near the quantity it gives ("a population
 * of 5,000"), words reported near the name of who said them ("Armenia … falsely announcing").
 */
function nearTerm(
  text: string,
  concepts: ReadonlySet<string>,
  pattern: RegExp,
  reach: number,
  accept: (match: RegExpExecArray) => boolean = () => true,
): boolean {
  const at = readPassage(text)
    .terms.filter((t) => concepts.has(t.concept))
    .map((t) => t.start);
  return [...text.matchAll(pattern)].some(
    (m) => accept(m) && at.some((start) => Math.abs(start - m.index) <= reach),
  );
}

/** Two capitalized words in a row, one of them no English word: a person's name ("Jeyhun Bayramov"). */
const NAME_PAIR = /\b(\p{Lu}\p{Ll}+)\s+(\p{Lu}\p{Ll}+)\b/gu;

/** Whether a passage names a person: a signature, or a name ("Jeyhun Bayramov, Minister …"). */
function namesAPerson(text: string): boolean {
  if (isSignature(text)) return true;
  for (const [, first = '', second = ''] of text.matchAll(NAME_PAIR))
    if (!isEnglishWord(first.toLowerCase()) || !isEnglishWord(second.toLowerCase())) return true;
  return false;
}

/**
 * A sum of money as letters write it: "$2 million", "USD 50 million", "3,000 manats", "€40",
 * "4 million United States dollars", "1 million Chilean pesos".
 */
const MONEY =
  /[$€£]\s?\d|\b(?:USD|US\$|EUR|AZN|GBP|CHF)\s?\d|\d(?:[\d,.]*)(?:\s+(?:thousand|million|billion))?(?:\s+[A-Z][a-z]+){0,2}\s+(?:dollars?|euros?|manats?|pounds|francs|roubles?|rubles?|drams?|pesos?|yen|yuan|rupees?|USD|EUR|AZN)\b/;

/** A figure and its unit, after up to two names ("150 million soms", "2 billion Fijian dollars"). */
const FIGURE_AND_UNIT =
  /\d[\d,.]*(?:\s+(?:thousand|million|billion))?(?:\s+[A-Z][a-z]+){0,2}\s+([a-z]+)/g;

/** A figure in digits or in words, in a sentence. */
const SAYS_A_FIGURE = new RegExp(`\\d|\\b(?:one|${[...NUMBER_WORDS].join('|')})\\b`, 'i');

/** Whether a text states a sum of money: as `MONEY` has it, or in a currency WordNet knows. */
function statesMoney(text: string): boolean {
  if (MONEY.test(text)) return true;
  for (const [, unit = ''] of text.matchAll(FIGURE_AND_UNIT)) if (isMoneyWord(unit)) return true;
  return false;
}

/** Whether a sentence of `text` states a sum of money and names each of the `payer` slots. */
function paidBy(text: string, payer: readonly number[], q: ParsedQuestion): boolean {
  const wanted = payer.map((slot) => new Set(q.slots[slot]?.alternatives.map((a) => a.concept)));
  return splitSentences(text).some(({ start, end }) => {
    const sentence = text.slice(start, end);
    if (!statesMoney(sentence)) return false;
    const concepts = new Set(readPassage(sentence).terms.map((t) => t.concept));
    return wanted.every((alternatives) => [...alternatives].some((c) => concepts.has(c)));
  });
}

/** A figure and the word after it, which may be its unit ("four metres", "500 millimetres"). */
const FIGURE_THEN_WORD =
  /\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred)(?:\s+(?:thousand|million|billion))?\s+([a-z]+)/gi;

/** How near (in characters) a measure stands to what it measures. */
const MEASURE_REACH = 80;

/**
 * Whether a text states a measure of one of `concepts`: a figure and a unit WordNet knows
 * ("storm surges of up to four metres"), within `MEASURE_REACH` of it; for a `size`, also a
 * share of a whole ("5 per cent of all the territory").
 */
function statesMeasure(text: string, concepts: ReadonlySet<string>, size = false): boolean {
  return (
    nearTerm(text, concepts, FIGURE_THEN_WORD, MEASURE_REACH, (m) => {
      // Not "a" (an angstrom to WordNet) or any other short or function word.
      const unit = (m[1] ?? '').toLowerCase();
      return unit.length > 2 && !isStopWord(unit) && isUnitWord(unit);
    }) ||
    (size && nearTerm(text, concepts, SHARE_OF_WHOLE, MEASURE_REACH))
  );
}

/** A share of a whole: "5 per cent", "25%". */
const SHARE_OF_WHOLE = /\d[\d,.]*\s*(?:%|per\s?cent\b)/gi;

/** A length of time: a quantity and a unit ("almost three decades", "44-day", "a year"). */
const STATED_DURATION =
  /\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|several|many|few)[- ](?:years?|decades?|months?|weeks?|days?|hours?)\b/i;

/** A time of day: "at 14:30", "9.15 a.m.", "in the morning", "at night". */
const CLOCK =
  /\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(?:a\.m\.|p\.m\.|am|pm)\b|\bo'clock\b|\b(?:in the (?:morning|afternoon|evening)|at (?:night|noon|midnight|dawn|dusk))\b/i;

/** A time to come, said without a year: "within the next five years", "by the end of next year". */
const FUTURE_TIME =
  /\b(?:within|in) the (?:next|coming) (?:\w+ )?(?:years?|months?|decades?)\b|\bby the end of (?:next|this) (?:year|decade)\b|\bnext year\b/i;

/**
 * Whether a passage is of a time (its letter or annex is dated in it) or tells of it (names a
 * year in it).
 */
function ofTime({ letter, passage }: IndexedPassage, time: DateHint): boolean {
  const annex = annexOf(letter, passage)?.date;
  if ([letter.date, annex].some((d) => d && d >= time.from && d <= time.to)) return true;
  const [first, last] = [Number(time.from.slice(0, 4)), Number(time.to.slice(0, 4))];
  return yearsIn(passage.text).some((year) => year >= first && year <= last);
}

/** The years a text names ("in 2021", "by 2031"). */
function yearsIn(text: string): number[] {
  return Array.from(text.matchAll(/\b(?:19|20)\d{2}\b/g), (m) => Number(m[0]));
}

/** Whether a passage states a time after its letter's: a later year, or `FUTURE_TIME`. */
function statesFuture({ letter, passage }: IndexedPassage): boolean {
  const year = Number(letter.date.slice(0, 4));
  return FUTURE_TIME.test(passage.text) || yearsIn(passage.text).some((named) => named > year);
}

/** A percentage as the letters write it: "25 per cent", "55%", "5 percent". */
const PERCENTAGE = /\d\s*(?:%|per\s?cent\b)/i;

/** Who a letter speaks for, unnamed: any letter is from them. */
const GOVERNMENT: ReadonlySet<string> = new Set([
  'government',
  'govt',
  'gov',
  'authorities',
  'officials',
  'state',
]);

/** How near (in characters) a name must stand to the words that report what it said. */
const SPEECH_REACH = 80;
/**
 * Words that report what someone said ("Armenia … falsely announcing", "according to"); not
 * "States" as in "United States", nor an "emergency response".
 */
const REPORTED_SPEECH =
  /\b(?:[Ss]ay|[Ss]ays|[Ss]aid|[Ss]tat(?:ed|ing|ements?)|states|[Aa]nnounc(?:ed|es|ing|ements?)|[Dd]eclar(?:ed|es|ing|ations?)|[Cc]laim(?:ed|s|ing)?|[Nn]oted|[Ss]tressed|[Rr]eported|[Rr]espond(?:ed|ing)|[Rr]epl(?:ied|ies|y)|[Aa]nswered|[Aa]ccording to|[Aa]ssur(?:ed|ances?))\b/g;

/**
 * Who a passage's part is from, as its heading and the signatures say, each up to its first
 * "to": neither the addressee ("addressed to the Secretary-General") nor where a sender is
 * accredited ("Permanent Representative of Azerbaijan to the United Nations") is its author.
 */
function senderOf({ letter, passage }: IndexedPassage): string {
  const title = passage.part === 'letter' ? letter.title : (annexOf(letter, passage)?.title ?? '');
  const signed = letter.signatories.map((s) => `${s.name} ${s.title ?? ''}`);
  return [title, ...signed].map((from) => from.split(/\bto\b/i)[0] ?? '').join(' ');
}

/** `senderOf`'s concepts, per letter and part, read once. */
const senders = new WeakMap<Letter, Map<string, ReadonlySet<string>>>();
function senderConcepts(entry: IndexedPassage): ReadonlySet<string> {
  let parts = senders.get(entry.letter);
  if (!parts) senders.set(entry.letter, (parts = new Map()));
  const key = `${entry.passage.part}${entry.passage.partIndex}`;
  let concepts = parts.get(key);
  if (!concepts)
    parts.set(key, (concepts = new Set(analyze(senderOf(entry)).map((t) => t.concept))));
  return concepts;
}

/**
 * Why the passages found do not answer the question, or null when they do: only the letters'
 * common words match; most of what it names is not in the letters (`MISSING_NAMES`); or what it
 * asks for is not stated (`Asks`): the figure of "how many X" (for the names it uses, with its
 * verb, of the time and the whole it names), the time of "when" (with its verb), the thing asked
 * for ("what were the names of …", "how old …", who holds a title, a quantity), the verb of "who
 * built …"; a percentage, a sum of money, a length of time or a time to come; a time no passage
 * is of; what someone said who wrote none of the passages and whom none quotes.
 */
function unanswered(
  index: SearchIndex,
  q: ParsedQuestion,
  ranking: Ranking,
  evidence: number,
  namesItsLetters: boolean,
): string | null {
  const shown = ranking.results.slice(0, DEFAULT_LIMIT);
  // A question that names its letter ("the note verbale from Geneva") has its subject: the bar
  // is for questions that could be about anything.
  // "what happened on sept 19 2023": a question about a time alone is answered by a passage
  // that states a day in it.
  const { date } = q;
  const aboutATime =
    date !== null &&
    q.slots.every((s) => (s.alternatives[0]?.weight ?? 0) <= DATE_WORD_WEIGHT) &&
    shown.some((s) => {
      const day = parseWrittenDate(s.entry.passage.text);
      return day !== null && day >= date.from && day <= date.to;
    });
  const { asks } = q;
  const lacks = (slot: number | null) =>
    slot !== null && (q.slots[slot]?.alternatives.length ?? 0) === 0;
  /** Whether a passage holds a slot (one the letters lack, or no slot at all, holds trivially). */
  const holds = (s: Scored, slot: number | null) => {
    const bit = slot === null ? undefined : ranking.slots.get(slot)?.bit;
    return bit === undefined || (s.mask & bit) !== 0;
  };
  /** Whether the headings of a passage's part hold a slot. */
  const headingHolds = (s: Scored, slot: number) =>
    ((s.headingMask ?? 0) & (ranking.slots.get(slot)?.bit ?? 0)) !== 0;
  /** Whether a passage says one of these concepts in its own text (not through its headings). */
  const saysAny = (s: Scored, concepts: { has(concept: string): boolean }) =>
    readPassage(s.entry.passage.text).terms.some((t) => concepts.has(t.concept));
  /** Whether a passage says a glossary phrase of several words itself, not only its last word. */
  const holdsPhrase = (s: Scored, phrase: readonly string[]) =>
    saysAny(s, { has: (concept) => phrase.includes(concept) });
  /**
   * Whether a passage, with its headings, holds `TOPIC_SHARE` of these slots, by value (all of
   * none): a signature block is about the letter it signs.
   */
  const about = (s: Scored, of: readonly number[]) => {
    let total = 0;
    let held = 0;
    for (const slot of of) {
      const value = ranking.slots.get(slot)?.value ?? 0;
      const bit = ranking.slots.get(slot)?.bit ?? 0;
      total += value;
      const phrase = q.slotPhrases[slot];
      // "the anti-tank mine in Khojavand": a passage of anti-personnel mines is not about it.
      const strict = !phrase || holdsPhrase(s, phrase);
      if ((holds(s, slot) && strict) || ((s.headingMask ?? 0) & bit) !== 0 || holdsKind(s, slot))
        held += value;
    }
    return held >= TOPIC_SHARE * total;
  };
  /** Per slot, the kinds of what it names as written ("persons" of "people"), read once. */
  const slotKinds = new Map<number, ReadonlySet<string>>();
  const kindsOfSlot = (slot: number) => {
    let kinds = slotKinds.get(slot);
    if (!kinds) {
      const asWritten = q.slots[slot]?.alternatives.filter((a) => a.weight >= 1) ?? [];
      kinds = new Set(asWritten.flatMap((a) => index.kindsOf(a.concept)));
      slotKinds.set(slot, kinds);
    }
    return kinds;
  };
  /** Whether a passage holds a kind of what a slot names ("persons" of "people"). */
  const holdsKind = (s: Scored, slot: number) => {
    const kinds = kindsOfSlot(slot);
    return kinds.size > 0 && saysAny(s, kinds);
  };
  /** Whether a passage is from the one a slot names (its part's sender or signer), or quotes it. */
  const speaks = (s: Scored, slot: number | null) => {
    // Every letter speaks for a government: "what did the government say" asks what it says.
    const said = q.slots[slot ?? -1];
    if (GOVERNMENT.has(said?.correctedTo ?? said?.word ?? '')) return true;
    const alternatives = new Set(said?.alternatives.map((a) => a.concept));
    for (const concept of senderConcepts(s.entry)) if (alternatives.has(concept)) return true;
    // Its words reported near its name: "Armenia misleads … by falsely announcing that …".
    return nearTerm(s.entry.passage.text, alternatives, REPORTED_SPEECH, SPEECH_REACH);
  };
  /** The thing asked for, or a kind of it ("which countries …" is answered by "Azerbaijan, Russia and Armenia"). */
  const focusAlternatives = asks.focus === null ? [] : (q.slots[asks.focus]?.alternatives ?? []);
  const kinds = new Set(focusAlternatives.flatMap((a) => index.kindsOf(a.concept)));
  // "who is the prime minister": a passage naming another minister does not hold it.
  const focusPhrase = asks.focus === null ? undefined : q.slotPhrases[asks.focus];
  const holdsFocus = (s: Scored) =>
    (holds(s, asks.focus) && (!focusPhrase || holdsPhrase(s, focusPhrase))) ||
    (kinds.size > 0 && saysAny(s, kinds));
  // The thing asked for, in a passage about what the question is about: one that also holds
  // `TOPIC_SHARE` of the other things it names ("the name of the sabotage group" is not
  // answered by a passage that names something else). Verbs are left out: they paraphrase.
  // Read only for questions that ask for a thing: which words name things is read from SemCor,
  // which a CLI call that does not need it should not load.
  let topic: number[] | undefined;
  const topicOf = () =>
    (topic ??= [...ranking.slots.keys()].filter(
      (slot) =>
        slot !== asks.focus &&
        !asks.focusPhrase.includes(slot) &&
        namesAThing(q.slots[slot]?.correctedTo ?? q.slots[slot]?.word ?? '') &&
        (q.slots[slot]?.alternatives[0]?.weight ?? 0) > DATE_WORD_WEIGHT,
    ));
  // "who is the prosecutor general": the passage must also name someone (a signature, a name).
  // "who are the families forced from their homes" asks for a group, not a name.
  const personAsked = asks.person && asks.focus !== null && WHO_IS.test(q.text);
  // "what is the population of Khojavand": a quantity is stated with a figure.
  const focusWord = asks.focus === null ? '' : (q.slots[asks.focus]?.word ?? '');
  const quantityAsked = QUANTITIES.has(focusWord);
  const topicConcepts = () =>
    new Set(topicOf().flatMap((slot) => q.slots[slot]?.alternatives.map((a) => a.concept) ?? []));
  // "how strong was the cyclone", "how big were the surges": a measure, which letters state as
  // a figure and its unit ("230 kilometres per hour") more often than in the word asked.
  const measureAsked = q.wantsMeasure;
  const focusConcepts = new Set(focusAlternatives.map((a) => a.concept));
  const statesFocus = (s: Scored) => {
    // (A word the letters lack is held by every passage: then only the measure answers. A
    // measure answers "what was the wind speed" though the passage never says "speed".)
    const measured =
      measureAsked && statesMeasure(s.entry.passage.text, topicConcepts(), q.wantsSize);
    return (
      ((holdsFocus(s) && !lacks(asks.focus)) || measured) &&
      about(s, topicOf()) &&
      (!personAsked || namesAPerson(s.entry.passage.text)) &&
      (!quantityAsked ||
        measured ||
        nearTerm(s.entry.passage.text, focusConcepts, STATED_FIGURE, QUANTITY_REACH))
    );
  };
  // "who is the foreign minister": a passage naming who holds the title asked about answers it,
  // however common the title is in the letters.
  const namesWhoIsAsked = personAsked && !lacks(asks.focus) && shown.some(statesFocus);
  if (evidence < EVIDENCE_THRESHOLD && !namesItsLetters && !aboutATime && !namesWhoIsAsked)
    return COMMON_WORDS_ONLY;
  // "what does the 2021 note verbale say about sugar cane": the letter named has its subject,
  // unless the question asks about something of which it holds no word.
  if (namesItsLetters && evidence === 0 && ranking.slots.size > 0)
    return 'the letter it names never mentions what it asks about';
  const missing = q.slots.filter((s) => s.alternatives.length === 0 && s.nominal).length;
  const present = q.slots.length - q.slots.filter((s) => s.alternatives.length === 0).length;
  if (missing >= MISSING_NAMES && missing > present)
    return 'most of what it names is not in the letters';
  // ("how strong", a word the letters lack, is answered by a measure when one is shown.)
  if (asks.countedMissing || (lacks(asks.focus) && !(measureAsked && shown.some(statesFocus))))
    return 'the letters never mention what it asks for';
  // A verb the letters never use leaves a "how many" question to its figure ("how many mines
  // were dug up"); a "who", "when" or "where" question asks for what only that verb would tell.
  if (lacks(asks.predicate) && q.counted === null)
    return `the letters never say "${q.slots[asks.predicate ?? -1]?.word ?? ''}"`;
  if (lacks(asks.verb)) return `the letters never say "${q.slots[asks.verb ?? -1]?.word ?? ''}"`;
  if (asks.missingName) return `the letters never mention "${asks.missingName}"`;
  if (asks.missingThing) return `the letters never mention "${asks.missingThing}"`;
  if (asks.speaker !== null && !shown.some((s) => speaks(s, asks.speaker))) {
    return `no passage is from "${asks.speakerName ?? ''}" or reports what they said`;
  }
  // "what did the Security Council do about the dam": a passage that names the Council with
  // what the question is about, not one that only circulates the letter to it.
  // (What it is about is read only then: it reads SemCor, which other questions need not load.)
  const actor = asks.actor === null ? undefined : q.slots[asks.actor];
  if (actor) {
    const rest = topicOf().filter((slot) => slot !== asks.actor);
    if (!shown.some((s) => holds(s, asks.actor) && about(s, rest)))
      return `no passage tells what "${q.text.slice(actor.start, actor.end)}" did`;
  }
  // The passages that state what is asked: the figure, the time.
  let figures = shown;
  if (q.counted !== null) {
    const { wholeFigure } = q;
    figures = shown.filter(
      (s) =>
        s.counted &&
        // "how many houses did Cyclone Tuvana destroy": a statement on the cyclone need not name
        // it in every paragraph; its heading does.
        asks.names.every((n) => holds(s, n) || headingHolds(s, n)) &&
        about(s, asks.things) &&
        (wholeFigure === null ||
          s.entry.passage.text.replace(/,/g, '').includes(wholeFigure.replace(/,/g, ''))) &&
        // "how many people did ANAMA train in 2023": a figure of that time.
        (date === null || date.upTo || ofTime(s.entry, date)),
    );
    if (figures.length === 0) return 'no passage gives that figure';
  }
  // "what percentage of the 500,000 landmines …": a percentage of something else does not answer.
  const subject = [...ranking.slots.keys()];
  const percentages = figures.filter((s) => PERCENTAGE.test(s.entry.passage.text));
  if (q.wantsPercentage && !percentages.some((s) => about(s, subject)))
    return 'no passage gives a percentage';
  // "how long will demining take": a length of time of something else does not answer. (In
  // "how many fishers lost their income and how long does the ban last", it asks one of two
  // things: the other may be answered.)
  const lasting = shown.filter((s) => STATED_DURATION.test(s.entry.passage.text));
  if (q.wantsDuration && asks.clauses < 2 && !lasting.some((s) => about(s, subject)))
    return 'no passage says how long';
  // "how many mine victims were there in 2019": no passage of that time, or telling of it.
  if (date && !date.upTo && !shown.some((s) => ofTime(s.entry, date)))
    return `no passage is of ${date.words} or tells of it`;
  if (q.wantsClock && !shown.some((s) => CLOCK.test(s.entry.passage.text)))
    return 'no passage gives a time of day';
  // "how long will it take": a length of time answers it as a time to come does.
  if (q.wantsFuture && !shown.some((s) => statesFuture(s.entry)) && !q.wantsDuration)
    return 'no passage says when it will be';
  if (q.wantsMoney && !shown.some((s) => statesMoney(s.entry.passage.text)))
    return 'no passage gives a sum of money';
  // "how much did New Zealand give": a sum given by someone else does not answer.
  if (q.payer.length > 0 && !shown.some((s) => paidBy(s.entry.passage.text, q.payer, q)))
    return 'no passage gives a sum from them';
  // ("What time did the strike happen": a time of day is the time asked for.)
  const times = figures.filter(
    (s) => TIME.test(s.entry.passage.text) || (q.wantsClock && CLOCK.test(s.entry.passage.text)),
  );
  if (asks.time && times.length === 0) return 'no passage gives a time for it';
  // The verb, in the passage that answers its clause ("how many were injured", "when did it start").
  const answering =
    asks.predicateOf === 'figure'
      ? figures
      : asks.predicateOf === 'time'
        ? times
        : asks.predicateOf === 'focus'
          ? shown.filter(statesFocus)
          : shown;
  // "where were the anti-tank mines in Khojavand produced": a passage of other mines does not say.
  // (A question of two parts names two: one said whole is enough.)
  const ofThePhrases = (s: Scored) => {
    const held = q.slotPhrases.flatMap((phrase, slot) =>
      phrase && ranking.slots.has(slot) && holds(s, slot) ? [phrase] : [],
    );
    return held.length === 0 || held.some((phrase) => holdsPhrase(s, phrase));
  };
  // "how much did they put aside / spend / allocate": the sum answers, in the letters' own verb.
  const predicate = q.wantsMoney ? null : asks.predicate;
  if (asks.clauses < 2 && !answering.some((s) => holds(s, predicate) && ofThePhrases(s))) {
    // The verb, or else the phrase no passage says whole ("prime minister").
    const slot = predicate ?? q.slotPhrases.findIndex((p) => p !== null);
    const said = q.slots[slot];
    // (With neither, no passage states the thing asked for.)
    if (!said) return 'no passage states what it asks for';
    return `no passage says "${q.text.slice(said.start, said.end)}"`;
  }
  if (asks.focus !== null && !shown.some(statesFocus)) return 'no passage states what it asks for';
  return null;
}

/**
 * Where to search: the caller's filters, narrowed to the letter parts the question names ("the
 * feb 2021 cover letter") when it names some that the filters allow.
 */
function scopeOf(index: SearchIndex, q: ParsedQuestion, filters: SearchFilters): Scope {
  if (!q.letters) return filters;
  const groups = new Set<number>();
  for (const g of resolveLetterReference(q.letters, index)) {
    const part = index.headingGroups[g];
    if (part && matchesFilters(part.letter, filters)) groups.add(g);
  }
  return groups.size > 0 ? { ...filters, groups } : filters;
}

/**
 * Answers a question with verbatim, cited passages, best first — or abstains, saying what was
 * searched, when no passage matches enough of the question's specific subject
 * (`EVIDENCE_THRESHOLD`), and then offers the closest passages as `related`.
 */
export function answerQuestion(
  index: SearchIndex,
  question: string,
  options: AskOptions = {},
): Answer {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const offset = options.offset ?? 0;
  const searched = describeScope(index, options);
  // "what's the symbol of the 2023 letter": every citation gives its letter's symbol, so which
  // letter is what is asked, and the words for the symbol are not searched.
  const symbolAsked = SYMBOL_ASKED.test(question);
  const q = parseQuestion(index, symbolAsked ? question.replace(SYMBOL_ASKED, ' ') : question);
  const abstain = (reason: string, related: Scored[] = [], evidence = 0): Answer => {
    const weights = conceptWeights(index, q);
    return {
      query: question,
      abstained: true,
      reason,
      searched,
      total: 0,
      results: [],
      related: related.slice(0, RELATED_LIMIT).map((s) => toResult(s, q, weights)),
      evidence,
    };
  };
  if (searched.passages === 0) return abstain('no letters match the filters');
  const scope = scopeOf(index, q, options);
  // "tldr of the Khojavand letter": a question that names a letter and asks nothing else is
  // answered by its opening, where a letter says what it is about.
  const wholeLetter =
    symbolAsked || (q.slots.length > 0 && q.slots.every((s) => namesTheLetter(q, s)));
  const dated = openingsOfDated(index, q, scope, wholeLetter);
  if (q.slots.length === 0 && !dated) return abstain('the question has no words to search for');
  const answer = (found: Scored[], total: number, evidence: number): Answer => {
    const weights = conceptWeights(index, q);
    return {
      query: question,
      abstained: false,
      reason: null,
      searched,
      total,
      results: found.slice(offset, offset + limit).map((s) => toResult(s, q, weights)),
      related: [],
      evidence,
    };
  };
  const unlike = lettersNotSaying(index, question, options);
  if (unlike) return answer(unlike, unlike.length, 1);
  // "who wrote Hamlet": a signature answers only a question about the letters' own things.
  const aboutTheLetters = !q.asks.missingName && !q.asks.missingThing;
  if (dated) return answer(dated, dated.length, 1);
  const signatures = q.wantsSignatory && aboutTheLetters ? signaturesFor(index, q, scope) : null;
  if (signatures?.length === 0) return abstain(UNSIGNED);
  if (signatures) return answer(signatures, signatures.length, 1);
  const search = (where: Scope) => {
    const ranked = rankPassages(index, q, where, Math.max(offset + limit, DEFAULT_LIMIT));
    let evidence = 0;
    for (const r of ranked.results.slice(0, DEFAULT_LIMIT))
      evidence = Math.max(evidence, r.evidence);
    evidence = Math.round(evidence * 1000) / 1000;
    const why =
      ranked.total === 0
        ? 'no passage answers the question'
        : options.list
          ? null
          : unanswered(index, q, ranked, evidence, where.groups !== undefined);
    return { ranked, evidence, why };
  };
  let found = search(scope);
  // "according to the Geneva note verbale": what the note transmits (its annex) is what it says.
  const whole = found.why && scope.groups ? wholeDocuments(index, scope.groups) : null;
  if (whole) {
    const widened = search({ ...scope, groups: whole });
    if (!widened.why) found = widened;
  }
  const { ranked, evidence, why } = found;
  if (why) return abstain(why, ranked.total === 0 ? [] : ranked.results, evidence);
  return answer(ranked.results, ranked.total, evidence);
}

/** "which of the letters isn't addressed to the Secretary-General": what the letters must lack. */
const NOT_LETTER =
  /\bwhich (?:of the (?:\w+ )?)?(?:letters?|documents?|ones?|one)\s+(?:is|was|are|were)(?:n['’]?t| not)\s+(?:(?:addressed|sent|written|signed|submitted|transmitted)\s+)?((?:to|from|by)\s[^?!.]+)/i;

/** Words of a letter being written and sent: "when was the Khojavand letter written". */
const DATING: ReadonlySet<string> = new Set([
  'write',
  'written',
  'wrote',
  'send',
  'sent',
  'date',
  'dated',
  'issue',
  'issued',
  'publish',
  'published',
  'circulate',
  'circulated',
  'submit',
  'submitted',
  'sign',
  'signed',
  'release',
  'released',
  'put',
  'transmit',
  'transmitted',
  'deliver',
  'delivered',
]);

/** Whether a slot is one of the words that name the letter a question is about ("the 2023 letter"). */
function namesTheLetter(q: ParsedQuestion, slot: Slot): boolean {
  return q.letters?.spans.some((span) => slot.start >= span.start && slot.end <= span.end) ?? false;
}

/** "symbol", "document symbol", "document number": what every citation gives. */
const SYMBOL_ASKED = /\b(?:(?:document|un|official)\s+)?symbols?\b|\bdocument\s+(?:number|code)\b/i;

/**
 * For "when was the Khojavand letter written", "what date was the NV sent", and questions about a
 * letter as a whole (`whole`: "what is the symbol of the 2023 letter", "tldr of the Khojavand
 * letter"): the opening passage of each letter part the question names, whose citation gives its
 * date and symbol; null for other questions.
 */
function openingsOfDated(
  index: SearchIndex,
  q: ParsedQuestion,
  scope: Scope,
  whole = false,
): Scored[] | null {
  if (!(q.asks.time || q.wantsDate || whole) || !scope.groups) return null;
  // (About the letter as a whole, the words that name it are all that is asked.)
  if (!q.slots.every((s) => DATING.has(s.word) || (whole && namesTheLetter(q, s)))) return null;
  const openings: Scored[] = [];
  for (const g of scope.groups) {
    const part = index.headingGroups[g];
    if (!part) continue;
    const opening = part.letter.passages.find((p) =>
      part.annexIndex < 0
        ? p.part === 'letter'
        : p.part !== 'letter' && p.partIndex === part.annexIndex + 1,
    );
    if (opening) openings.push(asFound({ letter: part.letter, passage: opening }));
  }
  // Of several letters named alike ("the mine awareness day statement"), the latest first: the
  // one people most likely mean. (The sort is stable: a letter's own parts keep their order.)
  openings.sort((a, b) => b.entry.letter.date.localeCompare(a.entry.letter.date));
  return openings.length > 0 ? openings : null;
}

/**
 * For "which letter isn't addressed to the Secretary-General" (or "wasn't sent by …", "is not
 * from …"): the opening passage of each letter whose headings (its title: who sent it, to whom)
 * lack who the rest of the question names, when some letters have it and some lack it;
 * otherwise null.
 */
function lettersNotSaying(
  index: SearchIndex,
  question: string,
  filters: SearchFilters,
): Scored[] | null {
  const rest = NOT_LETTER.exec(question)?.[1];
  if (!rest) return null;
  // Per word (unit): its glossary meaning, and its own concepts ("Secretary-General"; not the
  // parts of a compound, whose "general" is in every title).
  const units = new Map<number, { glossary: number[]; own: number[] }>();
  for (const t of analyze(rest, { question: true })) {
    if (t.weight < 1) continue;
    const unit = units.get(t.unit) ?? { glossary: [], own: [] };
    (isGlossaryConcept(t.concept) ? unit.glossary : unit.own).push(index.conceptId(t.concept));
    units.set(t.unit, unit);
  }
  if (units.size === 0) return null;
  // The letters whose headings hold a concept, from the headings' postings.
  const lettersWith = (id: number): Set<Letter | undefined> =>
    new Set(
      id < 0 ? [] : Array.from(index.groupsWithHeading(id), (g) => index.headingGroups[g]?.letter),
    );
  const both = (a: Set<Letter | undefined>, b: Set<Letter | undefined>) =>
    new Set([...a].filter((l) => b.has(l)));
  let holding: Set<Letter | undefined> | null = null;
  for (const { glossary, own } of units.values()) {
    const byOwn =
      own.length > 0 ? own.map(lettersWith).reduce(both) : new Set<Letter | undefined>();
    const byUnit = new Set([...glossary.flatMap((id) => [...lettersWith(id)]), ...byOwn]);
    holding = holding === null ? byUnit : both(holding, byUnit);
  }
  const lacking: Scored[] = [];
  let having = 0;
  index.letters.forEach((letter, i) => {
    if (!matchesFilters(letter, filters)) return;
    if (holding?.has(letter)) {
      having += 1;
      return;
    }
    const entry = index.passage(index.letterStart[i] ?? 0);
    if (entry) lacking.push(asFound(entry));
  });
  return having > 0 && lacking.length > 0 ? lacking : null;
}

/**
 * Every part of the letters that `groups` (parts) belong to, or null when that adds none: a
 * question that names one part of a document may be answered by another part of it.
 */
function wholeDocuments(index: SearchIndex, groups: ReadonlySet<number>): Set<number> | null {
  const letters = new Set([...groups].map((g) => index.headingGroups[g]?.letter));
  const whole = new Set<number>();
  index.headingGroups.forEach((part, g) => {
    if (letters.has(part.letter)) whole.add(g);
  });
  return whole.size > groups.size ? whole : null;
}
