import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { Letter } from '../../src/corpus/schema.ts';
import { answerQuestion, SearchIndex } from '../../src/search/index.ts';
import { CORPUS_DIR } from '../helpers.ts';

/**
 * The questions of `eval/dev-questions.json`, asked of the seed letters: whatever the fitted model
 * ranks first, everything Annex shows for them (an answer, or the closest passages when it
 * abstains) is the letters' own text, cited and linked. How well they are answered is what
 * `npm run eval` scores.
 */

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

describe('every passage shown for every dev question', () => {
  it.each([...dev.questions.map((q) => q.q), ...dev.abstain])(
    '%s: quotes verbatim, cites, links',
    (q) => {
      const answer = answerQuestion(index, q, { limit: 5 });
      const shown = [...answer.results, ...answer.related];
      expect(shown.length).toBeGreaterThan(0);
      for (const r of shown) {
        const letter = letters.find((l) => l.id === r.letterId);
        if (!letter) throw new Error(`no letter ${r.letterId}`);
        expect(letter.text).toContain(r.text);
        expect(r.text).toContain(r.excerpt);
        for (const h of r.highlights) expect(h.end).toBeLessThanOrEqual(r.excerpt.length);
        // A heading (passage 0) is cited as one; a paragraph by its number.
        expect(r.citation).toMatch(
          r.passage === 0
            ? /, heading$/
            : new RegExp(`, passage ${r.passage} \\(numbered by the Annex bot\\)$`),
        );
        expect(r.url).toBe(letter.symbols[0] ? `https://undocs.org/en/${letter.symbols[0]}` : null);
        if (!letter.symbol) expect(r.citation.startsWith(letter.title)).toBe(true);
      }
    },
  );
});
