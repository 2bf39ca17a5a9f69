import { describe, expect, it } from 'vitest';
import { type AnswerType, readFrame, type Span } from '../../src/search/answer-type.ts';

/**
 * The answer-type classifier (`answer-type.ts`): what kind of statement would answer a question,
 * and which of its words play a part in it. Read from the question alone, so these hold whatever
 * the fitted weights are.
 */

/** The words of `question` a span of its frame covers, or null. */
const words = (question: string, span: Span | null) =>
  span ? question.slice(span.start, span.end) : null;

/** A question's frame, with its spans as the words they cover. */
function frameOf(question: string) {
  const frame = readFrame(question);
  return {
    type: frame.type,
    asked: [...frame.asked],
    counted: words(question, frame.counted),
    focus: words(question, frame.focus),
    predicate: words(question, frame.predicate),
    speaker: words(question, frame.speaker),
    source: words(question, frame.source),
    total: frame.total,
    clauses: frame.clauses,
  };
}

describe('readFrame: the kind of answer a question asks for', () => {
  it.each<[string, AnswerType]>([
    ['how many mine victims were there by September 2023', 'count'],
    ['what number of mines were found', 'count'],
    ['when did the war end?', 'time'],
    ['ok so, when did the war end?', 'time'],
    ['which year were the mines produced', 'time'],
    ['and since when?', 'time'],
    ['who signed the letter of 24 August 2022', 'person'],
    ['who is the foreign minister', 'person'],
    // "Who said / talked about X", as "which country said X": whose document says it.
    ['who talked about clean water', 'document'],
    ['who said the mines were planted after the war', 'document'],
    ['which country spoke about clean water', 'document'],
    ['who did the ministry say planted the mines', 'person'],
    ['how much money did the UN give', 'money'],
    ['what was the cost of demining', 'money'],
    ['how much compensation has testland claimed', 'money'],
    // Without a noun, "how much" asks for a sum when its verb is one of giving, paying, costing.
    ['how much did the tunnel cost to build', 'money'],
    ['how much has testland received', 'money'],
    ['how much did testland say it would cut child poverty by', 'quantity'],
    ['by how much did the count of victims grow', 'quantity'],
    // "How much" of something not counted (a mass noun) asks for an amount of it, not a count.
    ['how much rain fell before the release', 'quantity'],
    ['how much land has the island lost', 'quantity'],
    ['what percentage of the minefield maps were accurate', 'share'],
    ['what proportion of the maps were accurate', 'share'],
    ["why can't displaced persons return home", 'reason'],
    ['why did armenia refuse', 'reason'],
    ['where were the mines produced', 'place'],
    ['where did it happen', 'place'],
    ['which letter is a note verbale', 'document'],
    ['which of the letters is a note verbale', 'document'],
    ['which document was sent in 2021', 'document'],
    ['which speech pointed out that only two States met the aid target', 'document'],
    // Who says something is whose document it is; who does something is named in the text.
    ['which country at the 1986 debate said the parties were still apart', 'document'],
    ['which government told the council about the flood', 'document'],
    ['which country planted the mines', 'person'],
    ['which country did testland blame', 'person'],
    ['how long did the occupation last', 'duration'],
    ['how long will it take to clear the valley', 'duration'],
    ['how long was the blockade', 'duration'],
    ['how long was the corridor closed', 'duration'],
    // User trial 31: a thing's state, not its length.
    ['how long was the saltmere water plant out of action', 'duration'],
    ['how long was the bridge under repair', 'duration'],
    ['how long is the border between kaldora and merinth', 'quantity'],
    ['how long was the new road tunnel', 'quantity'],
    ['how long was the meeting in minutes', 'duration'],
    // A thing's length, not a time: a road, a river, a border, or a unit of length asked for.
    ['how long is the lachin road in km', 'quantity'],
    ['how long is the river', 'quantity'],
    ['how long was the blockade in kilometres', 'quantity'],
    ['how strong was the storm', 'quantity'],
    ['how old is the ambassador', 'quantity'],
    ['how far is the camp from the border', 'quantity'],
    // A degree of a quality, not of a measure: what it was like.
    ['how bad is the mine contamination', 'description'],
    ['how serious were the injuries', 'description'],
    ['mines near the road', 'description'],
    // A participle after the thing asked of makes it its subject: what it does is asked, not who.
    ['what is the international community supposed to do', 'description'],
    ['what is armenia expected to do', 'description'],
    // A phrase that opens on a figure noun asks for the figure.
    ['victim count in 2024', 'count'],
    ['number of mine victims in 2023', 'count'],
    ['sum up the letter', 'description'],
  ])('%j asks for a %s', (question, type) => {
    expect(readFrame(question).type).toBe(type);
  });

  it('asks for the statement that answers: a figure for a count, a day for a time, a signature for "who signed"', () => {
    expect(frameOf('how many mine victims were there').asked).toEqual(
      expect.arrayContaining(['count', 'figure']),
    );
    expect(frameOf('when did the war end').asked).toEqual(['time']);
    expect(frameOf('who signed the letter').asked).toEqual(
      expect.arrayContaining(['person', 'signature asked']),
    );
    expect(frameOf('who planted the mines').asked).not.toContain('signature asked');
    expect(frameOf('how much money did the UN give').asked).toEqual(['money']);
    expect(frameOf('what percentage of the maps were accurate').asked).toContain('percentage');
    expect(frameOf('how long did the occupation last').asked).toEqual(['duration']);
  });

  it('reads "how much" of nothing named, by a verb of no giving, as an amount a sum also states', () => {
    // User trial 19: "promise" is no verb of giving, yet the answer is "NOK 1.3 billion".
    expect(readFrame('how much did norway promise for food security').amount).toBe(true);
    expect(readFrame('how much did testland say it would cut child poverty by').amount).toBe(true);
    // What is measured is named: a sum is no amount of rain.
    expect(readFrame('how much rain fell before the release').amount).toBe(false);
    expect(readFrame('how much did the UN give').amount).toBe(false);
    expect(readFrame('how many mines were found').amount).toBe(false);
  });

  it.each([
    ['who wrote the NV', ['wrote'], true],
    ['the aug 2022 cover letter - who sent it', ['sent'], true],
    ['what date was the note verbale sent', ['sent', 'date'], false],
    ["what's the date on the note verbale", ['date'], false],
    ['when was the khojavand letter written', ['written'], false],
    // A symbol names the document as a noun does; distributing and delivering make it public.
    ['when was A/76/930 distributed', ['distributed'], false],
    ['who delivered the norwegian statement', ['delivered'], true],
    ['when was the SG report published', ['published'], false],
    ['when was the resolution adopted', ['adopted'], false],
    ['who sent rescue teams', [], false],
    ['when were the mines found', [], false],
  ])('%j asks about a document’s making by %j', (question, act, signature) => {
    const frame = readFrame(question);
    expect(frame.documentAct.map((s) => words(question, s)).sort()).toEqual([...act].sort());
    expect(frame.asked.has('signature asked')).toBe(signature);
  });

  it('asks for a time of day for "at what time", a time to come for "when will", a frequency for "how often"', () => {
    expect(frameOf('at what time did the car explode').asked).toEqual(
      expect.arrayContaining(['time', 'clock']),
    );
    expect(frameOf('when will all the mines be cleared').asked).toEqual(
      expect.arrayContaining(['time', 'future']),
    );
    expect(frameOf('when did all the mines get cleared').asked).not.toContain('future');
    expect(frameOf('how often do mines explode').asked).toContain('frequency');
  });

  it('reads a clause that asks nothing and tells of the asker as the scene, not as what is asked', () => {
    const text = "I'm writing about the Balkan wars: how many mine victims were there?";
    const [scene, ...more] = readFrame(text).scene;
    expect(more).toEqual([]);
    expect(text.slice(scene?.start, scene?.end)).toBe("I'm writing about the Balkan wars");
    // A topic before the question is what it asks about; a request that asks in no clause is all asked.
    expect(readFrame('lachin mines - how many were found').scene).toEqual([]);
    expect(readFrame('give me the exact wording on the mine maps').scene).toEqual([]);
  });

  it('asks nothing in particular of a bare search', () => {
    expect(frameOf('mines near the road')).toMatchObject({
      type: 'description',
      asked: [],
      counted: null,
      focus: null,
      predicate: null,
      speaker: null,
    });
  });
});

describe('readFrame: the words that play a part in what is asked', () => {
  it.each([
    ['how many mine victims were there', 'victims'],
    ['how many ANAMA employees were hurt by mines', 'employees'],
    ['how many of the 314 victims died?', 'victims'],
    ['how many of the victims were killed', 'victims'],
    // A part of a whole: "how many of the X were Y" counts the Y among the X.
    ['how many of the 314 mine victims were children?', 'children'],
    ['how many of them were women', 'women'],
    // … and so does "how many X were Y" without "of", when Y is a noun.
    ['how many mine victims were women', 'women'],
    ['how many victims were civilians', 'civilians'],
    ['how many victims were injured', 'victims'],
    // A thousands separator parts no clause.
    ['how many of the 2,700 mines were found in lachin', 'mines'],
    ['what number of mines were found', 'mines'],
    ['how many people has the agency trained', 'people'],
    // A figure noun's thing is what a preposition after it names, not the words next to it.
    ['what figures does azerbaijan give for mine victims', 'victims'],
    ['what figure did the 2022 letter report on casualties', 'casualties'],
    ['total number of victims', 'victims'],
    // A word that can only modify a noun is followed by its noun, even one that can be a verb.
    ['how many military bases did the us have', 'bases'],
    // A verb in the form that follows many ends the phrase: "live" is what they do.
    ['how many people live in the camp', 'people'],
    ['how many children die each year', 'children'],
    // A participle that is also the verb's base form is no part of them (user trial 24).
    ['how many farmers were hit by the water shortage', 'farmers'],
  ])('%j counts %j', (question, counted) => {
    expect(frameOf(question).counted).toBe(counted);
  });

  it('counts nothing when no preposition names what a figure is of ("the casualty figures")', () => {
    expect(frameOf('what are the casualty figures').counted).toBeNull();
  });

  it('counts nothing in a question that asks for an amount ("how much rain fell")', () => {
    const rain = frameOf('how much rain fell before the release');
    expect(rain.counted).toBeNull();
    expect(rain.asked).toEqual(['measure', 'figure']);
    expect(rain.predicate).toBe('fell');
  });

  it('counts nothing in a question that asks for money ("how much money")', () => {
    expect(frameOf('how much money did the UN give').counted).toBeNull();
  });

  it.each([
    ['who signed the letter of 24 August 2022', 'signed'],
    ['who built the tunnel in the village', 'built'],
    ['who commands the contingent', 'commands'],
    // A copula's participle after "who" is the verb, not a thing asked for.
    ['who was driving the vehicle that exploded', 'driving'],
    ['who was killed in khojavand', 'killed'],
    ['when did armenia start planting mines', 'start'],
    ['when will azerbaijan finish clearing the land', 'finish'],
    ['when did the servicemen die', 'die'],
    ['when did armenia planted the mines', 'planted'],
    ['why did armenia refuse', 'refuse'],
    ['how many people has the agency trained', 'trained'],
    ['how many mines did azerbaijan clear in lachin', 'clear'],
    ['how many displaced people have returned home', 'returned'],
    ['how many people live in lachin', 'live'],
    // A participle before an infinitive says how the act stands; the act is the infinitive's
    // (user trial 32). "To" before no verb is a preposition.
    ['who is supposed to set up the trust fund', 'set'],
    ['how many people were forced to flee', 'flee'],
    ['who was dispatched to the area after the explosion', 'dispatched'],
  ])('%j tells of the verb %j', (question, verb) => {
    expect(frameOf(question).predicate).toBe(verb);
  });

  it('tells of no verb when the clause\'s is a light one ("happen"), nor takes "near" for one', () => {
    expect(frameOf('did explosions happen near cemeteries').predicate).toBeNull();
    expect(frameOf('did the mines get cleared').predicate).toBe('cleared');
  });

  it.each([
    ['did the secretary general visit the territories', 'visit'],
    ['has the UN sent deminers', 'sent'],
    ['did the PR sign the 2022 letter', 'sign'],
    ['was the letter signed', 'signed'],
  ])('reads the verb of the yes-or-no question %j as %j', (question, verb) => {
    expect(frameOf(question)).toMatchObject({ type: 'description', predicate: verb });
  });

  it.each([
    ['what is stopping people from going back', 'stopping'],
    ['what was found in the lachin district in august 2022', 'found'],
    ["what's keeping the families away", 'keeping'],
    ['what stops refugees from going home', 'stops'],
    ['what caused the explosion', 'caused'],
  ])(
    'reads %j as asking for the subject of %j, not for a person or a thing after it',
    (question, verb) => {
      expect(frameOf(question)).toMatchObject({
        type: 'description',
        predicate: verb,
        focus: null,
      });
    },
  );

  it.each([
    ['what weapons were found', 'weapons'],
    ['what damage did the mines do', 'damage'],
  ])('reads %j as asking for the thing %j, a noun before a verb', (question, focus) => {
    expect(frameOf(question).focus).toBe(focus);
  });

  it.each([
    ['what is demining', 'demining'],
    ['what is the meeting about', 'meeting'],
  ])('reads %j as asking what %j is', (question, focus) => {
    expect(frameOf(question).focus).toBe(focus);
  });

  it.each([
    ['what did turkey say about the mines', 'turkey'],
    ['what did the minister say', 'minister'],
    ['what did the SG reply', 'SG'],
    ['how did the families react', 'families'],
    ['did the SG reply to bayramov', 'SG'],
    ['has armenia said anything about the maps', 'armenia'],
    ['how many refugees did testland say it was hosting', 'testland'],
    // A proposal or a warning is what they said (user trial 20: "what did calderon propose").
    ['what did calderon propose on drug policy', 'calderon'],
    ['what did norway warn about', 'norway'],
  ])('%j asks for the words of %j', (question, speaker) => {
    const frame = frameOf(question);
    expect(frame.speaker).toBe(speaker);
    expect(frame.asked).toContain('speaker');
    // A verb of saying is how the question asks, not what the answer must tell of.
    expect(frame.predicate).toBeNull();
  });

  it('asks for nobody’s words when what "says" is the letter itself', () => {
    expect(frameOf('what does it say about the mines').speaker).toBeNull();
    expect(frameOf('did the PR sign the 2022 letter').speaker).toBeNull();
    // "claim" after another verb is a noun: no one is asked to claim (user trial 22).
    expect(frameOf('what did haldria offer to settle the debris claim').speaker).toBeNull();
  });

  it('reads whom a question cites: "according to X", "per X" when X is a name', () => {
    expect(frameOf('how many dead, per santos at the 2016 GA').source).toBe('santos');
    expect(frameOf('according to the foreign minister, how many mines').source).toBe('minister');
    expect(frameOf('how many mines per day').source).toBeNull();
    expect(frameOf('how many mines were found').source).toBeNull();
  });

  it.each([
    ['who is the foreign minister', 'minister'],
    ['who is azerbaijan’s foreign minister', 'minister'],
    ['so who is the ambassador', 'ambassador'],
    ['which company supplied the mines', 'company'],
    ['which two districts had mines', 'districts'],
    ['what kind of vehicles hit the mines', 'vehicles'],
    ['what brand of car hit the mine', 'brand'],
    ['what were the names of the deminers', 'names'],
    ["what is ANAMA's budget", 'budget'],
  ])('%j asks for the thing %j', (question, focus) => {
    expect(frameOf(question).focus).toBe(focus);
  });

  it('reads "in total" as asking for a count that adds up its parts', () => {
    expect(frameOf('how many people died in total')).toMatchObject({
      type: 'count',
      counted: 'people',
      total: true,
    });
    expect(frameOf('how many people died').total).toBe(false);
  });

  it('counts the clauses that ask something', () => {
    expect(frameOf('how many families were moved').clauses).toBe(1);
    expect(frameOf('how many families were moved and how long will they stay').clauses).toBe(2);
    expect(frameOf('who planted it and did anyone die').clauses).toBe(2);
  });
});
