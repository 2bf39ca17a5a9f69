import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/search/analyze.ts';
import { pickExcerpt, splitSentences } from '../../src/search/excerpt.ts';

/** A speech's paragraph with the abbreviations UN texts are full of (written for this test). */
const PASSAGE =
  'The Assembly met in New York. I congratulate H.E. Mr. Dennis Francis on assuming the presidency ' +
  'of the seventy-eighth session, and I thank Mr. Csaba Korosi for his hard work. We welcome ' +
  'resolution No. 2334 (2016), adopted in accordance with para. 5 of the report of Dr. Amina J. ' +
  'Mohammed. The meeting rose at 1 p.m. In 2015, 85 citizens were killed in the occupied ' +
  'territories. 85 of them were children.';

/** The excerpt shown for a question about `word`. */
function excerptFor(word: string): string {
  const weights = new Map(analyze(word).map((t) => [t.concept, 1]));
  return pickExcerpt(PASSAGE, weights).text;
}

describe('excerpts are whole sentences, whatever abbreviations they hold', () => {
  it('starts at the sentence\u2019s first word, not after "H.E.", "Mr.", "No." or "Dr."', () => {
    expect(excerptFor('presidency')).toMatch(
      /^I congratulate H\.E\. Mr\. Dennis Francis on assuming the presidency/,
    );
    expect(excerptFor('Korosi')).toMatch(/^I congratulate H\.E\. Mr\. Dennis Francis/);
    expect(excerptFor('Mohammed')).toMatch(/^We welcome resolution No\. 2334 \(2016\), adopted/);
  });

  it('ends sentences where they end: after "p.m." before a capital, before a figure', () => {
    expect(splitSentences(PASSAGE).map((s) => PASSAGE.slice(s.start, s.end))).toEqual([
      'The Assembly met in New York.',
      'I congratulate H.E. Mr. Dennis Francis on assuming the presidency of the seventy-eighth session, and I thank Mr. Csaba Korosi for his hard work.',
      'We welcome resolution No. 2334 (2016), adopted in accordance with para. 5 of the report of Dr. Amina J. Mohammed.',
      'The meeting rose at 1 p.m.',
      'In 2015, 85 citizens were killed in the occupied territories.',
      '85 of them were children.',
    ]);
  });
});

describe('what an excerpt marks', () => {
  it('never marks a paragraph’s own number for a figure the question holds (user trial 17: "**8**. Funding …")', () => {
    const passage = '8. Funding for security was cut by 8 per cent in 2025.';
    const weights = new Map(analyze('the report of 8 august').map((t) => [t.concept, 1]));
    const marked = pickExcerpt(passage, weights).passageHighlights.map((h) =>
      passage.slice(h.start, h.end),
    );
    expect(marked).toEqual(['8']);
    expect(pickExcerpt(passage, weights).passageHighlights[0]?.start).toBe(
      passage.indexOf('by 8') + 3,
    );
  });
});

describe('pickExcerpt: a paragraph number the segmenter leaves alone (user trial 33)', () => {
  it('quotes it with the sentence it opens, never as a sentence of its own', () => {
    const passage = `2. Decides to establish the Observer Mission for an initial period of twelve months, until 31 March 2026, with the following mandate: ${'(a) To monitor the ceasefire along the line of contact and report on violations; '.repeat(6)}(b) To support the parties.`;
    const excerpt = pickExcerpt(passage, new Map());
    expect(excerpt.text).not.toBe('2.');
    expect(excerpt.text.startsWith('2. Decides to establish')).toBe(true);
  });
});

describe('pickExcerpt: the sentences beside the one that answers', () => {
  /** A letter's paragraph (written for this test): the total, then the dead among them, then a call. */
  const passage =
    'In the post-conflict period, from November 2020 to the end of March 2024, a total of 410 Velorians became landmine victims in the border districts. ' +
    'Among them, 72 persons lost their lives, including 58 civilians who had gone back to farm their land in the villages of the district. ' +
    'The Government calls on the international community to support demining in the region, ' +
    'which remains one of the most contaminated areas in the world and a grave threat to returning families.';
  const excerptFor = (question: string) =>
    pickExcerpt(passage, new Map(analyze(question).map((t) => [t.concept, 1]))).text;

  it('quotes the sentence after the best one when it holds more of what the question asks', () => {
    expect(excerptFor('how many landmine victims lost their lives')).toBe(
      'In the post-conflict period, from November 2020 to the end of March 2024, a total of 410 Velorians became landmine victims in the border districts. Among them, 72 persons lost their lives, including 58 civilians who had gone back to farm their land in the villages of the district.',
    );
  });

  it('quotes the sentence before it when that one holds the rest of the question', () => {
    expect(
      excerptFor(
        'how many persons lost their lives among the civilians who went back to farm, of the landmine victims',
      ),
    ).toBe(
      'In the post-conflict period, from November 2020 to the end of March 2024, a total of 410 Velorians became landmine victims in the border districts. Among them, 72 persons lost their lives, including 58 civilians who had gone back to farm their land in the villages of the district.',
    );
  });

  it('adds no sentence that holds nothing more of the question', () => {
    expect(excerptFor('how many persons lost their lives among civilians')).toBe(
      'Among them, 72 persons lost their lives, including 58 civilians who had gone back to farm their land in the villages of the district.',
    );
    expect(excerptFor('which region is one of the most contaminated areas in the world')).toBe(
      'The Government calls on the international community to support demining in the region, which remains one of the most contaminated areas in the world and a grave threat to returning families.',
    );
  });
});
