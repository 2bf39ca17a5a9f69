import { dayNumber } from '../corpus/dates.ts';
import { namesLetter } from '../corpus/identify.ts';
import { isSignature } from '../corpus/parse-letter.ts';
import type { Letter, PartKind } from '../corpus/schema.ts';
import { fold } from './analyze.ts';
import { attribution, documentUrl, formatCitation } from './cite.ts';
import { type Highlight, pickExcerpt } from './excerpt.ts';
import { type ParsedQuestion, parseQuestion } from './question.ts';
import type { IndexedPassage, SearchIndex } from './search-index.ts';

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
}

/** Why Annex abstains on "who signed …?" when the letters it names carry no signature. */
export const UNSIGNED = 'the letters it names are not signed';

/** Default number of passages in an answer. */
export const DEFAULT_LIMIT = 3;
/** Share of the question's weight the best passage must match, or Annex abstains. */
export const MIN_COVERAGE = 0.5;
/** A further passage is shown only when it scores at least this share of the best one. */
export const MIN_RELATIVE_SCORE = 0.35;
/** Boost for a passage stating what the question asks for: a figure ("how many"), a duration ("how long"), a day ("when"). */
export const FIGURE_BOOST = 0.3;
/** A concept found only in the passage's headings (letter title, annex title) counts this much. */
export const HEADING_SHARE = 0.6;
export const DATE_BOOST = 0.5;

const BM25_K1 = 1.2;
const BM25_B = 0.75;

function idf(index: SearchIndex, df: number): number {
  const n = index.size;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function matchesFilters(letter: Letter, filters: SearchFilters): boolean {
  if (filters.letter && !namesLetter(letter, filters.letter)) return false;
  if (filters.from && letter.date < filters.from) return false;
  if (filters.to && letter.date > filters.to) return false;
  return true;
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

/**
 * Each known concept's weight (its idf times the question's weight for it), and the question's
 * total weight, in which a word the letters do not contain counts as much as the rarest word.
 */
export function conceptWeights(
  index: SearchIndex,
  q: ParsedQuestion,
): { weights: Map<string, number>; total: number } {
  const weights = new Map<string, number>();
  let total = 0;
  const maxIdf = idf(index, 0);
  for (const c of q.concepts) {
    const df = index.documentFrequency(c.concept);
    const w = c.weight * (df > 0 ? idf(index, df) : maxIdf);
    total += w;
    if (df > 0) weights.set(c.concept, Math.max(weights.get(c.concept) ?? 0, w));
  }
  return { weights, total };
}

interface Scored {
  entry: IndexedPassage;
  score: number;
  coverage: number;
}

/** Resolves a passage id to its entry, checking the filters. */
function passesFilters(index: SearchIndex, id: number, filters: SearchFilters): boolean {
  const entry = index.passages[id];
  if (!entry) return false;
  if (filters.part && entry.passage.part !== filters.part) return false;
  return matchesFilters(entry.letter, filters);
}

/** What `rankPassages` returns: the best passages, in order, and how many passed the bar. */
export interface Ranking {
  results: Scored[];
  total: number;
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
    return [...this.heap].sort(
      (a, b) => b.score - a.score || a.entry.passage.n - b.entry.passage.n,
    );
  }
}

/** A passage first seen late can still qualify only while this many passages have been admitted… */
export const ADMISSION_BUDGET = 40_000;

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
 * Ranks passages for a parsed question, ordering the work so that common words cost little:
 * 1. A question whose known words weigh under `MIN_COVERAGE` of it is answered "not found" at once.
 * 2. MiniSearch gathers and scores (BM25) the passages holding the question's selective concepts.
 * 3. The common concepts are scored term-at-a-time from typed postings lists, rarest first. While
 *    a passage not yet seen could still reach the bar (with the concepts still to come, and its
 *    headings) and fewer than `ADMISSION_BUDGET` passages are in play, new passages are admitted;
 *    after that, a concept only adds to passages already in play.
 * A passage's score is its BM25 times the share of the question's weight it covers (a concept
 * found only in its headings counts `HEADING_SHARE`), with boosts for a figure ("how many"), a
 * duration ("how long"), and letters of the time the question names. Only the `want` best are
 * sorted; `total` counts all that pass.
 */
export function rankPassages(
  index: SearchIndex,
  q: ParsedQuestion,
  filters: SearchFilters = {},
  want = DEFAULT_LIMIT,
): Ranking {
  const none: Ranking = { results: [], total: 0 };
  if (index.size === 0 || q.concepts.length === 0) return none;
  const { weights, total } = conceptWeights(index, q);
  let known = 0;
  for (const w of weights.values()) known += w;
  if (total === 0 || known / total < MIN_COVERAGE) return none;
  const { score, matched, seen, mask, touched, live } = index.scratch;
  let touchedCount = 0;
  const bit = new Map([...weights.keys()].map((c, i) => [c, i < 32 ? 2 ** i : 0]));
  const filtering = Boolean(filters.letter || filters.from || filters.to || filters.part);
  const admit = (id: number): boolean => {
    if (seen[id] === 0) {
      seen[id] = filtering && !passesFilters(index, id, filters) ? 2 : 1;
      touched[touchedCount++] = id;
    }
    return seen[id] === 1;
  };
  const selective = [...weights.keys()].filter((c) => index.isIndexed(c));
  const common = [...weights.keys()]
    .filter((c) => !index.isIndexed(c))
    .sort((a, b) => index.documentFrequency(a) - index.documentFrequency(b));
  let remaining = known;
  /** Weight already processed that a passage could still earn from its headings. */
  let headingReach = 0;
  const conceptList = [...weights.keys()];
  const weightList = conceptList.map((c) => weights.get(c) ?? 0);
  const bitList = conceptList.map((c) => bit.get(c) ?? 0);
  const bitById = new Map(conceptList.map((c, i) => [index.conceptId(c), bitList[i] ?? 0]));
  const groups = index.groupScratch;
  groups.epoch = (groups.epoch + 1) >>> 0 || 1;
  const epoch = groups.epoch;
  const headingBitsOf = (group: number): number => {
    if (groups.stamp[group] === epoch) return groups.bits[group] as number;
    let bits = 0;
    for (const cid of index.headingConceptIds(group)) bits |= bitById.get(cid) ?? 0;
    groups.stamp[group] = epoch;
    groups.bits[group] = bits;
    return bits;
  };
  try {
    if (selective.length > 0) {
      const questionWeight = new Map(q.concepts.map((c) => [c.concept, c.weight]));
      const found = index.miniSearch.search(
        { combineWith: 'OR', queries: selective },
        { boostTerm: (t) => questionWeight.get(t) ?? 1 },
      );
      for (const r of found) {
        const id = r.id as number;
        if (!admit(id)) continue;
        score[id] = (score[id] ?? 0) + r.score;
        for (const t of r.queryTerms) {
          matched[id] = (matched[id] ?? 0) + (weights.get(t) ?? 0);
          mask[id] = (mask[id] ?? 0) | (bit.get(t) ?? 0);
        }
      }
      for (const c of selective) {
        remaining -= weights.get(c) ?? 0;
        if (index.inHeadings(c)) headingReach += weights.get(c) ?? 0;
      }
    }
    const { postingOffsets, postingPassages, postingCounts, passageLength } = index.arrays;
    const k1 = BM25_K1;
    const lengthBase = 1 - BM25_B;
    const lengthScale = BM25_B / index.averageLength;
    /** Candidates still able to reach the bar, once admission has closed. */
    let liveCount = -1;
    let processedBits = 0;
    for (const c of selective) processedBits |= bit.get(c) ?? 0;
    const prune = () => {
      const from = liveCount < 0 ? touched : live;
      const n = liveCount < 0 ? touchedCount : liveCount;
      let kept = 0;
      for (let j = 0; j < n; j++) {
        const id = from[j] as number;
        if (seen[id] !== 1) continue;
        const m = matched[id] as number;
        if (m + remaining + HEADING_SHARE * (known - m - remaining) < MIN_COVERAGE * total) {
          seen[id] = 2;
          continue;
        }
        if (m + remaining < MIN_COVERAGE * total) {
          let credit = 0;
          const bits =
            headingBitsOf(index.headingGroup(id)) & processedBits & ~(mask[id] as number);
          for (let c = 0; bits !== 0 && c < bitList.length; c++) {
            if ((bits & (bitList[c] as number)) !== 0) credit += weightList[c] as number;
          }
          if (m + remaining + HEADING_SHARE * credit < MIN_COVERAGE * total) {
            seen[id] = 2;
            continue;
          }
        }
        live[kept++] = id;
      }
      liveCount = kept;
    };
    for (const concept of common) {
      const weight = weights.get(concept) ?? 0;
      const reachable = (remaining + HEADING_SHARE * headingReach) / total;
      const open = reachable >= MIN_COVERAGE && touchedCount < ADMISSION_BUDGET;
      if (!open) prune();
      remaining -= weight;
      processedBits |= bit.get(concept) ?? 0;
      if (index.inHeadings(concept)) headingReach += weight;
      const conceptBit = bit.get(concept) ?? 0;
      const cid = index.conceptId(concept);
      const from = postingOffsets[cid] ?? 0;
      const to = postingOffsets[cid + 1] ?? 0;
      const scale = weight * (k1 + 1);
      const bySearch = !open && liveCount * Math.log2(to - from + 2) < to - from;
      const count = bySearch ? liveCount : to - from;
      for (let n = 0; n < count; n++) {
        let id: number;
        let at: number;
        if (bySearch) {
          id = live[n] as number;
          if (seen[id] !== 1) continue;
          at = findPosting(postingPassages, from, to, id);
          if (at < 0) continue;
        } else {
          at = from + n;
          id = postingPassages[at] as number;
          if (open ? !admit(id) : seen[id] !== 1) continue;
        }
        const tf = postingCounts[at] as number;
        const norm = lengthBase + lengthScale * (passageLength[id] as number);
        score[id] = (score[id] as number) + (scale * tf) / (tf + k1 * norm);
        matched[id] = (matched[id] as number) + weight;
        mask[id] = (mask[id] as number) | conceptBit;
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
      let covered = matched[id] as number;
      if ((covered + HEADING_SHARE * (known - covered)) / total < MIN_COVERAGE) continue;
      let bm25 = score[id] as number;
      if (covered < known) {
        const missing = headingBitsOf(index.headingGroup(id)) & ~(mask[id] as number);
        if (missing !== 0) {
          for (let c = 0; c < bitList.length; c++) {
            if ((missing & (bitList[c] as number)) !== 0) {
              covered += (weightList[c] as number) * HEADING_SHARE;
              bm25 += (weightList[c] as number) * HEADING_SHARE * 0.5;
            }
          }
        }
      }
      const coverage = covered / total;
      if (coverage < MIN_COVERAGE) continue;
      if (q.phrases.length > 0) {
        const folded = fold((index.passages[id] as IndexedPassage).passage.text);
        if (!q.phrases.every((p) => folded.includes(p))) continue;
      }
      let final = bm25 * coverage;
      if (q.wantsFigure && index.hasFigure(id)) final *= 1 + FIGURE_BOOST;
      if (q.wantsDuration && index.hasDuration(id)) final *= 1 + FIGURE_BOOST;
      if (q.wantsDate && index.hasDate(id)) final *= 1 + FIGURE_BOOST;
      if (dateRange) final *= dateFactor(passageDay[id] as number, dateRange);
      score[id] = final;
      matched[id] = coverage;
      seen[id] = QUALIFIED;
      if (final > bestScore) bestScore = final;
    }
    const best = new TopK(want);
    const bar = bestScore * MIN_RELATIVE_SCORE;
    let kept = 0;
    for (let j = 0; j < touchedCount; j++) {
      const id = touched[j] as number;
      if (seen[id] !== QUALIFIED || (score[id] as number) < bar) continue;
      kept += 1;
      if (best.accepts(score[id] as number)) {
        best.offer({
          entry: index.passages[id] as IndexedPassage,
          score: score[id] as number,
          coverage: matched[id] as number,
        });
      }
    }
    return { results: best.sorted(), total: kept };
  } finally {
    for (let j = 0; j < touchedCount; j++) {
      const id = touched[j] ?? 0;
      score[id] = 0;
      matched[id] = 0;
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

/**
 * For "who signed the letter about Khojavend?": the letters the rest of the question finds,
 * best first, and each one's signature blocks: the letter's own first, or the annex's when the
 * question asks about an annex. Empty when those letters carry no signature (notes verbales
 * are unsigned); null when the rest of the question finds no letter, so that it is answered
 * like any other.
 */
function signaturesFor(
  index: SearchIndex,
  q: ParsedQuestion,
  filters: SearchFilters,
): Scored[] | null {
  const topic = { ...q, concepts: q.concepts.filter((c) => c.concept !== 'sign') };
  if (topic.concepts.length === 0) return null;
  const asked = new Set(topic.concepts.map((c) => c.concept));
  const first: PartKind = asked.has('annex')
    ? 'annex'
    : asked.has('enclosur')
      ? 'enclosure'
      : 'letter';
  const signatures: Scored[] = [];
  const letters = new Set<Letter>();
  let ranked = rankPassages(index, topic, filters, 20).results;
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
  const bar = (ranked[0]?.score ?? 0) * SIGNATORY_RELATIVE_SCORE;
  for (const best of ranked) {
    const { letter } = best.entry;
    if (best.score < bar || letters.size === SIGNATORY_LETTERS) break;
    if (letters.has(letter)) continue;
    letters.add(letter);
    const signed = letter.passages
      .filter((p) => isSignature(p.text) && (!filters.part || p.part === filters.part))
      .sort((a, b) => Number(b.part === first) - Number(a.part === first) || a.n - b.n);
    for (const passage of signed)
      signatures.push({ entry: { letter, passage }, score: best.score, coverage: best.coverage });
  }
  return signatures;
}

/**
 * Answers a question with verbatim, cited passages, best first — or abstains, saying what was
 * searched, when no passage matches at least `MIN_COVERAGE` of what the question asks.
 */
export function answerQuestion(
  index: SearchIndex,
  question: string,
  options: AskOptions = {},
): Answer {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const offset = options.offset ?? 0;
  const searched = describeScope(index, options);
  const q = parseQuestion(index, question);
  const abstain = (reason: string): Answer => ({
    query: question,
    abstained: true,
    reason,
    searched,
    total: 0,
    results: [],
  });
  if (searched.passages === 0) return abstain('no letters match the filters');
  if (q.concepts.length === 0) return abstain('the question has no words to search for');
  const answer = (found: Scored[], total: number): Answer => {
    const { weights } = conceptWeights(index, q);
    return {
      query: question,
      abstained: false,
      reason: null,
      searched,
      total,
      results: found.slice(offset, offset + limit).map((s) => toResult(s, q, weights)),
    };
  };
  const signatures = q.wantsSignatory ? signaturesFor(index, q, options) : null;
  if (signatures?.length === 0) return abstain(UNSIGNED);
  if (signatures) return answer(signatures, signatures.length);
  const ranked = rankPassages(index, q, options, offset + limit);
  if (ranked.total === 0) return abstain('no passage answers the question');
  return answer(ranked.results, ranked.total);
}
