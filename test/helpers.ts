import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** The repository's own corpus folder. */
export const CORPUS_DIR = path.resolve(import.meta.dirname, '..', 'corpus');

/** Ids of the five seed letters, named for what they are about. */
export const SEED = {
  khojavand: '2023-09-19-a-78-368-khojavand-landmine-victims',
  awarenessDay2024: '2024-04-04-mine-awareness-day-statement',
  lachin: '2022-08-24-a-76-930-lachin-new-mines',
  minefieldInfo: '2021-02-23-minefield-information-refused',
  hrcNote: '2021-04-05-hrc-note-verbale-mine-awareness-day',
} as const;

const made: string[] = [];

/** A fresh temporary folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'annex-test-'));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});
