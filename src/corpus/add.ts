import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocumentDate } from './dates.ts';
import { CorpusError } from './errors.ts';
import { formatFrontMatter, type FrontMatter, kindProblem, readFrontMatter } from './front-matter.ts';
import {
  decodeLetterFile,
  isLetterFile,
  letterIdFor,
  letterWarnings,
  loadCorpus,
  validateLetter,
} from './load.ts';
import { parseDocument } from './parse-document.ts';
import { describeLookAlike, findLookAlike } from './look-alike.ts';
import { extractPdfText } from './pdf.ts';
import { type Document, isLetter, Sidecar } from './schema.ts';

/** What an operator may state about a document: written as its front matter. */
export interface AddOptions {
  symbol?: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date?: string;
  title?: string;
  author?: string;
  kind?: string;
}

/** What `addLetter` wrote and what the document still lacks. */
export interface AddResult {
  letter: Document;
  /** Files written into the corpus folder. */
  written: string[];
  /** Metadata neither the text nor an option gave. */
  missing: string[];
  /** What to check in the letter (`letterWarnings`, a document it looks like); it was added all the same. */
  warnings: CorpusError[];
  /** What would be written, when nothing was (`dryRun`); null otherwise. */
  wouldWrite: { file: string; frontMatter: string } | null;
}

/** How `addLetter` adds. */
export interface AddMode {
  /** Check the document and say what would be written, but write nothing. */
  dryRun?: boolean;
}

/** A file name's words in lower-case ASCII joined by dashes: "Déclaration (Côte)" → "declaration-cote". */
function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/**
 * An option given to `add` that is not what it names (a date that is no date, a symbol that is
 * none): the command line's problem, not the document's (the CLI exits 2 on it, not 1).
 */
export class AddOptionError extends CorpusError {}

/** The options as front matter, checked: a symbol that is one, a date that is one. */
function optionsFrontMatter(options: AddOptions, display: string): FrontMatter {
  const front: FrontMatter = {};
  if (options.symbol !== undefined) {
    const symbol = Sidecar.shape.symbol.safeParse(options.symbol.trim());
    if (!symbol.success) throw new AddOptionError(display, `bad option: --symbol: ${symbol.error.issues[0]?.message}`);
    front.symbol = symbol.data;
  }
  if (options.date !== undefined) {
    const date = parseDocumentDate(options.date);
    if (!date) throw new AddOptionError(display, `bad option: --date: "${options.date}" is not a date (write 2023-09-19, 2023-09 or 2023)`);
    front.date = date;
  }
  const kind = options.kind?.trim();
  const badKind = kind ? kindProblem(kind) : null;
  if (badKind) throw new AddOptionError(display, `bad option: --kind: ${badKind}`);
  for (const key of ['title', 'author', 'kind'] as const) {
    const value = options[key]?.replace(/\s+/g, ' ').trim();
    if (value) front[key] = key === 'kind' ? value.toLowerCase() : value;
  }
  return front;
}

/** Refuses an option that contradicts what a letter's own text says (its heading's date and kind, its masthead's symbol). */
function checkAgainstText(fromText: Document, front: FrontMatter, display: string): void {
  const disagree = (field: string, text: string, option: string) =>
    new CorpusError(display, `--${field} "${option}" disagrees with the document's text, which says "${text}"`);
  if (front.symbol && fromText.symbolSource === 'text' && fromText.symbol !== front.symbol) {
    throw disagree('symbol', fromText.symbol ?? '', front.symbol);
  }
  if (front.date && fromText.sources.date === 'text' && fromText.date !== front.date) {
    throw disagree('date', fromText.date, front.date);
  }
  // A letter's heading says what it is; read as another kind, it would lose its date and author.
  if (front.kind && isLetter(fromText) && fromText.kind !== front.kind) {
    throw disagree('kind', fromText.kind, front.kind);
  }
}

/**
 * A warning when `--author` shares no word with the author the text names ("Sweden" for a
 * "Statement by Norway"): not refused, as a symbol or a date is, since an author is often named
 * another way ("UNHCR" for "the Office of the United Nations High Commissioner for Refugees").
 */
function authorWarnings(fromText: Document, front: FrontMatter, display: string): CorpusError[] {
  if (!front.author || !fromText.author || fromText.sources.author !== 'text') return [];
  const words = (name: string) => new Set(name.toLowerCase().match(/\p{L}{3,}/gu) ?? []);
  const named = words(fromText.author);
  if ([...words(front.author)].some((w) => named.has(w))) return [];
  return [
    new CorpusError(
      display,
      `--author "${front.author}" shares no word with the author the document's text names, "${fromText.author}": check it is the same`,
    ),
  ];
}

/** What a document lacks that an operator could add, with the option that adds it. */
function missingMetadata(document: Document): string[] {
  const missing = [document.symbol ? null : 'symbol (add with --symbol)'];
  if (isLetter(document)) {
    missing.push(
      document.distributed ? null : 'distribution date',
      document.signatories.length > 0 ? null : 'signatories',
      document.jobNumber ? null : 'the UN job number (the "24-12345" printed in page footers)',
    );
  } else {
    missing.push(
      document.date ? null : 'date (add with --date)',
      document.sources.title === 'file name' ? 'title (add with --title)' : null,
      document.author ? null : 'author (add with --author)',
      document.sources.kind ? null : 'kind (add with --kind)',
    );
  }
  missing.push(document.passages.some((p) => p.pages.length > 0) ? null : 'page numbers');
  return missing.filter((m): m is string => m !== null);
}

/**
 * Adds a document (PDF, text or markdown) to the corpus folder: reads it (a PDF page by page),
 * parses and validates it as the corpus loader does, refuses a duplicate (same symbol or same
 * text as a document already there, named in the message), and writes `<id>.txt` with the
 * options as YAML front matter at its top (over any front matter the file had). An option that
 * contradicts a letter's own heading or masthead is refused. A document that looks like one
 * already there (same title and date, nearly the same text) is added with a warning naming it.
 * With `dryRun`, everything is checked and nothing is written. Throws `CorpusError`; a refused
 * add changes nothing in the folder.
 */
export async function addLetter(
  source: string,
  corpusDir: string,
  options: AddOptions = {},
  { dryRun = false }: AddMode = {},
): Promise<AddResult> {
  const display = path.basename(source);
  const bytes = await readFile(source).catch((error: Error) => {
    throw new CorpusError(display, `cannot read: ${error.message}`);
  });
  const extracted = source.toLowerCase().endsWith('.pdf') ? await extractPdfText(bytes, display) : decodeLetterFile(bytes, display);
  const { data: existing, body, warnings: frontWarnings, others = {} } = readFrontMatter(extracted, display);
  const given = optionsFrontMatter(options, display);
  const sha256 = createHash('sha256').update(extracted).digest('hex');
  const fromText = parseDocument(body, { id: 'new', file: display, sha256 }, existing);
  checkAgainstText(fromText, given, display);
  const front = { ...existing, ...given };
  const hasFront = Object.keys(front).length + Object.keys(others).length > 0;
  const raw = hasFront ? formatFrontMatter(front, others) + (existing ? body.replace(/^\n+/, '') : body) : body;
  const { data, body: rawBody } = readFrontMatter(raw, display);
  let letter = parseDocument(rawBody, { id: 'new', file: display, sha256: createHash('sha256').update(raw).digest('hex') }, data);
  const name = slug(letter.symbol ?? path.basename(source, path.extname(source))) || 'document';
  // A file name that starts with the date already ("2024-03-02-fisheries.txt") keeps it once.
  const dated = letter.date !== '' && (name === letter.date || name.startsWith(`${letter.date}-`));
  const id = [dated ? '' : letter.date, name].filter(Boolean).join('-');
  // Read again under the name it is written as, so that what `add` reports is what the corpus
  // will read: a title that came from the file name is then the new name, not the old one.
  const asWritten = parseDocument(rawBody, { id, file: `${id}.txt`, sha256: letter.sha256 }, data);
  letter = validateLetter({ ...asWritten, file: path.join(corpusDir, `${id}.txt`) }, display);
  const warnings = [...frontWarnings, ...letterWarnings(letter, raw, display), ...authorWarnings(fromText, given, display)];

  const { letters } = await loadCorpus(corpusDir);
  const same = letters.find(
    (l) => (letter.symbol && l.symbol === letter.symbol) || l.sha256 === letter.sha256 || l.text === letter.text,
  );
  if (same) {
    const why = letter.symbol && same.symbol === letter.symbol ? `symbol ${letter.symbol}` : 'text';
    throw new CorpusError(display, `duplicate: same ${why} as ${same.file} (${same.id})`);
  }
  const lookAlike = findLookAlike(letter, letters);
  if (lookAlike) {
    const { file, id: otherId } = lookAlike.document;
    warnings.push(
      new CorpusError(
        display,
        `looks like ${file} (${otherId}): ${describeLookAlike(lookAlike)}; adding this one keeps both: to replace that one, delete ${file}`,
      ),
    );
  }

  const sameId = (await readdir(corpusDir).catch(() => [] as string[])).find(
    (file) => isLetterFile(file) && letterIdFor(file) === id,
  );
  if (sameId) {
    throw new CorpusError(
      display,
      `would be ${id}.txt, but ${path.join(corpusDir, sameId)} already has the id "${id}" (a document's id is its file name without the extension): rename or move that file, then add this one again`,
    );
  }

  const textPath = path.join(corpusDir, `${id}.txt`);
  const missing = missingMetadata(letter);
  if (dryRun) {
    const frontMatter = hasFront ? formatFrontMatter(front, others) : '';
    return { letter, written: [], missing, warnings, wouldWrite: { file: textPath, frontMatter } };
  }
  const written: string[] = [];
  try {
    await writeFile(textPath, raw, { flag: 'wx' });
    written.push(textPath);
  } catch (error) {
    for (const file of written) await rm(file, { force: true });
    throw new CorpusError(display, `cannot write into ${corpusDir}: ${(error as Error).message}`);
  }
  return { letter, written, missing, warnings, wouldWrite: null };
}
