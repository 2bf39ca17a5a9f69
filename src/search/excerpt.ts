import { sentenceSpans } from '../corpus/sentences.ts';
import { isTableText } from '../corpus/tables.ts';
import { readPassage } from './analyze.ts';

/** A span of text to mark: offsets relative to the string it belongs to. */
export interface Highlight {
  start: number;
  end: number;
}

/** The sentence(s) to show first, with the matched words marked. */
export interface Excerpt {
  /** A verbatim substring of the passage: whole sentences. */
  text: string;
  /** Offset of `text` in the passage. */
  start: number;
  /** Matched words and phrases, relative to `text`. */
  highlights: Highlight[];
  /** Matched words and phrases in the whole passage, relative to it. */
  passageHighlights: Highlight[];
}

/** A paragraph's number alone: "2.", "IV.". */
const PARAGRAPH_NUMBER_ONLY = /^(?:\d{1,3}|[IVXLC]{1,7})\.$/;
/** Excerpts shorter than this take the next sentence too. */
export const MIN_EXCERPT_LENGTH = 120;
/** …and stop growing past this. */
export const MAX_EXCERPT_LENGTH = 600;
/** A sentence holding a quoted phrase outranks any count of single words. */
const PHRASE_SCORE = 1000;

/**
 * Sentences of `text` as offsets, trailing spaces excluded: the corpus's own sentence ends
 * (`sentenceSpans`), so that no excerpt starts after "Mr." or "H.E.", nor a passage's cut.
 */
export function splitSentences(text: string): { start: number; end: number }[] {
  return sentenceSpans(text);
}

/** Merges overlapping spans, in order. */
function mergeSpans(spans: Highlight[]): Highlight[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Highlight[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

function phraseSpans(text: string, phrases: readonly string[]): Highlight[] {
  const spans: Highlight[] = [];
  const folded = text.toLowerCase();
  for (const phrase of phrases) {
    for (let i = folded.indexOf(phrase); i >= 0; i = folded.indexOf(phrase, i + 1)) {
      spans.push({ start: i, end: i + phrase.length });
    }
  }
  return spans;
}

/**
 * The number a numbered paragraph opens with: "8." of "8. Funding for security …", also as a
 * sentence splitter leaves it, alone ("8.").
 */
export const PARAGRAPH_NUMBER = /^(\d{1,3})\.(?:\s|$)/;

/**
 * Picks the sentence of `passage` that answers: the one the answer stage found (`answer`: the
 * sentence that names the question's subject and states what it asks for, a figure, a date…),
 * else the one that carries most of the question's weight (each concept counted once per
 * sentence, a quoted phrase above all); then the sentences after it while the excerpt is short.
 * `whole` (lower case) are marked whole where the passage holds them, without weighing the choice.
 * The passage is analyzed once.
 */
export function pickExcerpt(
  passage: string,
  weights: ReadonlyMap<string, number>,
  phrases: readonly string[] = [],
  answer: { start: number; end: number } | null = null,
  whole: readonly string[] = [],
  /** Characters the passage opens with that are no words of its own: a turn's "Ms. Dubois (France): ". */
  opening = 0,
): Excerpt {
  const reading = readPassage(passage);
  reading.sentences ??= splitSentences(passage);
  // A paragraph's number that the sentence segmenter left alone ("2." of "2. Decides …") is
  // quoted with the sentence it opens, never as one (user trial 33: "S/RES/2794" quoted "2.").
  const [head, second, ...rest] = reading.sentences;
  const sentences =
    head && second && PARAGRAPH_NUMBER_ONLY.test(passage.slice(head.start, head.end))
      ? [{ start: head.start, end: second.end }, ...rest]
      : reading.sentences;
  // A paragraph's own number ("8. Funding …") is its place, not a figure the question asks for.
  const numberEnd = PARAGRAPH_NUMBER.exec(passage)?.[1]?.length ?? 0;
  const matches = reading.terms.filter((t) => weights.has(t.concept) && t.end > numberEnd);
  const phrased = phraseSpans(passage, phrases);
  let best = 0;
  let bestScore = -1;
  for (const [i, s] of sentences.entries()) {
    const seen = new Set<string>();
    let score = 0;
    for (const t of matches) {
      if (t.start >= s.start && t.end <= s.end && !seen.has(t.concept)) {
        seen.add(t.concept);
        score += weights.get(t.concept) ?? 0;
      }
    }
    for (const p of phrased) if (p.start >= s.start && p.end <= s.end) score += PHRASE_SCORE;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  if (answer) {
    const at = sentences.findIndex((x) => x.start <= answer.start && answer.start < x.end);
    if (at >= 0) best = at;
  }
  // A table is quoted whole: a row says nothing without the row that heads its columns.
  const found = isTableText(passage)
    ? { start: 0, end: passage.length }
    : (sentences[best] ?? { start: 0, end: passage.length });
  // The speaker a result's line already names is not quoted again ("Ms. Dubois (France) says:").
  const first = found.start < opening && opening < found.end ? { ...found, start: opening } : found;
  let end = first.end;
  for (let i = best + 1; i < sentences.length && end - first.start < MIN_EXCERPT_LENGTH; i++) {
    const next = sentences[i];
    if (!next || next.end - first.start > MAX_EXCERPT_LENGTH) break;
    end = next.end;
  }
  // A symbol the question names is marked whole ("A/76/930"), not figure by figure.
  const all = mergeSpans([...matches, ...phrased, ...phraseSpans(passage, whole)]);
  return {
    text: passage.slice(first.start, end),
    start: first.start,
    highlights: all
      .filter((h) => h.start >= first.start && h.end <= end)
      .map((h) => ({ start: h.start - first.start, end: h.end - first.start })),
    passageHighlights: all,
  };
}
