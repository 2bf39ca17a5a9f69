import { describe, expect, it } from 'vitest';
import { analyze, fold, tokenize } from '../../src/search/analyze.ts';

const concepts = (text: string) => analyze(text).map((t) => t.concept);
/** The concepts of the words themselves, without what glossary entries add. */
const words = (text: string) => concepts(text).filter((c) => !c.startsWith('§'));

describe('fold', () => {
  it('folds case and accents', () => {
    expect(fold("Chargé d'Affaires ÉTÉ")).toBe("charge d'affaires ete");
  });
});

describe('tokenize', () => {
  it('reads numbers as written, without thousands separators', () => {
    expect(
      tokenize('amounts to 1,318 pieces; 2.5 per cent; 500,000 landmines').map((t) => t.word),
    ).toEqual(['amounts', 'to', '1318', 'pieces', '2.5', 'per', 'cent', '500000', 'landmines']);
  });

  it('reads figures written in thousands the casual way ("500k", "2.7k"), not codes', () => {
    expect(tokenize('the 500k mines, 2.7k landmines').map((t) => t.word)).toEqual([
      'the',
      '500000',
      'mines',
      '2700',
      'landmines',
    ]);
    expect(tokenize('marked 3-001M').map((t) => t.word)).toEqual(['marked', '3', '001', 'm']);
  });

  it('reads an ordinal in digits as its number, with no "th" to match another (user trial 23)', () => {
    // Before, "13th" made a word "th", which matched and marked the "th" of "[735th meeting]".
    const tokens = tokenize('the 13th session [735th meeting], 1st, 22nd, 3rd');
    expect(tokens.map((t) => t.word)).toEqual([
      'the',
      '13',
      'session',
      '735',
      'meeting',
      '1',
      '22',
      '3',
    ]);
    expect(tokens[1]).toMatchObject({ start: 4, end: 8 });
  });

  it('keeps offsets into the original text', () => {
    const text = 'Armenia’s mines';
    for (const t of tokenize(text)) expect(fold(text.slice(t.start, t.end))).toContain(t.word);
    expect(tokenize(text)[0]?.word).toBe('armenia');
  });
});

describe('analyze', () => {
  it('stems with Porter2, so plural, singular and tenses meet', () => {
    expect(concepts('victims')).toEqual(concepts('victim'));
    expect(concepts('minefields')).toEqual(concepts('minefield'));
    expect(concepts('died')).toEqual(concepts('dying'));
    expect(concepts('general')).not.toEqual(concepts('generous'));
  });

  it('keeps an adverb apart from its stem unless WordNet derives it from that word', () => {
    expect(concepts('namely')).not.toEqual(concepts('name'));
    expect(concepts('indiscriminately')).toEqual(concepts('indiscriminate'));
  });

  it('keeps a name apart from the common word its stem would make it', () => {
    // Porter2 makes "France" "franc", the coin.
    expect(concepts('France')).not.toEqual(concepts('francs'));
    // A plural that is also a name stays the plural ("Marks", "marks").
    expect(concepts('marks')).toEqual(concepts('mark'));
    // A name whose stem is no word still meets its other forms.
    expect(concepts('Philippines')).toEqual(concepts('Philippine'));
  });

  it('drops stop words and question words', () => {
    expect(words('How many of the victims were there?')).toEqual(['victim']);
    expect(words('What does the statement say about its maps?')).toEqual(words('statement map'));
    expect(
      words("Why can't people return? What happened? What are they doing? Tell me, please."),
    ).toEqual(words('people return'));
    // Prepositions of place: the fencing and the minefields are what is asked about.
    expect(words('any fencing around the minefields, along the road')).toEqual(
      words('any fencing minefields road'),
    );
  });

  it('drops words that only phrase a question, in questions only', () => {
    const asked = (text: string) => analyze(text, { question: true }).map((t) => t.word);
    expect(asked('lol whats the deal with lachin')).toEqual(['lachin']);
    expect(asked('ngl tell me about the khojavend letter')).toEqual(['khojavend']);
    // "or nah", "yep": a yes-or-no question's ending asks about nothing.
    expect(asked('did armenia hand over the maps or nah')).toEqual(
      asked('did armenia hand over the maps'),
    );
    // The words that put a claim to check: what is checked is the claim.
    expect(asked('is it true that 500 people died from mines?')).toEqual(
      asked('500 people died from mines'),
    );
    expect(asked('true or false: the road is closed')).toEqual(['road', 'closed']);
    expect(asked('the true number of victims')).toContain('true');
    expect(concepts('the letter about Lachin')).toContain(concepts('letter')[0]);
  });

  it('gives a glossary form and its meaning one concept, both ways', () => {
    const shared = (a: string, b: string) =>
      concepts(a).some((c) => c.startsWith('§') && concepts(b).includes(c));
    expect(shared('IDPs', 'internally displaced persons')).toBe(true);
    expect(shared('the FM', 'the Minister for Foreign Affairs')).toBe(true);
    expect(shared('AT mines', 'an anti-tank landmine')).toBe(true);
    expect(shared('a note verbale', 'the NV')).toBe(true);
    expect(shared('AP mines', 'an anti-tank landmine')).toBe(false);
    // User trial 32: "who is the SR on norvalia".
    expect(shared('the SR on Norvalia', 'the Special Rapporteur on the situation')).toBe(true);
  });

  it('reads a casual spelling as the word it stands for', () => {
    expect(concepts('ppl')).toContain(concepts('people')[0]);
    expect(concepts('landmines')).toContain(concepts('mines')[0]);
  });

  it('puts a word, its compound parts and its glossary meaning in one unit', () => {
    const units = (text: string) => new Set(analyze(text).map((t) => t.unit)).size;
    expect(units('anti-personnel')).toBe(1);
    expect(units('IDPs')).toBe(1);
    expect(units('mines in Lachin')).toBe(2);
  });

  it('joins hyphenated compounds but not figures', () => {
    expect(concepts('anti-personnel')).toContain(concepts('antipersonnel')[0]);
    expect(concepts('44-day war')).not.toContain('44day');
  });

  it('matches 1,318 and 1318 alike', () => {
    expect(concepts('1,318 pieces')).toEqual(concepts('1318 pieces'));
  });

  it('reads "us" as the pronoun, no word of what a text is about, unless it is the US (user trial 31)', () => {
    expect(concepts('the international community to help us rebuild')).not.toContain('us');
    expect(concepts('The US pledged 50 million dollars')).toContain('us');
    expect(concepts('what did the us say')).toContain('us');
  });
});
