import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtFile } from '../../src/search/built-files.ts';
import { WordVectors } from '../../src/search/vectors.ts';

/**
 * The word vectors (`vectors.ts`), read from `dist/vectors.bin` a vector at a time until many
 * were asked for, then whole: either way a word's vector is the file's.
 */

const FILE = builtFile('vectors.bin');
let bytes: Buffer;
let dir: string;
beforeAll(async () => {
  bytes = readFileSync(FILE);
  dir = await mkdtemp(path.join(os.tmpdir(), 'annex-vectors-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every word of the file and its vector, read from the whole file as its format lays it out. */
function fileWords(): { words: string[]; vectorOf: (i: number) => number[] } {
  const count = bytes.readUInt32LE(8);
  const dimensions = bytes.readUInt32LE(12);
  const wordBytes = bytes.readUInt32LE(16);
  const words = bytes
    .toString('latin1', 52, 52 + wordBytes)
    .split('\n')
    .slice(0, count);
  const start = 52 + wordBytes + ((4 - (wordBytes % 4)) % 4) + 4 * (count + 1);
  return {
    words,
    vectorOf: (i) => [
      ...new Int8Array(bytes.buffer, bytes.byteOffset + start + i * dimensions, dimensions),
    ],
  };
}

describe('WordVectors', () => {
  it('gives each word the vector the file holds, read one by one and then whole', () => {
    const vectors = WordVectors.open(FILE);
    if (!vectors) throw new Error('no vectors file: run npm run build');
    const { words, vectorOf } = fileWords();
    expect(words.length).toBeGreaterThan(5_000);
    // Far more words than are read one by one, so that the vectors are read whole on the way.
    const step = Math.floor(words.length / 5_000);
    for (let i = 0; i < words.length; i += step) {
      const word = words[i] as string;
      expect([...(vectors.vector(word) ?? [])], word).toEqual(vectorOf(i));
    }
    for (const word of ['car', 'vehicle', 'refugee'])
      expect([...(vectors.vector(word) ?? [])]).toEqual(vectorOf(words.indexOf(word)));
    expect(vectors.vector('qqqxqqq')).toBeNull();
  });

  it('has no vectors, rather than failing, when the file is cut short or is no vectors file', () => {
    const short = path.join(dir, 'short.bin');
    writeFileSync(short, bytes.subarray(0, bytes.length - 1));
    expect(WordVectors.open(short)).toBeNull();
    const other = path.join(dir, 'other.bin');
    writeFileSync(other, 'not vectors at all');
    expect(WordVectors.open(other)).toBeNull();
    expect(WordVectors.open(path.join(dir, 'missing.bin'))).toBeNull();
  });
});
