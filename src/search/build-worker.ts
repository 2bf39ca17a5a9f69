/**
 * Builds and saves a corpus's index in a worker thread, so the bot keeps answering while a large
 * corpus is re-indexed. Receives `{ dir, cacheDir }`, answers `{ ok: true }` once the saved index
 * is written, or `{ ok: false, message }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openCorpus } from './cache.ts';

const { dir, cacheDir } = workerData as { dir: string; cacheDir: string };
openCorpus(dir, cacheDir).then(
  () => parentPort?.postMessage({ ok: true }),
  (error: unknown) => parentPort?.postMessage({ ok: false, message: (error as Error).message }),
);
