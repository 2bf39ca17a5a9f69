import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CorpusError } from './errors.ts';
import { applySidecar, decodeLetterFile, loadCorpus, SIDECAR_SUFFIX, validateLetter } from './load.ts';
import { parseLetter } from './parse-letter.ts';
import { extractPdfText } from './pdf.ts';
import { type Letter, Sidecar } from './schema.ts';

/** What an operator may state about a letter the text does not say. */
export interface AddOptions {
  symbol?: string;
  date?: string;
}

/** What `addLetter` wrote and what the letter still lacks. */
export interface AddResult {
  letter: Letter;
  /** Files written into the corpus folder. */
  written: string[];
  /** Metadata the text did not give (and no option supplied). */
  missing: string[];
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/**
 * Adds a letter (PDF, text or markdown) to the corpus folder: reads it (a PDF page by page),
 * parses and validates it as the corpus loader does, refuses a duplicate (same symbol or same
 * text as a letter already there, named in the message), and writes `<id>.txt` plus a sidecar
 * for what the options added. Throws `CorpusError`; a refused add changes nothing in the folder.
 */
export async function addLetter(source: string, corpusDir: string, options: AddOptions = {}): Promise<AddResult> {
  const display = path.basename(source);
  const bytes = await readFile(source).catch((error: Error) => {
    throw new CorpusError(display, `cannot read: ${error.message}`);
  });
  const raw = source.toLowerCase().endsWith('.pdf') ? await extractPdfText(bytes, display) : decodeLetterFile(bytes, display);
  const sidecarResult = Sidecar.safeParse({ symbol: options.symbol, date: options.date });
  if (!sidecarResult.success) {
    throw new CorpusError(display, `bad option: ${sidecarResult.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const sidecar = sidecarResult.data;
  const sha256 = createHash('sha256').update(raw).digest('hex');
  let letter = parseLetter(raw, { id: 'new', file: display, sha256 });
  if (sidecar.symbol || sidecar.date) letter = applySidecar(letter, sidecar, `${display} (options)`);
  const id = [letter.date, slug(letter.symbol ?? path.basename(source, path.extname(source)))].join('-');
  letter = validateLetter({ ...letter, id, file: path.join(corpusDir, `${id}.txt`) }, display);

  const { letters } = await loadCorpus(corpusDir);
  const same = letters.find(
    (l) => (letter.symbol && l.symbol === letter.symbol) || l.sha256 === letter.sha256 || l.text === letter.text,
  );
  if (same) {
    const why = letter.symbol && same.symbol === letter.symbol ? `symbol ${letter.symbol}` : 'text';
    throw new CorpusError(display, `duplicate: same ${why} as ${same.file} (${same.id})`);
  }

  const textPath = path.join(corpusDir, `${id}.txt`);
  const written: string[] = [];
  try {
    await writeFile(textPath, raw, { flag: 'wx' });
    written.push(textPath);
    const extra = Object.fromEntries(Object.entries(sidecar).filter(([, v]) => v !== undefined));
    if (Object.keys(extra).length > 0) {
      const sidecarPath = path.join(corpusDir, `${id}${SIDECAR_SUFFIX}`);
      await writeFile(sidecarPath, `${JSON.stringify(extra, null, 2)}\n`, { flag: 'wx' });
      written.push(sidecarPath);
    }
  } catch (error) {
    for (const file of written) await rm(file, { force: true });
    throw new CorpusError(display, `cannot write into ${corpusDir}: ${(error as Error).message}`);
  }
  const missing = [
    letter.symbol ? null : 'symbol (add with --symbol)',
    letter.distributed ? null : 'distribution date',
    letter.signatories.length > 0 ? null : 'signatories',
    letter.jobNumber ? null : 'job number',
    letter.passages.some((p) => p.pages.length > 0) ? null : 'page numbers',
  ].filter((m): m is string => m !== null);
  return { letter, written, missing };
}
