/**
 * The CLI's command line read into what the search and the corpus take: the options every
 * command may be given, the filters and limits of `ask` and `search`, a page number, and the
 * document a key names. What cannot be read is a `UsageError` saying which option and why.
 */
import { parseArgs } from 'node:util';
import type { CoreConfig } from '../config.ts';
import { editDistance } from '../corpus/edit-distance.ts';
import { findLetterByKey } from '../corpus/identify.ts';
import { resolveTypedLetter } from '../search/suggest.ts';
import { type Letter, PartKind } from '../corpus/schema.ts';
import type { AskOptions } from '../search/answer.ts';
import { FilterError, readSearchFilters } from '../search/filters.ts';
import { SEE_HELP, UsageError } from './usage.ts';

/** The options each command takes (`--help` every one does). */
export const COMMAND_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  ask: ['json', 'stdin', 'limit', 'letter', 'from', 'to', 'part'],
  search: ['json', 'limit', 'letter', 'from', 'to', 'part', 'page'],
  cite: ['json', 'style'],
  quote: ['json'],
  chart: ['json', 'out', 'from', 'to'],
  check: ['json'],
  add: ['title', 'date', 'author', 'kind', 'symbol', 'dry-run'],
  letters: ['json', 'kind', 'author', 'year'],
  letter: ['json'],
  validate: ['quiet'],
};

/**
 * Reads the command line: the command and its words (positionals), and every option. An option
 * no command takes is a `UsageError` naming the option meant when one is a typo away ("--limt");
 * one that another command takes, but not this one, names those this one takes.
 */
export function parseCommandLine(argv: string[]) {
  let parsed;
  try {
    parsed = parseLine(argv);
  } catch (error) {
    const unknown = /^Unknown option '([^']+)'/.exec((error as Error).message)?.[1];
    if (!unknown) throw error;
    const name = unknown.replace(/^-+/, '');
    const meant = Object.keys(OPTIONS).find((known) => editDistance(name, known) <= 2);
    throw new UsageError(
      `Unknown option ${unknown}${meant ? `: did you mean --${meant}?` : ''} ${SEE_HELP}`,
    );
  }
  const command = parsed.positionals[0];
  const takes = command === undefined ? undefined : COMMAND_OPTIONS[command];
  if (takes) {
    for (const token of parsed.tokens) {
      if (token.kind !== 'option' || token.name === 'help' || takes.includes(token.name)) continue;
      const list = takes.map((option) => `--${option}`).join(', ');
      throw new UsageError(`${command} takes no --${token.name} (it takes ${list}) ${SEE_HELP}`);
    }
  }
  return parsed;
}

/** Every option of every command, as `parseArgs` reads them. */
const OPTIONS = {
  json: { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  stdin: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  limit: { type: 'string' },
  letter: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  part: { type: 'string' },
  symbol: { type: 'string' },
  date: { type: 'string' },
  title: { type: 'string' },
  author: { type: 'string' },
  kind: { type: 'string' },
  year: { type: 'string' },
  out: { type: 'string' },
  page: { type: 'string' },
  style: { type: 'string' },
} as const;

/** A negative number ("-1"), which is a value, never an option ("quote A/78/368 -1"). */
const NEGATIVE = /^-\d+(?:\.\d+)?$/;
/** What a negative number stands in for while the options are read: the minus sign, U+2212. */
const MINUS = '\u2212';

/** The command line read against `OPTIONS`, with its tokens (which options were given). */
function parseLine(argv: string[]) {
  const parsed = parseArgs({
    args: argv.map((a) => (NEGATIVE.test(a) ? MINUS + a.slice(1) : a)),
    allowPositionals: true,
    tokens: true,
    options: OPTIONS,
  });
  const back = (a: string) =>
    a.startsWith(MINUS) && NEGATIVE.test(`-${a.slice(1)}`) ? `-${a.slice(1)}` : a;
  const values = Object.fromEntries(
    Object.entries(parsed.values).map(([k, v]) => [k, typeof v === 'string' ? back(v) : v]),
  ) as typeof parsed.values;
  return { ...parsed, values, positionals: parsed.positionals.map(back) };
}

/** The options as read from the command line. */
export type CliValues = ReturnType<typeof parseCommandLine>['values'];

/**
 * A subcommand: given the words after its name, the options and the configuration, it prints
 * what it was asked for and returns the exit code.
 */
export type CliCommand = (
  args: readonly string[],
  values: CliValues,
  config: CoreConfig,
) => Promise<number>;

/** The date filters as the CLI's options are named. */
/** The date filters as the CLI's messages name them. */
export const CLI_FILTER_NAMES = { from: '--from', to: '--to' } as const;

/** `--limit`, `--letter`, `--from`, `--to` and `--part` as the search takes them. */
export function askOptions(
  letters: readonly Letter[],
  values: { limit?: string; letter?: string; from?: string; to?: string; part?: string },
): AskOptions {
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 100)) {
    throw new UsageError(`--limit must be a whole number from 1 to 100, not "${values.limit}"`);
  }
  const part = values.part;
  if (part !== undefined && !PartKind.safeParse(part).success) {
    throw new UsageError(`--part must be one of ${PartKind.options.join(', ')}, not "${part}"`);
  }
  // `--letter` names a document as `cite` and Discord's letter option do: its id or symbol, or a
  // date or title words that fit it alone.
  const named = values.letter?.trim() ? findLetter(letters, values.letter.trim()).id : undefined;
  try {
    const { letter, from, to } = readSearchFilters(
      letters,
      { ...values, letter: named },
      CLI_FILTER_NAMES,
    );
    return { limit, letter, from, to, part: part as AskOptions['part'] };
  } catch (error) {
    if (error instanceof FilterError) throw new UsageError(error.message);
    throw error;
  }
}

/** `--year 1997`: a year of four digits, or undefined when not given. */
export function yearOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value.trim()))
    throw new UsageError(`--year must be a year of four digits (1997), not "${value}"`);
  return Number(value.trim());
}

/** A page number given on the command line (`--page 2`): a whole number from 1. */
export function pageNumber(value: string | undefined): number {
  if (value === undefined) return 1;
  const page = Number(value);
  if (!Number.isInteger(page) || page < 1)
    throw new UsageError(`--page must be a whole number from 1, not "${value}"`);
  return page;
}

/**
 * The document `key` names: its id or symbol, else a date or words of its title that fit one
 * document only (or its whole title). When they fit several, the first few; when none, where to
 * look: never every id of a corpus that may hold thousands.
 */
export function findLetter(letters: readonly Letter[], key: string): Letter {
  const letter = findLetterByKey(letters, key);
  if (letter) return letter;
  const typed = resolveTypedLetter(letters, key);
  if ('letter' in typed) return typed.letter;
  const { fits } = typed;
  if (fits.length > 1) {
    const ids = fits.slice(0, 3).map((l) => l.id);
    const more = fits.length > ids.length ? ` and ${fits.length - ids.length} more` : '';
    throw new UsageError(
      `"${key}" fits ${fits.length} documents (${ids.join(', ')}${more}): give its id or symbol`,
    );
  }
  throw new UsageError(`No document "${key}": give its id or symbol (\`letters\` lists them)`);
}
