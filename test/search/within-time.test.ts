import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { SearchIndex } from '../../src/search/index.ts';
import { ofTime } from '../../src/search/evidence.ts';
import { prepare } from '../../src/search/rank.ts';
import { tempDir } from '../helpers.ts';

/**
 * A question that names a time but no document ("which country at the 1982 GA …") has the best
 * passages of that time among its candidates, even when more passages of other years match its
 * words better than any of
 * the time's: forty speeches of 2000 use every word of the question, the one of 1982 only the
 * name of the island (and sixty of 1990 none).
 */

let index: SearchIndex;
beforeAll(async () => {
  const dir = await tempDir();
  const speech = (author: string, year: number, text: string) =>
    `---\ntitle: "Statement by ${author} in the general debate"\ndate: ${year}\nauthor: "${author}"\nkind: speech\n---\n${text}\n`;
  for (let i = 0; i < 40; i++)
    await writeFile(
      path.join(dir, `state-${i}-2000.md`),
      speech(
        `State ${String.fromCharCode(65 + (i % 26))}${i}`,
        2000,
        'The expulsion of the Diego Garcia islanders must be undone.',
      ),
    );
  for (let i = 0; i < 60; i++)
    await writeFile(
      path.join(dir, `other-${i}-1990.md`),
      speech(`Other ${i}`, 1990, 'Trade and development must go together.'),
    );
  await writeFile(
    path.join(dir, 'z-mauritius-1982.md'),
    speech('Mauritius', 1982, 'Diego Garcia was emptied by force.'),
  );
  index = SearchIndex.build((await loadCorpus(dir)).letters);
});

describe('a question that names a time and no document', () => {
  it('has the best passages of that time among its candidates, though other years match its words better', () => {
    const question =
      'which country at the 1982 GA spoke of the expulsion of the Diego Garcia islanders?';
    const documents = prepare(index, question, {}).set.candidates.map((c) => c.entry.letter.id);
    expect(documents).toContain('z-mauritius-1982');
    // A question that names no time is searched as before: the best matches of all years.
    const timeless = 'which country spoke of the expulsion of the Diego Garcia islanders?';
    expect(prepare(index, timeless, {}).set.candidates.map((c) => c.entry.letter.id)).not.toContain(
      'z-mauritius-1982',
    );
  });

  it('keeps to the documents of a meeting it names, and only joins those of another time', () => {
    const documentsOf = (question: string) => [
      ...new Set(prepare(index, question, {}).set.candidates.map((c) => c.entry.letter.id)),
    ];
    // "at the 1982 GA" dates the speeches: only the one given there is searched.
    expect(
      documentsOf(
        'which country at the 1982 GA spoke of the expulsion of the Diego Garcia islanders?',
      ),
    ).toEqual(['z-mauritius-1982']);
    // "in 1982" may be when the expulsion happened, told in any later speech.
    const inTime = documentsOf('who spoke of the expulsion of the Diego Garcia islanders in 1982?');
    expect(inTime).toContain('z-mauritius-1982');
    expect(inTime.length).toBeGreaterThan(1);
  });
});

describe("a report's period (user trial 29)", () => {
  it('holds the time asked for a passage that tells of "the reporting period" the report says it covers', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'report.md'),
      [
        '---\ntitle: "The situation in the Varne Valley: Report of the Secretary-General"\ndate: 2025-06-16\nauthor: Secretary-General\nkind: report\n---',
        '1. The present report is submitted pursuant to resolution 2761 (2024). It covers developments from 1 March to 31 May 2025.',
        '2. The mission recorded 1,146 ceasefire violations during the reporting period, compared with 687 in the previous period.',
        '3. The mission recorded 412 violations in the previous reporting period.',
      ].join('\n\n'),
    );
    const report = SearchIndex.build((await loadCorpus(dir)).letters);
    const entry = (start: string) => {
      for (let id = 0; id < report.size; id++) {
        const found = report.passage(id);
        if (found?.passage.text.startsWith(start)) return found;
      }
      throw new Error(`no passage starts "${start}"`);
    };
    const april = { from: '2025-04-01', to: '2025-04-30', upTo: false, words: 'april 2025' };
    const y2023 = { from: '2023-01-01', to: '2023-12-31', upTo: false, words: '2023' };
    expect(ofTime(entry('2. The mission'), april)).toBe(true);
    expect(ofTime(entry('2. The mission'), y2023)).toBe(false);
    // The period before is not the one the report covers.
    expect(ofTime(entry('3. The mission'), april)).toBe(false);
  });
});
