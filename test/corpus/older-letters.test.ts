import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Corpus, type Document, loadCorpus } from '../../src/corpus/index.ts';
import { documentOf } from '../helpers.ts';

/**
 * A letter as UN documents of before about 2000 print it, as OCR text gives it (written for these
 * tests): a masthead of one item a line ("Distr." / "GENERAL" / the symbol / the date), the
 * heading in capitals, the first page's footer with "/..." at its end, a page header of three
 * lines ("S/1994/612" / "English" / "Page 2"), an "Annex" line right above its title in capitals.
 */
const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'older-letters');

let corpus: Corpus;
let letter: Document;
beforeAll(async () => {
  corpus = await loadCorpus(FIXTURES);
  letter = documentOf(corpus, '1994-05-20-s-1994-612');
});

describe('a letter of the 1990s', () => {
  it('is read as a letter, its masthead giving the symbol and the distribution date', () => {
    expect(corpus.problems).toEqual([]);
    expect(letter.kind).toBe('letter');
    expect(letter.symbol).toBe('S/1994/612');
    expect(letter.date).toBe('1994-05-19');
    expect(letter.distributed).toBe('1994-05-20');
  });

  it('writes its heading in capitals as a title is written', () => {
    expect(letter.title).toBe(
      'Letter dated 19 May 1994 from the Permanent Representative of the Kingdom of Estravia to the United Nations addressed to the President of the Security Council',
    );
    expect(letter.sender).toBe('Permanent Representative of the Kingdom of Estravia to the United Nations');
    expect(letter.addressee).toBe('President of the Security Council');
    expect(letter.annexes.map((a) => a.title)).toEqual([
      'Statement by the Ministry of Foreign Affairs of the Kingdom of Estravia issued at Orlen on 18 May 1994',
    ]);
  });

  it('quotes no page furniture and joins the paragraph a page header cut, on both pages', () => {
    const texts = letter.passages.map((p) => p.text);
    expect(texts.filter((t) => /94-21467|\/\.\.\.|^English|Page \d|S\/1994\/612/.test(t))).toEqual([]);
    expect(texts.some((t) => t.startsWith('Annex'))).toBe(false);
    const convoys = letter.passages.find((p) => p.text.startsWith('The Ministry thanks'));
    expect(convoys?.text).toContain('keep the roads to the valley open for relief convoys');
    expect(convoys?.pages).toEqual([2, 3]);
    expect(letter.passages.find((p) => p.text.startsWith('I have the honour'))?.pages).toEqual([1]);
    expect(letter.passages.find((p) => p.text.includes('Eleven persons drowned'))?.part).toBe('annex');
  });
});

describe('a letter of the 1990s without a blank line', () => {
  it('finds its heading in capitals under the masthead, and numbers its pages by "- 2 -"', () => {
    const typed = documentOf(corpus, '1997-11-03-s-1997-861');
    expect(typed.kind).toBe('letter');
    expect(typed.date).toBe('1997-10-31');
    expect(typed.distributed).toBe('1997-11-03');
    expect(typed.addressee).toBe('President of the Security Council');
    expect(typed.passages.map((p) => p.text.slice(0, 30))).toEqual([
      'On instructions from my Govern',
      'My Government asks the Council',
      'I should be grateful if you wo',
      '(Signed) Anton VERELST Permane',
    ]);
    const roads = typed.passages[1];
    expect(roads?.text).toContain('the winter will close the mountain roads to the valley within a month.');
    expect(roads?.pages).toEqual([1, 2]);
  });
});

