/**
 * The time a question names: "in 2021", "by September 2023", "the feb 2021 letter",
 * "between November 2020 and February 2021". Months may be written short ("sept", "aug").
 */

/**
 * A span of dates a question refers to, and whether it asks "by then" or "at that time"; "after
 * September 2023" runs from then on (`to` is 9999-12-31).
 */
export interface DateHint {
  from: string;
  to: string;
  /** "by September 2023", "before 2022": anything up to `to` will do, the closer the better. */
  upTo: boolean;
  /** The words that named the time ("September 2023"). */
  words: string;
  /**
   * The time names a meeting ("the 62nd session", "at the 1986 general debate", "the 2021 GA"):
   * it dates the documents spoken there, not events they tell of.
   */
  meeting?: boolean;
  /** Other years the question names beside the first ("in 1974 vs 1996"): times it compares. */
  also?: { from: string; to: string }[];
}

/** Every time a date hint names: its own, and those it compares with (`DateHint.also`). */
export const timesOf = (date: DateHint): { from: string; to: string }[] => [
  date,
  ...(date.also ?? []),
];

/** Where `text` writes the time `date` was read from (its `words`, as written), if it does. */
export function writtenAt(
  text: string,
  date: DateHint | null,
): { start: number; end: number } | null {
  const start = date ? text.indexOf(date.words) : -1;
  return date && start >= 0 ? { start, end: start + date.words.length } : null;
}

/** Words after a year that make it a meeting's: "the 1986 general debate", "the 2021 GA". */
const MEETING_AFTER = /^\s+(?:general\s+debate|general\s+assembly|unga|ga|session)\b/i;
/** Words before a year that make it a meeting's: "UNGA 2019", "the General Assembly of 1995". */
const MEETING_BEFORE = /\b(?:general\s+debate|general\s+assembly|unga|ga)(?:\s+(?:of|in))?\s+$/i;

const MONTHS: readonly (readonly string[])[] = [
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sept', 'sep'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];
export const MONTH_NAME = MONTHS.flat().join('|');
/** A month and year, with the day when given ("24 August 2022", "August 24, 2022", "feb 2021"). */
export const MONTH_YEAR = new RegExp(
  `\\b(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?)?(${MONTH_NAME})\\.?\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?(\\d{4})\\b`,
  'gi',
);
/**
 * Two months before one year ("jan-jun 2026", "January to June 2026", "between september and
 * december 2025"): the first month is of that year too.
 */
const MONTH_RANGE = new RegExp(
  `\\b(${MONTH_NAME})\\.?(\\s*[-–]\\s*|\\s+(?:to|through|till|until|and)\\s+)(${MONTH_NAME})\\.?\\s+(\\d{4})\\b`,
  'gi',
);
/** A half or a quarter of a year, as reports name them ("H1 2026", "Q3 2025"). */
const PART_OF_YEAR = /\b([hq])([1-4])\s*(?:of\s+)?((?:19|20)\d{2})\b/i;
export const YEAR = /\b(19\d{2}|20\d{2})\b/;
/**
 * Years from one to another: "1979-83", "1979–1983", "from 1979 to 1983", "between 1990 and
 * 1995" (the last year's century that of the first when written with two digits).
 */
const YEAR_RANGE =
  /\b(19\d{2}|20\d{2})\s*[-–—]\s*(\d{2}|19\d{2}|20\d{2})\b(?!\s*(?:%|per\s*cent))|\b(?:from|between)\s+(19\d{2}|20\d{2})\s+(?:to|and|until|through|till)\s+(\d{2}|19\d{2}|20\d{2})\b/i;
/** Every year a text names. */
const YEARS = new RegExp(YEAR.source, 'g');
/**
 * A year written with two digits where nothing else could be meant: after an apostrophe ("'99")
 * or after "in" at the end of a clause ("in 99?"), not "in 99 cases".
 */
const SHORT_YEAR =
  /(?<!\b(?:\d+|one|a)\s+)\b(?:in|from|since)\s+['‘’]?(\d{2})(?![\w'‘’%,.]\w|\s*\p{L})|(?<!\w)['‘’](\d{2})(?!\w|['‘’]?s\b)/iu;
/** Decades as words: "the sixties" (their digit: 6). */
const DECADE_WORDS = [
  'twenties',
  'thirties',
  'forties',
  'fifties',
  'sixties',
  'seventies',
  'eighties',
  'nineties',
];
/**
 * A decade, maybe its early, middle or late years: "the 1970s", "the 70s", "the '80s", "the
 * sixties", "the late 90s", "the mid-eighties".
 */
const DECADE = new RegExp(
  String.raw`\b(?:(early|mid|late)[\s-]+)?(?:(?:(19|20)|['‘’])?(\d)0['‘’]?s|(${DECADE_WORDS.join('|')}))\b`,
  'i',
);
/** Words before a decade that make it an age: "in their sixties", "in his early 40s". */
const AGE_BEFORE = /\b(?:their|his|her|my|our|your)\s+$/i;
/** The years of a decade its early, middle and late parts take: "the late 90s" is 1997–1999. */
const DECADE_PART: Readonly<Record<string, readonly [number, number]>> = {
  early: [0, 3],
  mid: [4, 6],
  late: [7, 9],
};
/** Ordinal words by their value: "first" 1 … "nineteenth" 19, "twentieth" 20 … "ninetieth" 90. */
const ORDINALS: ReadonlyMap<string, number> = new Map([
  ...[
    'first',
    'second',
    'third',
    'fourth',
    'fifth',
    'sixth',
    'seventh',
    'eighth',
    'ninth',
    'tenth',
    'eleventh',
    'twelfth',
    'thirteenth',
    'fourteenth',
    'fifteenth',
    'sixteenth',
    'seventeenth',
    'eighteenth',
    'nineteenth',
  ].map((word, i) => [word, i + 1] as const),
  ...[
    'twentieth',
    'thirtieth',
    'fortieth',
    'fiftieth',
    'sixtieth',
    'seventieth',
    'eightieth',
    'ninetieth',
  ].map((word, i) => [word, (i + 2) * 10] as const),
]);
/** The tens before an ordinal's unit: "fifty" of "fifty-second". */
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
/**
 * What follows a session's number: the Assembly's session ("the 62nd session", "the 55th UNGA",
 * "the fiftieth anniversary session"), not another body's ("the 46th session of the Human Rights
 * Council").
 */
const SESSION_NOUN = String.raw`\s+(?:regular\s+|anniversary\s+)?(?:session(?!\s+of\s+(?!(?:the\s+)?(?:general\s+assembly|unga|ga)\b))|unga|ga|general\s+assembly)\b`;
/** A session of the General Assembly by its number in words: "the fifty-second session", "the thirtieth UNGA". */
const SPELLED_SESSION = new RegExp(
  String.raw`\b(?:(${TENS.join('|')})[\s-]+)?(${[...ORDINALS.keys()].join('|')})${SESSION_NOUN}`,
  'i',
);

/** After a session in words, words that make it the General Assembly's. */
const OF_ASSEMBLY = /^\s+of\s+(?:the\s+)?(?:general\s+assembly|unga|ga)\b/i;
/** Sessions below this in words are read only with the Assembly named ("the second session" is often another body's). */
const MIN_SPELLED_SESSION = 10;

/**
 * A session in words that is the General Assembly's, its number and words: the Assembly named
 * ("the first session of the General Assembly", "the thirtieth UNGA"), or "the" Nth session from
 * the tenth on ("at the fifty-second session"); not "my second session in Geneva".
 */
function spelledSession(text: string): { number: number; words: string } | null {
  const m = SPELLED_SESSION.exec(text);
  if (!m) return null;
  const tens = m[1] ? (TENS.indexOf(m[1].toLowerCase()) + 2) * 10 : 0;
  const number = tens + (ORDINALS.get((m[2] ?? '').toLowerCase()) ?? 0);
  const assembly = !/session$/i.test(m[0]) || OF_ASSEMBLY.test(text.slice(m.index + m[0].length));
  const the = /\bthe\s+$/i.test(text.slice(0, m.index));
  return assembly || (number >= MIN_SPELLED_SESSION && the) ? { number, words: m[0] } : null;
}

/**
 * A regular session of the General Assembly by its number: "the 62nd session", "session 62",
 * "UNGA 66", "UNGA79", "the 55th UNGA", "GA 41" (the abbreviations may already be spelled out);
 * not a session of another body ("the 46th session of the Human Rights Council"). The United
 * Nations' Nth anniversary falls in its Nth session: "the 50th anniversary session", "the UN's
 * 75th anniversary", "the 60th anniversary of the Organization".
 */
const SESSION = new RegExp(
  [
    String.raw`\b(\d{1,2})(?:st|nd|rd|th)${SESSION_NOUN}`,
    '\\b(?:session|unga|ga|general\\s+assembly)\\s*(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:%|per))',
    "\\b(?:un|united\\s+nations|organization)(?:['‘’]s)?\\s+(\\d{1,2})(?:st|nd|rd|th)\\s+anniversary\\b",
    '\\b(\\d{1,2})(?:st|nd|rd|th)\\s+anniversary\\s+of\\s+the\\s+(?:un|united\\s+nations|organization)\\b',
  ].join('|'),
  'i',
);
/**
 * The year the first regular session of the General Assembly met (1946); the Nth meets from
 * September of the year 1945 + N, where its general debate is held.
 */
const FIRST_SESSION_YEAR = 1946;
/** A two-digit year up to this one is of this century ("in 09"), a later one of the last ("'99"). */
const CENTURY_TURN = new Date().getUTCFullYear() % 100;
const UP_TO = new RegExp(
  `\\b(?:by|before|until|up to|as of)\\s+(?:the end of\\s+)?(?:\\d{1,2}\\s+)?(?:(?:${MONTH_NAME})\\.?\\s+)?(?:19|20)\\d{2}\\b`,
  'i',
);

/** "after September 2023", "since 2021": from then on, with no end. */
const FROM_ON = new RegExp(
  `\\b(?:after|since|following)\\s+(?:the\\s+)?(?:\\d{1,2}\\s+)?(?:(?:${MONTH_NAME})\\.?\\s+)?(?:19|20)\\d{2}\\b`,
  'i',
);
/** The end of a span with no end. */
const OPEN_END = '9999-12-31';

/** A month by its name or short name ("sept"), 0-based; -1 when it is none. */
export function monthOf(name: string): number {
  const folded = name.toLowerCase();
  return MONTHS.findIndex((names) => names.includes(folded));
}

function endOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month + 1, 0)).toISOString().slice(0, 10);
}

/**
 * Reads the time a question refers to: a month and year (months may be abbreviated: "feb
 * 2021"), or a year. Two months ("between November 2020 and February 2021") make a span from the
 * first to the end of the last.
 */
export function parseDateHint(text: string): DateHint | null {
  const upTo = UP_TO.test(text);
  const fromOn = !upTo && FROM_ON.test(text);
  const part = PART_OF_YEAR.exec(text);
  if (part && !(part[1]?.toLowerCase() === 'h' && Number(part[2]) > 2)) {
    const months = part[1]?.toLowerCase() === 'h' ? 6 : 3;
    const first = (Number(part[2]) - 1) * months;
    const year = Number(part[3]);
    return {
      from: `${year}-${String(first + 1).padStart(2, '0')}-01`,
      to: fromOn ? OPEN_END : endOfMonth(year, first + months - 1),
      upTo,
      words: part[0],
    };
  }
  // "jan-jun 2026": from January 2026 to the end of June 2026, as written; "nov-feb 2026" from
  // November of the year before.
  const ranges = [...text.matchAll(MONTH_RANGE)].map((m) => {
    const year = Number(m[4]);
    const first = monthOf(m[1] ?? '');
    const last = monthOf(m[3] ?? '');
    const from = first > last ? year - 1 : year;
    return {
      from: `${from}-${String(first + 1).padStart(2, '0')}-01`,
      to: endOfMonth(year, last),
      words: m[0],
    };
  });
  const rest = text.replace(MONTH_RANGE, (m) => ' '.repeat(m.length));
  const months = [
    ...ranges,
    ...[...rest.matchAll(MONTH_YEAR)].map((m) => {
      const year = Number(m[2]);
      const month = monthOf(m[1] ?? '');
      return {
        from: `${year}-${String(month + 1).padStart(2, '0')}-01`,
        to: endOfMonth(year, month),
        words: m[0],
      };
    }),
  ];
  if (months.length > 0) {
    const sorted = [...months].sort((a, b) => a.from.localeCompare(b.from));
    return {
      from: sorted[0]?.from ?? '',
      to: fromOn ? OPEN_END : (sorted.at(-1)?.to ?? ''),
      upTo,
      words: months.map((m) => m.words).join(' '),
    };
  }
  // "1979-83", "from 1979 to 1983", "between 1990 and 1995": the years between, both included.
  const span = YEAR_RANGE.exec(text);
  const first = Number(span?.[1] ?? span?.[3]);
  const written = span?.[2] ?? span?.[4] ?? '';
  const last =
    written.length === 2 ? Math.floor(first / 100) * 100 + Number(written) : Number(written);
  if (span && last > first) {
    return {
      from: `${first}-01-01`,
      to: fromOn ? OPEN_END : `${last}-12-31`,
      upTo,
      words: span[0],
    };
  }
  const y = YEAR.exec(text);
  if (y?.[1]) {
    // The meeting's words name it as the year does ("the 1976 GA", "UNGA 2019"): naming words.
    const after = MEETING_AFTER.exec(text.slice(y.index + y[1].length))?.[0] ?? '';
    const before = MEETING_BEFORE.exec(text.slice(0, y.index))?.[0] ?? '';
    const meeting = after !== '' || before !== '';
    const to = fromOn ? OPEN_END : `${y[1]}-12-31`;
    const words = `${before}${y[1]}${after}`;
    const others = upTo || fromOn ? [] : [...text.matchAll(YEARS)].map((m) => m[1] ?? y[1]);
    const also = [...new Set(others)]
      .filter((year) => year !== y[1])
      .map((year) => ({ from: `${year}-01-01`, to: `${year}-12-31` }));
    return {
      from: `${y[1]}-01-01`,
      to,
      upTo,
      words,
      ...(meeting ? { meeting } : {}),
      ...(also.length > 0 ? { also } : {}),
    };
  }
  const session = SESSION.exec(text);
  const spelled = session ? null : spelledSession(text);
  const number =
    spelled?.number ?? Number(session?.[1] ?? session?.[2] ?? session?.[3] ?? session?.[4] ?? 0);
  const sessionWords = session?.[0] ?? spelled?.words;
  if (sessionWords && number >= 1) {
    const year = FIRST_SESSION_YEAR - 1 + number;
    return { from: `${year}-09-01`, to: `${year}-12-31`, upTo, words: sessionWords, meeting: true };
  }
  const decade = DECADE.exec(text);
  // "in their sixties", "a man in his 40s": an age, no time.
  if (decade && !AGE_BEFORE.test(text.slice(0, decade.index))) {
    const [, part, written, figure, word] = decade;
    const digit = figure ? Number(figure) : DECADE_WORDS.indexOf((word ?? '').toLowerCase()) + 2;
    const century = written ?? (digit * 10 <= CENTURY_TURN ? '20' : '19');
    const [first, last] = DECADE_PART[(part ?? '').toLowerCase()] ?? [0, 9];
    return {
      from: `${century}${digit}${first}-01-01`,
      to: `${century}${digit}${last}-12-31`,
      upTo: false,
      words: decade[0],
    };
  }
  const short = SHORT_YEAR.exec(text);
  const digits = short?.[1] ?? short?.[2];
  if (short && digits) {
    const year = `${Number(digits) <= CENTURY_TURN ? '20' : '19'}${digits}`;
    return {
      from: `${year}-01-01`,
      to: fromOn ? OPEN_END : `${year}-12-31`,
      upTo,
      words: short[0],
    };
  }
  return null;
}
