import type { Letter, PartKind } from '../corpus/schema.ts';
import { analyze, fold } from './analyze.ts';
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
  /** Matched words in `text`. */
  textHighlights: Highlight[];
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

/** Default number of passages in an answer. */
export const DEFAULT_LIMIT = 3;
/** Share of the question's weight the best passage must match, or Annex abstains. */
export const MIN_COVERAGE = 0.5;
/** A further passage is shown only when it scores at least this share of the best one. */
export const MIN_RELATIVE_SCORE = 0.35;
/** Boosts: a figure for "how many", a letter of the time asked about, a quoted phrase. */
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
  if (filters.letter) {
    const key = filters.letter.toLowerCase();
    const hit =
      letter.id.toLowerCase() === key ||
      letter.symbol?.toLowerCase() === key ||
      letter.symbols.some((s) => s.toLowerCase() === key);
    if (!hit) return false;
  }
  if (filters.from && letter.date < filters.from) return false;
  if (filters.to && letter.date > filters.to) return false;
  return true;
}

/** What a search with these filters covers. */
export function describeScope(index: SearchIndex, filters: SearchFilters = {}): Searched {
  const letters = index.letters.filter((l) => matchesFilters(l, filters));
  const passages = letters.reduce(
    (n, l) => n + l.passages.filter((p) => !filters.part || p.part === filters.part).length,
    0,
  );
  return {
    letters: letters.length,
    passages,
    from: letters[0]?.date ?? null,
    to: letters.at(-1)?.date ?? null,
  };
}

const headingCache = new WeakMap<Letter, Map<string, Set<string>>>();

/** Concepts of the headings a passage stands under: the letter's title and its annex's title. */
function headingConcepts(letter: Letter, part: PartKind, partIndex: number): Set<string> {
  let byPart = headingCache.get(letter);
  if (!byPart) {
    byPart = new Map();
    headingCache.set(letter, byPart);
  }
  const key = `${part}${partIndex}`;
  let concepts = byPart.get(key);
  if (!concepts) {
    const annexTitle = part === 'letter' ? '' : (letter.annexes[partIndex - 1]?.title ?? '');
    concepts = new Set(analyze(`${letter.title} ${annexTitle}`).map((t) => t.concept));
    byPart.set(key, concepts);
  }
  return concepts;
}

function monthsBetween(earlier: string, later: string): number {
  const [y1 = 0, m1 = 0] = earlier.split('-').map(Number);
  const [y2 = 0, m2 = 0] = later.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1);
}

function dateFactor(letter: Letter, q: ParsedQuestion): number {
  if (!q.date) return 1;
  if (letter.date >= q.date.from && letter.date <= q.date.to) return 1 + DATE_BOOST;
  if (q.date.upTo && letter.date < q.date.from) {
    return 1 + DATE_BOOST * Math.exp(-monthsBetween(letter.date, q.date.from) / 12);
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

/**
 * Ranks passages for a parsed question, ordering the work so that common words cost little:
 * 1. MiniSearch gathers and scores (BM25) the passages holding the question's selective concepts.
 * 2. The common concepts are scored term-at-a-time from typed postings lists, rarest first. Once
 *    the weight still to come is under `MIN_COVERAGE` of the question's, a passage not yet seen
 *    could never qualify, so later concepts only add to passages already found.
 * Each passage's score is its BM25 times the share of the question's weight it covers (a concept
 * found only in its headings counts `HEADING_SHARE`), with boosts for a figure ("how many"), a
 * duration ("how long"), and letters of the time the question names.
 */
export function rankPassages(
  index: SearchIndex,
  q: ParsedQuestion,
  filters: SearchFilters = {},
): Scored[] {
  if (index.size === 0 || q.concepts.length === 0) return [];
  const { weights, total } = conceptWeights(index, q);
  if (weights.size === 0 || total === 0) return [];
  const { score, matched, seen, mask } = index.scratch;
  const bit = new Map([...weights.keys()].map((c, i) => [c, i < 32 ? 2 ** i : 0]));
  const touched: number[] = [];
  const filtering = Boolean(filters.letter || filters.from || filters.to || filters.part);
  const admit = (id: number) => {
    if (seen[id] === 0) {
      seen[id] = filtering && !passesFilters(index, id, filters) ? 2 : 1;
      touched.push(id);
    }
    return seen[id] === 1;
  };
  const selective = [...weights.keys()].filter((c) => index.isIndexed(c));
  const common = [...weights.keys()]
    .filter((c) => !index.isIndexed(c))
    .sort((a, b) => index.documentFrequency(a) - index.documentFrequency(b));
  let remaining = total;
  try {
    if (selective.length > 0) {
      const questionWeight = new Map(q.concepts.map((c) => [c.concept, c.weight]));
      for (const r of index.miniSearch.search(
        { combineWith: 'OR', queries: selective },
        { boostTerm: (t) => questionWeight.get(t) ?? 1 },
      )) {
        const id = r.id as number;
        if (!admit(id)) continue;
        score[id] = (score[id] ?? 0) + r.score;
        for (const t of r.queryTerms) {
          matched[id] = (matched[id] ?? 0) + (weights.get(t) ?? 0);
          mask[id] = (mask[id] ?? 0) | (bit.get(t) ?? 0);
        }
      }
      for (const c of selective) remaining -= weights.get(c) ?? 0;
    }
    for (const concept of common) {
      const weight = weights.get(concept) ?? 0;
      const open = remaining / total >= MIN_COVERAGE;
      remaining -= weight;
      const conceptBit = bit.get(concept) ?? 0;
      index.forEachPosting(index.conceptId(concept), (id, tf) => {
        if (open ? !admit(id) : seen[id] !== 1) return;
        const lengthNorm = 1 - BM25_B + (BM25_B * index.passageLength(id)) / index.averageLength;
        score[id] =
          (score[id] ?? 0) + (weight * (tf * (BM25_K1 + 1))) / (tf + BM25_K1 * lengthNorm);
        matched[id] = (matched[id] ?? 0) + weight;
        mask[id] = (mask[id] ?? 0) | conceptBit;
      });
    }
    const scored: Scored[] = [];
    for (const id of touched) {
      if (seen[id] !== 1) continue;
      const entry = index.passages[id];
      if (!entry) continue;
      let bm25 = score[id] ?? 0;
      let covered = matched[id] ?? 0;
      if (covered < total) {
        const headings = headingConcepts(entry.letter, entry.passage.part, entry.passage.partIndex);
        for (const [concept, weight] of weights) {
          const conceptBit = bit.get(concept) ?? 0;
          if (conceptBit !== 0 && headings.has(concept) && ((mask[id] ?? 0) & conceptBit) === 0) {
            covered += weight * HEADING_SHARE;
            bm25 += weight * HEADING_SHARE * 0.5;
          }
        }
      }
      const coverage = covered / total;
      if (coverage < MIN_COVERAGE) continue;
      if (q.phrases.length > 0) {
        const folded = fold(entry.passage.text);
        if (!q.phrases.every((p) => folded.includes(p))) continue;
      }
      let final = bm25 * coverage;
      if (q.wantsFigure && index.hasFigure(id)) final *= 1 + FIGURE_BOOST;
      if (q.wantsDuration && index.hasDuration(id)) final *= 1 + FIGURE_BOOST;
      final *= dateFactor(entry.letter, q);
      scored.push({ entry, score: final, coverage });
    }
    scored.sort((a, b) => b.score - a.score || a.entry.passage.n - b.entry.passage.n);
    return scored;
  } finally {
    for (const id of touched) {
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
  const textHighlights = excerpt.highlights.map((h) => ({
    start: h.start + excerpt.start,
    end: h.end + excerpt.start,
  }));
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
    textHighlights,
    score: Math.round(s.score * 1000) / 1000,
    citation: formatCitation(letter, passage),
    url: documentUrl(letter),
    attribution: attribution(letter, passage),
  };
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
  const ranked = rankPassages(index, q, options);
  const best = ranked[0];
  if (!best || best.coverage < MIN_COVERAGE) return abstain('no passage answers the question');
  const kept = ranked.filter(
    (s) => s.coverage >= MIN_COVERAGE && s.score >= best.score * MIN_RELATIVE_SCORE,
  );
  const { weights } = conceptWeights(index, q);
  return {
    query: question,
    abstained: false,
    reason: null,
    searched,
    total: kept.length,
    results: kept.slice(offset, offset + limit).map((s) => toResult(s, q, weights)),
  };
}
