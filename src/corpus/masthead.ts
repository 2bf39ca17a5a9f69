import { parseWrittenDate } from './dates.ts';

/** What a UN masthead (the lines above the letter's heading) says about the document. */
export interface Masthead {
  /** Symbol as printed, e.g. `A/78/368-S/2023/686`. */
  symbol: string | null;
  /** Distribution date, `YYYY-MM-DD`. */
  distributed: string | null;
  /** Organs with their session or year, in masthead order. */
  bodies: string[];
  /** Agenda items as printed, sub-item included: `"18 (a)"`. */
  agendaItems: string[];
}

/**
 * The series a UN document symbol opens with: the principal organs', the Secretariat's and the
 * press releases' (`A`, `S`, `E`, `ST`, `SC`, `SG`, …), the treaty bodies' and those of the funds,
 * programmes and conferences with series of their own. A mission's own reference number
 * ("OS/UN/2025/118") opens with none of them (user trial 29).
 */
const SERIES = [
  'A|S|E|T|ST|SG|SC|GA|DSG|ECOSOC|HR|PI|DPI|OBV|L|AT|JIU',
  'CCPR|CERD|CEDAW|CAT|CRC|CMW|CRPD|CED|TD|UNEP|DP|ICEF|FCCC|ICCD|ISBA|SPLOS|UNW|IDB|EC|WFP',
].join('|');
/**
 * A UN document symbol: a series (`SERIES`) and at least two slash-separated parts (`A/78/368`),
 * the last one a range of reports for a treaty body's observations (`CERD/C/CVD/CO/19-21`: a
 * hyphen and figures, no symbol after it, as `A/78/368-S/2023/686` joins two),
 * or a meeting's verbatim record (`S/PV.9999`), or one part of three to six figures: the symbols
 * of before 1976 (`A/4879`, `S/3675`) and of press releases (`SC/16214`, `GA/12500`).
 */
const SYMBOL = String.raw`(?:(?:${SERIES})\/[A-Z0-9.]+(?:\/[A-Z0-9.]+)+(?:-\d{1,3}(?![\/\w.-]))?|(?:${SERIES})\/PV\.\d+|(?:${SERIES})\/\d{3,6}(?![\/\w]))`;
/**
 * The series of UN press releases (the Security Council's, the General Assembly's, the
 * Secretary-General's, ECOSOC's meetings coverage and statements): no organ's documents have
 * these prefixes (theirs are `S/`, `A/`, `E/`), and undocs.org does not serve them.
 */
const PRESS_RELEASE = /^(?:SC|GA|SG|DSG|ECOSOC)\//;

/** Whether a symbol is a press release's (`SC/16214`, `SG/SM/21000`), which undocs.org does not serve. */
export function isPressRelease(symbol: string): boolean {
  return PRESS_RELEASE.test(symbol);
}
/** The dashes a joint symbol is printed with: a hyphen, or the en dash UN documents use. */
const SYMBOL_JOIN = '[-‐‑–—]';
/** One symbol or several joined by dashes (a document of two organs: `A/80/999–S/2025/999`). */
export const SYMBOL_PATTERN = new RegExp(String.raw`\b${SYMBOL}(?:${SYMBOL_JOIN}${SYMBOL})*`);

/** A symbol as Annex writes it: parts joined by a plain hyphen, as links and the CLI expect. */
export function normalizeSymbol(symbol: string): string {
  return symbol.replace(SYMBOL_DASH, '-');
}
/** A dash between two parts of a joint symbol. */
const SYMBOL_DASH = new RegExp(`${SYMBOL_JOIN}(?=[A-Z]{1,6}/)`, 'g');
const ORGANS =
  'General Assembly|Security Council|Human Rights Council|Economic and Social Council|Trusteeship Council';
/** The line a resolution's preamble opens with: "The General Assembly,", "The Security Council,". */
export const RESOLVING_ORGAN = new RegExp(`^The (?:${ORGANS}),$`);
/** An organ's session or year: "Eightieth session", "Eighty-first year", "tenth emergency special session". */
const SESSION = String.raw`(?:[A-Z][a-z]+-)?[A-Za-z]+\s+(?:special\s+|emergency\s+special\s+)?(?:session|year)`;
const BODY = new RegExp(String.raw`\b(${ORGANS})\b(?:\s+(${SESSION}))?`, 'g');
/**
 * A masthead in two columns, as PDF text gives it a line at a time: "General Assembly  Security
 * Council" over "Eightieth session  Eighty-first year", each session under its organ.
 */
const TWO_COLUMNS = new RegExp(String.raw`\b(${ORGANS})\s+(${ORGANS})\s+(${SESSION})\s+(${SESSION})`, 'g');
/** A line that holds nothing but an organ and its session or year, wherever extraction put it. */
export const BODY_LINE = new RegExp(
  String.raw`^(?:${ORGANS})\s+(?:[A-Z][a-z]+-)?[A-Za-z]+\s+(?:session|year)$`,
);
/** A list separator: a comma, "and", or both. */
const AND = String.raw`\s*(?:,\s*and|,|and)\s*`;
/** One agenda item with its sub-items: `18`, `18 (a)`, `69 (a) and (b)`. */
const AGENDA_ITEM = String.raw`\d+(?:\s*\([a-z]\)(?:${AND}\([a-z]\))*)?`;
const AGENDA = new RegExp(String.raw`\bagenda items?\s+(${AGENDA_ITEM}(?:${AND}${AGENDA_ITEM})*)`, 'i');
/**
 * The distribution date: "Distr.: General 2 October 2023"; in documents of before about 2000,
 * "Distr. GENERAL S/1996/187 14 March 1996", the symbols between, and in two columns read line by
 * line the other column's organ before "GENERAL" ("Distr. Security Council GENERAL A/51/288
 * S/1996/671 21 August 1996"; user trial 33).
 */
const DISTRIBUTED = new RegExp(
  String.raw`\bDistr\.:?\s*(?:(?:${ORGANS})\s+(?=GENERAL|LIMITED|RESTRICTED))?[A-Za-z]+\s+(?:${SYMBOL}(?:${SYMBOL_JOIN}${SYMBOL})*\s+)*(.{0,40})`,
);
/** Symbols printed one under the other in a masthead ("A/51/288" / "S/1996/671"): one joint symbol. */
const STACKED_SYMBOLS = new RegExp(String.raw`^${SYMBOL}(?:\s+${SYMBOL})+`);

/**
 * The ways a symbol is written: a resolution's with its year or without ("S/RES/2841 (2026)",
 * "S/RES/2841(2026)", "S/RES/2841"), any other as it is. Lower case, as symbols are looked up.
 */
export function symbolForms(symbol: string): string[] {
  const lower = symbol.toLowerCase();
  const bare = lower.replace(/\s*\(\d{4}\)$/, '');
  return bare === lower ? [lower] : [lower, bare, `${bare}(${lower.slice(-5, -1)})`];
}

/** Splits `A/78/368-S/2023/686` into `["A/78/368", "S/2023/686"]`. */
export function splitSymbol(symbol: string): string[] {
  return symbol.split(/-(?=[A-Z]{1,6}\/)/);
}

/** Organs named in `text`, each with its session or year when one follows it. */
export function parseBodies(text: string): string[] {
  const bodies: string[] = [];
  const rest = text.replace(TWO_COLUMNS, (_, a: string, b: string, first: string, second: string) => {
    bodies.push(`${a}, ${first}`, `${b}, ${second}`);
    return ' ';
  });
  for (const m of rest.matchAll(BODY)) {
    const body = m[2] ? `${m[1]}, ${m[2]}` : (m[1] ?? '');
    const plain = bodies.indexOf(m[1] ?? '');
    if (plain >= 0 && m[2]) bodies[plain] = body;
    else if (!bodies.some((b) => b === body || b.startsWith(`${body},`))) bodies.push(body);
  }
  return bodies;
}

/**
 * Agenda items from the first "agenda item(s) …" list in `text`, as the UN writes them: a number,
 * and a sub-item where one is given (`18 (a)`; "69 (a) and (b)" is `69 (a)` and `69 (b)`).
 */
export function parseAgendaItems(text: string): string[] {
  const m = AGENDA.exec(text);
  if (!m?.[1]) return [];
  const items: string[] = [];
  for (const item of m[1].matchAll(new RegExp(AGENDA_ITEM, 'g'))) {
    const number = /^\d+/.exec(item[0])?.[0] ?? '';
    const subItems = [...item[0].matchAll(/\(([a-z])\)/g)].map((s) => `${number} (${s[1]})`);
    items.push(...(subItems.length > 0 ? subItems : [number]));
  }
  return [...new Set(items)];
}

/** Reads the masthead, given its text on one line (blocks joined by spaces). */
export function parseMasthead(text: string): Masthead {
  const first = SYMBOL_PATTERN.exec(text);
  // A General Assembly and Security Council document of before about 2000 prints its two symbols
  // one under the other: together they are its joint symbol ("A/51/288-S/1996/671").
  const stacked = first ? STACKED_SYMBOLS.exec(text.slice(first.index))?.[0] : undefined;
  const found = stacked ? stacked.split(/\s+/).join('-') : first?.[0];
  const symbol = found ? normalizeSymbol(found) : null;
  const distr = DISTRIBUTED.exec(text);
  return {
    symbol,
    distributed: distr?.[1] ? parseWrittenDate(distr[1]) : null,
    bodies: parseBodies(text),
    agendaItems: parseAgendaItems(text),
  };
}

/**
 * Masthead lines of a UN document: its organs, symbol, distribution, language, session, meeting,
 * agenda item, and that it is an advance unedited version. "United Nations" and an organ stand alone or beside the symbol or distribution:
 * "United Nations Mine Action and Stabilization Mission in the Orvani Highlands" and "Security
 * Council Hears Briefing on …" are titles.
 */
const MASTHEAD_LINE = new RegExp(
  String.raw`^(?:United Nations(?:$|\s+[A-Z]{1,6}\/)|[\d,]+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b|Distr\.|Original:|(?:${ORGANS})(?=$|\s+(?:Distr\.|[A-Z]{1,6}\/|Official Records\b))|(?:Provisional )?agenda items?\b|Items? \d+\b|[A-Z][a-z]+(?:-[a-z]+)? (?:session|year)$|\*|Check against delivery|Please check against delivery|Advance unedited version$)`,
  'i',
);
/**
 * The line under a resolution's masthead that says who adopted it, and when: "Resolution adopted by
 * the General Assembly on 17 December 2024", "Adopted by the Security Council at its 9518th
 * meeting, on 21 December 2023".
 */
export const ADOPTED = /^(?:Resolution\b.{0,40}\ba|A)dopted by the\s.+\b(?:on|of)\s+\d{1,2}\s+\p{Lu}\p{Ll}+\s+\d{4}\.?$/u;
/** An editor's note in square brackets on a line of its own: "[without reference to a Main Committee (A/81/L.41)]". */
export const EDITORIAL_NOTE = /^\[[^\]]*\]$/;
/** A date range of a session ("21 June–9 July 2021"). */
const DATE_RANGE = /^\d{1,2}(?:\s+[A-Z][a-z]+)?\s*[–-]\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$/;

/** A line of nothing but symbols: "A/78/368", "A/78/368 S/2023/703". */
export const SYMBOLS_ONLY = new RegExp(`^(?:${SYMBOL_PATTERN.source}\\s*)+$`);

/** Whether a line is one of a UN masthead's: an organ, a symbol, a session, an agenda item, a distribution. */
export function isMastheadLine(text: string): boolean {
  return (
    MASTHEAD_LINE.test(text) ||
    BODY_LINE.test(text) ||
    SYMBOLS_ONLY.test(text) ||
    DATE_RANGE.test(text) ||
    /^[A-Z]{1,6}\/\S+/.test(text)
  );
}
