import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type LineVsKey, SortedLineFile } from '../../src/search/sorted-lines.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'annex-sorted-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A sorted file as WordNet's index files are: a header of lines starting with a space, then lemmas. */
function sortedFile(): { file: string; lemmas: string[] } {
  const lemmas = Array.from({ length: 4_000 }, (_, i) => `w${String(i * 7).padStart(6, '0')}`);
  const lines = [
    '  1 a licence header line',
    '  2 another',
    ...lemmas.map((lemma, i) =>
      // Some lines longer than a probe reads at once.
      i % 97 === 0 ? `${lemma} n ${'x '.repeat(700)}` : `${lemma} n 1 1 @ 1 0 0${i}`,
    ),
  ];
  const file = path.join(dir, `index-${lemmas.length}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, lemmas };
}

/** The lemma of a line as WordNet's index lookups compare it. */
function byLemma(lemma: string): LineVsKey {
  const key = Buffer.from(lemma);
  return (buffer, start, end) => {
    if (buffer[start] === 0x20) return -1;
    let lemmaEnd = buffer.indexOf(0x20, start);
    if (lemmaEnd < 0 || lemmaEnd > end) lemmaEnd = end;
    return buffer.compare(key, 0, key.length, start, lemmaEnd);
  };
}

/** The first `n` lines from the one a search finds. */
function linesFound(file: SortedLineFile, lemma: string, n: number): string[] {
  const found: string[] = [];
  for (const [buffer, start, end] of file.linesFrom(byLemma(lemma))) {
    found.push(buffer.toString('utf8', start, end));
    if (found.length >= n) break;
  }
  return found;
}

describe('SortedLineFile', () => {
  const { file, lemmas } = sortedFile();
  // Every lemma, a word between two lemmas, one before all and one after all.
  const sought = [...lemmas, ...lemmas.map((l) => `${l}5`), 'a', 'w', 'zzz'];

  it('finds the same lines searching the file as searching it read whole', () => {
    const inFile = new SortedLineFile(file, Infinity);
    const inMemory = new SortedLineFile(file, 0);
    for (const lemma of sought)
      expect(linesFound(inFile, lemma, 3)).toEqual(linesFound(inMemory, lemma, 3));
    expect(inFile.isRead).toBe(false);
    expect(inMemory.isRead).toBe(true);
    inFile.close();
  });

  it('finds a lemma line, the line after a missing lemma, and nothing past the end', () => {
    const inFile = new SortedLineFile(file, Infinity);
    expect(linesFound(inFile, 'w000007', 1)[0]).toMatch(/^w000007 n 1 1 /);
    expect(linesFound(inFile, 'w0000075', 1)[0]).toMatch(/^w000014 /);
    expect(linesFound(inFile, 'a', 1)[0]).toMatch(/^w000000 n x x /);
    expect(linesFound(inFile, 'zzz', 1)).toEqual([]);
    inFile.close();
  });

  it('reads each probe once: later searches share the probes of earlier ones', () => {
    const some = lemmas.filter((_, i) => i % 40 === 0);
    let alone = 0;
    for (const lemma of some) {
      const single = new SortedLineFile(file, Infinity);
      linesFound(single, lemma, 1);
      alone += single.reads;
      single.close();
    }
    const shared = new SortedLineFile(file, Infinity);
    for (const lemma of some) expect(linesFound(shared, lemma, 1)[0]).toMatch(lemma);
    expect(shared.reads).toBeLessThan(alone / 2);
    shared.close();
  });

  it('reads the file whole after the searches it is given', () => {
    const twice = new SortedLineFile(file, 2);
    linesFound(twice, 'w000007', 1);
    linesFound(twice, 'w000014', 1);
    expect(twice.isRead).toBe(false);
    expect(linesFound(twice, 'w000021', 1)[0]).toMatch(/^w000021 /);
    expect(twice.isRead).toBe(true);
  });
});
