import { DATE_PATTERN, monthIndex } from '../corpus/dates.ts';
import { NUMBER_VALUES } from '../search/analyze.ts';
import { MONTH_YEAR, YEAR } from '../search/time.ts';

/**
 * When a sentence's figures hold: the dates it states and the words around them. "Since …" (or
 * "during the last 30 years") opens a running total that holds on the day of the document; "as
 * of" or "by" a date closes one on that date; "on 19 September 2023" or "in a latest incident"
 * tells of one event; "in total", "so far", "in the post-conflict period" say a running total
 * with no date of its own. Pure functions of the text: no Discord, no index.
 */

/** A date written in a sentence, as an ISO day, with how precise the text is. */
export interface StatedDate {
  /** The day the figure is placed at: the day itself, or the middle of a month or year named alone. */
  iso: string;
  /** The words that state it, verbatim ("10 November 2020", "2021", "15 to 22 August 2022"). */
  written: string;
  precision: 'day' | 'month' | 'year';
  start: number;
  end: number;
}

/** How a sentence places its figures in time. */
export interface TimeFrame {
  /** "as of 1 March 2023", "by September 2023": the date a total holds for. */
  holding: StatedDate | null;
  /** "on 19 September 2023", "on the same day", "in a latest incident": one event. */
  event: StatedDate | 'undated' | null;
  /** A running total ("since …", "in total", "so far", "during the last 30 years"). */
  total: boolean;
  /** The year a running total counts from, when the text says ("since … 2020": 2020). */
  baseline: number | null;
  /** The words that start the running total ("Since the signing of …"), verbatim, when stated. */
  since: string | null;
  /** Other dates the sentence states, in order, with no word saying what they are. */
  plain: StatedDate[];
  /** Whether the sentence says anything about time at all (else it may take its neighbour's frame). */
  stated: boolean;
}

const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december';
/** "15 to 22 August 2022", "20 and 21 August 2022": a span of days; the figure holds at its end. */
const DAY_SPAN = new RegExp(
  `\\b(\\d{1,2})\\s*(?:to|and|-|–|—)\\s*(\\d{1,2})\\s+(${MONTHS})\\s+(\\d{4})\\b`,
  'gi',
);
const FULL_DATE = new RegExp(DATE_PATTERN.source, 'gi');
/** Words before a date that make it the day a total holds for. */
const HOLDING = /\b(?:as of|as at|by|until|till|up to|up until|through)\s+(?:the end of\s+)?$/i;
/**
 * Words before a date that make it what a figure is compared with ("an increase of 31 per cent
 * compared with 2023", "more than in 2019", "more than in the whole of 2024": user trial 33):
 * not the time the figure holds for.
 */
const COMPARED =
  /\b(?:compared\s+(?:with|to)|than(?:\s+(?:in|during))?|relative\s+to|as\s+against)\s+(?:the\s+(?:whole|first|second|last|rest)\s+(?:half\s+)?of\s+)?$/i;
/** How far before a date the words that say what it is may start: "more than during the first half of 2024". */
const BEFORE_REACH = 40;
/** Words before a date that make it the day of an event. */
const EVENT_BEFORE = /\b(?:on|from)\s+$/i;
/** An event without a date of its own. */
const EVENT_WORDS = /\b(?:on the same day|on that day|that same day|incident|on the day)\b/i;
/** Words that open a running total; the first date after them (in its clause) is where it starts. */
const SINCE = /\b(?:since|following|after)\b/gi;
/** "during the last 30 years": a running total over a span ending on the document's day. */
const LAST_YEARS =
  /\b(?:during|over|in|for)\s+the\s+(?:last|past)\s+(\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)\s+years\b/i;
/** Words that say a figure is a running total without a date of its own. */
const TOTAL_WORDS =
  /\b(?:in total|a total|the total|total number|so far|to date|in all|altogether|has reached|have reached|post-conflict period|since then)\b/i;
/** How far after "since" its date may stand (characters): "Since the signing of the Trilateral Statement by the leaders of …, on November 10, 2020". */
const SINCE_REACH = 160;

const pad = (n: number) => String(n).padStart(2, '0');

function dayIso(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month, day));
  return d.getUTCMonth() === month && d.getUTCDate() === day
    ? `${year}-${pad(month + 1)}-${pad(day)}`
    : null;
}

/** Every date the text states, longest reading first where they overlap, in order of position. */
export function statedDates(text: string): StatedDate[] {
  const found: StatedDate[] = [];
  const taken = (start: number, end: number) => found.some((d) => start < d.end && end > d.start);
  const add = (d: StatedDate | null) => {
    if (d && !taken(d.start, d.end)) found.push(d);
  };
  for (const m of text.matchAll(DAY_SPAN)) {
    const iso = dayIso(Number(m[4]), monthIndex(m[3] ?? ''), Number(m[2]));
    add(
      iso
        ? { iso, written: m[0], precision: 'day', start: m.index, end: m.index + m[0].length }
        : null,
    );
  }
  for (const m of text.matchAll(FULL_DATE)) {
    const [, d1, m1, y1, m2, d2, y2] = m;
    const iso = dayIso(Number(y1 ?? y2), monthIndex(m1 ?? m2 ?? ''), Number(d1 ?? d2));
    add(
      iso
        ? { iso, written: m[0], precision: 'day', start: m.index, end: m.index + m[0].length }
        : null,
    );
  }
  for (const m of text.matchAll(new RegExp(MONTH_YEAR.source, 'gi'))) {
    const month = monthIndex(fullMonth(m[1] ?? ''));
    if (month < 0) continue;
    add({
      iso: `${m[2]}-${pad(month + 1)}-15`,
      written: m[0],
      precision: 'month',
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  for (const m of text.matchAll(new RegExp(YEAR.source, 'g'))) {
    // "1,940 houses" is a count, not a year; "44-day" is no year either.
    const before = text.slice(Math.max(0, m.index - 1), m.index);
    const after = text.slice(m.index + 4, m.index + 6);
    if (/[\d,.-]/.test(before) || /^(?:\d|[,.-]\d)/.test(after)) continue;
    add({
      iso: `${m[1]}-07-01`,
      written: m[0],
      precision: 'year',
      start: m.index,
      end: m.index + 4,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A month as `monthIndex` takes it, from the short forms questions and letters use. */
function fullMonth(name: string): string {
  const folded = name.toLowerCase().replace(/\.$/, '');
  return MONTHS.split('|').find((m) => m.startsWith(folded.slice(0, 3))) ?? folded;
}

/** Reads how `sentence` places its figures in time; `documentYear` resolves "the last 30 years". */
export function readTimeFrame(sentence: string, documentYear: number): TimeFrame {
  const dates = statedDates(sentence);
  const frame: TimeFrame = {
    holding: null,
    event: null,
    total: false,
    baseline: null,
    since: null,
    plain: [],
    stated: false,
  };
  const sinceDates = new Set<StatedDate>();
  for (const m of sentence.matchAll(SINCE)) {
    frame.total = true;
    const opening = dates.find((d) => d.start > m.index && d.start - m.index <= SINCE_REACH);
    const clauseEnd = sentence.slice(m.index).search(/[;.](?:\s|$)/);
    frame.since ??= sentence
      .slice(m.index, opening ? opening.end : clauseEnd < 0 ? undefined : m.index + clauseEnd)
      .trim();
    if (opening) {
      sinceDates.add(opening);
      frame.baseline ??= Number(opening.iso.slice(0, 4));
    }
  }
  const last = LAST_YEARS.exec(sentence);
  if (last?.[1] && Number.isFinite(documentYear)) {
    const years = /^\d+$/.test(last[1])
      ? Number(last[1])
      : (NUMBER_VALUES.get(last[1].toLowerCase()) ?? 0);
    frame.total = true;
    frame.baseline ??= documentYear - years;
    frame.since ??= last[0];
  }
  if (TOTAL_WORDS.test(sentence)) frame.total = true;
  for (const d of dates) {
    if (sinceDates.has(d)) continue;
    const before = sentence.slice(Math.max(0, d.start - BEFORE_REACH), d.start);
    if (COMPARED.test(before)) continue;
    if (HOLDING.test(before)) frame.holding ??= d;
    else if (EVENT_BEFORE.test(before) && d.precision === 'day') frame.event ??= d;
    else frame.plain.push(d);
  }
  if (!frame.event && EVENT_WORDS.test(sentence)) frame.event = 'undated';
  frame.stated = frame.total || frame.holding !== null || frame.event !== null || dates.length > 0;
  return frame;
}
