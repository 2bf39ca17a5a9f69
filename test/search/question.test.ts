import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { conceptOf } from '../../src/search/analyze.ts';
import { parseLetterReference, resolveLetterReference } from '../../src/search/letter-reference.ts';
import { parseQuestion, SearchIndex } from '../../src/search/index.ts';
import { parseDateHint } from '../../src/search/time.ts';
import { CORPUS_DIR, SEED } from '../helpers.ts';

let index: SearchIndex;
beforeAll(async () => {
  index = SearchIndex.build((await loadCorpus(CORPUS_DIR)).letters);
});

const slot = (question: string, word: string) =>
  parseQuestion(index, question).slots.find((s) => s.word === word);

describe('parseQuestion: spelling', () => {
  it('corrects a word that is no English word against the letters’ own words', () => {
    expect(slot('trilatral statment', 'trilatral')?.correctedTo).toBe('trilateral');
    expect(slot('minefield recrods', 'recrods')?.correctedTo).toBe('records');
  });

  it('never turns an English word, or a typo of one, into a word of the letters', () => {
    expect(slot('who is the president', 'president')?.correctedTo).toBeNull();
    expect(slot('who is the presidnt', 'presidnt')?.correctedTo).toBeNull();
  });

  it('takes a 40-character "word" as it is: not stemmed, not corrected', () => {
    const long = 'x'.repeat(70_000);
    const q = parseQuestion(index, `mines ${long}`);
    expect(q.slots.find((s) => s.word === long)?.correctedTo).toBeNull();
    expect(conceptOf(long)).toBe(long);
  });
});

describe('parseQuestion: what it asks for', () => {
  it('finds the thing a "how many" question counts', () => {
    const q = parseQuestion(index, 'how many ANAMA employees were hurt by mines');
    expect(q.slots[q.counted ?? -1]?.word).toBe('employees');
    const whole = parseQuestion(index, 'how many of the mines were anti-tank mines');
    expect(whole.slots[whole.countedWhole ?? -1]?.word).toBe('mines');
    expect(parseQuestion(index, 'how many of the 314 victims died?').counted).toBeNull();
  });

  it('reads a "when" clause, a "what were the X of" focus and a missing name', () => {
    expect(parseQuestion(index, 'ok so, when did the war end?').asks.time).toBe(true);
    expect(parseQuestion(index, 'did it end when the war ended?').asks.time).toBe(false);
    const ages = parseQuestion(index, 'what were the ages of the deminers');
    expect(ages.slots[ages.asks.focus ?? -1]).toMatchObject({ word: 'ages', alternatives: [] });
    expect(parseQuestion(index, 'mines near Stepanakert').asks.missingName).toBe('stepanakert');
    expect(parseQuestion(index, 'any usefull maps').asks.missingName).toBeNull();
  });

  it('reads short month names', () => {
    expect(parseDateHint('the feb 2021 letter')).toMatchObject({
      from: '2021-02-01',
      to: '2021-02-28',
    });
    expect(parseDateHint('the sept 2023 press release')).toMatchObject({ from: '2023-09-01' });
  });
});

describe('letters named as people name them', () => {
  const named = (text: string) => {
    const reference = parseLetterReference(text, (c) => index.inHeadings(c));
    if (!reference) return null;
    return [...resolveLetterReference(reference, index)].map((g) => {
      const part = index.headingGroups[g];
      return `${part?.letter.id}:${part?.annexIndex}`;
    });
  };

  it('by kind: a note verbale, a press release, a cover letter, an annex letter', () => {
    expect(named('what does the NV say')).toEqual([`${SEED.hrcNote}:-1`, `${SEED.hrcNote}:0`]);
    expect(named('in the sept 2023 press release')).toEqual([`${SEED.khojavand}:0`]);
    expect(named('the feb 2021 cover letter')).toEqual([`${SEED.minefieldInfo}:-1`]);
    expect(named('the annex letter from the foreign minister')).toEqual([
      `${SEED.minefieldInfo}:0`,
      `${SEED.lachin}:0`,
    ]);
  });

  it('by time and author: "the FM’s aug 2022 letter" is the minister’s own letter', () => {
    expect(named('per the FM’s aug 2022 letter to the SG')).toEqual([`${SEED.lachin}:0`]);
    expect(named('the 2024 statement')).toEqual([`${SEED.awarenessDay2024}:0`]);
  });

  it('by the organ it is a document of: "the HRC statement"', () => {
    expect(named('the HRC statement')).toEqual([`${SEED.hrcNote}:0`]);
  });

  it('by order: the first and the latest letter', () => {
    expect(named('the first letter')?.every((p) => p.startsWith(SEED.minefieldInfo))).toBe(true);
    expect(named('the latest letter')?.every((p) => p.startsWith(SEED.awarenessDay2024))).toBe(
      true,
    );
  });

  it('is no reference when other words name another document', () => {
    expect(named('the Trilateral Statement')).toBeNull();
    expect(named('which letter mentions Lachin')).toBeNull();
  });
});
