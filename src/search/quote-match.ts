import type { Letter, Passage } from '../corpus/schema.ts';
import { fold, isGlossaryConcept, analyze } from './analyze.ts';
import { figureDifferences } from './check-figures.ts';
import type { SearchIndex } from './search-index.ts';
import { lowerBound } from './sorted.ts';

/**
 * Where a document holds a text as written (case, accents, quote marks, dashes and spacing
 * aside), or nearly (an edit distance over words), or says its opposite (a negation left out or
 * added): read through the index's postings, never every passage.
 */

/** Words where a passage and a claim differ, each verbatim; '' where one has none. */
export interface Difference {
  passage: string;
  claim: string;
}

/** A near quote has at least this many words… */
export const MIN_NEAR_WORDS = 6;
/** …and at most one word in this many differs (added, left out or changed). */
export const NEAR_WORDS_PER_DIFFERENCE = 5;

/** Claims shorter than this (after trimming quotes) are too short to call "quoted verbatim". */
export const MIN_VERBATIM_LENGTH = 20;

/** Folds case, accents, quote marks, dashes and whitespace, so a pasted quote still matches. */
export function normalizeForMatch(text: string): string {
  return fold(text)
    .replace(/[‘’ʼ`]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A claim as it is looked for in a passage: folded, without the quote marks or full stop at its ends. */
export function quoteNeedle(claim: string): string {
  return normalizeForMatch(claim).replace(/^["'\s]+|["'\s.]+$/g, '');
}

/**
 * Where `claim` stands in `text` as `normalizeForMatch` reads both (case, accents, quote marks,
 * dashes and runs of spaces aside; `quoteNeedle`'s ends), as a span of `text`; null when it is not
 * there so.
 */
export function quotedSpan(text: string, claim: string): { start: number; end: number } | null {
  const needle = quoteNeedle(claim);
  if (!needle) return null;
  // `text` folded one character at a time, each folded unit remembering the character it is of.
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length;) {
    const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
    const next = i + char.length;
    const piece = /\s/u.test(char)
      ? folded === '' || folded.endsWith(' ')
        ? ''
        : ' '
      : normalizeForMatch(char);
    for (let k = 0; k < piece.length; k++) {
      folded += piece[k];
      from.push(i);
      to.push(next);
    }
    i = next;
  }
  const at = folded.indexOf(needle);
  if (at < 0) return null;
  return { start: from[at] ?? 0, end: to[at + needle.length - 1] ?? text.length };
}

/**
 * Words that turn a statement into its opposite ("not", "neither … nor", "never"; "t" of "isn't"),
 * and the words they stand in place of ("and" of "neither marking nor fencing").
 */
const NEGATIONS = new Set(
  'not no never neither nor none nothing nobody nowhere cannot t'.split(' '),
);
const NEGATED = new Set(['and', 'or']);
/** A claim of fewer words than this says too little to be read as the opposite of a passage. */
const MIN_REVERSED_WORDS = 3;

/**
 * The passage that says the opposite of a claim's sentence: its words as written but for a
 * negation the claim leaves out or adds ("There is marking and fencing" of "There is neither
 * marking nor fencing"), with those words as its differences.
 */
export function reversedPassage(
  index: SearchIndex,
  sentence: string,
  inScope: (id: number) => boolean,
  first: readonly number[],
): { letter: Letter; passage: Passage; differences: Difference[] } | null {
  const claim = wordsOf(sentence);
  if (claim.length < MIN_REVERSED_WORDS) return null;
  const negates = (text: string) => wordsOf(text).some((w) => NEGATIONS.has(w.folded));
  const polar = (text: string) =>
    wordsOf(text).every((w) => NEGATIONS.has(w.folded) || NEGATED.has(w.folded));
  for (const id of new Set([...first, ...nearCandidates(index, sentence, 0)])) {
    if (!inScope(id)) continue;
    const entry = index.passage(id);
    if (!entry) continue;
    const aligned = alignWords(claim, wordsOf(entry.passage.text), 2);
    if (!aligned || aligned.runs.length === 0) continue;
    const differences = aligned.runs.map((run) => ({
      passage: run.passage ? entry.passage.text.slice(run.passage.start, run.passage.end) : '',
      claim: run.claim ? sentence.slice(run.claim.start, run.claim.end) : '',
    }));
    if (
      differences.every((d) => polar(d.passage) && polar(d.claim)) &&
      differences.some((d) => negates(d.passage) !== negates(d.claim))
    )
      return { ...entry, differences };
  }
  return null;
}

/** A word of a text, where it stands, folded for comparing. */
export interface Word {
  start: number;
  end: number;
  folded: string;
}

export function wordsOf(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    folded: fold(m[0]),
  }));
}

/**
 * The passage that holds `piece` nearly word for word: the fewest words added, left out or
 * changed (an edit distance over words, the passage's words before and after the quote free),
 * at most one in `NEAR_WORDS_PER_DIFFERENCE`. Punctuation, quote marks and dashes are no words.
 */
export function nearPassage(
  index: SearchIndex,
  piece: string,
  inScope: (id: number) => boolean,
): { letter: Letter; passage: Passage; differences: Difference[] } | null {
  const claim = wordsOf(piece);
  if (claim.length < MIN_NEAR_WORDS) return null;
  const allowed = Math.max(1, Math.floor(claim.length / NEAR_WORDS_PER_DIFFERENCE));
  let best: { letter: Letter; passage: Passage; differences: Difference[]; cost: number } | null =
    null;
  for (const id of nearCandidates(index, piece, allowed)) {
    if (!inScope(id)) continue;
    const entry = index.passage(id);
    if (!entry) continue;
    const aligned = alignWords(claim, wordsOf(entry.passage.text), allowed);
    if (!aligned || (best && aligned.cost >= best.cost)) continue;
    const differences = aligned.runs.map((run) => ({
      passage: run.passage ? entry.passage.text.slice(run.passage.start, run.passage.end) : '',
      claim: run.claim ? piece.slice(run.claim.start, run.claim.end) : '',
    }));
    best = { ...entry, differences, cost: aligned.cost };
  }
  return (
    best && {
      letter: best.letter,
      passage: best.passage,
      differences: figuresNamed(piece, best.passage.text, best.differences),
    }
  );
}

/** Whether `text` holds the words of `words` side by side (`wordsOf`, folded). */
function holdsWords(text: string, words: string): boolean {
  const folded = (t: string) =>
    ` ${wordsOf(t)
      .map((w) => w.folded)
      .join(' ')} `;
  return folded(text).includes(folded(words));
}

/**
 * A near quote's differences, with a figure of the claim that the passage states otherwise named
 * as such (`figureDifferences`: "2019" where the claim has "2018") in place of the run of words
 * that holds it. The alignment reads only words, and of readings as cheap may pair the claim's
 * figure with any words ("and explosive" for "in 2018", where the passage goes on "…remnants of
 * war in 2019"); a wrong figure is what a moderator checks a claim for.
 */
function figuresNamed(piece: string, text: string, differences: Difference[]): Difference[] {
  const figures = figureDifferences(piece, [text]);
  if (figures.length === 0) return differences;
  const named = [...differences];
  for (const figure of figures) {
    const at = named.findIndex((d) => holdsWords(d.claim, figure.claim));
    // A run that pairs the figure with the passage's own ("Statment, 400" and "Statement, 314")
    // names it already, and the words beside it too.
    const run = named[at];
    if (run && !holdsWords(run.passage, figure.passage))
      named[at] = { passage: figure.passage, claim: figure.claim };
  }
  return named;
}

/** The words of a quote that the letters' own wording decides: the glossary's forms left out. */
function quotedWords(text: string) {
  return analyze(text).filter((t) => t.weight === 1 && !isGlossaryConcept(t.concept));
}

/** Concept ids, each once, the rarest in the letters first. */
function rarestFirst(index: SearchIndex, ids: readonly number[]): number[] {
  return [...new Set(ids)].sort(
    (a, b) => index.documentFrequencyOf(a) - index.documentFrequencyOf(b),
  );
}

/** How many of a claim's rarest words pick the passages a near quote is looked for in. */
const RARE_WORDS = 5;
/** At most this many passages are aligned with a claim's sentence, those holding most of its rare words. */
const NEAR_CANDIDATES = 100;

/**
 * The passages that may hold `piece` nearly word for word: those holding all of its rarest words
 * (`RARE_WORDS` of those the letters have) but as many as it may differ by (`allowed`), most
 * first, `NEAR_CANDIDATES` at most. Counted over those words' postings only: a sentence of common
 * words ("peace and development for all nations") reads no passage's text it could not match.
 */
function nearCandidates(index: SearchIndex, piece: string, allowed: number): number[] {
  const ids = rarestFirst(
    index,
    quotedWords(piece)
      .map((t) => index.conceptId(t.concept))
      .filter((id) => id >= 0),
  ).slice(0, RARE_WORDS);
  const held = new Map<number, number>();
  for (const id of ids)
    for (const passage of index.postings(id)) held.set(passage, (held.get(passage) ?? 0) + 1);
  const needed = Math.max(1, ids.length - allowed);
  return [...held]
    .filter(([, count]) => count >= needed)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, NEAR_CANDIDATES)
    .map(([passage]) => passage);
}

/** A run of words that differ: its span in the claim and in the passage (null: none there). */
interface Run {
  claim: { start: number; end: number } | null;
  passage: { start: number; end: number } | null;
}

/**
 * What each difference costs in the alignment: a passage's word the claim leaves out costs half
 * of a word it changes or adds, so that a claim that leaves words out of the middle of a sentence
 * ("The practical utility of the minefield maps" of "The practical utility of the records of the
 * minefield maps") is read so, not as its own words changed where fewer passage words stand in
 * between ("records" where the claim has "practical utility").
 */
const LEFT_OUT = 1;
const CHANGED = 2;
const ADDED = 2;

/**
 * The claim's words aligned within the passage's (semi-global edit distance over words), when it
 * costs at most `allowed` words changed or added (`CHANGED` each; a word left out costs less): the
 * cost and the runs of words that differ.
 */
function alignWords(
  claim: Word[],
  passage: Word[],
  allowed: number,
): { cost: number; runs: Run[] } | null {
  const m = claim.length;
  const n = passage.length;
  const width = n + 1;
  const budget = allowed * CHANGED;
  const cost = new Uint16Array((m + 1) * width);
  for (let i = 1; i <= m; i++) cost[i * width] = i * ADDED;
  for (let i = 1; i <= m; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= n; j++) {
      const same = claim[i - 1]!.folded === passage[j - 1]!.folded ? 0 : CHANGED;
      const value = Math.min(
        cost[(i - 1) * width + j - 1]! + same,
        cost[(i - 1) * width + j]! + ADDED,
        cost[i * width + j - 1]! + LEFT_OUT,
      );
      cost[i * width + j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (Math.min(rowMin, cost[i * width]!) > budget) return null;
  }
  let end = 0;
  // Of ends as cheap, the last: a changed last word is then read as changed ("district" where the
  // claim has "region"), as a changed first word is, not as a word the passage lacks.
  for (let j = 1; j <= n; j++) if (cost[m * width + j]! <= cost[m * width + end]!) end = j;
  const total = cost[m * width + end]!;
  if (total > budget) return null;
  // Walk back from the best end, collecting the words that differ.
  const ops: { claim: number | null; passage: number | null }[] = [];
  let i = m;
  let j = end;
  while (i > 0) {
    const here = cost[i * width + j]!;
    if (j > 0) {
      const same = claim[i - 1]!.folded === passage[j - 1]!.folded ? 0 : CHANGED;
      const leftOut = here === cost[i * width + j - 1]! + LEFT_OUT;
      // Of readings as cheap, the passage's words left out before a claim's word changed: "Norway
      // received" of "Norway and Sweden received" leaves out "and Sweden"; it does not change
      // "Norway" into "Sweden".
      if (here === cost[(i - 1) * width + j - 1]! + same && !(same && leftOut)) {
        if (same) ops.push({ claim: i - 1, passage: j - 1 });
        else ops.push({ claim: -1, passage: -1 }); // a boundary between runs: matched
        i--;
        j--;
        continue;
      }
      if (leftOut) {
        ops.push({ claim: null, passage: j - 1 });
        j--;
        continue;
      }
    }
    ops.push({ claim: i - 1, passage: null });
    i--;
  }
  ops.reverse();
  const runs: Run[] = [];
  let run: Run | null = null;
  for (const op of ops) {
    if (op.claim === -1) {
      if (run) runs.push(run);
      run = null;
      continue;
    }
    run ??= { claim: null, passage: null };
    if (op.claim !== null) {
      const w = claim[op.claim]!;
      run.claim = { start: run.claim?.start ?? w.start, end: w.end };
    }
    if (op.passage !== null) {
      const w = passage[op.passage]!;
      run.passage = { start: run.passage?.start ?? w.start, end: w.end };
    }
  }
  if (run) runs.push(run);
  return { cost: total, runs };
}

/** The passage that holds `text` as written (`normalizeForMatch`), when it is long enough to say so. */
export function quotingPassage(
  index: SearchIndex,
  text: string,
  inScope: (id: number) => boolean = () => true,
): { letter: Letter; passage: Passage } | null {
  const needle = quoteNeedle(text);
  if (needle.length < MIN_VERBATIM_LENGTH) return null;
  for (const id of candidates(index, text)) {
    if (!inScope(id)) continue;
    const entry = index.passage(id);
    if (entry && normalizeForMatch(entry.passage.text).includes(needle)) return entry;
  }
  return null;
}

/** How many of a quote's rarest inner words a passage must all hold to be read for it. */
const VERBATIM_WORDS = 3;

/**
 * The passages that could quote `claim` verbatim: those holding all of its rarest inner words
 * (the first and last words may be cut short in a pasted quote, so they are not relied on), the
 * postings of the rarest narrowed by the next ones; every passage when no word inside it is one
 * the letters hold. A sentence of common words would else have every passage holding its rarest
 * word normalized and searched: seconds in 10,000 speeches.
 */
function candidates(index: SearchIndex, claim: string): Iterable<number> {
  const ids: number[] = [];
  for (const term of quotedWords(claim).slice(1, -1)) {
    const id = index.conceptId(term.concept);
    if (id < 0) return [];
    ids.push(id);
  }
  if (ids.length === 0) return Array.from({ length: index.size }, (_, id) => id);
  const [rarest, ...others] = rarestFirst(index, ids)
    .slice(0, VERBATIM_WORDS)
    .map((id) => index.postings(id));
  return [...(rarest ?? [])].filter((passage) =>
    others.every((postings) => {
      const at = lowerBound(postings, passage);
      return postings[at] === passage;
    }),
  );
}
