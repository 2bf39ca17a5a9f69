import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { checkClaim } from '../../src/search/check.ts';
import { SearchIndex } from '../../src/search/index.ts';
import { CORPUS_DIR, SEED } from '../helpers.ts';

let index: SearchIndex;
beforeAll(async () => {
  index = SearchIndex.build((await loadCorpus(CORPUS_DIR)).letters);
});

describe('checkClaim', () => {
  it('finds a pasted quote verbatim, even cut mid-word at both ends, with other quote marks', () => {
    const verdict = checkClaim(
      index,
      '“ines are indiscriminately deployed in the conflict‑affected territ”',
    );
    expect(verdict.kind).toBe('verbatim');
    if (verdict.kind === 'verbatim') {
      expect(verdict.letter.id).toBe(SEED.lachin);
      expect(verdict.passage.text).toContain('There is neither marking nor fencing.');
    }
  });

  it('is not verbatim when one word differs: the closest passages instead', () => {
    const verdict = checkClaim(
      index,
      'Mines are carefully deployed in the conflict-affected territories',
    );
    expect(verdict.kind).toBe('close');
  });
});
