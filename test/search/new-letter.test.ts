import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { Letter } from '../../src/corpus/schema.ts';
import { answerQuestion, SearchIndex } from '../../src/search/index.ts';
import { CORPUS_DIR, tempDir, testlandLetter } from '../helpers.ts';

/**
 * Letters Annex has never seen (`test/fixtures/testland`), on other subjects than the seed
 * letters' mines and in words those letters never use: what was learnt from the seed letters
 * must carry over. As in `answer.test.ts`, only what the fitted model meets with a wide margin is
 * asserted here; the rest of these questions are scored in `eval/rules-era-questions.json`.
 */

let seed: Letter[];
/** The seed letters with the storm and the dam letters. */
let index: SearchIndex;
let indexed: Letter[];
beforeAll(async () => {
  seed = (await loadCorpus(CORPUS_DIR)).letters;
  indexed = [...seed, await testlandLetter('storm'), await testlandLetter('dam')];
  index = SearchIndex.build(indexed);
});

const answer = (question: string) => answerQuestion(index, question);

/** That a question is answered and its first passage quotes `quote`, verbatim from its letter. */
function expectFirst(question: string, quote: RegExp, where = index, letters = indexed): void {
  const { abstained, results } = answerQuestion(where, question);
  expect(abstained, `"${question}" is answered`).toBe(false);
  const [first] = results;
  expect(first?.text).toMatch(quote);
  expect(letters.find((l) => l.id === first?.letterId)?.text).toContain(first?.text);
}

describe('answerQuestion: a letter Annex has never seen', () => {
  it.each<[string, RegExp]>([
    // The paragraph with the figure says "the storm", not "Ulani": the heading names it.
    ['how many houses did storm ulani destroy', /destroyed 1,740 houses/],
    // A figure with a separator, though it looks like a year.
    ['how many families were moved to shelters', /Some 2,010 families were moved to shelters/],
    // "kids": the letter says "children".
    ['how many kids were killed', /among them 7 children/],
    ['how many evacuation centres are there', /64 evacuation centres/],
    ['how many tonnes of rice does the valley grow', /40,000 tonnes of rice/],
    ['how much land got cleared last year', /4,200 hectares of land/],
    ['how much water was in the reservoir', /18 million cubic metres/],
    ['how much fodder was brought to the valley', /600 tonnes of dried animal fodder/],
  ])('counts and measures: %j → %s', (question, quote) => {
    expectFirst(question, quote);
  });

  it.each<[string, RegExp]>([
    ['how much did the regional relief fund give', /3 million United States dollars/],
    // An abbreviation the letters spell out but never use, in capitals or not.
    ['how much did the RRF give', /Regional Relief Fund allocated/],
    ['how much did the rrf give', /Regional Relief Fund allocated/],
    // A currency WordNet knows, in whatever verb the letter uses.
    ['how much did the government allocate', /150 million soms/],
    // "compensation" is a sum, as WordNet says.
    ['how much compensation has testland claimed', /9 million United States dollars/],
  ])('sums of money: %j → %s', (question, quote) => {
    expectFirst(question, quote);
  });

  it.each<[string, RegExp]>([
    ['when does the commission have to report', /within one month/],
    [
      'when was the dam last repaired and was there an inspection that warned about it',
      /not been repaired since 1991/,
    ],
    ['what time did the eye of the storm pass over the capital', /at 3\.20 a\.m\./],
  ])('times: %j → %s', (question, quote) => {
    expectFirst(question, quote);
  });

  it.each<[string, RegExp]>([
    ['who is the foreign minister of testland', /Mara Quillon, Minister for Foreign Affairs/],
    ['what does testland say about LLCS', /low-lying coastal States/],
    ['what does the june 2025 letter from testland say about shelters', /moved to shelters/],
    ['did new zealand send rescue teams', /New Zealand and Japan sent rescue teams/],
    ['what did uzbekistan do to help', /Uzbekistan sent rescue teams/],
  ])('who and what: %j → %s', (question, quote) => {
    expectFirst(question, quote);
  });

  it('answers a request to sum a letter up from that letter', () => {
    const { abstained, results } = answer('summarize the june 2025 letter from testland');
    expect(abstained).toBe(false);
    expect(results[0]?.letterId).toBe(indexed.find((l) => l.date === '2025-06-10')?.id);
  });

  it.each([
    // No passage is from New Zealand or reports its words.
    'what did new zealand say about the storm',
    // The June 2025 letter says nothing of landmines, though the seed letters do.
    'what does the june 2025 letter from testland say about landmines',
    // "Pumps marked 2-400K": a code, no count.
    'how many pumps were brought to the valley',
    // Uzbekistan sent teams, no money.
    'how much did uzbekistan give',
    // "7 children" says how many, not how old.
    'how old were the children who died',
    'how long will the families stay in the shelters',
  ])('abstains on %j, which the letters do not answer', (question) => {
    const { abstained, results } = answer(question);
    expect(abstained).toBe(true);
    expect(results).toEqual([]);
  });
});

describe('answerQuestion: what the seed letters never state, and a letter that states it', () => {
  let withClearance: SearchIndex;
  let letters: Letter[];
  beforeAll(async () => {
    letters = [...seed, await testlandLetter('clearance')];
    withClearance = SearchIndex.build(letters);
  });

  it.each([
    {
      what: 'a sum of money',
      unanswered: 'how much did azerbaijan pay for demining',
      asked: 'how much did testland spend on demining',
      quote: /USD 40 million/,
    },
  ])('$what: abstains without one, answers from one', ({ unanswered, asked, quote }) => {
    expect(answerQuestion(SearchIndex.build(seed), unanswered)).toMatchObject({
      abstained: true,
      results: [],
    });
    expectFirst(asked, quote, withClearance, letters);
  });
});

describe('answerQuestion: "how much" by a verb of no giving', () => {
  it('answers with the sum it states, an amount as a measure is (user trial 19)', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'testland-2025.md'),
      [
        '---',
        'title: "Statement by Testland in the general debate of the eightieth session"',
        'date: 2025-09-24',
        'author: "Testland"',
        'kind: speech',
        '---',
        'Mr. President,',
        '',
        'Hunger is rising across our region. Testland will increase its support to food security and resilient agriculture to USD 1.3 billion in 2026.',
        '',
        'Our fishermen face new dangers at sea every year.',
        '',
      ].join('\n'),
    );
    const speech = (await loadCorpus(dir)).letters;
    const both = SearchIndex.build([...seed, ...speech]);
    expectFirst('how much did testland promise for food security', /USD 1\.3 billion/, both, [
      ...seed,
      ...speech,
    ]);
  });
});
