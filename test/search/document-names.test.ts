import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { Letter } from '../../src/corpus/schema.ts';
import { answerQuestion, parseQuestion, SearchIndex } from '../../src/search/index.ts';
import { scopeOf } from '../../src/search/rank.ts';
import { CORPUS_DIR } from '../helpers.ts';

/**
 * Questions that name a document by who speaks in it, as people name one (`document-names.ts`):
 * by its author's name, a people's adjective, the year, the kind. Six short made-up speeches and
 * a report (`test/fixtures/speeches/`), beside the seed letters: Sweden's 1997 speech also speaks
 * of Norway and its refugees, so that only naming Norway as the speaker finds Norway's.
 */

const SPEECHES = path.resolve(import.meta.dirname, '..', 'fixtures', 'speeches');

let index: SearchIndex;
let seedOnly: SearchIndex;
let seed: Letter[];
beforeAll(async () => {
  seed = (await loadCorpus(CORPUS_DIR)).letters;
  const speeches = (await loadCorpus(SPEECHES)).letters;
  index = SearchIndex.build([...seed, ...speeches]);
  seedOnly = SearchIndex.build(seed);
});

/** The document of the first passage a question is answered with (or offered, when it abstains). */
const firstDocument = (question: string) => {
  const answer = answerQuestion(index, question);
  return (answer.results[0] ?? answer.related[0])?.letterId;
};
/** The documents a question's search keeps to. */
const scopedTo = (question: string, where = index) => {
  const scope = scopeOf(where, parseQuestion(where, question), {});
  return [
    ...new Set([...(scope.groups ?? [])].map((g) => where.headingGroups[g]?.letter.id)),
  ].sort();
};

describe('a question that names a document by its author', () => {
  it('keeps to the documents of the author it asks about, in the year it names', () => {
    expect(scopedTo('what did norway say about refugees in 1997')).toEqual(['norway-1997']);
    expect(firstDocument('what did norway say about refugees in 1997')).toBe('norway-1997');
    expect(scopedTo('what did Norway say')).toEqual(['norway-1997', 'norway-2001']);
  });

  it('reads a people’s adjective or noun as its State ("Armenian", "Norwegians")', () => {
    expect(scopedTo('the Armenian speech at the 2023 general debate: what about water')).toEqual([
      'armenia-2023',
    ]);
    expect(firstDocument('the Armenian speech at the 2023 general debate: what about water')).toBe(
      'armenia-2023',
    );
    expect(scopedTo('what did the Norwegians say about refugees in 2001')).toEqual(['norway-2001']);
  });

  it('reads an author named after "according to", a possessive, or "the speech by …"', () => {
    expect(scopedTo('according to Sweden, how many refugees came from the Balkans')).toEqual([
      'sweden-1997',
    ]);
    expect(scopedTo('norway’s 2001 speech on refugee camps')).toEqual(['norway-2001']);
    expect(scopedTo('in the speech by Norway in 1997, who got refugees')).toEqual(['norway-1997']);
  });

  it('reads the glossary’s abbreviation of an author and the kind of document: "the SG’s report"', () => {
    expect(scopedTo('how many refugees does the SG’s report count')).toEqual(['sg-report-2023']);
    expect(firstDocument('how many refugees does the SG’s report count')).toBe('sg-report-2023');
  });

  it('does not take a State a question is about for its speaker', () => {
    // Sweden praised Norway's policy: Norway is what the speech is about, not who gave it.
    expect(scopedTo('which speech praised the refugee policy of Norway')).toEqual([]);
    expect(firstDocument('which speech praised the refugee policy of Norway')).toBe('sweden-1997');
    // Georgia speaks of the Armenian people.
    expect(scopedTo('who wants clean water for the Armenian people')).toEqual([]);
  });

  it('narrows nothing when every document has the author named (the seed letters are all Azerbaijan’s)', () => {
    expect(scopedTo('what did Azerbaijan say about mines', seedOnly)).toEqual([]);
  });
});
