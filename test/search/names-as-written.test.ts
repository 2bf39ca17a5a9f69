import { describe, expect, it } from 'vitest';
import { conceptOf } from '../../src/search/analyze.ts';
import { answerQuestion, parseQuestion, SearchIndex } from '../../src/search/index.ts';
import { documentsOf } from '../helpers.ts';

/**
 * Names as people write them in a question (user trial 30): a people's adjective for a State the
 * documents name only as a State ("Argentine sovereignty" of a speech that says "Argentina"), and
 * the glossary's initials as speakers ("the GA": the General Assembly, which WordNet's "GA",
 * Georgia, must not stand for).
 */
const document = (title: string, author: string, kind: string, text: string) =>
  [
    '---',
    `title: "${title}"`,
    'date: 2025',
    `author: "${author}"`,
    `kind: ${kind}`,
    '---',
    text,
    '',
  ].join('\n');

describe('names as a question writes them', async () => {
  const index = SearchIndex.build(
    await documentsOf({
      'bra-1982.md': document(
        'Statement by Brazil in the general debate',
        'Brazil',
        'speech',
        'Brazil has recognized since 1833 the rights of Argentina over the Malvinas Islands.\n\nOur trade with Africa grew fourfold in ten years.',
      ),
      'res.md': document(
        'Assistance to the Ostrelan Islands after Cyclone Imara',
        'General Assembly',
        'resolution',
        'The General Assembly,\n\n1. Calls for the desalination plant at Kerrow Point to be restored before the dry season;\n\n2. Requests the Secretary-General to report on the recovery.',
      ),
    }),
  );

  it("finds a State by its people's adjective where the documents only name the State", () => {
    const question = 'did brazil recognise argentine rights over the malvinas';
    // By WordNet's pertainym, not only by a neighbour in word vectors.
    const { slots } = parseQuestion(index, question, { meaning: false });
    const argentine = slots.find((s) => s.word === 'argentine');
    expect(argentine?.alternatives.map((a) => a.concept)).toContain(conceptOf('Argentina'));
    expect(answerQuestion(index, question).results[0]?.text).toContain('the rights of Argentina');
  });

  it('reads "the GA" as the General Assembly, never as a State no document is by', () => {
    const answer = answerQuestion(index, 'what did the GA say about kerrow point');
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]?.text).toContain('Kerrow Point');
  });
});
