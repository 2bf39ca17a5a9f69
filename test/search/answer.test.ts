import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { Letter } from '../../src/corpus/schema.ts';
import { answerQuestion, parseDateHint, SearchIndex } from '../../src/search/index.ts';
import { CORPUS_DIR, SEED } from '../helpers.ts';

let index: SearchIndex;
let letters: Letter[];
beforeAll(async () => {
  letters = (await loadCorpus(CORPUS_DIR)).letters;
  index = SearchIndex.build(letters);
});

const top = (question: string, options = {}) => answerQuestion(index, question, options).results[0];

describe('answerQuestion: ranking', () => {
  it('finds a number written with a separator when asked without one', () => {
    expect(top('1318 mines')?.text).toContain('amounts to 1,318 pieces');
    expect(top('1,318 mines')?.text).toContain('amounts to 1,318 pieces');
  });

  it('prefers a passage with a figure for "how many"', () => {
    expect(top('How many mine victims were there by September 2023?')?.text).toMatch(/314/);
  });

  it('prefers letters of the time the question names', () => {
    expect(top('how many people died in 2021')?.date.startsWith('2021')).toBe(true);
  });

  it('corrects misspellings against the letters’ own words', () => {
    expect(top('trilatral statment cesation of military activites')?.text).toMatch(
      /cessation of (?:all )?military activities|end to all military activities/,
    );
  });

  it('does not let a near spelling beat an exact word', () => {
    expect(top('mines marked 3-001M')?.text).toContain('marked 3-001M');
  });

  it('matches synonyms: "IDPs" finds "internally displaced persons"', () => {
    expect(top('IDPs')?.text).toMatch(/internally displaced persons|IDPs/);
  });

  it('matches a quoted phrase exactly, and only that', () => {
    const answer = answerQuestion(index, '"neither marking nor fencing"', { limit: 10 });
    expect(answer.results).toHaveLength(1);
    expect(answer.results[0]?.text).toContain('There is neither marking nor fencing.');
    expect(answerQuestion(index, '"fencing nor marking"').abstained).toBe(true);
  });

  it('matches the words of a letter’s heading ("the note verbale from Geneva")', () => {
    expect(top('Which office of the UN received the note verbale from Geneva?')?.letterId).toBe(
      SEED.hrcNote,
    );
  });
});

describe('answerQuestion: abstention', () => {
  it.each([
    'Who won the World Cup?',
    'What is the boiling point of water at sea level?',
    'weather in Paris tomorrow',
    '',
    '???',
  ])('abstains on %j and says what was searched', (question) => {
    const answer = answerQuestion(index, question);
    expect(answer.abstained).toBe(true);
    expect(answer.results).toEqual([]);
    expect(answer.searched).toEqual({
      letters: 5,
      passages: 60,
      from: '2021-02-23',
      to: '2024-04-04',
    });
  });
});

describe('answerQuestion: filters', () => {
  it('keeps to one letter, by id or by symbol', () => {
    for (const letter of [SEED.lachin, 'A/76/930', 'S/2022/642']) {
      const answer = answerQuestion(index, 'mine victims', { letter, limit: 10 });
      expect(answer.results.length).toBeGreaterThan(0);
      expect(answer.results.every((r) => r.letterId === SEED.lachin)).toBe(true);
      expect(answer.searched.letters).toBe(1);
    }
  });

  it('keeps to a date range', () => {
    const answer = answerQuestion(index, 'mine victims', {
      from: '2022-01-01',
      to: '2023-12-31',
      limit: 10,
    });
    expect(answer.results.length).toBeGreaterThan(0);
    expect(answer.results.every((r) => r.date >= '2022-01-01' && r.date <= '2023-12-31')).toBe(
      true,
    );
    expect(answer.searched).toMatchObject({ letters: 2, from: '2022-08-24', to: '2023-09-19' });
  });

  it('keeps to a part', () => {
    const answer = answerQuestion(index, 'mine victims', { part: 'letter', limit: 10 });
    expect(answer.results.length).toBeGreaterThan(0);
    expect(answer.results.every((r) => r.part === 'letter')).toBe(true);
  });

  it('abstains, naming the scope, when the filters leave nothing', () => {
    const answer = answerQuestion(index, 'mine victims', { from: '2030-01-01' });
    expect(answer).toMatchObject({
      abstained: true,
      searched: { letters: 0, from: null, to: null },
    });
  });

  it('pages with offset, without repeating a passage', () => {
    const first = answerQuestion(index, 'mine victims', { limit: 2 });
    const second = answerQuestion(index, 'mine victims', { limit: 2, offset: 2 });
    const keys = [...first.results, ...second.results].map((r) => `${r.letterId}#${r.passage}`);
    expect(new Set(keys).size).toBe(4);
  });
});

describe('answerQuestion: excerpt and highlights', () => {
  it('shows the best sentence first, verbatim, with the matched words marked', () => {
    const r = top('What is ANAMA?');
    expect(r?.excerpt).toMatch(/^85 citizens, including 16 civilians/);
    expect(r?.text).toContain(r?.excerpt);
    const marked = r?.highlights.map((h) => r.excerpt.slice(h.start, h.end));
    expect(marked).toContain('ANAMA');
  });
});

describe('parseDateHint', () => {
  it('reads a month and year, a year, and "by"', () => {
    expect(parseDateHint('by September 2023')).toMatchObject({
      from: '2023-09-01',
      to: '2023-09-30',
      upTo: true,
    });
    expect(parseDateHint('in 2021')).toMatchObject({
      from: '2021-01-01',
      to: '2021-12-31',
      upTo: false,
    });
    expect(parseDateHint('no time here')).toBeNull();
  });
});
