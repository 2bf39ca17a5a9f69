import { dateWithin } from '../corpus/dates.ts';
import { namesLetter } from '../corpus/identify.ts';
import { isLetter, type Letter, type PartKind } from '../corpus/schema.ts';
import { analyze, fold } from './analyze.ts';
import { generalSpecificity, specificityOfUsage } from './lexicon.ts';
import type { ParsedQuestion } from './question.ts';
import { WEIGHTS } from './model.ts';
import type { SearchIndex } from './search-index.ts';
import { FLAG_NOT_ALONE } from './index-build.ts';
import type { IndexedPassage } from './index-entries.ts';
import type { IndexArrays } from './saved-index.ts';

/**
 * The first stage of retrieval: the passages that could answer, from the typed postings lists,
 * scored by BM25 over the question's slots (each slot counts once, by its best alternative) and
 * by how much of the question they cover. Wide on purpose (`CANDIDATE_POOL`): the fitted model
 * reorders them with features this stage does not compute.
 */

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

/** Where a search may look: the filters, and the letter parts a question names. */
export interface Scope extends SearchFilters {
  /** Heading groups (letter parts) the question names; all when absent. */
  groups?: ReadonlySet<number>;
}

/**
 * How many passages the first stage hands to the model: wide enough that an answering passage
 * is among them for 99.7% of the tuning questions (as many as at 100), with the structural
 * passages of the best documents (`rank.ts`).
 */
export const CANDIDATE_POOL = 30;
/**
 * A safety net for very large corpora: once this many passages are in play, no new one is
 * admitted even if the bound would allow it.
 */
export const ADMISSION_BUDGET = 60_000;
/** At most this many of the question's words are searched: the most specific ones. */
export const MAX_SLOTS = 31;

/** A slot ready for ranking: its alternatives with their idf-weighted values, best first. */
export interface RankedSlot {
  /** Position of the slot in the question's slots. */
  slot: number;
  bit: number;
  /** Value of the slot's best alternative: weight × specificity. */
  value: number;
  /** The most the slot can add to a passage's BM25. */
  bound: number;
  alternatives: { concept: string; id: number; value: number; weight: number }[];
}

/** A passage the first stage found. */
export interface Candidate {
  id: number;
  entry: IndexedPassage;
  /** BM25 over the slots the passage holds, with heading-only slots at `WEIGHTS.headingShare`. */
  bm25: number;
  /** First-stage score: its BM25. */
  first: number;
  /** Value of the slots matched (text, or headings at `WEIGHTS.headingShare`), over the largest idf. */
  evidence: number;
  /** Which slots the passage's text holds (bits of `RankedSlot.bit`). */
  mask: number;
  /** Which slots its headings hold. */
  headingMask: number;
  /**
   * Which slots the passage before it in its document holds: what its "it" and "the Government"
   * go on from ("… camps hosting Rohingya refugees." / "Bangladesh currently hosts 1.1 million …").
   */
  contextMask: number;
  /** The slots its section's heading holds (`sectionBits`). */
  sectionMask: number;
}

/** A candidate no slot scored: a passage added for what it is (a document's opening), not its words. */
export function unscored(id: number, entry: IndexedPassage): Candidate {
  return {
    id,
    entry,
    bm25: 0,
    first: 0,
    evidence: 0,
    mask: 0,
    headingMask: 0,
    contextMask: 0,
    sectionMask: 0,
  };
}

/** What the first stage returns. */
export interface CandidateSet {
  candidates: Candidate[];
  /** Passages that matched in all (for "more results" and `/search`'s count). */
  total: number;
  slots: RankedSlot[];
  /** Sum of the slots' values. */
  totalValue: number;
  /** The largest idf the corpus allows: evidence is scaled by it. */
  maxIdf: number;
}

/** Inverse document frequency, BM25's form. */
export function idf(index: SearchIndex, df: number): number {
  return Math.log(1 + (index.size - df + 0.5) / (df + 0.5));
}

/**
 * How specific a concept is: its idf over what readers see (passages and headings), times how
 * rare it is in general English: read at index time for the letters' words, and for a word they
 * lack from the word as typed (`word`), when given.
 */
export function specificityOf(index: SearchIndex, concept: string, word?: string): number {
  const df = index.reach(concept);
  const id = index.conceptId(concept);
  const general =
    id >= 0
      ? specificityOfUsage(index.arrays.usage[id] ?? 0)
      : word === undefined
        ? 1
        : generalSpecificity(word);
  return (df > 0 ? idf(index, df) : idf(index, 0)) * general;
}

/** The question's slots the letters can answer, most specific first, with their values. */
export function rankedSlots(index: SearchIndex, q: ParsedQuestion): RankedSlot[] {
  const slots = q.slots
    .map((slot, position) => {
      // A related word is no more specific than the word the user typed ("Armenian" for
      // "Armenia"); another spelling or a glossary meaning of it is the word itself.
      const own =
        index.conceptId(slot.concept) >= 0 ? specificityOf(index, slot.concept) : Infinity;
      const alternatives = slot.alternatives
        .map((a) => {
          const specificity = specificityOf(index, a.concept);
          return {
            concept: a.concept,
            id: index.conceptId(a.concept),
            weight: a.weight,
            value: a.weight * (a.weight < 1 ? Math.min(specificity, own) : specificity),
          };
        })
        .filter((a) => a.id >= 0)
        .sort((a, b) => b.value - a.value);
      let bound = 0;
      for (const a of alternatives)
        bound = Math.max(
          bound,
          a.value * (index.arrays.maxTermFactor[a.id] ?? WEIGHTS.bm25Saturation + 1),
        );
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

/** Whether a letter passes the caller's filters (letter, dates). */
export function matchesFilters(letter: Letter, filters: SearchFilters): boolean {
  if (filters.letter && !namesLetter(letter, filters.letter)) return false;
  return dateWithin(letter.date, filters.from, filters.to);
}

/** The passages of the letters a scope names (`letter`, `groups`), or null when it names none. */
function scopedPassages(index: SearchIndex, scope: Scope): Uint32Array | null {
  if (!scope.letter && !scope.groups) return null;
  const letters = new Set<Letter>();
  if (scope.groups)
    for (const g of scope.groups) {
      const part = index.headingGroups[g];
      if (part) letters.add(part.letter);
    }
  else if (scope.letter)
    for (const i of index.catalog.named(scope.letter)) letters.add(index.letters[i] as Letter);
  // Written straight into a typed array of the right size: pushed one by one into a plain array
  // (tens of thousands of ids when a question names a year of a large corpus), the ids took a
  // question at 10,000 letters about 5 ms before it was searched at all.
  const ranges: [number, number][] = [];
  const headings: (readonly number[])[] = [];
  let count = 0;
  for (const letter of letters) {
    const range = index.passageRange(letter);
    const ofLetter = index.headingsOfLetter(letter);
    ranges.push(range);
    headings.push(ofLetter);
    count += range[1] - range[0] + ofLetter.length;
  }
  const ids = new Uint32Array(count);
  let n = 0;
  for (const [first, end] of ranges) for (let id = first; id < end; id++) ids[n++] = id;
  for (const ofLetter of headings) for (const id of ofLetter) ids[n++] = id;
  // A typed array sorts numbers natively: a scope of thousands of documents is sorted per question.
  return ids.sort();
}

function passesFilters(
  index: SearchIndex,
  id: number,
  scope: Scope,
  letters: ReadonlySet<Letter> | null,
): boolean {
  const letter = index.letterOf(id);
  if (!letter) return false;
  // A question that names a part of a document may be answered by another part of it
  // ("according to the Geneva note verbale": what the note transmits, its annex).
  if (letters && !letters.has(letter)) return false;
  if (scope.part && index.partOf(id) !== scope.part) return false;
  // The main text of a document that is no letter (a speech, a report) is no letter's part.
  if (scope.part === 'letter' && !isLetter(letter)) return false;
  return matchesFilters(letter, scope);
}

/** The `k`-th largest of `values[ids[0..count)]` (0 when there are fewer): a small min-heap. */
function kthLargest(values: Float64Array, ids: Uint32Array, count: number, k: number): number {
  if (count < k) return 0;
  const heap = new Float64Array(k);
  let size = 0;
  const swap = (i: number, j: number) => {
    const t = heap[i] as number;
    heap[i] = heap[j] as number;
    heap[j] = t;
  };
  for (let j = 0; j < count; j++) {
    const v = values[ids[j] as number] as number;
    if (size < k) {
      let i = size++;
      heap[i] = v;
      while (i > 0 && (heap[(i - 1) >> 1] as number) > (heap[i] as number)) {
        swap(i, (i - 1) >> 1);
        i = (i - 1) >> 1;
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
        swap(i, min);
        i = min;
      }
    }
  }
  return heap[0] as number;
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

/** Whether the passage `id` holds the concept `cid` (by its postings). */
function holds(index: SearchIndex, cid: number, id: number): boolean {
  const { postingOffsets, postingPassages } = index.arrays;
  return (
    findPosting(postingPassages, postingOffsets[cid] ?? 0, postingOffsets[cid + 1] ?? 0, id) >= 0
  );
}

/**
 * The slots the passage before passage `id` in the same document holds (`Candidate.contextMask`),
 * looked up in the slots' postings: a few binary searches for each candidate.
 */
function contextBits(index: SearchIndex, id: number, slots: readonly RankedSlot[]): number {
  const before = index.passage(id - 1);
  const entry = index.passage(id);
  // A part's first passage goes on from no passage of another part (an annex from its letter).
  if (!before || before.letter !== entry?.letter) return 0;
  if (before.passage.part !== entry.passage.part) return 0;
  if (before.passage.partIndex !== entry.passage.partIndex) return 0;
  return bitsHeld(index, id - 1, slots);
}

/**
 * The slots the heading of passage `id`'s section holds (`Candidate.sectionMask`): "article 7" of
 * "Article 7 Right of return" for each paragraph of the article.
 */
function sectionBits(index: SearchIndex, id: number, slots: readonly RankedSlot[]): number {
  const heading = index.sectionHeadingOf(id);
  return heading < 0 ? 0 : bitsHeld(index, heading, slots);
}

/** The bits of the slots passage `id` holds, by their postings (a few binary searches each). */
function bitsHeld(index: SearchIndex, id: number, slots: readonly RankedSlot[]): number {
  let bits = 0;
  for (const slot of slots)
    if (slot.alternatives.some((a) => holds(index, a.id, id))) bits |= slot.bit;
  return bits;
}

/**
 * The best `k` passages offered, by score and then by id (the order candidates are listed in):
 * a bounded heap whose root is the worst kept, so that of the thousands of passages a common
 * word leaves in play, only the pool's are made into candidates and sorted.
 */
class PoolHeap {
  readonly ids: Uint32Array;
  readonly scores: Float64Array;
  /** Per kept passage, the value of the slots it matched (`Candidate.evidence` before scaling). */
  readonly matched: Float64Array;
  size = 0;

  constructor(private readonly k: number) {
    this.ids = new Uint32Array(k);
    this.scores = new Float64Array(k);
    this.matched = new Float64Array(k);
  }

  /** Whether the entry at `i` ranks below the one at `j` (a lower score, or a tie and a later id). */
  private below(i: number, j: number): boolean {
    const a = this.scores[i] as number;
    const b = this.scores[j] as number;
    return a < b || (a === b && (this.ids[i] as number) > (this.ids[j] as number));
  }

  private swap(i: number, j: number): void {
    const { ids, scores, matched } = this;
    const id = ids[i] as number;
    ids[i] = ids[j] as number;
    ids[j] = id;
    const score = scores[i] as number;
    scores[i] = scores[j] as number;
    scores[j] = score;
    const m = matched[i] as number;
    matched[i] = matched[j] as number;
    matched[j] = m;
  }

  /** Keeps the passage if it is among the best `k` so far. */
  offer(id: number, score: number, matched: number): void {
    if (this.k === 0) return;
    let i: number;
    if (this.size < this.k) {
      i = this.size++;
    } else {
      const root = this.scores[0] as number;
      if (score < root || (score === root && id > (this.ids[0] as number))) return;
      i = 0;
    }
    this.ids[i] = id;
    this.scores[i] = score;
    this.matched[i] = matched;
    if (i > 0) {
      while (i > 0 && this.below(i, (i - 1) >> 1)) {
        this.swap(i, (i - 1) >> 1);
        i = (i - 1) >> 1;
      }
      return;
    }
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < this.size && this.below(l, worst)) worst = l;
      if (r < this.size && this.below(r, worst)) worst = r;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }
}

const bonuses = new WeakMap<SearchIndex, { value: Float64Array; stamp: Uint32Array }>();
/** Scratch per heading group of an index: what its headings may add, valid when `stamp` is the query's epoch. */
function headingBonuses(index: SearchIndex): { value: Float64Array; stamp: Uint32Array } {
  let found = bonuses.get(index);
  if (!found) {
    const groups = index.groupScratch.bits.length;
    found = { value: new Float64Array(groups), stamp: new Uint32Array(groups) };
    bonuses.set(index, found);
  }
  return found;
}

/**
 * The question's slots that each part's headings hold, for one query (the index's `groupScratch`
 * stamped with `epoch`). A class, not closures made per query: the loops that call it are
 * optimized for the one method, where a new closure each query made V8 throw their code away.
 */
class QueryHeadings {
  private readonly bonus: { value: Float64Array; stamp: Uint32Array };

  constructor(
    private readonly index: SearchIndex,
    private readonly epoch: number,
    private readonly slots: readonly RankedSlot[],
  ) {
    this.bonus = headingBonuses(index);
  }

  /** The slots (bits) the headings of a passage's part hold. */
  bitsOf(id: number): number {
    const group = this.index.headingGroup(id);
    const { stamp, bits } = this.index.groupScratch;
    return stamp[group] === this.epoch ? (bits[group] as number) : 0;
  }

  /**
   * The most a passage can gain from the slots its part's headings hold (see `collect`): worked
   * out once per part the pruning asks about, not once per passage in play and slot.
   */
  bonusOf(id: number): number {
    const group = this.index.headingGroup(id);
    const { stamp, bits } = this.index.groupScratch;
    if (stamp[group] !== this.epoch) return 0;
    const bonus = this.bonus;
    if (bonus.stamp[group] !== this.epoch) {
      const held = bits[group] as number;
      let sum = 0;
      for (const s of this.slots) if ((held & s.bit) !== 0) sum += s.value;
      bonus.value[group] = sum * WEIGHTS.headingShare;
      bonus.stamp[group] = this.epoch;
    }
    return bonus.value[group] as number;
  }
}

/** A passage's state in `seen`: it can no longer reach the pool, so it is no longer scored. */
const OUT_OF_RACE = 4;
/** …and scored in full. */
const QUALIFIED = 3;

/** BM25's length normalization: `k1 · (base + scale · length)` divides a term's count. */
interface Lengths {
  k1: number;
  base: number;
  scale: number;
}

/*
 * The first stage's loops over postings and passages in play, each a small function of its own:
 * inside `findCandidates` (a large function with closures), V8 took 200–400 ms of compiling per
 * optimization on this machine and threw the optimized code away whenever a path it had not yet
 * seen ran (a scope, a phrase), so that a question over common words ran its loops unoptimized
 * (160 ms for one the optimized loops answer in 12 ms). These compile in milliseconds, and a
 * path of one does not deoptimize the others. Each adds exactly what the loop inline added.
 */

/**
 * Adds posting `at` (of one alternative, at `scale`) to passage `id`: its BM25 share to its score,
 * `value` to its evidence, and `bit` to the slots it holds. The step every scoring loop shares;
 * small enough for V8 to inline into each.
 */
function addPosting(
  arrays: IndexArrays,
  scratch: SearchIndex['scratch'],
  lengths: Lengths,
  id: number,
  at: number,
  bit: number,
  scale: number,
  value: number,
): void {
  const { score, evidence, mask } = scratch;
  const tf = arrays.postingCounts[at] as number;
  const norm = lengths.base + lengths.scale * (arrays.passageLength[id] as number);
  score[id] = (score[id] as number) + (scale * tf) / (tf + lengths.k1 * norm);
  evidence[id] = (evidence[id] as number) + value;
  mask[id] = (mask[id] as number) | bit;
}

/**
 * Scores one alternative's postings `[from, to)` while passages are still admitted: an unseen one
 * is admitted (`seen` 1, or 2 when `passes` turns it away or it is never quoted alone,
 * `FLAG_NOT_ALONE`) and listed in `touched`. Returns the new count of `touched`.
 */
function scoreAdmitting(
  arrays: IndexArrays,
  scratch: SearchIndex['scratch'],
  lengths: Lengths,
  from: number,
  to: number,
  bit: number,
  scale: number,
  value: number,
  touchedCount: number,
  passes: ((id: number) => boolean) | null,
): number {
  const { postingPassages, flags } = arrays;
  const { seen, mask, touched } = scratch;
  let count = touchedCount;
  for (let at = from; at < to; at++) {
    const id = postingPassages[at] as number;
    if (seen[id] === 0) {
      seen[id] = ((flags[id] as number) & FLAG_NOT_ALONE) !== 0 || (passes && !passes(id)) ? 2 : 1;
      touched[count++] = id;
    }
    if (seen[id] !== 1) continue;
    if ((mask[id] as number) & bit) continue;
    addPosting(arrays, scratch, lengths, id, at, bit, scale, value);
  }
  return count;
}

/** Scores one alternative's postings `[from, to)` for the passages in play (`seen` 1) alone. */
function scoreInPlay(
  arrays: IndexArrays,
  scratch: SearchIndex['scratch'],
  lengths: Lengths,
  from: number,
  to: number,
  bit: number,
  scale: number,
  value: number,
): void {
  const { postingPassages } = arrays;
  const { seen, mask } = scratch;
  for (let at = from; at < to; at++) {
    const id = postingPassages[at] as number;
    if (seen[id] !== 1) continue;
    if ((mask[id] as number) & bit) continue;
    addPosting(arrays, scratch, lengths, id, at, bit, scale, value);
  }
}

/**
 * Scores one alternative for the first `liveCount` passages of `live`, each looked up in its
 * postings `[from, to)` (when they are few beside the postings).
 */
function scoreSearching(
  arrays: IndexArrays,
  scratch: SearchIndex['scratch'],
  lengths: Lengths,
  from: number,
  to: number,
  bit: number,
  scale: number,
  value: number,
  liveCount: number,
): void {
  const { postingPassages } = arrays;
  const { mask, live } = scratch;
  for (let n = 0; n < liveCount; n++) {
    const id = live[n] as number;
    if ((mask[id] as number) & bit) continue;
    const at = findPosting(postingPassages, from, to, id);
    if (at < 0) continue;
    addPosting(arrays, scratch, lengths, id, at, bit, scale, value);
  }
}

/** Lists in `live` the passages of `touched` in play (`seen` 1); returns how many. */
function inPlay(seen: Uint8Array, touched: Uint32Array, touchedCount: number, live: Uint32Array) {
  let liveCount = 0;
  for (let j = 0; j < touchedCount; j++) {
    const id = touched[j] as number;
    if (seen[id] === 1) live[liveCount++] = id;
  }
  return liveCount;
}

/**
 * Drops out of `live` the passages that can no longer reach `floor`: at most the slots to come at
 * their best (`remainingBound`), and what their part's headings may add (asked only when the
 * slots alone leave them below). Returns how many stay.
 */
function dropHopeless(
  scratch: SearchIndex['scratch'],
  liveCount: number,
  remainingBound: number,
  floor: number,
  headings: QueryHeadings,
): number {
  const { score, seen, live } = scratch;
  let kept = 0;
  for (let j = 0; j < liveCount; j++) {
    const id = live[j] as number;
    if (seen[id] !== 1) continue;
    const most = (score[id] as number) + remainingBound;
    if (most < floor && most + headings.bonusOf(id) < floor) seen[id] = OUT_OF_RACE;
    else live[kept++] = id;
  }
  return kept;
}

/**
 * Offers every passage in play to `best`, with what its headings add (the slots its headings hold
 * and its text lacks, each `slotValues` at `WEIGHTS.headingShare`), when it matched anything and holds the
 * phrases (`holdsPhrases`); marks them `QUALIFIED`. Returns how many passages matched in all
 * (those dropped out of the race too).
 */
function collect(
  scratch: SearchIndex['scratch'],
  touchedCount: number,
  best: PoolHeap,
  headings: QueryHeadings,
  slotBits: Uint32Array,
  slotValues: Float64Array,
  holdsPhrases: ((id: number) => boolean) | null,
): number {
  const { score, evidence, seen, mask, touched } = scratch;
  let total = 0;
  for (let j = 0; j < touchedCount; j++) {
    const id = touched[j] as number;
    if (seen[id] === OUT_OF_RACE) total += 1;
    if (seen[id] !== 1) continue;
    let bm25 = score[id] as number;
    let matched = evidence[id] as number;
    const missing = headings.bitsOf(id) & ~(mask[id] as number);
    if (missing !== 0)
      for (let s = 0; s < slotBits.length; s++) {
        if ((missing & (slotBits[s] as number)) === 0) continue;
        const value = slotValues[s] as number;
        matched += value * WEIGHTS.headingShare;
        bm25 += value * WEIGHTS.headingShare;
      }
    if (matched === 0) continue;
    if (holdsPhrases && !holdsPhrases(id)) continue;
    seen[id] = QUALIFIED;
    total += 1;
    best.offer(id, bm25, matched);
  }
  return total;
}

/**
 * The `pool` best passages for a question by first-stage score, best first. Slots are scored
 * term-at-a-time from the postings, most specific first; once no passage not yet seen could enter
 * the pool, no new passage is admitted (MaxScore), so common words cost little.
 */
export function findCandidates(
  index: SearchIndex,
  q: ParsedQuestion,
  scope: Scope = {},
  pool = CANDIDATE_POOL,
): CandidateSet {
  const slots = rankedSlots(index, q);
  const maxIdf = idf(index, 0);
  let totalValue = 0;
  for (const s of slots) totalValue += s.value;
  const none: CandidateSet = { candidates: [], total: 0, slots, totalValue, maxIdf };
  if (index.size === 0 || slots.length === 0) return none;
  const { score, evidence, seen, mask, touched, live } = index.scratch;
  let touchedCount = 0;
  const filtering = Boolean(scope.letter || scope.from || scope.to || scope.part || scope.groups);
  const groups = scope.groups ? new Set(index.lettersOfGroups(scope.groups)) : null;
  // The question's slots found in each part's headings, from the headings' postings.
  const groupScratch = index.groupScratch;
  groupScratch.epoch = (groupScratch.epoch + 1) >>> 0 || 1;
  const epoch = groupScratch.epoch;
  for (const s of slots)
    for (const a of s.alternatives)
      for (const g of index.groupsWithHeading(a.id)) {
        if (groupScratch.stamp[g] !== epoch) {
          groupScratch.stamp[g] = epoch;
          groupScratch.bits[g] = 0;
        }
        groupScratch.bits[g] = (groupScratch.bits[g] ?? 0) | s.bit;
      }
  // The concepts of the quoted phrases' words: a passage lacking one cannot hold the phrase.
  const phraseConcepts =
    q.phrases.length > 0
      ? [...new Set(q.phrases.flatMap((p) => analyze(p).map((t) => index.conceptId(t.concept))))]
      : null;
  if (phraseConcepts?.includes(-1)) return none;
  const headings = new QueryHeadings(index, epoch, slots);
  const arrays = index.arrays;
  const scratch = index.scratch;
  const lengths: Lengths = {
    k1: WEIGHTS.bm25Saturation,
    base: 1 - WEIGHTS.bm25Length,
    scale: WEIGHTS.bm25Length / index.averageLength,
  };
  const { postingOffsets } = arrays;
  // Unseen passages are admitted as they are met, through the scope's filters when it has some.
  const admitting = filtering ? (id: number) => passesFilters(index, id, scope, groups) : null;
  try {
    let open = true;
    let liveCount = -1;
    const named = scopedPassages(index, scope);
    if (named) {
      open = false;
      liveCount = 0;
      for (const id of named) {
        if (!index.quotableAlone(id) || !passesFilters(index, id, scope, groups)) continue;
        seen[id] = 1;
        touched[touchedCount++] = id;
        live[liveCount++] = id;
      }
    }
    let remaining = totalValue;
    let remainingBound = 0;
    for (const s of slots) remainingBound += s.bound;
    let poolFloor = 0;
    for (const slot of slots) {
      remaining -= slot.value;
      remainingBound -= slot.bound;
      for (const alt of slot.alternatives) {
        const from = postingOffsets[alt.id] ?? 0;
        const to = postingOffsets[alt.id + 1] ?? 0;
        const scale = alt.value * (lengths.k1 + 1);
        if (open)
          touchedCount = scoreAdmitting(
            arrays,
            scratch,
            lengths,
            from,
            to,
            slot.bit,
            scale,
            alt.value,
            touchedCount,
            admitting,
          );
        else if (liveCount * Math.log2(to - from + 2) < to - from)
          scoreSearching(arrays, scratch, lengths, from, to, slot.bit, scale, alt.value, liveCount);
        else scoreInPlay(arrays, scratch, lengths, from, to, slot.bit, scale, alt.value);
      }
      if (open) {
        // Could a passage not yet seen still enter the pool? At most it holds every slot to come
        // at its best, and the slots done in its headings.
        const reach = remainingBound + (totalValue - remaining) * WEIGHTS.headingShare;
        // A passage's score so far is a lower bound of its final one.
        poolFloor = kthLargest(score, touched, touchedCount, pool);
        if (reach < poolFloor || touchedCount >= ADMISSION_BUDGET) {
          open = false;
          liveCount = inPlay(seen, touched, touchedCount, live);
        }
      }
      // A passage in play that can no longer reach the pool drops out of scoring; none can while
      // the slots to come could lift one that holds nothing yet to the pool's floor.
      if (!open && !named && remainingBound < poolFloor)
        liveCount = dropHopeless(scratch, liveCount, remainingBound, poolFloor, headings);
    }
    const best = new PoolHeap(pool);
    const total = collect(
      scratch,
      touchedCount,
      best,
      headings,
      Uint32Array.from(slots, (s) => s.bit),
      Float64Array.from(slots, (s) => s.value),
      phraseConcepts
        ? (id) => {
            // Only a passage whose postings hold every word of the phrases can hold them: its
            // text is read then, and only then.
            if (!phraseConcepts.every((cid) => holds(index, cid, id))) return false;
            const folded = fold((index.passage(id) as IndexedPassage).passage.text);
            return q.phrases.every((p) => folded.includes(p));
          }
        : null,
    );
    const ranked: Candidate[] = [];
    for (let i = 0; i < best.size; i++) {
      const id = best.ids[i] as number;
      const bm25 = best.scores[i] as number;
      ranked.push({
        id,
        entry: index.passage(id) as IndexedPassage,
        bm25,
        first: bm25,
        evidence: (best.matched[i] as number) / maxIdf,
        mask: mask[id] as number,
        headingMask: headings.bitsOf(id),
        contextMask: contextBits(index, id, slots),
        sectionMask: sectionBits(index, id, slots),
      });
    }
    ranked.sort((a, b) => b.first - a.first || a.id - b.id);
    return { candidates: ranked, total, slots, totalValue, maxIdf };
  } finally {
    for (let j = 0; j < touchedCount; j++) {
      const id = touched[j] ?? 0;
      score[id] = 0;
      evidence[id] = 0;
      seen[id] = 0;
      mask[id] = 0;
    }
  }
}
