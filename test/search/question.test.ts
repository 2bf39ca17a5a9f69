import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { parseLetter } from '../../src/corpus/parse-letter.ts';
import { conceptOf } from '../../src/search/analyze.ts';
import {
  linksAsSymbols,
  parseLetterReference,
  resolveLetterReference,
  resolutionsIn,
  symbolsIn,
} from '../../src/search/letter-reference.ts';
import { answerQuestion } from '../../src/search/answer.ts';
import { parseQuestion, SearchIndex } from '../../src/search/index.ts';
import { parseDateHint } from '../../src/search/time.ts';
import {
  CORPUS_DIR,
  countingTextReads,
  documentsOf,
  ROOT,
  SEED,
  tempDir,
  testlandLetter,
} from '../helpers.ts';

/**
 * Reading a question (`question.ts`): one slot per word, with the concepts of the letters that
 * stand for it. These are facts of the question and the letters' vocabulary, not of the fitted
 * model.
 */

let index: SearchIndex;
/** The seed letters and the storm letter, whose words the seed letters lack ("GDP", "Relief Fund"). */
let withStorm: SearchIndex;
beforeAll(async () => {
  const seed = (await loadCorpus(CORPUS_DIR)).letters;
  index = SearchIndex.build(seed);
  withStorm = SearchIndex.build([...seed, await testlandLetter('storm')]);
});

const slot = (question: string, word: string, where = index) =>
  parseQuestion(where, question).slots.find((s) => s.word === word);
const concepts = (question: string, word: string, where = index) =>
  slot(question, word, where)?.alternatives.map((a) => a.concept) ?? [];

describe('parseQuestion: spelling', () => {
  it('corrects a word that is no English word against the letters’ own words', () => {
    expect(slot('trilatral statment', 'trilatral')?.correctedTo).toBe('trilateral');
    expect(slot('minefield recrods', 'recrods')?.correctedTo).toBe('records');
    // A corrected word counts, but less than the word typed right.
    const corrected = slot('minefield recrods', 'recrods')?.alternatives[0];
    expect(corrected?.concept).toBe(conceptOf('records'));
    expect(corrected?.weight).toBeLessThan(1);
  });

  it('never turns an English word, or a typo of one, into another word of the letters', () => {
    expect(slot('who is the president', 'president')?.correctedTo).toBeNull();
    // "presidnt" is "president", which the letters lack, not their "present".
    expect(slot('who is the presidnt', 'presidnt')?.correctedTo).toBe('president');
    expect(concepts('who is the presidnt', 'presidnt')).not.toContain(conceptOf('present'));
  });

  it('reads a typo of an English word the letters lack as that word, with its synonyms', () => {
    // "reliabel" is one swap from "reliable"; the storm letter says "reliable" nowhere, but
    // the question then finds what "reliable" finds, as when it is typed right.
    expect(slot('how reliabel was the info', 'reliabel')?.correctedTo).toBe('reliable');
    expect(concepts('how reliabel was the info', 'reliabel')).toEqual(
      concepts('how reliable was the info', 'reliable'),
    );
  });

  it('takes a 70,000-character "word" as it is: not stemmed, not corrected', () => {
    const long = 'x'.repeat(70_000);
    const q = parseQuestion(index, `mines ${long}`);
    expect(q.slots.find((s) => s.word === long)?.correctedTo).toBeNull();
    expect(conceptOf(long)).toBe(long);
  });

  it('puts right typos of the small words that shape a question ("mnay", "what r the")', () => {
    // "mnay" is "many" (two letters swapped), not "may" (one dropped).
    expect(parseQuestion(index, 'how mnay landmine victims').text).toBe(
      'how many landmine victims',
    );
    expect(parseQuestion(index, 'what r the agenda items').text).toBe('what are the agenda items');
    expect(parseQuestion(index, 'how long till the road reopens').text).toBe(
      'how long until the road reopens',
    );
    // "U.S." is no shorthand: it stays as written.
    expect(parseQuestion(index, 'what r the U.S. mines').text).toContain('U.S.');
    // A full stop after shorthand, then a space, is its own (user trial 22: "acc. to").
    expect(parseQuestion(index, 'victims acc. to the 2024 statement').text).toBe(
      'victims according to the 2024 statement',
    );
    // A letter alone is shorthand in lower case only (user trial 26): "N Korea", "U Nu" stay.
    expect(parseQuestion(index, 'how many cows n goats died').text).toBe(
      'how many cows and goats died',
    );
    expect(parseQuestion(index, 'what did N Korea and U Nu say').text).toBe(
      'what did N Korea and U Nu say',
    );
  });

  it('searches no reflexive pronoun nor "re" (user trial 26: "never mentions \'themselves\'")', () => {
    const words = (q: string) => parseQuestion(index, q).slots.map((s) => s.word);
    expect(words('how do they describe themselves')).not.toContain('themselves');
    expect(words('which senator accused armenia re the mines')).not.toContain('re');
    // Nor "until", rarer in the documents than the name it asks of (user trial 26).
    expect(words('how long til halvesk is cleared')).not.toContain('until');
  });

  it('takes a glossary abbreviation for itself, not for a typo of another ("UNHCR" is not "UNHRC")', () => {
    const words = parseQuestion(index, 'what did UNHCR say').slots.map((s) => s.word);
    expect(words).toContain('unhcr');
    expect(words).not.toContain('unhrc');
  });

  it('reads two English words typed as one ("windspeed") apart', () => {
    const words = parseQuestion(withStorm, 'what was the windspeed of the storm').slots.map(
      (s) => s.word,
    );
    expect(words).toEqual(expect.arrayContaining(['wind', 'speed']));
  });
});

describe('parseQuestion: abbreviations and the glossary', () => {
  it('reads "IDPs" and "internally displaced persons" as one concept', () => {
    const short = concepts('IDPs', 'idps');
    const long = parseQuestion(index, 'internally displaced persons').slots.flatMap((s) =>
      s.alternatives.map((a) => a.concept),
    );
    expect(short.length).toBeGreaterThan(0);
    expect(short.filter((c) => long.includes(c))).not.toEqual([]);
  });

  it('reads the UN system’s common abbreviations from the glossary ("GDP")', () => {
    expect(slot('GDP', 'gdp', withStorm)?.alternatives.length).toBeGreaterThan(0);
  });

  it('spells out an abbreviation the letters never use, as the letters write its words', () => {
    for (const typed of ['RRF', 'rrf'])
      expect(parseQuestion(withStorm, `how much did the ${typed} give`).text).toBe(
        'how much did the Regional Relief Fund give',
      );
  });

  it('finds the spelled-out form in the index, reading no passage but the one that holds it', async () => {
    const counting = countingTextReads([
      ...(await loadCorpus(CORPUS_DIR)).letters,
      await testlandLetter('storm'),
    ]);
    const index = SearchIndex.build(counting.letters);
    counting.reset();
    expect(parseQuestion(index, 'how much did the RRF give').text).toBe(
      'how much did the Regional Relief Fund give',
    );
    expect(counting.reads()).toBeLessThanOrEqual(1);
  });
});

describe('parseQuestion: a small word in capitals the letters spell out as initials', () => {
  const text = [
    'Letter dated 2 July 2024 from the Permanent Representative of Testland to the United Nations addressed to the Secretary-General',
    '',
    'The World Health Organization (WHO) has since delivered three emergency health kits to the hospital.',
    '',
    'The families who fled the district have not returned.',
    '',
    '(Signed) A. Person',
  ].join('\n');
  const health = () =>
    SearchIndex.build([
      parseLetter(text, { id: 'kits', file: 'kits.txt', sha256: 'f'.repeat(64) }),
    ]);

  it('reads "WHO" as the body it stands for, though "who" is a small word the letters use', () => {
    expect(parseQuestion(health(), 'what has WHO sent so far').text).toBe(
      'what has World Health Organization sent so far',
    );
  });

  it('reads "who" as the question word in lower case, and in a question all in capitals', () => {
    const index = health();
    expect(parseQuestion(index, 'who delivered the kits').text).toBe('who delivered the kits');
    expect(parseQuestion(index, 'WHO DELIVERED THE KITS').text).toBe('WHO DELIVERED THE KITS');
  });
});

describe('parseQuestion: an English word in capitals the letters spell out as a name', () => {
  const text = [
    'Letter dated 2 July 2025 from the Permanent Representative of Testland to the United Nations addressed to the Secretary-General',
    '',
    'A patrol of the peacekeeping mission in the Central African Republic was attacked near Bambouti; its car was hit by gunfire.',
    '',
    '(Signed) A. Person',
  ].join('\n');
  const patrol = () =>
    SearchIndex.build([
      parseLetter(text, { id: 'patrol', file: 'patrol.txt', sha256: 'e'.repeat(64) }),
    ]);

  it('reads "CAR" as the Central African Republic, though "car" is a word the letters use', () => {
    expect(parseQuestion(patrol(), 'who attacked the patrol in CAR').text).toBe(
      'who attacked the patrol in Central African Republic',
    );
  });

  it('reads an author’s State code in capitals as the State, though it is an English word', async () => {
    // Luxembourg's speech spells out a name whose initials are its code.
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'lux-2025.md'),
      '---\ntitle: "Statement by Luxembourg in the general debate"\ndate: 2025\nauthor: "Luxembourg"\nkind: speech\n---\nShelling damaged the offices of the League of United Xylographers on 1 July.\n',
    );
    const index = SearchIndex.build((await loadCorpus(dir)).letters);
    expect(index.spelledOut('lux', true)).toBe('League of United Xylographers');
    expect(parseQuestion(index, 'what did LUX say in 2025').text).toBe('what did LUX say in 2025');
  });

  it('reads initials that keep a connecting word’s letter as the name the letters write ("UNMISS": "… Mission in …"; user trial 34)', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'statement.md'),
      '---\ntitle: "Statement by Testland"\ndate: 2025\nauthor: "Testland"\nkind: statement\n---\nTestland contributes 450 troops to the United Nations Stabilization Mission in Taravia.\n',
    );
    const index = SearchIndex.build((await loadCorpus(dir)).letters);
    expect(index.spelledOut('unsmit', true)).toBe(
      'United Nations Stabilization Mission in Taravia',
    );
    expect(index.spelledOut('unsmt', true)).toBe('United Nations Stabilization Mission in Taravia');
    expect(parseQuestion(index, 'how many troops does testland have in UNSMIT').text).toBe(
      'how many troops does testland have in United Nations Stabilization Mission in Taravia',
    );
  });

  it('reads "car" in lower case, or in a question all in capitals, as the word', () => {
    const index = patrol();
    expect(parseQuestion(index, 'what hit the car').text).toBe('what hit the car');
    expect(parseQuestion(index, 'WHAT HIT THE CAR').text).toBe('WHAT HIT THE CAR');
  });
});

describe('parseQuestion: figures', () => {
  it('reads "500k" as 500000, a figure the question states', () => {
    const q = parseQuestion(index, 'yo wait so the 500k mines, where were they found');
    expect(q.slots.map((s) => s.concept)).toContain('500000');
    expect(q.statedFigures).toContain('500000');
  });

  it('reads figures said in words as the letters write them: "half a million", "2.7 thousand"', () => {
    expect(parseQuestion(index, 'so they found half a million mines?').text).toBe(
      'so they found 500,000 mines?',
    );
    expect(parseQuestion(index, 'were 2.7 thousand mines found').text).toBe(
      'were 2,700 mines found',
    );
    // Not a figure: "hundreds of thousands" stays as written.
    expect(parseQuestion(index, 'hundreds of thousands of people').text).toBe(
      'hundreds of thousands of people',
    );
  });

  it('keeps a figure as said where no passage writes it in digits, and a quoted phrase as typed', () => {
    // No letter states 40,000,000: a speech's "40 million" is found as written (user trial 21).
    expect(parseQuestion(index, 'a population of 40 million').text).toBe(
      'a population of 40 million',
    );
    const quoted = parseQuestion(index, '"half a million mines"');
    expect(quoted.text).toBe('"half a million mines"');
    expect(quoted.phrases).toEqual(['half a million mines']);
  });
});

describe('parseQuestion: two spellings of one name', () => {
  it('reads names one edit apart as one, but not an author’s name as another name (user trial 22)', async () => {
    const letters = await documentsOf({
      'norvana.md':
        '---\ntitle: Statement by Norvana on the elections\ndate: 2025\nauthor: Norvana\nkind: speech\n---\nThe elections in Norvana were held in Tarvenska province and in Tarvensky district.\n',
      'kethara.md':
        '---\ntitle: Statement by Kethara on locusts\ndate: 2025\nauthor: Kethara\nkind: speech\n---\nThe Government of Norvala pledged 3.5 million dollars to the locust appeal.\n',
    });
    const names = SearchIndex.build(letters);
    const alternatives = (question: string, word: string) =>
      parseQuestion(names, question)
        .slots.find((s) => s.word === word)
        ?.alternatives.map((a) => a.concept) ?? [];
    // Norvana wrote a statement: "norvana" is not Norvala, a donor another names.
    expect(alternatives('how much did norvana pledge', 'norvana')).not.toContain(
      conceptOf('Norvala'),
    );
    // Two places no author is named for, one edit apart, are one name spelt two ways.
    expect(alternatives('what happened in tarvenska', 'tarvenska')).toContain(
      conceptOf('Tarvensky'),
    );
  });
});

describe('parseQuestion: names and meaning', () => {
  it('reads a capital the letters never name as its country', () => {
    expect(concepts('what does Yerevan say about producing mines', 'yerevan')).toContain(
      conceptOf('Armenia'),
    );
    expect(concepts('what does Baku say', 'baku')).toContain(conceptOf('Azerbaijan'));
  });

  it('finds a word the letters lack by its neighbours in meaning, each counting less than the word', () => {
    const automobile = slot('what happened to the automobile', 'automobile');
    expect(automobile?.similarity).not.toBeNull();
    expect(automobile?.alternatives.map((a) => a.concept)).toContain(conceptOf('vehicle'));
    expect(automobile?.alternatives.every((a) => a.weight < 1)).toBe(true);
  });

  it('takes a word the letters lack for a thing named when English uses it most as a noun', () => {
    expect(slot('can they go back to their villas', 'villas')).toMatchObject({
      known: false,
      nominal: true,
    });
    // WordNet has "back" and "come" as nouns too, but English uses them as an adverb and a verb.
    expect(slot('so who signed it back in 2021', 'back')).toMatchObject({ nominal: false });
    expect(slot('does this comes from hatred', 'comes')).toMatchObject({ nominal: false });
  });

  it('finds no neighbours in meaning for a name: a name stands for itself', () => {
    const missing = slot('mines near Stepanakert', 'stepanakert');
    expect(missing).toMatchObject({ known: false, nominal: true, similarity: null });
    expect(missing?.alternatives).toEqual([]);
    expect(concepts('what did Bayramov say', 'bayramov')).toEqual([conceptOf('Bayramov')]);
  });

  it('reads a plural in "-men" in its singular, and so by its synonyms ("fishermen": "fishers")', () => {
    const text = [
      'Letter dated 2 July 2024 from the Permanent Representative of Testland to the United Nations addressed to the Secretary-General',
      '',
      'The ban affects more than 12,000 artisanal fishers in 38 coastal communities.',
      '',
      '(Signed) A. Person',
    ].join('\n');
    const fishers = SearchIndex.build([
      parseLetter(text, { id: 'ban', file: 'ban.txt', sha256: 'f'.repeat(64) }),
    ]);
    expect(slot('who helps the fishermen', 'fishermen', fishers)?.known).toBe(true);
    expect(concepts('who helps the fishermen', 'fishermen', fishers)).toContain(
      conceptOf('fishers'),
    );
  });

  it('leaves out what the question sets aside ("apart from …")', () => {
    const q = parseQuestion(
      index,
      'what law requires the withdrawal, apart from the Trilateral Statement',
    );
    expect(q.slots.map((s) => s.word)).not.toContain('trilateral');
  });

  it('reads "vs" and "versus" as setting two things side by side, not as words to find', () => {
    const words = (question: string) => parseQuestion(index, question).slots.map((s) => s.word);
    expect(words('how many killed vs wounded in feb 2021')).toEqual(
      words('how many killed and wounded in feb 2021'),
    );
    expect(words('killed versus wounded')).toEqual(words('killed and wounded'));
  });
});

describe('parseQuestion: quoted phrases and the question’s parts', () => {
  it('takes a quoted phrase, folded, as a phrase a passage must hold', () => {
    expect(parseQuestion(index, '"Neither marking nor fencing" maps').phrases).toEqual([
      'neither marking nor fencing',
    ]);
    expect(parseQuestion(index, 'neither marking nor fencing').phrases).toEqual([]);
  });

  it('makes no phrase of a quote left open: its words are asked as words', () => {
    for (const q of ['"how many mine victims were there', 'mines "in Lachin', '“mines in Lachin'])
      expect(parseQuestion(index, q).phrases, q).toEqual([]);
    expect(parseQuestion(index, 'he said "mines in Lachin" and "more').phrases).toEqual([
      'mines in lachin',
    ]);
  });

  it('takes a phrase in single quotes, and never an apostrophe, for a quoted phrase', () => {
    expect(
      parseQuestion(index, "the letter with the 'neither marking nor fencing' bit").quoted,
    ).toEqual(['neither marking nor fencing']);
    expect(parseQuestion(index, 'the ‘neither marking nor fencing’ letter').quoted).toEqual([
      'neither marking nor fencing',
    ]);
    // Apostrophes: a possessive, an elided year, a plural's possessive.
    expect(
      parseQuestion(index, "Azerbaijan's mines in '21 and the deminers' deaths").quoted,
    ).toEqual([]);
    expect(parseQuestion(index, "mines in '21 near 'Khojavand'").quoted).toEqual(['khojavand']);
  });

  it('points the counted thing and the verb of a "how many" question at their slots', () => {
    const q = parseQuestion(index, 'how many ANAMA employees were hurt by mines');
    expect(q.frame.type).toBe('count');
    expect(q.slots[q.roles.counted ?? -1]?.word).toBe('employees');
    expect(q.slots[q.roles.predicate ?? -1]?.word).toBe('hurt');
  });

  it('points whose words are asked for at their slot', () => {
    const q = parseQuestion(index, 'what did armenia say about the maps');
    expect(q.slots[q.roles.speaker ?? -1]?.word).toBe('armenia');
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
    ['meravia erw casualties jan-jun 2026', '2026-01-01', '2026-06-30', 'jan-jun 2026'],
    [
      'casualties between january and june 2026',
      '2026-01-01',
      '2026-06-30',
      'january and june 2026',
    ],
    ['sept–dec 2025 incidents', '2025-09-01', '2025-12-31', 'sept–dec 2025'],
    ['ERW casualties H1 2026', '2026-01-01', '2026-06-30', 'H1 2026'],
    ['figures for Q3 2025', '2025-07-01', '2025-09-30', 'Q3 2025'],
    ['the lean season nov-feb 2026', '2025-11-01', '2026-02-28', 'nov-feb 2026'],
  ])(
    'reads %j as the months from %s to %s, written %j (user trial 26)',
    (text, from, to, words) => {
      // Before, "jan-jun 2026" was June 2026, and "jan" a name the letter never mentions.
      expect(parseDateHint(text)).toMatchObject({ from, to, upTo: false, words });
    },
  );

  it.each([
    ['mines found after the sept 2023 operation', '2023-09-01', '9999-12-31'],
    ['victims since 2020', '2020-01-01', '9999-12-31'],
    ['the letter from 2021', '2021-01-01', '2021-12-31'],
  ])('reads %j as from %s to %s ("after", "since": from then on)', (text, from, to) => {
    expect(parseDateHint(text)).toMatchObject({ from, to, upTo: false });
  });

  it.each([
    ['what did norway say in the 1990s', '1990-01-01', '1999-12-31'],
    ['what did norway say in the sixties', '1960-01-01', '1969-12-31'],
    ['norway on refugees in the late nineties', '1997-01-01', '1999-12-31'],
    ['the early 2000s', '2000-01-01', '2003-12-31'],
    ["the mid-'80s", '1984-01-01', '1986-12-31'],
  ])('reads the decade, or its early, middle or late years, of %j: %s to %s', (text, from, to) => {
    expect(parseDateHint(text)).toMatchObject({ from, to, upTo: false });
  });

  it.each([
    ['what did india say at the fifty-second session', '1997-09-01'],
    ['the thirtieth UNGA', '1975-09-01'],
    ['at the first session of the General Assembly', '1946-09-01'],
  ])('reads a session of the General Assembly in words: %j met from %s', (text, from) => {
    expect(parseDateHint(text)).toMatchObject({ from, meeting: true });
  });

  it('reads no session of the Assembly in a low one in words without it ("my second session in Geneva")', () => {
    expect(parseDateHint('my second session in Geneva')).toBeNull();
    expect(parseDateHint('the second session of the Human Rights Council')).toBeNull();
  });

  it('reads no time in an age ("in their sixties", "in his early 40s")', () => {
    expect(parseDateHint('how many people in their sixties were hurt')).toBeNull();
    expect(parseDateHint('a man in his early 40s')).toBeNull();
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

  it('reads short month names', () => {
    expect(parseDateHint('the feb 2021 letter')).toMatchObject({
      from: '2021-02-01',
      to: '2021-02-28',
    });
    expect(parseDateHint('the sept 2023 press release')).toMatchObject({ from: '2023-09-01' });
  });

  it.each([
    ['what did ireland say about the good friday agreement in 99', '1999-01-01', '1999-12-31'],
    ["back in '99, what about peacekeepers", '1999-01-01', '1999-12-31'],
    ['the speeches of the 70s', '1970-01-01', '1979-12-31'],
    ['in the 1980s', '1980-01-01', '1989-12-31'],
  ])('reads a year of two digits or a decade: %j as from %s to %s', (text, from, to) => {
    expect(parseDateHint(text)).toMatchObject({ from, to, upTo: false });
  });

  it.each([
    ['norway at the 62nd session on climate', '2007'],
    ['the 46th session of the General Assembly', '1991'],
    ['JPN PM at UNGA 66, what about abductions', '2011'],
    ['PH at UNGA79 - the security council seat', '2024'],
    ['JOR at the 55th UNGA - sanctions', '2000'],
    ["at the UN's 50th anniversary session, how did rwanda judge the UN", '1995'],
    ['the 75th anniversary of the United Nations', '2020'],
  ])('reads a session of the General Assembly as the autumn it met: %j', (text, year) => {
    expect(parseDateHint(text)).toMatchObject({
      from: `${year}-09-01`,
      to: `${year}-12-31`,
      meeting: true,
    });
  });

  it.each([
    ['which country at the 1986 general debate spoke of the falklands', true],
    ['the barbados speech at the 2021 GA', true],
    ['what did norway say at UNGA 2019', true],
    ['how many mines were found in 2021', false],
    ['the 2021 letter', false],
  ])('reads whether a year is a meeting’s: %j', (text, meeting) => {
    expect(parseDateHint(text)?.meeting ?? false).toBe(meeting);
  });

  it.each([
    ['which country at the 1986 general debate spoke of the falklands', '1986 general debate'],
    ['the barbados speech at the 2021 GA', '2021 GA'],
    ['what did norway say at UNGA 2019', 'UNGA 2019'],
    ['how many mines were found in 2021', '2021'],
  ])('reads a meeting’s words with its year, as words that name it: %j', (text, words) => {
    expect(parseDateHint(text)?.words).toBe(words);
  });

  it.each([
    '1 in 10 children?',
    'killed in 99 villages',
    'the 46th session of the Human Rights Council',
    'the 50th anniversary of the Universal Declaration',
  ])('reads no time in %j', (text) => {
    expect(parseDateHint(text)).toBeNull();
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

  it('not by what a question asks of it: "which country’s letter" asks for the country', () => {
    // "country" is in some letters' passages and not all: it had named those as "the lachin letter" does.
    const topical = (c: string) => index.documentFrequency(c) > 0 && !index.inEveryDocument(c);
    const read = (text: string) =>
      parseLetterReference(text, (c) => index.inHeadings(c), topical)?.documents ?? null;
    expect(topical('countri')).toBe(true);
    expect(read('which country’s letter is this, the one about the mines')).toBeNull();
    expect(read('the country letter')?.[0]?.topic).toEqual(['countri']);
    expect(named('which 2022 letter says that')).toEqual([`${SEED.lachin}:-1`, `${SEED.lachin}:0`]);
  });

  it('by a bare "note" that words before it name: "the HRC note", "the 2021 note"; "note" as a verb names nothing', () => {
    const note = [`${SEED.hrcNote}:-1`, `${SEED.hrcNote}:0`];
    expect(named('what did the HRC note say about mine victims')).toEqual(note);
    expect(named('the 2021 note')).toEqual(note);
    for (const text of [
      'please note the mines',
      'note the mines',
      'did they take note of the mines',
    ])
      expect(named(text), text).toBeNull();
  });

  it('by the organ it is a document of: "the HRC statement"', () => {
    expect(named('the HRC statement')).toEqual([`${SEED.hrcNote}:0`]);
  });

  it('by order: the first and the latest letter', () => {
    expect(named('the first letter')?.every((p) => p.startsWith(SEED.minefieldInfo))).toBe(true);
    expect(named('the latest letter')?.every((p) => p.startsWith(SEED.awarenessDay2024))).toBe(
      true,
    );
    expect(named('the most recent letter')?.every((p) => p.startsWith(SEED.awarenessDay2024))).toBe(
      true,
    );
    // The order said of the letter: "which letter is the oldest" names it as "the oldest letter".
    for (const question of ['which of these letters is the oldest', 'which letter came first'])
      expect(
        named(question)?.every((p) => p.startsWith(SEED.minefieldInfo)),
        question,
      ).toBe(true);
    expect(
      named('which letter is the most recent')?.every((p) => p.startsWith(SEED.awarenessDay2024)),
    ).toBe(true);
    // Said of something else, it names no letter.
    expect(named('the letter says the road, which is the oldest, was mined')).toBeNull();
  });

  it('by order among other documents: "the latest letter" is the latest letter, not a later statement', async () => {
    const documents = (await loadCorpus(path.join(ROOT, 'test/fixtures/documents'))).letters;
    const mixed = SearchIndex.build([...(await loadCorpus(CORPUS_DIR)).letters, ...documents]);
    const letterOf = (text: string) => {
      const reference = parseLetterReference(text, (c) => mixed.inHeadings(c));
      if (!reference) return null;
      return [
        ...new Set(
          [...resolveLetterReference(reference, mixed)].map(
            (g) => mixed.headingGroups[g]?.letter.id,
          ),
        ),
      ];
    };
    // The statement of 4 March 2025 is later than every letter.
    expect(documents.some((d) => d.date > '2024-04-04')).toBe(true);
    expect(letterOf('the latest letter')).toEqual([SEED.awarenessDay2024]);
    expect(letterOf('the first letter')).toEqual([SEED.minefieldInfo]);
  });

  it('by what it is about: "the lachin letter" is the letters whose passages speak of Lachin', () => {
    const about = (text: string) => {
      const { letters } = parseQuestion(index, text);
      if (!letters) return null;
      const groups = [...resolveLetterReference(letters, index)];
      return [...new Set(groups.map((g) => index.headingGroups[g]?.letter.id))].sort();
    };
    expect(about('who signed the lachin letter')).toEqual(
      [SEED.lachin, SEED.awarenessDay2024].sort(),
    );
    // Another document named by its own name, as before.
    expect(about('who signed the Trilateral Statement')).toBeNull();
  });

  it('is no reference when other words name another document', () => {
    expect(named('the Trilateral Statement')).toBeNull();
    expect(named('which letter mentions Lachin')).toBeNull();
  });
});

describe('symbolsIn: the document symbols a question writes', () => {
  it('finds each symbol, joined ones apart, in any case, as the UN writes it and where', () => {
    const text = 'what does a/76/930-S/2022/642 say';
    expect(symbolsIn(text).map((s) => [s.text, text.slice(s.start, s.end)])).toEqual([
      ['A/76/930', 'a/76/930'],
      ['S/2022/642', 'S/2022/642'],
    ]);
    expect(symbolsIn('S/RES/2428 (2018) on arms').map((s) => s.text)).toEqual(['S/RES/2428']);
  });

  it('reads a resolution cited by its number as its symbol (user trial 31: "when does the SG have to report back on 80/41")', async () => {
    expect(
      resolutionsIn('did china vote for 80/41, or for resolution 2761 (2025)?').map((s) => s.text),
    ).toEqual(['A/RES/80/41', 'S/RES/2761']);
    // A symbol written whole, a date and a year are no resolution's number.
    expect(resolutionsIn('A/RES/80/41 of 9/12/2025, in 2025')).toEqual([]);
    const letters = await documentsOf({
      'res.txt':
        '---\ntitle: "80/41. Situation of internally displaced persons in the Teral region"\nsymbol: A/RES/80/41\nauthor: General Assembly\ndate: 2025-12-09\nkind: resolution\n---\n1. Calls upon all parties to respect the ceasefire;\n\n2. Requests the Secretary-General to submit to the General Assembly at its eighty-first session a report on the implementation of the present resolution;\n',
      'statement.txt':
        '---\ntitle: Statement by Testland on the ceasefire\nauthor: Testland\ndate: 2025-11-02\nkind: statement\n---\nThe Secretary-General will report back on the ceasefire to the Council in March.\n',
    });
    const index = SearchIndex.build(letters);
    const answer = answerQuestion(index, 'what does 80/41 request of the secretary-general');
    expect(answer.results.length).toBeGreaterThan(0);
    expect(answer.results.every((r) => r.symbol === 'A/RES/80/41')).toBe(true);
    // Unknown to the catalog, a number is only words: no "no document has the symbol" for it.
    expect(
      answerQuestion(index, 'what did 79/188 say about the ceasefire').reason ?? '',
    ).not.toMatch(/symbol/);
    // Called a resolution, one no document is and no passage cites is a symbol no document has
    // (user trial 33: "the vote on resolution 80/62" was answered with the vote on 80/61).
    expect(answerQuestion(index, 'what was the vote on resolution 80/62').reason).toBe(
      'no document has the symbol A/RES/80/62',
    );
    // The Human Rights Council's resolutions are their own series.
    expect(resolutionsIn('vote count on hrc res 58/14?').map((s) => s.text)).toEqual([
      'A/HRC/RES/58/14',
    ]);
  });

  it('finds none in the path of a file a link names (user trial 7)', () => {
    const link = 'https://documents.un.org/doc/undoc/gen/n22/466/00/pdf/n2246600.pdf';
    expect(symbolsIn(`what does ${link} say`)).toEqual([]);
    expect(symbolsIn(linksAsSymbols(`what does ${link} say`))).toEqual([]);
    expect(
      symbolsIn('see documents.un.org/doc/undoc/gen/n22/466/00/pdf/n2246600.pdf?OpenElement'),
    ).toEqual([]);
    expect(symbolsIn('E/CN.4/2005/L.10 and A/HRC/52/L.1').map((s) => s.text)).toEqual([
      'E/CN.4/2005/L.10',
      'A/HRC/52/L.1',
    ]);
  });

  it('finds none in words joined by slashes', () => {
    expect(symbolsIn('is it and/or/not')).toEqual([]);
  });

  it('reads a link to a UN document as its symbol, and leaves other links as they are', () => {
    expect(linksAsSymbols('what does https://undocs.org/en/A/78/368 say')).toBe(
      'what does A/78/368 say',
    );
    expect(linksAsSymbols('victims (see undocs.org/S/2023/686).')).toBe(
      'victims (see S/2023/686).',
    );
    expect(symbolsIn(linksAsSymbols('https://undocs.org/fr/A/76/930')).map((s) => s.text)).toEqual([
      'A/76/930',
    ]);
    // A resolution's link ends in its year (user trial 14).
    expect(
      symbolsIn(linksAsSymbols('https://undocs.org/en/S/RES/2841(2026)')).map((s) => s.text),
    ).toEqual(['S/RES/2841']);
    for (const text of ['is https://example.com/news/mines about this', 'see www.un.org/en/about'])
      expect(linksAsSymbols(text)).toBe(text);
  });
});
