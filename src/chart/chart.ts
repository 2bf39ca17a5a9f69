import { datePrecision, dateWithin, formatUnDate } from '../corpus/dates.ts';
import { sentenceSpans } from '../corpus/sentences.ts';
import { countDocuments, type Letter, type Passage } from '../corpus/schema.ts';
import { conceptOf } from '../search/analyze.ts';
import { describeScope, type Searched } from '../search/answer.ts';
import { annexOf, attribution, documentName, documentUrl, formatCitation } from '../search/cite.ts';
import type { SearchIndex } from '../search/search-index.ts';
import { type CountKind, KINDS, partsOf } from './kinds.ts';
import { namesQualifier, readFigures, readTarget, type ChartTarget } from './read.ts';
import { readTimeFrame, type TimeFrame } from './when.ts';

/**
 * The figures the letters state of one thing, as a chart shows them: one series per kind of
 * count, each point a figure quoted from a passage with its citation. Nothing is computed from
 * the figures: no sum, no difference, no point between two stated ones. A reading that is not
 * certain is left out and listed with why. Pure: no Discord, no drawing.
 */

/** Where a figure is stated: the passage, quoted, with its citation. */
export interface ChartSource {
  letterId: string;
  symbol: string | null;
  /** The document's name in a listing (`documentName`): its symbol, else its title, … */
  document: string;
  /** The letter's date. */
  letterDate: string;
  /** The document's kind ("letter", "report"): a chart says what its points are quoted from. */
  kind: string;
  passage: number;
  /** The sentence that states the figure, verbatim (a substring of the passage). */
  quote: string;
  citation: string;
  url: string | null;
  /** Who is speaking ("Letter dated … from …"). */
  attribution: string;
  /** Where the figure stands in `quote`, to mark it. */
  figure: { start: number; end: number };
}

/** One figure on the chart. */
export interface ChartPoint {
  /** Its number on the chart and in the list of passages below it (1-based). */
  ref: number;
  series: string;
  value: number;
  /** As the letter writes it ("over 500,000"). */
  written: string;
  /** The day it is placed at (`YYYY-MM-DD`). */
  date: string;
  /** How that day was read: stated in the sentence, or the day of the document. */
  dateFrom: 'stated' | 'document';
  /** The date as stated ("22 August 2022", "2021"), or the document's date written out. */
  dateWritten: string;
  /** Where it is stated; more than one when letters repeat the same figure for the same day. */
  sources: ChartSource[];
}

/** A series: one kind of count. */
export interface ChartSeries {
  name: string;
  points: ChartPoint[];
}

/** A figure found but not charted, and why. */
export interface LeftOut {
  written: string;
  /** The series it would belong to. */
  series: string;
  reason: string;
  source: ChartSource;
}

/** What `/chart` and `chart` in the CLI show. */
export interface Chart {
  what: string;
  series: ChartSeries[];
  leftOut: LeftOut[];
  /** Whether there is anything to draw (at least `MIN_POINTS` points). */
  drawable: boolean;
  /** Why there is no chart, when there is none. */
  why: string | null;
  searched: Searched;
}

/** Narrows a chart to the letters of a span of days. */
export interface ChartFilters {
  from?: string;
  to?: string;
}

/** Figures named beside one left out for a day that more figures are stated for. */
const RIVALS_NAMED = 3;

/**
 * Why a figure is left out when the documents state others for its day: each figure named
 * ("state 15 and 18"), or, when there are many (a large corpus states dozens of refugee counts
 * for one year), how many others and the first few of them, not the whole list in every item.
 */
function rivalFigures(stated: readonly string[], written: string, documents: string): string {
  if (stated.length <= RIVALS_NAMED + 1)
    return `the ${documents} state ${stated.join(' and ')} for the same day`;
  const others = stated.filter((w) => w !== written);
  return `the ${documents} state ${others.length} other figures for the same day (${others.slice(0, RIVALS_NAMED).join(', ')} …)`;
}

/** Fewer points than this make no chart: the passages are shown instead. */
export const MIN_POINTS = 2;

interface Found {
  series: string;
  kind: CountKind | null;
  value: number;
  written: string;
  date: string | null;
  dateFrom: 'stated' | 'document';
  dateWritten: string;
  frame: TimeFrame;
  /** Index of the sentence in its passage and the passage's id, to tell figures of one sentence. */
  sentenceKey: string;
  source: ChartSource;
  uncertain: string | null;
}

/**
 * The sentences of a passage, verbatim, in order: the corpus's own sentence ends
 * (`sentenceSpans`), the ones passages are cut at and excerpts start from.
 */
export function sentencesOf(text: string): string[] {
  return sentenceSpans(text).map((s) => text.slice(s.start, s.end));
}

/** The day a passage's part is dated: its annex's own date, else the letter's. */
function partDate(letter: Letter, passage: Passage): string {
  return annexOf(letter, passage)?.date ?? letter.date;
}

/**
 * The day a document's own date places a figure at: the day itself, or the middle of the month
 * or year when the document gives no more; null when it gives no date at all.
 */
function documentDay(date: string): string | null {
  switch (datePrecision(date)) {
    case 'day':
      return date;
    case 'month':
      return `${date}-15`;
    case 'year':
      return `${date}-07-01`;
    default:
      return null;
  }
}

/** Series names: the thing as asked, or the kind's label. */
function seriesName(target: ChartTarget, kind: CountKind | null): string {
  if (!kind) return target.what.toLowerCase();
  return kind.act ? `${target.headWord} ${kind.label}` : kind.label;
}

/** Ids of the passages worth reading: those holding the thing counted or a word of its kinds. */
function candidatePassages(index: SearchIndex, target: ChartTarget): number[] {
  const concepts = new Set([target.head]);
  for (const kind of [...target.asked, ...target.parts])
    for (const c of kind.concepts) concepts.add(c);
  for (const kind of [...target.asked, ...target.parts])
    for (const p of kind.phrases) for (const w of p) concepts.add(conceptOf(w));
  const ids = new Set<number>();
  for (const concept of concepts) {
    const cid = index.conceptId(concept);
    if (cid >= 0) for (const id of index.postings(cid)) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

/**
 * The chart of what the letters state of `what`: every figure counting it (or a kind of it),
 * dated, grouped by kind, with what was left out and why.
 */
export function buildChart(index: SearchIndex, what: string, filters: ChartFilters = {}): Chart {
  const searched = describeScope(index, filters);
  const target = readTarget(what, partsOf, [...KINDS.values()]);
  const empty = (why: string): Chart => ({
    what: what.trim(),
    series: [],
    leftOut: [],
    drawable: false,
    why,
    searched,
  });
  if (!target) return empty('the words name nothing to count');
  // Dates no document falls within: say so, not "no passage in the 0 documents".
  const held = describeScope(index, {});
  if (searched.letters === 0 && held.letters > 0)
    return empty(
      `none of the ${countDocuments(held.letters, held.noun)} is dated within the dates given: widen them or leave them out`,
    );
  const found: Found[] = [];
  for (const id of candidatePassages(index, target)) {
    const entry = index.passage(id);
    if (!entry) continue;
    const { letter, passage } = entry;
    if (!dateWithin(letter.date, filters.from, filters.to)) continue;
    const words = passage.text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
    if (!target.qualifiers.every((q) => words.some((w) => namesQualifier(w, q)))) continue;
    found.push(...readPassageFigures(letter, passage, target));
  }
  return assemble(target, found, searched);
}

/** The figures of one passage, each with its date and how sure the reading is. */
function readPassageFigures(letter: Letter, passage: Passage, target: ChartTarget): Found[] {
  const docDate = partDate(letter, passage);
  const docDay = documentDay(docDate);
  const docYear = docDay ? Number(docDay.slice(0, 4)) : Number.NaN;
  const out: Found[] = [];
  let previous: TimeFrame | null = null;
  for (const [s, sentence] of sentencesOf(passage.text).entries()) {
    const own = readTimeFrame(sentence, docYear);
    // A sentence that says nothing of time goes on in its neighbour's ("Among them, 65 …").
    const frame: TimeFrame = own.stated || !previous ? own : previous;
    previous = frame;
    const readings = readFigures(sentence, target);
    if (readings.length === 0) continue;
    const sentenceSource: Omit<ChartSource, 'figure'> = {
      letterId: letter.id,
      symbol: letter.symbol,
      document: documentName(letter),
      letterDate: letter.date,
      kind: letter.kind,
      passage: passage.n,
      quote: sentence,
      citation: formatCitation(letter, passage),
      url: documentUrl(letter),
      attribution: attribution(letter, passage),
    };
    for (const r of readings) {
      if (target.asked.length > 0 && (!r.kind || !target.asked.includes(r.kind))) continue;
      let date: string | null = docDay;
      let dateFrom: Found['dateFrom'] = 'document';
      let dateWritten = formatUnDate(docDate);
      let uncertain: string | null = null;
      // A date said of the act itself ("produced in Armenia in 2021").
      const ofAct =
        r.kind?.act && r.kindEnd !== null
          ? frame.plain.find((d) => d.start >= (r.kindEnd ?? 0) && d.start - (r.kindEnd ?? 0) <= 25)
          : undefined;
      const stated =
        frame.holding ??
        (frame.event && frame.event !== 'undated' ? frame.event : null) ??
        ofAct ??
        (!frame.total && frame.plain.length === 1 ? frame.plain[0] : null);
      if (stated) {
        date = stated.iso;
        dateFrom = 'stated';
        dateWritten = stated.written;
      } else if (!frame.total && frame.event !== 'undated' && frame.plain.length > 1) {
        date = null;
        uncertain = `the sentence names ${frame.plain.length} dates (${frame.plain.map((d) => d.written).join(', ')}) and none says which the figure holds for`;
      } else if (date === null) {
        uncertain = 'no date: neither the sentence nor the document states one';
      }
      out.push({
        series: seriesName(target, r.kind),
        kind: r.kind,
        value: r.value,
        written: r.written,
        date,
        dateFrom,
        dateWritten,
        frame,
        sentenceKey: `${letter.id}#${passage.n}#${s}`,
        source: { ...sentenceSource, figure: { start: r.start, end: r.end } },
        uncertain,
      });
    }
  }
  return out;
}

/** Groups the figures into series and leaves out what cannot be charted with certainty. */
function assemble(target: ChartTarget, found: Found[], searched: Searched): Chart {
  const leftOut: LeftOut[] = [];
  const leave = (f: Found, reason: string) =>
    leftOut.push({ written: f.written, series: f.series, reason, source: f.source });
  // Two figures of one kind in one sentence could each be the count.
  const bySentence = new Map<string, Found[]>();
  for (const f of found) {
    const key = `${f.sentenceKey}|${f.series}`;
    bySentence.set(key, [...(bySentence.get(key) ?? []), f]);
  }
  const kept: Found[] = [];
  for (const f of found) {
    const rivals = bySentence.get(`${f.sentenceKey}|${f.series}`) ?? [];
    if (f.uncertain) leave(f, f.uncertain);
    else if (rivals.length > 1)
      leave(
        f,
        `the sentence states ${rivals.map((r) => r.written).join(' and ')}, and either could be the count`,
      );
    else kept.push(f);
  }
  const seriesNames = [...new Set(kept.map((f) => f.series))];
  const out: ChartSeries[] = [];
  for (const name of seriesNames) {
    let members = kept.filter((f) => f.series === name);
    // One event beside running totals is another kind of count: left out, named.
    if (members.some((f) => f.frame.total)) {
      for (const f of members.filter((m) => !m.frame.total && m.frame.event !== null)) {
        leave(
          f,
          `counts one incident${f.dateFrom === 'stated' ? ` (${f.dateWritten})` : ''}, not a total to date as the rest of the series`,
        );
      }
      members = members.filter((m) => m.frame.total || m.frame.event === null);
    }
    // Running totals counted from another start than the series' are not comparable.
    const starts = members.map((m) => m.frame.baseline).filter((b): b is number => b !== null);
    const usual = mostCommon(starts);
    if (usual !== null) {
      for (const f of members.filter(
        (m) => m.frame.baseline !== null && m.frame.baseline !== usual,
      ))
        leave(
          f,
          `counts from another start (${f.frame.since ?? f.frame.baseline}) than the rest of the series (since ${usual})`,
        );
      members = members.filter((m) => m.frame.baseline === null || m.frame.baseline === usual);
    }
    // Figures for the same day: the same figure is one point; different ones are uncertain,
    // unless one is stated as a running total and the others are not.
    const byDate = new Map<string, Found[]>();
    for (const m of members) byDate.set(m.date ?? '', [...(byDate.get(m.date ?? '') ?? []), m]);
    const points: ChartPoint[] = [];
    for (const [date, same] of byDate) {
      const values = new Set(same.map((m) => m.value));
      let chosen = same;
      if (values.size > 1) {
        const totals = same.filter((m) => m.frame.total);
        const totalValues = new Set(totals.map((m) => m.value));
        if (totalValues.size === 1) {
          for (const m of same.filter((x) => !totals.includes(x)))
            leave(
              m,
              `another passage states ${totals[0]?.written} for the same day as a total, and this one says no period`,
            );
          chosen = totals;
        } else {
          const stated = [...new Set(same.map((x) => x.written))];
          for (const m of same) leave(m, rivalFigures(stated, m.written, `${searched.noun}s`));
          continue;
        }
      }
      const first = chosen[0] as Found;
      points.push({
        ref: 0,
        series: name,
        value: first.value,
        written: first.written,
        date,
        dateFrom: first.dateFrom,
        dateWritten: first.dateWritten,
        sources: uniqueSources(chosen.map((m) => m.source)),
      });
    }
    points.sort((a, b) => a.date.localeCompare(b.date));
    if (points.length > 0) out.push({ name, points });
  }
  // The thing asked about first, then the kinds in the order of the data.
  const order = (s: ChartSeries) =>
    s.name === target.what.toLowerCase()
      ? -1
      : [...KINDS.values()].findIndex((k) => s.name.endsWith(k.label));
  out.sort((a, b) => order(a) - order(b));
  let ref = 0;
  for (const s of out) for (const p of s.points) p.ref = ++ref;
  const total = out.reduce((n, s) => n + s.points.length, 0);
  const why =
    total === 0
      ? leftOut.length > 0
        ? 'every figure found was left out as uncertain'
        : `no passage in the ${countDocuments(searched.letters, searched.noun)} states a figure counting ${target.what}`
      : total < MIN_POINTS
        ? `the ${searched.noun}s state only one figure counting ${target.what} that can be charted`
        : null;
  return { what: target.what, series: out, leftOut, drawable: why === null, why, searched };
}

function uniqueSources(sources: ChartSource[]): ChartSource[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.letterId}#${s.passage}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The most common value (the earliest of equals); null for none. */
function mostCommon(values: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  for (const [v, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = v;
  return best;
}
