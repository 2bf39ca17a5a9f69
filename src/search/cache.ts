import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CorpusError } from '../corpus/errors.ts';
import { type Corpus, loadCorpus } from '../corpus/load.ts';
import type { Letter } from '../corpus/schema.ts';
import { INDEX_FORMAT, type SavedIndex, SearchIndex } from './search-index.ts';

/** How the index was obtained, for the start-up log line. */
export type IndexSource = 'built' | 'loaded';

/** A corpus with its index, ready to answer. */
export interface OpenCorpus {
  corpus: Corpus;
  index: SearchIndex;
  source: IndexSource;
}

/** What the cache file holds: the parsed letters (passage texts left out), problems, and the index. */
interface SavedCorpus {
  format: number;
  key: string;
  letters: Letter[];
  problems: { file: string; problem: string; line?: number }[];
  index: SavedIndex;
}

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
  for (const relative of entries) {
    hash.update(`${relative}\0`);
    hash.update(await readFile(path.join(dir, relative)));
    hash.update('\0');
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

async function readSaved(file: string, key: string): Promise<OpenCorpus | null> {
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as SavedCorpus;
    if (saved.format !== INDEX_FORMAT || saved.key !== key) return null;
    const letters = saved.letters.map(restore);
    const problems = saved.problems.map((p) => new CorpusError(p.file, p.problem, p.line));
    const corpus: Corpus = { dir: '', letters, problems };
    return { corpus, index: SearchIndex.fromSaved(letters, saved.index), source: 'loaded' };
  } catch {
    return null;
  }
}

/**
 * Loads the corpus in `dir` with its index. With a `cacheDir`, a saved index for exactly this
 * corpus is loaded (no parsing, no indexing); otherwise the letters are parsed, indexed, and
 * the result saved for next time. A cache that cannot be read or written only costs a rebuild.
 */
export async function openCorpus(dir: string, cacheDir: string | null): Promise<OpenCorpus> {
  if (cacheDir) {
    const key = await corpusKey(dir).catch(() => null);
    const file = key ? path.join(cacheDir, `corpus-${key}.json`) : null;
    const saved = key && file ? await readSaved(file, key) : null;
    if (saved) return { ...saved, corpus: { ...saved.corpus, dir } };
    const corpus = await loadCorpus(dir);
    const index = SearchIndex.build(corpus.letters);
    if (key && file) {
      const toSave: SavedCorpus = {
        format: INDEX_FORMAT,
        key,
        letters: corpus.letters.map(strip),
        problems: corpus.problems.map((p) => ({ file: p.file, problem: p.problem, line: p.line })),
        index: index.toSaved(),
      };
      try {
        await mkdir(cacheDir, { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        await writeFile(temporary, JSON.stringify(toSave));
        await rename(temporary, file);
      } catch {
        // A read-only disk still serves answers; only the next start is slower.
      }
    }
    return { corpus, index, source: 'built' };
  }
  const corpus = await loadCorpus(dir);
  return { corpus, index: SearchIndex.build(corpus.letters), source: 'built' };
}
