import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CorpusError, CorpusFolderError } from './errors.ts';
import { readFrontMatter } from './front-matter.ts';
import { splitSymbol } from './masthead.ts';
import { parseDocument } from './parse-document.ts';
import { type Document, Letter, Sidecar } from './schema.ts';

/** File endings read as documents. */
export const LETTER_EXTENSIONS = ['.txt', '.md'] as const;
/** The same, under the name that says what they hold. */
export const DOCUMENT_EXTENSIONS = LETTER_EXTENSIONS;
/**
 * The version of how files are read into documents (paragraphs, passages, metadata). Part of the
 * saved index's key, so a corpus saved by an older reader is read again, never served stale
 * (3: agenda items are strings, "18 (a)"; 4: a second file with an id already taken is refused,
 * where a saved index of 3 holds both; 5: page headers and footers of verbatim records are page
 * breaks, not words of a passage; 6: a numbered paragraph after one that ends with a comma is a
 * passage of its own; 7: front matter whose symbol is no UN symbol, or whose kind is a bare
 * number, refuses the file, where a saved index of 6 serves it; 8: a date line under a title at
 * the top of a hard-wrapped text stands apart, so the title and date are read, not glued into
 * passage 1; 9: a heading in capitals at the top of a hard-wrapped text is its title, not words
 * of passage 1, and a dated line under a title ("Submitted 2 March 2024 by …") gives its date and
 * author; 10: a title's speaker named as a person keeps the office and State after the name,
 * "H.E. Ms. Ingrid Solberg, Ambassador of Norway"; 11: the occasion between a title and its date
 * line, "Security Council open debate on …", is the title's, not a masthead that made the
 * salutation the title, and "Ambassador Mira Kessel" is a person whose office names the State;
 * 12: a symbol of one part of figures, a press release's "SC/16214" or "A/4879", is read; 13:
 * a section heading or a salutation of a document that is no letter says so, `Passage.role`; 14:
 * in such a document a lead-in and its list items are one passage, and in hard-wrapped text a
 * short line ending with a colon, a headline under a symbol and date line and a press release's
 * footer stand apart; a masthead's session, agenda item and item title are no title, a dated
 * byline under a title is a passage, a person's office and a delegation give their State as the
 * author, and a press release is read as one; 23: text without blank lines sets a letter's
 * heading, its annex's heading and a place-and-date line apart, a block ending a clause with a
 * comma or semicolon is prose, not a title line (nor an annex's title), a resolution is dated by its adoption, and a
 * note verbale as its mission sent it is one, of its State, dated at its foot, and a report's
 * "Summary" heads its text, not its title; 29: a verbatim record's running header in words,
 * "General Assembly 14th meeting", is page furniture; 30: a meeting's verbatim record is one,
 * its turns marked with who speaks them; 31: a statement by a spokesperson is by whom they speak
 * for; 32: a record's President speaking "in my capacity as the representative of" a State
 * speaks for it; 33: a title line and the kind line under it in one block are read apart, an
 * office named alone in a title is of the State after its "of", a plenary record's agenda item
 * after its opening line titles it; 34: a letter printed as before about 2000, its heading in
 * capitals and its page headers "English" / "Page 2", is read as a letter; a note verbale without
 * a heading is dated before its annex; a symbol opens with a UN series; 35: a page's footnotes
 * are passages of their own, and the paragraph a page break cut goes on across them; 36: a treaty's
 * "Article 1" lines are text, "Please recycle" is furniture, a press briefing is read as one, a
 * letter's annex has its section headings marked; 37: a table keeps its rows on lines of their
 * own, its caption ("Table 1 …") heads it, a heading may carry the period its section covers
 * ("Week 1 (5–11 January 2026)"), a year alone on a line after a month's name is no page number,
 * and a section numbered in Roman figures before its first paragraph starts the text under a
 * title with no blank line); 38: a table whose cells a single space parts, and its caption above
 * its heading row; 39: text extracted from a PDF with no blank lines: a masthead's lines stand
 * apart, a resolution's preambular paragraphs each a passage, and a header of the symbol and the
 * short title atop a page is furniture; 40: a treaty body's symbol ends with a range of reports,
 * "CERD/C/CVD/CO/19-21", "A. Introduction" opens a text, "Advance unedited version" is a masthead
 * line, and list items go on after a page break; 41: a masthead of before about 2000 in two
 * columns, its symbols one under the other joined and its distribution date read; 42: "/..." alone
 * at a page's foot is furniture; 43: a table's caption may end with its unit in brackets; 44: a
 * record's vote, its lists and outcome, is one passage; 45: a resolution's adoption line under its
 * title is its first passage, and names the organ that adopted it; 46: a line longer than any
 * wrapped line that ends a sentence ends its paragraph; 47: a resolution is titled by its numbered
 * line and its preamble read across a blank line; 48: a table labelled "Table 1" is one, also
 * between paragraphs; 49: the first numbered paragraph under a title starts one; 50: front matter
 * keys in any case, under blank lines, refused after text; 51: only a labelled table stands apart
 * from the paragraphs around it, and a list item's dash is no figure).
 */
export const CORPUS_FORMAT = 51;
/** Ending of the optional operator metadata beside a letter (`letter.txt` → `letter.meta.json`). */
export const SIDECAR_SUFFIX = '.meta.json';
/** A UN letter is a few dozen kilobytes, a long report a few hundred; anything past this is not one document. */
export const MAX_LETTER_BYTES = 1024 * 1024;

/** The documents that loaded, and a problem for each file that did not. */
export interface Corpus {
  /** The folder the documents were read from. */
  dir: string;
  /** Documents (letters and any other) in date order, undated first (then by id). */
  letters: Document[];
  /** One error per file that was refused; the other letters still load. */
  problems: CorpusError[];
  /** What to check in letters that loaded (a date that cannot be right); they are served as they are. */
  warnings: CorpusError[];
}

/** Whether `file` is a letter by its ending, in any case (`.txt`, `.TXT`, `.Md`). */
export function isLetterFile(file: string): boolean {
  const lower = file.toLowerCase();
  return LETTER_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** The masthead's distribution line ("Distr.: General 19 September 2023"). */
const DISTRIBUTION_LINE = /^.*\bDistr\.:/m;

/**
 * What to check in a letter that loaded: a letter dated after its distribution date (a letter is
 * written before the UN distributes it, so one of the two dates is wrong). `raw` is the file's
 * text, for the line of the distribution date.
 */
export function letterWarnings(letter: Letter, raw: string, file: string): CorpusError[] {
  if (!letter.distributed || letter.date <= letter.distributed) return [];
  const at = DISTRIBUTION_LINE.exec(raw);
  const line = at ? raw.slice(0, at.index).split('\n').length : undefined;
  return [
    new CorpusError(
      file,
      `dated ${letter.date}, after its distribution date ${letter.distributed}: check both dates`,
      line,
    ),
  ];
}

function lineOfByte(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * The UTF-16 encoding a file's byte-order mark names: text as Windows Notepad saves "Unicode"
 * (UTF-16LE) or "Unicode big endian". Its every other byte is a NUL, which is no sign of a binary
 * file there. Null for a file without one.
 */
function utf16Encoding(bytes: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Text from UTF-16 with its byte-order mark, refused as not text when it does not decode. */
function decodeUtf16(bytes: Buffer, encoding: 'utf-16le' | 'utf-16be', file: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new CorpusError(
      file,
      `starts as ${encoding.toUpperCase()} text but does not decode as it (save the file as UTF-8)`,
    );
  }
}

/**
 * Decodes a letter file as text: UTF-8, or UTF-16 with its byte-order mark. What is not text is
 * refused: an empty, binary, oversized or non-UTF-8 file gets a `CorpusError` naming it (and the
 * line of the first bad byte).
 */
export function decodeLetterFile(bytes: Buffer, file: string): string {
  if (bytes.length > MAX_LETTER_BYTES) {
    throw new CorpusError(
      file,
      `file is ${bytes.length.toLocaleString('en')} bytes (${(bytes.length / 1024 / 1024).toFixed(2)} MB), more than the ${MAX_LETTER_BYTES.toLocaleString('en')} bytes (1 MB) a document file may hold`,
    );
  }
  const utf16 = utf16Encoding(bytes);
  if (utf16) return cleanText(decodeUtf16(bytes, utf16, file), file);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new CorpusError(
      file,
      'binary file (contains NUL bytes); expected UTF-8 text',
      lineOfByte(bytes, nul),
    );
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    let offset = 0;
    for (const chunk of bytes.toString('latin1').split('\n')) {
      const end = offset + chunk.length;
      try {
        decoder.decode(bytes.subarray(offset, end));
      } catch {
        break;
      }
      offset = end + 1;
    }
    throw new CorpusError(
      file,
      'not valid UTF-8 text (save the file as UTF-8)',
      lineOfByte(bytes, offset),
    );
  }
  return cleanText(text, file);
}

/** Decoded text without its byte-order mark, with Unix line ends; an empty file is refused. */
function cleanText(decoded: string, file: string): string {
  const text = decoded.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new CorpusError(file, 'file is empty');
  return text;
}

async function readSidecar(sidecarPath: string, display: string): Promise<Sidecar | null> {
  let raw: string;
  try {
    raw = await readFile(sidecarPath, 'utf8');
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new CorpusError(display, `not valid JSON: ${(error as Error).message}`);
  }
  const parsed = Sidecar.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (i) => `${i.path.join('.') || '(top level)'}: ${i.message}`,
    );
    throw new CorpusError(display, `invalid metadata: ${issues.join('; ')}`);
  }
  return parsed.data;
}

export function applySidecar(letter: Letter, sidecar: Sidecar, display: string): Letter {
  const disagree = (field: string, fromText: string, fromSidecar: string) =>
    new CorpusError(
      display,
      `${field} "${fromSidecar}" disagrees with the letter's text, which says "${fromText}"`,
    );
  if (sidecar.symbol && letter.symbol && sidecar.symbol !== letter.symbol) {
    throw disagree('symbol', letter.symbol, sidecar.symbol);
  }
  const dateFromText = letter.sources.date === 'text' || letter.sources.date === 'front matter';
  if (sidecar.date && dateFromText && sidecar.date !== letter.date)
    throw disagree('date', letter.date, sidecar.date);
  if (sidecar.distributed && letter.distributed && sidecar.distributed !== letter.distributed) {
    throw disagree('distributed', letter.distributed, sidecar.distributed);
  }
  const symbol = letter.symbol ?? sidecar.symbol ?? null;
  const date = sidecar.date && !dateFromText ? sidecar.date : letter.date;
  return {
    ...letter,
    symbol,
    symbols: symbol ? splitSymbol(symbol) : [],
    symbolSource: letter.symbolSource ?? (sidecar.symbol ? 'sidecar' : null),
    distributed: letter.distributed ?? sidecar.distributed ?? null,
    date,
    sources: { ...letter.sources, date: date === letter.date ? letter.sources.date : 'sidecar' },
  };
}

/** Checks what the schema cannot: every passage is the exact slice of the letter text it claims. */
export function validateLetter(letter: Letter, file: string): Letter {
  const parsed = Letter.safeParse(letter);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CorpusError(
      file,
      `internal: parsed letter is invalid at ${issue?.path.join('.')}: ${issue?.message}`,
    );
  }
  for (const p of letter.passages) {
    if (letter.text.slice(p.start, p.end) !== p.text) {
      throw new CorpusError(
        file,
        `internal: passage ${p.n} is not at its offsets in the letter text`,
      );
    }
  }
  if (letter.passages.length === 0)
    throw new CorpusError(file, 'no paragraphs found after the heading or title');
  return parsed.data;
}

/**
 * Loads one document file (its front matter, and its sidecar when there is one), with what to
 * check in it (`letterWarnings`). `display` is the path used in messages. Throws `CorpusError`
 * for anything wrong with it.
 */
export async function loadLetterFile(
  filePath: string,
  display: string,
  id: string,
  read: {
    /** The file's bytes, already being read (`loadCorpus` reads files ahead of the one it parses). */
    bytes?: Promise<Buffer>;
    /** False when the folder's listing holds no sidecar beside the file: none is looked for. */
    sidecar?: boolean;
  } = {},
): Promise<{ letter: Letter; warnings: CorpusError[] }> {
  const bytes = await (read.bytes ?? readFile(filePath));
  const raw = decodeLetterFile(bytes, display);
  const sidecarPath = filePath.replace(/\.[^.]+$/, SIDECAR_SUFFIX);
  const sidecarDisplay = display.replace(/\.[^.]+$/, SIDECAR_SUFFIX);
  const sidecar =
    read.sidecar === false ? null : await readSidecar(sidecarPath, sidecarDisplay);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { data: front, body, warnings } = readFrontMatter(raw, display);
  let letter = parseDocument(body, { id, file: display, sha256, firstPage: sidecar?.firstPage ?? 1 }, front);
  if (sidecar) letter = applySidecar(letter, sidecar, sidecarDisplay);
  letter = validateLetter(letter, display);
  return { letter, warnings: [...warnings, ...letterWarnings(letter, raw, display)] };
}

/**
 * The refusal of a file whose id (its name without the extension) another file already has:
 * `ghana.md` beside `ghana.txt`. Only one of them could be opened by its id.
 */
export function sameIdProblem(display: string, other: string, id: string): CorpusError {
  return new CorpusError(
    display,
    `same id "${id}" as ${other} (a document's id is its file name without the extension): rename one of the two files`,
  );
}

/** Turns a file name into a letter id: its name without the extension. */
export function letterIdFor(relativePath: string): string {
  return relativePath
    .replace(/\.[^./]+$/, '')
    .split(path.sep)
    .join('/');
}

/** A folder as the operator would type it: relative to where they are, unless that climbs out. */
export function displayPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative === '' ? '.' : relative.startsWith('..') ? dir : relative;
}

/** Throws `CorpusFolderError` unless `dir` is a folder, saying whether it is missing or a file. */
export async function assertCorpusFolder(dir: string): Promise<void> {
  const found = await stat(dir).then(
    (s) => (s.isDirectory() ? 'folder' : 'file'),
    () => 'missing' as const,
  );
  if (found !== 'folder') throw new CorpusFolderError(displayPath(dir), found);
}

/**
 * Document files read ahead of the one being parsed: their reads wait in the thread pool while the
 * main thread parses, where reading one file at a time left the main thread idle for each read
 * (about 7 s of the General Debate Corpus's 10,952 files).
 */
export const READ_AHEAD = 16;

/** Told how far reading a corpus has got: `done` of `total` files read. */
export type ReadProgress = (done: number, total: number) => void;

/**
 * Loads every letter in `dir` (and its subfolders). A bad file never stops the others: it is
 * reported in `problems` with its name. Two files with the same text, the same symbol or the
 * same id (`ghana.txt`, `ghana.md`) are duplicates: the first by name loads, the second is
 * refused naming the first.
 */
export async function loadCorpus(
  dir: string,
  options: { onProgress?: ReadProgress } = {},
): Promise<Corpus> {
  const problems: CorpusError[] = [];
  const warnings: CorpusError[] = [];
  const letters: Letter[] = [];
  const displayDir = displayPath(dir);
  let entries: string[];
  /** Whether each entry is a file, as its listing says (a link is asked with `stat`). */
  const isFileEntry = new Map<string, boolean>();
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('not a folder');
    entries = [];
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      const relative = path.relative(dir, path.join(entry.parentPath, entry.name));
      entries.push(relative);
      if (entry.isFile() || entry.isDirectory()) isFileEntry.set(relative, entry.isFile());
    }
    entries.sort();
  } catch (error) {
    problems.push(
      new CorpusError(displayDir, `cannot read the corpus folder: ${(error as Error).message}`),
    );
    return { dir, letters, problems, warnings };
  }
  const files = entries.filter((e) => !e.split(path.sep).some((part) => part.startsWith('.')));
  const bySha = new Map<string, Letter>();
  const bySymbol = new Map<string, Letter>();
  /** The file each loaded id came from: two files may not share an id. */
  const byId = new Map<string, string>();
  const onProgress = options.onProgress;
  const listed = new Set(files);
  /** The reads started ahead (`READ_AHEAD`), by position in `files`. */
  const reads = new Map<number, Promise<Buffer>>();
  let readFrom = 0;
  const readAhead = (done: number) => {
    for (; readFrom < Math.min(files.length, done + READ_AHEAD); readFrom++) {
      const relative = files[readFrom] as string;
      if (isFileEntry.get(relative) !== true || !isLetterFile(relative)) continue;
      const reading = readFile(path.join(dir, relative));
      // A file that cannot be read is reported when its turn comes, as before.
      reading.catch(() => undefined);
      reads.set(readFrom, reading);
    }
  };
  onProgress?.(0, files.length);
  for (const [done, relative] of files.entries()) {
    readAhead(done);
    const bytes = reads.get(done);
    reads.delete(done);
    if (done > 0) onProgress?.(done, files.length);
    const display = path.join(displayDir, relative);
    if (relative.endsWith(SIDECAR_SUFFIX)) {
      const base = relative.slice(0, -SIDECAR_SUFFIX.length);
      const hasLetter = files.some(
        (f) => f.slice(0, base.length) === base && isLetterFile(f) && path.extname(f) === f.slice(base.length),
      );
      if (!hasLetter)
        problems.push(new CorpusError(display, 'metadata file without a letter beside it'));
      continue;
    }
    const fullPath = path.join(dir, relative);
    if (!(isFileEntry.get(relative) ?? (await stat(fullPath)).isFile())) continue;
    if (relative.toLowerCase().endsWith('.pdf')) {
      problems.push(new CorpusError(display, 'a PDF: add it with `npm run cli -- add <file.pdf>`, which writes its text here'));
      continue;
    }
    if (!isLetterFile(relative)) {
      problems.push(
        new CorpusError(display, `not a document file (expected ${LETTER_EXTENSIONS.join(' or ')}, or a PDF added with \`npm run cli -- add\`)`),
      );
      continue;
    }
    const id = letterIdFor(relative);
    const sameId = byId.get(id);
    if (sameId) {
      problems.push(sameIdProblem(display, sameId, id));
      continue;
    }
    try {
      const loaded = await loadLetterFile(fullPath, display, id, {
        bytes,
        sidecar: listed.has(relative.replace(/\.[^.]+$/, SIDECAR_SUFFIX)),
      });
      const { letter } = loaded;
      const sameText = bySha.get(letter.sha256);
      if (sameText) throw new CorpusError(display, `duplicate: same text as ${sameText.file}`);
      const sameSymbol = letter.symbol ? bySymbol.get(letter.symbol) : undefined;
      if (sameSymbol)
        throw new CorpusError(
          display,
          `duplicate: symbol ${letter.symbol} is already ${sameSymbol.file}`,
        );
      bySha.set(letter.sha256, letter);
      byId.set(id, display);
      if (letter.symbol) bySymbol.set(letter.symbol, letter);
      letters.push(letter);
      warnings.push(...loaded.warnings);
    } catch (error) {
      if (error instanceof CorpusError) problems.push(error);
      else problems.push(new CorpusError(display, `cannot read: ${(error as Error).message}`));
    }
  }
  onProgress?.(files.length, files.length);
  letters.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  return { dir, letters, problems, warnings };
}
