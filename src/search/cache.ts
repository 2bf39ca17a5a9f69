import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Letter } from '../corpus/schema.ts';
import { INDEX_FORMAT, type SavedIndex, SearchIndex } from './search-index.ts';

/** The key of a saved index: the index format and every letter's id and content hash. */
export function corpusKey(letters: readonly Letter[]): string {
  const hash = createHash('sha256').update(`format ${INDEX_FORMAT}\n`);
  for (const l of letters) hash.update(`${l.id}\t${l.sha256}\n`);
  return hash.digest('hex').slice(0, 32);
}

/** How the index was obtained, for the start-up log line. */
export type IndexSource = 'built' | 'loaded';

/**
 * Returns the index for `letters`, loading it from `cacheDir` when a saved index for exactly
 * these letters exists, else building and saving it. A changed corpus has another key, so it is
 * never served a stale index. A cache that cannot be read or written only costs a rebuild.
 */
export async function loadOrBuildIndex(
  letters: readonly Letter[],
  cacheDir: string | null,
): Promise<{ index: SearchIndex; source: IndexSource }> {
  if (!cacheDir) return { index: SearchIndex.build(letters), source: 'built' };
  const file = path.join(cacheDir, `index-${corpusKey(letters)}.json`);
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as SavedIndex;
    if (saved.format === INDEX_FORMAT)
      return { index: await SearchIndex.fromSaved(letters, saved), source: 'loaded' };
  } catch {
    // No saved index for this corpus yet (or an unreadable one): build it.
  }
  const index = SearchIndex.build(letters);
  try {
    await mkdir(cacheDir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(index.toSaved()));
    await rename(temporary, file);
  } catch {
    // A read-only disk still serves answers; only the next start is slower.
  }
  return { index, source: 'built' };
}
