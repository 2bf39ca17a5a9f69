import { beforeAll, describe, expect, it } from 'vitest';
import { parseLetter } from '../../src/corpus/parse-letter.ts';
import {
  answerPair,
  answerSentence,
  FEATURE_NAMES,
  FEATURES,
  STATES,
} from '../../src/search/features.ts';
import type { Candidate } from '../../src/search/candidates.ts';
import { prepare, type Prepared } from '../../src/search/rank.ts';
import { SearchIndex } from '../../src/search/search-index.ts';
import { documentsOf } from '../helpers.ts';

/**
 * The features of a candidate passage (`features.ts`): what the fitted model weighs. Whatever
 * the weights, a passage that states what is asked must be told apart from one that does not.
 */

const ORL_LETTER = `Letter dated 2 May 2025 from the Permanent Representative of Testland to the United Nations addressed to the Secretary-General

Mines were cleared near Orl last spring. In Dask, 300 mines were cleared. Near Orl, 120 mines were cleared in May.

Mines near Orl remain a danger to the farmers of the valley.

The Orl bridge was reopened to traffic on 4 April 2025.

Testland has spent USD 3 million on clearing mines near Orl.

Engineers discovered unexploded shells beside the Orl bridge. The search lasted from 3 to 9 March 2025.

(Signed) Doran Vesk
Permanent Representative`;

const CLEARED = 'Mines were cleared near Orl last spring.';
const DANGER = 'Mines near Orl remain a danger';
const BRIDGE = 'The Orl bridge was reopened';
const SPENT = 'Testland has spent USD 3 million';
const SHELLS = 'Engineers discovered unexploded shells';

let index: SearchIndex;
beforeAll(() => {
  const letter = parseLetter(ORL_LETTER, { id: 'orl', file: 'orl.txt', sha256: 'c'.repeat(64) });
  index = SearchIndex.build([letter]);
});

/** The question prepared for ranking, and a reader of one candidate's feature by its passage. */
function features(question: string) {
  const prepared = prepare(index, question, {});
  const at = (start: string) => {
    const i = prepared.set.candidates.findIndex((c) => c.entry.passage.text.startsWith(start));
    expect(i, `"${start}" is a candidate of "${question}"`).toBeGreaterThanOrEqual(0);
    return i;
  };
  const value = (start: string, feature: string) => {
    const column = FEATURE_NAMES.indexOf(feature);
    expect(column, `feature "${feature}"`).toBeGreaterThanOrEqual(0);
    return prepared.rows[at(start)]?.[column];
  };
  return { prepared, at, value };
}

describe('FEATURES', () => {
  it('has one feature per name, an answer-type feature for each kind of statement, and a row per candidate', () => {
    expect(new Set(FEATURE_NAMES).size).toBe(FEATURES.length);
    for (const name of Object.keys(STATES)) expect(FEATURE_NAMES).toContain(name);
    const { prepared } = features('how many mines were cleared near Orl');
    expect(prepared.rows).toHaveLength(prepared.set.candidates.length);
    for (const row of prepared.rows) {
      expect(row).toHaveLength(FEATURES.length);
      expect([...row].every(Number.isFinite)).toBe(true);
    }
  });
});

describe('answer-type features: a passage that states what is asked', () => {
  it('gives a figure counting the thing a "how many" asks for', () => {
    const { value } = features('how many mines were cleared near Orl');
    expect(value(CLEARED, 'count')).toBe(1);
    expect(value(CLEARED, 'figure')).toBe(1);
    expect(value(DANGER, 'count')).toBe(0);
    expect(value(DANGER, 'figure')).toBe(0);
  });

  it('gives a day for a "when"', () => {
    const { value } = features('when was the Orl bridge reopened');
    expect(value(BRIDGE, 'time')).toBe(1);
    expect(value(DANGER, 'time')).toBe(0);
  });

  it('gives a sum for "how much money"', () => {
    const { value } = features('how much money was spent on mines near Orl');
    expect(value(SPENT, 'money')).toBe(1);
    expect(value(DANGER, 'money')).toBe(0);
  });

  it('is not set for a kind of statement the question does not ask for', () => {
    // The bridge passage states a day, but "how many" asks for no time.
    const { value } = features('how many mines were cleared near the Orl bridge');
    expect(value(BRIDGE, 'time')).toBe(0);
    expect(value(SPENT, 'money')).toBe(0);
  });
});

describe('answerSentence: the sentence that answers', () => {
  const sentenceOf = (prepared: Prepared, i: number) => {
    const candidate = prepared.set.candidates[i];
    if (!candidate) throw new Error('no such candidate');
    const span = answerSentence(prepared.context, candidate);
    return {
      text: candidate.entry.passage.text.slice(span.start, span.end).trim(),
      score: span.score,
    };
  };

  it('is the one that both names the subject and states what is asked', () => {
    // The first sentence names Orl but gives no figure; the second gives one, of Dask.
    const { prepared, at } = features('how many mines were cleared near Orl');
    const answer = sentenceOf(prepared, at(CLEARED));
    expect(answer.text).toBe('Near Orl, 120 mines were cleared in May.');
    expect(answer.score).toBeGreaterThan(0);
  });

  it('scores nothing in a passage no sentence of which states what is asked', () => {
    const { prepared, at } = features('how many mines were cleared near Orl');
    expect(sentenceOf(prepared, at(DANGER)).score).toBe(0);
  });

  it('is read also of two sentences in a row, when one names the subject and the next the time', () => {
    const { prepared, at } = features('when were shells discovered by the Orl bridge');
    const pair = (start: string) =>
      answerPair(prepared.context, prepared.set.candidates[at(start)] as Candidate);
    expect(sentenceOf(prepared, at(SHELLS)).score).toBe(0);
    expect(pair(SHELLS)).toBeGreaterThan(0.5);
    // Never less than its best single sentence.
    for (const c of prepared.set.candidates)
      expect(answerPair(prepared.context, c)).toBeGreaterThanOrEqual(
        answerSentence(prepared.context, c).score,
      );
  });
});

/** A letter transmitting a treaty, its articles headed (written for these tests). */
const TREATY_LETTER = `Letter dated 12 June 2026 from the Permanent Representative of Testland to the United Nations addressed to the Secretary-General

I have the honour to transmit the Agreement between Testland and Ostria on the Orl valley (see annex).

(Signed) Doran Vesk
Permanent Representative

Annex

Agreement between Testland and Ostria on the Orl valley

Article 1
Withdrawal of forces

1. Each Party shall withdraw its forces from the Orl valley within 30 days.

2. The withdrawal shall be verified by observers from both Parties in the Orl valley.

Article 2
Return of displaced persons

1. Displaced persons from the Orl valley shall have the right to return to their homes.

2. Each Party shall open two crossing points in the Orl valley.`;

describe('features of where a passage stands (fresh held-out agreement, user trial 30)', () => {
  let treaty: SearchIndex;
  beforeAll(() => {
    const letter = parseLetter(TREATY_LETTER, {
      id: 'orl-treaty',
      file: 'orl-treaty.txt',
      sha256: 'd'.repeat(64),
    });
    treaty = SearchIndex.build([letter]);
  });
  const value = (question: string, start: string, feature: string) => {
    const prepared = prepare(treaty, question, {});
    const i = prepared.set.candidates.findIndex((c) => c.entry.passage.text.startsWith(start));
    expect(i, `"${start}" is a candidate of "${question}"`).toBeGreaterThanOrEqual(0);
    return prepared.rows[i]?.[FEATURE_NAMES.indexOf(feature)] ?? NaN;
  };

  it('reads an annexed treaty’s article headings as headings, never quoted', () => {
    const roles = treaty.letters[0]?.passages
      .filter((p) => p.role === 'heading')
      .map((p) => p.text);
    expect(roles).toEqual([
      'Article 1 Withdrawal of forces',
      'Article 2 Return of displaced persons',
    ]);
  });

  it('gives each paragraph of an article the words of the article’s heading', () => {
    const question = 'what does article 2 say about crossing points';
    expect(
      value(question, '2. Each Party shall open two crossing points', 'section coverage'),
    ).toBe(1);
    expect(
      value(question, '2. Each Party shall open two crossing points', 'coverage'),
    ).toBeLessThan(1);
  });

  it('counts what tells a passage from the rest of its document, not the words every one holds', () => {
    const question = 'when must forces leave the orl valley';
    const withdraw = value(
      question,
      '1. Each Party shall withdraw its forces',
      'distinct coverage',
    );
    const observers = value(question, '2. The withdrawal shall be verified', 'distinct coverage');
    expect(withdraw).toBeGreaterThan(observers);
  });
});

describe('features of who speaks in a briefing, and of a signature', () => {
  it('marks a journalist’s question, which says again what is asked and answers none of it', async () => {
    const briefing = SearchIndex.build(
      await documentsOf({
        'briefing.md': [
          '---\ntitle: "Noon briefing"\ndate: 2025-03-14\nauthor: "Secretary-General"\nkind: press briefing\n---',
          'Question: How much money has the Orl Recovery Fund received so far?',
          'Answer: As of yesterday, the Orl Recovery Fund has received pledges of 430 million dollars.',
          '',
        ].join('\n\n'),
      }),
    );
    const prepared = prepare(briefing, 'how much money has the orl recovery fund received', {});
    const turn = (start: string) => {
      const i = prepared.set.candidates.findIndex((c) => c.entry.passage.text.startsWith(start));
      return prepared.rows[i]?.[FEATURE_NAMES.indexOf('question turn')];
    };
    expect(turn('Question:')).toBe(1);
    expect(turn('Answer:')).toBe(0);
  });

  it('gives a signature none of the words of the paragraph above it', () => {
    // The signature holds the name; the paragraph above it, the rest.
    const prepared = prepare(
      index,
      'did doran vesk say engineers discovered unexploded shells',
      {},
    );
    const i = prepared.set.candidates.findIndex((c) => c.entry.passage.text.startsWith('(Signed)'));
    expect(i).toBeGreaterThanOrEqual(0);
    const row = prepared.rows[i] ?? [];
    expect(row[FEATURE_NAMES.indexOf('coverage')]).toBeLessThan(1);
    expect(row[FEATURE_NAMES.indexOf('context coverage')]).toBe(
      row[FEATURE_NAMES.indexOf('coverage')],
    );
  });
});
