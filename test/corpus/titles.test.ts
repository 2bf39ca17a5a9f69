import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Corpus, type Document, loadCorpus } from '../../src/corpus/index.ts';
import { readTitle } from '../../src/corpus/parse-document.ts';
import { formatCitation } from '../../src/search/cite.ts';
import { documentOf, documentsOf } from '../helpers.ts';

/** Speeches whose first lines are no title (written for these tests, not UN texts). */
const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'titles');

let corpus: Corpus;
const doc = (id: string): Document => documentOf(corpus, id);

beforeAll(async () => {
  corpus = await loadCorpus(FIXTURES);
});

describe('a title is never a line of the speech', () => {
  it('a first sentence cut by a page number stays whole in passage 1; the title is the file name', () => {
    const d = doc('fragment-first-line');
    expect(corpus.problems).toEqual([]);
    expect(d).toMatchObject({ title: 'fragment-first-line', date: '1999', sources: { title: 'file name' } });
    expect(d.passages[0]?.text).toMatch(
      /^I would like to extend my heartfelt congratulations to Mr\. Arno Veldt, Foreign Minister of the Republic of Testland, on his/,
    );
    const citation = formatCitation(d, d.passages[0] as Document['passages'][number]);
    expect(citation).toBe('fragment-first-line, 1999, passage 1 (numbered by the Annex bot)');
  });

  it('a first sentence cut by a blank line keeps its words as passage 1', () => {
    const d = doc('fragment-blank-line');
    expect(d.title).toBe('fragment-blank-line');
    expect(d.passages[0]?.text).toBe('I would like to extend my heartfelt congratulations to Mr. Arno Veldt,');
  });

  it('a salutation is the speech\u2019s first words, not its title', () => {
    const d = doc('salutation');
    expect(d.title).toBe('salutation');
    expect(d.passages[0]?.text).toBe('Mr. President, Excellencies, Ladies and gentlemen,');
  });

  it('a statement heading gives title, kind and author, and its place-and-date line the date, not more title', () => {
    expect(doc('statement-place-date')).toMatchObject({
      title:
        'Statement by H.E. the Prime Minister of Testland, Mr. Arno Veldt, at the General Debate of the 71st Session of the United Nations General Assembly',
      kind: 'statement',
      author: 'H.E. the Prime Minister of Testland',
      date: '2016-09-22',
      sources: { title: 'text', date: 'text', author: 'text', kind: 'text' },
    });
    expect(doc('statement-place-date').passages[0]?.text).toMatch(/^Mr\. President, I congratulate you/);
  });
});

describe('a report whose title and kind line stand in one block (user trial 28)', () => {
  it('reads "Report of the Secretary-General" under the title as the kind and author, the title joined with a colon', async () => {
    const [report] = await documentsOf({
      's-2026-388.txt': [
        'United Nations S/2026/388',
        'Security Council',
        'Distr.: General',
        '12 May 2026',
        'Original: English',
        '',
        'Situation in Brevonia',
        'Report of the Secretary-General',
        '',
        'I. Introduction',
        '',
        '1. The present report is submitted pursuant to Security Council resolution 2781 (2025).',
        '',
      ].join('\n'),
    });
    expect(report).toMatchObject({
      title: 'Situation in Brevonia: Report of the Secretary-General',
      kind: 'report',
      author: 'Secretary-General',
      symbol: 'S/2026/388',
    });
  });
});

describe('a statement with the occasion under its title (user trial 8)', () => {
  it('reads the occasion as the title’s, not as a masthead, and the salutation as the speech’s first words', () => {
    // Before: "Security Council open debate …" was read as a masthead line, so the title was the
    // salutation "Mr. President,", the kind "document", the author unknown, and the heading in no passage.
    const d = doc('statement-occasion');
    expect(d).toMatchObject({
      title:
        'Statement by Ambassador Mira Kessel, Permanent Representative of Testland to the United Nations: Security Council open debate on the protection of civilians',
      kind: 'statement',
      date: '2024-03-12',
      sources: { title: 'text', date: 'text', author: 'text', kind: 'text' },
    });
    // The State the ambassador speaks for (user trial 13: the author is the State, not the person).
    expect(d.author).toBe('Testland');
    expect(d.passages[0]?.text).toBe('Mr. President,');
  });
});

describe('readTitle: who a title says speaks', () => {
  it('a person by name speaks for the State of the office after the comma, which names the document (user trials 6 and 13)', () => {
    expect(
      readTitle(
        'Statement by H.E. Ms. Ingrid Solberg, Ambassador of Norway, at the Meeting of States Parties to the Anti-Personnel Mine Ban Convention',
      ),
    ).toEqual({ kind: 'statement', author: 'Norway' });
    expect(readTitle('Statement by Mr. Jonas Berg, Minister for Foreign Affairs of the Kingdom of Sylvania')).toEqual({
      kind: 'statement',
      author: 'Kingdom of Sylvania',
    });
    expect(readTitle('Statement by H.E. Mr. Jan Novak, Minister of Foreign Affairs of Borduria, at the high-level meeting on water')).toEqual({
      kind: 'statement',
      author: 'Borduria',
    });
    expect(readTitle('Address by Mr. Jonas Berg, Deputy Prime Minister of the Democratic Republic of the Congo')).toEqual({
      kind: 'speech',
      author: 'Democratic Republic of the Congo',
    });
  });

  it('an office named alone is of the State after its "of" (user trial 28: author "Minister")', () => {
    expect(readTitle('Statement by the Minister for Foreign Affairs of Norvania on the floods')).toEqual({
      kind: 'statement',
      author: 'Norvania',
    });
    expect(readTitle('Statement by the President of the General Assembly on floods')).toEqual({
      kind: 'statement',
      author: 'President of the General Assembly',
    });
  });

  it('a spokesperson speaks for whom they are the spokesperson of (user trial 27: author "Spokesperson")', () => {
    expect(readTitle('Statement by the Spokesperson for the Secretary-General on the situation in Harnek')).toEqual({
      kind: 'statement',
      author: 'Secretary-General',
    });
    expect(readTitle('Statement by the Deputy Spokesperson for the President of the General Assembly on floods')).toEqual({
      kind: 'statement',
      author: 'President of the General Assembly',
    });
  });

  it('a delegation speaks for its State; a title in capitals is read as one in small letters (user trial 13)', () => {
    expect(readTitle('STATEMENT BY THE DELEGATION OF ARCADIA ON THE RIGHT TO SELF-DETERMINATION')).toEqual({
      kind: 'statement',
      author: 'Arcadia',
    });
    expect(readTitle('Statement by the delegation of the Republic of Sylvania on oceans')).toEqual({
      kind: 'statement',
      author: 'Republic of Sylvania',
    });
    expect(readTitle('STATEMENT BY NORWAY ON OCEANS')).toEqual({ kind: 'statement', author: 'Norway' });
  });

  it('an office or a State stays as it was: no person, or nothing of a State after the comma', () => {
    expect(readTitle('Statement by Norway in the general debate')).toEqual({ kind: 'statement', author: 'Norway' });
    expect(
      readTitle('Statement by H.E. the Prime Minister of Testland, Mr. Arno Veldt, at the General Debate'),
    ).toEqual({ kind: 'statement', author: 'H.E. the Prime Minister of Testland' });
    expect(readTitle('Statement by Mr. Arno Veldt, at the General Debate')).toEqual({
      kind: 'statement',
      author: 'Mr. Arno Veldt',
    });
  });
});

describe('a press briefing headed as the UN heads one (user trial 30)', () => {
  it('reads its title, its date line, its kind and whom the Spokesperson speaks for', async () => {
    const [briefing] = await documentsOf({
      'pb3.txt': [
        'Daily Press Briefing by the Office of the Spokesperson for the Secretary-General',
        '14 March 2025',
        '',
        "The following is a near-verbatim transcript of today's noon briefing by the Deputy Spokesperson for the Secretary-General.",
        '',
        'Good afternoon. The Secretary-General will leave New York tomorrow for Port Vessan.',
        '',
      ].join('\n'),
    });
    expect(briefing).toMatchObject({
      title: 'Daily Press Briefing by the Office of the Spokesperson for the Secretary-General',
      date: '2025-03-14',
      kind: 'press briefing',
      author: 'Secretary-General',
      sources: { title: 'text', date: 'text', kind: 'text', author: 'text' },
    });
    expect(briefing?.passages[0]?.text).toMatch(/^The following is a near-verbatim transcript/);
  });
});
