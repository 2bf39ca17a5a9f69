import {
  DATE_PATTERN,
  DAY_OF_MONTH,
  dateWithin,
  iso,
  MONTH_NAMES,
  monthIndex,
} from '../corpus/dates.ts';
import { isSignature } from '../corpus/parse-letter.ts';
import { isTableText } from '../corpus/tables.ts';
import type { Letter } from '../corpus/schema.ts';
import {
  analyze,
  isStopWord,
  isYearAsWritten,
  NUMBER_WORDS,
  readPassage,
  type Token,
} from './analyze.ts';
import { describesNext } from './answer-type.ts';
import { splitSentences } from './excerpt.ts';
import { isLabelNumber } from './labels.ts';
import { annexOf, isPlace } from './cite.ts';
import { isEnglishWord, isMoneyWord, isNameOnly, isPersonNoun, isUnitWord } from './question.ts';
import type { IndexedPassage } from './index-entries.ts';
import type { DateHint } from './time.ts';

/**
 * What a passage states, read from its text: the evidence that it gives what a question asks
 * for (a figure counting a thing, a day, a sum of money, a measure, a person's name, …). Each
 * reader is a small pure function over the passage's cached reading; the feature stage turns
 * them into numbers.
 */

/** A figure counts the word at most this many words after it ("2,700 anti-personnel landmines"). */
export const COUNTED_WINDOW = 4;
/** Words that join one clause or item to the next: a figure after them counts something else. */
const CLAUSE_JOINS: ReadonlySet<string> = new Set(['and', 'or', 'but', 'while', 'whereas']);
/** Words a count may be given in ("amounts to 1,318 pieces"): they stand for the thing counted in their sentence. */
const COUNT_UNITS = new Set(['pieces', 'units', 'items']);

/** The index of the token that ends at `end` (tokens are in order), or -1. */
function tokenEnding(tokens: readonly { end: number }[], end: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = tokens[mid]?.end ?? 0;
    if (at === end) return mid;
    if (at < end) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** A figure joined to a word or code after it ("3-001M", "44-day") … */
const JOINED_AFTER = /^-[\p{L}\p{N}]/u;
/** … or before it; or a value given to a name ("x=4401180", a coordinate). */
const JOINED_BEFORE = /(?:[\p{L}\p{N}]-|=)$/u;
/** A figure joined to a code ("3-001M") or given to a name ("x=4401180"): no figure of anything. */
const CODE_AFTER = /^-\p{N}/u;
const CODE_BEFORE = /(?:\p{N}-|=)$/u;

/**
 * Whether a token of `text` is a number: digits that are not a year, a code or a coordinate, or
 * a number word. `withUnit` also takes one joined to its unit ("30-year", "44-day"), which states
 * a quantity but counts nothing.
 */
function isNumber(text: string, token: Token, withUnit: boolean): boolean {
  const { word } = token;
  if (!/^\d/.test(word)) return NUMBER_WORDS.has(word);
  const [after, before] = withUnit ? [CODE_AFTER, CODE_BEFORE] : [JOINED_AFTER, JOINED_BEFORE];
  return (
    /^\d+(?:\.\d+)?$/.test(word) &&
    !isYearAsWritten(text.slice(token.start, token.end)) &&
    !after.test(text.slice(token.end, token.end + 2)) &&
    !before.test(text.slice(Math.max(0, token.start - 2), token.start)) &&
    !isLabelNumber(text, token.start)
  );
}

/** Whether token `i` of `text` is a figure that may count something (a figure stated or not). */
function isFigure(text: string, tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  // "3-001M" is a model, "44-day" a length: a figure joined to a word or code is no count.
  return token !== undefined && isNumber(text, token, false);
}

/**
 * What `countsOf` reads of a text whatever the question: which tokens are figures, where its
 * sentences and clauses break, and where a unit of count stands. Worked out once per text and
 * kept with its reading (`readPassage`), so that each candidate's count features do not slice
 * and test its text again for every word counted.
 */
interface CountLayout {
  /** Per token: 1 when it is a figure that may count something (`isFigure`). */
  figure: Uint8Array;
  /** Per token: how many of "." and ";" stand before its start, and before its end. */
  stopsBefore: Uint32Array;
  stopsThrough: Uint32Array;
  /** Per token: 1 when ".", ";" or ":" stands between it and the token before. */
  clauseBreak: Uint8Array;
  /** The tokens (from the second on) that are units of count ("pieces"), in order. */
  units: number[];
  /**
   * In a table (`isTableText`), per token: its line (0 for the row that heads the columns); null
   * for other text.
   */
  table: Int16Array | null;
}

const layouts = new WeakMap<readonly Token[], CountLayout>();
/** The count layout of a text, from its reading's tokens. */
function countLayout(text: string, tokens: readonly Token[]): CountLayout {
  let layout = layouts.get(tokens);
  if (layout) return layout;
  const n = tokens.length;
  layout = {
    figure: new Uint8Array(n),
    stopsBefore: new Uint32Array(n),
    stopsThrough: new Uint32Array(n),
    clauseBreak: new Uint8Array(n),
    units: [],
    table: isTableText(text) ? tableLines(text, tokens) : null,
  };
  let stops = 0;
  let at = 0;
  const countTo = (end: number) => {
    for (; at < end; at++) {
      const c = text.charCodeAt(at);
      if (c === DOT || c === SEMICOLON) stops += 1;
    }
  };
  for (let i = 0; i < n; i++) {
    const token = tokens[i] as Token;
    layout.figure[i] = isFigure(text, tokens, i) ? 1 : 0;
    // Tokens are in order; a position already passed is counted from the start again.
    if (token.start < at) {
      stops = 0;
      at = 0;
    }
    countTo(token.start);
    layout.stopsBefore[i] = stops;
    countTo(token.end);
    layout.stopsThrough[i] = stops;
    if (i > 0) {
      layout.clauseBreak[i] = /[.;:]/.test(text.slice(tokens[i - 1]?.end, token.start)) ? 1 : 0;
      if (COUNT_UNITS.has(token.word)) layout.units.push(i);
    }
  }
  layouts.set(tokens, layout);
  return layout;
}
const DOT = 0x2e;
const SEMICOLON = 0x3b;
const NEWLINE = 0x0a;

/** Each token's line in a table's text. */
function tableLines(text: string, tokens: readonly Token[]): Int16Array {
  const line = new Int16Array(tokens.length);
  let at = 0;
  let n = 0;
  tokens.forEach((token, i) => {
    for (; at < token.start; at++) if (text.charCodeAt(at) === NEWLINE) n += 1;
    line[i] = n;
  });
  return line;
}

/** How a count is to be read: of which words, near which verbs, of which kind. */
export interface CountQuery {
  /** Concepts of the thing counted and its kinds. */
  wanted: ReadonlySet<string>;
  /** Figures the question itself states: not what it asks for. */
  stated: readonly string[];
  /** When given, a count only next to one of these verbs ("evacuated 2,300 residents"). */
  verbs?: ReadonlySet<string>;
  /** When given, a count only of this kind ("312 evacuation centres", not "six health centres"). */
  modifiers?: ReadonlySet<string>;
}

/**
 * How many different things `text` counts among `wanted`, each by figures of its own: a figure
 * right before the word ("2,700 anti-personnel landmines"), after it in its clause ("victims
 * has reached 314"), a measure of it ("350 tonnes of oil") or a unit of count near it
 * ("amounts to 1,318 pieces"). "two civilians and four servicemen" counts 2 things; a figure or
 * a word shared joins two counts into one. Stops at `enough`. Only the words counted `within`
 * a span (a sentence) are read.
 */
export function countsOf(
  text: string,
  query: CountQuery,
  enough = 2,
  within?: { start: number; end: number },
): number {
  const { wanted, verbs, modifiers } = query;
  const { tokens, terms } = readPassage(text);
  const from = within?.start ?? 0;
  const to = within?.end ?? text.length;
  const layout = countLayout(text, tokens);
  const modifierEnds = modifiers
    ? new Set(terms.filter((t) => modifiers.has(t.concept)).map((t) => t.end))
    : null;
  let verbAt: number[] | null = null;
  let groups: { figures: Set<number>; words: Set<string> }[] | null = null;
  for (const term of terms) {
    if ((groups?.length ?? 0) >= enough) break;
    if (!wanted.has(term.concept)) continue;
    const at = tokenEnding(tokens, term.end);
    if (at < 0) continue;
    // A table's row is read with the row that heads its columns.
    const heads = layout.table !== null && layout.table[at] === 0;
    if ((term.start < from || term.end > to) && !heads) continue;
    // A word that describes the noun after it ("landmine victims") is not what a figure counts;
    // a comma or other mark between them ends the noun phrase ("1,240 shelters, two … centres"),
    // and so does the end of a table's row. The row that heads a table's columns runs its cells'
    // words together ("Displaced persons Sites"): no word of it describes the next.
    const next = tokens[at + 1];
    const between = next === undefined ? '' : text.slice(tokens[at]?.end, next.start);
    if (
      !heads &&
      next !== undefined &&
      !/[^\s-]|\n/.test(between) &&
      describesNext(next.word, tokens[at]?.word)
    )
      continue;
    if (modifierEnds !== null) {
      const first = tokens.findIndex((t) => t.start === term.start);
      if (![1, 2].some((k) => modifierEnds.has(tokens[first - k]?.end ?? -1))) continue;
    }
    const inTable = layout.table ? countedInTable(tokens, layout, query.stated, at, from, to) : -1;
    const f = inTable >= 0 || heads ? inTable : countedBy(text, tokens, layout, query.stated, at);
    if (f < 0) continue;
    if (verbs) {
      verbAt ??= terms.filter((t) => verbs.has(t.concept)).map((t) => tokenEnding(tokens, t.end));
      if (
        !verbAt.some((v) => near(text, tokens, layout, v, f) || near(text, tokens, layout, v, at))
      )
        continue;
    }
    groups ??= [];
    const joined = groups.filter((g) => g.figures.has(f) || g.words.has(term.concept));
    const group = { figures: new Set([f]), words: new Set([term.concept]) };
    for (const g of joined) {
      for (const x of g.figures) group.figures.add(x);
      for (const w of g.words) group.words.add(w);
      groups.splice(groups.indexOf(g), 1);
    }
    groups.push(group);
  }
  return groups?.length ?? 0;
}

/** Whether token `i` is a figure that may count something and not one the question states. */
function isCount(
  layout: CountLayout,
  tokens: readonly Token[],
  stated: readonly string[],
  i: number,
) {
  return layout.figure[i] === 1 && !stated.includes(tokens[i]?.word ?? '');
}

/** Whether tokens `a` and `b` stand in one sentence (no full stop or semicolon between). */
function near(text: string, tokens: readonly Token[], layout: CountLayout, a: number, b: number) {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (hi < 0 || hi >= tokens.length || lo >= tokens.length)
    return !/[.;]/.test(text.slice(tokens[lo]?.end, tokens[hi]?.start));
  // No stop between the end of `lo` (the start of the text for none) and the start of `hi`.
  return (layout.stopsBefore[hi] as number) <= (lo < 0 ? 0 : (layout.stopsThrough[lo] as number));
}

/**
 * The figure a table counts the word at token `at` by, between `from` and `to`, or -1: a figure
 * of the rows under it when it heads the columns ("Displaced persons" counts "162 000" of "Vell
 * 162 000 31"), or further along its row ("Women and girls 14 996 37").
 */
function countedInTable(
  tokens: readonly Token[],
  layout: CountLayout,
  stated: readonly string[],
  at: number,
  from: number,
  to: number,
): number {
  const line = layout.table?.[at] ?? -1;
  if (line < 0) return -1;
  for (let i = at + 1; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const row = layout.table?.[i] ?? -1;
    if (line > 0 && row !== line) break;
    if (token.start < from || row === 0) continue;
    if (token.end > to) break;
    if (isCount(layout, tokens, stated, i)) return i;
  }
  return -1;
}

/**
 * The figure that counts the word at token `at`, or -1: right before it, a measure of it ("350
 * tonnes of oil"), after it in its clause, or a unit of count in its sentence.
 */
function countedBy(
  text: string,
  tokens: readonly Token[],
  layout: CountLayout,
  stated: readonly string[],
  at: number,
): number {
  for (let i = at - 1; i >= Math.max(0, at - COUNTED_WINDOW); i--)
    if (isCount(layout, tokens, stated, i)) return i;
  for (let i = at - COUNTED_WINDOW - 1; i >= Math.max(0, at - COUNTED_WINDOW - 2); i--)
    if (
      isCount(layout, tokens, stated, i) &&
      tokens[i + 2]?.word === 'of' &&
      isUnitWord(tokens[i + 1]?.word ?? '')
    )
      return i;
  for (let i = at + 1; i <= at + COUNTED_WINDOW && i < tokens.length; i++) {
    if (layout.clauseBreak[i] === 1) break;
    if (CLAUSE_JOINS.has(tokens[i]?.word ?? '')) break;
    if (isCount(layout, tokens, stated, i)) return i;
  }
  for (const i of layout.units)
    if (isCount(layout, tokens, stated, i - 1) && near(text, tokens, layout, i, at)) return i - 1;
  return -1;
}

/**
 * Whether a span of a text states a figure: a number (not a year, a code or a coordinate) or a
 * number word. A number joined to its unit ("30-year", "44-day") is one, as "how many years" asks.
 */
export function statesFigure(text: string, span: { start: number; end: number }): boolean {
  const { tokens } = readPassage(text);
  return tokens.some(
    (t) =>
      t.start >= span.start && t.end <= span.end && (t.word === 'one' || isNumber(text, t, true)),
  );
}

/**
 * Whether `text` states a figure (not a year, not one of `stated`) that counts a word whose
 * concept is in `wanted` ("2,700 anti-personnel landmines", "victims has reached 314").
 */
export function figureBefore(
  text: string,
  wanted: ReadonlySet<string>,
  stated: readonly string[],
): boolean {
  return countsOf(text, { wanted, stated }, 1) > 0;
}

/** A passage that states a total ("the total number of victims", "in all"). */
export const TOTAL = /\b(?:total|in all|altogether|combined|overall)\b/i;

/**
 * A body's session named as a time, as UN documents date what is to come: "at its sixty-first
 * session", "at the fifty-ninth session of the Human Rights Council", "by its next session"
 * (user trial 34: "when does the mission present its report" had no time in "… a comprehensive
 * report at its sixty-first session").
 */
const SESSION_TIME =
  /\b(?:at|by|before|during|until|to) (?:its|the|their) (?:next|resumed|[a-z]+(?:-[a-z]+)?|\d{1,3}(?:st|nd|rd|th)) (?:regular |special )?session\b/;

/**
 * A time a passage states: a date, a day of a month, a session, a year, a day told relative to
 * another, or a time limit ("within one month").
 */
export const TIME = new RegExp(
  `${DATE_PATTERN.source}|${DAY_OF_MONTH.source}|${SESSION_TIME.source}|\\b(?:19|20)\\d{2}\\b|\\b(?:the same day|that day|the (?:next|following|previous) day|yesterday|today|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\\b|\\bwithin (?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\\d+) (?:hours?|days?|weeks?|months?|years?)\\b`,
  'i',
);

/** `TIME`, every match. */
const TIMES = new RegExp(TIME.source, 'gi');
/** A month written in full just before a year ("September 2016", "May of 1995"). */
const MONTH_BEFORE = new RegExp(`\\b(${MONTH_NAMES})\\s+(?:of\\s+)?$`, 'i');

/**
 * Whether `text` states a time that tells more than the question's own (`date`): "when was the
 * deal signed" of Colombia's 2016 speech is not answered by "I expected to return in 2016", as a
 * year (or a month and year) that holds all of the time the question names adds nothing to it;
 * "on 26 September", "in September 2016" and "2015" do.
 */
export function statesTimeBeyond(text: string, date: DateHint | null): boolean {
  if (date === null) return TIME.test(text);
  for (const m of text.matchAll(TIMES)) {
    const year = m[0];
    if (!/^\d{4}$/.test(year)) return true;
    const month = monthIndex(MONTH_BEFORE.exec(text.slice(0, m.index))?.[1] ?? '');
    const from = month < 0 ? `${year}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    const to = month < 0 ? `${year}-12-31` : `${year}-${String(month + 1).padStart(2, '0')}-31`;
    if (!(from <= date.from && to >= date.to)) return true;
  }
  return false;
}

/** A length of time: a quantity and a unit ("almost three decades", "44-day", "a year"). */
export const DURATION =
  /\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|several|many|few)[- ](?:years?|decades?|months?|weeks?|days?|hours?)\b/i;

/** A time of day: "at 14:30", "9.15 a.m.", "in the morning", "at night". */
export const CLOCK =
  /\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(?:a\.m\.|p\.m\.|am|pm)\b|\bo'clock\b|\b(?:in the (?:morning|afternoon|evening)|at (?:night|noon|midnight|dawn|dusk))\b/i;

/** A share of a whole: "25 per cent", "55%", "5 percent". */
export const PERCENTAGE = /\d\s*(?:%|per\s?cent\b)/i;

/** A frequency ("almost daily", "every year", "every 90 days", "twice a week", "quarterly"). */
export const FREQUENCY =
  /\b(?:daily|weekly|monthly|quarterly|annually|yearly|hourly|biannually|biennially|fortnightly|frequently|regularly|periodically|repeatedly|constantly|routinely|(?:every|each)(?: (?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|other|few))? (?:days?|weeks?|months?|years?|hours?)|(?:once|twice|\w+ times) (?:a|per|each|every) (?:day|week|month|year))\b/i;

/** A cause or purpose: "because", "due to", "as a result of", "in order to". */
export const REASON =
  /\b(?:because|due to|owing to|as a result|result(?:ed|s)? (?:in|from)|caused by|in order to|so as to|the reason|aimed at|with the aim|with a view to|in response to|on the grounds)\b/i;

/** A time to come, said without a year: "within the next five years", "by the end of next year". */
const FUTURE_TIME =
  /\b(?:within|in) the (?:next|coming) (?:\w+ )?(?:years?|months?|decades?)\b|\bby the end of (?:next|this) (?:year|decade)\b|\bnext year\b/i;

/** The years a text names ("in 2021", "by 2031"). */
export function yearsIn(text: string): number[] {
  return Array.from(text.matchAll(/\b(?:19|20)\d{2}\b/g), (m) => Number(m[0]));
}

/**
 * The period a report says it covers: "It covers developments from 1 March to 31 May 2025", "The
 * report covers major developments in Sarvel between 1 March and 31 May 2026", "covers the period
 * from 1 January to 31 December 2024" (the first day's year that of the last, or the year before
 * when its month comes later).
 */
const COVERS = new RegExp(
  String.raw`\bcover(?:s|ed|ing)?\b[^.;]{0,80}?\b(?:from|between)\s+(\d{1,2})\s+(${MONTH_NAMES})(?:\s+(\d{4}))?\s+(?:to|and|until|through)\s+(\d{1,2})\s+(${MONTH_NAMES})\s+(\d{4})`,
  'i',
);
/** A passage that tells of the period its report covers: "during the reporting period", "the period under review". */
const REPORTING_PERIOD =
  /\b(?<!(?:previous|last|preceding|next)\s)(?:reporting period|period under review|review period)\b/i;
/** Each document's period (`COVERS`), read once. */
const PERIODS = new WeakMap<Letter, { from: string; to: string } | null>();

function reportingPeriod(letter: Letter): { from: string; to: string } | null {
  let period = PERIODS.get(letter);
  if (period !== undefined) return period;
  const m = COVERS.exec(letter.text);
  period = null;
  if (m) {
    const [month1, month2] = [monthIndex(m[2] ?? ''), monthIndex(m[5] ?? '')];
    const year2 = Number(m[6]);
    const year1 = m[3] ? Number(m[3]) : month1 > month2 ? year2 - 1 : year2;
    const [from, to] = [iso(year1, month1, Number(m[1])), iso(year2, month2, Number(m[4]))];
    period = from && to ? { from, to } : null;
  }
  PERIODS.set(letter, period);
  return period;
}

/**
 * Whether a passage is of a time: its letter or annex is dated in it, it names a year in it, or
 * it tells of its report's period ("during the reporting period") and that period overlaps it.
 */
export function ofTime({ letter, passage }: IndexedPassage, time: DateHint): boolean {
  const annex = annexOf(letter, passage)?.date;
  // A partial date is of a time when its period overlaps it ("1997" for September 1997).
  if ([letter.date, annex].some((d) => d && dateWithin(d, time.from, time.to))) return true;
  const period = REPORTING_PERIOD.test(passage.text) ? reportingPeriod(letter) : null;
  if (period && period.from <= time.to && period.to >= time.from) return true;
  const [first, last] = [Number(time.from.slice(0, 4)), Number(time.to.slice(0, 4))];
  return yearsIn(passage.text).some((year) => year >= first && year <= last);
}

/** Whether a passage states a time after its letter's: a later year, or a time to come. */
export function statesFuture({ letter, passage }: IndexedPassage): boolean {
  const year = letter.date === '' ? Infinity : Number(letter.date.slice(0, 4));
  return FUTURE_TIME.test(passage.text) || yearsIn(passage.text).some((named) => named > year);
}

/**
 * A sum of money as letters write it: "$2 million", "USD 50 million", "3,000 manats", "€40",
 * "4 million United States dollars".
 */
const MONEY =
  /[$€£]\s?\d|\b(?:USD|US\$|EUR|AZN|GBP|CHF)\s?\d|\d(?:[\d,.]*)(?:\s+(?:thousand|million|billion))?(?:\s+[A-Z][a-z]+){0,2}\s+(?:dollars?|euros?|manats?|pounds|francs|roubles?|rubles?|drams?|pesos?|yen|yuan|rupees?|USD|EUR|AZN)\b/;
/** A figure and its unit, after up to two names ("150 million soms", "2 billion Fijian dollars"). */
const FIGURE_AND_UNIT =
  /\d[\d,.]*(?:\s+(?:thousand|million|billion))?(?:\s+[A-Z][a-z]+){0,2}\s+([a-z]+)/g;

/**
 * The ISO 4217 codes of currencies in use ("NOK", "SEK", "JPY"), as the runtime knows them, but
 * those that UN documents write before a figure as something else: a word of a heading in
 * capitals ("ALL 193 Member States") or an acronym ("COP 28", "SDG 16", "MOP 33").
 */
const NOT_CURRENCIES = [
  'ALL',
  'TOP',
  'COP',
  'SDG',
  'MOP',
  'SOS',
  'CUP',
  'PEN',
  'MAD',
  'TRY',
  'GEL',
];
const CURRENCY_CODES = new Set(
  Intl.supportedValuesOf('currency').filter((code) => !NOT_CURRENCIES.includes(code)),
);
/** A currency code written before or after a figure: "NOK 380 million", "2 million CHF". */
const CODE_AND_FIGURE =
  /\b([A-Z]{3})\s?\d|\d(?:[\d,.]*)(?:\s+(?:thousand|million|billion))?\s+([A-Z]{3})\b/g;

/**
 * Whether a text states a sum of money: as `MONEY` has it, with a currency's code, or in a
 * currency WordNet knows.
 */
export function statesMoney(text: string): boolean {
  if (MONEY.test(text)) return true;
  for (const [, before, after] of text.matchAll(CODE_AND_FIGURE)) {
    if (CURRENCY_CODES.has(before ?? after ?? '')) return true;
  }
  for (const [, unit = ''] of text.matchAll(FIGURE_AND_UNIT)) if (isMoneyWord(unit)) return true;
  return false;
}

/**
 * Whether a match of `pattern` (global) in `text`, one `accept` takes when given, stands in a
 * sentence with a word of `concepts` ("storm surges of up to four metres", "Armenia … falsely
 * announcing").
 */
export function nearTerm(
  text: string,
  concepts: ReadonlySet<string>,
  pattern: RegExp,
  accept: (match: RegExpExecArray) => boolean = () => true,
): boolean {
  const reading = readPassage(text);
  const at = reading.terms.filter((t) => concepts.has(t.concept)).map((t) => t.start);
  if (at.length === 0) return false;
  const sentences = (reading.sentences ??= splitSentences(text));
  const sentenceOf = (offset: number) => sentences.findIndex((x) => offset < x.end);
  const held = new Set(at.map(sentenceOf));
  return [...text.matchAll(pattern)].some((m) => accept(m) && held.has(sentenceOf(m.index)));
}

/** A figure and the word after it, which may be its unit ("four metres", "500 millimetres"). */
const FIGURE_THEN_WORD =
  /\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred)(?:\s+(?:thousand|million|billion))?\s+([a-z]+)(?:\s+([a-z]+))?/gi;
/** A share of a whole: "5 per cent", "25%". */
const SHARE_OF_WHOLE = /\d[\d,.]*\s*(?:%|per\s?cent\b)/gi;
/** A multiple of another size: "3.5 times greater", "six times", "twice". */
const MULTIPLE =
  /\b(?:(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)\s+times|twice)\b/gi;

/**
 * Whether a text states a measure of one of `concepts` (a figure and a unit WordNet knows, in a
 * sentence that names it); for a `size`, also a share of a whole or a multiple of another size
 * ("how much had industrial output grown": "3.5 times greater than it was in 1937").
 */
export function statesMeasure(text: string, concepts: ReadonlySet<string>, size = false): boolean {
  return (
    // The unit right after the figure, or after a word that says what kind ("18 million cubic
    // metres", "40 square kilometres", "12 nautical miles").
    nearTerm(text, concepts, FIGURE_THEN_WORD, (m) =>
      [m[1], m[2]].some((word) => {
        const unit = (word ?? '').toLowerCase();
        return unit.length > 2 && !isStopWord(unit) && isUnitWord(unit);
      }),
    ) ||
    (size && (nearTerm(text, concepts, SHARE_OF_WHOLE) || nearTerm(text, concepts, MULTIPLE)))
  );
}

/** Two capitalized words in a row: a person's name when one of them is no English word. */
const NAME_PAIR = /\b(\p{Lu}\p{Ll}+)\s+(\p{Lu}\p{Ll}+)\b/gu;

/** Whether a passage names a person: a signature, or a name ("Jeyhun Bayramov, Minister …"). */
export function namesAPerson(text: string): boolean {
  if (isSignature(text)) return true;
  for (const [, first = '', second = ''] of text.matchAll(NAME_PAIR))
    if (!isEnglishWord(first.toLowerCase()) || !isEnglishWord(second.toLowerCase())) return true;
  return false;
}

/** After a name, what it is called: ", Minister for …", ", the Permanent Representative …". */
const APPOSITION = /^\s*,\s+(?:the\s+|a\s+|an\s+)?\p{Lu}/u;

/**
 * Whether a span says who someone named is ("who is Jeyhun Bayramov"): the name followed by what
 * it is called ("Jeyhun Bayramov, Minister for Foreign Affairs"), or a signature's title after
 * it. A signature of the name alone does not say who they are.
 */
export function describesName(
  text: string,
  name: ReadonlySet<string>,
  span: { start: number; end: number },
): boolean {
  for (const t of readPassage(text).terms) {
    if (t.start < span.start || t.end > span.end || !name.has(t.concept)) continue;
    const after = text.slice(t.end, span.end);
    if (APPOSITION.test(after)) return true;
    // A signature block's title after the name: "(Signed) Yashar Aliyev Ambassador Permanent Representative".
    if (isSignature(text) && /^\s+\p{Lu}/u.test(after)) return true;
  }
  return false;
}

/** After a verb, its agent in the passive, a few words on in its clause: "planted in the district by a sabotage group". */
const PASSIVE_AGENT = /^[^.;:!?()]{0,48}?\bby\s+(?:the\s+|a\s+|an\s+|its\s+)?\p{L}/u;
/** Before a verb, its clause up to the verb: where its subject stands ("Armenia also deliberately planted"). */
const CLAUSE_START = /[.;:!?]\s/g;
/** A capitalized word: a name when WordNet knows it only as a name, or not at all. */
const CAPITALIZED = /\b\p{Lu}[\p{L}-]+/gu;

/**
 * Whether a span tells who did what a "who" question asks of a verb ("who planted the mine"): a
 * term of the verb with its agent after it in the passive ("planted … by a sabotage group"), or a
 * name before it in its sentence as its subject ("Armenia … intensively lays mines"). A State or a
 * body acts as a person does; the answer to "who" is often one.
 */
export function namesAgent(
  text: string,
  terms: readonly { concept: string; start: number; end: number }[],
  verb: ReadonlySet<string>,
  span: { start: number; end: number },
): boolean {
  for (const t of terms) {
    if (t.start < span.start || t.end > span.end || !verb.has(t.concept)) continue;
    if (PASSIVE_AGENT.test(text.slice(t.end, span.end))) return true;
    const before = text.slice(span.start, t.start);
    let from = 0;
    for (const m of before.matchAll(CLAUSE_START)) from = m.index + m[0].length;
    for (const [word] of before.slice(from).matchAll(CAPITALIZED)) {
      const folded = word.toLowerCase();
      if (!isStopWord(folded) && (isNameOnly(folded) || !isEnglishWord(folded))) return true;
    }
    // "2 civilians were killed": who died is told by the people the clause is of.
    for (const [word] of before.slice(from).matchAll(/\p{Ll}+/gu))
      if (isPersonNoun(word)) return true;
  }
  return false;
}

/**
 * A capitalized word after a preposition of place ("in Khojavand"), and the name after "of" when
 * it is one of a State's ("in the Republic of Armenia").
 */
const PLACE =
  /\b(in|at|near|from|to|into|of)\s+(?:the\s+)?(\p{Lu}[\p{L}-]+)(?:\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}-]+))?/gu;
/** A run of capitalized words ("Ghana", "the Federation of Malaya", "Antigua and Barbuda"). */
const CAPITALIZED_RUN = /\p{Lu}[\p{L}'’-]+(?:\s+(?:of\s+|and\s+)?\p{Lu}[\p{L}'’-]+)*/gu;

/**
 * Whether a passage names a State or another place by its name, other than those the `known`
 * sets hold (folded words: the question's own, the document's author's): a run of capitalized words, or one
 * of them, that ISO's list or WordNet's places know ("Australia", "the Federation of Malaya"):
 * what answers "which country …".
 */
export function namesAState(text: string, ...known: ReadonlySet<string>[]): boolean {
  for (const [run] of text.matchAll(CAPITALIZED_RUN)) {
    const words = run.split(/\s+/);
    // "Antigua and Barbuda" of a question about Antigua: no word of it is another State.
    if (words.some((w) => known.some((set) => set.has(w.toLowerCase())))) continue;
    if (isPlace(run) || words.some((w) => w.length > 2 && isPlace(w))) return true;
  }
  return false;
}

/** The prepositions that tell where a thing is or comes from, not whose it is ("of") or where it goes ("to"). */
const WHERE = new Set(['in', 'at', 'near', 'from']);

/**
 * Whether a passage names a place: a capitalized word that is no English word ("in Khojavand",
 * "at the Sorvek crossing"), or, after a preposition of where, a name WordNet knows only as one
 * ("produced in Armenia", "in the Republic of Armenia").
 */
export function namesAPlace(text: string): boolean {
  for (const [, preposition = '', name = '', of] of text.matchAll(PLACE)) {
    const words = [name, ...(of ? [of] : [])].map((w) => w.toLowerCase());
    if (!isEnglishWord(words[0] ?? '')) return true;
    if (WHERE.has(preposition) && words.some(isNameOnly)) return true;
  }
  return false;
}

/**
 * Words that report what someone said or holds ("Armenia … falsely announcing", "according to",
 * "in the opinion of the United Kingdom", "Ghana urged"); not "in view of", which gives a cause.
 * The acts of speech a press release or a meeting's summary reports them by ("the Minister …
 * rejected the report as …", "told the Council", "expressed concern", "called on"; user trial 32).
 * Not in the passive ("must be resolutely condemned"), whose subject is no speaker.
 * Words quoted ("the following words addressed by His Imperial Majesty Haile Selassie I", "in
 * the words of", "quoted"). Also words by which a speaker speaks as a body they belong to ("We in ASEAN invite …", "on
 * behalf of the Group of 77"): what follows is that body's word too.
 */
const REPORTED_SPEECH =
  /(?<!\b(?:be|been|being|is|are|was|were)\s+(?:\p{L}+ly\s+)?)\b(?:[Ss]ay|[Ss]ays|[Ss]aid|[Ss]tat(?:ed|ing|ements?)|states|[Aa]nnounc(?:ed|es|ing|ements?)|[Dd]eclar(?:ed|es|ing|ations?)|[Cc]laim(?:ed|s|ing)?|[Nn]oted|[Ss]tressed|[Rr]eported|[Dd]enie[ds]|[Dd]eny(?:ing)?|[Rr]ecall(?:s|ed)|[Rr]espond(?:ed|ing)|[Rr]epl(?:ied|ies|y)|[Aa]nswered|[Aa]ccording to|[Aa]ssur(?:ed|ances?)|[Oo]pinions?|(?<![Ii]n )[Vv]iews?|[Bb]eliev(?:es|ed)|[Uu]rg(?:ed|es)|[Pp]ropos(?:ed|es|als?)|[Ii]nsist(?:ed|s)|[Aa]rgu(?:ed|es)|[Ww]arn(?:ed|s)|[Ww]ords|[Qq]uot(?:ed|es|ing)|[Ww]e in|[Oo]n behalf of|[Ss]peaking for|[Tt]old|[Tt]ells?|[Rr]eject(?:ed|s|ing)|[Ee]xpress(?:ed|es|ing)|[Ww]elcom(?:ed|es|ing)|[Cc]ondemn(?:ed|s|ing)|[Ee]mphasi[sz](?:ed|es|ing)|[Uu]nderlin(?:ed|es|ing)|[Rr]eiterat(?:ed|es|ing)|[Ee]xplain(?:ed|s|ing)|[Cc]all(?:ed|s|ing) (?:for|on|upon))\b/gu;

/**
 * Who a passage's part is from, as its heading and the signatures say, each up to its first
 * "to": neither the addressee nor where a sender is accredited is its author. In a meeting's
 * record, who speaks the passage's turn.
 */
function senderOf({ letter, passage }: IndexedPassage): string {
  // A speaker's turn in a meeting's record is theirs alone, not the organ's that met.
  if (passage.speaker) return passage.speaker;
  // The body is its author's (a resolution's title names no one: "The General Assembly" adopts it).
  const title =
    passage.part === 'letter'
      ? `${letter.title} ${letter.author ?? ''}`
      : (annexOf(letter, passage)?.title ?? '');
  const signed = letter.signatories.map((s) => `${s.name} ${s.title ?? ''}`);
  return [title, ...signed].map((from) => from.split(/\bto\b/i)[0] ?? '').join(' ');
}

const senders = new WeakMap<Letter, Map<string, ReadonlySet<string>>>();
/** `senderOf`'s concepts, per letter and part, read once. */
function senderConcepts(entry: IndexedPassage): ReadonlySet<string> {
  let parts = senders.get(entry.letter);
  if (!parts) senders.set(entry.letter, (parts = new Map()));
  const key = `${entry.passage.part}${entry.passage.partIndex}${entry.passage.speaker ?? ''}`;
  let concepts = parts.get(key);
  if (!concepts)
    parts.set(key, (concepts = new Set(analyze(senderOf(entry)).map((t) => t.concept))));
  return concepts;
}

/** Whether a passage is from one of `speaker` (its part's sender or signer) or reports its words. */
export function speaks(entry: IndexedPassage, speaker: ReadonlySet<string>): boolean {
  for (const concept of senderConcepts(entry)) if (speaker.has(concept)) return true;
  return reportsSpeechOf(entry.passage.text, speaker);
}

const turnConcepts = new Map<string, ReadonlySet<string>>();
/** Whether a turn's speaker, as a record names them ("Ms. Dubois (France)"), is one of `speaker`. */
function turnBy(turn: string, speaker: ReadonlySet<string>): boolean {
  let concepts = turnConcepts.get(turn);
  if (!concepts) turnConcepts.set(turn, (concepts = new Set(analyze(turn).map((t) => t.concept))));
  for (const concept of concepts) if (speaker.has(concept)) return true;
  return false;
}

/**
 * Whether a passage of a meeting's record is not a turn of `speaker`, where `speaker` has turns
 * of their own in it: "what did Brazil want" asks Brazil's turns, not France's in the same record.
 */
export function notTheirTurn(entry: IndexedPassage, speaker: ReadonlySet<string>): boolean {
  const { speakers } = entry.letter;
  if (!speakers?.some((turn) => turnBy(turn, speaker))) return false;
  return entry.passage.speaker === undefined || !turnBy(entry.passage.speaker, speaker);
}

/**
 * Whether `text` reports what one of `concepts` said: a word of saying in a sentence that names
 * them. A noun of saying capitalized inside a sentence is a title ("the Trilateral Statement
 * signed by Armenia"), which reports no one's words.
 */
export function reportsSpeechOf(text: string, concepts: ReadonlySet<string>): boolean {
  // "this country" names no one: a name said before it may (`standsFor`).
  const at = readPassage(text)
    .terms.filter(
      (t) =>
        concepts.has(t.concept) &&
        !STANDS_FOR.test(text.slice(Math.max(0, t.start - 10), t.start + 12)),
    )
    .map((t) => t.start);
  if (at.length === 0) return false;
  for (const m of text.matchAll(REPORTED_SPEECH)) {
    if (TITLED_NOUN.test(m[0]) && !/(?:^|[.!?:;]["”’)]?)$/.test(text.slice(0, m.index).trimEnd()))
      continue;
    // Whose words they are stands close by, in the same clause: before a verb of saying ("Armenia
    // has repeatedly claimed"), or after a phrase that names its speaker next ("according to
    // Armenia", "the statement of Armenia"). "Armenia, contrary to its obligations, did not …",
    // in a sentence where another says or notes something, reports no words of Armenia's.
    const end = m.index + m[0].length;
    const speakerAfter = SPEAKER_AFTER.test(m[0]);
    if (
      at.some((start) =>
        start < m.index
          ? !CLAUSE_BREAK.test(text.slice(start, m.index)) &&
            (m.index - start <= SAID_WITHIN || standsFor(text.slice(start, m.index)))
          : speakerAfter &&
            !CLAUSE_BREAK.test(text.slice(end, start)) &&
            // "the statement was issued today by the Spokesperson for Secretary-General António Guterres"
            start - end <= (/\bby\b/.test(text.slice(end, start)) ? NAMED_BY_WITHIN : NAMED_WITHIN),
      )
    )
      return true;
  }
  return false;
}

/**
 * Whether the words between a speaker's name and a word of saying end with a phrase that stands
 * for them: "calls on Armenia to provide the maps …, this country has long denied".
 */
const standsFor = (between: string): boolean => STANDS_FOR.test(between.slice(-SAID_WITHIN));
/** "this country", "the same State": a speaker named again. */
const STANDS_FOR = /\b(?:this|that|the same) (?:country|State|Government|side|party|regime)\b/i;
/** How far before a word of saying its speaker may be named, in characters ("Armenia has repeatedly and falsely claimed"). */
const SAID_WITHIN = 60;
/** How far after "according to" or "the statement of" its speaker may be named. */
const NAMED_WITHIN = 50;
/** …or, after "by", how far: "the statement issued today by the Spokesperson for Secretary-General António Guterres". */
const NAMED_BY_WITHIN = 100;
/** What ends a clause between a speaker and their words: a sentence's end, a semicolon or a colon. */
const CLAUSE_BREAK = /[.;:!?](?:\s|$)/;
/** Words of saying whose speaker is named after them: "according to X", "the views of X", "on behalf of X". */
const SPEAKER_AFTER =
  /^(?:[Aa]ccording to|[Oo]n behalf of|[Ss]peaking for|[Ww]ords|[Qq]uot(?:ed|es|ing)|[Vv]iews?|[Oo]pinions?|[Pp]roposals?|[Ss]tatements?|[Dd]eclarations?|[Aa]nnouncements?|[Cc]laims?|[Aa]ssurances?|[Rr]eply|[Ww]e in)$/;

/** A noun of saying written as a title ("Statement", "Declarations"). */
const TITLED_NOUN = /^(?:Statements?|Declarations?|Announcements?|Claims?|Assurances?)$/;

/** Whether the passage is a signature block ("(Signed) …"). */
export { isSignature };
