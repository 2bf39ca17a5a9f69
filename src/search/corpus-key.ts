import { createHash } from 'node:crypto';
import { readdirSync, type Stats, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Working out a corpus's key (`corpusKeyWith`), with node's own modules only: a server's start
 * runs it in a worker thread (`corpus-key-worker.ts`), which loads this and nothing else.
 */

/** What is known of each corpus file, so an unchanged file need not be read again to hash it. */
type FileRecord = { size: number; mtimeMs: number; sha256: string };

const FILE_RECORDS = 'files.json';
/** The corpus key worked out last, and from what (`KeyMemo`). */
const KEY_MEMO = 'key.json';

/** Files read at once when hashing. */
const HASH_BATCH = 64;

/**
 * The corpus's files, as paths relative to `dir`, sorted; none in a folder or of a name that
 * starts with a dot. Each folder is listed on its own (synchronously, 79 folders of 10,952 files
 * in 10 ms), and a hidden folder not at all: Node's recursive listing, with a `path.join` a file,
 * took several times as long, and listing through the thread pool longer still.
 */
function corpusFiles(dir: string): string[] {
  const files: string[] = [];
  const list = (folder: string, relative: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const name = relative ? `${relative}${path.sep}${entry.name}` : entry.name;
      if (entry.isFile()) files.push(name);
      else if (entry.isDirectory()) list(`${folder}${path.sep}${entry.name}`, name);
    }
  };
  list(dir, '');
  return files.sort();
}

/**
 * What the corpus key was worked out from last time, kept beside the files' records: a digest of
 * the folder's path and every file's path, size and modification time, and the key it gave with the index options of
 * then. While the digest and the options are the same, so is the key, and the records (1.7 MB of
 * JSON at 10,952 files) need not be read.
 */
interface KeyMemo {
  stats: string;
  options: string;
  key: string;
}

/**
 * The key of a corpus: the index options (`options`, `indexOptionsFingerprint`) and the path and
 * SHA-256 of every file in the folder.
 * Any change to any file (or a new or removed one) gives another key, so a saved index is
 * never served for a corpus it was not built from. Like git, it reuses a file's recorded hash
 * while the file's size and modification time are unchanged, and reads and hashes it otherwise.
 */
export async function corpusKeyWith(
  dir: string,
  cacheDir: string | null,
  options: string,
): Promise<string> {
  const files = corpusFiles(dir);
  // Stat every file at once, synchronously: a few microseconds a file, where 10,000 trips
  // through libuv's thread pool took a third of a second.
  const stats = files.map((relative) => statSync(path.join(dir, relative)));
  const statsDigest = createHash('sha256').update(`${path.resolve(dir)}\n`);
  files.forEach((relative, i) =>
    statsDigest.update(`${relative}\0${stats[i]?.size}\0${stats[i]?.mtimeMs}\n`),
  );
  const memo: KeyMemo = {
    stats: statsDigest.digest('hex'),
    options: createHash('sha256').update(options).digest('hex'),
    key: '',
  };
  const memoFile = cacheDir ? path.join(cacheDir, KEY_MEMO) : null;
  if (memoFile) {
    const last = (await readFile(memoFile, 'utf8').then(JSON.parse, () => null)) as KeyMemo | null;
    if (last?.stats === memo.stats && last.options === memo.options && last.key) return last.key;
  }
  const recordsFile = cacheDir ? path.join(cacheDir, FILE_RECORDS) : null;
  let records: Record<string, FileRecord> = {};
  if (recordsFile)
    records = (await readFile(recordsFile, 'utf8').then(JSON.parse, () => ({}))) as Record<
      string,
      FileRecord
    >;
  const next: Record<string, FileRecord> = {};
  let changed = Object.keys(records).length !== files.length;
  // Only new or changed files are read.
  const stale: { relative: string; size: number; mtimeMs: number }[] = [];
  files.forEach((relative, i) => {
    const { size, mtimeMs } = stats[i] as Stats;
    const known = records[relative];
    if (known && known.size === size && known.mtimeMs === mtimeMs) next[relative] = known;
    else stale.push({ relative, size, mtimeMs });
  });
  if (stale.length > 0) changed = true;
  for (let i = 0; i < stale.length; i += HASH_BATCH) {
    await Promise.all(
      stale.slice(i, i + HASH_BATCH).map(async ({ relative, size, mtimeMs }) => {
        const sha256 = createHash('sha256')
          .update(await readFile(path.join(dir, relative)))
          .digest('hex');
        next[relative] = { size, mtimeMs, sha256 };
      }),
    );
  }
  if (recordsFile && changed) {
    await mkdir(path.dirname(recordsFile)).catch(() => undefined);
    await writeFile(recordsFile, JSON.stringify(next)).catch(() => undefined);
  }
  const hash = createHash('sha256').update(`${options}\n`);
  for (const relative of files) hash.update(`${relative}\0${next[relative]?.sha256}\n`);
  memo.key = hash.digest('hex').slice(0, 32);
  if (memoFile) {
    // Written whole and then renamed, so that another process starting meanwhile (a server's
    // workers) reads the memo before or after, never half of it.
    const written = `${memoFile}.tmp-${process.pid}-${threadId}`;
    await mkdir(path.dirname(memoFile)).catch(() => undefined);
    await writeFile(written, JSON.stringify(memo))
      .then(() => rename(written, memoFile))
      .catch(() => rm(written, { force: true }).catch(() => undefined));
  }
  return memo.key;
}
