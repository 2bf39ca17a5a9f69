import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { parseLetter } from '../../src/corpus/parse-letter.ts';
import type { Letter } from '../../src/corpus/schema.ts';
import { answerQuestion, parseQuestion, SearchIndex } from '../../src/search/index.ts';
import { CORPUS_DIR } from '../helpers.ts';

/**
 * A letter on another subject than the seed letters' mines, written for these tests: the rules
 * must carry over to letters Annex has never seen, in words those letters never use.
 */
const STORM_LETTER = `Letter dated 10 June 2025 from the Permanent Representative of Testland to the United Nations addressed to the Secretary-General

I have the honour to transmit herewith a statement by Mara Quillon, Minister for Foreign Affairs of Testland, on the damage caused by Tropical Storm Ulani (see annex).

(Signed) Doran Vesk
Ambassador
Permanent Representative

Annex to the letter dated 10 June 2025 from the Permanent Representative of Testland to the United Nations addressed to the Secretary-General

Statement by the Minister for Foreign Affairs of Testland on Tropical Storm Ulani

The Government of Testland declared a state of emergency on 8 June 2025.

Tropical Storm Ulani reached the coast with winds of 190 kilometres per hour.

Damage and losses come to 9 per cent of the gross domestic product of Testland.

The storm destroyed 1,740 houses and damaged a further 5,200 along the eastern coast.

Some 2,010 families were moved to shelters in schools and churches.

Nineteen people lost their lives, among them 7 children, and 88 people were injured.

The Regional Relief Fund allocated 3 million United States dollars to the emergency response, and New Zealand and Japan sent rescue teams.

The eye of the storm passed over the capital at 3.20 a.m.

Like other low-lying coastal States, Testland has done little to warm the climate and bears much of its cost.`;

/** A second letter, on a flood, in words of its own. */
const FLOOD_LETTER = `Letter dated 8 November 2025 from the Chargé d'affaires a.i. of the Permanent Mission of Testland to the United Nations addressed to the President of the Security Council

I have the honour to bring to your attention the collapse of the Vell dam in Testland on 5 November 2025.

(Signed) Ana Porel
Chargé d'affaires a.i.

At 4.40 a.m. on 5 November 2025, a section of the dam gave way after three days of rain.

Nine people died in the flood, among them a rescuer who was swept away while evacuating an elderly couple. Twenty-three people were taken to hospital.

Rescue teams evacuated 2,300 residents to temporary shelters.

The reservoir held some 18 million cubic metres of water.

The dam was built in 1968 and had not been repaired since 1991. An inspection in 2021 recommended that its spillway be reinforced.

The Government has allocated 150 million soms for emergency relief. Pumps marked 2-400K were brought to the valley. Uzbekistan sent rescue teams, who helped to contain the flood downstream.

A commission is to report its findings within one month.

In 2025, deminers cleared 4,200 hectares of land in the valley. At the current pace, clearing all of it would take up to 12 years.

Six health centres were damaged in the town of Velu.

Across the country, 64 evacuation centres are open.

By the end of the month, most residents had returned to the villages of Orn and Tal.

The valley grows 40,000 tonnes of rice a year. Testland has never exported rice.

Trucks brought 600 tonnes of dried animal fodder to the valley.

Testland has claimed 9 million United States dollars from the company that ran the dam.`;

let index: SearchIndex;
beforeAll(async () => {
  const { letters } = await loadCorpus(CORPUS_DIR);
  const [storm, flood] = [STORM_LETTER, FLOOD_LETTER].map((text, i) =>
    parseLetter(text, {
      id: `testland-${i}`,
      file: `testland-${i}.txt`,
      sha256: `${i}`.repeat(64),
    }),
  );
  index = SearchIndex.build([...letters, storm as Letter, flood as Letter]);
});

const answer = (question: string) => answerQuestion(index, question);
const firstQuote = (question: string) => answer(question).results[0]?.text ?? '';

describe('answerQuestion: a letter Annex has never seen', () => {
  it('takes the name a statement is headed with as named by each of its paragraphs', () => {
    // The paragraph with the figure says "the storm", not "Ulani".
    expect(firstQuote('how many houses did storm ulani destroy')).toMatch(/destroyed 1,740 houses/);
  });

  it('reads a figure written with a separator as a count, though it looks like a year', () => {
    expect(answer('how many families were moved to shelters').abstained).toBe(false);
    expect(firstQuote('how many families were moved to shelters')).toMatch(/2,010 families/);
  });

  it('counts a word the letters never use by its closest meaning ("kids": children)', () => {
    expect(answer('how many kids were killed').abstained).toBe(false);
    expect(firstQuote('how many kids were killed')).toMatch(/among them 7 children/);
  });

  it('reads a sum written out in words ("3 million United States dollars") as money', () => {
    expect(firstQuote('how much did the regional relief fund give')).toMatch(
      /3 million United States dollars/,
    );
  });

  it('abstains for what a two-word name said when no passage is from it or quotes it', () => {
    expect(answer('what did new zealand say about the storm')).toMatchObject({
      abstained: true,
      reason: 'no passage is from "new zealand" or reports what they said',
    });
  });

  it('takes a statement "by" a minister as from the minister\'s country, like its cover letter', () => {
    expect(firstQuote('what does the june 2025 letter from testland say about shelters')).toMatch(
      /moved to shelters/,
    );
  });

  it('abstains when the letter a question names holds no word of what it asks about', () => {
    expect(
      answer('what does the june 2025 letter from testland say about landmines'),
    ).toMatchObject({
      abstained: true,
      reason: 'the letter it names never mentions what it asks about',
    });
    expect(answer('summarize the june 2025 letter from testland').abstained).toBe(false);
  });

  it('reads an abbreviation the letters spell out but never use ("RRF", "LLCS")', () => {
    expect(firstQuote('how much did the RRF give')).toMatch(/Regional Relief Fund allocated/);
    expect(firstQuote('how much did the rrf give')).toMatch(/Regional Relief Fund allocated/);
    expect(firstQuote('what does testland say about LLCS')).toMatch(/low-lying coastal States/);
  });

  it('holds a title of several words only where the letters say all of it', () => {
    expect(answer('who is the prime minister of testland').abstained).toBe(true);
    expect(firstQuote('who is the foreign minister of testland')).toMatch(/Mara Quillon/);
  });

  it('places a count by the verb asked about, in its sentence', () => {
    // "Nine people died … while evacuating" counts people who died.
    expect(firstQuote('how many people were evacuated')).toMatch(/evacuated 2,300 residents/);
  });

  it('reads "how much water" from a figure in millions', () => {
    expect(firstQuote('how much water was in the reservoir')).toMatch(/18 million cubic metres/);
  });

  it('reads a sum in a currency WordNet knows, in whatever verb the letter uses', () => {
    expect(firstQuote('how much money did the government put aside for relief')).toMatch(
      /150 million soms/,
    );
  });

  it('takes a time limit ("within one month") for a time', () => {
    expect(firstQuote('when does the commission have to report')).toMatch(/within one month/);
  });

  it('reads no count in a code joined by a hyphen ("2-400K")', () => {
    expect(answer('how many pumps were brought to the valley')).toMatchObject({
      abstained: true,
      reason: 'no passage gives that figure',
    });
  });

  it('reads "had to VERB" and a second question after "and" as people write them', () => {
    const q = parseQuestion(index, 'how many people had to flee their homes');
    expect(q.slots[q.asks.predicate ?? -1]?.word).toBe('flee');
    const two = 'when was the dam last repaired and was there an inspection that warned about it';
    expect(answer(two).abstained).toBe(false);
    expect(firstQuote(two)).toMatch(/not been repaired since 1991/);
  });

  it('puts first, for "at what time", the passage that gives a time of day', () => {
    // The cover letter says "collapse"; the passage with the time says "gave way".
    expect(firstQuote('at what time did the dam collapse')).toMatch(/At 4\.40 a\.m\./);
  });

  it('reads "last year" as phrasing, not as a thing to find', () => {
    expect(firstQuote('how much land got cleared last year')).toMatch(/4,200 hectares of land/);
  });

  it('reads a misspelled verb as the verb it was corrected to', () => {
    const q = parseQuestion(index, 'how many people were evacuted');
    expect(q.slots[q.asks.predicate ?? -1]?.correctedTo).toBe('evacuated');
  });

  it('counts only the kind asked ("evacuation centres", not "health centres")', () => {
    expect(firstQuote('how many evacuation centres are there')).toMatch(/64 evacuation centres/);
    expect(answer('how many evacuation centres are in velu')).toMatchObject({
      abstained: true,
      reason: 'no passage gives that figure',
    });
  });

  it('answers "how much did X give" only with a sum X is named with', () => {
    expect(answer('how much did uzbekistan give')).toMatchObject({
      abstained: true,
      reason: 'no passage gives a sum from them',
    });
    expect(firstQuote('how much did the government allocate')).toMatch(/150 million soms/);
  });

  it('answers "how strong / how big" with a figure and its unit, not the word asked', () => {
    expect(answer('how strong was the storm').abstained).toBe(false);
    expect(firstQuote('how strong was the storm')).toMatch(/190 kilometres per hour/);
    // A count is no measure: "7 children" does not say how old they were.
    expect(answer('how old were the children who died').abstained).toBe(true);
  });

  it('reads the UN system\'s common abbreviations from the glossary ("GDP")', () => {
    expect(firstQuote("what share of testland's GDP was lost")).toMatch(
      /9 per cent of the gross domestic product/,
    );
    // Three capitals the letters never spell out in capitals: only the glossary knows them.
    expect(parseQuestion(index, 'GDP').slots[0]?.alternatives.length).toBeGreaterThan(0);
  });

  it('answers "how long will it take" with a length of time', () => {
    expect(firstQuote('how long will it take to clear the valley')).toMatch(/up to 12 years/);
  });

  it('takes a kind of what is asked about for it ("residents" are people)', () => {
    expect(answer('which villages have people gone back to').abstained).toBe(false);
    expect(firstQuote('which villages have people gone back to')).toMatch(
      /villages of Orn and Tal/,
    );
  });

  it('takes no count for one of a verb the passage says only in a sentence with no figure', () => {
    expect(firstQuote('how many tonnes of rice does the valley grow')).toMatch(/40,000 tonnes/);
    // "has never exported rice": the 40,000 tonnes are grown, not exported.
    expect(answer('how many tonnes of rice did testland export')).toMatchObject({
      abstained: true,
      reason: 'no passage gives that figure',
    });
  });

  it('reads a measure of a thing a few words before it ("600 tonnes of dried animal fodder")', () => {
    expect(firstQuote('how much fodder was brought to the valley')).toMatch(/600 tonnes of dried/);
  });

  it('answers one of two things asked though no passage says how long, the other', () => {
    expect(answer('how long will the families stay in the shelters')).toMatchObject({
      abstained: true,
      reason: 'no passage says how long',
    });
    expect(
      firstQuote('I need to know how many families were moved to shelters and how long they stay'),
    ).toMatch(/2,010 families/);
  });

  it('answers "what was the speed" with a figure and its unit, as "how strong" is', () => {
    // WordNet knows speed as a magnitude; the letter never says "speed".
    expect(firstQuote('what was the speed of the storm')).toMatch(/190 kilometres per hour/);
  });

  it('answers "how big" with a share of a whole, which says how big a part is', () => {
    expect(firstQuote('how big were the losses compared to the economy')).toMatch(
      /9 per cent of the gross domestic product/,
    );
  });

  it('reads two English words typed as one ("windspeed") apart', () => {
    const words = parseQuestion(index, 'what was the windspeed of the storm').slots.map(
      (s) => s.word,
    );
    expect(words).toEqual(expect.arrayContaining(['wind', 'speed']));
    expect(firstQuote('what was the windspeed of the storm')).toMatch(/190 kilometres per hour/);
  });

  it('answers "what is the symbol of the June 2025 letter" with its opening, whose citation gives it', () => {
    const { abstained, results } = answer('what is the document symbol of the june 2025 letter');
    expect(abstained).toBe(false);
    expect(results[0]).toMatchObject({ letterId: 'testland-0', part: 'letter' });
    expect(results[0]?.text).toMatch(/^I have the honour to transmit herewith a statement/);
  });

  it('answers "tldr of the June 2025 letter" with its opening, where it says what it is about', () => {
    expect(answer('tldr of the june 2025 letter').results[0]).toMatchObject({
      letterId: 'testland-0',
      part: 'letter',
      passage: 1,
    });
  });

  it('of letters named alike, quotes the latest first ("when was the testland letter sent")', () => {
    const dates = answer('when was the testland letter sent').results.map((r) => r.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(dates).size).toBeGreaterThan(1);
  });

  it('takes a time of day for the time "what time did …" asks for', () => {
    expect(firstQuote('what time did the eye of the storm pass over the capital')).toMatch(
      /at 3\.20 a\.m\./,
    );
  });

  it('reads "how much compensation" as asking for a sum, which WordNet says it is', () => {
    expect(firstQuote('how much compensation has testland claimed')).toMatch(/9 million United/);
  });

  it('abstains for "did X VERB …" when the letters never use the verb', () => {
    expect(answer('did the secretary-general visit testland after the storm')).toMatchObject({
      abstained: true,
      reason: 'the letters never say "visit"',
    });
    expect(firstQuote('did new zealand send rescue teams')).toMatch(/New Zealand and Japan sent/);
  });

  it('answers "what did X do" only from a passage that names X with what is asked about', () => {
    // The letter is addressed to the Council; no passage tells of the Council doing anything.
    expect(answer('what did the security council do about the flood')).toMatchObject({
      abstained: true,
      reason: 'no passage tells what "security council" did',
    });
    expect(firstQuote('what did uzbekistan do to help')).toMatch(/Uzbekistan sent rescue teams/);
  });
});

describe('answerQuestion: a question that asks two things', () => {
  const RETURN_LETTER = `Letter dated 3 February 2026 from the Permanent Representative of Testland to the United Nations addressed to the Secretary-General

The Government moved its regional offices to the city of Dorin in 2023.

The city of Dorin received 2,650 residents in 2024.

Housing remains the main obstacle to further returns.

Across the country, 310 people died of cold last winter, and 40 people died in shelters.

A fire in a Dorin shelter in January left 12 dead.

(Signed) Doran Vesk
Permanent Representative`;
  let small: SearchIndex;
  beforeAll(() => {
    const letter = parseLetter(RETURN_LETTER, {
      id: 'testland-return',
      file: 'testland-return.txt',
      sha256: '7'.repeat(64),
    });
    small = SearchIndex.build([letter as Letter]);
  });

  it('puts a count that names the place asked about before one that does not', () => {
    // "310 people died" across the country is a count of people, not in Dorin.
    expect(answerQuestion(small, 'how many people died in dorin').results[0]?.text).toMatch(
      /Dorin shelter/,
    );
  });

  it('answers one part though the verb of the other is not in the passage that answers it', () => {
    // Alone, "moved" is not said where the figure is ("received"): Annex abstains.
    expect(answerQuestion(small, 'how many residents moved to dorin in 2024').abstained).toBe(true);
    const both = answerQuestion(
      small,
      'how many residents moved to dorin in 2024 and what stands in the way of further returns',
    );
    expect(both.abstained).toBe(false);
    expect(both.results.map((r) => r.text).join(' ')).toMatch(/main obstacle/);
  });
});
