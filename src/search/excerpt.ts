import { analyze } from './analyze.ts';

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
}

/** Excerpts shorter than this take the next sentence too. */
export const MIN_EXCERPT_LENGTH = 120;
/** …and stop growing past this. */
export const MAX_EXCERPT_LENGTH = 600;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
/** ICU does not end a sentence before a figure ("…territories. 85 citizens…"); this does, unless an abbreviation precedes. */
const BREAK_BEFORE_FIGURE =
  /(?<!\b(?:No|Nos|no|para|paras|p|pp|art|Art|vol|Vol|i\.e|e\.g))[.!?]["”’)]?\s+(?=\d)/g;

/** Sentences of `text` as offsets, trailing spaces excluded. */
export function splitSentences(text: string): { start: number; end: number }[] {
  const sentences: { start: number; end: number }[] = [];
  for (const s of segmenter.segment(text)) {
    let start = s.index;
    for (const m of s.segment.matchAll(BREAK_BEFORE_FIGURE)) {
      const end = s.index + m.index + m[0].trimEnd().length;
      sentences.push({ start, end });
      start = s.index + m.index + m[0].length;
    }
    const end = s.index + s.segment.trimEnd().length;
    if (end > start) sentences.push({ start, end });
  }
  return sentences;
}

/** Marks every term of `text` whose concept is wanted, and every occurrence of each phrase. */
export function findHighlights(
  text: string,
  weights: ReadonlyMap<string, number>,
  phrases: readonly string[] = [],
): Highlight[] {
  const spans: Highlight[] = [];
  for (const term of analyze(text)) {
    if (weights.has(term.concept)) spans.push({ start: term.start, end: term.end });
  }
  const folded = text.toLowerCase();
  for (const phrase of phrases) {
    for (let i = folded.indexOf(phrase); i >= 0; i = folded.indexOf(phrase, i + 1)) {
      spans.push({ start: i, end: i + phrase.length });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Highlight[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * Picks the sentence of `passage` that carries most of the question's weight (each concept
 * counted once per sentence), and the sentences after it while the excerpt is short.
 */
export function pickExcerpt(
  passage: string,
  weights: ReadonlyMap<string, number>,
  phrases: readonly string[] = [],
): Excerpt {
  const sentences = splitSentences(passage);
  let best = 0;
  let bestScore = -1;
  for (const [i, s] of sentences.entries()) {
    const text = passage.slice(s.start, s.end);
    const concepts = new Set(analyze(text).map((t) => t.concept));
    let score = 0;
    for (const c of concepts) score += weights.get(c) ?? 0;
    for (const p of phrases) if (text.toLowerCase().includes(p)) score += 10;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  const first = sentences[best];
  if (!first)
    return { text: passage, start: 0, highlights: findHighlights(passage, weights, phrases) };
  let end = first.end;
  for (let i = best + 1; i < sentences.length && end - first.start < MIN_EXCERPT_LENGTH; i++) {
    const next = sentences[i];
    if (!next || next.end - first.start > MAX_EXCERPT_LENGTH) break;
    end = next.end;
  }
  const text = passage.slice(first.start, end);
  return { text, start: first.start, highlights: findHighlights(text, weights, phrases) };
}
