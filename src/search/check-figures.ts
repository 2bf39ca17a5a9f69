/**
 * The moderators' check, for a claim reworded with a figure of its own: which of the claim's
 * figures (counts, sums, percentages, years) none of the closest passages states, and the figure
 * a passage states instead, about the same thing ("1,400" where the passage has "1,318").
 */
import { sentenceSpans } from '../corpus/sentences.ts';
import { analyze } from './analyze.ts';

/** A figure of a claim that no closest passage states, and the one a passage states instead. */
export interface FigureDifference {
  /** The claim's figure, as written ("1,400", "30%"). */
  claim: string;
  /** Index of the passage, among the closest, that states another figure of the same thing. */
  result: number;
  /** That figure, as the passage writes it ("1,318", "25 per cent"). */
  passage: string;
}

/** What a figure counts in: a share (per cent), a year, or any other number. */
type FigureKind = 'share' | 'year' | 'number';

/** A figure in a text: as written, its value, its kind, and the sentence it stands in. */
interface Figure {
  written: string;
  value: number;
  kind: FigureKind;
  sentence: string;
}

/**
 * A number standing alone ("1,318", "2.5", "2022"), its scale ("36 million") and, after it, "%",
 * "per cent" or "percent".
 * Not one inside a symbol, a code or coordinates ("A/76/930", "3-001M", "x=4401180").
 */
const FIGURE =
  /(?<![\p{L}\p{N}/=\-.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\p{L}/-]|[.,]\d)(\s+(?:thousand|million|billion|trillion)\b)?(\s*(?:%|per\s*cent\b|percent\b))?/gu;

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\b\\.?';
/** After a day of a date: its month ("19 September", "20 and 21 August"). */
const MONTH_AFTER = new RegExp(`^\\s*(?:(?:and|to|-|–)\\s*\\d{1,2}\\s+)?${MONTH}`, 'iu');
/** Before a day of a date: its month ("September 19"). */
const MONTH_BEFORE = new RegExp(`${MONTH}\\s*$`, 'iu');

/** Whether the number at `start`–`end` of `text` is the day of a date, not a figure. */
function isDay(text: string, start: number, end: number, value: number): boolean {
  if (!Number.isInteger(value) || value < 1 || value > 31) return false;
  return MONTH_AFTER.test(text.slice(end, end + 40)) || MONTH_BEFORE.test(text.slice(0, start));
}

/** Number words a passage may write a figure in ("two servicemen"), by value. */
const NUMBER_WORDS = new Map(
  [
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen',
    'fifteen sixteen seventeen eighteen nineteen twenty',
  ]
    .join(' ')
    .split(' ')
    .map((word, value) => [word, value] as const),
);
for (const [word, value] of Object.entries({
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
}))
  NUMBER_WORDS.set(word, value);

/** The figures of a text, each with the sentence it stands in. */
function figuresIn(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const { start, end } of sentenceSpans(text)) {
    const sentence = text.slice(start, end);
    for (const m of sentence.matchAll(FIGURE)) {
      const digits = m[1] as string;
      const value = Number(digits.replace(/,/g, ''));
      if (!Number.isFinite(value)) continue;
      const start = m.index ?? 0;
      if (!m[2] && !m[3] && isDay(sentence, start, start + digits.length, value)) continue;
      const kind: FigureKind = m[3] ? 'share' : /^(?:19|20)\d\d$/.test(digits) ? 'year' : 'number';
      figures.push({ written: m[0].trim(), value, kind, sentence });
    }
  }
  return figures;
}

/** The smallest figure that tells a passage apart ("1,318" does, "2" does not). */
const TELLING_FIGURE = 100;

/**
 * Whether a text states one of a claim's telling figures (a number of at least
 * `TELLING_FIGURE`, or a share, not a year), of the same value: "Armenia laid 1,318 mines"
 * is about the passage that counts 1,318 landmines, whatever else the claim gets wrong.
 */
export function sharesAFigure(claim: string, text: string): boolean {
  const telling = figuresIn(claim).filter(
    (f) => f.kind === 'share' || (f.kind === 'number' && f.value >= TELLING_FIGURE),
  );
  if (telling.length === 0) return false;
  const stated = figuresIn(text);
  return telling.some((f) => stated.some((g) => g.kind === f.kind && g.value === f.value));
}

/** The values a text states in words ("two", "twenty"), which a claim's digits may stand for. */
function valuesInWords(text: string): number[] {
  return [...text.toLowerCase().matchAll(/\p{L}+/gu)]
    .map((m) => NUMBER_WORDS.get(m[0]))
    .filter((v): v is number => v !== undefined);
}

/** The content words of a sentence, as concepts, without its figures. */
function conceptsOf(sentence: string): Set<string> {
  return new Set(
    analyze(sentence)
      .map((t) => t.concept)
      .filter((c) => !/^\d/.test(c)),
  );
}

/** A claim's figures looked at, from its start: a long message is not read whole. */
const MAX_FIGURES = 20;

/** At most ten times larger or smaller: a figure further off is of another thing ("600,000" and "4"). */
const MAX_DISTANCE = Math.log(10);

/** How far apart two values are, as a ratio (0 when equal): a wrong figure is mostly near the right one. */
function distance(a: number, b: number): number {
  return Math.abs(Math.log((Math.abs(a) + 1) / (Math.abs(b) + 1)));
}

/**
 * The claim's figures that none of the closest passages (`texts`, best first) states, each with
 * the figure a passage states instead: one of the same kind (a share for a share, a year for a
 * year) in a sentence about the same thing (sharing most content words with the claim's
 * sentence), the nearest in value among those (within ten times the claim's), and not itself a
 * figure of the claim. A figure
 * for which no passage states another about the same thing is left out: the passages may just
 * not speak of it. A year that `shownWith` (what a reply shows beside each passage: its date,
 * its citation, its heading) states is stated too: the reply would otherwise call a claim's
 * "2021" in none of the passages on the line that dates one of them 5 April 2021. Reads only the
 * claim, these passages and what is shown with them.
 */
export function figureDifferences(
  claim: string,
  texts: readonly string[],
  shownWith: readonly string[] = [],
): FigureDifference[] {
  const claimed = figuresIn(claim).slice(0, MAX_FIGURES);
  if (claimed.length === 0) return [];
  const concepts = new Map<string, Set<string>>();
  const about = (sentence: string) => {
    let found = concepts.get(sentence);
    if (!found) concepts.set(sentence, (found = conceptsOf(sentence)));
    return found;
  };
  const stated = texts.map((text) => ({
    figures: figuresIn(text),
    words: valuesInWords(text),
  }));
  const statedValues = new Set([
    ...stated.flatMap(({ figures, words }) => [...figures.map((f) => f.value), ...words]),
    ...shownWith.flatMap((text) =>
      figuresIn(text)
        .filter((f) => f.kind === 'year')
        .map((f) => f.value),
    ),
  ]);
  const claimValues = new Set(claimed.map((f) => f.value));
  const differences: FigureDifference[] = [];
  const named = new Set<string>();
  for (const figure of claimed) {
    if (statedValues.has(figure.value) || named.has(figure.written)) continue;
    const words = about(figure.sentence);
    let best: { result: number; written: string; shared: number; distance: number } | null = null;
    for (const [result, { figures }] of stated.entries())
      for (const other of figures) {
        if (other.kind !== figure.kind || claimValues.has(other.value)) continue;
        let shared = 0;
        for (const concept of about(other.sentence)) if (words.has(concept)) shared += 1;
        if (shared === 0) continue;
        const d = distance(figure.value, other.value);
        if (d > MAX_DISTANCE) continue;
        if (!best || shared > best.shared || (shared === best.shared && d < best.distance))
          best = { result, written: other.written, shared, distance: d };
      }
    if (best) {
      named.add(figure.written);
      differences.push({ claim: figure.written, result: best.result, passage: best.written });
    }
  }
  return differences;
}
