import type { Letter, Passage } from '../corpus/schema.ts';
import { sentenceSpans } from '../corpus/sentences.ts';
import { analyze, fold, isGlossaryConcept } from './analyze.ts';
import { type Answer, answerQuestion } from './answer.ts';
import type { SearchIndex } from './search-index.ts';

/** What the letters say about a claim someone posted. */
export type Verdict =
  | { kind: 'verbatim'; letter: Letter; passage: Passage }
  | { kind: 'close'; answer: Answer }
  | { kind: 'absent'; answer: Answer };

/** Claims shorter than this (after trimming quotes) are too short to call "quoted verbatim". */
export const MIN_VERBATIM_LENGTH = 20;
/** Close passages shown for a claim not quoted verbatim. */
export const CLOSE_PASSAGES = 3;

/** Folds case, accents, quote marks, dashes and whitespace, so a pasted quote still matches. */
export function normalizeForMatch(text: string): string {
  return fold(text)
    .replace(/[‘’ʼ`]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Checks a claim against the letters: quoted verbatim in a passage (the claim's words appear in
 * it as written, ignoring case, accents, quote styles and spacing), else the closest passages,
 * else not in the letters.
 */
export function checkClaim(index: SearchIndex, claim: string): Verdict {
  const whole = quotingPassage(index, claim);
  if (whole) return { kind: 'verbatim', letter: whole.letter, passage: whole.passage };
  const answer = answerQuestion(index, claim, { limit: CLOSE_PASSAGES });
  if (!answer.abstained) return { kind: 'close', answer };
  // A claim that quotes a whole sentence of a passage, with words of its own around it, is not
  // "not in the letters" even when the search, made for questions, finds no answer in it: that
  // passage is the closest, first.
  const quoted = claimSentences(claim)
    .map((sentence) => quotingPassage(index, sentence))
    .find((entry) => entry !== null);
  const at = quoted
    ? answer.related.findIndex(
        (r) => r.letterId === quoted.letter.id && r.passage === quoted.passage.n,
      )
    : -1;
  const first = answer.related[at];
  if (!first) return { kind: 'absent', answer };
  const results = [first, ...answer.related.filter((_, i) => i !== at)];
  return { kind: 'close', answer: { ...answer, results, related: [] } };
}

/** The passage that holds `text` as written (`normalizeForMatch`), when it is long enough to say so. */
function quotingPassage(
  index: SearchIndex,
  text: string,
): { letter: Letter; passage: Passage } | null {
  const needle = normalizeForMatch(text).replace(/^["'\s]+|["'\s.]+$/g, '');
  if (needle.length < MIN_VERBATIM_LENGTH) return null;
  for (const id of candidates(index, text)) {
    const entry = index.passage(id);
    if (entry && normalizeForMatch(entry.passage.text).includes(needle)) return entry;
  }
  return null;
}

/** The sentences of a claim, longest first. */
function claimSentences(claim: string): string[] {
  return sentenceSpans(claim)
    .map(({ start, end }) => claim.slice(start, end))
    .sort((a, b) => b.length - a.length);
}

/**
 * The passages that could quote `claim` verbatim: those holding its rarest whole word (the first
 * and last words may be cut short in a pasted quote, so they are not relied on); every passage
 * when no word inside it is one the letters hold.
 */
function candidates(index: SearchIndex, claim: string): Iterable<number> {
  const inner = analyze(claim).filter((t) => t.weight === 1 && !isGlossaryConcept(t.concept));
  let rarest: number | null = null;
  for (const term of inner.slice(1, -1)) {
    const id = index.conceptId(term.concept);
    if (id < 0) return [];
    if (rarest === null || index.documentFrequencyOf(id) < index.documentFrequencyOf(rarest))
      rarest = id;
  }
  if (rarest === null) return Array.from({ length: index.size }, (_, id) => id);
  return index.postings(rarest);
}
