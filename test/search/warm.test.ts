import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { entriesOf } from '../../src/search/warm.ts';

describe('entriesOf', () => {
  it('gives the words of a word tree with their values, in the order the tree itself gives them', () => {
    // Words that are prefixes of others and words that share a stem, as a corpus's words do.
    const map = SearchableMap.from<string>([
      ['mine', 'mine'],
      ['mines', 'mine'],
      ['minefield', 'minefield'],
      ['mined', 'mine'],
      ['lachin', 'lachin'],
      ['a', 'a'],
      ['zebra', 'zebra'],
    ]);
    expect(entriesOf(map)).toEqual([...map]);
    expect(new Map(entriesOf(map)).get('mines')).toBe('mine');
    expect(entriesOf(map)).toHaveLength(7);
  });
});
