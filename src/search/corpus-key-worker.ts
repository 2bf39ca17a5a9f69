/**
 * Works out a corpus's key in a worker thread (`corpusKeyWith`), so that a server's start reads
 * its saved index meanwhile. Receives `{ dir, cacheDir, options }`, answers `{ key }` or
 * `{ message }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { corpusKeyWith } from './corpus-key.ts';

const { dir, cacheDir, options } = workerData as { dir: string; cacheDir: string; options: string };
corpusKeyWith(dir, cacheDir, options).then(
  (key) => parentPort?.postMessage({ key }),
  (error: unknown) => parentPort?.postMessage({ message: (error as Error).message }),
);
