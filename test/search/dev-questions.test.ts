import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { Letter } from '../../src/corpus/schema.ts';
import { answerQuestion, SearchIndex } from '../../src/search/index.ts';
import { CORPUS_DIR } from '../helpers.ts';

const dev = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../eval/dev-questions.json'), 'utf8'),
) as {
  questions: { q: string; gold: string[] }[];
  abstain: string[];
};

let index: SearchIndex;
let letters: Letter[];
beforeAll(async () => {
  letters = (await loadCorpus(CORPUS_DIR)).letters;
  index = SearchIndex.build(letters);
});

describe('every result of every dev question', () => {
  it.each([...dev.questions.map((q) => q.q), ...dev.abstain])(
    '%s: quotes verbatim, cites, links',
    (q) => {
      for (const r of answerQuestion(index, q, { limit: 5 }).results) {
        const letter = letters.find((l) => l.id === r.letterId);
        expect(letter?.text).toContain(r.text);
        expect(r.text).toContain(r.excerpt);
        for (const h of r.highlights) expect(h.end).toBeLessThanOrEqual(r.excerpt.length);
        expect(r.citation).toContain(`passage ${r.passage}`);
        expect(r.url === null || r.url === `https://undocs.org/en/${letter?.symbols[0]}`).toBe(
          true,
        );
        if (!letter?.symbol) expect(r.citation.startsWith(letter?.title ?? '?')).toBe(true);
      }
    },
  );
});

/** The part of the dev file tuned on (`scripts/eval.ts` holds out every third entry). */
const tuned = <T>(items: readonly T[]) => items.filter((_, i) => i % 3 !== 2);

describe('dev questions (the part tuned on)', () => {
  it('answers each within the top 3, and abstains on each abstain question', () => {
    const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
    for (const { q, gold } of tuned(dev.questions)) {
      const results = answerQuestion(index, q, { limit: 3 }).results;
      expect(
        results.some((r) => gold.some((g) => norm(r.text).includes(g))),
        q,
      ).toBe(true);
    }
    for (const q of tuned(dev.abstain)) expect(answerQuestion(index, q).abstained, q).toBe(true);
  });
});
