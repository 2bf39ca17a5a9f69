/**
 * Page furniture: the lines a printed UN document repeats on its pages around the text. A footer
 * gives the page number and the job number ("2/3 22-13249", "15-29562 19/54", "05-51226 3", the
 * first page's "22-13249 (E) 260822"); a header gives the symbol, often with the meeting's date
 * ("30/09/2015 A/70/PV.19", "A/63/PV.13"). None of it is a word of the document: it marks where a
 * page ends, and a footer says which page.
 *
 * Documents of before about 2000 print "- 2 -" atop a page, a header "S/1996/187" / "English" /
 * "Page 2" and the first page's footer "96-06841 (E) 150396 /..."; OCR text of records, a running
 * header with the page number on the line ("14 General Assembly - Forty-eighth session").
 *
 * A line is furniture when every word of it is such a mark (a job number, a page number "N/M" or
 * a bare one, a date written in figures, a UN symbol) and it either has a footer's shape (a page
 * number with a job number, or "N/M" alone, which prose never puts on a line of its own), or
 * repeats a mark of an earlier such line (the next page's header: the same symbol, job number,
 * date or page count), or stands next to a footer or a form feed, or a bare page number stands
 * next to it ("611" above "A/36/PV.30"). So the masthead's symbol (a first occurrence), or a
 * symbol or a date a sentence happened to wrap onto a line of its own, stays in the text. PDF
 * extraction sometimes glues a footer to the start of the next page's first line
 * ("16-29667 3/58 very worrying."): that footer is taken off and the words kept. A verbatim
 * record's header in words ("General Assembly 14th meeting") is one by repeating beside page
 * numbers (`runningHeaders`).
 */
import { SYMBOL_PATTERN } from './masthead.ts';

/** What one furniture line says. */
export interface Furniture {
  /** The page the line numbers (a footer: this page ends here); null for a header. */
  page: number | null;
  /** The page count, when printed ("20/54"). */
  of: number | null;
  /** The UN job number printed on it ("15-29562"). */
  jobNumber: string | null;
  /** Characters of the line the furniture takes: less than the line when text is glued after it. */
  length: number;
}

/** One line as `findFurniture` reads it: its text trimmed, and whether a form feed comes before it. */
export interface FurnitureEntry {
  text: string;
  formFeedBefore: boolean;
}

/** A UN job number: `23-18063`, or of a document processed in Geneva or Vienna, `GE.26-00912`, `V.23-12345`. */
const JOB = String.raw`(?:GE\.|V\.)?\d{2}-\d{5}`;
const JOB_TOKEN = new RegExp(`^${JOB}$`);
const PAGE_OF_TOKEN = /^(\d{1,3})\/(\d{1,3})$/;
const PAGE_TOKEN = /^\d{1,4}$/;
/** A date in figures, as headers print it: `30/09/2015`, `2015-09-30`. */
const DATE_TOKEN = /^(?:\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})$/;
/** The first page's barcode number, as the PDF's text gives it: `*2213249*`, beside or under its footer. */
const BARCODE_TOKEN = /^\*\d{7}\*$/;
/** The line a UN document's first page prints beside its barcode: "Please recycle", its symbol "♲". */
const RECYCLE = /^(?:Please recycle\s*♲?|♲)$/i;
const SYMBOL_TOKEN = new RegExp(`^${SYMBOL_PATTERN.source.replace(/^\\b/, '')}$`);
/**
 * The first page's footer: the job number, "(E)" for English, the date it was processed, a barcode
 * number; in documents of before about 2000, "/..." at the right margin: the text goes on overleaf.
 */
const FIRST_PAGE_FOOTER = new RegExp(String.raw`^(${JOB})\s*\(E\)(?:\s+\d{6})?(?:\s+\*\d+\*)?(?:\s+\/(?:\.{3}|…))?$`);
/**
 * The words of an older page header, beside the symbol: the language of the text ("English") and
 * "Page 2", which opens page 2 (so page 1 ends there).
 */
const LANGUAGE_TOKEN = /^(?:English|French|Spanish|Russian|Arabic|Chinese)$/;
const PAGE_WORD = 'Page';
/** The mark of before about 2000 at a page's foot that the text goes on overleaf, alone on its line: "/...". */
const OVERLEAF = /^\/(?:\.{3}|…)$/;
/** A page number between dashes, as older documents print it atop pages after the first: "- 2 -". */
const DASHED_PAGE = /^[-–]\s?(\d{1,4})\s?[-–]$/;
/** A footer glued to the text after it: the job number and "N/M", in either order. */
const GLUED_FOOTER = new RegExp(String.raw`^(?:(${JOB})\s+(\d{1,3})\/(\d{1,3})|(\d{1,3})\/(\d{1,3})\s+(${JOB}))\s+(?=\S)`);

interface Reading {
  page: number | null;
  of: number | null;
  jobNumber: string | null;
  /** Whether the line has a footer's shape and is furniture on its own. */
  footer: boolean;
  /** The values another furniture line of the same document would repeat. */
  keys: string[];
}

/** A page "N/M" is one of M pages. */
function pageOf(n: string, m: string): { page: number; of: number } | null {
  const page = Number(n);
  const of = Number(m);
  return page >= 1 && page <= of ? { page, of } : null;
}

/** Reads a line made only of furniture marks; null for any other line. */
function read(text: string): Reading | null {
  if (RECYCLE.test(text) || OVERLEAF.test(text))
    return { page: null, of: null, jobNumber: null, footer: true, keys: [] };
  const dashed = DASHED_PAGE.exec(text);
  if (dashed) return { page: Number(dashed[1]) - 1 || null, of: null, jobNumber: null, footer: true, keys: [] };
  const first = FIRST_PAGE_FOOTER.exec(text);
  if (first) return { page: 1, of: null, jobNumber: first[1] ?? null, footer: true, keys: [`job ${first[1]}`] };
  let page: number | null = null;
  let of: number | null = null;
  let pages = 0;
  let jobNumber: string | null = null;
  const keys: string[] = [];
  let marks = 0;
  let barcode = false;
  let bare: number | null = null;
  let headed = false;
  let pageHeader = false;
  const tokens = text.split(/\s+/);
  for (const [t, token] of tokens.entries()) {
    const numbered = PAGE_OF_TOKEN.exec(token);
    if (token === PAGE_WORD && PAGE_TOKEN.test(tokens[t + 1] ?? '')) {
      headed = true;
      continue;
    }
    if (headed) {
      page = Number(token) - 1 || null;
      pages += 1;
      headed = false;
      pageHeader = true;
    } else if (JOB_TOKEN.test(token)) {
      jobNumber ??= token;
      keys.push(`job ${token}`);
    } else if (numbered) {
      const read = pageOf(numbered[1] ?? '', numbered[2] ?? '');
      if (!read) return null;
      ({ page, of } = read);
      pages += 1;
      keys.push(`of ${of}`);
    } else if (PAGE_TOKEN.test(token)) {
      bare = Number(token);
      pages += 1;
      continue;
    } else if (DATE_TOKEN.test(token) || SYMBOL_TOKEN.test(token)) {
      keys.push(token);
    } else if (BARCODE_TOKEN.test(token)) {
      barcode = true;
    } else if (LANGUAGE_TOKEN.test(token)) {
      continue;
    } else {
      return null;
    }
    marks += 1;
  }
  if (pages > 1) return null;
  // A page number alone: furniture only beside other furniture, and which page it numbers (the one
  // ending or the one starting) is not told.
  if (marks === 0) return { page: null, of: null, jobNumber: null, footer: false, keys: [] };
  // A page number beside a job number ("05-51226 3") is a footer's; beside a symbol, it may be a header's.
  if (jobNumber !== null) page ??= bare;
  // A page count alone ("3/3") or a page number beside a job number is a footer; so is a barcode
  // line, which prose never has.
  const footer = barcode || pageHeader || (page !== null && (jobNumber !== null || (of !== null && marks === 1)));
  return { page, of, jobNumber, footer, keys };
}

/** How a symbol opens: a series in capitals and a slash ("A/", "CERD/"), to pass over other lines at once. */
const SERIES_OPENING = /^[A-Z]{1,6}\//;
/** A header of a symbol and words: "A/RES/80/147 Emergency assistance for …". */
const TITLED_HEADER = /^(\S+)\s+(\p{L}.*)$/u;
/** Such a header is no longer than this… */
const MAX_TITLED_HEADER_LENGTH = 120;
/** …and the document printed its first so many words before it (in its title). */
const TITLE_WORDS_SEEN = 4;
/** A running header is no longer than this… */
const MAX_HEADER_LENGTH = 80;
/** …and stands beside a page number, on this many pages at least. */
const MIN_HEADER_PAGES = 3;

/**
 * The lines that are a running header in words, as a verbatim record prints it above each page's
 * text ("General Assembly 14th meeting", "Forty-ninth session 3 October 1994"): short lines the
 * document repeats word for word, `MIN_HEADER_PAGES` times at least, that stand right beside a bare
 * page number, alone or with other such lines between. A salutation a speech repeats ("Mr.
 * President,") or a refrain stands beside no page number.
 */
function runningHeaders(entries: readonly FurnitureEntry[]): number[] {
  const lines = entries.map((e, i) => ({ text: e.text, i })).filter((e) => e.text !== '');
  const isPageNumber = (t: string) => PAGE_TOKEN.test(t);
  const times = new Map<string, number>();
  for (const { text } of lines) times.set(text, (times.get(text) ?? 0) + 1);
  const repeated = (t: string) =>
    t.length <= MAX_HEADER_LENGTH && !isPageNumber(t) && (times.get(t) ?? 0) >= MIN_HEADER_PAGES;
  // Runs of repeated lines, each with whether a page number stands right before or after it.
  const beside = new Map<string, number>();
  const runs: number[][] = [];
  for (let k = 0; k < lines.length; ) {
    if (!repeated(lines[k]?.text ?? '')) {
      k += 1;
      continue;
    }
    const run: number[] = [];
    const first = k;
    while (k < lines.length && repeated(lines[k]?.text ?? '')) run.push(k++);
    if (isPageNumber(lines[first - 1]?.text ?? '') || isPageNumber(lines[k]?.text ?? '')) {
      runs.push(run);
      for (const j of run) beside.set(lines[j]?.text ?? '', (beside.get(lines[j]?.text ?? '') ?? 0) + 1);
    }
  }
  return runs
    .flat()
    .filter((j) => (beside.get(lines[j]?.text ?? '') ?? 0) >= MIN_HEADER_PAGES)
    .map((j) => lines[j]?.i ?? -1);
}

/** A line with its page number at one end: "14 General Assembly - Forty-eighth session", "… 6 October 1993 13". */
const NUMBERED_HEADER = /^(?:(\d{1,4})\s+(\S.*?)|(\S.*?)\s+(\d{1,4}))$/;
/** At least this many such lines number pages one after another. */
const MIN_NUMBERED_HEADERS = 3;

/**
 * The lines that are a running header with the page number on the line itself, as OCR text of a
 * record prints them, the number left on even pages and right on odd ones ("14 General Assembly -
 * Forty-eighth session" / "Forty-eighth session - 6 October 1993 15"): short lines whose words
 * come back word for word on another page, and whose numbers, in the order of the text, run on
 * one by one (13, 14, 15, 16), on both sides of the line. Prose that ends on a figure comes back
 * neither so nor in sequence, and a document's own numbered headings ("Article 1", "Article 2")
 * keep their number on one side.
 */
function numberedHeaders(entries: readonly FurnitureEntry[]): number[] {
  const lines = entries.flatMap((e, i) => {
    const m = e.text.length <= MAX_HEADER_LENGTH ? NUMBERED_HEADER.exec(e.text) : null;
    const words = m?.[2] ?? m?.[3];
    return m && words && /\p{L}/u.test(words) ? [{ i, words, page: Number(m[1] ?? m[4]), left: m[1] !== undefined }] : [];
  });
  const times = new Map<string, number>();
  for (const { words } of lines) times.set(words, (times.get(words) ?? 0) + 1);
  const repeated = lines.filter((l) => (times.get(l.words) ?? 0) >= 2);
  const numbered = repeated.length >= MIN_NUMBERED_HEADERS && repeated.every((l, k) => k === 0 || l.page === (repeated[k - 1]?.page ?? 0) + 1);
  // Facing pages: the number stands on both sides. A treaty's "Article 1", "Article 2", … runs on
  // one by one too, its number always after its word, and is text (fresh held-out agreement).
  const facing = repeated.some((l) => l.left) && repeated.some((l) => !l.left);
  return numbered && facing ? repeated.map((l) => l.i) : [];
}

/**
 * For each entry of a document's lines, what furniture it is, or null for text (and for blank
 * lines). See the module comment for what counts.
 */
export function findFurniture(entries: readonly FurnitureEntry[]): (Furniture | null)[] {
  const readings = entries.map((e) => (e.text === '' ? null : read(e.text)));
  // Whether a line repeats a mark of an earlier one: a page's header or footer, printed again on
  // the next page. The first occurrence may be the masthead, and stays unless it stands at a break.
  const seen = new Set<string>();
  const repeats = readings.map((r) => {
    const again = (r?.keys ?? []).some((k) => seen.has(k));
    for (const k of r?.keys ?? []) seen.add(k);
    return again;
  });
  const found: (Furniture | null)[] = readings.map((r, i) => {
    const text = entries[i]?.text ?? '';
    if (r && (r.footer || repeats[i])) {
      return { page: r.page, of: r.of, jobNumber: r.jobNumber, length: text.length };
    }
    const glued = r ? null : GLUED_FOOTER.exec(text);
    const numbered = glued ? pageOf(glued[2] ?? glued[4] ?? '', glued[3] ?? glued[5] ?? '') : null;
    if (glued && numbered) return { ...numbered, jobNumber: glued[1] ?? glued[6] ?? null, length: glued[0].length };
    return null;
  });
  for (const i of [...runningHeaders(entries), ...numberedHeaders(entries)]) {
    found[i] ??= { page: null, of: null, jobNumber: null, length: entries[i]?.text.length ?? 0 };
  }
  // A header that occurs once stands next to the footer or form feed of the same page break, or
  // next to the page's other marks ("611" above "A/36/PV.30").
  const whole = (j: number): boolean => found[j]?.length === entries[j]?.text.length;
  const bare = (j: number): boolean => readings[j]?.keys.length === 0;
  const marked = (j: number): boolean => (readings[j]?.keys.length ?? 0) > 0;
  /** Whether the nearest line on one side (`step`) of line `i` marks the same page break. */
  const nextTo = (i: number, step: 1 | -1): boolean => {
    for (let j = i + step; j >= 0 && j < entries.length; j += step) {
      if (entries[step === 1 ? j : j + 1]?.formFeedBefore) return true;
      if (entries[j]?.text !== '') return whole(j) || (bare(i) && marked(j)) || (marked(i) && bare(j));
    }
    return false;
  };
  const besideBreak = (i: number): boolean => nextTo(i, -1) || nextTo(i, 1);
  // A header of the symbol and the document's short title, atop a page after the first ("A/RES/80/147
  // Emergency assistance for the recovery …", as a resolution or a report prints it): the symbol and
  // the title's first words printed before, on a line right after a page's footer or form feed.
  entries.forEach((e, i) => {
    if (found[i] || e.text.length > MAX_TITLED_HEADER_LENGTH || !SERIES_OPENING.test(e.text)) return;
    const m = TITLED_HEADER.exec(e.text);
    if (!m || !SYMBOL_TOKEN.test(m[1] ?? '') || !nextTo(i, -1)) return;
    const opening = (m[2] ?? '').split(/\s+/).slice(0, TITLE_WORDS_SEEN).join(' ');
    const before = entries.slice(0, i).map((x) => x.text).join(' ');
    if (before.includes(m[1] ?? '') && before.replace(/\s+/g, ' ').includes(opening))
      found[i] = { page: null, of: null, jobNumber: null, length: e.text.length };
  });
  readings.forEach((r, i) => {
    if (r && !found[i] && besideBreak(i)) {
      found[i] = { page: r.page, of: r.of, jobNumber: r.jobNumber, length: entries[i]?.text.length ?? 0 };
    }
  });
  return found;
}
