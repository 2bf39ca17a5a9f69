import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { parseLetter } from '../../src/corpus/parse-letter.ts';
import type { Letter } from '../../src/corpus/schema.ts';
import { COMMON_WORDS_ONLY, UNSIGNED } from '../../src/search/answer.ts';
import {
  answerQuestion,
  parseDateHint,
  parseQuestion,
  SearchIndex,
} from '../../src/search/index.ts';
import { CORPUS_DIR, SEED } from '../helpers.ts';

let index: SearchIndex;
let letters: Letter[];
beforeAll(async () => {
  letters = (await loadCorpus(CORPUS_DIR)).letters;
  index = SearchIndex.build(letters);
});

const top = (question: string, options = {}) => answerQuestion(index, question, options).results[0];

/** That a question is answered, one of its first `within` results quoting `quote`. */
function expectAnswered(question: string, quote: RegExp, within = 1, where = index): void {
  const answer = answerQuestion(where, question);
  expect(answer.abstained).toBe(false);
  const quoted = answer.results.slice(0, within).map((r) => r.text);
  expect(quoted.join(' ')).toMatch(quote);
}

/** The seed letters and one made-up letter from Testland with these paragraphs. */
function withTestland(...paragraphs: string[]): SearchIndex {
  const heading =
    'Letter dated 1 March 2025 from the Permanent Representative of Testland to the United Nations addressed to the Secretary-General';
  const raw = [heading, ...paragraphs].join('\n\n');
  const letter = parseLetter(raw, { id: 'testland', file: 'testland.txt', sha256: 'b'.repeat(64) });
  return SearchIndex.build([...letters, letter]);
}

describe('answerQuestion: ranking', () => {
  it('finds a number written with a separator when asked without one', () => {
    expect(top('1318 mines')?.text).toContain('amounts to 1,318 pieces');
    expect(top('1,318 mines')?.text).toContain('amounts to 1,318 pieces');
  });

  it('prefers a passage with a figure for "how many"', () => {
    expect(top('How many mine victims were there by September 2023?')?.text).toMatch(/314/);
  });

  it('prefers a passage that states a day for "when"', () => {
    expect(top('When was the trilateral statement signed?')?.text).toMatch(
      /Trilateral Statement by the leaders of .* on 10 November 2020/,
    );
  });

  it('prefers letters of the time the question names', () => {
    expect(top('civilians killed by mines in 2021')?.date.startsWith('2021')).toBe(true);
    expect(top('civilians killed by mines in 2023')?.date.startsWith('2023')).toBe(true);
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
      passages: 66,
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
    expect(marked).toEqual(['ANAMA']);
  });

  it('marks only the words the question asked about', () => {
    const r = top('How many mine victims died in 2023?');
    expect(r?.highlights.map((h) => r.excerpt.slice(h.start, h.end))).toEqual([
      'landmine',
      'victims',
      'died',
    ]);
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

  it.each([
    ['mines found after the sept 2023 operation', '2023-09-01', '9999-12-31'],
    ['victims since 2020', '2020-01-01', '9999-12-31'],
    ['the letter from 2021', '2021-01-01', '2021-12-31'],
  ])('reads %j as from %s to %s ("after", "since": from then on)', (text, from, to) => {
    expect(parseDateHint(text)).toMatchObject({ from, to, upTo: false });
  });

  it('reads two months as a span', () => {
    expect(parseDateHint('killed between November 2020 and February 2021?')).toEqual({
      from: '2020-11-01',
      to: '2021-02-28',
      upTo: false,
      words: 'November 2020 February 2021',
    });
  });

  it('takes the day of a full date as part of the time named', () => {
    for (const written of ['24 August 2022', 'August 24, 2022', '24th of August 2022'])
      expect(parseDateHint(`the letter of ${written}?`)).toEqual({
        from: '2022-08-01',
        to: '2022-08-31',
        upTo: false,
        words: written,
      });
  });
});

describe('answerQuestion: who signed', () => {
  const quotes = (question: string) =>
    answerQuestion(index, question).results.map((r) => [r.letterId, r.part, r.text]);

  it('quotes the signatures of the letter the question names, its own first', () => {
    expect(quotes('Who signed the letter of 24 August 2022?')).toEqual([
      [SEED.lachin, 'letter', "(Signed) Tofig Musayev Chargé d'affaires a.i."],
      [SEED.lachin, 'annex', '(Signed) Jeyhun Bayramov'],
    ]);
    expect(quotes('Who signed the 2023 letter about Khojavend?')).toEqual([
      [SEED.khojavand, 'letter', '(Signed) Yashar Aliyev Ambassador Permanent Representative'],
    ]);
  });

  it('puts the annex’s signature first when the question asks about the annex', () => {
    expect(quotes('Who wrote the annex to the August 2022 letter?')[0]).toEqual([
      SEED.lachin,
      'annex',
      '(Signed) Jeyhun Bayramov',
    ]);
  });

  it('reads "did the PR sign the 2022 letter" as asking who signed it', () => {
    const answer = answerQuestion(index, 'did the PR sign the 2022 letter');
    expect(answer.results.map((r) => r.text)).toContain(
      "(Signed) Tofig Musayev Chargé d'affaires a.i.",
    );
    // A treaty is no letter: "did Armenia sign the trilateral statement" is searched as asked.
    expect(top('did armenia sign the trilateral statement')?.text).not.toMatch(/^\(Signed\)/);
  });

  it('quotes no signature for a question about something the letters never name', () => {
    expect(answerQuestion(index, 'who signed the peace treaty with Georgia')).toMatchObject({
      abstained: true,
      reason: 'the letters never mention "georgia"',
      results: [],
    });
  });

  it('answers who sent an unsigned note verbale with its opening, which names the sender', () => {
    for (const question of ['who sent the note verbale', 'who wrote the NV'])
      expect(top(question)?.text).toMatch(/^The Permanent Mission of the Republic of Azerbaijan/);
  });

  it('answers when a letter was written with its opening, whose citation gives the date', () => {
    const answer = answerQuestion(index, 'when was the khojavand letter written');
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]).toMatchObject({ date: '2023-09-19', passage: 1 });
    expect(answerQuestion(index, 'what date was the note verbale sent').results[0]?.date).toBe(
      '2021-04-05',
    );
    // "put out", "released": other words for a letter being sent.
    for (const question of ['when was the note verbale put out', 'when was the NV released'])
      expect(answerQuestion(index, question).results[0]?.date).toBe('2021-04-05');
  });

  it('abstains on an unsigned note verbale rather than quote something else', () => {
    const answer = answerQuestion(index, 'Who signed the note verbale of April 2021?');
    expect(answer).toMatchObject({ abstained: true, reason: UNSIGNED, results: [] });
  });

  it('answers "which countries signed …" as an ordinary question', () => {
    expect(top('Which countries signed the trilateral statement?')?.text).toMatch(/signing/);
  });
});

describe('answerQuestion: how people ask', () => {
  it('does not count "what happened", "why" or "can’t" against a passage', () => {
    expect(top('What happened in Khojavend in September 2023?')?.text).toMatch(
      /(?:explosions|exploded) .*in the Khojave?a?nd district/,
    );
    expect(top("Why can't displaced persons return home?")?.text).toMatch(
      /internally displaced persons to return/,
    );
  });

  it('reads the day of a date as part of the date, not as a word to find', () => {
    expect(answerQuestion(index, 'What happened on 20 and 21 August 2022?').abstained).toBe(false);
    expect(top('In the letter dated 24 August 2022, how many mines were found?')?.text).toMatch(
      /amounts to 1,318 pieces/,
    );
  });
});

describe('answerQuestion: abstaining by what the question asks for', () => {
  it.each([
    ['how many dogs were killed by mines', 'the letters never mention what it asks for'],
    ['how many deminers got hurt by landmines in 2021', 'no passage gives that figure'],
    [
      'what were the ages of the servicemen killed in khojavand',
      'the letters never mention what it asks for',
    ],
    ['where were the anti-tank mines bought', 'the letters never say "bought"'],
    [
      'what did the FM say about the Lachin mines and Stepanakert',
      'the letters never mention "stepanakert"',
    ],
    ['who is the president of armenia', COMMON_WORDS_ONLY],
    ['mines armenia azerbaijan letter', COMMON_WORDS_ONLY],
    // The thing asked for is only in passages about something else (Azerbaijan's ambassador).
    ['who is the ambassador of russia', 'no passage states what it asks for'],
    ['what is the budget of the ministry of defence', 'the letters never mention what it asks for'],
    [
      'how old were the servicemen killed in the tunnel',
      'the letters never mention what it asks for',
    ],
    ['who trained the sabotage group', 'the letters never say "trained"'],
    ['who was driving the vehicle that exploded', 'the letters never say "driving"'],
    // Figures for civilians wounded, but not in Khojavand; figures for Khojavand, of the killed.
    ['how many civilians were injured in Khojavand', 'no passage says "injured"'],
    // Figures for people killed, none in Kalbajar.
    ['how many people were killed in Kalbajar', 'no passage gives that figure'],
    // Civilians were killed by the vehicle's mine; servicemen by the one at the tunnel.
    ['how many civilians were killed near the new road tunnel', 'no passage gives that figure'],
    // The letters count anti-personnel mines near Lachin; an anti-tank mine only in Khojavand.
    ['how many AT mines were found near lachin', 'no passage gives that figure'],
    [
      'how many anti-tank mines did they find in the lachin district',
      'no passage gives that figure',
    ],
    // Servicemen were killed at the tunnel; figures of the injured are of other places. "tunnel"
    // names a thing, though SemCor saw it twice as a verb and once as a noun.
    ['how many troops were injured in the explosion at the tunnel', 'no passage says "injured"'],
    ["what is ANAMA's budget", 'the letters never mention what it asks for'],
    // Of the 61 who died, the letters give no breakdown; "2 civilians" are of another count.
    ['how many of the 61 dead were civilians', 'no passage gives that figure'],
    ['where were the anti-tank mines in khojavand produced', 'no passage says "produced"'],
    // The letters say where the Lachin mines were produced, not the Khojavand anti-tank mine.
    ['which country produced the anti-tank mine in khojavand', 'no passage says "produced"'],
    // The letters count the mines found near Lachin; none says any was defused.
    ['how many of the 1,318 mines were defused', 'the letters never say "defused"'],
    // Who the two civilians were: no passage names them.
    ['who were the two civilians killed in the car', 'no passage states what it asks for'],
    // A population is given by a figure; the letters speak of the civilian population, with none.
    ['what is the population of khojavand', 'no passage states what it asks for'],
    // ANAMA is named in a 2021 note; no figure of it is of 2023.
    ['how many people did ANAMA train in 2023', 'no passage gives that figure'],
    // The letters are of 2021 to 2024 and tell of 2020 on; none tells of 2019.
    ['were there mine victims in 2019', 'no passage is of 2019 or tells of it'],
    ['how many mine victims were there in 2019', 'no passage gives that figure'],
    // What the counted are said to be: victims are civilians or military, never women.
    ['how many mine victims were women', 'the letters never mention "women"'],
    ['what percentage of mine victims were children', 'the letters never mention "children"'],
    // Passages about the tunnel and about ANAMA say nothing of how long.
    ['how long did the new road tunnel take to build', 'no passage says how long'],
    ['how long has ANAMA existed', 'no passage says how long'],
    // The letters name the Prosecutor General's Office, never who the Prosecutor General is.
    ['who is the prosecutor general of azerbaijan', 'no passage states what it asks for'],
    // Percentages are given of the maps and of incidents, not of the 500,000 landmines.
    [
      'what percentage of the 500,000 landmines were anti-personnel',
      'no passage gives a percentage',
    ],
    // What someone said: the letters never mention them, or are not from them and quote nothing
    // they said.
    ['what did turkey say about the lachin mines', 'the letters never mention "turkey"'],
    [
      'what did the SG say about the khojavand letter',
      'no passage is from "SG" or reports what they said',
    ],
    ['did the SG reply to bayramov', 'no passage is from "SG" or reports what they said'],
    [
      'what was the russian peacekeepers response to the sabotage group',
      'no passage is from "peacekeepers" or reports what they said',
    ],
    // A passage names Russia's peacekeepers and, sentences away, Armenia's statements.
    [
      'what did russia say about the lachin road',
      'no passage is from "russia" or reports what they said',
    ],
    [
      'how did the families react to the deaths in khojavand',
      'no passage is from "families" or reports what they said',
    ],
    // Off the letters' subject: only an adjective ("good") or a figure matches, none of its nouns.
    ['recommend a good movie for tonight', 'the letters never mention "movie"'],
    ['best headphones under 100 dollars', 'the letters never mention "headphones"'],
    // "spring" matches only through a related word: the letters hold none of its things.
    ['write me a poem about spring', 'the letters never mention "poem"'],
  ])('abstains on %j: %s', (question, reason) => {
    const answer = answerQuestion(index, question);
    expect(answer).toMatchObject({ abstained: true, reason, results: [] });
  });

  it('offers at most 3 closest passages apart from the results, never mixed in', () => {
    const answer = answerQuestion(index, 'how many dogs were killed by mines', { limit: 5 });
    expect(answer.results).toEqual([]);
    expect(answer.related.length).toBeGreaterThan(0);
    expect(answer.related.length).toBeLessThanOrEqual(3);
    const answered = answerQuestion(index, 'Were mines found in Kalbajar?');
    expect(answered.related).toEqual([]);
  });

  it('answers when a noun the letters lack comes with a name they hold ("the car in Khojavand")', () => {
    const answer = answerQuestion(index, 'what happened to the car in khojavand');
    expect(answer.abstained).toBe(false);
    expect(answer.results.map((r) => r.text).join(' ')).toMatch(/a vehicle exploded/);
  });

  it('answers casual, abbreviated and misspelt questions whose subject the letters hold', () => {
    expect(top('whats the deal with lachin')?.text).toMatch(/Lachin/);
    expect(top('did the soldiers get hurt by the mine blast in khojavand')?.letterId).toBe(
      SEED.khojavand,
    );
    expect(top('what did the MFA press release say about condolences')?.text).toMatch(
      /condolences/,
    );
  });
});

describe('answerQuestion: what the question asks for, answered', () => {
  it('takes a kind of the thing asked for: "which country" is answered by a country', () => {
    const answer = answerQuestion(index, 'which country produced the mines found in Lachin');
    expect(answer.abstained).toBe(false);
    expect(answer.results.map((r) => r.text).join(' ')).toMatch(
      /produced in (?:the Republic of )?Armenia/,
    );
  });

  it('reads "what kind of law" as asking for the law', () => {
    const answer = answerQuestion(index, 'under what kind of law must the armed forces leave');
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]?.text).toMatch(/law/);
  });

  it('puts right typos of the words that name a letter ("acording to the 2024 statment")', () => {
    const answer = answerQuestion(
      index,
      'acording to the 2024 statment, how many people lost their lives',
    );
    expect(answer.results[0]?.text).toContain('65 persons lost their lives');
  });

  it('prefers the passage whose one sentence holds the words asked about together', () => {
    expect(top('internationally recognized territories occupied for three decades')?.text).toMatch(
      /three decades of occupation of the internationally recognized territories/,
    );
  });
});

describe('answerQuestion: who holds a title', () => {
  it.each([
    ['who is the foreign minister', /Jeyhun Bayramov/],
    ['who is the PR of azerbaijan', /Yashar Aliyev/],
    ["who's the charge d'affaires", /Tofig Musayev/],
  ])('answers %j with the name, however common the title is in the letters', (question, name) => {
    expectAnswered(question, name);
  });
});

describe('answerQuestion: a part of a whole the question states', () => {
  it('answers from the passage that gives the whole', () => {
    expect(parseQuestion(index, 'how many of the 350 victims were civilians').wholeFigure).toBe(
      '350',
    );
    expect(top('how many of the 350 victims were civilians')?.text).toMatch(
      /including 50 civilians/,
    );
  });
});

describe('answerQuestion: how long', () => {
  it('answers "for how many years" with a length of time, not a count of years', () => {
    const q = parseQuestion(index, 'for how many years were the lands occupied');
    expect(q.wantsDuration).toBe(true);
    expect(q.counted).toBeNull();
    const answer = answerQuestion(index, q.text);
    expect(answer.abstained).toBe(false);
    expect(answer.results.map((r) => r.text).join(' ')).toMatch(/three decades|30-year/);
  });
});

describe('answerQuestion: what the seed letters never state, and a letter that states it', () => {
  const testlandFarms =
    'Mines were cleared from 120 hectares of farmland in the northern districts.';
  it.each([
    {
      what: 'a time to come',
      unanswered: ['when will all the mines be cleared'],
      reason: 'no passage says when it will be',
      states: 'Testland expects to clear all mines from its northern districts by 2031.',
      asked: 'when will testland clear the mines in the north',
      quote: /by 2031/,
    },
    {
      what: 'a time of day',
      unanswered: ['at what time did the car explode in khojavand'],
      reason: 'no passage gives a time of day',
      states:
        'At 14:30 on 2 March 2025 a truck hit an anti-tank mine near the northern border of Testland.',
      asked: 'at what time did the truck hit the mine in testland',
      quote: /At 14:30/,
    },
    {
      what: 'a sum of money',
      unanswered: ['how much did azerbaijan pay for demining', 'how much does a mine cost'],
      reason: 'no passage gives a sum of money',
      states:
        'Testland has spent USD 40 million on the clearance of mines in its northern districts since 2021.',
      asked: 'how much did testland spend on demining',
      quote: /USD 40 million/,
    },
  ])(
    '$what: abstains without one, answers from one',
    ({ unanswered, reason, states, asked, quote }) => {
      for (const question of unanswered)
        expect(answerQuestion(index, question)).toMatchObject({ abstained: true, reason });
      expectAnswered(asked, quote, 1, withTestland(states, testlandFarms));
    },
  );
});

describe('answerQuestion: a sum of money', () => {
  it('reads which questions ask for money', () => {
    expect(parseQuestion(index, 'how much money did the UN give').wantsMoney).toBe(true);
    expect(parseQuestion(index, 'what was the cost of demining').wantsMoney).toBe(true);
    expect(parseQuestion(index, 'how much land is contaminated').wantsMoney).toBe(false);
  });
});

describe('answerQuestion: which thing did it', () => {
  it('answers "which country produced …" with a passage that names it doing so', () => {
    expect(top('which country produced the mines found in lachin')?.text).toMatch(
      /produced in (?:the Republic of )?Armenia/,
    );
  });
});

describe('answerQuestion: a percentage', () => {
  it('answers "what percentage" with a passage that states one about its subject', () => {
    const q = parseQuestion(
      index,
      'how many percent of incidents happened outside the mapped areas',
    );
    expect(q.wantsPercentage).toBe(true);
    expect(top(q.text)?.text).toMatch(/55 per cent of recent landmine incidents/);
    expect(top('what percentage of the minefield maps were accurate')?.text).toMatch(/25 per cent/);
  });
});

describe('answerQuestion: everyday words for what the letters name', () => {
  it('reads "car" as the letters\' "vehicle"', () => {
    expect(top('what happened to the car in khojavand')?.text).toMatch(/a vehicle exploded/);
  });
});

describe('answerQuestion: verbs the letters need not use', () => {
  it.each([
    // "made" and "manufactured" as people say it: the letters write "produced".
    ['where were the lachin mines manufactured', /produced in (?:the Republic of )?Armenia/],
    [
      'wait so armenia made the mines in 2021??',
      /produced in (?:the Republic of )?Armenia in 2021/,
    ],
    // Who is blamed: the letters say who did it.
    ['who was blamed for planting the khojavand mine', /sabotage group/],
    // Keeping count: the figure is the count.
    ['how many mine victims did azerbaijan count by september 2023', /314/],
    ['how many people were recorded as killed by mines in khojavand', /killed/],
  ])('answers %j', (question, quote) => {
    expectAnswered(question, quote, 3);
  });
});

describe('answerQuestion: what someone said', () => {
  it.each([
    // The sender of the annex letter.
    ['what did the foreign minister say about the minefield maps', /minefield|mines/i],
    // A passage that reports it ("According to the Prosecutor General's Office").
    ['what did the prosecutor general say about mine victims', /Prosecutor General/],
    // Armenia is quoted ("falsely announcing"), though it sent no letter.
    ['what did armenia claim about producing mines', /announcing|statements/],
    // Every letter speaks for a government.
    ['what did the goverment say about the tunel explosion', /tunnel/],
    // "say about" of what cannot speak is no question of who said it.
    ['what does the refusal to share mine maps say about armenia', /./],
  ])('answers %j', (question, quote) => {
    expectAnswered(question, quote);
  });
});

describe('answerQuestion: counting a phrase', () => {
  it('counts "AT mines" as a phrase, its "AT" no stop word', () => {
    const q = parseQuestion(index, 'how many AT mines were found near lachin');
    expect(q.slots[q.counted ?? -1]?.alternatives.map((a) => a.concept)).toContain('§at-mine');
    expect(q.countedAs).toEqual(['§at-mine']);
  });

  it('answers a count of anti-personnel mines with a figure before them', () => {
    expect(top('how many AP mines produced in 2021 were found')?.text).toMatch(
      /anti-personnel landmines identified .* amounts to 1,318 pieces|2,700 anti-personnel landmines/,
    );
  });
});

describe('answerQuestion: a total', () => {
  it('answers "in total" with a passage that states the total or adds up its parts', () => {
    const question = 'altogether how many people died in khojavand on 19 sept';
    expect(parseQuestion(index, question).wantsTotal).toBe(true);
    const texts = answerQuestion(index, question, { limit: 2 }).results.map((r) => r.text);
    // One figure of one part ("2 civilians were killed") is not the total; a list of parts is.
    expect(texts.join(' ')).toMatch(/death of two civilians and four servicemen/);
    expect(texts.join(' ')).not.toMatch(/As a result of this provocation, 2 civilians were killed/);
  });

  it('answers "in total" with a count of one part when no passage gives a total', () => {
    expect(top('how many mines were found in total near lachin')?.text).toMatch(/1,318 pieces/);
  });

  it('leaves a plain "how many" to any passage that counts it', () => {
    expect(parseQuestion(index, 'how many people died in khojavand on 19 sept').wantsTotal).toBe(
      false,
    );
    expect(top('how many civilians were killed in khojavand')?.text).toMatch(
      /2 civilians were killed/,
    );
  });
});

describe('answerQuestion: reading a question as people write it', () => {
  it('reads figures said in words: "half a million", "2.7 thousand"', () => {
    expect(parseQuestion(index, 'so they found half a million mines?').text).toBe(
      'so they found 500,000 mines?',
    );
    expect(parseQuestion(index, 'were 2.7 thousand mines found').text).toBe(
      'were 2,700 mines found',
    );
    expect(top('lol so they found half a million mines??')?.text).toMatch(/500,000 landmines/);
    // Not a figure: "hundreds of thousands" stays as written.
    expect(parseQuestion(index, 'hundreds of thousands of people').text).toBe(
      'hundreds of thousands of people',
    );
  });

  it('reads "500k" as 500,000 and leaves out "yo" and "wait so"', () => {
    expect(top('yo wait so the 500k mines, where were they found')?.text).toContain(
      'over 500,000 landmines',
    );
  });

  it('leaves out what the question sets aside ("apart from …", "other than …")', () => {
    const q = parseQuestion(
      index,
      'what law requires the withdrawal, apart from the Trilateral Statement',
    );
    expect(q.slots.map((s) => s.word)).not.toContain('trilateral');
  });

  it('finds a verb and its particle a few words apart ("hand all the maps over")', () => {
    const q = parseQuestion(index, 'did armenia hand all the maps over');
    const hand = q.slots.find((s) => s.word === 'hand');
    expect(hand?.alternatives.map((a) => a.concept)).toEqual(
      expect.arrayContaining(
        parseQuestion(index, 'did armenia hand over the maps')
          .slots.find((s) => s.word === 'hand')
          ?.alternatives.map((a) => a.concept) ?? [],
      ),
    );
  });

  it('lifts a passage that repeats the question’s words in order ("on 10 November 2020")', () => {
    expect(top('what was signed on 10 november 2020')?.text).toMatch(/on 10 November 2020/);
  });

  it('reads a signature block with its letter’s headings: "who is the PR of Azerbaijan to the UN"', () => {
    const answer = answerQuestion(index, "who's the PR of azerbaijan to the UN");
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]?.text).toMatch(/Yashar Aliyev/);
  });

  it('quotes a signature block only when the question asks who', () => {
    expect(top('what did Jeyhun Bayramov write about the minefield maps')?.text).not.toMatch(
      /^\(Signed\)/,
    );
    expect(top('who is Yashar Aliyev')?.text).toMatch(/Yashar Aliyev/);
  });

  it('reads a clause of time in a "how many" question as the period, not what is counted', () => {
    // The letter gives this count "in the post-conflict period": it never says the war "ended".
    const answer = answerQuestion(
      index,
      'how many azerbaijanis have been mine victims since the war ended',
    );
    expect(answer.abstained).toBe(false);
    expect(answer.results.map((r) => r.text).join(' ')).toMatch(/350 Azerbaijanis/);
  });

  it('finds a title that only one letter’s headings and signature hold ("chargé d’affaires")', () => {
    const answer = answerQuestion(index, 'who was the chargé d affaires');
    expect(answer.abstained).toBe(false);
    expect(answer.results.map((r) => r.text).join(' ')).toMatch(/Musayev/);
  });

  it('spells out shorthand of the words that shape a question ("what r the", "wat")', () => {
    expect(top('what r the agenda items of the 2021 letter')?.text).toMatch(/agenda items/);
    expect(answerQuestion(index, 'wat r the agenda items of the 2021 letter').abstained).toBe(
      false,
    );
    // "U.S." is no shorthand: it stays a name the letters lack.
    expect(parseQuestion(index, 'what r the U.S. mines').text).toContain('U.S.');
  });

  it('answers a question about a day alone with the passage that states that day', () => {
    const answer = answerQuestion(index, 'what happened on sept 19 2023');
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]?.text).toMatch(/^On September 19, 2023/);
  });

  it('puts right a swapped typo of a small word first, and typos of glossary words', () => {
    // "mnay" is "many" (two letters swapped), not "may" (one dropped).
    expect(parseQuestion(index, 'how mnay landmine victims').text).toBe(
      'how many landmine victims',
    );
    // "ceasfire" is the glossary's "ceasefire", which the letters call the end of hostilities.
    expect(answerQuestion(index, 'when did armenia sign the ceasfire').abstained).toBe(false);
  });

  it('reads "how many days did it last" as asking for a duration, "what fraction" for a figure', () => {
    expect(top('how many days did the patriotic war last')?.text).toMatch(/44-day/);
    expect(
      answerQuestion(index, 'what fraction of the territory do the minefield records cover')
        .abstained,
    ).toBe(false);
  });

  it('takes a day of a month without its year as the time a "when" asks for', () => {
    const answer = answerQuestion(index, 'when is the international day for mine awareness');
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]?.text).toMatch(/^4 April is observed/);
  });

  it('counts the next thing of "how many X and Y" when the letters lack X', () => {
    const answer = answerQuestion(index, 'how many IEDs and landmines were detected after 2023');
    expect(answer.abstained).toBe(false);
    expect(answer.results.map((r) => r.text).join(' ')).toMatch(/500,000 landmines/);
  });

  it('searches the words that name a letter when they are all the question asks', () => {
    const answer = answerQuestion(index, 'which letter is a note verbale');
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]?.letterId).toBe(SEED.hrcNote);
  });

  it('abstains on a place the letters never name, but reads a capital as its country', () => {
    expect(answerQuestion(index, 'how many mine victims were there in Georgia')).toMatchObject({
      abstained: true,
      reason: 'the letters never mention "georgia"',
    });
    expect(top('what does Yerevan say about producing mines')?.text).toMatch(/Armenia/);
  });

  it('reads "what stops displaced people" as a verb and a participle, and "going back" as return', () => {
    const answer = answerQuestion(index, 'what stops displaced people from going back');
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]?.text).toMatch(/return of internally displaced persons/);
  });

  it('does not take a misspelt word it cannot read as the thing asked for ("percentige")', () => {
    const answer = answerQuestion(
      index,
      'what was the percentige of incidents outside the mapped areas',
    );
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]?.text).toMatch(/55 per cent/);
  });

  it('reads "what brand of car" as asking for a brand, which no letter gives', () => {
    expect(answerQuestion(index, 'what brand of car exploded in khojavand')).toMatchObject({
      abstained: true,
      reason: 'the letters never mention what it asks for',
    });
  });

  it('asks "what did X VERB" only of verbs the letters use', () => {
    // With its particle the verb means what neither word says alone: left to the search.
    expect(answerQuestion(index, 'what did the mine maps leave out').reason ?? '').not.toMatch(
      /"leave"/,
    );
    expect(
      answerQuestion(index, 'what did the Secretary-General reply about the Khojavand explosions'),
    ).toMatchObject({ abstained: true, reason: 'the letters never say "reply"' });
  });
});

describe('answerQuestion: two things asked at once', () => {
  it('shows a passage for each part in the top results', () => {
    const texts = answerQuestion(
      index,
      'How many anti-personnel mines were found in Lachin in one week, and who planted the anti-tank landmine in Khojavand?',
    ).results.map((r) => r.text);
    expect(texts.some((t) => t.includes('1,318 pieces'))).toBe(true);
    expect(texts.some((t) => t.includes('sabotage group'))).toBe(true);
  });
});

describe('answerQuestion: letters named in the question', () => {
  it('answers from the rest of the named document when the part named does not answer', () => {
    // The note verbale from Geneva transmits a statement: the figures are in its annex.
    const answer = answerQuestion(
      index,
      'how many citizens were seriously injured according to the geneva note verbale',
    );
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]?.letterId).toBe(SEED.hrcNote);
    expect(answer.results[0]?.text).toMatch(/85 citizens/);
  });

  it('answers "which letter isn’t addressed to / from …" with the letters whose titles lack it', () => {
    const ids = (q: string) => answerQuestion(index, q).results.map((r) => r.letterId);
    expect(ids('which of the five letters isn’t addressed to the secretary-general')).toEqual([
      SEED.hrcNote,
    ]);
    expect(ids('which letter was not sent to the SG')).toEqual([SEED.hrcNote]);
    // The Chargé d’affaires sent the 2022 letter; the note verbale is from the Mission.
    expect(ids('which letter is not from the permanent representative').sort()).toEqual(
      [SEED.hrcNote, SEED.lachin].sort(),
    );
    // Each answer is the letter's own opening passage, quoted and cited like any other.
    expect(answerQuestion(index, 'which letter was not sent to the SG').results[0]?.text).toMatch(
      /^The Permanent Mission of the Republic of Azerbaijan/,
    );
  });

  it('keeps to the letter the question names', () => {
    const answer = answerQuestion(index, 'what did the latest letter say about maps', { limit: 5 });
    expect(answer.results.length).toBeGreaterThan(0);
    expect(answer.results.every((r) => r.letterId === SEED.awarenessDay2024)).toBe(true);
  });
});

describe('answerQuestion: a listing (/search)', () => {
  it('lists passages of common words that would not answer a question', () => {
    expect(answerQuestion(index, 'mines').abstained).toBe(true);
    expect(answerQuestion(index, 'mines', { list: true, limit: 5 }).results).toHaveLength(5);
  });
});
