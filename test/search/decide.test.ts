import { beforeAll, describe, expect, it } from 'vitest';
import { parseLetter } from '../../src/corpus/parse-letter.ts';
import {
  commonWordsOnly,
  decide,
  decisionRow,
  DECISION_FEATURES,
  TOO_LITTLE,
  veto,
} from '../../src/search/decide.ts';
import { FEATURE_NAMES } from '../../src/search/features.ts';
import { answerQuestion } from '../../src/search/index.ts';
import { MODEL } from '../../src/search/model.ts';
import { prepare, rankCandidates } from '../../src/search/rank.ts';
import { SearchIndex } from '../../src/search/search-index.ts';
import { documentsOf } from '../helpers.ts';

/**
 * The decision (`decide.ts`): answer, or abstain. Where no answer is possible (no candidate, or
 * none that states the figure or sum asked for) Annex abstains whatever the fitted model says;
 * otherwise it answers exactly when the model's probability reaches the threshold.
 */

/** A letter that gives no figure and no sum in its paragraphs (its heading has a date). */
const ORL_LETTER = `Letter dated 2 May 2025 from the Permanent Representative of Testland to the United Nations addressed to the Secretary-General

Mines remain near the village of Orl, and the farmers of the valley fear the mines.

The farmers of Orl have asked for help in clearing their fields.

(Signed) Doran Vesk
Permanent Representative`;

let index: SearchIndex;
beforeAll(() => {
  const letter = parseLetter(ORL_LETTER, { id: 'orl', file: 'orl.txt', sha256: 'd'.repeat(64) });
  index = SearchIndex.build([letter]);
});

const FIGURE = FEATURE_NAMES.indexOf('figure');

describe('veto: where no answer is possible', () => {
  it('abstains on "how many" when no candidate gives a figure', () => {
    // The quoted phrase keeps the heading, whose date has a day, out of the candidates.
    const answer = answerQuestion(index, 'how many farmers "fear the mines"');
    expect(answer).toMatchObject({
      abstained: true,
      reason: 'no passage gives a figure',
      results: [],
      evidence: 0,
    });
    // The closest passages are offered apart, as with every abstention.
    expect(answer.related.map((r) => r.text)).toEqual([
      'Mines remain near the village of Orl, and the farmers of the valley fear the mines.',
    ]);
  });

  it('abstains on "how much money" when no candidate gives a sum', () => {
    expect(answerQuestion(index, 'how much money did the farmers of Orl get')).toMatchObject({
      abstained: true,
      reason: 'no passage gives a sum of money',
      results: [],
    });
  });

  it('vetoes by the candidates’ rows: a figure in any one of them lifts it', () => {
    const prepared = prepare(index, 'how many farmers fear the mines', {});
    const ranked = rankCandidates(prepared);
    // The heading ("dated 2 May 2025") states a figure; the paragraphs do not.
    expect(ranked.some((r) => (r.row[FIGURE] ?? 0) > 0)).toBe(true);
    expect(veto(prepared, ranked)).toBeNull();
    const withoutFigures = ranked.filter((r) => (r.row[FIGURE] ?? 0) === 0);
    expect(withoutFigures.length).toBeGreaterThan(0);
    expect(veto(prepared, withoutFigures)).toBe('no passage gives a figure');
    expect(decide(prepared, withoutFigures)).toEqual({
      answers: false,
      probability: 0,
      reason: 'no passage gives a figure',
    });
  });

  it('vetoes nothing a question does not ask for', () => {
    const prepared = prepare(index, 'what do the farmers of Orl fear', {});
    const ranked = rankCandidates(prepared).filter((r) => (r.row[FIGURE] ?? 0) === 0);
    expect(veto(prepared, ranked)).toBeNull();
  });

  it('asks for no focus when the word in its place is only phrasing', () => {
    // "the deal with" only phrases the question: what is asked about is Orl.
    const prepared = prepare(index, "what's the deal with Orl", {});
    expect(prepared.context.asked.has('focus')).toBe(false);
    expect(veto(prepared, rankCandidates(prepared))).toBeNull();
    // A focus the letters hold is still asked for.
    expect(prepare(index, 'what is the fear of the farmers', {}).context.asked.has('focus')).toBe(
      true,
    );
  });

  it('abstains when no passage is a candidate', () => {
    const prepared = prepare(index, 'what do the farmers of Orl fear', {});
    expect(veto(prepared, [])).toBe('no passage answers the question');
    expect(answerQuestion(index, 'what do the farmers "fear the rain"')).toMatchObject({
      abstained: true,
      reason: 'no passage holds "fear the rain" word for word',
      results: [],
    });
  });
});

describe('decide: the fitted probability against the threshold', () => {
  it('reads one decision feature per name, each a number', () => {
    const prepared = prepare(index, 'what do the farmers of Orl fear', {});
    const row = decisionRow(prepared, rankCandidates(prepared));
    expect(row).toHaveLength(DECISION_FEATURES.length);
    expect([...row].every(Number.isFinite)).toBe(true);
  });

  it('reads which answer types a question asks for, whether or not a passage states one', () => {
    const asks = (question: string, type: string) => {
      const prepared = prepare(index, question, {});
      const row = decisionRow(prepared, rankCandidates(prepared));
      return row[DECISION_FEATURES.indexOf(`asks ${type}`)];
    };
    expect(asks('how many farmers fear the mines of Orl', 'count')).toBe(1);
    expect(asks('what do the farmers of Orl fear', 'count')).toBe(0);
    expect(asks('when did the farmers of Orl ask for help', 'time')).toBe(1);
  });

  it('answers exactly when the probability reaches the threshold, and says why not otherwise', () => {
    const prepared = prepare(index, 'what do the farmers of Orl fear', {});
    const ranked = rankCandidates(prepared);
    const { probability } = decide(prepared, ranked);
    expect(probability).toBeGreaterThan(0);
    expect(probability).toBeLessThan(1);
    expect(decide(prepared, ranked, { ...MODEL, threshold: probability })).toEqual({
      answers: true,
      probability,
      reason: null,
    });
    const above = decide(prepared, ranked, {
      ...MODEL,
      threshold: Math.min(1, probability + 1e-6),
    });
    expect(above).toMatchObject({ answers: false, probability });
    expect(above.reason).toEqual(expect.any(String));
  });
});

describe('the reason given when the model abstains', () => {
  /** A second letter, which also speaks of mines, but not of farmers or of Orl. */
  const OTHER = `Letter dated 3 May 2025 from the Permanent Representative of Testland to the United Nations addressed to the Secretary-General

Mines remain near the river, and the fishermen fear them.

(Signed) Doran Vesk
Permanent Representative`;
  let two: SearchIndex;
  beforeAll(() => {
    const letters = [ORL_LETTER, OTHER].map((text, i) =>
      parseLetter(text, { id: `l${i}`, file: `l${i}.txt`, sha256: String(i).repeat(64) }),
    );
    two = SearchIndex.build(letters);
  });
  const abstaining = (question: string) => {
    const prepared = prepare(two, question, {});
    const ranked = rankCandidates(prepared);
    return decide(prepared, ranked, { ...MODEL, threshold: 1 }).reason;
  };

  it('says only words every document holds match, when that is so', () => {
    expect(abstaining('what remains near the mines')).toBe(commonWordsOnly('letter'));
  });

  it('does not say so when what matches is in some documents only', () => {
    expect(abstaining('what do the farmers of Orl fear')).toBe(TOO_LITTLE);
  });
});

describe('who speaks: a document is its author’s (user trial 23)', () => {
  let both: SearchIndex;
  beforeAll(async () => {
    both = SearchIndex.build(
      await documentsOf({
        'turtles.txt':
          '---\ntitle: International Day of Sea Turtle Conservation\nauthor: General Assembly\nsymbol: A/RES/79/244\ndate: 2024-12-19\nkind: resolution\n---\n1. Encourages States to reduce bycatch, including through the use of turtle excluder devices;\n\n2. Decides to proclaim 16 June the International Day of Sea Turtle Conservation;\n',
        'orl.txt': ORL_LETTER,
      }),
    );
  });
  const speaking = (question: string) => {
    const prepared = prepare(both, question, {});
    return decide(prepared, rankCandidates(prepared), { ...MODEL, threshold: 1 }).reason;
  };

  it('reads a resolution, whose title names no one, as spoken by its author', () => {
    expect(speaking('what did the general assembly say about bycatch')).not.toBe(
      'no passage is from them or reports what they said',
    );
  });

  it('still finds no words of someone no document is by or reports', () => {
    expect(speaking('what did the farmers say about bycatch')).toBe(
      'no passage is from them or reports what they said',
    );
  });
});
