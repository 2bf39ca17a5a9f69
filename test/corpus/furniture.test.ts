import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Corpus, type Document, loadCorpus } from '../../src/corpus/index.ts';
import { findFurniture } from '../../src/corpus/furniture.ts';
import { documentOf, documentsOf } from '../helpers.ts';

/**
 * Speeches cut from made-up verbatim records, with the page furniture real records carry: a footer
 * with the page number and the job number, a header with the meeting's date and symbol, a form
 * feed between pages, a footer glued to the next page's first line (written for these tests).
 */
const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'furniture');

let corpus: Corpus;
const doc = (id: string): Document => documentOf(corpus, id);
const passage = (id: string, start: string) => {
  const found = doc(id).passages.find((p) => p.text.startsWith(start));
  if (!found) throw new Error(`no passage of ${id} starts "${start}"`);
  return found;
};
/** Any job number, "N/M" page, figures date or symbol of a meeting record left in a quote. */
const FURNITURE = /\d{2}-\d{5}|\b\d{1,3}\/\d{2}\b|\d{2}\/\d{2}\/\d{4}|[A-Z]\/\d+\/PV\.\d+/;

beforeAll(async () => {
  corpus = await loadCorpus(FIXTURES);
});

describe('page headers and footers of verbatim records', () => {
  it('leaves none of them in any quoted passage', () => {
    expect(corpus.problems).toEqual([]);
    for (const d of corpus.letters) {
      expect(d.passages.filter((p) => FURNITURE.test(p.text)).map((p) => p.text)).toEqual([]);
    }
  });

  it('joins the paragraph a page break cut in two, as one passage on both pages', () => {
    const floods = passage('record-extract', 'The floods of last spring');
    expect(floods.text).toContain('the protection of our coasts demands that we act together before the next season');
    expect(floods.pages).toEqual([18, 19]);
    expect(doc('record-extract').passages.some((p) => p.text.startsWith('act together'))).toBe(false);
  });

  it('joins a sentence a footer cut after a figure, in text without blank lines (user trial 17)', async () => {
    const [letter] = await documentsOf({
      'letter.txt': [
        'Letter dated 2 May 2035 from the Permanent Representative of Testland to the',
        'United Nations addressed to the Secretary-General',
        'As of 30 April 2035, the response plan was only 27 per cent funded. As a direct',
        'consequence, the monthly food voucher would be reduced from USD 12',
        '35-07811 1/2',
        'to USD 6 per person from 1 April, before a last-minute contribution allowed',
        'the ration to be restored to USD 12.',
        '(Signed) Ada Morrow',
      ].join('\n'),
    });
    const voucher = letter?.passages.find((p) => p.text.startsWith('As of 30 April'));
    expect(voucher?.text).toMatch(/reduced from USD 12 to USD 6 per person .* restored to USD 12\.$/);
    expect(voucher?.pages).toEqual([1, 2]);
  });

  it('takes a record’s header in words off every page, keeping a salutation the speech repeats (user trial 25)', async () => {
    const page = (n: number) => [String(n), 'General Assembly 14th meeting', 'Forty-ninth session 3 October 1994'];
    const [speech] = await documentsOf({
      'speech.txt': [
        '---\ntitle: Statement by Testland in the general debate\ndate: 1994\nkind: speech\n---',
        'Mr. President,',
        'It will perhaps come to be that we will make a contribution to',
        ...page(7),
        'human civilization by ordering our affairs well.',
        'Mr. President,',
        'The great challenge of our age is to answer the question of',
        ...page(8),
        'what we can and must do to ensure that democracy prevails.',
        'Mr. President,',
        'We thank the members for the speed with which they accepted the',
        ...page(9),
        'credentials of democratic Testland.',
      ].join('\n'),
    });
    const text = speech?.passages.map((p) => p.text).join('\n') ?? '';
    expect(text).toContain('a contribution to human civilization');
    expect(text).toContain('accepted the credentials');
    expect(text).not.toMatch(/14th meeting|Forty-ninth session|\b[789]\b/);
    expect(text.match(/Mr\. President,/g)).toHaveLength(3);
  });

  it('cites the pages the footers print, the text before the first and after the last included', () => {
    expect(doc('record-extract').passages.map((p) => p.pages)).toEqual([[18], [18], [18, 19], [19], [19], [20], [20], [21]]);
  });

  it('reads a job-number footer with a bare page number, and its page header, as a page break', () => {
    const harbour = passage('job-footers', 'The harbour of Kessa');
    expect(harbour.text).toContain('we ask that the same help be given to the other island States');
    expect(harbour.pages).toEqual([7, 8]);
    expect(doc('job-footers').passages).toHaveLength(3);
  });

  it('reads a first-page footer with its barcode on a line of its own as a page break', () => {
    const harbour = passage('barcode-footer', 'The harbour of Kessa');
    expect(harbour.text).toContain('Two of its cranes, including the largest of them, were brought');
    expect(harbour.text).not.toMatch(/\*?9854321\*?/);
    expect(harbour.pages).toEqual([1, 2]);
    expect(doc('barcode-footer').passages).toHaveLength(2);
  });

  it('keeps a symbol that a sentence wrapped onto a line of its own', () => {
    expect(passage('job-footers', 'The report of the Secretary-General').text).toContain(
      'in document A/98/1 sets out the tasks of the year',
    );
  });

  it('takes a footer glued to the next page\u2019s first line off, keeping the words', () => {
    const conflict = passage('glued-footer', 'The conflict in the north');
    expect(conflict.text).toContain('do not come. That is very worrying. Attacks on aid convoys');
    expect(conflict.pages).toEqual([3, 4]);
    expect(passage('glued-footer', 'The peace that we seek').pages).toEqual([5]);
  });

  it('reads the footers of a document processed in Geneva, "GE.26-00912(E)", as page breaks (user trial 27)', async () => {
    const line = (n: number) => `${n}. The mission heard ${n * 7} witnesses in the villages below the dam, who described how the water rose.`;
    const [report] = await documentsOf({
      'a-hrc-61-57.txt': [
        'Report of the fact-finding mission on the Kastel dam',
        '',
        line(1),
        line(2),
        'GE.26-00912(E)',
        '3. The mission found no evidence',
        'GE.26-00912                                                                   2/3',
        'that this recommendation was acted upon.',
        line(4),
        'GE.26-00912                                                                   3/3',
        '',
      ].join('\n'),
    });
    const texts = report?.passages.map((p) => p.text) ?? [];
    expect(texts.filter((t) => /GE\.|\d\/3/.test(t))).toEqual([]);
    expect(texts).toContain('3. The mission found no evidence that this recommendation was acted upon.');
    expect(report?.passages.find((p) => p.text.startsWith('3.'))?.pages).toEqual([2, 3]);
    expect(report?.jobNumber).toBe('GE.26-00912');
  });

  it('takes off a running header with its page number on the line, left or right, and joins the sentence it cut (user trial 29)', () => {
    const speech = doc('speech-numbered-headers');
    expect(speech.passages.filter((p) => /Fiftieth session|General Assembly/.test(p.text))).toEqual([]);
    expect(speech.passages.map((p) => p.text).join(' ')).not.toMatch(/\b2[1-4]\b/);
    expect(speech.text).not.toContain('General Assembly - Fiftieth session');
  });
});

describe('numbered lines that are the text, and the first page’s recycling line (fresh held-out agreement)', () => {
  it('keeps a treaty’s "Article 1", "Article 2", … and drops "Please recycle"', async () => {
    const article = (n: number, title: string, text: string) => `Article ${n}\n${title}\n\n1. ${text}\n`;
    const [letter] = await documentsOf({
      'agreement.txt': [
        'United Nations S/2026/561',
        '',
        'Security Council Distr.: General',
        '15 June 2026',
        '',
        'Letter dated 12 June 2026 from the Permanent Representative of Kaldora to the United Nations addressed to the Secretary-General',
        '',
        'I have the honour to transmit herewith the text of the Agreement between our two Governments (see annex).',
        '',
        '(Signed) Teodor Vask',
        'Permanent Representative',
        '',
        '26-10447 (E) 170626',
        '',
        '*2610447*',
        'Please recycle',
        '',
        'S/2026/561',
        '',
        'Annex',
        '',
        'Agreement on the Cessation of Hostilities',
        '',
        article(1, 'Definitions', 'For the purposes of the present Agreement, the Zone means the area along the line.'),
        article(2, 'Ceasefire', 'The Parties shall cease all hostilities from the day after signature.'),
        article(3, 'Withdrawal of forces', 'Each Party shall withdraw its forces within 30 days of signature.'),
        article(4, 'Entry into force', 'The present Agreement shall enter into force on signature.'),
        '26-10447 2/2',
        '',
      ].join('\n'),
    });
    const texts = letter?.passages.map((p) => p.text) ?? [];
    expect(texts).not.toContain('Please recycle');
    for (const n of [1, 2, 3, 4]) expect(texts.some((t) => t.startsWith(`Article ${n} `))).toBe(true);
  });
});

describe('a header of the symbol and the short title atop a page (user trial 32)', () => {
  const entries = (lines: string[]) => lines.map((text) => ({ text, formFeedBefore: false }));

  it('is furniture after a footer when the text printed the symbol and the title before', () => {
    const found = findFurniture(
      entries([
        'United Nations S/2026/77',
        'Situation in the Aster valley: report of the Secretary-General',
        '1. The present report covers the period from',
        '26-01234 1/2',
        'S/2026/77 Situation in the Aster valley: report of the Secretary-General',
        'January to March 2026.',
      ]),
    );
    expect(found[4]).not.toBeNull();
    expect(found[2]).toBeNull();
  });

  it('is text when its words were not printed before, or no footer stands above it', () => {
    const cutSentence = findFurniture(
      entries(['United Nations S/2026/77', '1. The Council received', '26-01234 1/2', 'S/2026/77 contains the figures for March.']),
    );
    expect(cutSentence[3]).toBeNull();
    const noBreak = findFurniture(
      entries(['United Nations S/2026/77', 'Situation in the Aster valley', 'S/2026/77 Situation in the Aster valley']),
    );
    expect(noBreak[2]).toBeNull();
  });
});

describe('the mark that the text goes on overleaf (user trial 33)', () => {
  it('is furniture alone on its line, "/..." at a page foot of before about 2000', () => {
    const found = findFurniture(
      ['1. The talks were held at Lake Virel.', '/...', 'A/51/288', 'English', 'Page 3'].map(
        (text) => ({ text, formFeedBefore: false }),
      ),
    );
    expect(found[1]).not.toBeNull();
    expect(found[0]).toBeNull();
  });
});
