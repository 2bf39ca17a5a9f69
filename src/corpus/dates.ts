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

const MONTH_NAMES = MONTHS.join('|');

/** A day of a month, with or without its year ("4 April", "April 4"): a day the text states. */
export const DAY_OF_MONTH = new RegExp(
  `\\b(?:\\d{1,2}\\s+(?:${MONTH_NAMES})|(?:${MONTH_NAMES})\\s+\\d{1,2})\\b`,
  'i',
);

/** A date as UN documents write it ("19 September 2023"), or the US order ("September 19, 2023"). */
export const DATE_PATTERN = new RegExp(
  `\\b(?:(\\d{1,2})\\s+(${MONTH_NAMES})\\s+(\\d{4})|(${MONTH_NAMES})\\s+(\\d{1,2}),?\\s+(\\d{4}))\\b`,
  'i',
);

/** A month name, 0-based (January is 0), or -1. */
export function monthIndex(name: string): number {
  return MONTHS.indexOf(name.toLowerCase() as (typeof MONTHS)[number]);
}

function iso(year: number, month: number, day: number): string | null {
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

/** Formats `YYYY-MM-DD` the way UN documents do: "19 September 2023". */
export function formatUnDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const month = MONTHS[(m ?? 1) - 1] ?? '';
  return `${d} ${month.charAt(0).toUpperCase()}${month.slice(1)} ${y}`;
}

/** `YYYY-MM-DD` as the number YYYYMMDD, for comparing days without strings. */
export function dayNumber(isoDate: string): number {
  return (
    Number(isoDate.slice(0, 4)) * 10000 +
    Number(isoDate.slice(5, 7)) * 100 +
    Number(isoDate.slice(8, 10))
  );
}
