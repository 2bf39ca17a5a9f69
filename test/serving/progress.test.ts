import { describe, expect, it } from 'vitest';
import { buildProgress } from '../../src/serving/progress.ts';

describe('buildProgress without a terminal', () => {
  it('logs a line at every 10% of the files read, then when indexing starts and ends', () => {
    const lines: string[] = [];
    const progress = buildProgress(null, (line) => lines.push(line));
    for (let done = 0; done <= 1000; done++) progress('reading', done, 1000);
    progress('indexing', 0, 1);
    progress('indexing', 1, 1);
    expect(lines.slice(0, 11)).toEqual(
      [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map(
        (p) => `reading documents: ${p}% (${p * 10} of 1000 files)`,
      ),
    );
    expect(lines.slice(11).map((l) => l.replace(/\d+ s/, 'N s'))).toEqual([
      'indexing the passages (files read in N s) …',
      'index built in N s',
    ]);
  });

  it('says nothing for a corpus that takes a moment', () => {
    const lines: string[] = [];
    const progress = buildProgress(null, (line) => lines.push(line));
    for (let done = 0; done <= 5; done++) progress('reading', done, 5);
    progress('indexing', 0, 1);
    progress('indexing', 1, 1);
    expect(lines).toEqual([]);
  });
});
