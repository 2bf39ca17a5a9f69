import { describe, expect, it } from 'vitest';
import { analyze, fold, tokenize } from '../../src/search/analyze.ts';

const concepts = (text: string) => analyze(text).map((t) => t.concept);

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

  it('keeps offsets into the original text', () => {
    const text = 'Armenia’s mines';
    for (const t of tokenize(text)) expect(fold(text.slice(t.start, t.end))).toContain(t.word);
    expect(tokenize(text)[0]?.word).toBe('armenia');
  });
});

describe('analyze', () => {
  it('stems, so plural and singular meet', () => {
    expect(concepts('victims')).toEqual(concepts('victim'));
    expect(concepts('minefields')).toEqual(concepts('minefield'));
  });

  it('drops stop words and question words', () => {
    expect(concepts('How many of the victims were there?')).toEqual(['victim']);
    expect(concepts('What does the statement say about its maps?')).toEqual(
      concepts('statement map'),
    );
    expect(
      concepts("Why can't people return? What happened? What are they doing? Tell me, please."),
    ).toEqual(['person', 'return']);
  });

  it('maps domain synonyms to one concept', () => {
    expect(concepts('landmine')).toEqual(concepts('mine'));
    expect(concepts('killed')).toEqual(concepts('died'));
    expect(concepts('wounded')).toEqual(concepts('injured'));
    expect(concepts('maimed')).toEqual(concepts('injuries'));
    expect(concepts('Khojavend')).toEqual(concepts('Khojavand'));
    expect(concepts('demining')).toEqual(concepts('deminer'));
    expect(concepts('displaced')).toEqual(concepts('IDPs'));
    expect(concepts('wrote')).toEqual(concepts('signed'));
    expect(concepts('author')).toEqual(concepts('signatory'));
    expect(concepts('asking')).toEqual(concepts('calls'));
    expect(concepts('kind')).toEqual(concepts('type'));
    expect(concepts('percentage')).toEqual(concepts('per cent'));
  });

  it('gives a domain phrase the concept of its short form', () => {
    expect(concepts('65 persons lost their lives')).toContain(concepts('killed')[0]);
    expect(concepts('internally displaced persons')).toContain(concepts('IDPs')[0]);
    expect(concepts('the Azerbaijan National Agency for Mine Action')).toContain('anama');
    expect(concepts('ANAMA')).toEqual(['anama']);
  });

  it('joins hyphenated compounds but not figures', () => {
    expect(concepts('anti-personnel')).toContain(concepts('antipersonnel')[0]);
    expect(concepts('44-day war')).not.toContain('44dai');
  });

  it('matches 1,318 and 1318 alike', () => {
    expect(concepts('1,318 pieces')).toEqual(concepts('1318 pieces'));
  });
});
