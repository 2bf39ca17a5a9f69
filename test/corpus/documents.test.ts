import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addLetter } from '../../src/corpus/add.ts';
import { type Corpus, type Document, loadCorpus, MAX_PASSAGE_CHARS } from '../../src/corpus/index.ts';
import { renderCitations, renderLetter, renderLettersPage } from '../../src/render/discord.ts';
import { renderLetterText } from '../../src/render/text.ts';
import { formatCitation, formatStyledCitation } from '../../src/search/cite.ts';
import type { IndexInfo } from '../../src/serving/state.ts';
import { CORPUS_DIR, documentOf, documentsOf, ROOT, SEED, tempDir } from '../helpers.ts';

/** Small documents of every shape issue 22 names, written for these tests (not UN texts). */
const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'documents');

let corpus: Corpus;
const doc = (id: string): Document => documentOf(corpus, id);
const info: IndexInfo = {
  letters: 6,
  noun: 'document',
  passages: 20,
  from: '2019',
  to: '2025-03-04',
  builtAt: new Date('2025-01-01T00:00:00Z'),
};

beforeAll(async () => {
  corpus = await loadCorpus(FIXTURES);
});

describe('documents that are not letters', () => {
  it('all load, undated first, then by date as far as it is known', () => {
    expect(corpus.problems.map((p) => p.message)).toEqual([]);
    expect(corpus.letters.map((d) => [d.id, d.date])).toEqual([
      ['hyphenated', ''],
      ['no-metadata', ''],
      ['ocr-hard-wrapped', ''],
      ['year-only', '2019'],
      ['speech-front-matter', '2025'],
      ['statement', '2025-03-04'],
    ]);
  });

  it('a statement: kind, author, title and date from its title and date lines', () => {
    expect(doc('statement')).toMatchObject({
      kind: 'statement',
      title:
        'Statement by the Ministry of Foreign Affairs of the Republic of Testland on the floods in the Veyra valley',
      author: 'Ministry of Foreign Affairs of the Republic of Testland',
      date: '2025-03-04',
      symbol: null,
      sources: { title: 'text', date: 'text', author: 'text', kind: 'text' },
    });
    expect(doc('statement').passages.map((p) => p.text.slice(0, 30))).toEqual([
      'The Ministry of Foreign Affair',
      'According to the National Emer',
      'The Government of Testland tha',
    ]);
  });

  it('a speech with front matter: a bare year as its date, its author, kind and language', () => {
    expect(doc('speech-front-matter')).toMatchObject({
      kind: 'speech',
      title: 'Statement by Testland in the general debate of the 80th session of the General Assembly',
      author: 'Testland',
      date: '2025',
      language: 'en',
      sources: { title: 'front matter', date: 'front matter', author: 'front matter', kind: 'front matter' },
    });
    expect(doc('speech-front-matter').passages[1]?.text).toBe(
      'Our country has cleared 4,800 hectares of land of mines since 2020, and we thank every partner that made it possible.',
    );
  });

  it('hard-wrapped OCR text without blank lines: its paragraphs, no page number, no byte-order mark', () => {
    const passages = doc('ocr-hard-wrapped').passages;
    expect(passages[0]?.text).toBe(
      '1. It is an honour for my delegation to address this Assembly at a time when the small island States of the Pacific face a rising sea.',
    );
    expect(passages[1]?.text).toMatch(/^2\. Our islands have lost 14 kilometres .* in one decade\.$/);
    expect(passages.at(-1)?.text).toMatch(/^4\. We therefore ask the Assembly/);
    const third = passages.filter((p) => /In the district of Sela/.test(p.text));
    // Paragraph 3 is too long to quote whole: it is quoted in pieces, cut at sentence ends.
    expect(third.length).toBeGreaterThan(1);
    for (const p of passages) expect(p.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
    for (const p of third) expect(p.text).toMatch(/bleach\.$/);
    expect(third.map((p) => p.text).join(' ')).toMatch(/number 9, .*number 10, /);
    // The page number "17" on a line of its own is gone; "17 per cent" stays.
    expect(passages.map((p) => p.text).join(' ')).not.toMatch(/\b17 (?!per cent)|\uFEFF/);
  });

  it('hard-wrapped text whose title and date lines have no blank line under them: they are its title and date, not its first passage', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'fisheries.txt'),
      [
        'Statement by the Ministry of Foreign Affairs of Testland on coastal fisheries',
        '2 March 2024',
        'The Ministry of Foreign Affairs of Testland notes with concern that the catch of',
        'the coastal fleet fell by 11 per cent in 2023, and that 40 vessels stayed in port',
        'for more than three months because of the closure of the northern grounds.',
        '',
      ].join('\n'),
    );
    const [statement] = (await loadCorpus(dir)).letters;
    expect(statement).toMatchObject({
      title: 'Statement by the Ministry of Foreign Affairs of Testland on coastal fisheries',
      date: '2024-03-02',
      kind: 'statement',
      author: 'Ministry of Foreign Affairs of Testland',
    });
    expect(statement?.passages.map((p) => p.text)).toEqual([
      'The Ministry of Foreign Affairs of Testland notes with concern that the catch of the coastal fleet fell by 11 per cent in 2023, and that 40 vessels stayed in port for more than three months because of the closure of the northern grounds.',
    ]);
  });

  it('hard-wrapped text under an all-capitals heading and a dated line, no blank line between: its title, and its date and author from that line, which stays a passage of its own', async () => {
    const dir = await tempDir();
    const body = [
      'The coastal fleet of Sylvania landed 41,000 tonnes of fish in 2023, a fall of 11 per',
      'cent from the year before. Forty vessels stayed in port for more than three months',
      'because of the closure of the northern grounds, and 120 fishers lost their work.',
    ];
    await writeFile(
      path.join(dir, 'sylvania-report-fisheries.txt'),
      [
        'REPORT ON THE STATE OF COASTAL FISHERIES IN SYLVANIA',
        'Submitted 2 March 2024 by the Ministry of Agriculture and Fisheries of Sylvania',
        ...body,
        '',
      ].join('\n'),
    );
    // The same with blank lines: the dated line under the title is the title's, too.
    await writeFile(
      path.join(dir, 'spaced.txt'),
      [
        'REPORT ON THE STATE OF COASTAL FISHERIES IN SYLVANIA',
        '',
        'Submitted 2 March 2024 by the Ministry of Agriculture and Fisheries of Sylvania',
        '',
        ...body,
        '',
      ].join('\n'),
    );
    const loaded = await loadCorpus(dir);
    expect(loaded.problems).toEqual([]);
    for (const report of loaded.letters) {
      expect(report).toMatchObject({
        title: 'REPORT ON THE STATE OF COASTAL FISHERIES IN SYLVANIA',
        date: '2024-03-02',
        kind: 'report',
        author: 'Ministry of Agriculture and Fisheries of Sylvania',
      });
      expect(report.passages.map((p) => p.text)).toEqual([
        'Submitted 2 March 2024 by the Ministry of Agriculture and Fisheries of Sylvania',
        body.join(' '),
      ]);
    }
  });

  it('an all-capitals salutation or a block of capitals at the top is no heading: the salutation stands apart, the text after it', async () => {
    const dir = await tempDir();
    const text = [
      'MR. PRESIDENT,',
      'It is an honour to speak before this Assembly on behalf of the people of Testland, who',
      'have asked me to bring their greetings and their hopes for a peaceful year ahead.',
      '',
    ].join('\n');
    await writeFile(path.join(dir, 'salutation.txt'), text);
    const [speech] = (await loadCorpus(dir)).letters;
    expect(speech?.title).toBe('salutation');
    expect(speech?.passages.map((p) => [p.text.slice(0, 20), p.role ?? null])).toEqual([
      ['MR. PRESIDENT,', 'salutation'],
      ['It is an honour to s', null],
    ]);
  });

  it('words broken at line ends: joined when they were one word, the hyphen kept when it was theirs', () => {
    expect(doc('hyphenated').passages.map((p) => p.text)).toEqual([
      'The representative of Testland thanked the non-governmental organizations that supported the demining of the northern border, and the Secretary-General for his personal engagement. The well-being of the returning families depends on the reconstruction of their houses and on the long-term support of the international community.',
    ]);
  });

  it('a file with only a year: that year, the rest unknown, the title from the file name', () => {
    expect(doc('year-only')).toMatchObject({
      date: '2019',
      title: 'year-only',
      author: null,
      kind: 'document',
      sources: { title: 'file name', date: 'front matter', author: null, kind: null },
    });
  });

  it('a document with no metadata at all: nothing invented', () => {
    expect(doc('no-metadata')).toMatchObject({
      date: '',
      title: 'no-metadata',
      author: null,
      symbol: null,
      kind: 'document',
      sources: { title: 'file name', date: null, author: null, kind: null },
    });
    expect(doc('no-metadata').passages).toHaveLength(2);
  });
});

describe('a resolution', () => {
  it('quotes each operative paragraph as a passage of its own, apart from the preamble before it', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, '2018-07-13-s-res-2428.txt'),
      [
        '---\ntitle: Resolution 2428 (2018)\nkind: resolution\n---',
        'The Security Council,',
        'Recalling its previous resolutions and statements on the situation in South Sudan,',
        '1. Decides that all Member States shall prevent the supply of arms to South Sudan;',
        '2. Decides to remain actively seized of the matter.',
      ].join('\n\n'),
    );
    const [resolution] = (await loadCorpus(dir)).letters;
    expect(resolution?.passages.map((p) => p.text)).toEqual([
      'The Security Council,',
      'Recalling its previous resolutions and statements on the situation in South Sudan,',
      '1. Decides that all Member States shall prevent the supply of arms to South Sudan;',
      '2. Decides to remain actively seized of the matter.',
    ]);
  });
});

describe('citations, /letters, /letter and /cite for every document', () => {
  it('cites each by title and date as far as known, with no part named "letter"', () => {
    const cite = (id: string, n: number) => {
      const d = doc(id);
      const passage = d.passages.find((p) => p.n === n);
      if (!passage) throw new Error(`no passage ${n}`);
      return formatCitation(d, passage);
    };
    expect(cite('statement', 2)).toBe(
      'Statement by the Ministry of Foreign Affairs of the Republic of Testland on the floods in the Veyra valley, 4 March 2025, passage 2 (numbered by the Annex bot)',
    );
    expect(cite('speech-front-matter', 1)).toBe(
      'Statement by Testland in the general debate of the 80th session of the General Assembly, 2025, passage 1 (numbered by the Annex bot)',
    );
    expect(cite('year-only', 1)).toBe('year-only, 2019, passage 1 (numbered by the Annex bot)');
    expect(cite('no-metadata', 2)).toBe('no-metadata, date unknown, passage 2 (numbered by the Annex bot)');
    // Its paragraphs are numbered 1 to 4 in its text: passage 4 is a piece of paragraph 3.
    expect(cite('ocr-hard-wrapped', 4)).toBe('ocr-hard-wrapped, date unknown, para. 3');
    expect(cite('hyphenated', 1)).toBe('hyphenated, date unknown, passage 1 (numbered by the Annex bot)');
  });

  it('/cite gives every style with the date as far as known and the passage', () => {
    const speech = doc('speech-front-matter');
    expect(formatStyledCitation(speech, speech.passages[1] ?? null, 'un')).toBe(
      'Statement by Testland in the general debate of the 80th session of the General Assembly, 2025, passage 2 (numbered by the Annex bot)',
    );
    expect(formatStyledCitation(doc('no-metadata'), null, 'bluebook')).toBe('no-metadata (n.d.)');
    expect(formatStyledCitation(doc('statement'), null, 'oscola')).toBe(
      "'Statement by the Ministry of Foreign Affairs of the Republic of Testland on the floods in the Veyra valley' (4 March 2025)",
    );
    for (const d of corpus.letters) {
      const reply = renderCitations(d, d.passages[0] ?? null, info);
      const own = d.id === 'ocr-hard-wrapped' ? ' (para. 1)' : '';
      expect(reply.embeds[0]?.title).toBe(`Cite passage 1${own} of this ${d.kind}`);
      expect(reply.embeds[0]?.fields).toHaveLength(3);
    }
  });

  it('/letters lists every document with its date as known, kind and author, under "Documents"', () => {
    const reply = renderLettersPage(corpus.letters, 0, info, '1');
    const embed = reply.embeds[0];
    expect(embed?.title).toBe('Documents indexed: 6');
    expect(embed?.description).toContain('**4 March 2025** · *no symbol in text* · statement by the Ministry of Foreign Affairs of the Republic of Testland');
    expect(embed?.description).toContain('**2025** · *no symbol in text* · speech by Testland');
    expect(embed?.description).toContain('**2019** · *no symbol in text* · document\nyear-only');
    expect(embed?.description).toContain('**date unknown** · *no symbol in text* · document\nno-metadata');
    expect(embed?.footer?.text).toContain('6 documents · index built 2025-01-01 00:00 UTC');
    expect(embed?.footer?.text).not.toMatch(/letters/);
  });

  it('/letter shows the author, and an unknown date or author as unknown', () => {
    const fields = (id: string) =>
      Object.fromEntries((renderLetter(doc(id), info).embeds[0]?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields('no-metadata')).toMatchObject({ Date: 'date unknown', Author: 'unknown', Kind: 'document' });
    expect(fields('speech-front-matter')).toMatchObject({ Date: '2025', Author: 'Testland', Kind: 'speech' });
    expect(fields('speech-front-matter')).not.toHaveProperty('To');
    expect(renderLetterText(doc('year-only'))).toContain('  Date:         2019\n');
  });
});

describe('cli add writes what the operator says as front matter', () => {
  it('adds a file whose name starts with its date under that name, not with the date twice', async () => {
    const dir = await tempDir();
    const source = path.join(await tempDir(), '2024-03-02-sylvania-fisheries.txt');
    await writeFile(source, 'Statement by Sylvania on fisheries\n2 March 2024\nThe fleet landed 41,000 tonnes of fish in 2023.\n');
    const { letter, written } = await addLetter(source, dir);
    expect(letter.id).toBe('2024-03-02-sylvania-fisheries');
    expect(written).toEqual([path.join(dir, '2024-03-02-sylvania-fisheries.txt')]);
  });

  it('adds a plain speech with --title --date --author --kind, and it loads with them', async () => {
    const dir = await tempDir();
    const source = path.join(await tempDir(), 'NOR_52_1997.txt');
    await writeFile(source, '\uFEFFFirst, I join other speakers in congratulating you.\n\nNorway intends to\nprovide $100 million for mine clearance.\n');
    const { letter, written, missing } = await addLetter(source, dir, {
      title: 'Statement by Norway in the general debate of the 52nd session of the General Assembly',
      date: '1997',
      author: 'Norway',
      kind: 'Speech',
    });
    expect(await readFile(written[0] ?? '', 'utf8')).toBe(
      '---\ntitle: Statement by Norway in the general debate of the 52nd session of the General Assembly\ndate: 1997\nauthor: Norway\nkind: speech\n---\nFirst, I join other speakers in congratulating you.\n\nNorway intends to\nprovide $100 million for mine clearance.\n',
    );
    expect(letter).toMatchObject({ id: '1997-nor-52-1997', date: '1997', author: 'Norway', kind: 'speech' });
    expect(missing).toEqual(['symbol (add with --symbol)', 'page numbers']);
    const { letters, problems } = await loadCorpus(dir);
    expect(problems).toEqual([]);
    expect(letters[0]).toMatchObject({ title: letter.title, date: '1997', author: 'Norway', kind: 'speech' });
    expect(letters[0]?.passages.map((p) => p.text)).toEqual([
      'First, I join other speakers in congratulating you.',
      'Norway intends to provide $100 million for mine clearance.',
    ]);
  });

  it('refuses a date that is no date, naming the option, and writes nothing', async () => {
    const dir = await tempDir();
    const source = path.join(await tempDir(), 'speech.txt');
    await writeFile(source, 'We are here.\n');
    await expect(addLetter(source, dir, { date: 'last year' })).rejects.toThrow(/--date: "last year" is not a date/);
  });

  it('refuses a kind that contradicts a letter’s own heading, as a date or symbol that does, and writes nothing', async () => {
    const dir = await tempDir();
    const source = path.join(CORPUS_DIR, `${SEED.khojavand}.txt`);
    await expect(addLetter(source, dir, { kind: 'statement' })).rejects.toThrow(
      /--kind "statement" disagrees with the document's text, which says "letter"/,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('warns, naming the file, when a document looks like one already there (same title and date, nearly the same text), and adds it all the same (user trial 6)', async () => {
    const dir = await tempDir();
    const statement = await readFile(path.join(FIXTURES, 'statement.txt'), 'utf8');
    await writeFile(path.join(dir, 'testland-floods.txt'), statement);
    const source = path.join(await tempDir(), 'testland-floods-2.txt');
    await writeFile(source, statement.replace('deep sorrow', 'deepest sorrow'));
    const { written, warnings } = await addLetter(source, dir);
    expect(written).toHaveLength(1);
    const [warning, ...more] = warnings.filter((w) => /looks like/.test(w.problem)).map((w) => w.problem);
    expect(more).toEqual([]);
    expect(warning).toContain(`looks like ${path.join(dir, 'testland-floods.txt')} (testland-floods)`);
    expect(warning).toMatch(/same title and date/);
    expect(warning).toMatch(/text \d+% the same/);
    expect(warning).toContain(`delete ${path.join(dir, 'testland-floods.txt')}`);
  });

  it('warns of nearly the same text of the same date under another symbol: a press release issued again with one figure changed (user trial 13)', async () => {
    const dir = await tempDir();
    const release = await readFile(path.join(ROOT, 'test/fixtures/non-letters/hospital-attack-press-release.txt'), 'utf8');
    await writeFile(path.join(dir, 'hospital-attack.txt'), release);
    const source = path.join(await tempDir(), 'hospital-attack-2.txt');
    await writeFile(source, release.replace('SG/SM/23311', 'SG/SM/23312').replace('40,000 people', '45,000 people'));
    const { warnings } = await addLetter(source, dir, {}, { dryRun: true });
    const [warning, ...more] = warnings.filter((w) => /looks like/.test(w.problem)).map((w) => w.problem);
    expect(more).toEqual([]);
    expect(warning).toContain(`looks like ${path.join(dir, 'hospital-attack.txt')} (hospital-attack)`);
    expect(warning).toMatch(/text 9\d% the same/);
  });

  it('does not warn of a document of the same date that is another text, nor of one with the same title and another date', async () => {
    const dir = await tempDir();
    const statement = await readFile(path.join(FIXTURES, 'statement.txt'), 'utf8');
    await writeFile(path.join(dir, 'testland-floods.txt'), statement);
    const sameDate = path.join(await tempDir(), 'fisheries.txt');
    await writeFile(sameDate, 'Statement by Sylvania on fisheries\n4 March 2025\nThe fleet landed 41,000 tonnes of fish in 2023.\n');
    expect((await addLetter(sameDate, dir)).warnings.map((w) => w.problem).join('\n')).not.toMatch(/looks like/);
    const nextYear = path.join(await tempDir(), 'floods-2026.txt');
    await writeFile(nextYear, statement.replace('4 March 2025', '4 March 2026').replace(/the floods that struck[^.]*\./, 'the floods of this year.'));
    expect((await addLetter(nextYear, dir)).warnings.map((w) => w.problem).join('\n')).not.toMatch(/looks like/);
  });

  it('--dry-run: says what it would write (file name and front matter) and writes nothing', async () => {
    const dir = await tempDir();
    const source = path.join(await tempDir(), 'NOR_52_1997.txt');
    await writeFile(source, 'First, I join other speakers in congratulating you.\n');
    const { written, wouldWrite } = await addLetter(source, dir, { title: 'Statement by Norway: a speech', date: '1997' }, { dryRun: true });
    expect(written).toEqual([]);
    expect(wouldWrite).toEqual({
      file: path.join(dir, '1997-nor-52-1997.txt'),
      frontMatter: '---\ntitle: "Statement by Norway: a speech"\ndate: 1997\n---\n',
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a kind that is no word, naming the option, and writes nothing', async () => {
    const dir = await tempDir();
    const source = path.join(await tempDir(), 'speech.txt');
    await writeFile(source, 'We are here.\n');
    await expect(addLetter(source, dir, { kind: '7' })).rejects.toThrow(/bad option: --kind: "7" is not a kind of document/);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('a year alone on a line (user trial 31)', () => {
  it('is the date a title began on the line before, not a page number', async () => {
    const [letter] = await documentsOf({
      'list.txt': [
        'Letter dated 3 September 2025 from the Permanent Representative of Testland to the United Nations addressed to the Secretary-General',
        '',
        'I have the honour to transmit herewith a list of attacks on the civilian population (see annex).',
        '',
        '(Signed) Petar Dravic',
        '',
        'Annex to the letter dated 3 September 2025 from the Permanent Representative of',
        'Testland to the United Nations addressed to the Secretary-General',
        '',
        'List of attacks against the civilian population of the Teral region, 1 to 31 August',
        '2025',
        '',
        '1. 2 August 2025, Pellin village: mortar shelling of a residential street.',
        '',
      ].join('\n'),
    });
    expect(letter?.annexes[0]?.title).toBe(
      'List of attacks against the civilian population of the Teral region, 1 to 31 August 2025',
    );
    expect(letter?.passages.at(-1)?.text).toBe(
      '1. 2 August 2025, Pellin village: mortar shelling of a residential street.',
    );
  });
});

describe('a report whose first section heading follows its title with no blank line (user trial 31)', () => {
  it('reads the heading as the text’s, not the end of the title: its author is the Secretary-General', async () => {
    const [report] = await documentsOf({
      'report.txt': [
        'United Nations                                                        S/2025/598',
        '',
        'Security Council                                   Distr.: General',
        '                                                   12 September 2025',
        '',
        'Situation in the Teral region of Marvonia',
        'Report of the Secretary-General',
        'I. Introduction',
        '1. The present report is submitted pursuant to Security Council resolution 2761 (2025),',
        'in which the Council requested me to report every three months on the situation.',
        'II. Political developments',
        '2. The third round of the Halden talks was held in Geneva from 7 to 9 July 2025.',
        '',
      ].join('\n'),
    });
    expect(report?.title).toBe('Situation in the Teral region of Marvonia: Report of the Secretary-General');
    expect(report?.author).toBe('Secretary-General');
    expect(report?.passages.map((p) => [p.role ?? null, p.text.slice(0, 16)])).toEqual([
      ['heading', 'I. Introduction'],
      [null, '1. The present r'],
      ['heading', 'II. Political de'],
      [null, '2. The third rou'],
    ]);
  });
});
