import { describe, expect, it } from 'vitest';
import { answerQuestion, parseQuestion, SearchIndex } from '../../src/search/index.ts';
import { documentsOf } from '../helpers.ts';

/**
 * The treaties and bodies people name by their initials, as speeches name them in full (user
 * trial 20: "when did the philippines ratify the ICESCR" was "never mentioned"), and a people's
 * name WordNet does not link to its State ("azeri").
 */
const SPEECH = [
  '---',
  'title: "Statement by Testland in the general debate of the 29th session of the General Assembly"',
  'date: 1974',
  'author: "Testland"',
  'kind: speech',
  '---',
  'The Government of Testland deposited with the Secretary-General on 7 June 1974 its instruments of ratification of the International Covenant on Economic, Social and Cultural Rights.',
  '',
  'We welcome the admission of three new Members to the Organization this year.',
  '',
  'Since the ceasefire, nine Azerbaijani civilians have been killed by mines in the region.',
  '',
].join('\n');

describe('abbreviations of treaties and peoples', () => {
  it('finds a treaty by its initials and a people by its other name', async () => {
    const index = SearchIndex.build(await documentsOf({ 'testland-1974.md': SPEECH }));
    const ratified = answerQuestion(index, 'when did testland ratify the ICESCR');
    expect(ratified.abstained).toBe(false);
    expect(ratified.results[0]?.text).toContain('7 June 1974');
    // Each is read as the words the speech uses, not as a word the documents lack.
    const known = (question: string, word: string) =>
      parseQuestion(index, question).slots.find((s) => s.word === word)?.known;
    expect(known('when did testland ratify the ICESCR', 'icescr')).toBe(true);
    expect(known('how many azeri civilians were killed by mines', 'azeri')).toBe(true);
    const killed = answerQuestion(index, 'how many azeri civilians were killed by mines');
    expect(killed.abstained).toBe(false);
    expect(killed.results[0]?.text).toContain('nine Azerbaijani civilians');
  });
});
