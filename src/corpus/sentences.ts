/**
 * Splits a paragraph too long to quote whole into passages of readable size at sentence ends
 * (`Intl.Segmenter`, Unicode's sentence boundaries, built into Node), never inside a sentence
 * unless one sentence alone is longer than a passage may be.
 */

/** No passage Annex quotes is longer than this: a quote is a paragraph, not a page. */
export const MAX_PASSAGE_CHARS = 1500;
/** The length a long paragraph's pieces are aimed at: a few sentences, readable in one embed. */
export const PREFERRED_PASSAGE_CHARS = 900;

/** A break after these is inside a sentence ("Mr. Annan", "No. 5", "4 Sept. 1997", "H.E. Mr."). */
const ABBREVIATION_BEFORE_BREAK =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Messrs|Dr|Prof|St|Nos?|Art|Arts|paras?|Sept|Gen|Lt|Col|Capt|Sr|Jr|H\.E|[A-Z])\.\s*$/u;

let segmenter: Intl.Segmenter | null = null;

/** Offsets in `text` where a sentence ends and the next begins (after the spaces between). */
export function sentenceBreaks(text: string): number[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const breaks: number[] = [];
  for (const { index, segment } of segmenter.segment(text)) {
    if (index === 0) continue;
    if (ABBREVIATION_BEFORE_BREAK.test(text.slice(Math.max(0, index - 12), index))) continue;
    if (segment.trim() === '') continue;
    breaks.push(index);
  }
  return breaks;
}

/** Where to cut a run that no sentence end divides: the last "; ", ", " or space before `limit`. */
function fallbackCut(text: string, from: number, limit: number): number {
  const window = text.slice(from, limit);
  for (const mark of ['; ', ', ', ' ']) {
    const at = window.lastIndexOf(mark);
    if (at > window.length / 2) return from + at + mark.length;
  }
  return limit;
}

/**
 * The pieces of a paragraph, as `[start, end)` offsets into `text` with no space at either end:
 * the whole paragraph when it is at most `MAX_PASSAGE_CHARS`, otherwise runs of whole sentences
 * of about equal length near `PREFERRED_PASSAGE_CHARS`, none longer than `MAX_PASSAGE_CHARS`.
 */
export function splitParagraph(text: string): [number, number][] {
  if (text.length <= MAX_PASSAGE_CHARS) return [[0, text.length]];
  const pieces = Math.ceil(text.length / PREFERRED_PASSAGE_CHARS);
  const target = text.length / pieces;
  const breaks = sentenceBreaks(text);
  const out: [number, number][] = [];
  let start = 0;
  while (text.length - start > MAX_PASSAGE_CHARS) {
    const limit = start + MAX_PASSAGE_CHARS;
    // The sentence end closest to the target length, within the limit.
    let best = -1;
    for (const b of breaks) {
      if (b <= start) continue;
      if (b > limit) break;
      if (best < 0 || Math.abs(b - start - target) < Math.abs(best - start - target)) best = b;
    }
    const cut = best > start ? best : fallbackCut(text, start, limit);
    out.push([start, cut]);
    start = cut;
  }
  out.push([start, text.length]);
  return out.map(([s, e]) => {
    const piece = text.slice(s, e);
    const lead = piece.length - piece.trimStart().length;
    const trail = piece.length - piece.trimEnd().length;
    return [s + lead, e - trail];
  });
}
