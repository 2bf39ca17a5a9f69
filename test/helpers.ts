import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach } from 'vitest';
import type { HandlerContext } from '../commands/context.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { parseLetter } from '../src/corpus/parse-letter.ts';
import type { Letter } from '../src/corpus/schema.ts';
import { SearchIndex } from '../src/search/index.ts';
import { createLogger } from '../src/serving/logger.ts';
import { AnnexState, type IndexInfo } from '../src/serving/state.ts';

/** The repository's root. */
export const ROOT = path.resolve(import.meta.dirname, '..');

/** The built entry points (`npm run build`), as `npm start` and `npm run cli` run them. */
export const BUILT = {
  cli: path.join(ROOT, 'dist/cli.cjs'),
  bot: path.join(ROOT, 'dist/bot.cjs'),
  register: path.join(ROOT, 'dist/register.cjs'),
  serve: path.join(ROOT, 'dist/serve.cjs'),
} as const;

/**
 * The tests' corpus: their own copies of the five seed letters. Never the operator's `corpus/`
 * folder, which `cli add` and `/reload` change; a test that read it would fail once a letter
 * was added.
 */
export const CORPUS_DIR = path.resolve(import.meta.dirname, 'fixtures', 'seed-letters');

/** What an index of the seed letters says of itself, as the renderers show it. */
export const SEED_INFO: IndexInfo = {
  noun: 'letter',
  letters: 5,
  passages: 60,
  from: '2021-02-23',
  to: '2024-04-04',
  builtAt: new Date('2026-11-22T12:00:00Z'),
};

/**
 * Three made-up letters on floods in Testland, with figures and dates known, for `/chart`:
 * running totals of flood victims, the killed and the injured among them, one incident, a total
 * over another span, two rival figures in one sentence, a figure between two years.
 */
export const CHART_FIXTURES = path.join(ROOT, 'test/fixtures/chart');

/**
 * Made-up letters from Testland on other subjects than the seed letters' mines, in words those
 * letters never use: northern mine clearance (a time to come, a time of day, a sum), Tropical
 * Storm Ulani, the Vell dam collapse, and returns to Dorin. `eval/rules-era-questions.json` asks
 * its questions of them too.
 */
export const TESTLAND_DIR = path.join(ROOT, 'test/fixtures/testland');

/**
 * Made-up documents that are no letters, of the shapes user trial 13 brought: a report with a UN
 * masthead, section headings and a lead-in with its sub-items, and a speech with salutations.
 */
export const NON_LETTERS_DIR = path.join(ROOT, 'test/fixtures/non-letters');
/** A meeting's verbatim record (`records.test.ts`). */
export const RECORDS_DIR = path.join(ROOT, 'test/fixtures/records');

/**
 * A note verbale as its mission sent it, with no "Note verbale dated …" heading: its file name is
 * all that names it (user trial 17). Written for the tests.
 */
export const NOTE_AS_SENT = {
  file: 'testland-candidature.txt',
  text: [
    'The Permanent Mission of the Republic of Testland to the United Nations presents its compliments to the Secretary-General and has the honour to announce its candidature to the Human Rights Council.',
    'Testland pledges to present a national action plan on human rights by 2027.',
    'New York, 3 June 2025',
  ].join('\n\n'),
};

/** The Testland letters, by a word of their file names. */
export const TESTLAND = {
  clearance: '2025-03-01-testland-northern-mine-clearance.txt',
  storm: '2025-06-10-testland-tropical-storm-ulani.txt',
  dam: '2025-11-08-testland-vell-dam-collapse.txt',
  return: '2026-02-03-testland-returns-to-dorin.txt',
} as const;

/** One Testland letter, parsed as the corpus parses a letter file. */
export async function testlandLetter(name: keyof typeof TESTLAND): Promise<Letter> {
  const file = TESTLAND[name];
  const raw = await readFile(path.join(TESTLAND_DIR, file), 'utf8');
  return parseLetter(raw, {
    id: file.replace(/\.txt$/, ''),
    file,
    sha256: createHash('sha256').update(raw).digest('hex'),
  });
}

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

/** The documents Annex reads from files of these names and texts, in a fresh folder. */
export async function documentsOf(files: Readonly<Record<string, string>>) {
  const dir = await tempDir();
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return (await loadCorpus(dir)).letters;
}

const started: ChildProcess[] = [];

/**
 * Starts `node file …args` in a process group of its own, so that it and everything it starts
 * (a ShardingManager's shards) are stopped after the test, whether the test passed or not.
 */
export function startNode(file: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  return startProcess(process.execPath, [file, ...args], options);
}

/** Starts `command …args` as `startNode` does: stopped after the test, whatever happened. */
export function startProcess(
  command: string,
  args: string[],
  options: SpawnOptions = {},
): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  started.push(child);
  return child;
}

/** A Redis server of the test's own (Debian's `redis-server`), on a free port, stopped after the test. */
export async function startRedis(): Promise<{ url: string; child: ChildProcess }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  const child = startProcess('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      output += d;
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.once('error', (error) =>
      reject(
        new Error(`cannot start redis-server (apt-get install redis-server): ${error.message}`),
      ),
    );
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)));
  });
  return { url: `redis://127.0.0.1:${port}`, child };
}

/** Stops a process group started by `startNode`, if anything of it still runs. */
function stopGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

afterEach(async () => {
  for (const child of started.splice(0)) stopGroup(child);
  // Retried: a test that timed out may still be writing into its folder (a CI run: ENOTEMPTY).
  for (const dir of made.splice(0))
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

/**
 * Copies of `letters` whose passages count how often their text is read (as a saved index reads
 * it from disk), and the count: `reads()`, set back to 0 by `reset()`.
 */
export function countingTextReads(letters: readonly Letter[]): {
  letters: Letter[];
  reads: () => number;
  reset: () => void;
} {
  let reads = 0;
  const counted = letters.map((letter) => ({
    ...letter,
    passages: letter.passages.map((passage) => {
      const copy = { ...passage };
      Object.defineProperty(copy, 'text', {
        get: () => {
          reads += 1;
          return passage.text;
        },
      });
      return copy;
    }),
  }));
  return { letters: counted, reads: () => reads, reset: () => (reads = 0) };
}

/** The document of `corpus` with this id; a fixture that did not load fails the test, named. */
export function documentOf(corpus: { letters: readonly Letter[] }, id: string): Letter {
  const found = corpus.letters.find((d) => d.id === id);
  if (!found) throw new Error(`fixture ${id} did not load`);
  return found;
}

/** What the handler core is given, serving `letters`, with a logger that writes nowhere. */
export function handlerContext(letters: readonly Letter[]): HandlerContext {
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  return {
    state: new AnnexState(SearchIndex.build(letters)),
    logger: createLogger('silent', [], sink),
  };
}
