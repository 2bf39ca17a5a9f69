/**
 * Sentences, as Annex quotes and cuts them: Unicode's sentence boundaries (`Intl.Segmenter`, built
 * into Node, without the abbreviation suppressions ICU keeps for them), less the breaks after an
 * abbreviation, plus a break before a sentence that opens with a figure ("…territories. 85
 * citizens…"), which Unicode's rules do not make. A long paragraph is split into passages of
 * readable size at these ends, never inside a sentence unless one sentence alone is longer than a
 * passage may be; an excerpt is whole sentences of them.
 *
 * Why not a sentence-splitting library: `sentence-splitter` (its abbreviation lists with the ones
 * below added) splits these texts as well, but took 12 ms a 1,800-character passage against
 * 0.4 ms here, and ranking splits 30 candidates a question; `sbd` and `cldr-segmentation` took
 * 3 ms and cut after "para." and "U.N." (measured on this machine, under load, December 2026).
 */

/** No passage Annex quotes is longer than this: a quote is a paragraph, not a page. */
export const MAX_PASSAGE_CHARS = 1500;
/** The length a long paragraph's pieces are aimed at: a few sentences, readable in one embed. */
export const PREFERRED_PASSAGE_CHARS = 900;

/**
 * Words that stand before a name or a title and never end a sentence: "H.E. Mr. Dennis Francis",
 * "Dr. Tedros", "St. Lucia".
 */
const BEFORE_NAME = new Set([
  'Mr', 'Mrs', 'Ms', 'Messrs', 'Mmes', 'Mme', 'Mlle', 'Dr', 'Prof', 'St', 'Ste', 'Sr', 'Sra', 'Hon',
  'Rev', 'Amb', 'Gen', 'Lt', 'Col', 'Capt', 'Maj', 'Adm', 'Sgt', 'Cmdr', 'Gov', 'Sen', 'Rep', 'Pres',
]);
/**
 * Abbreviations that end a sentence only before a capital: "No. 5", "para. 3", "pp. 2–4",
 * "4 Sept. 1997", "e.g. the", "art. 51"; "at 1 p.m. The President…" is two sentences.
 */
const BEFORE_LOWER_OR_FIGURE = new Set([
  'No', 'Nos', 'no', 'nos', 'para', 'paras', 'p', 'pp', 'art', 'arts', 'Art', 'Arts', 'vol', 'Vol',
  'chap', 'Chap', 'sect', 'Sect', 'fig', 'op', 'cit', 'cf', 'viz', 'vs', 'approx', 'ibid', 'Jan',
  'Feb', 'Mar', 'Apr', 'Aug', 'Sept', 'Sep', 'Oct', 'Nov', 'Dec', 'Jr', 'Inc', 'Ltd', 'Co', 'etc',
]);
/** Letters each with its full stop: "H.E.", "U.N.", "e.g.", "p.m.", or one initial, "J.". */
const INITIALS = /^(?:\p{L}\.)+$/u;
/** The word before a break: what precedes its full stop, after a space or an opening bracket. */
const WORD_BEFORE = /(?:^|[\s(["“‘])([^\s(["“‘]*)\.["”’)\]]*\s*$/u;
/** A sentence that opens with a figure, after a full stop, question or exclamation mark. */
const FIGURE_OPENS = /[.!?]["”’)]?\s+(?=\d)/g;
/** Whether the next sentence starts with a capital (maybe after a quotation mark or bracket). */
const CAPITAL_NEXT = /^["“‘(]*\p{Lu}/u;

let segmenter: Intl.Segmenter | null = null;

/** Whether a break at `at` (the next sentence's first character) follows an abbreviation. */
function afterAbbreviation(text: string, at: number): boolean {
  const word = WORD_BEFORE.exec(text.slice(Math.max(0, at - 24), at))?.[1];
  if (word === undefined || word === '') return false;
  if (BEFORE_NAME.has(word)) return true;
  const capital = CAPITAL_NEXT.test(text.slice(at, at + 4));
  if (INITIALS.test(`${word}.`)) {
    // Capitals with full stops run on: "H.E. Mr.", "the U.N. Charter", "Amina J. Mohammed"; "e.g. the"
    // and "at 1 p.m. The President…" end a sentence only before a capital.
    return /^\p{Lu}/u.test(word) || !capital;
  }
  return BEFORE_LOWER_OR_FIGURE.has(word) && !capital;
}

/** Offsets in `text` where a sentence ends and the next begins (after the spaces between). */
export function sentenceBreaks(text: string): number[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const candidates = new Set<number>();
  for (const { index } of segmenter.segment(text)) if (index > 0) candidates.add(index);
  for (const m of text.matchAll(FIGURE_OPENS)) candidates.add(m.index + m[0].length);
  return [...candidates]
    .sort((a, z) => a - z)
    .filter((at) => at < text.length && text.slice(at).trim() !== '' && !afterAbbreviation(text, at));
}

/** The sentences of `text`, as offsets, the spaces between them left out. */
export function sentenceSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = text.length - text.trimStart().length;
  for (const at of [...sentenceBreaks(text), text.length]) {
    const end = start + text.slice(start, at).trimEnd().length;
    if (end > start) spans.push({ start, end });
    start = at;
  }
  return spans;
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
 * of about equal length near `PREFERRED_PASSAGE_CHARS`, none longer than `MAX_PASSAGE_CHARS`;
 * cut at sentence ends, or where `rows` start (a table's).
 */
export function splitParagraph(text: string, rows?: readonly number[]): [number, number][] {
  if (text.length <= MAX_PASSAGE_CHARS) return [[0, text.length]];
  // Read only for a paragraph too long to quote whole: most are not.
  const breaks = rows ?? sentenceBreaks(text);
  const pieces = Math.ceil(text.length / PREFERRED_PASSAGE_CHARS);
  const target = text.length / pieces;
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
