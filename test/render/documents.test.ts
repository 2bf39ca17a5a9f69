import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { help } from '../../commands/help.ts';
import type { HandlerContext } from '../../commands/context.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { formatUnDate } from '../../src/corpus/dates.ts';
import type { Letter } from '../../src/corpus/schema.ts';
import {
  renderAnswer,
  renderHelp,
  renderLetter,
  renderLettersPage,
  renderSearchPage,
  renderVerdict,
  type Reply,
} from '../../src/render/discord.ts';
import { resultsFooter } from '../../src/render/answer.ts';
import { questionAuthor } from '../../src/render/asked.ts';
import { renderAnswerText, renderLetterText, renderVerdictText } from '../../src/render/text.ts';
import { describeHoldings, matchingPassages } from '../../src/render/wording.ts';
import { NOT_ENGLISH } from '../../src/search/answer.ts';
import { checkClaim } from '../../src/search/check.ts';
import {
  type Answer,
  type AnswerResult,
  answerQuestion,
  describeScope,
  SearchIndex,
} from '../../src/search/index.ts';
import { AnnexState } from '../../src/serving/state.ts';
import { CORPUS_DIR, ROOT } from '../helpers.ts';

/**
 * What Annex says of a corpus that is not all letters: the seed letters beside made-up General
 * Debate speeches (`test/fixtures/speeches/`), and those speeches alone.
 */
const SPEECHES = path.join(ROOT, 'test/fixtures/speeches');
const scope = { letterKey: null, from: null, to: null };
let seed: Letter[];
let speeches: Letter[];
let mixed: SearchIndex;
let speechesOnly: SearchIndex;
beforeAll(async () => {
  seed = (await loadCorpus(CORPUS_DIR)).letters;
  speeches = (await loadCorpus(SPEECHES)).letters;
  mixed = SearchIndex.build([...seed, ...speeches]);
  speechesOnly = SearchIndex.build(speeches);
});

const view = (question: string) => ({
  question,
  userId: '1',
  offset: 0,
  scope,
  ephemeral: false,
  keys: new Map<string, string>(),
});

/** Every piece of text a reply shows. */
function shown(reply: Reply): string {
  return JSON.stringify([reply, reply.continuation ?? []]);
}

describe('a corpus not all letters is called documents everywhere', () => {
  it('in the moderators’ check, in a terminal and in Discord', () => {
    const info = new AnnexState(mixed).info();
    const searched = describeScope(mixed);
    for (const claim of ['zebras played the xylophone at dawn', 'refugees from the Balkans']) {
      const verdict = checkClaim(mixed, claim);
      const text = renderVerdictText(verdict, searched);
      const documents = `Searched ${seed.length + speeches.length} documents`;
      expect(text).toContain(documents);
      expect(text).not.toMatch(/letters/i);
      const reply = renderVerdict(claim, verdict, searched, info);
      expect(shown(reply)).toContain(documents);
      expect(shown(reply)).not.toMatch(/\bletters\b/);
    }
  });

  it('in /help’s index line and its words, and in letters when they are all letters', () => {
    const mixedHelp = shown(renderHelp(new AnnexState(mixed).info(), []));
    expect(mixedHelp).toContain(`${seed.length + speeches.length} documents`);
    expect(mixedHelp).not.toMatch(/\d+ letters/);
    const seedHelp = shown(renderHelp(new AnnexState(SearchIndex.build(seed)).info(), []));
    expect(seedHelp).toContain('5 letters');
  });

  it('in /help, a corpus of one day is dated that day, not a range from it to itself', () => {
    const one = seed.slice(0, 1);
    const day = formatUnDate(one[0]?.date ?? '');
    const help = shown(renderHelp(new AnnexState(SearchIndex.build(one)).info(), []));
    expect(help).toContain(`1 letter, `);
    expect(help).toContain(day);
    expect(help).not.toContain(`${day} – ${day}`);
  });
});

describe('/search and /ask name the document of every passage', () => {
  it('tells apart two speeches of one year that have no symbol', () => {
    const info = new AnnexState(mixed).info();
    const answer = answerQuestion(mixed, 'refugees', { list: true, limit: 10 });
    const lines = (renderSearchPage(answer, info, view('refugees')).embeds[0]?.description ?? '')
      .split('\n')
      .filter((l) => l.startsWith('— '));
    expect(lines.length).toBe(answer.results.length);
    const byDocument = new Map(answer.results.map((r, i) => [r.letterId, lines[i] ?? '']));
    const norway = byDocument.get('norway-1997');
    const sweden = byDocument.get('sweden-1997');
    expect(norway).toContain('Statement by Norway');
    expect(sweden).toContain('Sweden');
    const ask = renderAnswer(answerQuestion(mixed, 'what did sweden say about refugees'), info, {
      ...view('q'),
    });
    expect(ask.embeds[0]?.title).toContain('Sweden');
  });
});

describe('/letter and cli letter on a document that is no letter', () => {
  it('leave out the letter fields it has nothing for, and keep them for a letter', () => {
    const info = new AnnexState(mixed).info();
    const masthead = ['Distributed', 'Signed', 'Bodies', 'Agenda items'];
    const speech = speeches.find((d) => d.kind === 'speech') as Letter;
    const names = renderLetter(speech, info).embeds[0]?.fields?.map((f) => f.name) ?? [];
    expect(names).toContain('Author');
    for (const name of masthead) expect(names).not.toContain(name);
    const text = renderLetterText(speech);
    for (const name of [...masthead, 'Job number']) expect(text).not.toContain(`  ${name}:`);
    // A letter keeps them, "—" where its text has none: a letter's text has them as a rule.
    const letter = seed[0] as Letter;
    const letterNames = renderLetter(letter, info).embeds[0]?.fields?.map((f) => f.name) ?? [];
    for (const name of masthead) expect(letterNames).toContain(name);
    for (const name of [...masthead, 'Job number'])
      expect(renderLetterText(letter)).toContain(`  ${name}:`);
  });
});

describe('/letters on a corpus not all letters', () => {
  it('says which documents are letters, as it says which are speeches', () => {
    const letter = seed.find((l) => l.date === '2024-04-04') as Letter;
    const speech = speeches.find((l) => l.author === 'Norway') as Letter;
    const listed = (letters: Letter[], index: SearchIndex) =>
      renderLettersPage(letters, 0, new AnnexState(index).info(), '1').embeds[0]?.description ?? '';
    const both = listed([speech, letter], mixed);
    expect(both).toMatch(/^\*\*4 April 2024\*\* · .* · letter from Azerbaijan\n/m);
    expect(both).toMatch(/ · speech by Norway\n/);
    // Among letters only, a letter's kind goes without saying.
    expect(listed([letter], SearchIndex.build(seed))).not.toMatch(/ · letter/);
  });
});

/** The example questions a how-to-ask reply offers, as it quotes them. */
function offered(text: string): string[] {
  return [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);
}

describe('help and small talk', () => {
  it.each(['help', 'help me', '/help', '?', 'what can you do?', 'hi annex'])(
    'answers %j with how to ask, in the terminal and in Discord',
    (message) => {
      const answer = answerQuestion(mixed, message);
      expect(answer.results).toEqual([]);
      expect(answer.related).toEqual([]);
      expect(renderAnswerText(answer)).toMatch(/^Ask me a question about the documents/);
      const reply = renderAnswer(answer, new AnnexState(mixed).info(), view(message));
      expect(reply.content).toMatch(/^Ask me a question about the documents/);
      expect(shown(reply)).not.toContain('Not found');
    },
  );

  it.each(['كم عدد ضحايا الألغام', '地雷受害者有多少', 'сколько жертв мин'])(
    'answers %j, in a script Annex does not read, with how to ask in English: no "not found"',
    (message) => {
      const answer = answerQuestion(mixed, message);
      expect(answer.results).toEqual([]);
      expect(answer.related).toEqual([]);
      expect(renderAnswerText(answer)).toMatch(/^I read questions in English only\. Ask me/);
      const reply = renderAnswer(answer, new AnnexState(mixed).info(), view(message));
      expect(reply.content).toMatch(/^I read questions in English only\. Ask me/);
      expect(shown(reply)).not.toContain('Not found');
    },
  );

  it('tells a question about which documents there are where they are listed, and how many of each kind', () => {
    const info = new AnnexState(mixed).info();
    const answer = answerQuestion(mixed, 'what documents do you have?');
    expect(renderAnswer(answer, info, view(answer.query)).content).toMatch(
      /^`\/letters` lists the 17 documents I hold \(11 speeches, 4 letters, 1 note verbale and 1 report, 1963 – 4 April 2024\)\. Ask me a question about the documents/,
    );
    expect(renderAnswerText(answerQuestion(speechesOnly, 'list the documents'))).toMatch(
      /^`npm run cli -- letters` lists the 12 documents I hold \(11 speeches and 1 report, 1963 – 2023\)\./,
    );
    // Each kind is named once (user trial 13), up to six; the rest, and documents of no stated
    // kind ("document"), are counted together as other documents; a corpus of one kind is called by it.
    const holdings = { letters: 21, passages: 40, from: null, to: null, noun: 'document' as const };
    const kinds = ['speech', 'letter', 'report', 'note verbale', 'press release', 'summary'];
    expect(
      describeHoldings({
        ...holdings,
        kinds: kinds.map((kind, i) => ({ kind, documents: 6 - i })),
      }),
    ).toBe(
      '21 documents I hold (6 speeches, 5 letters, 4 reports, 3 notes verbales, 2 press releases and 1 summary)',
    );
    expect(
      describeHoldings({
        ...holdings,
        letters: 9,
        kinds: [
          { kind: 'letter', documents: 4 },
          { kind: 'document', documents: 1 },
          { kind: 'speech', documents: 1 },
          { kind: 'press release', documents: 1 },
          { kind: 'note verbale', documents: 1 },
          { kind: 'report', documents: 1 },
        ],
      }),
    ).toBe(
      '9 documents I hold (4 letters, 1 speech, 1 press release, 1 note verbale, 1 report and 1 other document)',
    );
    expect(
      describeHoldings({
        ...holdings,
        letters: 30,
        kinds: [...kinds, 'resolution', 'verbatim record'].map((kind, i) => ({
          kind,
          documents: 8 - i,
        })),
      }),
    ).toBe(
      '30 documents I hold (8 speeches, 7 letters, 6 reports, 5 notes verbales, 4 press releases, 3 summaries and 3 other documents)',
    );
    expect(
      describeHoldings({ ...holdings, letters: 12, kinds: [{ kind: 'speech', documents: 12 }] }),
    ).toBe('12 speeches I hold');
  });

  it('reads a question in another language written in Latin letters as any other', () => {
    expect(answerQuestion(mixed, 'combien de victimes des mines').reason).not.toBe(NOT_ENGLISH);
  });

  it('offers examples made from the corpus, each of which it answers', async () => {
    for (const index of [speechesOnly, SearchIndex.build(seed), mixed]) {
      const examples = offered(renderAnswerText(answerQuestion(index, 'hello')));
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples)
        expect(answerQuestion(index, example).abstained, example).toBe(false);
      // /help offers the same, as "Ask like this".
      const outcome = await help.execute(
        {} as never,
        {
          state: new AnnexState(index),
        } as unknown as HandlerContext,
      );
      const field = outcome.type === 'reply' ? outcome.reply.embeds[0]?.fields : [];
      const like = field?.find((f) => f.name === 'Ask like this')?.value ?? '';
      const helpExamples = [...like.matchAll(/^• \*(.+)\*$/gm)].map((m) => m[1] as string);
      expect(helpExamples.length).toBeGreaterThan(0);
      for (const example of helpExamples)
        expect(answerQuestion(index, example).abstained, example).toBe(false);
    }
  });
});

describe('an empty corpus', () => {
  it('says there are no documents and how to add one', () => {
    const empty = SearchIndex.build([]);
    const answer = answerQuestion(empty, 'mine victims');
    expect(renderAnswerText(answer)).toMatch(/no documents in the corpus.*npm run cli -- add/);
    const reply = renderAnswer(answer, new AnnexState(empty).info(), view('mine victims'));
    expect(shown(reply)).toMatch(/no documents yet.*npm run cli -- add/);
    expect(shown(reply)).not.toMatch(/match the filters|with these filters/);
  });
});

describe('a passage of several lines in a terminal', () => {
  it('keeps every line of the quote and of the whole passage under its number', () => {
    const text = 'First line of a list:\n(a) the first item;\n(b) the second item.';
    const result: AnswerResult = {
      letterId: 'x',
      document: 'A/1/1',
      label: 'A/1/1',
      symbol: 'A/1/1',
      date: '2020-01-01',
      passage: 1,
      paragraph: null,
      near: 1,
      part: 'letter',
      partIndex: 1,
      pages: [],
      text,
      excerpt: 'First line of a list:\n(a) the first item;',
      highlights: [],
      passageHighlights: [],
      score: 1,
      citation: 'A/1/1, 1 January 2020, letter, passage 1 (numbered by the Annex bot)',
      url: null,
      attribution: 'Letter dated 1 January 2020',
      speaker: 'Letter dated 1 January 2020',
    };
    const answer: Answer = {
      query: 'items',
      abstained: false,
      reason: null,
      searched: { letters: 1, passages: 1, from: '2020-01-01', to: '2020-01-01', noun: 'letter' },
      total: 1,
      results: [result],
      related: [],
      evidence: 1,
    };
    const lines = renderAnswerText(answer).split('\n\n')[0]?.split('\n') ?? [];
    expect(lines[0]).toBe('1. Letter dated 1 January 2020 says:');
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {3}\S/);
    expect(lines).toContain('   (b) the second item.');
  });
});

describe('counts of a large corpus (user trial 10)', () => {
  it('are written with thousands separators wherever a reply counts: the index, the list of documents, the matching passages', () => {
    const info = { ...new AnnexState(mixed).info(), letters: 10952, passages: 370419 };
    expect(shown(renderHelp(info, []))).toContain('10,952 documents, 370,419 passages');
    const many = Array.from({ length: 10952 }, () => speeches[0] as Letter);
    expect(renderLettersPage(many, 0, info, '1').embeds[0]?.title).toBe(
      'Documents indexed: 10,952',
    );
    expect(matchingPassages({ total: 30, matched: 22533 })).toBe(
      'the 30 best of 22,533 matching passages',
    );
  });
});

describe('resultsFooter (user trial 10)', () => {
  const info = () => new AnnexState(mixed).info();
  const answerOf = (shown: number, total: number, matched?: number) =>
    ({
      results: Array.from({ length: shown }, () => ({})),
      total,
      matched,
      searched: { letters: 17, passages: 86, from: '1963', to: '2024-04-04', noun: 'document' },
    }) as unknown as Answer;
  const lead = (text: string) => text.split(' · ')[0];

  it('says how many passages a page shows without a range that starts and ends at one ("1–1 of 1")', () => {
    expect(lead(resultsFooter(answerOf(1, 1), 0, info()).text)).toBe('1 matching passage');
    expect(lead(resultsFooter(answerOf(3, 3, 17), 0, info()).text)).toBe(
      'the 3 best of 17 matching passages',
    );
    expect(lead(resultsFooter(answerOf(1, 4), 3, info()).text)).toBe('4 of 4 matching passages');
    expect(lead(resultsFooter(answerOf(1, 6), 5, info(), false).text)).toBe('6');
  });

  it('keeps the range when a page shows some of the passages', () => {
    expect(lead(resultsFooter(answerOf(3, 30, 48), 0, info()).text)).toBe(
      '1–3 of the 30 best of 48 matching passages',
    );
    expect(lead(resultsFooter(answerOf(5, 30), 5, info(), false).text)).toBe('6–10');
  });
});

describe('renderVerdict of a claim quoted verbatim (user trial 10)', () => {
  it('marks the words the claim quotes in the passage, so a moderator sees where they stand', () => {
    const claim = 'Around 3,300 persons became mine victims during the last 30 years.';
    const verdict = checkClaim(mixed, claim);
    expect(verdict.kind).toBe('verbatim');
    const info = new AnnexState(mixed).info();
    const description = renderVerdict(claim, verdict, describeScope(mixed), info).embeds[0]
      ?.description;
    expect(description).toContain(
      '> Mines are indiscriminately deployed in the conflict-affected territories of Azerbaijan. There is neither marking nor fencing. **Around 3,300 persons became mine victims during the last 30 years**. Since the signing',
    );
    // Words of attribution before the quote are no words of the passage: the quote alone is marked.
    const attributed = renderVerdict(
      `Sweden says Norway and Sweden received 4,000 refugees from the Balkans`,
      checkClaim(mixed, 'Sweden says Norway and Sweden received 4,000 refugees from the Balkans'),
      describeScope(mixed),
      info,
    ).embeds[0]?.description;
    expect(attributed).toContain(
      '> **Norway and Sweden received 4,000 refugees from the Balkans** in 1997',
    );
    expect(renderVerdictText(verdict, describeScope(mixed))).toContain(
      '**Around 3,300 persons became mine victims during the last 30 years**.',
    );
  });
});

describe('the line a reply names its question or claim on (user trial 10)', () => {
  it('holds a question or claim of several lines on one line: an embed’s author line is one line', () => {
    expect(questionAuthor('how many\nmine victims?\n\n  in Lachin').name).toBe(
      'Asked: how many mine victims? in Lachin',
    );
    const claim = 'Around 3,300 persons became mine victims\nduring the last 30 years.';
    const reply = renderVerdict(
      claim,
      checkClaim(mixed, claim),
      describeScope(mixed),
      new AnnexState(mixed).info(),
    );
    expect(reply.embeds[0]?.author?.name).toBe(
      'Claim: Around 3,300 persons became mine victims during the last 30 years.',
    );
  });

  it('still offers the buttons that read a question of several lines back', () => {
    const question = 'how many mine victims\nwere there?';
    const info = new AnnexState(mixed).info();
    const labels = (reply: Reply) =>
      reply.components.flatMap((r) => r.components.map((b) => b.label));
    const answer = renderAnswer(answerQuestion(mixed, question), info, view(question));
    expect(labels(answer)).toContain('Next');
    const page = renderSearchPage(
      answerQuestion(mixed, question, { limit: 5 }),
      info,
      view(question),
    );
    expect(labels(page)).toContain('Next');
  });
});

describe('a miss in one document (user trial 10)', () => {
  it('says "the document searched", not "the 1 document"', () => {
    const answer = answerQuestion(mixed, 'mines', { letter: 'norway-1997' });
    expect(answer.abstained).toBe(true);
    const shownText = shown(renderAnswer(answer, new AnnexState(mixed).info(), view('mines')));
    expect(shownText).toContain('No passage in the document searched (1997)');
    expect(shownText).not.toContain('the 1 document');
    expect(renderAnswerText(answer)).toContain('no passage in the document searched (1997)');
  });
});
