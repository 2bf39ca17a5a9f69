import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { FilterError, parseFilterDate, readSearchFilters } from '../../src/search/filters.ts';
import { ROOT } from '../helpers.ts';

describe('parseFilterDate', () => {
  it('reads a day, a month or a year as its first or last day', () => {
    expect(parseFilterDate('2023-09-19', 'from')).toBe('2023-09-19');
    expect(parseFilterDate('2023-09', 'from')).toBe('2023-09-01');
    expect(parseFilterDate('2024-02', 'to')).toBe('2024-02-29');
    expect(parseFilterDate('2023', 'to')).toBe('2023-12-31');
  });

  it.each(['2022-13-45', '2022-02-30', '2023-00', 'September', '20230919', ''])(
    'refuses %j, naming the filter',
    (value) => {
      expect(() => parseFilterDate(value, 'from')).toThrow(FilterError);
      expect(() => parseFilterDate(value, 'from')).toThrow(
        /^from should be a date like 2023-09-19/,
      );
    },
  );
});

describe('readSearchFilters', () => {
  it('refuses a range that ends before it starts, and a letter that does not exist', () => {
    expect(() => readSearchFilters([], { from: '2024', to: '2023' })).toThrow(
      'from (2024-01-01) is after to (2023-12-31)',
    );
    expect(() => readSearchFilters([], { letter: 'nope' })).toThrow(/^No letter "nope"/);
  });

  it('calls a missing document a document where the corpus is not all letters', async () => {
    const { letters } = await loadCorpus(path.join(ROOT, 'test/fixtures/speeches'));
    expect(() => readSearchFilters(letters, { letter: 'nope' })).toThrow(
      /^No document "nope": give a document's id or symbol/,
    );
  });
});

describe('a part no document within the filters has (user trial 29)', () => {
  it('says none of them has it, not that no document matches', async () => {
    const { answerQuestion, SearchIndex } = await import('../../src/search/index.ts');
    const { documentsOf } = await import('../helpers.ts');
    const speeches = await documentsOf({
      'ghana-1985.md':
        '---\ntitle: Statement by Ghana\ndate: 1985\nauthor: Ghana\nkind: speech\n---\nGhana condemns the mines laid in the south.\n',
    });
    const answer = answerQuestion(SearchIndex.build(speeches), 'mines', {
      part: 'annex',
      from: '1980-01-01',
      to: '1989-12-31',
    });
    expect(answer.abstained).toBe(true);
    expect(answer.searched.letters).toBe(1);
    expect(answer.reason).toBe('none of them has an annex');
  });
});
