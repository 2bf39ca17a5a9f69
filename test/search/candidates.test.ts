import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { Letter } from '../../src/corpus/schema.ts';
import {
  type Candidate,
  CANDIDATE_POOL,
  findCandidates,
  matchesFilters,
  type Scope,
} from '../../src/search/candidates.ts';
import { parseQuestion, SearchIndex } from '../../src/search/index.ts';
import { CORPUS_DIR, countingTextReads, SEED } from '../helpers.ts';

/**
 * The first stage (`candidates.ts`): the passages that could answer, found by the alternatives of
 * the question's words, within the caller's filters. What it misses no later stage can find.
 */

let index: SearchIndex;
let letters: Letter[];
beforeAll(async () => {
  letters = (await loadCorpus(CORPUS_DIR)).letters;
  index = SearchIndex.build(letters);
});

const find = (question: string, scope: Scope = {}) =>
  findCandidates(index, parseQuestion(index, question), scope);
const texts = (question: string, scope: Scope = {}) =>
  find(question, scope).candidates.map((c) => c.entry.passage.text);

describe('findCandidates: by the alternatives of the question’s words', () => {
  it('finds a passage by another word for the one asked ("car": "vehicle")', () => {
    const found = texts('what happened to the car in khojavand');
    expect(found.some((t) => t.includes('a vehicle exploded'))).toBe(true);
    expect(found.every((t) => !/\bcar\b/i.test(t))).toBe(true);
  });

  it('finds "internally displaced persons" for "IDPs"', () => {
    expect(texts('IDPs').some((t) => t.includes('internally displaced persons'))).toBe(true);
  });

  it('finds a word the user misspelt by its correction', () => {
    expect(texts('minefield recrods').some((t) => /minefield records/i.test(t))).toBe(true);
  });

  it('marks which of the question’s words each passage holds', () => {
    const set = find('anti-personnel mines marked 3-001M');
    const top = set.candidates[0];
    expect(top?.entry.passage.text).toContain('marked 3-001M');
    // The passage that holds every word holds every slot.
    const all = set.slots.reduce((mask, s) => mask | s.bit, 0);
    expect(top?.mask).toBe(all);
  });

  it('hands on at most CANDIDATE_POOL passages, and counts every match', () => {
    const set = find('mines');
    expect(set.candidates.length).toBe(CANDIDATE_POOL);
    expect(set.total).toBeGreaterThan(CANDIDATE_POOL);
  });

  it('hands on the best passages by score, a tie going to the earlier passage', () => {
    for (const question of ['mines', 'mine victims in 2021', 'who signed the letter']) {
      const q = parseQuestion(index, question);
      const wide = findCandidates(index, q, {}, 1000).candidates;
      const narrow = findCandidates(index, q, {}, 5).candidates;
      expect(wide.length).toBeGreaterThan(5);
      for (let i = 1; i < wide.length; i++) {
        const [a, b] = [wide[i - 1], wide[i]] as [Candidate, Candidate];
        expect(a.first > b.first || (a.first === b.first && a.id < b.id)).toBe(true);
      }
      expect(narrow.map((c) => [c.id, c.first])).toEqual(
        wide.slice(0, 5).map((c) => [c.id, c.first]),
      );
    }
  });

  it('finds nothing for words no letter holds', () => {
    expect(find('sourdough baguette').candidates).toEqual([]);
  });
});

describe('findCandidates: filters', () => {
  it('keeps to one letter, named by id or by symbol', () => {
    for (const letter of [SEED.lachin, 'A/76/930', 'S/2022/642']) {
      const found = find('mine victims', { letter }).candidates;
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((c) => c.entry.letter.id === SEED.lachin)).toBe(true);
    }
  });

  it('keeps to a date range', () => {
    const found = find('mine victims', { from: '2022-01-01', to: '2023-12-31' }).candidates;
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => c.entry.letter.date >= '2022-01-01')).toBe(true);
    expect(found.every((c) => c.entry.letter.date <= '2023-12-31')).toBe(true);
    expect(new Set(found.map((c) => c.entry.letter.id)).size).toBe(2);
  });

  it('keeps to a part', () => {
    const found = find('mine victims', { part: 'annex' }).candidates;
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => c.entry.passage.part === 'annex')).toBe(true);
  });

  it('finds nothing when the filters leave no letter', () => {
    expect(find('mine victims', { from: '2030-01-01' }).candidates).toEqual([]);
  });

  it('matchesFilters: a letter by id or symbol, within dates', () => {
    const lachin = letters.find((l) => l.id === SEED.lachin) as Letter;
    expect(matchesFilters(lachin, { letter: 'A/76/930' })).toBe(true);
    expect(matchesFilters(lachin, { letter: SEED.khojavand })).toBe(false);
    expect(matchesFilters(lachin, { from: '2022-08-24', to: '2022-08-24' })).toBe(true);
    expect(matchesFilters(lachin, { from: '2022-08-25' })).toBe(false);
  });
});

describe('findCandidates: a quoted phrase', () => {
  it('keeps only the passages that hold the phrase, in any case', () => {
    const found = texts('"Neither marking nor fencing"');
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('There is neither marking nor fencing.');
  });

  it('finds nothing when the words are there but not in that order', () => {
    expect(texts('"fencing nor marking"')).toEqual([]);
    expect(texts('fencing nor marking').length).toBeGreaterThan(0);
  });

  it('reads the text only of passages that hold every word of the phrase', () => {
    const counting = countingTextReads(letters);
    const index = SearchIndex.build(counting.letters);
    const q = parseQuestion(index, 'mines "neither marking nor fencing"');
    counting.reset();
    const found = findCandidates(index, q).candidates;
    expect(found.map((c) => c.entry.passage.text)).toEqual([
      expect.stringContaining('There is neither marking nor fencing.'),
    ]);
    // Every letter speaks of mines; one passage holds "marking" and "fencing".
    expect(counting.reads()).toBeLessThanOrEqual(2);
  });
});
