import { describe, expect, it } from 'vitest';
import { answerQuestion, SearchIndex } from '../../src/search/index.ts';
import { prepare } from '../../src/search/rank.ts';
import { parseDateHint } from '../../src/search/time.ts';
import { documentsOf } from '../helpers.ts';

/** Norway's speech of one year, on the law of the sea (written for this test). */
const speech = (year: number) =>
  [
    '---',
    `title: "Statement by Norway in the general debate of the General Assembly, ${year}"`,
    `date: ${year}`,
    'author: "Norway"',
    'kind: speech',
    '---',
    `In ${year} Norway again calls for the law of the sea to be respected by all.`,
    '',
  ].join('\n');

describe('a question that compares two years', () => {
  it('reads both years, not the first alone', () => {
    const date = parseDateHint('norway on the law of the sea in 1997 vs 2005');
    expect(date?.from).toBe('1997-01-01');
    expect(date?.also).toEqual([{ from: '2005-01-01', to: '2005-12-31' }]);
    expect(parseDateHint('mines laid before 2021')?.also).toBeUndefined();
  });

  it('reads years from one to another as the years between, both included (user trial 29)', () => {
    for (const written of ['1979-83', '1979–1983', 'from 1979 to 1983', 'between 1979 and 83'])
      expect(parseDateHint(`how many were killed ${written} per nicaragua`)).toMatchObject({
        from: '1979-01-01',
        to: '1983-12-31',
      });
    // A day written in figures is no range of years.
    expect(parseDateHint('the letter of 2022-08-24')?.to).not.toBe('2008-12-31');
  });

  it('searches the documents of both years, and not those between (user trial 20)', async () => {
    const letters = await documentsOf({
      'nor-1997.md': speech(1997),
      'nor-2001.md': speech(2001),
      'nor-2005.md': speech(2005),
    });
    const index = SearchIndex.build(letters);
    const { scope } = prepare(
      index,
      'what did norway say about the law of the sea in 1997 vs 2005',
      {},
    );
    const searched = index.lettersOfGroups(scope.groups ?? []).map((l) => l.id);
    expect([...new Set(searched)].sort()).toEqual(['nor-1997', 'nor-2005']);
    // Of two documents named, a word neither holds: "the documents it names"; of one, its kind.
    const both = answerQuestion(index, 'what did norway say about the balkans in 1997 vs 2005');
    expect(both.reason).toBe('the documents it names never mention "balkans"');
    const one = answerQuestion(index, 'what did norway say about the balkans in 1997');
    expect(one.reason).toBe('the speech it names never mentions "balkans"');
  });
});
