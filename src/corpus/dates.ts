const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** The months' names, as alternatives of a regular expression. */
export const MONTH_NAMES = MONTHS.join('|');

/** A day of a month, with or without its year ("4 April", "April 4"): a day the text states. */
export const DAY_OF_MONTH = new RegExp(
  `\\b(?:\\d{1,2}\\s+(?:${MONTH_NAMES})|(?:${MONTH_NAMES})\\s+\\d{1,2})\\b`,
  'i',
);

/**
 * A line of a place and a date, or a date alone, under a title or at the foot of a note: "4 March
 * 2025", ": New York, 22 September 2016", "Geneva, 1 May 2024.".
 */
export const PLACE_AND_DATE =
  /^[:\-–—,\s]*(?:\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3},\s*)?(?:\d{1,2}\s+\p{Lu}\p{Ll}+\s+\d{4}|\p{Lu}\p{Ll}+\s+\d{1,2},\s+\d{4})\.?$/u;

/** A date as UN documents write it ("19 September 2023"), or the US order ("September 19, 2023"). */
export const DATE_PATTERN = new RegExp(
  `\\b(?:(\\d{1,2})\\s+(${MONTH_NAMES})\\s+(\\d{4})|(${MONTH_NAMES})\\s+(\\d{1,2}),?\\s+(\\d{4}))\\b`,
  'i',
);

/** A month name, 0-based (January is 0), or -1. */
export function monthIndex(name: string): number {
  return MONTHS.indexOf(name.toLowerCase() as (typeof MONTHS)[number]);
}

/** A day as `YYYY-MM-DD` (month 0-based), or null when there is no such day (31 February). */
export function iso(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month || d.getUTCDate() !== day) {
    return null;
  }
  return d.toISOString().slice(0, 10);
}

/**
 * Finds the first written date in `text` and returns it as `YYYY-MM-DD`, or `null` when there is
 * none (or it names an impossible day such as 31 February).
 */
export function parseWrittenDate(text: string): string | null {
  const m = DATE_PATTERN.exec(text);
  if (!m) return null;
  const [, d1, m1, y1, m2, d2, y2] = m;
  const day = Number(d1 ?? d2);
  const month = monthIndex(m1 ?? m2 ?? '');
  const year = Number(y1 ?? y2);
  return iso(year, month, day);
}

/** What a document's date says when nothing tells it: shown as such, never guessed. */
export const UNKNOWN_DATE_LABEL = 'date unknown';

function capitalized(month: string): string {
  return `${month.charAt(0).toUpperCase()}${month.slice(1)}`;
}

/**
 * Formats a document date the way UN documents do: "19 September 2023"; a partial date as far
 * as it is known ("September 2023", "2023"); an unknown one (`''`) as "date unknown".
 */
export function formatUnDate(date: string): string {
  if (date === '') return UNKNOWN_DATE_LABEL;
  const [y, m, d] = date.split('-').map(Number);
  if (m === undefined) return `${y}`;
  const month = capitalized(MONTHS[m - 1] ?? '');
  return d === undefined ? `${month} ${y}` : `${d} ${month} ${y}`;
}

/** How much of a document's date is known. */
export type DatePrecision = 'day' | 'month' | 'year' | 'unknown';

/** Whether `date` is a day, a month (`YYYY-MM`), a year (`YYYY`) or unknown (`''`). */
export function datePrecision(date: string): DatePrecision {
  return date.length >= 10 ? 'day' : date.length === 7 ? 'month' : date.length === 4 ? 'year' : 'unknown';
}

/** The last day of a month, 1-based month. */
function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A document date as the number YYYYMMDD, for comparing days without strings. A partial date
 * counts as the first day it may be (`1997` is 19970101, `1997-09` is 19970901), the way it
 * sorts among full dates; an unknown date (`''`) is 0, before every known one.
 */
export function dayNumber(date: string): number {
  if (date === '') return 0;
  const month = date.length >= 7 ? Number(date.slice(5, 7)) : 1;
  const day = date.length >= 10 ? Number(date.slice(8, 10)) : 1;
  return Number(date.slice(0, 4)) * 10000 + month * 100 + day;
}

/** The last day a document date may be, as YYYYMMDD (`1997` is 19971231); 0 when unknown. */
export function lastDayNumber(date: string): number {
  if (date === '') return 0;
  const year = Number(date.slice(0, 4));
  const month = date.length >= 7 ? Number(date.slice(5, 7)) : 12;
  const day = date.length >= 10 ? Number(date.slice(8, 10)) : lastDayOf(year, month);
  return year * 10000 + month * 100 + day;
}

/**
 * Whether a document of `date` may fall within the days `from`–`to` (`YYYY-MM-DD`, either
 * optional): a partial date when its period overlaps them ("1997" is within 1997-09-01 to
 * 1997-12-31). An unknown date is within no bound, so a date filter leaves it out.
 */
export function dateWithin(date: string, from?: string, to?: string): boolean {
  if (!from && !to) return true;
  if (date === '') return false;
  if (from && lastDayNumber(date) < dayNumber(from)) return false;
  if (to && dayNumber(date) > dayNumber(to)) return false;
  return true;
}

/**
 * Reads a date as people write it in metadata: `2023-09-19`, `2023-09`, `2023`, or a written
 * date ("19 September 2023", "September 2023"). Returns it as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`,
 * or `null` when it is none (or names a day no calendar has).
 */
export function parseDocumentDate(text: string): string | null {
  const trimmed = text.trim();
  const numeric = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(trimmed);
  if (numeric) {
    const [, y = '', m, d] = numeric;
    if (m === undefined) return y;
    const month = Number(m);
    if (month < 1 || month > 12) return null;
    if (d === undefined) return `${y}-${String(month).padStart(2, '0')}`;
    return iso(Number(y), month - 1, Number(d));
  }
  const written = parseWrittenDate(trimmed);
  if (written) return written;
  const monthYear = new RegExp(`^(${MONTH_NAMES})\\s+(\\d{4})$`, 'i').exec(trimmed);
  if (monthYear) return `${monthYear[2]}-${String(monthIndex(monthYear[1] ?? '') + 1).padStart(2, '0')}`;
  return null;
}
