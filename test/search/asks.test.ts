import { describe, expect, it } from 'vitest';
import { namesAThing, readShape } from '../../src/search/asks.ts';
import { countsOf, figureBefore } from '../../src/search/answer.ts';
import { conceptOf } from '../../src/search/analyze.ts';

const shape = (question: string, countedEnd: number | null = null) => {
  const s = readShape(question, countedEnd);
  return { focus: s.focus?.word ?? null, predicate: s.predicate?.word ?? null, time: s.time };
};

describe('readShape: the thing a question asks for', () => {
  it.each([
    ['what were the names of the deminers', 'names'],
    ['which company supplied the mines', 'company'],
    ['who is the head of the mission', 'head'],
    ["what's the population of lachin", 'population'],
    ['whats the capital of azerbaijan', 'capital'],
    ['how old is the ambassador', 'old'],
    ['what kind of vehicles hit the mines', 'vehicles'],
    ['under what body of law was it illegal', 'law'],
    ['which international agencies help with demining', 'agencies'],
    ['what are the 3 countries that signed it', 'countries'],
    ['which two districts had mines', 'districts'],
    ['what brand of car hit the mine', 'brand'],
    ["what is ANAMA's budget", 'budget'],
    ['who is azerbaijan’s foreign minister', 'minister'],
    // A verb in the present after the thing asked for ends its phrase.
    ['which company owns the ship', 'company'],
    ['which UN agency runs demining in the region', 'agency'],
  ])('%j asks for %j', (question, focus) => {
    expect(shape(question).focus).toBe(focus);
  });

  it.each([
    ['which letter mentions cemeteries', 'a letter: any passage of it answers'],
    ['in what way did armenia mislead', 'a way of doing: a frame, not a thing'],
    ['what did the minister say', 'an auxiliary: the question asks about a saying'],
    ['what shows that the maps were false', 'a verb with its object'],
    ['which of the letters is a note verbale', 'one of the documents'],
    ['what number of mines were found', 'a figure, checked as one'],
    ['what stops displaced people from going back', 'a verb, then a participle and its noun'],
    ["whats armenia's excuse about the mines", "someone's stance: any passage of theirs"],
    ["what is azerbaijan's problem with the road", "someone's stance: any passage of theirs"],
    ["what was azerbaijan's response to the attack", 'a response: what they said answers'],
    ["what's the link between mine incidents and the maps", 'a relation: passages about both'],
    ['what proof is there that meridia did it', 'what shows it: rarely called proof'],
  ])('%j asks for no thing (%s)', (question) => {
    expect(shape(question).focus).toBeNull();
  });

  it('reads "which year" and "when" as asking for a time', () => {
    expect(shape('which year were the mines produced').time).toBe(true);
    expect(shape('ok so when did it start').time).toBe(true);
    expect(shape('and since when?').time).toBe(true);
    // An adverb may stand between "when" and its verb.
    expect(shape('when exactly did the occupation start')).toMatchObject({
      time: true,
      predicate: 'start',
    });
    expect(shape('what did they do when the war ended').time).toBe(false);
    expect(shape('When the minister writes about maps, what share do they cover?').time).toBe(
      false,
    );
  });

  it('reads "who …" as asking for people, "who is the X" too', () => {
    expect(readShape('who planted the mines').person).toBe(true);
    expect(readShape('so who is the ambassador').person).toBe(true);
    expect(readShape('the people who planted the mines').person).toBe(false);
  });
});

describe('readShape: the verb a question asks about', () => {
  it.each([
    ['who commands the contingent', 'commands'],
    ['who built the tunnel in the village', 'built'],
    ['when did armenia start planting mines', 'start'],
    ['when will azerbaijan finish clearing the land', 'finish'],
    ['where was the mine that blew up the car manufactured', 'manufactured'],
    ['when did the servicemen die', 'die'],
    ['when did the sabotage group leave azerbaijan', 'leave'],
    ['when did the taghaverd tunnel open', 'open'],
    ['who was driving the vehicle that exploded', 'driving'],
    ['which country produced the mines found in lachin', 'produced'],
    ['which company owns the ship', 'owns'],
    // After "did" the verb is in its base form: a participle describes the noun it stands by.
    ['when did the people of the occupied districts return', 'return'],
    ['where did the families of the injured deminers live', 'live'],
    // Typed with the verb in the past, it is still read.
    ['when did armenia planted the mines', 'planted'],
  ])('%j asks about %j', (question, verb) => {
    expect(shape(question).predicate).toBe(verb);
  });

  it('reads as the verb of "what did X VERB" the word used mostly as a verb', () => {
    expect(readShape('what did the mines near cemeteries show').verb?.word).toBe('show');
  });

  it('reads the verb right after a pronoun subject ("what did they find near lachin")', () => {
    expect(readShape('ok what did they find near lachin').verb?.word).toBe('find');
    expect(readShape('what did it hit in khojavand').verb?.word).toBe('hit');
  });

  it('counts the clauses that ask something, one opening later in its clause too', () => {
    expect(readShape('how many families were moved').clauses).toBe(1);
    expect(
      readShape('I need to know how many fishers lost work and how long the ban lasts'),
    ).toMatchObject({ clauses: 2 });
    expect(readShape('who planted it and did anyone die').clauses).toBe(2);
  });

  it('reads the verb of a yes-or-no question, unless it has many senses ("give")', () => {
    expect(readShape('did the secretary general visit the territories').verb?.word).toBe('visit');
    expect(readShape('has the UN sent deminers').verb?.word).toBe('sent');
    // "Give" may be said "hand over", "break" "in breach of": WordNet does not relate them.
    expect(readShape('did armenia give the mine maps').verb).toBeNull();
    expect(readShape('did armenia break international law').verb).toBeNull();
  });

  it('reads the verb of "what did X VERB", not of what follows a saying verb', () => {
    expect(readShape('what did the secretary-general reply').verb?.word).toBe('reply');
    expect(readShape('what does it say the attacks are meant to achieve').verb).toBeNull();
    expect(readShape('what did the minister say').verb).toBeNull();
    expect(readShape('what exactly did the secretary-general reply').verb?.word).toBe('reply');
  });

  it('after what a "how many" question counts, its verb ("how many people has it trained")', () => {
    const question = 'how many people has the agency trained';
    expect(shape(question, question.indexOf('people') + 'people'.length).predicate).toBe('trained');
    const counted = (q: string, word: string) => shape(q, q.indexOf(word) + word.length).predicate;
    expect(counted('how many mines did azerbaijan clear in lachin', 'mines')).toBe('clear');
    // "have" with a participle right after it: no subject stands between.
    expect(counted('how many displaced people have returned home', 'people')).toBe('returned');
    expect(counted('how many landmines have been cleared from kalbajar', 'landmines')).toBe(
      'cleared',
    );
    expect(counted('how many victims since the war ended', 'victims')).toBeNull();
    // "count" asks for the figure; "mapped" describes the areas, so no verb must be found.
    expect(
      counted('how many victims did the prosecutor count outside mapped areas', 'victims'),
    ).toBeNull();
    // "happened" names nothing to find; "mapped" only describes the areas.
    expect(
      counted('how many percent of incidents happened outside the mapped areas', 'percent'),
    ).toBeNull();
    // "got hurt" is a passive: no subject after "got", so "mines" is not its verb.
    expect(counted('how many people got hurt by mines', 'people')).toBeNull();
  });
});

describe('figureBefore: a figure counts the noun it stands before', () => {
  const mines = new Set([conceptOf('landmines')]);
  it('counts a group by its members ("22 crew members"), not a word describing another', () => {
    const crew = new Set([conceptOf('crew')]);
    expect(figureBefore('All 22 crew members were evacuated', crew, [])).toBe(true);
    expect(figureBefore('22 crew cabins were burnt', crew, [])).toBe(false);
  });

  it('counts "2,700 anti-personnel landmines" and "landmines … amounts to 1,318 pieces"', () => {
    expect(
      figureBefore('more than 2,700 anti-personnel landmines produced in 2021', mines, []),
    ).toBe(true);
    expect(
      figureBefore(
        'the number of landmines identified in one week amounts to 1,318 pieces',
        mines,
        [],
      ),
    ).toBe(true);
  });

  it('does not count "landmine victims" as landmines', () => {
    expect(figureBefore('a total of 350 people became landmine victims', mines, [])).toBe(false);
    expect(figureBefore('the number of landmine victims has reached 314', mines, [])).toBe(false);
  });
});

describe('countsOf: how many different things are counted, each by its own figure', () => {
  const people = new Set(['civilians', 'servicemen', 'people'].map(conceptOf));
  it('reads each count of a list, each by its nearest figure', () => {
    expect(countsOf('the death of two civilians and four servicemen', people, [], 5)).toBe(2);
    expect(
      countsOf('As a result of this provocation, 2 civilians were killed.', people, [], 5),
    ).toBe(1);
    // A whole and a part of it: one thing counted twice.
    expect(
      countsOf('landmine victims has reached 314 people, of whom 61 people', people, [], 5),
    ).toBe(1);
  });

  it('reads no figure after "and" as counting what came before it', () => {
    const deminers = new Set([conceptOf('deminers')]);
    expect(
      figureBefore('Three of the victims were deminers and two were children.', deminers, []),
    ).toBe(false);
    expect(figureBefore('the deminers now number 1,350', deminers, [])).toBe(true);
  });

  it('reads no code ("3-001M") and no year ("2021", not "2,021") as a count', () => {
    const mines = new Set([conceptOf('mines')]);
    expect(figureBefore('anti-personnel mines marked 3-001M were found', mines, [])).toBe(false);
    expect(figureBefore('mines laid in 2021', mines, [])).toBe(false);
    expect(figureBefore('the mines found reached 2,021', mines, [])).toBe(true);
  });

  it('stops at enough', () => {
    expect(countsOf('two civilians, four servicemen and 9 people', people, [], 2)).toBe(2);
  });
});

describe('namesAThing: a noun, or a name English lacks', () => {
  it.each([
    ['troops', true],
    ['Khojavand', true],
    // SemCor saw "tunnel" once as a noun and twice as a verb: too rarely to tell.
    ['tunnel', true],
    ['pull', false],
    ['hurt', false],
  ])('%s → %s', (word, thing) => {
    expect(namesAThing(word.toLowerCase())).toBe(thing);
  });
});

describe('readShape: whose words are asked for', () => {
  it.each([
    ['what did turkey say about the mines', 'turkey'],
    ['how did the families react', 'families'],
    ['what did the SG reply', 'sg'],
    ['what does it say about the mines', null],
    ['did the SG reply to bayramov', 'sg'],
    ['has armenia said anything about the maps', 'armenia'],
    ['what was the russian peacekeepers response', 'peacekeepers'],
    ["what was azerbaijan's reaction to the attack", 'azerbaijan'],
    ['did the PR sign the 2022 letter', null],
    ['what did armenia plant', null],
    // The Council is written to: the letter speaks.
    ['what does the letter to the security council say about the school', 'letter'],
  ])('%j → %s', (question, speaker) => {
    expect(readShape(question).speaker?.word ?? null).toBe(speaker);
  });
});
