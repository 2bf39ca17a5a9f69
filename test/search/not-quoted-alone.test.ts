import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { isLetter, type Letter } from '../../src/corpus/schema.ts';
import { openCorpus } from '../../src/search/cache.ts';
import { type Answer, answerQuestion, SearchIndex } from '../../src/search/index.ts';
import { CORPUS_DIR, NON_LETTERS_DIR, tempDir } from '../helpers.ts';

/**
 * A document's section headings and salutations, and the masthead and title of a document that
 * is no letter, are never quoted as an answer or a closest passage (user trial 13: "III. Effect
 * of the COVID-19 pandemic" and "Mr. President," were answers, and a press release's masthead was
 * an answer cited as "passage 0" that `cite` could not find).
 */

let letters: Letter[];
let index: SearchIndex;
beforeAll(async () => {
  letters = [
    ...(await loadCorpus(CORPUS_DIR)).letters,
    ...(await loadCorpus(NON_LETTERS_DIR)).letters,
  ];
  index = SearchIndex.build(letters);
});

/** Each passage an answer quotes, results and closest passages alike, with its document. */
function quoted(answer: Answer) {
  return [...answer.results, ...answer.related].map((r) => {
    const letter = letters.find((l) => l.id === r.letterId) as Letter;
    return {
      letter,
      passage: letter.passages.find((p) => p.n === r.passage),
      n: r.passage,
      text: r.text,
    };
  });
}

describe('passages never quoted alone', () => {
  it('no heading, salutation or masthead of a document that is no letter is quoted, asked in their own words', () => {
    for (const q of [
      'what does the report on children in disasters recommend',
      'recommendations of the secretary-general report',
      'children displaced by the veyra floods',
      'madam president',
      'excellencies ladies and gentlemen',
      'sylvania fisheries',
      'what did sylvania say',
      'A/79/205',
      'when was the report on children in disasters distributed',
    ]) {
      const answer = answerQuestion(index, q);
      for (const { letter, passage, n, text } of quoted(answer)) {
        if (isLetter(letter)) continue;
        expect(n, `${q}: ${text}`).toBeGreaterThan(0);
        expect(passage?.role, `${q}: ${text}`).toBeUndefined();
      }
    }
  });

  it('answers with the paragraph under a heading, not the heading', () => {
    const [first] = answerQuestion(index, 'children displaced by the veyra floods').results;
    expect(first?.text).toMatch(/^2\. The floods in Testland displaced some 42,000 children/);
  });

  it('a letter’s heading still answers what it tells: when a note verbale was dated', () => {
    const answer = answerQuestion(index, 'when was the note verbale to the OHCHR dated?');
    expect(answer.results[0]?.passage).toBe(0);
  });

  it('says the document it names, by its kind, is not signed, not "the letters" (user trials 17 and 21)', () => {
    const answer = answerQuestion(index, 'Who signed the note verbale of April 2021?');
    expect(answer.abstained).toBe(true);
    expect(answer.reason).toBe('the note verbale it names is not signed');
  });

  it('a saved index keeps the roles and answers the same', async () => {
    const cache = await tempDir();
    const first = await openCorpus(NON_LETTERS_DIR, cache);
    const second = await openCorpus(NON_LETTERS_DIR, cache);
    expect([first.source, second.source]).toEqual(['built', 'loaded']);
    const asData = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
    expect(asData(second.corpus.letters)).toEqual(asData(first.corpus.letters));
    const roles = second.corpus.letters.flatMap((l) => l.passages.map((p) => p.role ?? null));
    expect(roles).toContain('salutation');
    expect(roles).toContain('heading');
    const q = 'madam president excellencies';
    expect(answerQuestion(second.index, q)).toEqual(answerQuestion(first.index, q));
  });
});
