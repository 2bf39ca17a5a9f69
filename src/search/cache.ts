import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  read,
  readdirSync,
  readSync,
  statSync,
} from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CorpusError } from '../corpus/errors.ts';
import {
  assertCorpusFolder,
  CORPUS_FORMAT,
  type Corpus,
  displayPath,
  loadCorpus,
} from '../corpus/load.ts';
import type { Letter, PartKind, Passage, PassageRole } from '../corpus/schema.ts';
import { answerQuestion } from './answer.ts';
import { corpusKeyWith } from './corpus-key.ts';
import { examplesToSave, restoreExamples, type SavedExamples } from './examples.ts';
import { GLOSSARY } from './glossary.ts';
import { WEIGHTS } from './model.ts';
import * as lexicon from './lexicon.ts';
import {
  packArrays,
  packTyped,
  type SavedIndexJson,
  unpackArrays,
  unpackTyped,
} from './saved-index.ts';
import { PART_CODES } from './index-entries.ts';
import { INDEX_FORMAT, SearchIndex } from './search-index.ts';
import { vectorsFile } from './vectors.ts';

/**
 * Told how far building an index has got: the files read (`reading`, `done` of `total`), then
 * the index built (`indexing`, 0 of 1 when it starts, 1 of 1 when done). Only a build reports.
 */
export type BuildProgress = (stage: 'reading' | 'indexing', done: number, total: number) => void;

/** How the index was obtained, for the start-up log line. */
export type IndexSource = 'built' | 'loaded';

/** A corpus with its index, ready to answer. */
export interface OpenCorpus {
  corpus: Corpus;
  index: SearchIndex;
  source: IndexSource;
  /** The corpus key the index was saved under (null without a cache). */
  key: string | null;
  /** Problems worth telling the operator that did not stop the corpus from opening. */
  warnings?: string[];
  /** The cache folder in use: the one asked for, or null when it could not be used. */
  cacheDir?: string | null;
}

/** The JSON file of a saved corpus: letters without their texts, problems, and the index. */
interface SavedMeta {
  format: number;
  key: string;
  /** When the index was built (ISO 8601): every process that loads it reports the same time. */
  builtAt?: string;
  problems: { file: string; problem: string; line?: number }[];
  /** What to check in letters that loaded (absent from an index saved before there were any). */
  warnings?: { file: string; problem: string; line?: number }[];
  /** Letters without `text` (in texts.bin) and passages (in passages.bin). */
  letters: SavedLetter[];
  index: SavedIndexJson;
  /**
   * The how-to-ask examples, made when the index was built (`examplesToSave`); absent from an
   * index saved before they were.
   */
  examples?: SavedExamples;
}

/**
 * Letters as saved: without `text` (in texts.bin) and passages (in passages.bin). Where each
 * letter's text, passages and headings are is in passages.bin too, so that each saved letter is
 * the letter itself, used as parsed.
 */
type SavedLetter = Omit<Letter, 'text' | 'passages'>;

/**
 * How passages.bin lays out every passage, in order, one typed array a field (`packTyped`); then
 * per letter where its text, passages and headings are.
 */
const PASSAGE_COLUMNS = [
  Uint32Array, // n
  Uint8Array, // part: PART_CODES
  Uint16Array, // partIndex
  Uint32Array, // start (in the letter's text)
  Uint32Array, // end
  Uint32Array, // byteStart (in the letter's UTF-8 bytes)
  Uint32Array, // byteEnd
  Uint32Array, // where each passage's pages start in the next array (passages + 1)
  Uint16Array, // pages
  Uint8Array, // role: 0 for a paragraph, else 1 + its place in ROLE_CODES
  Uint16Array, // speaker: 0 for none, else 1 + its place in its letter's `speakers`
  Float64Array, // where each letter's text starts in texts.bin (letters + 1)
  Uint32Array, // each letter's first passage (letters + 1)
  Uint32Array, // each letter's first heading in the next array (letters + 1)
  /**
   * Its headings (`SearchIndex.headingLists`), six numbers each: start, end, part (`PART_CODES`),
   * part index, and the heading's bytes [from, to) in the letter's UTF-8 text.
   */
  Uint32Array,
] as const;
/** Numbers per heading in passages.bin. */
const HEADING_FIELDS = 6;
/** A passage's role (`Passage.role`) as a number in passages.bin: its place here, plus one. */
const ROLE_CODES: readonly PassageRole[] = ['heading', 'salutation', 'dateline'];

const META = 'meta.json';
const TEXTS = 'texts.bin';
const PASSAGES = 'passages.bin';
const ARRAYS = 'arrays.bin';
/**
 * What, besides the letters, decides the index: its format and the analysis options (the
 * glossary, the lexicon's numbers, BM25's weights). Part of the corpus key, so changing them re-indexes.
 */
export function indexOptionsFingerprint(): string {
  return JSON.stringify({
    INDEX_FORMAT,
    CORPUS_FORMAT,
    GLOSSARY,
    lexicon: Object.entries(lexicon).filter(([, value]) => typeof value === 'number'),
    // Each word's best BM25 factor is worked out at index time.
    bm25: [WEIGHTS.bm25Saturation, WEIGHTS.bm25Length],
  });
}

/**
 * Makes `dir` (and the folders above it that are missing) and checks that a file can be written
 * there. Returns why it cannot be used, or null. Folders are made one at a time: Node's
 * recursive mkdir never returns for some paths (`/proc/nope`).
 */
export async function prepareCacheDir(dir: string): Promise<string | null> {
  const missing: string[] = [];
  let at = path.resolve(dir);
  while (
    !(await stat(at).then(
      () => true,
      () => false,
    ))
  ) {
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  const probe = path.join(dir, `.probe-${process.pid}`);
  try {
    for (const folder of missing)
      await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
    await writeFile(probe, '');
    await rm(probe, { force: true });
    return null;
  } catch (error) {
    return `the index cache folder ${dir} (INDEX_CACHE_DIR) cannot be used (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): answering without a saved index, so every start re-indexes the letters`;
  }
}

/**
 * The key of a corpus: the index options and the path and SHA-256 of every file in the folder.
 * Any change to any file (or a new or removed one) gives another key, so a saved index is
 * never served for a corpus it was not built from (`corpusKeyWith`).
 */
export function corpusKey(dir: string, cacheDir: string | null = null): Promise<string> {
  return corpusKeyWith(dir, cacheDir, indexOptionsFingerprint());
}

/**
 * The key worker's entry: the bundle beside this one (dist/corpus-key-worker.cjs, or .mjs beside
 * the scripts' bundles), or, when running from the TypeScript sources (the tests), an entry that
 * registers tsx first.
 */
const KEY_WORKER = import.meta.url.endsWith('.ts')
  ? new URL('./corpus-key-worker-entry.mjs', import.meta.url)
  : new URL(
      `./corpus-key-worker.${import.meta.url.endsWith('.mjs') ? 'mjs' : 'cjs'}`,
      import.meta.url,
    );

/**
 * `corpusKey` worked out in a worker thread, so that a server's start reads its saved index
 * meanwhile: stating 10,952 files took the main thread a quarter of a second. Worked out here
 * when the worker cannot start.
 */
function corpusKeyInWorker(dir: string, cacheDir: string): Promise<string> {
  const options = indexOptionsFingerprint();
  const inWorker = new Promise<string>((resolve, reject) => {
    const worker = new Worker(KEY_WORKER, { workerData: { dir, cacheDir, options } });
    worker.once('message', (m: { key?: string; message?: string }) =>
      m.key ? resolve(m.key) : reject(new Error(m.message)),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`key worker exited with code ${code}`)));
  });
  return inWorker.catch(() => corpusKeyWith(dir, cacheDir, options));
}

const openTexts = new Map<string, number>();

/**
 * A letter's full text, read from the saved texts file when asked for (for `/letter` and the
 * CLI): only passages stay in memory. The file is opened when the index is loaded and stays
 * open, so it can be read even if the cache folder is deleted or replaced meanwhile.
 */
function readTextSync(file: string, from: number, to: number): string {
  let fd = openTexts.get(file);
  if (fd === undefined) {
    fd = openSync(file, 'r');
    openTexts.set(file, fd);
  }
  const buffer = Buffer.alloc(to - from);
  readSync(fd, buffer, 0, to - from, from);
  return buffer.toString('utf8');
}

/** A loaded letter's place in its saved index (a property that is not enumerable). */
const SAVED_AT = Symbol('saved letter');

/** The pages of the many passages a text's footers give none (shared, never changed). */
const NO_PAGES: number[] = [];

/**
 * A saved passage whose text is read from the saved texts file the first time it is asked for,
 * then kept: loading 10,000 letters need not decode a quarter of a million passages, of which a
 * question reads a few dozen. It prints as JSON with its text, as a parsed passage does.
 */
class SavedPassage implements Passage {
  #text: string | undefined;
  /** Where the text is: the saved texts file, bytes [from, to). */
  readonly #file: string;
  readonly #from: number;
  readonly #to: number;
  /** Declared, not defined: a paragraph has no such field. */
  declare readonly role?: PassageRole;
  /** Declared, not defined: only a turn of a meeting's record has one. */
  declare readonly speaker?: string;
  constructor(
    readonly n: number,
    readonly part: PartKind,
    readonly partIndex: number,
    readonly pages: number[],
    readonly start: number,
    readonly end: number,
    file: string,
    from: number,
    to: number,
    role: PassageRole | undefined = undefined,
    speaker: string | undefined = undefined,
  ) {
    this.#file = file;
    this.#from = from;
    this.#to = to;
    // Only a heading or a salutation has the field, as only theirs has when parsed; and a turn.
    if (role) this.role = role;
    if (speaker) this.speaker = speaker;
  }

  get text(): string {
    this.#text ??= readTextSync(this.#file, this.#from, this.#to);
    return this.#text;
  }

  toJSON(): Passage {
    const { n, part, partIndex, pages, start, end, text, role, speaker } = this;
    return {
      n,
      part,
      partIndex,
      pages,
      start,
      end,
      text,
      ...(role ? { role } : {}),
      ...(speaker ? { speaker } : {}),
    };
  }
}

/**
 * Reads a file whole in one request to the thread pool. `readFile` reads 512 KB at a time, each
 * piece waiting for the main thread, so a file read while the main thread is busy (hashing the
 * corpus, parsing another file) stalls; this one is read meanwhile. It is opened and measured at
 * once (microseconds), so that the read is the first request queued: an asynchronous open and
 * stat each waited for the main thread before the read could start.
 */
async function readWhole(file: string): Promise<Buffer> {
  const fd = openSync(file, 'r');
  try {
    const { size } = fstatSync(fd);
    const buffer = Buffer.allocUnsafe(size);
    let done = 0;
    while (done < size) {
      const bytesRead = await new Promise<number>((resolve, reject) =>
        read(fd, buffer, done, size - done, done, (error, n) =>
          error ? reject(error) : resolve(n),
        ),
      );
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return buffer.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

/** The files of a saved index, being read (`readSavedFiles`). */
interface SavedFiles {
  folder: string;
  meta: Promise<Buffer>;
  passages: Promise<Buffer>;
  arrays: Promise<Buffer>;
}

/**
 * Starts reading the files of the saved index in `folder`. Each is read by the thread pool while
 * the main thread goes on; one that cannot be read rejects when awaited, and never otherwise.
 * The meta file is read first, alone, unless `together`: when the main thread has other work to
 * do meanwhile, all are read at once (a read queued behind another starts only when the main
 * thread is free to start it).
 */
function readSavedFiles(folder: string, together = false): SavedFiles {
  const read = (file: string, after?: Promise<unknown>) => {
    const reading = after
      ? after.then(
          () => readWhole(path.join(folder, file)),
          () => readWhole(path.join(folder, file)),
        )
      : readWhole(path.join(folder, file));
    reading.catch(() => undefined);
    return reading;
  };
  // The meta file first, alone: it is parsed while the others are read.
  const meta = read(META);
  const after = together ? undefined : meta;
  return { folder, meta, passages: read(PASSAGES, after), arrays: read(ARRAYS, after) };
}

/**
 * The saved index `files` are reading, of this format and, unless `key` is null, of this corpus
 * key (its `key` says which it is); null when it cannot be read or is of another.
 */
async function readSaved(files: SavedFiles, key: string | null): Promise<OpenCorpus | null> {
  const { folder } = files;
  try {
    // The meta file is parsed while the others are still being read; a file of another format or
    // corpus is refused.
    const meta = JSON.parse(String(await files.meta)) as SavedMeta;
    if (meta.format !== INDEX_FORMAT || (key !== null && meta.key !== key)) return null;
    const [
      n,
      part,
      partIndex,
      start,
      end,
      byteStart,
      byteEnd,
      pageStart,
      pages,
      role,
      speakerOf,
      textStart,
      letterStart,
      headingStart,
      headingSpans,
    ] = unpackTyped(await files.passages, PASSAGE_COLUMNS) as [
      Uint32Array,
      Uint8Array,
      Uint16Array,
      Uint32Array,
      Uint32Array,
      Uint32Array,
      Uint32Array,
      Uint32Array,
      Uint16Array,
      Uint8Array,
      Uint16Array,
      Float64Array,
      Uint32Array,
      Uint32Array,
      Uint32Array,
    ];
    const letters = meta.letters as Letter[];
    if (letterStart.length !== letters.length + 1 || letterStart[letters.length] !== n.length)
      return null;
    const headings: Passage[][] = [];
    const textsFile = path.join(folder, TEXTS);
    if (!openTexts.has(textsFile)) openTexts.set(textsFile, openSync(textsFile, 'r'));
    /** A letter's passages, made when the letter is first read: most never are. */
    const passagesOf = (l: number, from: number): Passage[] => {
      const passages: Passage[] = [];
      const speakers = letters[l]?.speakers ?? [];
      for (let i = letterStart[l] ?? 0; i < (letterStart[l + 1] ?? 0); i++) {
        const first = pageStart[i] ?? 0;
        const after = pageStart[i + 1] ?? 0;
        passages.push(
          new SavedPassage(
            n[i] ?? 0,
            PART_CODES[part[i] ?? 0] ?? 'letter',
            partIndex[i] ?? 0,
            after > first ? Array.from(pages.subarray(first, after)) : NO_PAGES,
            start[i] ?? 0,
            end[i] ?? 0,
            textsFile,
            from + (byteStart[i] ?? 0),
            from + (byteEnd[i] ?? 0),
            ROLE_CODES[(role[i] ?? 0) - 1],
            speakers[(speakerOf[i] ?? 0) - 1],
          ),
        );
      }
      return passages;
    };
    // Every letter shares these two getters, which find the letter by its place (`SAVED_AT`): a
    // getter of its own (a closure) gave each of 10,952 letters a hidden class of its own, which
    // took a fifth of a second to define and left every reading of a letter's fields megamorphic.
    const made: (Passage[] | undefined)[] = [];
    function passagesGetter(this: Letter): Passage[] {
      const l = (this as Letter & { [SAVED_AT]: number })[SAVED_AT];
      return (made[l] ??= passagesOf(l, textStart[l] ?? 0));
    }
    function textGetter(this: Letter): string {
      const l = (this as Letter & { [SAVED_AT]: number })[SAVED_AT];
      return readTextSync(textsFile, textStart[l] ?? 0, textStart[l + 1] ?? 0);
    }
    for (const [l, letter] of letters.entries()) {
      const from = textStart[l] ?? 0;
      const own: Passage[] = [];
      for (let at = headingStart[l] ?? 0; at < (headingStart[l + 1] ?? 0); at++) {
        const h = at * HEADING_FIELDS;
        own.push(
          new SavedPassage(
            0,
            PART_CODES[headingSpans[h + 2] ?? 0] ?? 'letter',
            headingSpans[h + 3] ?? 1,
            NO_PAGES,
            headingSpans[h] ?? 0,
            headingSpans[h + 1] ?? 0,
            textsFile,
            from + (headingSpans[h + 4] ?? 0),
            from + (headingSpans[h + 5] ?? 0),
          ),
        );
      }
      headings.push(own);
      Object.defineProperty(letter, SAVED_AT, { value: l });
      Object.defineProperty(letter, 'passages', { enumerable: true, get: passagesGetter });
      Object.defineProperty(letter, 'text', { enumerable: true, get: textGetter });
    }
    const problems = meta.problems.map((p) => new CorpusError(p.file, p.problem, p.line));
    const warnings = (meta.warnings ?? []).map((w) => new CorpusError(w.file, w.problem, w.line));
    // An index saved before the build time was kept: its meta file was written when it was built.
    const builtAt = meta.builtAt
      ? new Date(meta.builtAt)
      : (await stat(path.join(folder, META))).mtime;
    const arrays = unpackArrays(await files.arrays);
    const index = SearchIndex.fromSaved(
      letters,
      headings,
      { letterStart, part, partIndex },
      meta.index,
      arrays,
      builtAt,
    );
    restoreExamples(index, meta.examples);
    return {
      corpus: { dir: '', letters, problems, warnings },
      index,
      source: 'loaded',
      key: meta.key,
    };
  } catch {
    return null;
  }
}

/**
 * The UTF-8 byte offset of each character offset of `text`, counted on from the last one asked
 * for when offsets come in order (a letter's passages do), not from the start each time.
 */
function utf8Offsets(text: string): (at: number) => number {
  let at = 0;
  let bytes = 0;
  return (to) => {
    if (to < at) {
      at = 0;
      bytes = 0;
    }
    const found = bytes + Buffer.byteLength(text.slice(at, to), 'utf8');
    // Counting on from an offset inside a surrogate pair would count each half as a character.
    const high = text.charCodeAt(to - 1);
    if (high >= 0xd800 && high <= 0xdbff) return found;
    at = to;
    bytes = found;
    return found;
  };
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
  const count = corpus.letters.reduce((n, l) => n + l.passages.length, 0);
  const [n, part, partIndex, start, end, byteStart, byteEnd, pageStart, role, speakerOf] = [
    new Uint32Array(count),
    new Uint8Array(count),
    new Uint16Array(count),
    new Uint32Array(count),
    new Uint32Array(count),
    new Uint32Array(count),
    new Uint32Array(count),
    new Uint32Array(count + 1),
    new Uint8Array(count),
    new Uint16Array(count),
  ];
  const letterCount = corpus.letters.length;
  const textStart = new Float64Array(letterCount + 1);
  const letterStart = new Uint32Array(letterCount + 1);
  const headingStart = new Uint32Array(letterCount + 1);
  const headingSpans: number[] = [];
  const pages: number[] = [];
  let i = 0;
  // The texts are written letter by letter: a 10,000-document corpus's texts are 200 MB.
  const texts = await open(path.join(temporary, TEXTS), 'w');
  const letters: SavedLetter[] = [];
  try {
    for (const [l, letter] of corpus.letters.entries()) {
      const text = letter.text;
      const bytes = Buffer.from(text, 'utf8');
      await texts.write(bytes);
      textStart[l + 1] = (textStart[l] ?? 0) + bytes.length;
      const { text: _text, passages, ...rest } = letter;
      const byteOffset = utf8Offsets(text);
      for (const p of passages) {
        n[i] = p.n;
        part[i] = PART_CODES.indexOf(p.part);
        partIndex[i] = p.partIndex;
        start[i] = p.start;
        end[i] = p.end;
        byteStart[i] = byteOffset(p.start);
        byteEnd[i] = (byteStart[i] ?? 0) + Buffer.byteLength(p.text, 'utf8');
        pages.push(...p.pages);
        pageStart[i + 1] = pages.length;
        role[i] = p.role ? ROLE_CODES.indexOf(p.role) + 1 : 0;
        speakerOf[i] = p.speaker ? (letter.speakers ?? []).indexOf(p.speaker) + 1 : 0;
        i += 1;
      }
      letterStart[l + 1] = i;
      for (const h of index.headingLists[l] ?? []) {
        const byteFrom = byteOffset(h.start);
        headingSpans.push(
          h.start,
          h.end,
          PART_CODES.indexOf(h.part),
          h.partIndex,
          byteFrom,
          byteFrom + Buffer.byteLength(h.text, 'utf8'),
        );
      }
      headingStart[l + 1] = headingSpans.length / HEADING_FIELDS;
      letters.push(rest);
    }
  } finally {
    await texts.close();
  }
  const saved = index.toSaved();
  const meta: SavedMeta = {
    format: INDEX_FORMAT,
    key,
    builtAt: index.builtAt.toISOString(),
    problems: corpus.problems.map((p) => ({ file: p.file, problem: p.problem, line: p.line })),
    warnings: corpus.warnings.map((w) => ({ file: w.file, problem: w.problem, line: w.line })),
    letters,
    index: saved.json,
    examples: examplesToSave(index, (question) => answerQuestion(index, question)),
  };
  await writeFile(
    path.join(temporary, PASSAGES),
    packTyped([
      n,
      part,
      partIndex,
      start,
      end,
      byteStart,
      byteEnd,
      pageStart,
      Uint16Array.from(pages),
      role,
      speakerOf,
      textStart,
      letterStart,
      headingStart,
      Uint32Array.from(headingSpans),
    ]),
  );
  await writeFile(path.join(temporary, ARRAYS), packArrays(saved.arrays));
  await writeFile(path.join(temporary, META), JSON.stringify(meta));
  try {
    await rename(temporary, folder);
  } catch {
    await rm(temporary, { recursive: true, force: true });
  }
}

/** A saved index's folder name: `corpus-` and its key (not a folder being written, `….tmp-<pid>`). */
const SAVED_FOLDER = /^corpus-[0-9a-f]+$/;

/**
 * The saved index of `cacheDir` saved or loaded last (a folder's modification time, which
 * loading sets), or null when it holds none.
 */
function latestSaved(cacheDir: string): string | null {
  let latest: string | null = null;
  let latestMs = -Infinity;
  try {
    for (const name of readdirSync(cacheDir)) {
      if (!SAVED_FOLDER.test(name)) continue;
      const folder = path.join(cacheDir, name);
      const { mtimeMs } = statSync(folder);
      if (mtimeMs > latestMs) [latest, latestMs] = [folder, mtimeMs];
    }
  } catch {
    return null;
  }
  return latest;
}

/**
 * Saved indexes kept in a cache folder: the current one and the one before (which a process that
 * has not yet loaded the current one may still be reading, and which a corpus change undone loads
 * again). Each saved index is about as large as the letters, so the rest are removed.
 */
export const SAVED_INDEXES_KEPT = 2;

/**
 * Removes the saved indexes of `cacheDir` but `current` and the most recently used others, up to
 * `SAVED_INDEXES_KEPT` in all (a folder's modification time is when it was saved or last
 * loaded). A process still answering from a removed one keeps reading it: its files stay open.
 */
export async function pruneSavedIndexes(cacheDir: string, current: string): Promise<void> {
  const folders = (await readdir(cacheDir)).filter((name) => SAVED_FOLDER.test(name));
  const others = await Promise.all(
    folders
      .filter((name) => name !== path.basename(current))
      .map(async (name) => ({
        name,
        used: await stat(path.join(cacheDir, name)).then(
          (info) => info.mtimeMs,
          () => 0,
        ),
      })),
  );
  others.sort((a, b) => b.used - a.used);
  await Promise.all(
    others
      .slice(SAVED_INDEXES_KEPT - 1)
      .map(({ name }) => rm(path.join(cacheDir, name), { recursive: true, force: true })),
  );
}

/**
 * Saves a corpus and its index under `cacheDir` for the corpus `key`, returning the folder, or
 * null when it could not be written (a read-only disk still serves answers; only the next start
 * is slower). Older saved indexes are pruned (`pruneSavedIndexes`).
 */
export async function saveCorpus(
  cacheDir: string,
  key: string,
  corpus: Corpus,
  index: SearchIndex,
): Promise<string | null> {
  const folder = path.join(cacheDir, `corpus-${key}`);
  try {
    await writeSaved(folder, key, corpus, index);
  } catch {
    return null;
  }
  await pruneSavedIndexes(cacheDir, folder).catch(() => undefined);
  return folder;
}

/**
 * Loads the corpus in `dir` with its index. With a `cacheDir`, a saved index for exactly this
 * corpus is loaded (no parsing, no indexing); otherwise the letters are parsed, indexed, and
 * the result saved for next time. A cache that cannot be read or written only costs a rebuild;
 * a cache folder that cannot be made or written to is not used, and `warnings` says so.
 * Throws `CorpusFolderError` when `dir` is no folder.
 */
export async function openCorpus(
  dir: string,
  wantedCacheDir: string | null,
  options: {
    onProgress?: BuildProgress;
    /**
     * Work that does not need the index, done while a saved index's files are read by the thread
     * pool (a server's `prepareToServe`: WordNet's and the word vectors' files, 50 MB, at start).
     */
    whileReading?: () => void;
  } = {},
): Promise<OpenCorpus> {
  await assertCorpusFolder(dir);
  const cacheProblem = wantedCacheDir ? await prepareCacheDir(wantedCacheDir) : null;
  const cacheDir = cacheProblem ? null : wantedCacheDir;
  const opened = {
    ...(await openWithCache(dir, cacheDir, options.onProgress, options.whileReading)),
    cacheDir,
  };
  const warnings = [
    ...(cacheProblem ? [cacheProblem] : []),
    ...(opened.corpus.letters.length === 0 && opened.corpus.problems.length === 0
      ? [
          `no documents in ${displayPath(dir)} (CORPUS_DIR): add .txt, .md or .pdf documents (npm run cli -- add <file>)`,
        ]
      : []),
    // A dist/ copied without the project around it answers, but finds no word by its meaning.
    ...(existsSync(vectorsFile())
      ? []
      : [
          `no word vectors at ${displayPath(vectorsFile())}: questions will not find the documents' words of like meaning ("car" for "vehicle"); run npm run build in the project folder`,
        ]),
  ];
  return warnings.length > 0 ? { ...opened, warnings } : opened;
}

async function openWithCache(
  dir: string,
  cacheDir: string | null,
  onProgress?: BuildProgress,
  whileReading?: () => void,
): Promise<OpenCorpus> {
  // A server's start loads the saved index it used last while a worker thread works out the
  // corpus key (a quarter of a second at 10,000 documents): the corpus is most often the same as
  // then, and the index is served only once the key says so.
  const latest = cacheDir && whileReading ? latestSaved(cacheDir) : null;
  const keying = cacheDir
    ? (latest ? corpusKeyInWorker(dir, cacheDir) : corpusKey(dir, cacheDir)).catch(() => null)
    : Promise.resolve(null);
  let prepared = false;
  if (latest) {
    const early = readSavedFiles(latest, true);
    whileReading?.();
    prepared = true;
    const saved = await readSaved(early, null);
    const key = await keying;
    if (saved && key !== null && saved.key === key) return served(saved, latest, dir);
  }
  const key = await keying;
  if (cacheDir && key && path.join(cacheDir, `corpus-${key}`) !== latest) {
    const folder = path.join(cacheDir, `corpus-${key}`);
    const files = readSavedFiles(folder, whileReading !== undefined);
    if (!prepared) whileReading?.();
    const saved = await readSaved(files, key);
    if (saved) return served(saved, folder, dir);
  }
  const corpus = await loadCorpus(dir, {
    onProgress: onProgress && ((done, total) => onProgress('reading', done, total)),
  });
  onProgress?.('indexing', 0, 1);
  const index = SearchIndex.build(corpus.letters);
  onProgress?.('indexing', 1, 1);
  if (cacheDir && key) await saveCorpus(cacheDir, key, corpus, index);
  return { corpus, index, source: 'built', key };
}

/**
 * A saved index about to be served from `folder`, as the corpus of `dir`: the folder is marked as
 * the latest in use, so that pruning keeps it as "the one before" the next.
 */
async function served(saved: OpenCorpus, folder: string, dir: string): Promise<OpenCorpus> {
  const now = new Date();
  await utimes(folder, now, now).catch(() => undefined);
  return { ...saved, corpus: { ...saved.corpus, dir } };
}
