/**
 * YAML front matter: the metadata an operator writes at the top of a document file, between two
 * `---` lines, read with the `yaml` package (YAML 1.2).
 *
 * ```
 * ---
 * title: "Statement by Norway in the general debate of the 52nd session of the General Assembly"
 * date: 1997
 * author: "Norway"
 * kind: speech
 * ---
 * ```
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { parseDocumentDate } from './dates.ts';
import { editDistance } from './edit-distance.ts';
import { CorpusError, quotedStart } from './errors.ts';
import { KNOWN_KINDS, Sidecar } from './schema.ts';
import { explainYamlError, silentMisreading } from './yaml-mistakes.ts';

const require = createRequire(import.meta.url);
let loaded: typeof Yaml | null = null;
/**
 * The `yaml` package, loaded on first use: only a document's front matter needs it, and loading
 * it was a quarter of a CLI call that reads the saved index and parses no document.
 */
const yaml = (): typeof Yaml => (loaded ??= require('yaml') as typeof Yaml);

/** What front matter may say about a document; every key is optional. */
export interface FrontMatter {
  title?: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date?: string;
  symbol?: string;
  /** The State or body speaking ("Norway", "Secretary-General"). */
  author?: string;
  /** What the document is, in lower case ("speech", "statement", "report", "letter"). */
  kind?: string;
  language?: string;
  url?: string;
}

/** The keys front matter is read for, in the order `cli add` writes them. */
export const FRONT_MATTER_KEYS = ['title', 'date', 'symbol', 'author', 'kind', 'language', 'url'] as const;
/** Whether a key is one Annex reads (`FRONT_MATTER_KEYS`). */
const isFrontMatterKey = (key: string): boolean => (FRONT_MATTER_KEYS as readonly string[]).includes(key);

/** A front matter block opens on the file's first line with `---` and closes with `---` or `...`. */
const OPEN = /^---[ \t]*\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;
/** Longest text a value may have: a title is a line, not a document. */
const MAX_VALUE_LENGTH = 1000;

/** A file's text split into its front matter (null when it has none) and the rest. */
export interface FrontMatterReading {
  data: FrontMatter | null;
  /**
   * The text after the front matter, with the front matter's lines left as empty lines, so that
   * line numbers in messages stay those of the file.
   */
  body: string;
  /** The keys Annex does not read, with their values, in order: the operator's own ("titel" too). */
  others?: Record<string, unknown>;
  /**
   * A key that is none Annex reads but nearly one ("titel", "Author"): left unread, as an
   * operator's own key is, but most likely meant as the one it misspells.
   */
  warnings: CorpusError[];
}

/** Whether `key`, which Annex does not read, is a slip for `known`: its case, or a letter or two. */
function misspells(key: string, known: string): boolean {
  const lower = key.toLowerCase();
  return lower === known || editDistance(lower, known) <= Math.max(1, Math.floor(known.length / 3));
}

function textValue(value: unknown, key: string, file: string, line: number): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new CorpusError(file, `front matter: ${key} should be text, not ${Array.isArray(value) ? 'a list' : typeof value}`, line);
  }
  const text = String(value).replace(/\s+/g, ' ').trim();
  if (text.length > MAX_VALUE_LENGTH) {
    throw new CorpusError(file, `front matter: ${key} is ${text.length} characters long; at most ${MAX_VALUE_LENGTH}`, line);
  }
  return text === '' ? undefined : text;
}

function dateValue(value: unknown, file: string, line: number): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  // YAML 1.1 readers type 2023-09-19 as a timestamp; `yaml` keeps it text, a bare year a number.
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'number' || typeof value === 'string' ? String(value) : null;
  const date = text === null ? null : parseDocumentDate(text);
  if (!date) {
    throw new CorpusError(
      file,
      `front matter: date "${String(text ?? typeof value).slice(0, 40)}" is not a date (write 2023-09-19, 2023-09 or 2023)`,
      line,
    );
  }
  return date;
}

/**
 * A front matter `url`: a web address (http or https), written as a link is sent (a space in it
 * percent-encoded). Discord refuses a message whose link is not one, which would lose every answer
 * quoting the document, so a value that is no web address refuses the file here, with its line.
 */
function urlValue(value: unknown, file: string, line: number): string | undefined {
  const text = textValue(value, 'url', file, line);
  if (text === undefined) return undefined;
  const url = URL.canParse(text) ? new URL(text) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.')) {
    throw new CorpusError(
      file,
      `front matter: url "${quotedStart(text, 60)}" is not a web address (write it whole: https://…)`,
      line,
    );
  }
  return url.href;
}

/**
 * Reads the front matter at the top of `raw` (a document's text, `\n` line ends, no byte-order
 * mark). Throws `CorpusError` naming the file and line for front matter that does not parse or
 * holds a value of the wrong shape (a date that is no date). Keys other than `FRONT_MATTER_KEYS`
 * are left for the operator's own use.
 */
export function readFrontMatter(raw: string, file: string): FrontMatterReading {
  // Blank lines above the front matter (an editor's) are no text before it.
  const top = /^(?:[ \t]*\r?\n)*/.exec(raw)?.[0] ?? '';
  if (!OPEN.test(raw.slice(top.length))) {
    const late = lateFrontMatter(raw);
    if (late !== null)
      throw new CorpusError(
        file,
        `front matter must open the file: the "---" on line ${late} comes after text (move the block to the first line, or remove it)`,
        late,
      );
    return { data: null, body: raw, warnings: [] };
  }
  /** Lines above the front matter's "---". */
  const above = top.split('\n').length - 1;
  const afterOpen = raw.indexOf('\n', top.length) + 1;
  const rest = raw.slice(afterOpen);
  const close = CLOSE.exec(rest);
  if (!close) {
    throw new CorpusError(file, 'front matter opened with "---" is never closed (expected a line "---" after it)', above + 1);
  }
  const yamlText = rest.slice(0, close.index);
  const closeEnd = afterOpen + close.index + close[0].length;
  const lineCounter = new (yaml().LineCounter)();
  const document = yaml().parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number) => above + lineCounter.linePos(offset).line + 1;
  const [error] = document.errors;
  if (error) {
    const mistake = explainYamlError(yaml(), yamlText, error, lineOf(error.pos[0]) - above - 2);
    throw new CorpusError(file, `front matter is not valid YAML: ${mistake.problem}`, above + mistake.lineIndex + 2);
  }
  const misread = silentMisreading(yamlText, FRONT_MATTER_KEYS);
  if (misread) throw new CorpusError(file, `front matter: ${misread.problem}`, above + misread.lineIndex + 2);
  const value: unknown = document.toJS();
  const blankLines = raw.slice(0, closeEnd).replace(/[^\n]/g, '');
  const body = blankLines + raw.slice(closeEnd);
  if (value === null || value === undefined) return { data: {}, body, warnings: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new CorpusError(file, 'front matter should be "key: value" lines (title, date, symbol, author, kind, language, url)', 2);
  }
  // A key is read whatever its case ("Date:", "Title:"), unless the key itself is there too.
  const entries = Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, v]) => {
      const lower = key.toLowerCase();
      const known = lower !== key && isFrontMatterKey(lower);
      return [known && !(lower in (value as object)) ? lower : key, v];
    }),
  );
  const keyLine = (key: string): number => {
    const match = new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`, 'im').exec(yamlText);
    return match ? lineOf(match.index) : above + 2;
  };
  const data: FrontMatter = {};
  // Every bad value is told at once, as a bad configuration is: one run of `validate` shows all.
  const problems: CorpusError[] = [];
  for (const key of FRONT_MATTER_KEYS) {
    if (!(key in entries)) continue;
    const line = keyLine(key);
    try {
      const text =
        key === 'date'
          ? dateValue(entries[key], file, line)
          : key === 'url'
            ? urlValue(entries[key], file, line)
            : key === 'kind'
              ? kindValue(entries[key], file, line)
              : key === 'symbol'
                ? symbolValue(entries[key], file, line)
                : textValue(entries[key], key, file, line);
      if (text !== undefined) data[key] = text;
    } catch (error) {
      if (!(error instanceof CorpusError)) throw error;
      problems.push(error);
    }
  }
  // A misspelt key ("titel") is told with the bad values, in the order of the lines.
  const warnings: CorpusError[] = [];
  for (const key of Object.keys(entries)) {
    if (isFrontMatterKey(key)) continue;
    const meant = FRONT_MATTER_KEYS.find((known) => misspells(key, known));
    if (meant && !(meant in entries))
      warnings.push(
        new CorpusError(file, `front matter key "${key}" is not read: did you mean "${meant}"?`, keyLine(key)),
      );
  }
  const [first, ...others] = problems.length > 0 ? [...problems, ...warnings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) : [];
  if (first) {
    const rest = others.map((p) => `; line ${p.line}: ${p.problem.replace(/^front matter: /, '')}`);
    throw new CorpusError(file, first.problem + rest.join(''), first.line);
  }
  // "kind: statment": shown as written in every list and answer ("The statment says:").
  const kind = data.kind;
  if (kind !== undefined && !(KNOWN_KINDS as readonly string[]).includes(kind)) {
    const meant = KNOWN_KINDS.find((known) => known.length >= 4 && misspells(kind, known));
    if (meant)
      warnings.push(
        new CorpusError(file, `front matter kind "${kind}" is not one Annex knows: did you mean "${meant}"?`, keyLine('kind')),
      );
  }
  const ownKeys = Object.fromEntries(
    Object.entries(entries).filter(([key]) => !isFrontMatterKey(key)),
  );
  return { data, body, warnings, ...(Object.keys(ownKeys).length > 0 ? { others: ownKeys } : {}) };
}

/** Lines of text before front matter that comes too late: a stray title line or two. */
const MAX_LINES_BEFORE = 3;

/**
 * The line of a "---" that opens a block of front matter after a few lines of text ("Some text" /
 * "---" / "title: …" / "date: …" / "---"): a block that would be read as the document's first
 * passage, its metadata lost. Null when there is none.
 */
function lateFrontMatter(raw: string): number | null {
  const lines = raw.split('\n', MAX_LINES_BEFORE * 4 + 2);
  let text = 0;
  for (const [i, line] of lines.entries()) {
    if (/^---[ \t]*\r?$/.test(line)) {
      const next = lines[i + 1] ?? '';
      const key = /^([A-Za-z]+)\s*:/.exec(next)?.[1]?.toLowerCase();
      return text > 0 && key && isFrontMatterKey(key) ? i + 1 : null;
    }
    if (line.trim() !== '' && ++text > MAX_LINES_BEFORE) return null;
  }
  return null;
}

/**
 * What is wrong with `kind` as a document's kind, or null when nothing is: a kind is a word
 * ("speech", "note verbale"), never a bare number, which every list would show as "7 by Norway".
 */
export function kindProblem(kind: string): string | null {
  return /\p{L}/u.test(kind)
    ? null
    : `"${kind.slice(0, 40)}" is not a kind of document (write speech, statement, report, letter…)`;
}

/**
 * A front matter `symbol`: a UN document symbol, as `cli add --symbol` and a sidecar take one.
 * Every answer links it (`https://undocs.org/en/<symbol>`): words there would lead nowhere.
 */
function symbolValue(value: unknown, file: string, line: number): string | undefined {
  const text = textValue(value, 'symbol', file, line);
  if (text === undefined) return undefined;
  const symbol = Sidecar.shape.symbol.safeParse(text);
  if (!symbol.success)
    throw new CorpusError(
      file,
      `front matter: symbol "${quotedStart(text, 60)}" is ${symbol.error.issues[0]?.message ?? 'not a UN document symbol'}`,
      line,
    );
  return symbol.data;
}

/** A front matter `kind`, in lower case. */
function kindValue(value: unknown, file: string, line: number): string | undefined {
  const text = textValue(value, 'kind', file, line);
  if (text === undefined) return undefined;
  const problem = kindProblem(text);
  if (problem) throw new CorpusError(file, `front matter: kind ${problem}`, line);
  return text.toLowerCase();
}

/**
 * Front matter for `data`, ready to put at the top of a file: the known keys in their usual
 * order, a year written as a bare number as people write it, then the operator's own keys
 * (`others`) as they were.
 */
export function formatFrontMatter(data: FrontMatter, others: Record<string, unknown> = {}): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FRONT_MATTER_KEYS) {
    const value = data[key];
    if (value === undefined) continue;
    ordered[key] = key === 'date' && /^\d{4}$/.test(value) ? Number(value) : value;
  }
  // The operator's own keys are kept as they were, after Annex's: `add` loses none of them.
  for (const [key, value] of Object.entries(others)) if (!(key in ordered)) ordered[key] = value;
  return `---\n${yaml().stringify(ordered, { lineWidth: 0 })}---\n`;
}
