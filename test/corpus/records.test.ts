import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Document, loadCorpus } from '../../src/corpus/index.ts';
import { turnOf } from '../../src/corpus/meeting-record.ts';
import { formatCitation, speaker } from '../../src/search/cite.ts';
import { documentsOf, RECORDS_DIR, tempDir } from '../helpers.ts';

/**
 * A meeting's verbatim record (user trial 27: every turn of S/PV.9871 was "The Security Council
 * says:"): its masthead gives symbol, date and title, its turns say who speaks each passage.
 */
let record: Document;
beforeAll(async () => {
  const corpus = await loadCorpus(RECORDS_DIR);
  expect(corpus.problems).toEqual([]);
  record = corpus.letters[0] as Document;
});

const turns = (document: Document) =>
  document.passages.map((p) => [p.text.slice(0, 28), p.speaker ?? null]);

describe('a verbatim record of a meeting', () => {
  it('is read from its masthead: symbol, day, the organ that met and the agenda', () => {
    expect(record).toMatchObject({
      symbol: 'S/PV.9999',
      date: '2025-06-03',
      kind: 'record',
      author: 'Security Council',
      title: 'Security Council, 9999th meeting: The situation in the Lake Veran region',
      speakers: [
        'The President',
        'Ms. Lindqvist',
        'Mr. Costa (Brazil)',
        'Ms. Dubois (France)',
        'Mr. Sato (Japan)',
        'The President (Nigeria)',
      ],
    });
    // The members' list, with its dot leaders, and the record's notice are no passages.
    expect(record.passages.some((p) => /\. \. \.|This record contains/.test(p.text))).toBe(false);
  });

  it('marks each passage of a turn with its speaker, until the next turn or a line of the record', () => {
    expect(turns(record)).toEqual([
      ['The meeting was called to or', null],
      ['Adoption of the agenda', null],
      ['The agenda was adopted.', null],
      ['The situation in the Lake Ve', null],
      ['The President: I give the fl', 'The President'],
      ['Ms. Lindqvist: Since January', 'Ms. Lindqvist'],
      ['The President: I thank Ms. L', 'The President'],
      ['Mr. Costa (Brazil): Brazil i', 'Mr. Costa (Brazil)'],
      ['Ms. Dubois (France) (spoke i', 'Ms. Dubois (France)'],
      ['The rains begin in July. Eve', 'Ms. Dubois (France)'],
      ['Mr. Sato (Japan): Japan supp', 'Mr. Sato (Japan)'],
      // The President speaks for a State until resuming the chair.
      ['The President: I shall now m', 'The President (Nigeria)'],
      ['Nigeria will send 200 tonnes', 'The President (Nigeria)'],
      ['I now resume my functions as', 'The President (Nigeria)'],
      ['The meeting rose at 11.20 a.', null],
    ]);
  });

  it('reads the same turns from text with no blank line between paragraphs, as PDFs give it', async () => {
    const dir = await tempDir();
    const text = await import('node:fs/promises').then((fs) =>
      fs.readFile(path.join(RECORDS_DIR, 's-pv-9999.txt'), 'utf8'),
    );
    const [front = '', body = ''] = text.split('The meeting was called');
    await writeFile(path.join(dir, 's-pv-9999.txt'), `${front}The meeting was called${body.replace(/\n\n/g, '\n')}`);
    const [flat] = (await loadCorpus(dir)).letters;
    expect(flat?.speakers).toEqual(record.speakers);
    expect(flat?.passages.find((p) => p.text.startsWith('Mr. Sato'))?.speaker).toBe('Mr. Sato (Japan)');
    expect(flat?.passages.at(-1)?.text).toBe('The meeting rose at 11.20 a.m.');
  });

  it('quotes a turn as its speaker’s, cited by the record’s symbol', () => {
    const dubois = record.passages.find((p) => p.text.startsWith('The rains')) ;
    expect(dubois && speaker(record, dubois)).toBe('Ms. Dubois (France)');
    expect(dubois && formatCitation(record, dubois)).toMatch(/^S\/PV\.9999, 3 June 2025, passage \d+/);
    // The record's own line ("The meeting was called to order at …") is no one's words but the
    // record's (user trial 31), not the Council's.
    const opening = record.passages[0];
    expect(opening?.text).toMatch(/^The meeting was called to order/);
    expect(opening && speaker(record, opening)).toBe('The record');
  });
});

describe('a plenary meeting’s record (user trial 28)', () => {
  it('takes its agenda item from after the opening line, without the documents under it', async () => {
    const [record] = await documentsOf({
      'a-81-pv-19.txt': [
        'United Nations A/81/PV.19',
        'General Assembly',
        'Eighty-first session',
        '19th plenary meeting',
        'Wednesday, 21 October 2026, 10 a.m.',
        'New York',
        '',
        'The meeting was called to order at 10.05 a.m.',
        '',
        'Agenda item 71',
        'Assistance in mine action',
        'Report of the Secretary-General (A/81/287)',
        '',
        'The President: I give the floor to the representative of Tarsenia.',
        '',
        'Ms. Dobrasz (Tarsenia): I have the honour to introduce draft resolution A/81/L.9.',
        '',
      ].join('\n'),
    });
    expect(record?.title).toBe('General Assembly, 19th plenary meeting: Assistance in mine action');
    expect(record?.speakers).toEqual(['The President', 'Ms. Dobrasz (Tarsenia)']);
  });
});

describe('a turn', () => {
  it('opens with who speaks, a State or office in brackets, how the words came, and a colon', () => {
    expect(turnOf('Mr. Nebenzia (Russian Federation) (spoke in Russian): We are')).toBe('Mr. Nebenzia (Russian Federation)');
    expect(turnOf('The Acting President: I now call on')).toBe('The Acting President');
    expect(turnOf('The President (spoke in Arabic): I thank')).toBe('The President');
    expect(turnOf('Mr. ADODO (Togo): Mr. President, the Togolese delegation')).toBe('Mr. ADODO (Togo)');
    expect(turnOf('Ms. Fernández de Soto (Colombia): Thank you')).toBe('Ms. Fernández de Soto (Colombia)');
  });

  it('is no other line with a colon', () => {
    for (const text of [
      'Members: Brazil',
      'The Government of Testland notes: first,',
      'Mr. President, I thank you: we are',
      'Note: the figures are provisional.',
      'Mr. Costa (Brazil) (Chair of the Committee) (spoke in French): We',
    ])
      expect(turnOf(text)).toBeNull();
  });

  it('needs two in a document: one "Mr. X: …" is no meeting', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'statement.txt'),
      'Statement by Testland on fisheries\n\nMr. Varga: We fished 300 tonnes in 2024.\n\nTestland will fish less.\n',
    );
    const [statement] = (await loadCorpus(dir)).letters;
    expect(statement?.passages.every((p) => p.speaker === undefined)).toBe(true);
    expect(statement?.speakers).toBeUndefined();
  });
});

describe("a meeting record's vote (user trial 33)", () => {
  it('is one passage: the vote taken, its lists and its outcome, when they fit in one', async () => {
    const [record] = await documentsOf({
      'pv.md': [
        '---',
        'title: "General Assembly, 47th plenary meeting"',
        'date: 2025-11-12',
        'author: "General Assembly"',
        'kind: record',
        '---',
        'The President: The Assembly will now take a decision on draft resolution A/80/L.21.',
        '',
        'A recorded vote was taken.',
        '',
        'In favour:',
        'Alvera, Andessa, Belmora',
        '',
        'Against:',
        'Drovenia, Ostravel, Valmoria',
        '',
        'Abstaining:',
        'Esterbay, Kuralia',
        '',
        'Draft resolution A/80/L.21 was adopted by 3 votes to 3, with 2 abstentions (resolution 80/61).',
        '',
        'The President: I now give the floor to those who wish to explain their vote.',
        '',
      ].join('\n'),
    });
    const texts = record?.passages.map((p) => p.text) ?? [];
    expect(texts).toContain(
      'A recorded vote was taken. In favour: Alvera, Andessa, Belmora Against: Drovenia, Ostravel, Valmoria Abstaining: Esterbay, Kuralia Draft resolution A/80/L.21 was adopted by 3 votes to 3, with 2 abstentions (resolution 80/61).',
    );
    // No one's words: the record's own.
    const vote = record?.passages.find((p) => p.text.startsWith('A recorded vote'));
    expect(vote?.speaker).toBeUndefined();
  });
});
