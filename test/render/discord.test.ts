import { escapeMarkdown } from '@discordjs/formatters';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatUnDate } from '../../src/corpus/dates.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { parseLetter } from '../../src/corpus/parse-letter.ts';
import type { Letter } from '../../src/corpus/schema.ts';
import { decodeButton, encodeButton } from '../../src/render/custom-ids.ts';
import { filterKey } from '../../src/search/list-filter.ts';
import {
  escapeText,
  markQuote,
  questionFromEmbeds,
  renderAnswer,
  renderLetter,
  renderLettersPage,
  renderPassage,
  renderSearchPage,
  renderVerdict,
  splitForEmbeds,
} from '../../src/render/discord.ts';
import { checkDiscordLimits } from '../../src/render/limits.ts';
import type { IndexInfo } from '../../src/serving/state.ts';
import { RELATED_HEADING, renderAnswerText, renderLetterText } from '../../src/render/text.ts';
import { FOLLOW_UP_NOTICE } from '../../src/render/wording.ts';
import { AnnexState } from '../../src/serving/state.ts';
import { checkClaim } from '../../src/search/check.ts';
import {
  type Answer,
  answerQuestion,
  describeScope,
  ABOUT_HOLDINGS,
  SearchIndex,
  ONLY_TIME,
  SMALL_TALK,
} from '../../src/search/index.ts';
import { CORPUS_DIR, ROOT, SEED, SEED_INFO } from '../helpers.ts';

const info: IndexInfo = SEED_INFO;
const scope = { letterKey: null, from: null, to: null };
let letters: Letter[];

/** An answer rendered as the reply to `question`, checked against Discord's limits. */
function rendered(
  answer: Answer,
  question: string,
  options: { ephemeral?: boolean; keys?: ReadonlyMap<string, string> } = {},
) {
  const { ephemeral = false, keys = new Map<string, string>() } = options;
  const reply = renderAnswer(answer, info, {
    question,
    userId: '1',
    offset: 0,
    scope,
    ephemeral,
    keys,
  });
  expect(checkDiscordLimits(reply), question.slice(0, 20)).toEqual([]);
  return reply;
}
beforeAll(async () => {
  letters = (await loadCorpus(CORPUS_DIR)).letters;
});

/** A letter with one passage of `length` characters, to test what does not fit in one embed. */
function longLetter(length: number): Letter {
  const sentence =
    'The *mines* were laid _again_ near @everyone and <@123> in ~~the~~ `district`. ';
  const body = sentence
    .repeat(Math.ceil(length / sentence.length))
    .slice(0, length)
    .trim();
  const raw = `Letter dated 1 March 2022 from the Permanent Representative of Testland to the United Nations addressed to the Secretary-General\n\nShort opening.\n\n${body}\n\nShort closing.\n`;
  const parsed = parseLetter(raw, { id: 'long', file: 'long.txt', sha256: 'a'.repeat(64) });
  // Annex quotes a long paragraph in pieces; the renderer must still show a passage longer
  // than one embed (one saved by an earlier version, or a longer limit), so make it one again.
  const [opening, ...rest] = parsed.passages;
  const closing = rest.pop();
  const first = rest[0];
  const last = rest.at(-1);
  if (!opening || !closing || !first || !last) return parsed;
  const text = parsed.text.slice(first.start, last.end);
  return {
    ...parsed,
    passages: [opening, { ...first, text, end: last.end }, { ...closing, n: 3 }],
  };
}

describe('markQuote', () => {
  it('escapes the source’s markdown and bolds only the highlights, keeping every character', () => {
    const text = 'Around *3,300* persons_became victims';
    const marked = markQuote(text, [{ start: 0, end: 6 }]);
    expect(marked).toBe('**Around** \\*3,300\\* persons\\_became victims');
    expect(marked.replace(/\*\*/g, '').replace(/\\(.)/g, '$1')).toBe(text);
  });

  it('keeps any text verbatim and bolds exactly the highlights', () => {
    // Markdown characters, letters, spaces and the private-use characters markQuote uses inside.
    // Runs of three (`***`, `~~~`…) are left out: escapeMarkdown leaves one of them unescaped.
    const text = fc
      .string({ unit: fc.constantFrom(...'*_~|`>#-. aZ9\uE000\uE001'), maxLength: 60 })
      .filter((t) => !/([*_~|`])\1\1/.test(t));
    const withHighlights = text.chain((t) =>
      fc.uniqueArray(fc.integer({ min: 0, max: t.length }), { maxLength: 6 }).map((cuts) => {
        const sorted = [...cuts].sort((a, b) => a - b);
        const highlights = [];
        for (let i = 0; i + 1 < sorted.length; i += 2)
          highlights.push({ start: sorted[i] ?? 0, end: sorted[i + 1] ?? 0 });
        return { t, highlights };
      }),
    );
    fc.assert(
      fc.property(withHighlights, ({ t, highlights }) => {
        const marked = markQuote(t, highlights);
        // The bold markers are the only unescaped asterisks: remove them, then the escapes.
        const unescaped = marked.replace(/(?<!\\)\*\*/g, '').replace(/\\(.)/gs, '$1');
        expect(unescaped).toBe(t);
        expect(marked.match(/(?<!\\)\*\*/g)?.length ?? 0).toBe(highlights.length * 2);
      }),
      { numRuns: 500 },
    );
  });
});

describe('escapeText', () => {
  it('is discord.js’s escapeMarkdown, also for text longer than one run', () => {
    const text = 'The *Secretary-General* noted file_name and ~~draft~~ text || twice. '.repeat(40);
    expect(escapeText(text)).toBe(escapeMarkdown(text));
    expect(escapeText('No markdown here: 1,318 victims.')).toBe('No markdown here: 1,318 victims.');
  });

  it('escapes any text as escapeMarkdown does, whatever its length', () => {
    // Runs of three asterisks or underscores are left out: escapeMarkdown alternates where it
    // puts their backslashes from one run to the next, a difference that renders the same.
    const word = fc.string({
      unit: fc.constantFrom(...'\\`*_~|aZ9.:/'),
      minLength: 1,
      maxLength: 30,
    });
    const text = fc
      .array(fc.tuple(word, fc.constantFrom(' ', '\n', '  ')), { maxLength: 80 })
      .map((parts) => parts.flat().join(''))
      .filter((t) => !/\*\*\*|___/.test(t));
    fc.assert(
      fc.property(text, (t) => {
        expect(escapeText(t)).toBe(escapeMarkdown(t));
      }),
      { numRuns: 300 },
    );
  });
});

describe('splitForEmbeds', () => {
  it('splits a long passage at spaces without losing a character', () => {
    const text = 'word '.repeat(3000).trim();
    const chunks = splitForEmbeds(text, 1000);
    expect(chunks.every((c) => c.length <= 1000)).toBe(true);
    expect(chunks.join(' ')).toBe(text);
  });
});

describe('renderPassage', () => {
  it('shows a passage longer than one embed across labelled embeds, within the message limit', () => {
    const letter = longLetter(5200);
    const reply = renderPassage(letter, 2, info, { context: true, userId: '1' });
    const messages = [reply, ...(reply.continuation ?? [])];
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(checkDiscordLimits(m)).toEqual([]);
    const embeds = messages.flatMap((m) => m.embeds);
    expect(embeds.at(-1)?.description).toContain('passage 2 (numbered by the Annex bot)');
    const parts = embeds.filter((e) => e.description?.includes('(part '));
    expect(parts.map((e) => /\(part (\d) of (\d)\)/.exec(e.description ?? '')?.slice(1))).toEqual([
      ['1', '2'],
      ['2', '2'],
    ]);
    const shown = parts
      .map((e) =>
        (e.description ?? '').replace(/^\*\(part \d of \d\)\*\n> /, '').replace(/\\(.)/g, '$1'),
      )
      .join(' ');
    expect(shown).toBe(letter.passages[1]?.text);
    expect(reply.allowedMentions).toEqual({ parse: [] });
  });
});

describe('every render stays within Discord’s limits', () => {
  it('for answers, letters and pages of the seed corpus and a long letter', () => {
    const all = [...letters, longLetter(9000)];
    const index = SearchIndex.build(all);
    const keys = new Map(all.map((l) => [l.id, l.sha256.slice(0, 10)]));
    for (const q of [
      'mines',
      'How many of the 314 mine victims died?',
      'district mines again',
      'x'.repeat(6000),
    ]) {
      const answer = answerQuestion(index, q, { limit: 3 });
      rendered(answer, q, { ephemeral: true, keys });
    }
    for (const l of all) expect(checkDiscordLimits(renderLetter(l, info))).toEqual([]);
    expect(checkDiscordLimits(renderLettersPage(all, 0, info, '1'))).toEqual([]);
  });

  it('fits three long passages of long-titled documents in one answer, saying which are excerpts', async () => {
    // Three statements, each one paragraph near the 1,500 characters a passage may hold, with
    // titles and authors near the limits of an embed's title: whole, they would pass the 6,000
    // characters one message may hold, and Discord would refuse the answer.
    const dir = mkdtempSync(path.join(tmpdir(), 'annex-long-answer-'));
    const sentence =
      'Coral reef cover around the islands fell again because the ocean grew warmer. ';
    for (const n of [1, 2, 3]) {
      const title = `Statement ${n} of the Delegation of ${'the Republic of the Very Long Name and '.repeat(6)}on coral reefs`;
      const body = `${sentence.repeat(18).trim()} The fisheries of island ${n} suffer.`;
      const front = `---\ntitle: "${title}"\ndate: 2024-0${n}-01\nauthor: "${'Delegation '.repeat(20).trim()}"\nkind: statement\n---\n`;
      writeFileSync(path.join(dir, `s${n}.txt`), `${front}${body}\n`);
    }
    const docs = (await loadCorpus(dir)).letters;
    rmSync(dir, { recursive: true });
    const index = SearchIndex.build(docs);
    const keys = new Map(docs.map((l) => [l.id, l.sha256.slice(0, 10)]));
    const q = 'why did coral reef cover fall around the islands';
    const answer = answerQuestion(index, q, { limit: 3 });
    expect(answer.results).toHaveLength(3);
    expect(answer.results.every((r) => r.text.length > 1300)).toBe(true);
    const reply = rendered(answer, q, { keys });
    expect(reply.embeds).toHaveLength(3);
    // The best passage keeps its whole quote; the others give way to it.
    expect(reply.embeds[0]?.description).not.toContain('*Excerpt');
    for (const [i, embed] of reply.embeds.entries()) {
      const quoted = /\n> (.*?)(?:\n\n\*Excerpt|$)/s.exec(embed.description ?? '')?.[1] ?? '';
      const words = quoted.replace(/\*\*/g, '').replace(/\\(.)/g, '$1').replace(/…$/, '');
      expect(words.length).toBeGreaterThan(50);
      expect(answer.results[i]?.text).toContain(words);
      if (words.length < (answer.results[i]?.text.length ?? 0))
        expect(embed.description).toMatch(/\*Excerpt: press Context for the whole passage/);
    }
    const close = renderVerdict(
      q,
      { kind: 'close', answer, pieces: [], sentences: 0 },
      answer.searched,
      info,
    );
    expect(checkDiscordLimits(close)).toEqual([]);
  });

  it('offers Context and Cite, but no button that asks again, when the question is too long to read back', () => {
    const index = SearchIndex.build(letters);
    const keys = new Map(letters.map((l) => [l.id, l.sha256.slice(0, 10)]));
    const q = `mine victims ${'and more '.repeat(40)}`;
    const reply = renderAnswer(answerQuestion(index, q), info, {
      question: q,
      userId: '1',
      offset: 0,
      scope,
      ephemeral: true,
      keys,
    });
    const labels = reply.components.flatMap((r) => r.components.map((c) => c.label));
    expect(labels).toEqual(['Context 1', 'Context 2', 'Context 3', 'Cite 1', 'Cite 2', 'Cite 3']);
    expect(reply.embeds[0]?.author?.name).toMatch(/^Asked \(shortened\): mine victims and more/);
  });

  it('never gives two buttons of one message the same custom id (Discord refuses the message)', () => {
    expect(
      checkDiscordLimits({
        components: [
          { components: [{ custom_id: 'annex:x:1:k:1', label: 'Context 1' }] },
          { components: [{ custom_id: 'annex:x:1:k:1', label: 'Context 3' }] },
        ],
      }),
    ).toEqual(['custom_id used twice: annex:x:1:k:1']);
    // A heading (a masthead, shown with the first passage of its part) and that first passage
    // itself may both answer, so Context and Cite of the two lead to one passage.
    const index = SearchIndex.build(letters);
    const keys = new Map(letters.map((l) => [l.id, l.sha256.slice(0, 10)]));
    const q = 'A/78/368';
    const asked = answerQuestion(index, q);
    const [first, ...rest] = asked.results;
    if (!first) throw new Error(`no answer to ${q}`);
    const answer = { ...asked, results: [first, { ...first, passage: 0 }, ...rest] };
    const nears = answer.results.map((r) => `${r.letterId}:${r.near}`);
    expect(new Set(nears).size).toBeLessThan(nears.length);
    const reply = rendered(answer, q, { keys });
    const ids = reply.components.flatMap((r) => r.components.map((c) => c.custom_id));
    expect(new Set(ids).size).toBe(ids.length);
    // Every result still has its Context and Cite: one button names both results it serves.
    const labels = reply.components.flatMap((r) => r.components.map((c) => c.label ?? ''));
    for (const kind of ['Context', 'Cite']) {
      const numbers = labels
        .filter((l) => l.startsWith(`${kind} `))
        .flatMap((l) => l.slice(kind.length + 1).split(' & '));
      expect(numbers.sort()).toEqual(answer.results.map((_, i) => String(i + 1)));
    }
  });

  it.each([
    ['ending in “…”, as phones write "..."', 'mine victims in Lachin…'],
    ['just short enough for the author line', 'mine victims '.repeat(19).trim()],
  ])('offers buttons for a question %s, and they read it back whole', (_, q) => {
    const index = SearchIndex.build(letters);
    const keys = new Map(letters.map((l) => [l.id, l.sha256.slice(0, 10)]));
    const view = { question: q, userId: '1', offset: 0, scope, ephemeral: true, keys };
    const reply = renderAnswer(answerQuestion(index, q), info, view);
    const ids = reply.components.flatMap((r) => r.components.map((c) => c.custom_id ?? ''));
    expect(ids.some((id) => id.startsWith('annex:x:'))).toBe(true);
    expect(ids.some((id) => id.startsWith('annex:p:'))).toBe(true);
    expect(questionFromEmbeds(reply.embeds)).toBe(q);
  });
});

describe('footers', () => {
  it('name the number of letters at most once, whatever else they say', () => {
    const index = SearchIndex.build(letters);
    const view = { userId: '1', offset: 0, scope, ephemeral: false, keys: new Map() };
    const footers = [
      renderAnswer(answerQuestion(index, 'mine victims'), info, {
        ...view,
        question: 'mine victims',
      }),
      renderSearchPage(answerQuestion(index, 'mines', { limit: 5 }), info, {
        ...view,
        question: 'mines',
      }),
      renderVerdict(
        '61 mine victims died',
        checkClaim(index, '61 mine victims died'),
        describeScope(index),
        info,
      ),
      renderLetter(letters[0] as Letter, info),
    ].map((reply) => reply.embeds.map((e) => e.footer?.text ?? '').join(' '));
    expect(footers[0]).toContain('searched 5 letters');
    for (const text of footers)
      expect(text.match(/\b5 letters\b/g)?.length ?? 0, text).toBeLessThanOrEqual(1);
  });
});

describe('a quote of several lines (user trial 7)', () => {
  /** The lines of an embed's description after its "… says:" line, each of which must be quoted. */
  const quoted = (description: string) => description.split('\n').slice(1);

  it("quotes every line of a passage, the masthead's too, not only its first", () => {
    const index = SearchIndex.build(letters);
    const q = 'when was A/76/930 distributed';
    const answer = answerQuestion(index, q);
    const first = rendered(answer, q).embeds[0]?.description ?? '';
    expect(first).toContain('Distr.: General 25 August 2022');
    for (const line of quoted(first)) expect(line).toMatch(/^> /);
  });

  it('quotes every line of a passage in Check in letters', () => {
    const index = SearchIndex.build(letters);
    const claim =
      'United Nations A/76/930-S/2022/642 Distr.: General 26 August 2022 Original: French';
    const verdict = checkClaim(index, claim);
    const reply = renderVerdict(claim, verdict, describeScope(index), info);
    const masthead = reply.embeds.find(
      (e) => e.description?.includes(' says:\n') && e.description.includes('Distr.: General'),
    );
    expect(masthead).toBeDefined();
    for (const line of quoted(masthead?.description ?? '')) expect(line).toMatch(/^> /);
  });
});

describe('how many passages match', () => {
  it('says how many passages hold the question’s words, as /search does, not how many it ranked (user trial 6)', () => {
    const index = SearchIndex.build(letters);
    const q = 'how many people became landmine victims';
    const answer = answerQuestion(index, q);
    const matching = answerQuestion(index, q, { list: true }).matched ?? 0;
    // More passages hold its words than the closest ones Annex ranks and pages through.
    expect(matching).toBeGreaterThan(answer.total);
    const footer = rendered(answer, q).embeds.at(-1)?.footer?.text ?? '';
    expect(footer).toMatch(
      new RegExp(`^1–3 of the ${answer.total} best of ${matching} matching passages · `),
    );
    expect(renderAnswerText(answer)).toMatch(
      new RegExp(`\\n3 of the ${answer.total} best of ${matching} matching passages; searched`),
    );
  });

  it('says how many match when it ranks them all', () => {
    const index = SearchIndex.build(letters);
    const q = 'who signed the letter';
    const answer = answerQuestion(index, q);
    expect(answer.abstained).toBe(false);
    const matching = answerQuestion(index, q, { list: true }).matched ?? 0;
    expect(answer.total).toBeGreaterThanOrEqual(matching);
    const footer = rendered(answer, q).embeds.at(-1)?.footer?.text ?? '';
    expect(footer).toMatch(new RegExp(`^1–3 of ${answer.total} matching passages · `));
  });

  it('says when the author named has no document of the time named, above the passages or the closest ones', () => {
    const index = SearchIndex.build(letters);
    const q = 'how many mine victims were there';
    const notice =
      'No letter by Azerbaijan is dated 1999; these passages are from its other letters, which may tell of that time.';
    const answered = {
      ...answerQuestion(index, q),
      undated: { author: 'Azerbaijan', time: '1999' },
    };
    expect(answered.abstained).toBe(false);
    expect(rendered(answered, q).content).toBe(notice);
    expect(renderAnswerText(answered).startsWith(`${notice}\n\n`)).toBe(true);
    const abstained = { ...answered, abstained: true, related: answered.results, results: [] };
    expect(rendered(abstained, q).embeds[0]?.description).toContain(
      `${notice}\n\n**${RELATED_HEADING}**`,
    );
    expect(renderAnswerText(abstained)).toContain(`${notice}\n\n${RELATED_HEADING}`);
    // Without such a time, nothing is said.
    expect(rendered(answerQuestion(index, q), q).content).toBeUndefined();
  });
});

describe('/search', () => {
  it('says how many passages match in all when it lists only the best of them', () => {
    const index = SearchIndex.build(letters);
    const answer = answerQuestion(index, 'Armenia', { list: true, limit: 5 });
    expect(answer.matched).toBeGreaterThan(answer.total);
    const view = { question: 'Armenia', userId: '1', offset: 0, scope, ephemeral: false };
    const [embed] = renderSearchPage(answer, info, view).embeds;
    expect(embed?.title).toBe(`${answer.total} best of ${answer.matched} matching passages`);
  });

  it('bolds the matched words of an excerpt it shortens, where they are shown', () => {
    const index = SearchIndex.build(letters);
    const answer = answerQuestion(index, 'mines', { list: true, limit: 30 });
    const view = { question: 'mines', userId: '1', offset: 0, scope, ephemeral: false };
    const [embed] = renderSearchPage(answer, info, view).embeds;
    const lines = (embed?.description ?? '').split(/\n\n/);
    const shortened = answer.results
      .map((r, i) => ({ r, line: lines[i] ?? '' }))
      .filter(({ r }) => r.excerpt.length > 300 && r.highlights.some((h) => h.end < 290));
    expect(shortened.length).toBeGreaterThan(0);
    // The number ("**9.**") is bold too: the quote after it.
    for (const { line } of shortened) expect(line.replace(/^\*\*\d+\.\*\*/, '')).toMatch(/\*\*\S/);
  });

  it('says that no passage matches the words, and does not send the user to /search itself', () => {
    const index = SearchIndex.build(letters);
    const answer = answerQuestion(index, 'zebra giraffe', { list: true, limit: 5 });
    const view = { question: 'zebra giraffe', userId: '1', offset: 0, scope, ephemeral: false };
    const [embed] = renderSearchPage(answer, info, view).embeds;
    expect(embed?.title).toBe('Not found in the letters');
    expect(embed?.description).toMatch(/^No passage in the 5 letters, .* matches these words\./);
    expect(embed?.description).not.toContain('/search');
  });
});

describe('a greeting or thanks', () => {
  it('gets a hint on how to ask, not a search: no "not found", no passage', () => {
    const index = SearchIndex.build(letters);
    for (const message of ['hello', 'thanks!', 'thank you so much annex', 'ok cool']) {
      const answer = answerQuestion(index, message);
      expect(answer.reason, message).toBe(SMALL_TALK);
      expect(answer.results).toEqual([]);
      expect(answer.related).toEqual([]);
      const view = { question: message, userId: '1', offset: 0, scope, ephemeral: true };
      const reply = renderAnswer(answer, info, { ...view, keys: new Map() });
      expect(reply.embeds).toEqual([]);
      expect(reply.content).toContain('in your own words');
      expect(JSON.stringify(reply)).not.toContain('Not found');
      expect(renderAnswerText(answer)).toContain('in your own words');
    }
    // A question said with thanks is a question.
    expect(answerQuestion(index, 'thanks, how many mine victims were there').reason).not.toBe(
      SMALL_TALK,
    );
  });
});

describe('a question that names only a time', () => {
  it('gets how to ask, not a masthead that holds the year (user trial 21)', () => {
    const index = SearchIndex.build(letters);
    for (const message of ['what about in 2021?', '2021', 'and in 2023?']) {
      const answer = answerQuestion(index, message);
      expect(answer.reason, message).toBe(ONLY_TIME);
      expect(answer.results, message).toEqual([]);
      expect(answer.related, message).toEqual([]);
      const reply = rendered(answer, message, { ephemeral: true });
      expect(reply.content, message).toMatch(/^A time alone names nothing to look for/);
      expect(JSON.stringify(reply), message).not.toContain('Not found');
    }
    // A time with something to look for in it is searched.
    const asked = answerQuestion(index, 'mine victims in 2023');
    expect(asked.reason).not.toBe(ONLY_TIME);
    expect(asked.results.length).toBeGreaterThan(0);
  });
});

describe('a question that opens as a follow-up does', () => {
  it('is answered, and told that Annex read it alone (user trial 22)', () => {
    const index = SearchIndex.build(letters);
    const answer = answerQuestion(index, 'and how many were killed in Khojavand?');
    expect(answer.followUp).toBe(true);
    expect(answer.results.length).toBeGreaterThan(0);
    const reply = rendered(answer, 'and how many were killed in Khojavand?');
    expect(reply.content).toBe(FOLLOW_UP_NOTICE);
    expect(renderAnswerText(answer)).toMatch(/^I read each question on its own/);
    // A question that only starts with the same letters is no follow-up.
    expect(answerQuestion(index, 'andorra and mines').followUp).toBeUndefined();
    expect(answerQuestion(index, 'how many were killed in Khojavand?').followUp).toBeUndefined();
  });
});

describe('a message about Annex itself or the documents it holds', () => {
  /** The reply to a message as a DM shows it, checked against Discord's limits. */
  const replyTo = (index: SearchIndex, message: string) =>
    rendered(answerQuestion(index, message), message, { ephemeral: true });

  it('that asks what the bot is or is for, or only tries it, gets how to ask: no "not found", no passage', () => {
    const index = SearchIndex.build(letters);
    for (const message of [
      'Hello! I am new here. What is this bot for?',
      'what is this bot for',
      "i'm new here",
      'test',
      'testing',
      // What people say of a bot they try: a laugh, a word of praise or blame.
      'lol this bot is cool',
      'haha nice',
      'good bot',
      'this bot is useless',
    ]) {
      const answer = answerQuestion(index, message);
      expect(answer.reason, message).toBe(SMALL_TALK);
      expect(answer.related, message).toEqual([]);
      const reply = replyTo(index, message);
      expect(reply.content, message).toContain('in your own words');
      expect(JSON.stringify(reply), message).not.toContain('Not found');
    }
  });

  it('that asks which documents there are is told that /letters lists them, and how many of each kind', () => {
    const index = SearchIndex.build(letters);
    for (const message of [
      'what documents do you have?',
      'which letters do you have',
      'list the documents',
      "what's in your database",
      'how many letters are there',
      // Which years they span: the reply gives their first and last dates.
      'what years do the letters cover',
    ]) {
      const answer = answerQuestion(index, message);
      expect(answer.reason, message).toBe(ABOUT_HOLDINGS);
      expect(answer.results, message).toEqual([]);
      expect(answer.related, message).toEqual([]);
      const reply = replyTo(index, message);
      expect(reply.content, message).toMatch(
        /^`\/letters` lists the 5 letters I hold \(4 letters and 1 note verbale, 23 February 2021 – 4 April 2024\)\. Ask me a question/,
      );
      expect(JSON.stringify(reply), message).not.toContain('Not found');
      expect(renderAnswerText(answer), message).toMatch(
        /^`npm run cli -- letters` lists the 5 letters I hold \(4 letters and 1 note verbale, .*\)\. Ask me a question/,
      );
    }
  });

  it('still answers a question about what the documents say, though it names them', () => {
    const index = SearchIndex.build(letters);
    for (const message of [
      'which letter mentions Lachin',
      // "documents", as "letters", only names them ("what documents mention mines", where every
      // letter does, is answered as "which letters mention mines" is).
      'what documents mention Lachin',
      'do you have anything on mine victims in Lachin',
    ]) {
      const answer = answerQuestion(index, message);
      expect(answer.reason, message).not.toBe(SMALL_TALK);
      expect(answer.reason, message).not.toBe(ABOUT_HOLDINGS);
      expect(answer.results.length, message).toBeGreaterThan(0);
    }
  });
});

describe('an abstention', () => {
  it('offers the closest passages under a heading that says they may not answer', () => {
    const index = SearchIndex.build(letters);
    const answer = answerQuestion(index, 'how many dogs were killed by mines');
    expect(answer.abstained).toBe(true);
    const reply = renderAnswer(answer, info, {
      question: answer.query,
      userId: '1',
      offset: 0,
      scope,
      ephemeral: true,
      keys: new Map(),
    });
    const [first, ...closest] = reply.embeds;
    expect(first?.title).toBe('Not found in the letters');
    // Says why: what the search could not find.
    expect(answer.reason).toBe('the letters never mention "dogs"');
    expect(first?.description).toContain(`answers this question: ${answer.reason}.`);
    expect(first?.description).toContain(`**${RELATED_HEADING}**`);
    expect(closest).toHaveLength(answer.related.length);
    expect(closest[0]?.description).toContain(answer.related[0]?.excerpt.slice(0, 20));
    expect(checkDiscordLimits(reply)).toEqual([]);
    const text = renderAnswerText(answer);
    expect(text).toContain(`answers "how many dogs were killed by mines": ${answer.reason}.`);
    expect(text.indexOf(RELATED_HEADING)).toBeGreaterThan(text.indexOf('Not found'));
    expect(text).toContain(answer.related[0]?.citation);
  });

  it('says when no document falls within the filters, and what the documents cover', () => {
    const index = SearchIndex.build(letters);
    const answer = answerQuestion(index, 'mine victims', { from: '2025-01-01' });
    const view = { question: answer.query, userId: '1', offset: 0, scope, ephemeral: true };
    const [first] = renderAnswer(answer, info, { ...view, keys: new Map() }).embeds;
    expect(first?.description).toBe(
      'No letter falls within these filters. Annex holds 5 letters, 23 February 2021 – 4 April 2024: widen `from` and `to`, or leave them out.',
    );
  });
});

describe('custom ids', () => {
  it('round-trips every action within 100 characters', () => {
    const full = { letterKey: '0123456789', from: '2021-01-01', to: '2024-12-31' };
    const actions = [
      { kind: 'ask-page', userId: '12345678901234567890', offset: 999, scope: full },
      { kind: 'search-page', userId: '1', offset: 0, scope },
      { kind: 'publish', userId: '1', offset: 3, scope: full },
      {
        kind: 'context',
        userId: '12345678901234567890',
        letterKey: 'abcdef0123',
        passage: 10000,
        offset: 30,
        scope: full,
      },
      { kind: 'cite', userId: '1', letterKey: 'abcdef0123', passage: 1, offset: 0, scope },
      { kind: 'letters-page', userId: '1', page: 4 },
      {
        kind: 'letters-page',
        userId: '12345678901234567890',
        page: 999,
        filter: { kind: 'note-verbale', author: 'norway', year: 1997 },
      },
      { kind: 'quote', userId: '1', letterKey: 'abcdef0123', passage: 2 },
    ] as const;
    for (const action of actions) {
      const id = encodeButton(action);
      expect(id?.length).toBeLessThanOrEqual(100);
      expect(decodeButton(id ?? '')).toEqual(action);
    }
  });

  it('names a /letters filter’s long author by its key when its slug leaves no room', () => {
    const author = 'permanent-representative-of-azerbaijan-to-the-united-nations-office-at-geneva';
    const id = encodeButton({
      kind: 'letters-page',
      userId: '12345678901234567890',
      page: 12,
      filter: { kind: 'note-verbale', author, year: 2021 },
    });
    expect(id?.length).toBeLessThanOrEqual(100);
    expect(decodeButton(id ?? '')).toEqual({
      kind: 'letters-page',
      userId: '12345678901234567890',
      page: 12,
      filter: { kind: 'note-verbale', author: `#${filterKey(author)}`, year: 2021 },
    });
  });

  it('rejects what Annex did not make', () => {
    for (const id of [
      '',
      'annex',
      'annex:a',
      'annex:a:1:x:::',
      'annex:z:1:0',
      'other:a:1:0:::',
      `annex:x:1:${SEED.lachin}:1:0:::`,
    ]) {
      expect(decodeButton(id)).toBeNull();
    }
  });
});

describe('an answer in Discord', () => {
  /** The text of every embed of the reply to `question`, markdown escapes undone. */
  function shown(question: string): string {
    const index = SearchIndex.build(letters);
    const answer = answerQuestion(index, question);
    expect(answer.abstained).toBe(false);
    const reply = rendered(answer, question);
    return reply.embeds.map((e) => (e.description ?? '').replace(/[*\\]/g, '')).join('\n');
  }

  it('quotes a passage that fits whole, so the sentence that answers is never cut off', () => {
    // Both passages hold the answer in a later sentence than the one that matches best.
    expect(shown('how many landmines were found in Lachin')).toMatch(/1,318|2,700/);
    expect(shown('anti tank mine blast killed two civilians')).toContain('2 civilians were killed');
  });
});

describe('a document’s kind', () => {
  it('names the part a passage stands in by the document’s kind, in every list and heading', async () => {
    const documents = (await loadCorpus(path.join(ROOT, 'test/fixtures/documents'))).letters;
    const state = new AnnexState(SearchIndex.build(documents));
    const statement = documents.find((l) => l.kind === 'statement');
    expect(statement).toBeDefined();
    const q = 'How many people lost their lives in the floods in the Veyra valley?';
    const answer = answerQuestion(state.index, q, { letter: statement?.id });
    const view = { question: q, userId: '1', offset: 0, scope, ephemeral: false, keys: new Map() };
    const titles = renderAnswer(answer, state.info(), view).embeds.map((e) => e.title ?? '');
    expect(titles[0]).toMatch(/ · statement$/);
    const list = renderSearchPage(answer, state.info(), view).embeds[0]?.description ?? '';
    expect(list).toMatch(/, statement, passage \d/);
    expect(list).not.toMatch(/, letter, passage/);
    const shown = renderPassage(statement as Letter, 2, state.info(), {
      context: true,
      userId: '1',
    });
    const headings = shown.embeds.map((e) => e.title ?? '').filter(Boolean);
    expect(headings.join(' | ')).toMatch(
      /^Before: passage 1 \(statement\) \| Passage 2 \(statement\)/,
    );
    expect(renderLetterText(statement as Letter)).toMatch(/\[2\] \(statement\)/);
  });
});

describe('a result’s heading and citation', () => {
  const norway =
    'Statement by H.E. Ms. Ingrid Solberg, Ambassador of Norway, at the Meeting of States Parties to the Anti-Personnel Mine Ban Convention\n\nGeneva, 27 November 2023\n\nMr. President,\n\nIn 2023 Norway contributed NOK 380 million to mine action in 21 countries, making it one of the largest donors in the world.\n\nWe are deeply concerned by the new use of anti-personnel mines in Ukraine and Myanmar.\n';

  /** How many times `part` occurs in `text`. */
  const count = (text: string, part: string) => text.split(part).length - 1;

  it('names a document without a symbol shortly, giving its title and date once each (user trial 6)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'annex-labels-'));
    try {
      for (const l of letters)
        copyFileSync(path.join(ROOT, l.file), path.join(dir, path.basename(l.file)));
      writeFileSync(path.join(dir, 'norway-statement.txt'), norway);
      const documents = (await loadCorpus(dir)).letters;
      const state = new AnnexState(SearchIndex.build(documents));
      const questions = [
        'how many people became landmine victims',
        'how much did norway give to mine action',
        'what did the letter of 23 february 2021 say about minefield maps',
      ];
      const seen = new Set<string>();
      for (const question of questions) {
        const answer = answerQuestion(state.index, question);
        expect(answer.abstained, question).toBe(false);
        const view = { question, userId: '1', offset: 0, scope, ephemeral: false, keys: new Map() };
        const embeds = renderAnswer(answer, state.info(), view).embeds;
        const text = renderAnswerText(answer);
        for (const [i, r] of answer.results.entries()) {
          const document = documents.find((d) => d.id === r.letterId) as Letter;
          const embed = embeds[i];
          const title = embed?.title ?? '';
          // What names the document: the heading, the "… says:" line and the citation (the
          // quote itself may be the title: a heading is quoted as any passage).
          const shown = [
            title,
            (embed?.description ?? '').split('\n')[0] ?? '',
            ...(embed?.fields ?? []).map((f) => f.value),
          ].join('\n');
          const date = formatUnDate(document.date);
          seen.add(document.id);
          // A short heading that names the document, with its date once.
          expect(title.length, title).toBeLessThanOrEqual(60);
          expect(count(title, date), title).toBe(1);
          // The whole title once, where the citation needs it: never in the heading too.
          expect(count(shown.replace(/\\/g, ''), document.title), shown).toBeLessThanOrEqual(1);
          const block = text.split('\n\n')[i] ?? '';
          const naming = block.split('\n').filter((l, k) => k === 0 || l.startsWith('   — '));
          expect(count(naming.join('\n'), document.title), block).toBeLessThanOrEqual(1);
          for (const line of block.split('\n'))
            expect(count(line, date), line).toBeLessThanOrEqual(1);
        }
      }
      // A /search line names the document once, with its date once.
      for (const question of questions) {
        const listing = answerQuestion(state.index, question, { list: true, limit: 10 });
        const view = { question, userId: '1', offset: 0, scope, ephemeral: false, keys: new Map() };
        const lines = (renderSearchPage(listing, state.info(), view).embeds[0]?.description ?? '')
          .split('\n')
          .filter((l) => l.startsWith('— '));
        expect(lines.length).toBe(listing.results.length);
        for (const [i, r] of listing.results.entries())
          expect(count(lines[i] ?? '', formatUnDate(r.date)), lines[i]).toBe(1);
      }
      // Symbol-less documents were among those shown: the letter of 4 April 2024, the statement.
      expect(seen).toContain(SEED.awarenessDay2024);
      expect(seen).toContain('norway-statement');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
