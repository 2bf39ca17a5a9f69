import type { Letter, Passage } from '../corpus/schema.ts';
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
  const needle = normalizeForMatch(claim).replace(/^["'\s]+|["'\s.]+$/g, '');
  if (needle.length >= MIN_VERBATIM_LENGTH) {
    for (const id of candidates(index, claim)) {
      const entry = index.passage(id);
      if (entry && normalizeForMatch(entry.passage.text).includes(needle))
        return { kind: 'verbatim', letter: entry.letter, passage: entry.passage };
    }
  }
  const answer = answerQuestion(index, claim, { limit: CLOSE_PASSAGES });
  return answer.abstained ? { kind: 'absent', answer } : { kind: 'close', answer };
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
