import { describe, expect, it } from 'vitest';
import { MAX_PASSAGE_CHARS } from '../../src/corpus/index.ts';
import { captionLines, isTable, isTableText, rowStarts, tablesWithin, tableText } from '../../src/corpus/tables.ts';
import { conceptOf } from '../../src/search/analyze.ts';
import { countsOf } from '../../src/search/evidence.ts';
import { pickExcerpt } from '../../src/search/excerpt.ts';
import { SearchIndex } from '../../src/search/index.ts';
import { answerQuestion } from '../../src/search/answer.ts';
import { documentsOf } from '../helpers.ts';

/**
 * Tables as a plain text sets them (user trial 30: a report's table was quoted as one run of
 * words and figures): rows on lines of their own, cells apart by spaces.
 */

const DISTRICTS = [
  'District        Displaced persons   Sites   Share living in camps (per cent)',
  'Vell            162 000             31      44',
  'Upper Orlen     139 000             22      61',
  'Lower Orlen     118 000             17      72',
  'Total           486 000             79      56',
];

const REPORT = [
  'Report of the Secretary-General',
  '',
  '1. The number of internally displaced persons in the valley rose sharply during the period.',
  '',
  'Table 1',
  'Internally displaced persons by district, 30 June 2025',
  '',
  ...DISTRICTS,
  '',
  '2. Humanitarian access remained severely restricted on the road to Tasker.',
  '',
].join('\n');

describe('isTable', () => {
  it('takes rows of cells apart by spaces, most with a figure, and lines a cell wraps onto', () => {
    expect(isTable(DISTRICTS, DISTRICTS.map(() => 0))).toBe(true);
    const wrapped = [
      '1     4 January 2026     Karnel, Pelino     Anti-personnel mine     0     1     Shepherd stepped on a mine while',
      '                                                                                grazing sheep',
      '2     11 January 2026    Vetrisa, Mirkova   Cluster submunition     1     2     Boy aged 9 killed',
      '3     23 January 2026    Ordany, Lenta      Anti-tank mine          2     0     Tractor destroyed',
    ];
    const indents = wrapped.map((l) => l.length - l.trimStart().length);
    expect(isTable(wrapped.map((l) => l.trim()), indents)).toBe(true);
  });

  it('takes no prose spaced twice, and no numbered paragraphs set apart from their number', () => {
    const justified = [
      'The  Assembly  met  in  New  York  to  consider  the  question  of  disarmament  and',
      'the  reports  of  the  Committee,  which  had  met  three  times  during  the  year,',
      'and  it  decided  to  continue  its  work  at  the  next  session  of  the  Assembly.',
    ];
    expect(isTable(justified, [0, 0, 0])).toBe(false);
    const numbered = [
      '17.   The United Nations was set up for the main purpose of maintaining world security.',
      '18.   Fifty-nine States are here convened to exercise their lawful functions.',
      '19.   The Argentine delegation comes to this Assembly to occupy its place.',
    ];
    expect(isTable(numbered, [0, 0, 0])).toBe(false);
    expect(isTable(DISTRICTS.slice(0, 2), [0, 0])).toBe(false);
  });
});

describe('tableText', () => {
  it('puts each row on a line of its own, its cells one space apart, a wrapped line set in', () => {
    const text = tableText(
      ['Group   Persons', 'Women and girls        14 996', 'Of whom: children', 'see note'],
      [0, 0, 0, 8],
    );
    expect(text).toBe('Group Persons\nWomen and girls 14 996\nOf whom: children\n   see note');
    expect(isTableText(text)).toBe(true);
    // Text of several blocks, as the index reads a document's opening, is no table.
    expect(isTableText('United Nations S/2026/1\n\nDistr.: General')).toBe(false);
    // A long table is cut before its rows, never before a line its cells wrap onto.
    expect(rowStarts(text)).toEqual([14, 37]);
  });
});

describe('a document with a table', () => {
  it('keeps the table a passage of its own, row by row, its caption heading it, between the paragraphs around it', async () => {
    const [report] = await documentsOf({ 'report.txt': REPORT });
    const table = report?.passages.find((p) => isTableText(p.text));
    expect(table?.text).toBe(
      [
        'District Displaced persons Sites Share living in camps (per cent)',
        'Vell 162 000 31 44',
        'Upper Orlen 139 000 22 61',
        'Lower Orlen 118 000 17 72',
        'Total 486 000 79 56',
      ].join('\n'),
    );
    // Its caption heads it: never quoted alone.
    const caption = report?.passages[report.passages.indexOf(table as never) - 1];
    expect(caption?.text).toBe('Table 1 Internally displaced persons by district, 30 June 2025');
    expect(caption?.role).toBe('heading');
    // The paragraph after it is its own passage, not joined to the table's last row.
    expect(report?.passages.some((p) => p.text.startsWith('2. Humanitarian access'))).toBe(true);
    expect(report?.text.includes(table?.text ?? '-')).toBe(true);
  });

  it('cuts a table longer than a passage between its rows', async () => {
    const rows = Array.from(
      { length: 60 },
      (_, i) => `District number ${i + 1} of the northern province      ${1000 + i}      ${i}`,
    );
    const [long] = await documentsOf({ 'long.txt': ['Report', '', 'Region      Persons      Sites', ...rows, ''].join('\n') });
    const pieces = long?.passages.filter((p) => isTableText(p.text) || /^District number/.test(p.text)) ?? [];
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(p.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
      expect(p.text).toMatch(/^(?:Region|District number)/);
    }
  });

  it('is quoted whole, and answers for the figure its header or its row names', async () => {
    const letters = await documentsOf({ 'report.txt': REPORT });
    const table = letters[0]?.passages.find((p) => isTableText(p.text))?.text ?? '';
    expect(pickExcerpt(table, new Map([[conceptOf('vell'), 1]])).text).toBe(table);
    // "Displaced persons" heads the rows that "162 000" stands in; "Women and girls" names its row.
    const counted = (word: string) => countsOf(table, { wanted: new Set([conceptOf(word)]), stated: [] }, 1);
    expect(counted('persons')).toBe(1);
    expect(counted('sites')).toBe(1);
    expect(countsOf('Group Persons\nWomen and girls 14 996\nBoys under 18 10 134\nMen 9 000', { wanted: new Set([conceptOf('women')]), stated: [] }, 1)).toBe(1);
    const answer = answerQuestion(SearchIndex.build(letters), 'how many displaced persons were there in Vell');
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]?.text).toBe(table);
  });
});

/**
 * A table as most text extracted from a PDF sets it: cells a single space apart, its caption a
 * line above the row that heads its columns.
 */
const SPACED = [
  'Report of the Secretary-General',
  '',
  '4. By the end of the year, most of the families had moved to the new settlements built for',
  'them. The table below shows the families moved each year by district.',
  '',
  'Families moved, by district and year',
  'District 2023 2024 2025 Total',
  'Norvel 212 318 95 625',
  'Upper Kesh 140 0 77 217',
  'Total 352 318 172 842',
  '',
  '5. The remaining families are expected to move in 2026 once the road is finished.',
  '',
].join('\n');

describe('a table whose cells a single space parts', () => {
  it('is told by rows that end with figures, not by prose that ends with one', () => {
    const lines = SPACED.split('\n').slice(6, 10);
    expect(isTable(lines, [0, 0, 0, 0])).toBe(true);
    const prose = [
      'The Mission counted 212 incidents in 2024, against 140 in the year before, and the',
      'figures for the first quarter of 2025 show 95 more, of which 12 took place in the',
      'north, where access has been limited since April 2024 by the closure of the road.',
    ];
    expect(isTable(prose, [0, 0, 0])).toBe(false);
    expect(captionLines(SPACED.split('\n').slice(5, 10))).toBe(1);
    expect(captionLines(DISTRICTS)).toBe(0);
  });

  it('keeps its rows on their lines, its caption heading it, and ranks first for a row and a year', async () => {
    const letters = await documentsOf({ 'report.txt': SPACED, 'other.txt': REPORT });
    const passages = letters.find((l) => l.passages.some((p) => p.text.startsWith('4. By the end')))?.passages ?? [];
    const table = passages.find((p) => isTableText(p.text));
    expect(table?.text).toBe(SPACED.split('\n').slice(6, 10).join('\n'));
    const caption = passages[passages.indexOf(table as never) - 1];
    expect(caption?.text).toBe('Families moved, by district and year');
    expect(caption?.role).toBe('heading');
    // A caption may end with its figures' unit in brackets (user trial 33).
    const [funded] = await documentsOf({
      'funding.txt': SPACED.replace('Families moved, by district and year', 'Funds received, by district and year (United States dollars)'),
    });
    const unitCaption = funded?.passages.find((p) => p.text.startsWith('Funds received'));
    expect(unitCaption?.role).toBe('heading');
    expect(passages.some((p) => p.text.startsWith('5. The remaining families'))).toBe(true);
    const answer = answerQuestion(SearchIndex.build(letters), 'how many families moved from Upper Kesh in 2025');
    expect([...answer.results, ...(answer.related ?? [])][0]?.text).toBe(table?.text);
  });
});

describe('a table with its label and title, as a report prints it (user trial 34)', () => {
  const TABLE = [
    'Table 1',
    'Internally displaced persons by province, as at 31 March 2026',
    'Province          Displaced persons      Sites',
    'Arlen                       184 500         42',
    'Brosk                        96 200         17',
    'Total                       280 700         59',
  ];
  const PROSE_ABOVE = [
    '7. As at 31 March 2026, 280,700 persons remained internally displaced, most of',
    'them in sites in Arlen province, as shown in table 1.',
  ];
  const PROSE_BELOW = [
    '8. The humanitarian response plan, which seeks 612 million United States dollars,',
    'was 18 per cent funded as at 31 March 2026.',
  ];

  it('is a table: its label and title are its caption, not rows', () => {
    expect(isTable(TABLE, TABLE.map(() => 0))).toBe(true);
    expect(captionLines(TABLE)).toBe(2);
  });

  it('stands apart from the paragraphs around it, with or without blank lines between, its rows on their lines', async () => {
    for (const text of [
      ['Report', '', ...PROSE_ABOVE, ...TABLE, ...PROSE_BELOW, ''],
      ['Report', '', ...PROSE_ABOVE, '', ...TABLE, '', ...PROSE_BELOW, ''],
    ]) {
      const [report] = await documentsOf({ 'report.txt': text.join('\n') });
      const texts = report?.passages.map((p) => p.text) ?? [];
      expect(texts).toContain('Table 1 Internally displaced persons by province, as at 31 March 2026');
      expect(texts).toContain(
        ['Province Displaced persons Sites', 'Arlen 184 500 42', 'Brosk 96 200 17', 'Total 280 700 59'].join('\n'),
      );
      expect(texts.filter((t) => t.startsWith('7. ') || t.startsWith('8. '))).toEqual([
        `${PROSE_ABOVE.join(' ')}`,
        `${PROSE_BELOW.join(' ')}`,
      ]);
    }
  });

  it('leaves prose whose lines end with figures alone', () => {
    expect(tablesWithin([...PROSE_ABOVE, ...PROSE_BELOW])).toEqual([]);
    expect(tablesWithin([...PROSE_ABOVE, ...TABLE, ...PROSE_BELOW])).toEqual([{ from: 2, to: 8 }]);
  });
});
