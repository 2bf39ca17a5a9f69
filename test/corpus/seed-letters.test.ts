import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Corpus, isSignature, loadCorpus } from '../../src/corpus/index.ts';
import type { Letter } from '../../src/corpus/schema.ts';
import { CORPUS_DIR, ROOT, SEED } from '../helpers.ts';

let corpus: Corpus;
const letter = (id: string): Letter => {
  const found = corpus.letters.find((l) => l.id === id);
  if (!found) throw new Error(`seed letter ${id} did not load`);
  return found;
};
const meta = (l: Letter) => {
  const { passages, text, sha256, file, ...rest } = l;
  return { ...rest, passages: passages.length };
};

beforeAll(async () => {
  corpus = await loadCorpus(CORPUS_DIR);
});

describe('the seed corpus', () => {
  it('is the tests\' own copy under test/fixtures, so that letters an operator adds to corpus/ change no test', () => {
    expect(path.relative(ROOT, CORPUS_DIR)).toBe(path.join('test', 'fixtures', 'seed-letters'));
  });

  it('loads all five letters without a problem', () => {
    expect(corpus.problems.map((p) => p.message)).toEqual([]);
    expect(corpus.letters.map((l) => l.id)).toEqual([
      SEED.minefieldInfo,
      SEED.hrcNote,
      SEED.lachin,
      SEED.khojavand,
      SEED.awarenessDay2024,
    ]);
  });

  it('keeps every passage verbatim: its text is the slice of the letter at its offsets', () => {
    for (const l of corpus.letters) {
      for (const p of l.passages) expect(l.text.slice(p.start, p.end)).toBe(p.text);
    }
  });

  it('leaves no footer, masthead or markdown residue in any passage', () => {
    for (const l of corpus.letters) {
      for (const p of l.passages) {
        expect(p.text).not.toMatch(/\*\*|^#|^---|\s{2}|\n/);
        expect(p.text).not.toMatch(/\b\d\/\d\b|\d{2}-\d{5}/);
        expect(p.text).not.toMatch(/Distr\.:|Seventy-\w+ (?:session|year)$/);
        expect(p.text).not.toMatch(/^(?:Annex to|Letter dated|Note verbale dated)/);
      }
    }
  });

  it('quotes each signature block as a passage of its part, as well as reading its signatory', () => {
    for (const l of corpus.letters) {
      const signatures = l.passages.filter((p) => isSignature(p.text));
      expect(signatures).toHaveLength(l.signatories.length);
      signatures.forEach((p, i) => expect(p.text).toContain(l.signatories[i]?.name));
    }
    expect(
      letter(SEED.lachin)
        .passages.filter((p) => isSignature(p.text))
        .map((p) => [p.part, p.text]),
    ).toEqual([
      ['letter', "(Signed) Tofig Musayev Chargé d'affaires a.i."],
      ['annex', '(Signed) Jeyhun Bayramov'],
    ]);
  });

  it('keeps every word of the source: each passage, whitespace aside, appears in the raw file', () => {
    for (const l of corpus.letters) {
      const raw = readFileSync(path.join(CORPUS_DIR, path.basename(l.file)), 'utf8')
        .replace(/\*\*|\*(?=\(Signed\))|(?<=\(Signed\))\*/g, '')
        .replace(/\n\s*\d\/\d(?: \d{2}-\d{5})?\s*\n/g, ' ')
        .replace(/\s+/g, '');
      for (const p of l.passages) expect(raw).toContain(p.text.replace(/\s+/g, ''));
    }
  });
});

describe('A/78/368-S/2023/686 (plain text with a page footer)', () => {
  it('reads its masthead, heading, signature and annex', () => {
    expect(meta(letter(SEED.khojavand))).toEqual({
      id: SEED.khojavand,
      symbol: 'A/78/368-S/2023/686',
      symbols: ['A/78/368', 'S/2023/686'],
      symbolSource: 'text',
      date: '2023-09-19',
      distributed: '2023-09-19',
      kind: 'letter',
      title:
        'Letter dated 19 September 2023 from the Permanent Representative of Azerbaijan to the United Nations addressed to the Secretary-General',
      author: 'Permanent Representative of Azerbaijan to the United Nations',
      sender: 'Permanent Representative of Azerbaijan to the United Nations',
      addressee: 'Secretary-General',
      language: null,
      url: null,
      sources: { title: 'text', date: 'text', author: 'text', kind: 'text' },
      signatories: [{ name: 'Yashar Aliyev', title: 'Ambassador Permanent Representative' }],
      bodies: ['General Assembly, Seventy-eighth session', 'Security Council, Seventy-eighth year'],
      agendaItems: ['31', '61', '69', '71', '83', '129'],
      jobNumber: '23-18063',
      annexes: [
        {
          title:
            'Press release of the Ministry of Foreign Affairs of the Republic of Azerbaijan on the death of civilians and the personnel of the Ministry of Internal Affairs as a result of landmine terror in Khojavand',
          date: '2023-09-19',
        },
      ],
      passages: 10,
    });
  });

  it('puts three passages and the signature in the letter, six in the annex; the last on page 2', () => {
    const l = letter(SEED.khojavand);
    expect(l.passages.map((p) => p.part)).toEqual([
      ...Array(4).fill('letter'),
      ...Array(6).fill('annex'),
    ]);
    expect(l.passages.at(-1)?.pages).toEqual([2]);
    expect(l.passages.at(-1)?.text).toMatch(
      /^In order to ensure peace.*must be resolutely condemned and prevented\.$/,
    );
  });
});

describe('A/76/930-S/2022/642 (footers, a paragraph across pages 2 and 3)', () => {
  it('reads the masthead, including the organ line extraction put after the signature', () => {
    const m = meta(letter(SEED.lachin));
    expect(m).toMatchObject({
      symbol: 'A/76/930-S/2022/642',
      date: '2022-08-24',
      distributed: '2022-08-25',
      sender: "Chargé d'affaires a.i. of the Permanent Mission of Azerbaijan to the United Nations",
      bodies: ['General Assembly, Seventy-sixth session', 'Security Council, Seventy-seventh year'],
      agendaItems: ['20', '35', '51', '65', '66', '72', '74', '85', '100', '134'],
      jobNumber: '22-13249',
      passages: 19,
    });
    expect(m.signatories).toEqual([
      { name: 'Tofig Musayev', title: "Chargé d'affaires a.i." },
      { name: 'Jeyhun Bayramov', title: 'Minister for Foreign Affairs of Azerbaijan' },
    ]);
    expect(m.annexes).toEqual([
      {
        title:
          'Letter dated 23 August 2022 from the Minister for Foreign Affairs of Azerbaijan addressed to the Secretary-General',
        date: '2022-08-23',
      },
    ]);
  });

  it('makes the paragraph broken by the "2/3 22-13249" footer one passage on pages 2 and 3', () => {
    const spanning = letter(SEED.lachin).passages.filter((p) => p.pages.length > 1);
    expect(spanning).toHaveLength(1);
    expect(spanning[0]).toMatchObject({
      pages: [2, 3],
      part: 'annex',
      text: 'The above-mentioned information demonstrates the urgent necessity for the soonest-possible withdrawal of all Armenian armed forces from the territory of Azerbaijan, as required by general international law as well as the Trilateral Statement.',
    });
  });

  it('gives pages only where footers determine them', () => {
    const pages = letter(SEED.lachin).passages.map((p) => p.pages);
    expect(pages.slice(0, 10).every((p) => p.length === 0)).toBe(true);
    expect(pages[10]).toEqual([2, 3]);
    expect(pages.slice(11).every((p) => p.length === 1 && p[0] === 3)).toBe(true);
  });
});

describe('letter of 4 April 2024 (markdown-styled, no symbol)', () => {
  it('reads the masthead through the markdown', () => {
    expect(meta(letter(SEED.awarenessDay2024))).toMatchObject({
      symbol: null,
      symbols: [],
      date: '2024-04-04',
      distributed: '2024-04-04',
      kind: 'letter',
      title:
        'Letter dated 4 April 2024 from the Permanent Representative of Azerbaijan to the United Nations addressed to the Secretary-General',
      signatories: [{ name: 'Yashar Aliyev', title: 'Ambassador Permanent Representative' }],
      bodies: ['General Assembly, Seventy-eighth session', 'Security Council, Seventy-ninth year'],
      agendaItems: ['31', '61', '69', '71', '83', '99', '129'],
      jobNumber: null,
      annexes: [
        {
          title:
            'Statement of the Ministry of Foreign Affairs of the Republic of Azerbaijan on 4 April – International Day for Mine Awareness and Assistance in Mine Action',
          date: null,
        },
      ],
      passages: 11,
    });
  });

  it('keeps the annex paragraph that opens with a date apart from the annex title', () => {
    const p = letter(SEED.awarenessDay2024).passages[3];
    expect(p?.text).toBe(
      '4 April is observed as the International Day for Mine Awareness and Assistance in Mine Action.',
    );
    expect(p?.part).toBe('annex');
  });

  it('gives no pages: the text has no footers', () => {
    expect(letter(SEED.awarenessDay2024).passages.every((p) => p.pages.length === 0)).toBe(true);
  });
});

describe('letter of 23 February 2021 (hard-wrapped, sentences broken by blank lines)', () => {
  it('reads heading, signatures and the agenda items from the circulation request', () => {
    expect(meta(letter(SEED.minefieldInfo))).toMatchObject({
      symbol: null,
      date: '2021-02-23',
      distributed: null,
      title:
        'Letter dated 23 February 2021 from the Permanent Representative of Azerbaijan to the United Nations addressed to the Secretary-General',
      signatories: [
        { name: 'Yashar Aliyev', title: 'Ambassador Permanent Representative' },
        {
          name: 'Jeyhun Bayramov',
          title: 'Minister for Foreign Affairs of the Republic of Azerbaijan',
        },
      ],
      bodies: ['General Assembly', 'Security Council'],
      agendaItems: ['34', '35', '40', '63', '64', '68', '72', '86'],
      annexes: [
        {
          title:
            'Letter dated 22 February 2021 from the Minister for Foreign Affairs of the Republic of Azerbaijan addressed to the Secretary-General',
          date: '2021-02-22',
        },
      ],
      passages: 14,
    });
  });

  it('rejoins "(see" … "annex)." and "68," … "72 and 86" across the blank lines', () => {
    const [first, second] = letter(SEED.minefieldInfo).passages;
    expect(first?.text).toMatch(/regarding the minefields in these territories \(see annex\)\.$/);
    expect(second?.text).toContain(
      'under agenda items 34, 35, 40, 63, 64, 68, 72 and 86, and of the Security Council.',
    );
  });
});

describe('note verbale of 5 April 2021 (Human Rights Council masthead)', () => {
  it('reads a note verbale: kind, sender, addressee, session, no signature', () => {
    expect(meta(letter(SEED.hrcNote))).toMatchObject({
      symbol: null,
      date: '2021-04-05',
      distributed: '2021-04-09',
      kind: 'note verbale',
      sender: 'Permanent Mission of Azerbaijan to the United Nations Office at Geneva',
      addressee: 'Office of the United Nations High Commissioner for Human Rights',
      signatories: [],
      bodies: ['General Assembly', 'Human Rights Council, Forty-seventh session'],
      agendaItems: ['4'],
      passages: 12,
    });
  });

  it('leaves the editorial footnote out of the passages', () => {
    expect(letter(SEED.hrcNote).passages.some((p) => p.text.startsWith('* Reproduced'))).toBe(
      false,
    );
  });
});
