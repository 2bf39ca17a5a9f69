import { describe, expect, it } from 'vitest';
import { parseDateHint } from '../../src/search/time.ts';
import { analyze, conceptOf } from '../../src/search/analyze.ts';
import {
  CLOCK,
  countsOf,
  DURATION,
  figureBefore,
  FREQUENCY,
  describesName,
  namesAgent,
  namesAPlace,
  PERCENTAGE,
  namesAState,
  reportsSpeechOf,
  statesFigure,
  statesMeasure,
  statesMoney,
  statesTimeBeyond,
  TIME,
} from '../../src/search/evidence.ts';

/**
 * The passage readers (`evidence.ts`): whether a passage states what a question asks for. The
 * features are built on them, so a misreading here is a wrong answer whatever the weights.
 */

const concepts = (...words: string[]) => new Set(words.map(conceptOf));

describe('figureBefore: a figure counts the noun it stands by', () => {
  const landmines = concepts('landmines');

  it('counts "2,700 anti-personnel landmines" and "landmines … amounts to 1,318 pieces"', () => {
    expect(
      figureBefore('more than 2,700 anti-personnel landmines produced in 2021', landmines, []),
    ).toBe(true);
    expect(
      figureBefore(
        'the number of landmines identified in one week amounts to 1,318 pieces',
        landmines,
        [],
      ),
    ).toBe(true);
  });

  it('counts victims by a figure after them in their clause ("victims has reached 314")', () => {
    const victims = concepts('victims');
    expect(figureBefore('the number of landmine victims has reached 314', victims, [])).toBe(true);
    expect(figureBefore('314 landmine victims', victims, [])).toBe(true);
  });

  it('does not count "landmine victims" as landmines: the word describes the noun after it', () => {
    expect(figureBefore('314 landmine victims', landmines, [])).toBe(false);
    expect(figureBefore('the number of landmine victims has reached 314', landmines, [])).toBe(
      false,
    );
    expect(figureBefore('a total of 350 people became landmine victims', landmines, [])).toBe(
      false,
    );
  });

  it('counts the noun before a comma, whatever follows it ("1,240 shelters, two learning centres")', () => {
    const shelters = concepts('shelters');
    const fire =
      'a fire destroyed or damaged 1,240 shelters, two learning centres and a health post';
    expect(figureBefore(fire, shelters, [])).toBe(true);
    expect(figureBefore('1,240 shelters two learning centres', shelters, [])).toBe(true);
    expect(figureBefore('1,240 shelter kits', shelters, [])).toBe(false);
  });

  it('counts a group by its members ("22 crew members"), not a word describing another', () => {
    const crew = concepts('crew');
    expect(figureBefore('All 22 crew members were evacuated', crew, [])).toBe(true);
    expect(figureBefore('22 crew cabins were burnt', crew, [])).toBe(false);
  });

  it('reads no figure after "and" as counting what came before it', () => {
    const deminers = concepts('deminers');
    expect(
      figureBefore('Three of the victims were deminers and two were children.', deminers, []),
    ).toBe(false);
    expect(figureBefore('the deminers now number 1,350', deminers, [])).toBe(true);
  });

  it('reads no code ("3-001M") and no year ("2021", not "2,021") as a count', () => {
    const mines = concepts('mines');
    expect(figureBefore('anti-personnel mines marked 3-001M were found', mines, [])).toBe(false);
    expect(figureBefore('mines laid in 2021', mines, [])).toBe(false);
    expect(figureBefore('the mines found reached 2,021', mines, [])).toBe(true);
  });

  it('takes no figure the question itself states for its answer', () => {
    expect(figureBefore('314 victims', concepts('victims'), ['314'])).toBe(false);
  });
});

describe('countsOf: how many different things are counted, each by its own figure', () => {
  const people = { wanted: concepts('civilians', 'servicemen', 'people'), stated: [] };

  it('reads each count of a list by its nearest figure', () => {
    expect(countsOf('the death of two civilians and four servicemen', people, 5)).toBe(2);
    expect(countsOf('As a result of this provocation, 2 civilians were killed.', people, 5)).toBe(
      1,
    );
  });

  it('reads a whole and a part of it as one thing counted', () => {
    expect(countsOf('landmine victims has reached 314 people, of whom 61 people', people, 5)).toBe(
      1,
    );
  });

  it('stops at enough', () => {
    expect(countsOf('two civilians, four servicemen and 9 people', people, 2)).toBe(2);
  });

  it('reads a measure of the thing counted ("350 tonnes of oil")', () => {
    expect(
      countsOf('350 tonnes of oil were spilled', { wanted: concepts('oil'), stated: [] }),
    ).toBe(1);
  });

  it('counts by the verb asked only a figure near it ("evacuated 2,300 residents")', () => {
    const text = 'Rescue teams evacuated 2,300 residents to temporary shelters.';
    const residents = { wanted: concepts('residents'), stated: [] };
    expect(countsOf(text, { ...residents, verbs: concepts('evacuated') }, 1)).toBe(1);
    expect(countsOf(text, { ...residents, verbs: concepts('died') }, 1)).toBe(0);
  });

  it('counts people by a noun after them that names the same people ("620 police personnel")', () => {
    const police = { wanted: concepts('police'), stated: [] };
    expect(countsOf('up to 4,250 military personnel and 620 police personnel', police, 1)).toBe(1);
    expect(countsOf('22 crew members were held', { wanted: concepts('crew'), stated: [] }, 1)).toBe(
      1,
    );
    // Families are counted, not refugees; victims, not mines.
    const refugees = { wanted: concepts('refugees'), stated: [] };
    expect(countsOf('300 refugee families were moved', refugees, 1)).toBe(0);
    expect(
      countsOf('there were 314 mine victims', { wanted: concepts('mine'), stated: [] }, 1),
    ).toBe(0);
    // An adjective made from a word for people counts them (user trial 25): "42 Cuban diplomatic
    // officials" are 42 diplomats; "12 diplomatic notes" are no diplomats.
    const diplomats = { wanted: concepts('diplomats'), stated: [] };
    expect(countsOf('When the break came, 42 Cuban diplomatic officials left', diplomats, 1)).toBe(
      1,
    );
    expect(countsOf('We sent 12 diplomatic notes', diplomats, 1)).toBe(0);
  });

  it('counts only the kind asked ("evacuation centres", not "health centres")', () => {
    const centres = { wanted: concepts('centres'), stated: [], modifiers: concepts('evacuation') };
    expect(countsOf('Across the country, 64 evacuation centres are open.', centres, 1)).toBe(1);
    expect(countsOf('Six health centres were damaged in the town of Velu.', centres, 1)).toBe(0);
  });

  it('reads a unit of count, and a verb asked, only in the sentence of the word counted', () => {
    const landmines = { wanted: concepts('landmines'), stated: [] };
    expect(
      countsOf('Landmines were found in Lachin; the rest amounts to 1,318 pieces.', landmines),
    ).toBe(0);
    expect(countsOf('Landmines found in Lachin amounts to 1,318 pieces.', landmines)).toBe(1);
    const residents = { wanted: concepts('residents'), stated: [], verbs: concepts('evacuated') };
    expect(countsOf('Teams evacuated the town. It had 2,300 residents.', residents, 1)).toBe(0);
    expect(countsOf('Teams evacuated 2,300 residents. The town was empty.', residents, 1)).toBe(1);
  });

  it('reads only the words counted within the span it is given (a sentence)', () => {
    const text = 'No figure here. 2 civilians were killed.';
    expect(countsOf(text, people, 1, { start: 0, end: 15 })).toBe(0);
    expect(countsOf(text, people, 1, { start: 16, end: text.length })).toBe(1);
  });
});

describe('statesFigure: a figure of something, not a code, a coordinate or a year', () => {
  const whole = (text: string) => statesFigure(text, { start: 0, end: text.length });

  it('reads numbers and number words, and a number joined to its unit', () => {
    expect(whole('amounts to 1,318 pieces')).toBe(true);
    expect(whole('the almost 30-year military occupation')).toBe(true);
    expect(whole('two servicemen were injured')).toBe(true);
  });

  it('does not read a model’s code, a coordinate or a year as a figure', () => {
    expect(
      whole(
        'anti-personnel mines marked 3-001M were discovered in Lachin (coordinates x=4401180, y=8635076) in 2022',
      ),
    ).toBe(false);
  });

  it('reads only the span it is given', () => {
    const text = 'Mines marked 3-001M were found. They number 1,318.';
    expect(statesFigure(text, { start: 0, end: 31 })).toBe(false);
    expect(statesFigure(text, { start: 32, end: text.length })).toBe(true);
  });
});

describe('statesMoney: a sum of money in any currency', () => {
  it.each([
    '150 million soms',
    '3 million United States dollars',
    'USD 40 million',
    '€40',
    '3,000 manats',
    '2 billion Fijian dollars',
    '500 hryvnias',
    '10 million kroner',
    'NOK 380 million',
    'SEK 1.2 billion',
    'JPY 500 million',
    '2 million CHF',
  ])('reads "%s" as money', (sum) => {
    expect(statesMoney(`The Government allocated ${sum} for relief.`)).toBe(true);
  });

  it.each([
    '12 dead',
    '40,000 tonnes of rice',
    '5 million people',
    '2,300 residents',
    'ALL 193 Member States',
    'TOP 10 priorities',
    'COP 28 delegates',
    'SDG 16 targets',
  ])('reads "%s" as no money', (figure) => {
    expect(statesMoney(`The report counts ${figure} in the valley.`)).toBe(false);
  });
});

describe('what else a passage may state', () => {
  it('a measure of the thing asked about: a figure and a unit near it', () => {
    const storm = concepts('storm');
    expect(
      statesMeasure(
        'Tropical Storm Ulani reached the coast with winds of 190 kilometres per hour.',
        storm,
      ),
    ).toBe(true);
    expect(statesMeasure('The storm destroyed 1,740 houses.', storm)).toBe(false);
    // A unit after a word that says what kind of unit.
    const water = concepts('water');
    expect(statesMeasure('The reservoir held some 18 million cubic metres of water.', water)).toBe(
      true,
    );
    expect(statesMeasure('Floods covered 40 square kilometres of water meadows.', water)).toBe(
      true,
    );
  });

  it('a size as a multiple of another ("3.5 times greater"), when a size is asked (user trial 20)', () => {
    const output = concepts('output');
    const grown =
      'Our industrial output has this year been 3.5 times greater than it was in 1937 and will by 1965 be six times greater.';
    expect(statesMeasure(grown, output, true)).toBe(true);
    expect(statesMeasure(grown, output)).toBe(false);
    expect(statesMeasure('Our output was praised three times.', concepts('harvest'), true)).toBe(
      false,
    );
  });

  it('a time, a length of time, a share, a time of day', () => {
    expect(TIME.test('signed on 10 November 2020')).toBe(true);
    expect(TIME.test('a commission is to report its findings within one month')).toBe(true);
    expect(TIME.test('the commission will report')).toBe(false);
    expect(DURATION.test('after the 44-day Patriotic War')).toBe(true);
    expect(DURATION.test('almost three decades of occupation')).toBe(true);
    expect(PERCENTAGE.test('55 per cent of recent landmine incidents')).toBe(true);
    expect(PERCENTAGE.test('55 recent landmine incidents')).toBe(false);
    expect(CLOCK.test('At 4.40 a.m. on 5 November 2025')).toBe(true);
    expect(CLOCK.test('On 5 November 2025')).toBe(false);
  });
});

describe('statesTimeBeyond: a time beyond the one the question names', () => {
  const of2016 = parseDateHint('when was the deal signed, per colombia in 2016');
  it('does not take the year the question names for an answer to "when"', () => {
    expect(statesTimeBeyond('I expected to return in 2016 as the President', of2016)).toBe(false);
    expect(
      statesTimeBeyond('It was signed in September 2016.', parseDateHint('in September 2016')),
    ).toBe(false);
  });
  it('takes a day, a month of that year, another year or a relative day', () => {
    expect(statesTimeBeyond('It will be signed on 26 September.', of2016)).toBe(true);
    expect(statesTimeBeyond('It was signed in September 2016.', of2016)).toBe(true);
    expect(statesTimeBeyond('Talks began in 2012 and ended in 2016.', of2016)).toBe(true);
    expect(statesTimeBeyond('I return today to announce it.', of2016)).toBe(true);
  });
  it('takes a body’s session named as a time (user trial 34)', () => {
    expect(TIME.test('to present a comprehensive report at its sixty-first session')).toBe(true);
    expect(TIME.test('at the 59th session of the Human Rights Council')).toBe(true);
    expect(TIME.test('to report to it by its next session')).toBe(true);
    // A session named as a thing, not as when: no time.
    expect(TIME.test('the session was productive and the agenda long')).toBe(false);
  });
  it('is any time at all when the question names none', () => {
    expect(statesTimeBeyond('I expected to return in 2016.', null)).toBe(true);
    expect(statesTimeBeyond('No time here.', null)).toBe(false);
  });
});

describe('namesAgent: who did what a "who" question asks of a verb', () => {
  const planted = concepts('plant');
  const agent = (text: string) =>
    namesAgent(text, analyze(text), planted, { start: 0, end: text.length });

  it('reads the agent of a passive ("planted in the district by a sabotage group")', () => {
    expect(agent('a landmine planted in the Khojavand district by a sabotage group')).toBe(true);
  });

  it('reads a name before the verb in its sentence as its subject ("Armenia also planted")', () => {
    expect(agent('Armenia also deliberately planted mines on a massive scale.')).toBe(true);
  });

  it('reads no agent where the verb has none, or the name is in another sentence', () => {
    expect(agent('Mines were planted on a massive scale.')).toBe(false);
    expect(agent('Armenia withdrew. Mines were planted everywhere.')).toBe(false);
    expect(agent('The landmine was planted near the road, and a vehicle hit it.')).toBe(false);
  });

  it('reads the people a clause is of as who ("2 civilians were killed" for "who died")', () => {
    const killed = concepts('kill');
    const who = (text: string) =>
      namesAgent(text, analyze(text), killed, { start: 0, end: text.length });
    expect(who('As a result of this provocation, 2 civilians were killed.')).toBe(true);
    expect(who('As a result of this provocation, 4 servicemen were killed.')).toBe(true);
    expect(who('As a result of this provocation, 2 vehicles were killed.')).toBe(false);
  });
});

describe('namesAPlace: a passage says where', () => {
  it('reads a name unknown to English, or a State after a preposition of where', () => {
    expect(namesAPlace('two servicemen were injured in Khojavand')).toBe(true);
    expect(namesAPlace('mines were produced in the Republic of Armenia in 2021')).toBe(true);
    expect(namesAPlace('landmines produced in Armenia in 2021')).toBe(true);
  });

  it('reads no place in whose things are ("citizens of Azerbaijan") or a common word', () => {
    expect(namesAPlace('314 citizens of Azerbaijan became mine victims')).toBe(false);
    expect(namesAPlace('the mines were found in the Field')).toBe(false);
  });
});

describe('namesAState: what answers "which country …" (user trial 24)', () => {
  it('reads a State by its name, whole or as a word of a longer one, not one the question names', () => {
    const none = new Set<string>();
    expect(namesAState('The Prime Minister of Malaysia joined us in this.', none)).toBe(true);
    expect(
      namesAState('We welcome the Republic of Ghana and the Federation of Malaya.', none),
    ).toBe(true);
    expect(namesAState('The Assembly adopted the resolution without a vote.', none)).toBe(false);
    // Antigua and Barbuda speaks of itself: the question named it, so it does not answer.
    expect(
      namesAState('Antigua and Barbuda raised the question of Antarctica.', new Set(['antigua'])),
    ).toBe(true);
    expect(namesAState('Antigua and Barbuda raised the question.', new Set(['antigua']))).toBe(
      false,
    );
  });
});

describe('reportsSpeechOf: a passage reports what someone said', () => {
  const armenia = concepts('Armenia');

  it('reads a verb or a noun of saying in the sentence that names them', () => {
    expect(reportsSpeechOf('Armenia stated that the maps were accurate.', armenia)).toBe(true);
    expect(reportsSpeechOf('The statements of Armenia were false.', armenia)).toBe(true);
    expect(reportsSpeechOf('Statements by Armenia were false.', armenia)).toBe(true);
  });

  it('reads the acts of speech a press release reports, not the passive (user trial 32)', () => {
    const norvalia = concepts('Norvalia');
    expect(
      reportsSpeechOf(
        'Petr Valko, Minister of Justice of Norvalia, rejected the report as "one-sided".',
        norvalia,
      ),
    ).toBe(true);
    expect(
      reportsSpeechOf('The representative of Norvalia told the Council that …', norvalia),
    ).toBe(true);
    expect(reportsSpeechOf('Norvalia called on all parties to show restraint.', norvalia)).toBe(
      true,
    );
    expect(reportsSpeechOf('Armenia and its proxies must be resolutely condemned.', armenia)).toBe(
      false,
    );
    expect(reportsSpeechOf('The attack on Armenia was condemned by all.', armenia)).toBe(false);
  });

  it('reads an opinion or view held, or a call made, as their words; "in view of" gives a cause', () => {
    const uk = concepts('Kingdom');
    expect(
      reportsSpeechOf(
        'In the opinion of the United Kingdom, arrangements for security should come first.',
        uk,
      ),
    ).toBe(true);
    expect(reportsSpeechOf('Armenia urged the parties to talk.', armenia)).toBe(true);
    expect(reportsSpeechOf('In view of the mines Armenia laid, roads are closed.', armenia)).toBe(
      false,
    );
  });

  it('reads a speaker who speaks as a body they belong to as that body (user trial 23)', () => {
    const asean = concepts('ASEAN');
    expect(reportsSpeechOf('We in ASEAN invite Viet Nam to join us.', asean)).toBe(true);
    expect(reportsSpeechOf('I speak on behalf of ASEAN.', asean)).toBe(true);
    expect(reportsSpeechOf('ASEAN has continued to seek a settlement.', asean)).toBe(false);
    // Words quoted as someone's are theirs (user trial 24).
    const emperor = concepts('Haile', 'Selassie');
    expect(
      reportsSpeechOf(
        'It was best expressed in the following words addressed by His Imperial Majesty Haile Selassie I: "Disarmament has become the urgent imperative of our time."',
        emperor,
      ),
    ).toBe(true);
  });

  it('does not take a title for reported speech ("the Trilateral Statement signed by Armenia")', () => {
    expect(
      reportsSpeechOf(
        'Since the signing of the Trilateral Statement by the leaders of Azerbaijan, Armenia and Russia, mines killed 61.',
        armenia,
      ),
    ).toBe(false);
  });

  it('needs the name close by the saying, in its clause: before a verb, after "according to" (user trials 20 to 24)', () => {
    expect(
      reportsSpeechOf(
        'Armenia has repeatedly and falsely claimed that the maps were handed over.',
        armenia,
      ),
    ).toBe(true);
    expect(reportsSpeechOf('According to Armenia, the maps were complete.', armenia)).toBe(true);
    // Armenia does something in a sentence where another says something: no words of Armenia's.
    expect(
      reportsSpeechOf(
        'Even after the end of the war, Armenia, contrary to its obligations under international humanitarian law, did not hand over the maps, as the Ministry stated.',
        armenia,
      ),
    ).toBe(false);
  });

  it('needs the saying and the name in one sentence', () => {
    expect(reportsSpeechOf('Armenia laid mines. The ministry stated it again.', armenia)).toBe(
      false,
    );
  });
});

describe('describesName: a passage says who someone named is', () => {
  const bayramov = concepts('Bayramov');
  const says = (text: string) => describesName(text, bayramov, { start: 0, end: text.length });

  it('reads what follows the name as what it calls them', () => {
    expect(
      says(
        'a letter from Jeyhun Bayramov, Minister for Foreign Affairs of the Republic of Azerbaijan',
      ),
    ).toBe(true);
  });

  it('reads the title a signature gives after the name', () => {
    expect(
      describesName(
        '(Signed) Yashar Aliyev Ambassador Permanent Representative',
        concepts('Aliyev'),
        { start: 0, end: 57 },
      ),
    ).toBe(true);
  });

  it('reads no description in a signature, or where nothing follows the name', () => {
    expect(says('(Signed) Jeyhun Bayramov')).toBe(false);
    expect(says('Jeyhun Bayramov wrote again in 2022.')).toBe(false);
  });
});

describe('FREQUENCY: how often', () => {
  it.each([
    'report to the Council every 90 days',
    'reviewed every six months',
    'held each year since 2015',
    'met twice a year',
    'reports quarterly',
    'shelling occurred almost daily',
  ])('reads "%s"', (text) => {
    expect(FREQUENCY.test(text)).toBe(true);
  });

  it.each(['within 90 days', 'in six months', 'every State'])('not "%s"', (text) => {
    expect(FREQUENCY.test(text)).toBe(false);
  });
});
