import { describe, expect, it } from 'vitest';
import { answerQuestion, SearchIndex } from '../../src/search/index.ts';
import { documentsOf } from '../helpers.ts';

/**
 * "What did Kenya say" of documents none of which is by Kenya, and none of which reports what
 * Kenya said: no passage is Kenya's to quote (user trial 20: Gambia's words on terrorism were
 * quoted for "what did kenya say in the GA general debate in 2001").
 */
const speech = (author: string, year: number, text: string) =>
  [
    '---',
    `title: "Statement by ${author} in the general debate of the General Assembly"`,
    `date: ${year}`,
    `author: "${author}"`,
    'kind: speech',
    '---',
    text,
    '',
  ].join('\n');

describe('a State that no document is by', () => {
  it('says nothing: Annex abstains, saying so, and still quotes what a document reports it said', async () => {
    const index = SearchIndex.build(
      await documentsOf({
        'nor-2001.md': speech(
          'Norway',
          2001,
          'Terrorism knows no boundaries, and neither must our response to it, including in East Africa and Kenya.\n\nNorway will double its support to mine action.',
        ),
        'swe-2001.md': speech(
          'Sweden',
          2001,
          'Last week the delegation of Ghana stated that it would host the regional conference on small arms.',
        ),
      }),
    );
    const kenya = answerQuestion(index, 'what did kenya say about terrorism in 2001');
    expect(kenya.abstained).toBe(true);
    expect(kenya.reason).toBe('no document is by Kenya');
    const southAfrica = answerQuestion(index, 'what did south africa say about terrorism');
    expect(southAfrica.reason).toBe('no document is by South Africa');
    // An abbreviation by the State's name (user trial 27: "no document is by The Uk").
    const uk = answerQuestion(index, 'what did the UK say about terrorism');
    expect(uk.reason).toBe('no document is by United Kingdom');
    // A State that speaks in the documents is quoted; so is one whose words a document reports.
    expect(answerQuestion(index, 'what did norway say about terrorism').abstained).toBe(false);
    const ghana = answerQuestion(index, 'what did ghana say about the conference on small arms');
    expect(ghana.reason).not.toBe('no document is by Ghana');
  });
});
