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
/** Candidates are gathered with the rarest concepts until their postings pass this many. */
export const GATHER_BUDGET = 20_000;
/** How many of MiniSearch's best candidates are rescored with the full question. */
export const CANDIDATE_POOL = 200;
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
 * Candidate passages for the question: MiniSearch gathers them with the rarest selective
 * concepts, adding concepts in order of rarity until their postings pass `GATHER_BUDGET`
 * (a concept in most passages would make it score nearly the whole corpus). When the question
 * has no selective concept at all, the forward index is scanned for its rarest concept.
 */
function gatherCandidates(
  index: SearchIndex,
  byRarity: readonly string[],
  weights: ReadonlyMap<string, number>,
  filters: SearchFilters,
): number[] {
  const filtering = Boolean(filters.letter || filters.from || filters.to || filters.part);
  const gather: string[] = [];
  let postings = 0;
  for (const concept of byRarity) {
    if (!index.isIndexed(concept)) continue;
    if (gather.length > 0 && postings + index.documentFrequency(concept) > GATHER_BUDGET) break;
    gather.push(concept);
    postings += index.documentFrequency(concept);
  }
  if (gather.length > 0) {
    return index.miniSearch
      .search(
        { combineWith: 'OR', queries: gather },
        {
          boostTerm: (term) => weights.get(term) ?? 1,
          filter: filtering ? (r) => passesFilters(index, r.id as number, filters) : undefined,
        },
      )
      .slice(0, CANDIDATE_POOL)
      .map((r) => r.id as number);
  }
  const rarest = index.conceptId(byRarity[0] ?? '');
  const found: number[] = [];
  for (let id = 0; id < index.size; id++) {
    if (index.termFrequency(id, rarest) > 0 && (!filtering || passesFilters(index, id, filters)))
      found.push(id);
  }
  return found;
}

/**
 * Ranks passages for a parsed question: candidates from `gatherCandidates`, each scored with
 * every concept of the question (BM25 over the forward index, with a concept found only in the
 * passage's headings counting `HEADING_SHARE`), times the share of the question's weight it
 * covers, a boost for a figure ("how many") or a duration ("how long"), and a boost for
 * letters of the time the question names.
 */
export function rankPassages(
  index: SearchIndex,
  q: ParsedQuestion,
  filters: SearchFilters = {},
): Scored[] {
  if (index.size === 0 || q.concepts.length === 0) return [];
  const { weights, total } = conceptWeights(index, q);
  if (weights.size === 0) return [];
  const byRarity = [...weights.keys()].sort(
    (a, b) => index.documentFrequency(a) - index.documentFrequency(b),
  );
  const ids = byRarity.map((c) => index.conceptId(c));
  const scored: Scored[] = [];
  for (const id of gatherCandidates(index, byRarity, weights, filters)) {
    const entry = index.passages[id];
    if (!entry) continue;
    if (q.phrases.length > 0) {
      const folded = fold(entry.passage.text);
      if (!q.phrases.every((p) => folded.includes(p))) continue;
    }
    const lengthNorm = 1 - BM25_B + (BM25_B * index.passageLength(id)) / index.averageLength;
    let headings: Set<string> | null = null;
    let bm25 = 0;
    let matched = 0;
    for (const [i, concept] of byRarity.entries()) {
      const weight = weights.get(concept) ?? 0;
      const tf = index.termFrequency(id, ids[i] ?? -1);
      if (tf > 0) {
        matched += weight;
        bm25 += (weight * (tf * (BM25_K1 + 1))) / (tf + BM25_K1 * lengthNorm);
        continue;
      }
      headings ??= headingConcepts(entry.letter, entry.passage.part, entry.passage.partIndex);
      if (headings.has(concept)) {
        matched += weight * HEADING_SHARE;
        bm25 += weight * HEADING_SHARE * 0.5;
      }
    }
    const coverage = total > 0 ? matched / total : 0;
    let score = bm25 * coverage;
    if (q.wantsFigure && index.hasFigure(id)) score *= 1 + FIGURE_BOOST;
    if (q.wantsDuration && index.hasDuration(id)) score *= 1 + FIGURE_BOOST;
    score *= dateFactor(entry.letter, q);
    scored.push({ entry, score, coverage });
  }
  scored.sort((a, b) => b.score - a.score || a.entry.passage.n - b.entry.passage.n);
  return scored;
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
