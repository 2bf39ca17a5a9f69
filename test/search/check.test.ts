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

  it('never calls a claim that quotes whole sentences of a passage "not in the letters": the closest passages, that one first', () => {
    const quoted =
      'Mines are indiscriminately deployed in the conflict-affected territories of Azerbaijan. There is neither marking nor fencing. Around 3,300 persons became mine victims during the last 30 years. Since the signing of the Trilateral Statement of 10 November 2020, 232 persons have become mine victims, with 40 killed and 192 maimed by landmines. In a latest incident, on 20 and 21 August 2022, two Azerbaijani military servicemen received injuries from mine explosions in the liberated Lachin region.';
    const verdict = checkClaim(index, `${quoted} Azerbaijan is committed to`);
    expect(verdict.kind).toBe('close');
    if (verdict.kind === 'close') {
      const [first] = verdict.answer.results;
      expect(first?.letterId).toBe(SEED.lachin);
      expect(first?.text).toContain(quoted);
    }
    // A claim that quotes nothing stays not in the letters.
    expect(checkClaim(index, 'Real Madrid won the Champions League').kind).toBe('absent');
  });

  it('is not verbatim when one word differs: the closest passages instead', () => {
    const verdict = checkClaim(
      index,
      'Mines are carefully deployed in the conflict-affected territories',
    );
    expect(verdict.kind).toBe('close');
  });
});
