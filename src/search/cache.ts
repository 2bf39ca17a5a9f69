import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { CorpusError } from '../corpus/errors.ts';
import { type Corpus, loadCorpus } from '../corpus/load.ts';
import type { Letter } from '../corpus/schema.ts';
import {
  INDEX_FORMAT,
  packArrays,
  type SavedIndexJson,
  SearchIndex,
  unpackArrays,
} from './search-index.ts';

/** How the index was obtained, for the start-up log line. */
export type IndexSource = 'built' | 'loaded';

/** A corpus with its index, ready to answer. */
export interface OpenCorpus {
  corpus: Corpus;
  index: SearchIndex;
  source: IndexSource;
}

/** The small JSON file of a saved corpus; letters and arrays are saved beside it. */
interface SavedMeta {
  format: number;
  key: string;
  problems: { file: string; problem: string; line?: number }[];
  index: SavedIndexJson;
}

const META = 'index.json';
const LETTERS = 'letters.ndjson';
const ARRAYS = 'arrays.bin';
/** Files hashed at once when computing the corpus key. */
const HASH_BATCH = 64;

/**
 * The key of a corpus: the index format and the path and bytes of every file in the folder.
 * Any change to any file (or a new or removed one) gives another key, so a saved index is
 * never served for a corpus it was not built from.
 */
export async function corpusKey(dir: string): Promise<string> {
  const hash = createHash('sha256').update(`format ${INDEX_FORMAT}\n`);
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .filter((relative) => !relative.split(path.sep).some((part) => part.startsWith('.')))
    .sort();
  for (let i = 0; i < entries.length; i += HASH_BATCH) {
    const batch = entries.slice(i, i + HASH_BATCH);
    const contents = await Promise.all(batch.map((relative) => readFile(path.join(dir, relative))));
    for (const [k, relative] of batch.entries()) {
      hash.update(`${relative}\0`);
      hash.update(contents[k] as Buffer);
      hash.update('\0');
    }
  }
  return hash.digest('hex').slice(0, 32);
}

function strip(letter: Letter): Letter {
  return { ...letter, passages: letter.passages.map((p) => ({ ...p, text: '' })) };
}

function restore(letter: Letter): Letter {
  return {
    ...letter,
    passages: letter.passages.map((p) => ({ ...p, text: letter.text.slice(p.start, p.end) })),
  };
}

async function readSaved(folder: string, key: string): Promise<OpenCorpus | null> {
  try {
    const meta = JSON.parse(await readFile(path.join(folder, META), 'utf8')) as SavedMeta;
    if (meta.format !== INDEX_FORMAT || meta.key !== key) return null;
    const arrays = unpackArrays(await readFile(path.join(folder, ARRAYS)));
    const letters: Letter[] = [];
    const lines = createInterface({
      input: createReadStream(path.join(folder, LETTERS)),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) if (line) letters.push(restore(JSON.parse(line) as Letter));
    const problems = meta.problems.map((p) => new CorpusError(p.file, p.problem, p.line));
    return {
      corpus: { dir: '', letters, problems },
      index: SearchIndex.fromSaved(letters, meta.index, arrays),
      source: 'loaded',
    };
  } catch {
    return null;
  }
}

async function writeSaved(
  folder: string,
  key: string,
  corpus: Corpus,
  index: SearchIndex,
): Promise<void> {
  const temporary = `${folder}.tmp-${process.pid}`;
  await rm(temporary, { recursive: true, force: true });
  await mkdir(temporary, { recursive: true });
  const meta: SavedMeta = {
    format: INDEX_FORMAT,
    key,
    problems: corpus.problems.map((p) => ({ file: p.file, problem: p.problem, line: p.line })),
    index: index.toSavedJson(),
  };
  await writeFile(
    path.join(temporary, LETTERS),
    corpus.letters.map((l) => `${JSON.stringify(strip(l))}\n`).join(''),
  );
  await writeFile(path.join(temporary, ARRAYS), packArrays(index.arrays));
  await writeFile(path.join(temporary, META), JSON.stringify(meta));
  try {
    await rename(temporary, folder);
  } catch {
    await rm(temporary, { recursive: true, force: true });
  }
}

/**
 * Loads the corpus in `dir` with its index. With a `cacheDir`, a saved index for exactly this
 * corpus is loaded (no parsing, no indexing); otherwise the letters are parsed, indexed, and
 * the result saved for next time. A cache that cannot be read or written only costs a rebuild.
 */
export async function openCorpus(dir: string, cacheDir: string | null): Promise<OpenCorpus> {
  const key = cacheDir ? await corpusKey(dir).catch(() => null) : null;
  const folder = cacheDir && key ? path.join(cacheDir, `corpus-${key}`) : null;
  if (folder && key) {
    const saved = await readSaved(folder, key);
    if (saved) return { ...saved, corpus: { ...saved.corpus, dir } };
  }
  const corpus = await loadCorpus(dir);
  const index = SearchIndex.build(corpus.letters);
  if (cacheDir && key) await saveCorpus(cacheDir, key, corpus, index);
  return { corpus, index, source: 'built' };
}

/**
 * Saves a corpus and its index under `cacheDir` for the corpus `key`, returning the folder, or
 * null when it could not be written (a read-only disk still serves answers; only the next start
 * is slower).
 */
export async function saveCorpus(
  cacheDir: string,
  key: string,
  corpus: Corpus,
  index: SearchIndex,
): Promise<string | null> {
  const folder = path.join(cacheDir, `corpus-${key}`);
  try {
    await mkdir(cacheDir, { recursive: true });
    await writeSaved(folder, key, corpus, index);
    return folder;
  } catch {
    return null;
  }
}
