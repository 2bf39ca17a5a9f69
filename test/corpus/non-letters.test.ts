import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Corpus, type Document, loadCorpus, MAX_PASSAGE_CHARS } from '../../src/corpus/index.ts';
import { headlineStarts, paragraphStarts } from '../../src/corpus/paragraphs.ts';
import { isSectionHeading } from '../../src/corpus/passage-roles.ts';
import { isSalutation } from '../../src/corpus/salutations.ts';
import { CORPUS_DIR, documentOf, documentsOf, NON_LETTERS_DIR, tempDir } from '../helpers.ts';

let corpus: Corpus;
const doc = (id: string): Document => documentOf(corpus, id);
const roles = (id: string) => doc(id).passages.map((p) => [p.n, p.role ?? null, p.text.slice(0, 24)]);

beforeAll(async () => {
  corpus = await loadCorpus(NON_LETTERS_DIR);
});

describe('section headings and salutations are passages that say so (user trial 13)', () => {
  it('a report: its section headings are passages with role "heading", numbered with the rest', () => {
    expect(corpus.problems).toEqual([]);
    const report = doc('children-in-disasters-report');
    expect(report.passages.map((p) => p.n)).toEqual(report.passages.map((_, i) => i + 1));
    const headings = report.passages.filter((p) => p.role === 'heading').map((p) => p.text);
    expect(headings).toContain('II. Children displaced by the Veyra floods');
    expect(headings).toContain('III. Recommendations');
    for (const p of report.passages) if (/^\d+\. /.test(p.text)) expect(p.role).toBeUndefined();
  });

  it('a speech: its salutations have role "salutation", an unnumbered heading role "heading", its paragraphs none', () => {
    expect(roles('sylvania-speech')).toEqual([
      [1, 'salutation', 'Madam President,'],
      [2, null, 'It is an honour to addre'],
      [3, 'salutation', 'Excellencies, ladies and'],
      [4, null, 'Sylvania planted 2 milli'],
      [5, 'heading', 'Our fisheries'],
      [6, null, 'The Ministry of Fisherie'],
      [7, null, 'I thank you.'],
    ]);
  });

  it('a letter’s passages have no role: its headings are its title and its annexes’', async () => {
    for (const letter of (await loadCorpus(CORPUS_DIR)).letters)
      expect(letter.passages.filter((p) => p.role !== undefined)).toEqual([]);
  });
});

describe('a lead-in ending with a colon and its list items (user trial 13)', () => {
  it('are one passage, quoted whole, in a document that is no letter', () => {
    const report = doc('children-in-disasters-report');
    const recommendations = report.passages.find((p) => p.text.startsWith('4. '));
    expect(recommendations?.text).toBe(
      '4. The Secretary-General calls upon Member States: (a) To include children in national plans for the reduction of disaster risk; (b) To reopen schools within 14 days of a disaster; (c) To collect data on displaced children by age and sex.',
    );
    expect(report.passages.some((p) => /^\([a-c]\)/.test(p.text))).toBe(false);
    expect(report.text).toContain(recommendations?.text);
  });

  it('are one passage in a letter too (user trial 24: "Kethara therefore requests:" quoted alone)', async () => {
    const [letter] = await documentsOf({
      'kethara.txt': [
        'Letter dated 2 December 2025 from the Permanent Representative of the Republic of Kethara to the United Nations addressed to the Secretary-General',
        'The locusts have reached the border districts.',
        'Kethara therefore requests:',
        '(a) An emergency allocation from the Central Emergency Response Fund;',
        '(b) Technical assistance from FAO for aerial spraying.',
        '(Signed) Mara Tolven',
      ].join('\n\n'),
    });
    expect(letter?.kind).toBe('letter');
    expect(letter?.passages.map((p) => p.text)).toContain(
      'Kethara therefore requests: (a) An emergency allocation from the Central Emergency Response Fund; (b) Technical assistance from FAO for aerial spraying.',
    );
  });

  it('stay passages of their own when together they are longer than a passage may be', async () => {
    const dir = await tempDir();
    const item = (letter: string) =>
      `(${letter}) To ${'keep the schools of the valley open and safe for every child, '.repeat(6).trim()};`;
    const items = ['a', 'b', 'c', 'd'].map(item);
    expect(items.join(' ').length).toBeGreaterThan(MAX_PASSAGE_CHARS);
    await writeFile(
      path.join(dir, 'long-list.md'),
      ['---\nkind: report\n---', 'The Government of Testland undertakes:', ...items, 'It will report in 2026.'].join('\n\n'),
    );
    const [report] = (await loadCorpus(dir)).letters;
    expect(report?.passages.map((p) => p.text.slice(0, 12))).toEqual([
      'The Governme',
      '(a) To keep ',
      '(b) To keep ',
      '(c) To keep ',
      '(d) To keep ',
      'It will repo',
    ]);
  });
});

describe('hard-wrapped text without blank lines (user trial 13)', () => {
  it('a press release: its headline, the line that says who issued it and each paragraph stand apart', () => {
    const release = doc('hospital-attack-press-release');
    const texts = release.passages.map((p) => p.text);
    expect(texts).toContain(
      'The Secretary-General strongly condemns the attack on the district hospital of Orvel, in northern Testland, in which 11 patients and 2 nurses were killed on 2 May. He extends his condolences to the families.',
    );
    expect(texts).toContain(
      'The Secretary-General calls for a prompt, independent and transparent inquiry into the attack, and reminds all parties that hospitals are protected under international humanitarian law.',
    );
    expect(texts.at(-1)).toBe('For information media. Not an official record.');
    expect(texts.filter((t) => /Condemns Attack|Calls for Prompt/.test(t))).toEqual([]);
    expect(texts.filter((t) => t.includes('Spokesperson') && t.includes('strongly condemns'))).toEqual([]);
  });

  const line = (text: string) => ({ text, indent: 0 });
  it('paragraphStarts: a short line that ends with a colon leads into a new paragraph, as a sentence end does', () => {
    const run = [
      'The following statement was issued today by the Spokesperson for the',
      'Secretary-General:',
      'The Secretary-General strongly condemns the attack on the hospital of',
      'Orvel, in which 11 patients were killed, and the attack on its staff.',
    ].map(line);
    expect(paragraphStarts(run, { usual: 70, widest: 70 })).toEqual([2]);
    // A colon at the end of a full line is no paragraph's end: the list or quotation runs on.
    const full = [
      'The Secretary-General calls upon the parties to the conflict to ensure:',
      'The safety of every hospital and of the patients and staff within it.',
    ].map(line);
    expect(paragraphStarts(full, { usual: 70, widest: 70 })).toEqual([]);
  });

  it('paragraphStarts: a sentence that ends with room for the next word within the widest line ends its paragraph, as typed text wraps (user trial 29)', () => {
    const run = [
      'These acts constitute a flagrant violation of article 2 of the',
      'Agreement, under which both parties undertook to refrain from',
      'any movement across the line under international monitors.',
      'It will be recalled that this is not the first such incident.',
    ].map(line);
    // 58 characters and "It": 61, within the widest line (62), though past 88 per cent of it.
    expect(paragraphStarts(run, { usual: 62, widest: 62 })).toEqual([3]);
    expect(paragraphStarts(run, { usual: 62, widest: 60 })).toEqual([]);
  });

  it('paragraphStarts: a numbered paragraph after a line broken short (a heading) starts a paragraph (user trial 15)', () => {
    const run = [
      'II. Political developments',
      '2. On 9 November 2025, the Transitional Council of Testland adopted the electoral law,',
      'which sets the date of the elections.',
    ].map(line);
    expect(paragraphStarts(run, { usual: 85, widest: 85 })).toEqual([1]);
    // A full line ending in a figure, then "3." wrapped on: no new paragraph.
    const wrapped = [
      'the Council extended the mandate of the Mission until 31 January 2027 and raised it to',
      '3. per cent of the budget of the year.',
    ].map(line);
    expect(paragraphStarts(wrapped, { usual: 85, widest: 85 })).toEqual([]);
  });

  it('paragraphStarts: the first numbered paragraph under a title that fills its line starts one (user trial 34)', () => {
    const run = [
      'List of violations of the airspace of the Republic of Testland, May-June 2026',
      '1. On 2 May 2026, at 0340 hours, an unmanned aerial vehicle entered the',
      'airspace of Testland near the village of Grelin and flew 6 kilometres inside.',
    ].map(line);
    expect(paragraphStarts(run, { usual: 80, widest: 80 })).toEqual([1]);
    // Prose that runs on into "1." with no title above it stays one paragraph.
    const prose = [
      'the Council extended the mandate of the Mission and asked the Secretary-General',
      '1. More to report on the matter at its next session, within the resources',
    ].map(line);
    expect(paragraphStarts(prose, { usual: 80, widest: 80 })).toEqual([]);
  });

  it('paragraphStarts: on a page left unwrapped in a wrapped text, each line of a paragraph’s length that ends a sentence ends its paragraph (fresh document 34)', () => {
    const paragraph = (words: string) =>
      `“The Security Council ${words} ${'and calls upon all parties to respect it in full, '.repeat(5)}without delay.`;
    const run = [paragraph('welcomes the talks'), paragraph('expresses concern at the incidents'), 'Short.'].map(line);
    // The text's other pages wrap at 80: these lines are longer than the widest wrapped line.
    expect(paragraphStarts(run, { usual: 80, widest: 260 })).toEqual([1, 2]);
    // A line of that length cut off mid-sentence runs on into the next.
    const cut = [`${paragraph('welcomes the talks').slice(0, -15)} and`, 'Velmora.'].map(line);
    expect(paragraphStarts(cut, { usual: 80, widest: 260 })).toEqual([]);
  });

  it('headlineStarts: title-case lines under a date line stand apart from the text under them, not a letter’s heading', () => {
    const run = [
      'SG/SM/23311',
      '3 May 2026',
      'Secretary-General Condemns Attack on District Hospital in Northern Testland,',
      'Calls for Prompt Investigation',
      'The following statement was issued today by the Spokesperson for',
    ].map(line);
    expect(headlineStarts(run, 2)).toEqual([4]);
    expect(headlineStarts(run, 0)).toEqual([]);
    const prose = ['3 May 2026', 'The hospital of Orvel in northern Testland was attacked on 2 May by', 'unknown'].map(line);
    expect(headlineStarts(prose, 1)).toEqual([]);
    const letter = [
      '3 May 2026',
      'Letter Dated 2 May 2026 from the Permanent Representative of Testland to the',
      'United Nations Addressed to the Secretary-General',
      'I have the honour to transmit to you a statement of my Government.',
    ].map(line);
    expect(headlineStarts(letter, 1)).toEqual([]);
  });
});

describe('metadata read from the text (user trial 13)', () => {
  it('a report: the session, the agenda item and its title are masthead, the subject is said once, and "I. Introduction" is its first passage', () => {
    expect(doc('children-in-disasters-report')).toMatchObject({
      title: 'Children in disasters: Report of the Secretary-General',
      symbol: 'A/79/205',
      date: '2024-07-18',
      kind: 'report',
      author: 'Secretary-General',
      sources: { title: 'text', date: 'text', author: 'text', kind: 'text' },
    });
    expect(doc('children-in-disasters-report').passages[0]).toMatchObject({ n: 1, text: 'I. Introduction', role: 'heading' });
  });

  it('a statement by a person: the State of the office is the author, and the dated line under the title stays its first passage', () => {
    const statement = doc('sylvania-minister-statement');
    expect(statement).toMatchObject({
      title:
        'Statement by H.E. Ms. Liva Ostrand, Minister for Foreign Affairs of the Republic of Sylvania, at the conference on coastal fisheries',
      author: 'Republic of Sylvania',
      kind: 'statement',
      date: '2025-05-14',
    });
    expect(statement.passages[0]?.text).toBe('Delivered on 14 May 2025 by the Minister for Foreign Affairs');
  });

  it('a statement titled in capitals: its delegation’s State is the author', () => {
    expect(doc('testland-delegation-statement')).toMatchObject({
      title: 'STATEMENT BY THE DELEGATION OF TESTLAND ON THE PROTECTION OF CULTURAL HERITAGE',
      author: 'Testland',
      kind: 'statement',
      date: '2025-06-09',
    });
  });

  it('a press release: its kind, whom it is issued for as the author, its headline as the title, and the line that says so as a passage', () => {
    const release = doc('hospital-attack-press-release');
    expect(release).toMatchObject({
      title: 'Secretary-General Condemns Attack on District Hospital in Northern Testland, Calls for Prompt Investigation',
      symbol: 'SG/SM/23311',
      date: '2026-05-03',
      kind: 'press release',
      author: 'Secretary-General',
      sources: { title: 'text', date: 'text', author: 'text', kind: 'text' },
    });
    expect(release.passages[0]?.text).toBe(
      'The following statement was issued today by the Spokesperson for Secretary-General António Guterres:',
    );
  });

  it('a press statement one paragraph a line: its headline is the title, each line a passage, the Council its author (user trial 14)', async () => {
    const paragraphs = [
      'The members of the Security Council condemned in the strongest terms the attack against a patrol of the Mission in Testland on 1 May 2026 near the town of Varn, which resulted in the death of three peacekeepers and injuries to five others.',
      'The members of the Security Council expressed their deepest condolences and sympathy to the families of the victims.',
      'The members of the Security Council called on the Government of Testland to swiftly investigate this attack.',
    ];
    const [release] = await documentsOf({
      'press-statement.txt': [
        'SC/99002',
        '3 May 2026',
        'Security Council Press Statement on Attack against Peacekeepers in Testland',
        'The following statement was issued today by Security Council President Ambassador Lena Fischer (Germany):',
        ...paragraphs,
        'For information media. Not an official record.',
      ].join('\n'),
    });
    expect(release).toMatchObject({
      kind: 'press release',
      author: 'Security Council',
      title: 'Security Council Press Statement on Attack against Peacekeepers in Testland',
    });
    // The usual wording names the organ before the statement (user trial 15).
    const [usual] = await documentsOf({
      'press-statement.txt': [
        'SC/99002',
        '3 May 2026',
        'Security Council Press Statement on Attack in Varn',
        'The following Security Council press statement was issued today by Council President Mariana Oyelaran (Guyana):',
        ...paragraphs,
        'For information media. Not an official record.',
      ].join('\n\n'),
    });
    expect(usual?.author).toBe('Security Council');
    expect(release?.passages.map((p) => p.text)).toEqual([
      'The following statement was issued today by Security Council President Ambassador Lena Fischer (Germany):',
      ...paragraphs,
      'For information media. Not an official record.',
    ]);
  });

  it('a speech without blank lines: its byline and each "Mr. President," stand apart from the paragraphs (user trial 14)', async () => {
    const [speech] = await documentsOf({
      'speech.txt': [
        '---',
        'title: Statement by Testland in the general debate',
        'date: 2025-09-26',
        'author: Testland',
        'kind: speech',
        '---',
        'Delivered on 26 September 2025 by Mr. Arno Veldt, Minister for Foreign Affairs of the',
        'Republic of Testland',
        'Mr. President,',
        'Allow me first to congratulate you on your election to preside over the eightieth session',
        'of the General Assembly. Our harvest fell by a third in the drought of last year, and the',
        'Government opened a grain reserve that we share with our neighbours.',
        'Mr. President,',
        'Peace remains the first condition of development. Testland contributes 850 women and men',
        'to United Nations peacekeeping operations.',
      ].join('\n'),
    });
    expect(speech?.passages.map((p) => [p.text.slice(0, 24), p.role ?? null])).toEqual([
      ['Delivered on 26 Septembe', null],
      ['Mr. President,', 'salutation'],
      ['Allow me first to congra', null],
      ['Mr. President,', 'salutation'],
      ['Peace remains the first ', null],
    ]);
  });

  it('a press release that names no one it speaks for has no author: nothing is invented', async () => {
    const [release] = await documentsOf({
      'meeting.txt': [
        'SC/99001',
        '4 May 2026',
        'Security Council Hears Briefing on Floods in Testland',
        'The Security Council heard a briefing today on the floods in Testland, which displaced 42,000 people.',
        'For information media. Not an official record.',
      ].join('\n\n'),
    });
    expect(release).toMatchObject({ kind: 'press release', author: null, title: 'Security Council Hears Briefing on Floods in Testland' });
  });
});

describe('isSalutation', () => {
  it('is only forms of address, with someone addressed', () => {
    for (const text of [
      'Mr. President,',
      'Madam Chair,',
      'Excellencies, ladies and gentlemen,',
      'MR. PRESIDENT OF THE GENERAL ASSEMBLY,',
      'Your Majesties, Excellencies, Distinguished Delegates:',
      'Mr President',
    ])
      expect(isSalutation(text), text).toBe(true);
    for (const text of [
      'The Security Council,',
      'The General Assembly,',
      'Mr. President, I congratulate you on your election.',
      'Thank you, Mr. President.',
      'I would like to extend my heartfelt congratulations to Mr. Arno Veldt,',
    ])
      expect(isSalutation(text), text).toBe(false);
  });
});

describe('isSectionHeading', () => {
  const next = 'The pandemic forced the suspension of clearance operations.';
  it('is a short heading before a paragraph: numbered in letters, in a title’s capitals, or a phrase of a few words', () => {
    for (const text of [
      'III. Effect of the COVID-19 pandemic',
      'A. Casualties',
      'Climate Change',
      'CLIMATE CHANGE AND GLOBAL WARMING',
      '7. Shared Responsibility of the International Community',
      'The situation in Orlenia',
      'Our appeal',
      // A chronology's week, with the period it covers.
      'Week 1 (5–11 January 2026)',
      'Phase II (2024–2025)',
    ])
      expect(isSectionHeading(text, next), text).toBe(true);
  });

  it('is no sentence, clause, byline, fragment or signature, and heads a paragraph', () => {
    for (const text of [
      'Delivered on 22 March 2023 by the Minister for Foreign Affairs',
      'It is my privilege and honour once again to address the',
      'At the outset, I have the pleasure of congratulating',
      '2. Another important issue is the reform of the Security',
      'We cannot',
      'Total (21 incidents)',
      '9. The Secretary-General urges Member States:',
      'The Security Council,',
      '(Signed) Petra Lindqvar',
      'Last week, Major General Salehi, the Commander of the Army',
    ])
      expect(isSectionHeading(text, next), text).toBe(false);
    expect(isSectionHeading('Our appeal', undefined)).toBe(false);
    expect(isSectionHeading('Our appeal', 'and the rest of it.')).toBe(false);
  });
});

describe("a letter's annex that lists items ending in semicolons (user trial 15)", () => {
  it('keeps each item a passage of the annex, and the line above them its title', async () => {
    const [note] = await documentsOf({
      'note.txt': [
        'Note verbale dated 3 March 2026 from the Permanent Mission of Testland to the United Nations addressed to the Secretary-General',
        'The Permanent Mission of Testland presents its compliments to the Secretary-General and has the honour to transmit a list of incidents (see annex).',
        'Annex to the note verbale dated 3 March 2026 from the Permanent Mission of Testland to the United Nations addressed to the Secretary-General',
        'List of incidents in the waters of Testland, January-February 2026',
        '(a) 4 January 2026, west of Cape Hollin: the fishing vessel Marinka was rammed. Two crew members were injured;',
        '(b) 11 January 2026, near Skarra Bank: the vessel Dobra Zora was fired upon; one fisherman was killed;',
        '(c) 26 February 2026, Skarra Bank: the vessel Galeb was fired upon.',
      ].join('\n\n'),
    });
    expect(note?.annexes.map((a) => a.title)).toEqual([
      'List of incidents in the waters of Testland, January-February 2026',
    ]);
    expect(note?.passages.filter((p) => p.part === 'annex').map((p) => p.text.slice(0, 16))).toEqual([
      '(a) 4 January 20',
      '(b) 11 January 2',
      '(c) 26 February ',
    ]);
  });
});

describe('a title line of the text that the front matter replaces (user trial 15)', () => {
  it('stays a passage: its words are the text’s, here the only ones to name the minister', async () => {
    const [statement] = await documentsOf({
      'statement.txt': [
        '---',
        'title: "Statement by the Minister for Digital Affairs of Testland on the cyberattack"',
        'date: 2025-11-18',
        'kind: statement',
        '---',
        'Statement by Dr. Helena Varga-Moor, Minister for Digital Affairs of the Republic of Testland',
        'Delivered in Vantaro on 18 November 2025',
        'On the night of 6 November 2025, the information systems of the National Health Service were attacked.',
        'The attackers demanded a ransom of 25 million United States dollars.',
        'The Government of Testland did not pay, and will not pay, any ransom to anyone.',
        'All emergency departments reopened within 48 hours of the attack on the network.',
      ].join('\n'),
    });
    expect(statement?.title).toBe('Statement by the Minister for Digital Affairs of Testland on the cyberattack');
    expect(statement?.passages.map((p) => p.text.slice(0, 30))).toEqual([
      'Statement by Dr. Helena Varga-',
      'Delivered in Vantaro on 18 Nov',
      'On the night of 6 November 202',
      'The attackers demanded a ranso',
      'The Government of Testland did',
      'All emergency departments reop',
    ]);
  });
});

describe('a letter extracted without blank lines (user trial 16)', () => {
  it('its heading, its annex heading, the annex title and its place-and-date line stand apart: a letter, not one run of text', async () => {
    const [letter] = await documentsOf({
      'letter.txt': [
        'United Nations                                              S/2026/310',
        'Security Council                                   Distr.: General',
        '                                                   16 April 2026',
        '                                                   Original: English',
        'Letter dated 12 April 2026 from the Permanent Representative of Testland',
        'to the United Nations addressed to the President of the Security',
        'Council',
        'I have the honour to transmit herewith a press statement issued by the',
        'Ministry of Foreign Affairs of Testland on the fire that broke out in the',
        'camps near Port Vell on 7 March 2026 (see annex).',
        'I should be grateful if the present letter and its annex could be',
        'circulated as a document of the Security Council.',
        '(Signed) Ada Morrow',
        'Annex to the letter dated 12 April 2026 from the Permanent Representative',
        'of Testland to the United Nations addressed to the President of the',
        'Security Council',
        'Press statement of the Ministry of Foreign Affairs on the fire in Camp 11,',
        'Port Vell',
        'Vell City, 9 March 2026',
        'A devastating fire broke out at approximately 2.45 p.m. on 7 March 2026 in',
        'Camp 11 and spread rapidly to the neighbouring camps before it was brought',
        'under control by the Fire Service at 6.10 p.m. the same day. Some 2,805',
        'shelters were destroyed.',
      ].join('\n'),
    });
    expect(letter?.kind).toBe('letter');
    expect(letter?.symbol).toBe('S/2026/310');
    expect(letter?.date).toBe('2026-04-12');
    expect(letter?.annexes).toEqual([
      {
        title: 'Press statement of the Ministry of Foreign Affairs on the fire in Camp 11, Port Vell',
        date: '2026-03-09',
      },
    ]);
    expect(letter?.passages.map((p) => [p.part, p.text.slice(0, 24)])).toEqual([
      ['letter', 'I have the honour to tra'],
      ['letter', 'I should be grateful if '],
      ['letter', '(Signed) Ada Morrow'],
      ['annex', 'A devastating fire broke'],
    ]);
  });
});

describe('an annex under a heading with no blank lines, its title a full line, then a section heading', () => {
  it('the annex heading ends at its addressee, the title is whole, and the section heading is no title but a passage of the text', async () => {
    const [letter] = await documentsOf({
      'letter.txt': [
        'United Nations                                              S/2026/847',
        'Security Council                                   Distr.: General',
        '                                                   20 October 2026',
        'Letter dated 14 October 2026 from the Permanent Representative of Testland',
        'to the United Nations addressed to the Secretary-General',
        'I have the honour to transmit herewith a statement issued on 12 October 2026 by',
        'the Ministry of Foreign Affairs of Testland (see annex).',
        '(Signed) Ada Morrow',
        'Annex to the letter dated 14 October 2026 from the Permanent',
        'Representative of Testland to the United Nations',
        'addressed to the Secretary-General',
        'Statement by the Ministry of Foreign Affairs and International',
        'Cooperation of Testland on the attack against a',
        'humanitarian convoy in Vell Province, issued on 12 October 2026',
        'Attack of 9 October 2026',
        '1. The Government of Testland condemns in the strongest terms the attack carried out',
        'on the morning of 9 October 2026 against a humanitarian convoy in Vell Province.',
        '2. The attack killed nine people, namely four drivers and five volunteers of the',
        'Red Crescent Society.',
      ].join('\n'),
    });
    expect(letter?.annexes.map((a) => a.title)).toEqual([
      'Statement by the Ministry of Foreign Affairs and International Cooperation of Testland on the attack against a humanitarian convoy in Vell Province, issued on 12 October 2026',
    ]);
    expect(letter?.passages.map((p) => [p.part, p.text.slice(0, 24)])).toEqual([
      ['letter', 'I have the honour to tra'],
      ['letter', '(Signed) Ada Morrow'],
      ['annex', 'Attack of 9 October 2026'],
      ['annex', '1. The Government of Tes'],
      ['annex', '2. The attack killed nin'],
    ]);
  });
});

describe('a resolution whose paragraphs end with commas and semicolons (user trial 16)', () => {
  it('keeps each preambular and operative paragraph a passage, titles it by its own title and dates it by its adoption', async () => {
    const [resolution] = await documentsOf({
      'resolution.txt': [
        'United Nations A/RES/90/12',
        'General Assembly\nDistr.: General\n20 December 2035',
        'Ninetieth session\nAgenda item 18 (b)',
        'Resolution adopted by the General Assembly on 17 December 2035',
        '[on the report of the Second Committee (A/90/451/Add.2)]',
        '90/12. International Year of Inland Fisheries, 2037',
        'The General Assembly,',
        'Recalling its resolution 72/72 of 5 December 2017 on sustainable fisheries,',
        'Noting that inland fisheries employ some 60 million people,',
        '1. Decides to proclaim 2037 the International Year of Inland Fisheries;',
        '2. Invites Member States to contribute to a trust fund for the Year, with an initial target of 5 million United States dollars;',
        '3. Decides to include the item in the provisional agenda of its ninety-second session.',
      ].join('\n\n'),
    });
    expect(resolution?.title).toBe('90/12. International Year of Inland Fisheries, 2037');
    expect(resolution?.date).toBe('2035-12-17');
    expect(resolution?.kind).toBe('resolution');
    expect(resolution?.author).toBe('General Assembly');
    expect(resolution?.passages.map((p) => p.text.slice(0, 20))).toEqual([
      'The General Assembly',
      'Recalling its resolu',
      'Noting that inland f',
      '1. Decides to procla',
      '2. Invites Member St',
      '3. Decides to includ',
    ]);
  });
});

describe('a note verbale as its mission sent it, with no "Note verbale dated …" heading (user trial 16)', () => {
  it('is a note verbale of the State its opening formula names, dated by the place-and-date line at its foot', async () => {
    const [note] = await documentsOf({
      'testland-nv.txt': [
        'Permanent Mission of Testland to the United Nations Office at Geneva',
        'Ref. No. 057/2031',
        'The Permanent Mission of the Republic of Testland to the United Nations Office at Geneva presents its compliments to the Office of the United Nations High Commissioner for Human Rights and has the honour to inform it of the floods of 2 March 2031.',
        'Some 137 persons lost their lives and 14,000 homes were damaged.',
        'Geneva, 20 March 2031',
      ].join('\n\n'),
    });
    expect(note?.kind).toBe('note verbale');
    expect(note?.author).toBe('Republic of Testland');
    expect(note?.date).toBe('2031-03-20');
    expect(note?.sources.date).toBe('text');
    // Whom the compliments are presented to is whom it is addressed to (user trial 23: "To:" was empty).
    expect(note?.addressee).toBe(
      'the Office of the United Nations High Commissioner for Human Rights',
    );
    // Its place-and-date line is where and when: an answer to "when" only (user trial 23).
    expect(note?.passages.at(-1)).toMatchObject({ text: 'Geneva, 20 March 2031', role: 'dateline' });
    expect(note?.passages.filter((p) => p.role !== undefined)).toHaveLength(1);
  });

  it('is dated by the line that closes the note, not by one of its annex, titled as its annex names it, and a mission reference is no UN symbol (user trial 29)', async () => {
    const [note] = await documentsOf({
      'ostravia-nv.txt': [
        'OS/UN/2031/118',
        'The Permanent Mission of the Republic of Ostravia to the United Nations presents its compliments to the Secretary-General of the United Nations and has the honour to transmit herewith the list of demands adopted on 30 June 2031 (see annex).',
        'New York, 2 July 2031',
        'Annex to the note verbale dated 2 July 2031 from the Permanent Mission of the Republic of Ostravia to the United Nations addressed to the Secretary-General',
        'Demands of the National Security Council of the Republic of Ostravia',
        '1. The withdrawal, within 30 days, of all artillery to a distance of at least 25 kilometres.',
        'Velmira, 30 June 2031',
      ].join('\n\n'),
    });
    expect(note?.kind).toBe('note verbale');
    expect(note?.date).toBe('2031-07-02');
    expect(note?.symbol).toBeNull();
    expect(note?.title).toBe(
      'Note verbale dated 2 July 2031 from the Permanent Mission of the Republic of Ostravia to the United Nations addressed to the Secretary-General',
    );
    expect(note?.annexes.map((a) => a.title)).toEqual(['Demands of the National Security Council of the Republic of Ostravia']);
  });

  it('a text that does not open with the formula is no note verbale', async () => {
    const [text] = await documentsOf({
      'testland-notes.txt': 'The Mission of Testland met twice.\n\nSome 137 persons lost their lives.',
    });
    expect(text?.kind).not.toBe('note verbale');
    expect(text?.author).toBeNull();
  });
});

describe("an annex whose text opens with clauses ending in commas (user trial 16)", () => {
  it('keeps its title, and each clause and the lead-in a passage of the annex', async () => {
    const [letter] = await documentsOf({
      'letter.txt': [
        'Letter dated 6 November 2033 from the Permanent Representative of Testland to the United Nations addressed to the President of the General Assembly',
        'I have the honour to transmit the Vell Declaration (see annex).',
        'Annex to the letter dated 6 November 2033 from the Permanent Representative of Testland to the United Nations addressed to the President of the General Assembly',
        'Vell Declaration on Coastal Resilience',
        'We, the Ministers of 14 island countries, meeting in Vell on 27 October 2033,',
        'Alarmed that coral reefs could decline by 70 to 90 per cent,',
        'Commit to the following actions:',
        '1. To protect at least 30 per cent of our waters by 2040.',
      ].join('\n\n'),
    });
    expect(letter?.annexes.map((a) => a.title)).toEqual(['Vell Declaration on Coastal Resilience']);
    expect(letter?.passages.filter((p) => p.part === 'annex').map((p) => p.text.slice(0, 12))).toEqual([
      'We, the Mini',
      'Alarmed that',
      'Commit to th',
      '1. To protec',
    ]);
  });
});

describe('a report with a summary above its first section', () => {
  it('keeps "Summary" out of its title: it heads the report’s first passage', async () => {
    const [report] = await documentsOf({
      'report.txt': [
        'United Nations A/HRC/90/44',
        'General Assembly\nDistr.: General\n20 July 2046',
        'Human Rights Council\nNinetieth session\nAgenda item 3',
        'Visit to Testland',
        'Report of the Special Rapporteur on the human rights of migrants',
        'Summary',
        'The Special Rapporteur visited Testland from 9 to 20 March 2046.',
        'I. Introduction',
        '1. The visit was made at the invitation of the Government.',
      ].join('\n\n'),
    });
    expect(report?.title).toBe('Visit to Testland: Report of the Special Rapporteur on the human rights of migrants');
    expect(report?.passages.map((p) => [p.text.slice(0, 20), p.role ?? null])).toEqual([
      ['Summary', 'heading'],
      ['The Special Rapporte', null],
      ['I. Introduction', 'heading'],
      ['1. The visit was mad', null],
    ]);
  });
});

describe('a speech of one paragraph a line (user trial 29)', () => {
  it('goes on from a line a paragraph long that stopped mid-sentence, unless the next opens with its number', async () => {
    const long = (words: string) => `${words} `.repeat(8).trim();
    const [speech] = await documentsOf({
      'speech.txt': [
        `110. ${long('Foreign mercenaries joined these actions from across the border, armed and paid by others.')} From its military base in`,
        `Panama, the United States began flights over our territory. ${long('We have protested each of them.')}`,
        `111. ${long('In the same period we detected ships off our coast on many occasions.')} The last of them came in`,
        `112. ${long('Our people answered at once, as they always have, in defence of the homeland.')}`,
      ].join('\n'),
    });
    expect(speech?.passages.map((p) => p.text.slice(0, 4))).toEqual(['110.', '111.', '112.']);
    expect(speech?.passages[0]?.text).toContain('From its military base in Panama, the United States began flights');
  });
});

describe('a transcript of questions and answers (user trial 29)', () => {
  it('marks a "Question:" turn as the questioner\'s, and an answer\'s as the document\'s own speaker\'s', async () => {
    const [remarks] = await documentsOf({
      'remarks.md': [
        '---\ntitle: Remarks to the press by the Special Envoy for the Varne Valley\nauthor: Special Envoy for the Varne Valley\nkind: statement\n---',
        'The parties agreed on a humanitarian pause of three days.',
        'I will now take a few questions.',
        'Question: Special Envoy, one delegation said the other is not serious about the talks. Is that your assessment?',
        'Special Envoy: Both delegations came, and both stayed until the end.',
        'Q: Is there a date for a ceasefire?',
        'A: No. A humanitarian pause is not a ceasefire.',
      ].join('\n\n'),
    });
    expect(remarks?.passages.map((p) => [p.text.slice(0, 12), p.speaker ?? null])).toEqual([
      ['The parties ', null],
      ['I will now t', null],
      ['Question: Sp', 'The questioner'],
      ['Special Envo', null],
      ['Q: Is there ', 'The questioner'],
      ['A: No. A hum', null],
    ]);
  });
});

describe('a resolution as text extracted from its PDF: hard-wrapped, no blank lines (user trial 32)', () => {
  const RESOLUTION = [
    'United Nations A/RES/81/52',
    'General Assembly Distr.: General',
    '14 December 2026',
    'Eighty-first session',
    'Agenda item 71',
    'Resolution adopted by the General Assembly on 9 December 2026',
    '[without reference to a Main Committee (A/81/L.20)]',
    '81/52. Assistance for the recovery of Norvel following the floods of Oc-',
    'tober 2026',
    'The General Assembly,',
    'Recalling its resolution 46/182 of 19 December 1991 on the strengthening of the',
    'coordination of humanitarian emergency assistance of the United Nations,',
    'Deeply concerned at the loss of 212 lives and at the displacement of some',
    '48,000 persons in the three northern provinces of Norvel,',
    'Noting with concern that the floods destroyed or damaged some 9,000 homes and',
    'most of the bridges of the province of Aster, cutting off its villages,',
    '1. Expresses its solidarity with the Government and people of Norvel;',
    '2. Calls upon Member States and donors to support the recovery of Norvel and',
    '',
    '26-20114 1/2',
    'A/RES/81/52 Assistance for the recovery of Norvel following the floods',
    '',
    'to contribute to the flash appeal launched on 30 October 2026;',
    '3. Requests the Secretary-General to report to it at its eighty-second session.',
    '48th plenary meeting',
    '9 December 2026',
    '',
    '26-20114 2/2',
    '',
  ].join('\n');

  it('reads its masthead, its adoption date and its title, and gives each preambular paragraph a passage', async () => {
    const [resolution] = await documentsOf({ 'a-res-81-52.txt': RESOLUTION });
    expect(resolution?.kind).toBe('resolution');
    expect(resolution?.symbol).toBe('A/RES/81/52');
    expect(resolution?.date).toBe('2026-12-09');
    expect(resolution?.author).toBe('General Assembly');
    expect(resolution?.title).toBe('81/52. Assistance for the recovery of Norvel following the floods of October 2026');
    const texts = resolution?.passages.map((p) => p.text) ?? [];
    expect(texts.slice(0, 4)).toEqual([
      'The General Assembly,',
      'Recalling its resolution 46/182 of 19 December 1991 on the strengthening of the coordination of humanitarian emergency assistance of the United Nations,',
      'Deeply concerned at the loss of 212 lives and at the displacement of some 48,000 persons in the three northern provinces of Norvel,',
      'Noting with concern that the floods destroyed or damaged some 9,000 homes and most of the bridges of the province of Aster, cutting off its villages,',
    ]);
    // The header atop page 2, the symbol and the short title, is no word of the paragraph it cuts.
    expect(texts).toContain(
      '2. Calls upon Member States and donors to support the recovery of Norvel and to contribute to the flash appeal launched on 30 October 2026;',
    );
    expect(texts.filter((t) => t.includes('A/RES/81/52'))).toEqual([]);
  });
});

describe('a resolution whose masthead prints the agenda item’s title (user trial 34)', () => {
  const MASTHEAD = [
    'United Nations A/HRC/RES/61/9',
    'General Assembly Distr.: General',
    '14 April 2026',
    'Original: English',
    'Human Rights Council',
    'Sixty-first session',
    '23 February–3 April 2026',
    'Agenda item 4',
    "Human rights situations that require the Council's attention",
    'Resolution adopted by the Human Rights Council on 2 April 2026',
    '61/9. Situation of human rights in the Republic of Testland',
    'The Human Rights Council,',
  ];
  const PREAMBLE = [
    'Guided by the purposes and principles of the Charter of the United Nations and the',
    'Universal Declaration of Human Rights,',
    'Deeply concerned by reports of the detention of at least 1,200 persons in',
    'connection with the protests of October 2025,',
    '1. Condemns the excessive use of force against peaceful protesters;',
    '2. Decides to extend the mandate of the Special Rapporteur for one year.',
  ];

  it('titles it by its own title and dates it by its adoption, with or without blank lines between the masthead’s lines', async () => {
    for (const lines of [MASTHEAD, MASTHEAD.flatMap((l) => [l, ''])]) {
      const [resolution] = await documentsOf({ 'a-hrc-res-61-9.txt': [...lines, ...PREAMBLE, ''].join('\n') });
      expect(resolution?.title).toBe('61/9. Situation of human rights in the Republic of Testland');
      expect(resolution?.date).toBe('2026-04-02');
      expect(resolution?.author).toBe('Human Rights Council');
      // Its preamble, after "The Human Rights Council," and a blank line or none: a passage a paragraph.
      expect(resolution?.passages.map((p) => p.text).slice(0, 4)).toEqual([
        'The Human Rights Council,',
        'Guided by the purposes and principles of the Charter of the United Nations and the Universal Declaration of Human Rights,',
        'Deeply concerned by reports of the detention of at least 1,200 persons in connection with the protests of October 2025,',
        '1. Condemns the excessive use of force against peaceful protesters;',
      ]);
    }
  });
});

describe('a press release of the UN Office at Geneva (user trial 32)', () => {
  it('is told by its footer, "For use of the information media; not an official record."', async () => {
    const [release] = await documentsOf({
      'geneva-release.txt': [
        '18 March 2026',
        '',
        'Human Rights Council Holds Interactive Dialogue on Detention of Journalists',
        '',
        'GENEVA (18 March 2026) - The Human Rights Council this afternoon held an interactive dialogue with the Special Rapporteur.',
        '',
        'The Special Rapporteur said that at least 38 journalists were in detention.',
        '',
        'For use of the information media; not an official record.',
        '',
      ].join('\n'),
    });
    expect(release?.kind).toBe('press release');
    expect(release?.symbol).toBeNull();
    expect(release?.passages.at(-1)?.text).toBe('For use of the information media; not an official record.');
  });
});

describe("a treaty body's concluding observations as text extracted from a PDF (a fresh document's parse)", () => {
  const OBSERVATIONS = [
    'United Nations CERD/C/NRV/CO/8-10',
    '',
    'International Convention on the Elimination of All Forms of Racial Discrimination',
    '',
    'Distr.: General',
    '12 May 2025',
    '',
    'Original: English',
    '',
    'Advance unedited version',
    '',
    'Committee on the Elimination of Racial Discrimination',
    '',
    'Concluding observations on the combined eighth to tenth periodic reports of Norvel',
    '',
    'A. Introduction',
    '',
    '1. The Committee considered the combined eighth to tenth periodic reports of Norvel at its 3001st meeting.',
    '',
    '2. The Committee recommends that the State party: (a) Collect data on ethnic origin; (b) Train police officers;',
    '',
    'GE.25-01234 2/3',
    '',
    'CERD/C/NRV/CO/8-10',
    '',
    '(c) Publicly condemn racist statements by politicians.',
    '',
    '3. The Committee requests the State party to report back within one year.',
    '',
  ].join('\n');

  it('reads its whole symbol, its kind and title, and keeps a list a page break cut in one passage', async () => {
    const [observations] = await documentsOf({ 'observations.txt': OBSERVATIONS });
    // "8-10" is a range of reports, part of the symbol; not a symbol "…/CO/8" joined to another.
    expect(observations?.symbol).toBe('CERD/C/NRV/CO/8-10');
    expect(observations?.kind).toBe('concluding observations');
    expect(observations?.title).toBe(
      'Committee on the Elimination of Racial Discrimination: Concluding observations on the combined eighth to tenth periodic reports of Norvel',
    );
    const texts = observations?.passages.map((p) => p.text) ?? [];
    expect(texts[0]).toBe('A. Introduction');
    expect(texts).toContain(
      '2. The Committee recommends that the State party: (a) Collect data on ethnic origin; (b) Train police officers; (c) Publicly condemn racist statements by politicians.',
    );
    // The symbol atop page 2 is its running header, no passage.
    expect(texts.filter((t) => t.startsWith('CERD/'))).toEqual([]);
  });
});

describe('a Security Council resolution (user trial 33)', () => {
  it('keeps its adoption line under the title as its first passage, and reads the organ that adopted it', async () => {
    const [resolution] = await documentsOf({
      'res.txt': [
        'United Nations S/RES/2794 (2025)',
        '',
        'Security Council Distr.: General',
        '14 March 2025',
        '',
        'Resolution 2794 (2025)',
        '',
        'Adopted by the Security Council at its 9871st meeting, on 14 March 2025',
        '',
        'The Security Council,',
        '',
        'Recalling its previous resolutions,',
        '',
        '1. Demands that all parties fully respect the ceasefire;',
        '',
      ].join('\n'),
    });
    expect(resolution).toMatchObject({
      kind: 'resolution',
      author: 'Security Council',
      date: '2025-03-14',
      title: 'Resolution 2794 (2025)',
    });
    expect(resolution?.passages[0]?.text).toBe(
      'Adopted by the Security Council at its 9871st meeting, on 14 March 2025',
    );
  });
});
