import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { openCorpus } from '../../src/search/cache.ts';
import { documentAuthors, filterDocuments, readListFilter } from '../../src/search/list-filter.ts';
import { type Answer, answerQuestion, SearchIndex } from '../../src/search/index.ts';
import { CORPUS_DIR, RECORDS_DIR, tempDir } from '../helpers.ts';

/**
 * Who speaks in a meeting's record (user trial 27: "what did the speaker from castrenia say" was
 * "no passage is from them", though Castrenia's turn was the closest passage).
 */
let index: SearchIndex;
beforeAll(async () => {
  const letters = (await loadCorpus(CORPUS_DIR)).letters;
  index = SearchIndex.build([...letters, ...(await loadCorpus(RECORDS_DIR)).letters]);
});

const first = (answer: Answer) => [answer.abstained, answer.results[0]?.speaker];

describe('a meeting’s record', () => {
  it('answers "what did France say" with France’s turn, said by its speaker', () => {
    const answer = answerQuestion(index, 'what did france say about the appeal');
    expect(first(answer)).toEqual([false, 'Ms. Dubois (France)']);
    expect(answer.results[0]?.text).toContain('12 million euros');
    // The speaker the line names is not quoted again (user trial 28: "Ms. Dobrasz (Tarsenia)
    // says: “Ms. Dobrasz (Tarsenia): I have the honour …”").
    expect(answer.results[0]?.excerpt).toMatch(/^France will contribute/);
  });

  it('quotes only the turns of whom the question names, as the State or as its representative', () => {
    for (const [question, who] of [
      ['what did brazil want', 'Mr. Costa (Brazil)'],
      ['what did the japanese representative say', 'Mr. Sato (Japan)'],
      ['what did the speaker from brazil say', 'Mr. Costa (Brazil)'],
      ['what did dubois say', 'Ms. Dubois (France)'],
      ['according to japan, what did they provide', 'Mr. Sato (Japan)'],
      // The President speaking for Nigeria (user trial 27: "The President says:" of Norrmark's words).
      ['what did nigeria say about food', 'The President (Nigeria)'],
    ] as const) {
      const answer = answerQuestion(index, question);
      expect([question, ...first(answer)]).toEqual([question, false, who]);
      expect(answer.results.every((r) => r.speaker === who)).toBe(true);
    }
  });

  it('answers "who …" with the turn whose speaker says "we" did it', () => {
    const answer = answerQuestion(index, 'who called for an investigation');
    expect(first(answer)).toEqual([false, 'Mr. Costa (Brazil)']);
  });

  it('answers "when did the meeting rise" with the time of day the record gives', () => {
    const answer = answerQuestion(index, 'when did the meeting rise');
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]?.text).toBe('The meeting rose at 11.20 a.m.');
  });

  it('is listed among the documents of a State that speaks in it (user trial 28)', () => {
    const filter = readListFilter(index.letters, { author: 'france' });
    expect(filterDocuments(index.letters, filter).map((l) => l.symbol)).toEqual(['S/PV.9999']);
    expect(documentAuthors(index.letters).map((a) => a.name)).toContain('Japan');
  });

  it('keeps its speakers in the saved index', async () => {
    const cache = await tempDir();
    await openCorpus(RECORDS_DIR, cache);
    const loaded = await openCorpus(RECORDS_DIR, cache);
    expect(loaded.source).toBe('loaded');
    const [record] = loaded.corpus.letters;
    expect(record?.passages.map((p) => p.speaker ?? null)).toEqual(
      (await loadCorpus(RECORDS_DIR)).letters[0]?.passages.map((p) => p.speaker ?? null),
    );
    const answer = answerQuestion(loaded.index, 'what did france say about the appeal');
    expect(first(answer)).toEqual([false, 'Ms. Dubois (France)']);
  });
});
