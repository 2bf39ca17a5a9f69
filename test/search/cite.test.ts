import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { Letter } from '../../src/corpus/schema.ts';
import { documentUrl, formatCitation } from '../../src/search/index.ts';
import { CORPUS_DIR, SEED } from '../helpers.ts';

let letters: Letter[];
beforeAll(async () => {
  letters = (await loadCorpus(CORPUS_DIR)).letters;
});
const letter = (id: string) => letters.find((l) => l.id === id) as Letter;

describe('formatCitation', () => {
  it('cites a letter with a symbol: symbol, date, part, pages, our passage number', () => {
    const l = letter(SEED.lachin);
    const spanning = l.passages.find((p) => p.pages.length === 2);
    expect(spanning && formatCitation(l, spanning)).toBe(
      'A/76/930-S/2022/642, 24 August 2022, annex, pp. 2–3, passage 11 (numbered by Annex)',
    );
    const first = l.passages[0];
    expect(first && formatCitation(l, first)).toBe(
      'A/76/930-S/2022/642, 24 August 2022, letter, passage 1 (numbered by Annex)',
    );
  });

  it('names the main part of a note verbale "note verbale", as its heading does, not "letter"', () => {
    const l = letter(SEED.hrcNote);
    const p = l.passages.find((q) => q.part === 'letter');
    expect(p && formatCitation(l, p)).toBe(
      'Note verbale dated 5 April 2021 from the Permanent Mission of Azerbaijan to the United Nations Office at Geneva addressed to the Office of the United Nations High Commissioner for Human Rights, note verbale, passage 1 (numbered by Annex)',
    );
  });

  it('cites a letter without a symbol by its title, never inventing one', () => {
    const l = letter(SEED.awarenessDay2024);
    const p = l.passages[3];
    expect(p && formatCitation(l, p)).toBe(
      'Letter dated 4 April 2024 from the Permanent Representative of Azerbaijan to the United Nations addressed to the Secretary-General, annex, passage 4 (numbered by Annex)',
    );
  });
});

describe('documentUrl', () => {
  it('links the first symbol, or nothing', () => {
    expect(documentUrl(letter(SEED.khojavand))).toBe('https://undocs.org/en/A/78/368');
    expect(documentUrl(letter(SEED.hrcNote))).toBeNull();
  });
});
