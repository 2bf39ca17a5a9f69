import { describe, expect, it } from 'vitest';
import { answerQuestion, SearchIndex } from '../../src/search/index.ts';
import { documentsOf } from '../helpers.ts';

/** A general debate speech of Zambia (written for this test): courtesies first, then its matter. */
const ZAMBIA = [
  '---',
  'title: "Statement by Zambia in the general debate of the 22nd session of the General Assembly"',
  'date: 1967',
  'author: "Zambia"',
  'kind: speech',
  '---',
  '1. Let me first of all extend to the President the sincere congratulations of my delegation on his election to preside over this session of the General Assembly.',
  '',
  '2. I also wish to pay tribute to his predecessor, who guided the Assembly through a trying year.',
  '',
  '3. The rebellion in Rhodesia is the first concern of my Government. Britain must end the rebellion in Rhodesia and hand power to the majority.',
  '',
  '4. The sanctions against Rhodesia have failed, because South Africa and Portugal trade with Rhodesia openly.',
  '',
  '5. Zambia shares a long border with Rhodesia, and our railway to the sea runs through Rhodesia.',
  '',
].join('\n');

/** Other speeches, so that the Assembly's courtesies are common in the corpus, as they are. */
const other = (author: string, matter: string) =>
  [
    '---',
    `title: "Statement by ${author} in the general debate of the 22nd session of the General Assembly"`,
    'date: 1967',
    `author: "${author}"`,
    'kind: speech',
    '---',
    'First of all, let me congratulate the President on his election to preside over this session of the General Assembly.',
    '',
    'My delegation also pays tribute to his predecessor for the work of the last session.',
    '',
    matter,
    '',
  ].join('\n');
const OTHERS = {
  'nor-1967.md': other(
    'Norway',
    'Norway will increase its development aid to the least developed countries.',
  ),
  'swe-1967.md': other(
    'Sweden',
    'Sweden calls for a treaty to stop the spread of nuclear weapons.',
  ),
  'ind-1967.md': other(
    'India',
    'India asks for a fair price for the commodities of developing countries.',
  ),
  'per-1967.md': other(
    'Peru',
    'Peru defends its sovereignty over the sea up to two hundred miles from its coast.',
  ),
};

describe('what a State said in a speech, asked for nothing else', () => {
  it('quotes the passages that carry the speech’s matter, not its courtesies (user trial 20)', async () => {
    const index = SearchIndex.build(await documentsOf({ 'zmb-1967.md': ZAMBIA, ...OTHERS }));
    const answer = answerQuestion(index, 'what did zambia say in 1967');
    expect(answer.abstained).toBe(false);
    const shown = answer.results.map((r) => r.text);
    expect(shown[0]).toMatch(/Rhodesia/);
    expect(shown.slice(0, 3).some((t) => /congratulations|tribute/.test(t))).toBe(false);
  });
});

describe('a report named by its symbol alone (user trial 34)', () => {
  /** A report of the Secretary-General (written for this test): it opens with its matter. */
  const REPORT = [
    'United Nations S/2026/301',
    'Security Council Distr.: General',
    '12 May 2026',
    'Situation in Testland',
    'Report of the Secretary-General',
    'I. Introduction',
    '1. The present report is submitted pursuant to Security Council resolution 2768 (2026), by which the Council extended the mandate of the Mission until 31 January 2027.',
    'II. Political developments',
    '2. On 12 February 2026, the Government and the Eastern Front signed the Kessel Ceasefire Agreement.',
    '3. The Kessel Ceasefire Agreement provides for the cantonment of Eastern Front combatants, and the Eastern Front agreed to it.',
    '4. Violations of the Kessel Ceasefire Agreement by the Eastern Front were recorded in Kessel in March 2026.',
    '',
  ].join('\n\n');

  it('is answered by its first paragraph, the symbol marked as a whole and its year not as a date', async () => {
    const index = SearchIndex.build(await documentsOf({ 'report.txt': REPORT, ...OTHERS }));
    const answer = answerQuestion(index, 'S/2026/301');
    expect(answer.results[0]?.text).toMatch(/^1\. The present report is submitted/);
    const first = answer.results[0];
    const marked = first?.highlights.map((h) => first.excerpt.slice(h.start, h.end)) ?? [];
    expect(marked).not.toContain('2026');
  });
});
