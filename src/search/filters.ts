import { findLetterByKey } from '../corpus/identify.ts';
import { documentNoun, type Letter } from '../corpus/schema.ts';
import type { SearchFilters } from './answer.ts';

/**
 * The filters people give a search — a letter, and dates from and to — read the same way
 * wherever they are typed (a slash command's options, the CLI's flags), and checked: a date must
 * be a real day, `from` must not come after `to`, the letter must exist.
 */

/** A filter that cannot be used; the message says which and why, in words a user can act on. */
export class FilterError extends Error {
  override readonly name = 'FilterError';
}

/** What the date filters are called where they are typed: messages name them so. */
export interface FilterNames {
  from: string;
  to: string;
}

/** The slash commands' option names. */
const OPTION_NAMES: FilterNames = { from: 'from', to: 'to' };

const DATE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

/**
 * Reads `2023-09-19`, `2023-09` or `2023` as a day: the first day of the month or year for
 * `from`, the last for `to`. Throws `FilterError` for anything else, and for days no calendar
 * has (`2022-02-30`, `2022-13-45`).
 */
export function parseFilterDate(
  value: string,
  bound: 'from' | 'to',
  names: FilterNames = OPTION_NAMES,
): string {
  const trimmed = value.trim();
  const m = DATE.exec(trimmed);
  const invalid = () =>
    new FilterError(
      `${names[bound]} should be a date like 2023-09-19 (or 2023-09, or 2023), not "${trimmed.slice(0, 40)}"`,
    );
  if (!m) throw invalid();
  const year = Number(m[1]);
  const month = m[2] === undefined ? (bound === 'from' ? 1 : 12) : Number(m[2]);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = m[3] === undefined ? (bound === 'from' ? 1 : lastDay) : Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > lastDay) throw invalid();
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Filters as typed: any of them may be missing. */
export interface TypedFilters {
  letter?: string | null;
  from?: string | null;
  to?: string | null;
}

/**
 * Checks typed filters against the letters and returns them as a search takes them (the letter
 * by its id). Throws `FilterError` naming the filter at fault as `names` calls it.
 */
export function readSearchFilters(
  letters: readonly Letter[],
  typed: TypedFilters,
  names: FilterNames = OPTION_NAMES,
): SearchFilters & { letterFound?: Letter } {
  const from = typed.from ? parseFilterDate(typed.from, 'from', names) : undefined;
  const to = typed.to ? parseFilterDate(typed.to, 'to', names) : undefined;
  if (from && to && from > to)
    throw new FilterError(`${names.from} (${from}) is after ${names.to} (${to})`);
  const key = typed.letter?.trim();
  const letter = key ? findLetterByKey(letters, key) : undefined;
  if (key && !letter) {
    const noun = documentNoun(letters);
    throw new FilterError(
      `No ${noun} "${key.slice(0, 100)}": give a ${noun}'s id or symbol (see \`letters\`)`,
    );
  }
  return { letter: letter?.id, from, to, letterFound: letter };
}
