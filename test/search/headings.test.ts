import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { Letter } from '../../src/corpus/schema.ts';
import { formatCitation, speaker } from '../../src/search/cite.ts';
import { headingsOf, isHeading } from '../../src/search/index-entries.ts';
import { SearchIndex } from '../../src/search/search-index.ts';
import { CORPUS_DIR, SEED } from '../helpers.ts';

/**
 * A letter's headings (`headingsOf`): its masthead, its title, an annex's heading and title, as
 * quotable entries with passage number 0. UN letters state their date, author, addressee and
 * symbol there, so a question about those is answered by a quote of a heading.
 */

let letters: Letter[];
let index: SearchIndex;
beforeAll(async () => {
  letters = (await loadCorpus(CORPUS_DIR)).letters;
  index = SearchIndex.build(letters);
});

const letter = (id: string) => letters.find((l) => l.id === id) as Letter;

describe('headingsOf', () => {
  it('quotes the masthead and title, and the annex’s heading, verbatim, as passage 0', () => {
    const lachin = letter(SEED.lachin);
    const headings = headingsOf(lachin);
    expect(headings.map((h) => [h.n, h.part])).toEqual([
      [0, 'letter'],
      [0, 'annex'],
    ]);
    const [masthead, annex] = headings;
    expect(masthead?.text).toMatch(/^United Nations A\/76\/930-S\/2022\/642/);
    expect(masthead?.text).toMatch(
      /Letter dated 24 August 2022 from the Chargé d'affaires a\.i\. of the Permanent Mission of Azerbaijan to the United Nations addressed to the Secretary-General$/,
    );
    expect(annex?.text).toContain(
      'Letter dated 23 August 2022 from the Minister for Foreign Affairs',
    );
    for (const h of headings) expect(lachin.text.slice(h.start, h.end)).toBe(h.text);
  });

  it('quotes every letter’s headings verbatim, none of them a paragraph', () => {
    for (const l of letters) {
      const headings = headingsOf(l);
      expect(headings.length).toBeGreaterThan(0);
      for (const h of headings) {
        expect(l.text.slice(h.start, h.end)).toBe(h.text);
        expect(isHeading(h)).toBe(true);
        expect(l.passages.some((p) => p.start < h.end && h.start < p.end)).toBe(false);
      }
      expect(l.passages.some(isHeading)).toBe(false);
    }
  });

  it('quotes a heading as the document’s print, not as its sender’s words (user trial 30)', () => {
    const lachin = letter(SEED.lachin);
    const [masthead, annex] = headingsOf(lachin);
    if (!masthead || !annex) throw new Error('the letter has no headings');
    expect(speaker(lachin, masthead)).toBe("The letter's heading");
    expect(speaker(lachin, annex)).toBe("The annex's heading");
    expect(speaker(lachin, lachin.passages[0] as Letter['passages'][number])).not.toMatch(
      /heading/,
    );
  });

  it('cites a heading as "heading", with no passage number', () => {
    const note = letter(SEED.hrcNote);
    const [title] = headingsOf(note);
    if (!title) throw new Error('the note verbale has no heading');
    const citation = formatCitation(note, title);
    expect(citation).toMatch(/, heading$/);
    expect(citation).not.toMatch(/passage/);
  });

  it('are entries of the index, found under their letter', () => {
    const note = letter(SEED.hrcNote);
    const entries = index.headingsOfLetter(note).map((id) => index.passage(id));
    expect(entries.map((e) => e?.passage.text)).toEqual(headingsOf(note).map((h) => h.text));
    expect(entries.every((e) => e?.letter === note)).toBe(true);
  });
});
