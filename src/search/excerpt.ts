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
 * sentence, a quoted phrase above all); then, nearest first, the sentences beside it that hold
 * more of the question, and the sentences after it while the excerpt is short.
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
  // What each sentence holds of the question: its concepts (each once) and quoted phrases.
  const holds = sentences.map((s) => ({
    concepts: new Set(
      matches.filter((t) => t.start >= s.start && t.end <= s.end).map((t) => t.concept),
    ),
    phrases: phrased.filter((p) => p.start >= s.start && p.end <= s.end).length,
  }));
  /** The weight a sentence adds to what `covered` already holds of the question. */
  const gain = (i: number, covered: ReadonlySet<string>) => {
    const held = holds[i];
    if (!held) return 0;
    let score = held.phrases * PHRASE_SCORE;
    for (const c of held.concepts) if (!covered.has(c)) score += weights.get(c) ?? 0;
    return score;
  };
  let best = 0;
  let bestScore = -1;
  for (const i of sentences.keys()) {
    const score = gain(i, new Set());
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
  if (isTableText(passage)) return excerptOf(passage, 0, passage.length, matches, phrased, whole);
  const found = sentences[best] ?? { start: 0, end: passage.length };
  // The speaker a result's line already names is not quoted again ("Ms. Dubois (France) says:").
  let start = found.start < opening && opening < found.end ? opening : found.start;
  let end = found.end;
  // The sentences beside it that hold more of what the question asks, nearest first, while the
  // excerpt stays short enough to quote ("… 350 Azerbaijanis became landmine victims …" / "Among
  // them, 65 persons lost their lives": the question asked who died).
  let [first, last] = [best, best];
  const covered = new Set(holds[best]?.concepts);
  for (;;) {
    const before = sentences[first - 1];
    const after = sentences[last + 1];
    const gainBefore =
      before && end - Math.max(before.start, opening) <= MAX_EXCERPT_LENGTH
        ? gain(first - 1, covered)
        : 0;
    const gainAfter =
      after && after.end - start <= MAX_EXCERPT_LENGTH ? gain(last + 1, covered) : 0;
    if (gainBefore <= 0 && gainAfter <= 0) break;
    // The side that adds more; the sentence after it on a tie. A gain is only where a sentence is.
    let added: number;
    if (after && gainAfter >= gainBefore) {
      added = last += 1;
      end = after.end;
    } else {
      added = first -= 1;
      start = Math.max(before?.start ?? start, opening);
    }
    for (const c of holds[added]?.concepts ?? []) covered.add(c);
  }
  for (let i = last + 1; i < sentences.length && end - start < MIN_EXCERPT_LENGTH; i++) {
    const next = sentences[i];
    if (!next || next.end - start > MAX_EXCERPT_LENGTH) break;
    end = next.end;
  }
  return excerptOf(passage, start, end, matches, phrased, whole);
}

/** The excerpt of `passage` from `start` to `end`, its question's words and phrases marked. */
function excerptOf(
  passage: string,
  start: number,
  end: number,
  matches: readonly Highlight[],
  phrased: readonly Highlight[],
  whole: readonly string[],
): Excerpt {
  // A symbol the question names is marked whole ("A/76/930"), not figure by figure.
  const all = mergeSpans([...matches, ...phrased, ...phraseSpans(passage, whole)]);
  return {
    text: passage.slice(start, end),
    start,
    highlights: all
      .filter((h) => h.start >= start && h.end <= end)
      .map((h) => ({ start: h.start - start, end: h.end - start })),
    passageHighlights: all,
  };
}
