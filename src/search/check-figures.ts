/**
 * The moderators' check, for a claim reworded with a figure of its own: which of the claim's
 * figures (counts, sums, percentages, years) none of the closest passages states, and the figure
 * a passage states instead, about the same thing ("1,400" where the passage has "1,318"), or the
 * passage elsewhere that states the claim's own figure of that thing ("314" of mine victims, in
 * another document than the one the claim's other words are closest to).
 */
import { sentenceSpans } from '../corpus/sentences.ts';
import { analyze, conceptOf, NUMBER_VALUES } from './analyze.ts';
import { PARAGRAPH_NUMBER } from './excerpt.ts';
import { isLabelNumber } from './labels.ts';
import { englishWordNet } from './wordnet.ts';
import type { SearchIndex } from './search-index.ts';
import { lowerBound } from './sorted.ts';
import { MONTH_NAME, monthOf } from './time.ts';

/**
 * A figure of a claim that no closest passage states, and the one a passage states instead; or,
 * `elsewhere`, the passage beyond the closest that states the claim's figure itself.
 */
export interface FigureDifference {
  /** The claim's figure, as written ("1,400", "30%"). */
  claim: string;
  /**
   * Index of the passage, among the closest, that states another figure of the same thing; or,
   * `elsewhere`, that states the claim's own figure (a passage added to the closest for it).
   */
  result: number;
  /** That figure, as the passage writes it ("1,318", "25 per cent"; "314" `elsewhere`). */
  passage: string;
  /** Whether the passage states the claim's own figure, found beyond the closest passages. */
  elsewhere: boolean;
  /**
   * The claim's telling figure the passage states beside `passage` ("910,000"), when another of
   * the closest passages states the claim's figure of something else ("2024"): the claim's
   * figure is not the one the passage gives with it (`yearChanged`).
   */
  beside?: string;
  /** Whether the closest passages state the claim's value only in another unit ("20 kilometres" of "20 observers"). */
  otherUnit?: true;
}

/**
 * What a figure counts in: a share (per cent), a year, a day of a month ("2 November", its value
 * the month's number times 100 and the day), or any other number.
 */
type FigureKind = 'share' | 'year' | 'day' | 'number' | 'money';

/**
 * A figure in a text: as written, its value, its kind, the sentence it stands in, and its clause
 * there (between commas, semicolons, colons, brackets or "and"/"but"), whose words say what it
 * counts ("that 314 people became mine victims").
 */
export interface Figure {
  written: string;
  value: number;
  kind: FigureKind;
  sentence: string;
  clause: string;
  /**
   * The unit of measure right after it, as a concept ("kilometr" of "20 kilometres"), or null: a
   * claim's "20 additional military observers" is not stated by "20 kilometres".
   */
  unit: string | null;
}

/** Where a sentence's clauses break: punctuation inside it, or a word joining two clauses. */
const CLAUSE_BREAK = /[,;:()[\]]|\b(?:and|but|while|whereas|although)\b/giu;

/** The clause of `sentence` around `start`–`end` (`CLAUSE_BREAK`). */
function clauseAround(sentence: string, start: number, end: number): string {
  let from = 0;
  let to = sentence.length;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    const at = m.index;
    if (at + m[0].length <= start) from = at + m[0].length;
    else if (at >= end) {
      to = at;
      break;
    }
  }
  return sentence.slice(from, to);
}

/**
 * A number standing alone ("1,318", "2.5", "2022"), its scale ("36 million") and, after it, "%",
 * "per cent" or "percent".
 * Not one inside a symbol, a code or coordinates ("A/76/930", "3-001M", "x=4401180").
 */
const FIGURE =
  /(?<![\p{L}\p{N}/=\-.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\p{L}/-]|[.,]\d)(\s+(?:thousand|million|billion|trillion)\b)?(\s*(?:%|per\s*cent\b|percent\b))?/gu;

/** What "thousand", "million", … after a figure multiply it by. */
const SCALES: Readonly<Record<string, number>> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};
/** A currency's sign right before a figure: "$742 million", "€18,000", "US$ 5". */
const CURRENCY_SIGN = /[$€£¥]\s?$/u;

/** A month's name, whole or shortened ("September", "Sept."), as questions' dates are read. */
const MONTH = `(${MONTH_NAME})\\b\\.?`;
/** After a day of a date: its month ("19 September", "20 and 21 August"). */
const MONTH_AFTER = new RegExp(`^\\s*(?:(?:and|to|-|–)\\s*\\d{1,2}\\s+)?${MONTH}`, 'iu');
/** Before a day of a date: its month ("September 19"). */
const MONTH_BEFORE = new RegExp(`${MONTH}\\s*$`, 'iu');

/**
 * The number at `start`–`end` of `text` as the day of a date, when it is one: as written with its
 * month ("2 November", "20 and 21 August", "November 2"), and its value, the month's number × 100
 * and the day; null when it is a figure.
 */
export function dayOfDate(
  text: string,
  start: number,
  end: number,
  day: number,
): { written: string; value: number } | null {
  if (!Number.isInteger(day) || day < 1 || day > 31) return null;
  const after = MONTH_AFTER.exec(text.slice(end, end + 40));
  const before = after ? null : MONTH_BEFORE.exec(text.slice(0, start));
  const month = monthOf(after?.[1] ?? before?.[1] ?? '');
  if (month < 0) return null;
  const written = after ? text.slice(start, end + after[0].length) : text.slice(before?.index, end);
  return { written: written.trim(), value: (month + 1) * 100 + day };
}

/** The figures of a text, each with the sentence it stands in. */
function figuresIn(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const { start, end } of sentenceSpans(text)) {
    const sentence = text.slice(start, end);
    // A paragraph's own number stands at the start of its first sentence ("3. Appeals to …").
    const opensText = start === 0;
    for (const m of sentence.matchAll(FIGURE)) {
      const digits = m[1] as string;
      // "742 million" is 742,000,000: a count of 300 is no figure near it.
      const scale = SCALES[(m[2] ?? '').trim().toLowerCase()] ?? 1;
      const value = Number(digits.replace(/,/g, '')) * scale;
      if (!Number.isFinite(value)) continue;
      const start = m.index ?? 0;
      // "3. Appeals to Member States …", "Table 1", "resolution 2231": a number that labels a
      // paragraph or a thing counts nothing (user trial 30: a claim's "151 votes to 3" was taken
      // as stated by paragraph 3).
      const numbersParagraph = opensText && start === 0 && PARAGRAPH_NUMBER.test(sentence);
      if (numbersParagraph || isLabelNumber(sentence, start)) continue;
      // A day is compared with days: "12 November" where a passage says "2 November".
      const day = m[2] || m[3] ? null : dayOfDate(sentence, start, start + digits.length, value);
      if (day) {
        figures.push({ ...day, kind: 'day', sentence, clause: day.written, unit: null });
        continue;
      }
      // A sum of money ("$742 million") is compared with sums only, not with a count of people.
      const money = CURRENCY_SIGN.test(sentence.slice(0, start));
      const kind: FigureKind = m[3]
        ? 'share'
        : money
          ? 'money'
          : /^(?:19|20)\d\d$/.test(digits)
            ? 'year'
            : 'number';
      const clause = clauseAround(sentence, start, start + m[0].length);
      const unit = unitAfter(sentence.slice(start + m[0].length));
      figures.push({ written: m[0].trim(), value, kind, sentence, clause, unit });
    }
    // A measure written in words ("rising by six millimetres a year"): a number word before a
    // unit is a figure as its digits would be (user trial 32: a claim's "8 millimetres" was set
    // against a cyclone's category, "5", while the speech it misquoted says "six").
    for (const m of sentence.matchAll(/\p{L}+/gu)) {
      const value = NUMBER_VALUES.get(m[0].toLowerCase());
      if (value === undefined || value < 2) continue;
      const after = sentence.slice(m.index + m[0].length);
      const unit = unitAfter(after);
      if (!unit) continue;
      const end = m.index + m[0].length;
      const clause = clauseAround(sentence, m.index, end);
      figures.push({ written: m[0], value, kind: 'number', sentence, clause, unit });
    }
  }
  return figures;
}

/**
 * Whether a passage's figure is a claim's, of the same thing: the same value and kind (not a
 * year), and telling, or before the same word ("41 foreign vessels"; user trial 32).
 */
function sameFigure(claimed: Figure, stated: Figure): boolean {
  return (
    claimed.kind !== 'year' &&
    claimed.kind === stated.kind &&
    claimed.value === stated.value &&
    (isTelling(claimed) ||
      (wordAfter(claimed) !== null && wordAfter(claimed) === wordAfter(stated)))
  );
}

/** The word right after a figure in its sentence, as a concept ("foreign" of "41 foreign vessels"); null when none. */
function wordAfter(f: Figure): string | null {
  const at = f.sentence.indexOf(f.written);
  const word =
    at < 0 ? undefined : /^\s+(\p{L}+)/u.exec(f.sentence.slice(at + f.written.length))?.[1];
  return word ? conceptOf(word.toLowerCase()) : null;
}

/** The unit of measure that opens `after` ("kilometres" of " kilometres from the line"), as a concept; null when none. */
function unitAfter(after: string): string | null {
  const word = /^\s+(\p{L}+)/u.exec(after)?.[1]?.toLowerCase();
  return word && englishWordNet().isUnit(word) ? conceptOf(word) : null;
}

/** The smallest figure that tells a passage apart ("1,318" does, "2" does not). */
const TELLING_FIGURE = 100;

/** Whether a figure tells a passage apart: a share, or a number (not a year) of `TELLING_FIGURE` or more. */
function isTelling(f: Figure): boolean {
  return (
    f.kind === 'share' || ((f.kind === 'number' || f.kind === 'money') && f.value >= TELLING_FIGURE)
  );
}

/**
 * Whether a text states one of a claim's telling figures (a number of at least
 * `TELLING_FIGURE`, or a share, not a year), of the same value: "Armenia laid 1,318 mines"
 * is about the passage that counts 1,318 landmines, whatever else the claim gets wrong.
 */
export function sharesAFigure(claim: string, text: string): boolean {
  const telling = figuresIn(claim).filter(isTelling);
  if (telling.length === 0) return false;
  const stated = figuresIn(text);
  return telling.some((f) => stated.some((g) => g.kind === f.kind && g.value === f.value));
}

/**
 * How a text writes a claim's telling figure (`isTelling`) when it states it, of the same kind and
 * value ("500,000" of "over 500,000 landmines"); null when it does not, or when the figure tells
 * nothing apart ("4", a year), which many passages state of other things.
 */
export function statedAs(text: string, figure: Figure): string | null {
  return isTelling(figure) ? writtenIn(text, figure) : null;
}

/** How `text` writes a figure of the same kind and value as `figure`, telling or not; null if it does not. */
export function writtenIn(text: string, figure: Figure): string | null {
  const found = figuresIn(text).find((f) => f.kind === figure.kind && f.value === figure.value);
  return found?.written ?? null;
}

/** The values a text states in words ("two", "twenty"), which a claim's digits may stand for. */
function valuesInWords(text: string): number[] {
  return [...text.toLowerCase().matchAll(/\p{L}+/gu)]
    .map((m) => NUMBER_VALUES.get(m[0]))
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
 * The claim's figures that none of the closest passages (`texts`) states, each once, from the
 * claim's start. A year that `shownWith` (what a reply shows beside each passage: its date, its
 * citation, its heading) states is stated too: the reply would otherwise call a claim's "2021" in
 * none of the passages on the line that dates one of them 5 April 2021.
 */
export function unstatedFigures(
  claim: string,
  texts: readonly string[],
  shownWith: readonly string[] = [],
): Figure[] {
  const claimed = figuresIn(claim).slice(0, MAX_FIGURES);
  if (claimed.length === 0) return [];
  const shownYears = new Set(
    shownWith.flatMap((text) =>
      figuresIn(text)
        .filter((f) => f.kind === 'year')
        .map((f) => f.value),
    ),
  );
  const stated = texts.flatMap(figuresIn);
  // A figure in words has no unit read ("twenty"); one in digits is stated in the same unit.
  const statedValues = new Set([...texts.flatMap(valuesInWords), ...shownYears]);
  const statedAsClaimed = (f: Figure) =>
    statedValues.has(f.value) || stated.some((g) => g.value === f.value && g.unit === f.unit);
  const seen = new Set<string>();
  return claimed.filter((f) => {
    if (seen.has(f.written)) return false;
    // A year a reply shows on a passage's own line (its document's date) is never named.
    if (statedAsClaimed(f) && (shownYears.has(f.value) || !yearChanged(f, claimed, stated)))
      return false;
    seen.add(f.written);
    return true;
  });
}

/**
 * Whether a claim's year is not the one the passage's sentence that states the claim's telling
 * figure gives with it ("910,000 tonnes in 2024" of "… to only 910,000 tonnes in 2025"), though
 * another passage states that year of something else: the claim's figure is that sentence's, and so
 * is its year.
 */
function yearChanged(year: Figure, claimed: readonly Figure[], stated: readonly Figure[]): boolean {
  if (year.kind !== 'year') return false;
  const anchors = claimed.filter((f) => f.sentence === year.sentence && f.kind !== 'year');
  const sentences = new Set(
    stated.filter((f) => anchors.some((t) => sameFigure(t, f))).map((f) => f.sentence),
  );
  const years = stated.filter((f) => f.kind === 'year' && sentences.has(f.sentence));
  return years.length > 0 && !years.some((f) => f.value === year.value);
}

/**
 * The claim's figures that none of the closest passages (`texts`, best first) states
 * (`unstatedFigures`), each with the figure a passage states instead: one of the same kind (a
 * share for a share, a year for a year) in a sentence about the same thing (sharing most content
 * words with the claim's sentence), the nearest in value among those (within ten times the
 * claim's), and not itself a figure of the claim. A figure for which no passage states another
 * about the same thing is left out: the passages may just not speak of it. Reads only the claim,
 * these passages and what is shown with them.
 */
export function figureDifferences(
  claim: string,
  texts: readonly string[],
  shownWith: readonly string[] = [],
): FigureDifference[] {
  const unstated = unstatedFigures(claim, texts, shownWith);
  if (unstated.length === 0) return [];
  const claimed = figuresIn(claim).slice(0, MAX_FIGURES);
  const claimValues = new Set(claimed.map((f) => f.value));
  const concepts = new Map<string, Set<string>>();
  const about = (sentence: string) => {
    let found = concepts.get(sentence);
    if (!found) concepts.set(sentence, (found = conceptsOf(sentence)));
    return found;
  };
  const stated = texts.map(figuresIn);
  const everyStated = stated.flat();
  const allStated = new Set(everyStated.map((f) => f.value));
  const differences: FigureDifference[] = [];
  for (const figure of unstated) {
    const words = about(figure.sentence);
    const clauseWords = about(figure.clause);
    let best: {
      result: number;
      written: string;
      same: boolean;
      shared: number;
      /** Content words its clause shares with the claim's figure's clause. */
      near: number;
      distance: number;
      sentence: string;
    } | null = null;
    for (const [result, figures] of stated.entries())
      for (const other of figures) {
        if (other.kind !== figure.kind || claimValues.has(other.value)) continue;
        let shared = 0;
        for (const concept of about(other.sentence)) if (words.has(concept)) shared += 1;
        if (shared === 0) continue;
        const d = distance(figure.value, other.value);
        if (d > MAX_DISTANCE) continue;
        // A sentence that states a telling figure of the claim ("1,318 pieces") tells of the same
        // thing, whatever else shares its words: its year is the one the claim changed.
        const same = figures.some(
          (f) => f.sentence === other.sentence && isTelling(f) && claimValues.has(f.value),
        );
        // Of one sentence's figures, the one whose clause tells of the same thing: "9 civilians
        // killed, 21 injured" answers "35 civilians were killed" with 9, not the nearer 21 (user
        // trial 31).
        let near = 0;
        for (const concept of about(other.clause)) if (clauseWords.has(concept)) near += 1;
        const better =
          !best ||
          (same !== best.same
            ? same
            : shared !== best.shared
              ? shared > best.shared
              : near !== best.near
                ? near > best.near
                : d < best.distance);
        if (better)
          best = {
            result,
            written: other.written,
            same,
            shared,
            near,
            distance: d,
            sentence: other.sentence,
          };
      }
    if (!best) continue;
    const { sentence } = best;
    // The sentence states the claim's value too, in another unit or currency ("12 million euros"
    // where the claim has "12 million dollars"): the unit differs, which the words compared tell,
    // not the figure (user trial 34: "it states 8 million", last year's sum beside it).
    const own = stated[best.result]?.some(
      (f) => f.sentence === sentence && f.kind === figure.kind && f.value === figure.value,
    );
    if (own) continue;
    // Stated by some passage of something else: name the figure it goes with in this one.
    const beside = allStated.has(figure.value)
      ? stated[best.result]?.find(
          (f) => f.sentence === sentence && claimed.some((c) => sameFigure(c, f)),
        )?.written
      : undefined;
    // "20 kilometres" where the claim has "20 … observers": stated, but of something else.
    const otherUnit = everyStated.some((f) => f.value === figure.value && f.unit !== figure.unit);
    differences.push({
      claim: figure.written,
      result: best.result,
      passage: best.written,
      elsewhere: false,
      ...(beside ? { beside } : {}),
      ...(otherUnit && !beside ? { otherUnit: true as const } : {}),
    });
  }
  return differences;
}

/** A passage that states a claim's figure: its id in the index, and the figure as it writes it. */
export interface FigureStatement {
  id: number;
  written: string;
}

/** Passages holding a figure and most of its words whose text is read to confirm one. */
const ELSEWHERE_READ = 10;

/**
 * The passage (`inScope`, and none of `skip`) that states a claim's telling figure (`isTelling`)
 * of the same thing: in a sentence holding most of the content words of the claim's clause
 * around the figure, each weighted by how rare it is in the documents (at least half of their
 * weight: "314 mines were found in Lachin" is no count of the "314 … mine victims" a passage
 * states, though both say "mines" and "Azerbaijan"), the passage holding the most first. Null
 * when none does, or when the figure tells nothing apart ("4", a year): such a figure is stated
 * of many things. Looked up in the figure's postings, those words' postings telling which of its
 * passages hold them: only the best few passages' texts are read.
 */
export function figureStatedElsewhere(
  index: SearchIndex,
  figure: Figure,
  inScope: (id: number) => boolean,
  skip: ReadonlySet<number> = new Set(),
): FigureStatement | null {
  if (!isTelling(figure)) return null;
  const own = analyze(figure.written).find((t) => /^\d/.test(t.concept));
  const figureId = own ? index.conceptId(own.concept) : -1;
  if (figureId < 0) return null;
  const words = [...conceptsOf(figure.clause)]
    .map((concept) => ({ concept, id: index.conceptId(concept) }))
    .filter((w) => w.id >= 0)
    .map((w) => ({
      ...w,
      weight: Math.log(1 + index.passageCount / Math.max(1, index.documentFrequencyOf(w.id))),
      postings: index.postings(w.id),
    }));
  const needed = words.reduce((sum, w) => sum + w.weight, 0) / 2;
  if (needed === 0) return null;
  const held: { id: number; shared: number }[] = [];
  for (const id of index.postings(figureId)) {
    if (id >= index.passageCount || skip.has(id) || !inScope(id)) continue;
    let shared = 0;
    for (const w of words) if (w.postings[lowerBound(w.postings, id)] === id) shared += w.weight;
    if (shared >= needed) held.push({ id, shared });
  }
  held.sort((a, b) => b.shared - a.shared || a.id - b.id);
  for (const { id } of held.slice(0, ELSEWHERE_READ)) {
    const text = index.passage(id)?.passage.text ?? '';
    const match = figuresIn(text).find((f) => {
      if (f.kind !== figure.kind || f.value !== figure.value) return false;
      const about = conceptsOf(f.sentence);
      let shared = 0;
      for (const w of words) if (about.has(w.concept)) shared += w.weight;
      return shared >= needed;
    });
    if (match) return { id, written: match.written };
  }
  return null;
}
