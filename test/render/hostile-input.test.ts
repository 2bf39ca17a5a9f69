import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { Letter } from '../../src/corpus/schema.ts';
import {
  markQuote,
  renderAnswer,
  renderSearchPage,
  renderVerdict,
  type Reply,
} from '../../src/render/discord.ts';
import { checkDiscordLimits } from '../../src/render/limits.ts';
import { renderAnswerText } from '../../src/render/text.ts';
import type { IndexInfo } from '../../src/serving/state.ts';
import { answerQuestion, describeScope, SearchIndex } from '../../src/search/index.ts';
import { checkClaim } from '../../src/search/check.ts';
import { CORPUS_DIR, SEED_INFO } from '../helpers.ts';

/** Fragments a public bot meets: markdown, mentions, links, invisible and control characters, RTL, emoji, lone surrogates, regex syntax, quote marks — and words the letters contain. */
const FRAGMENTS = [
  '**bold**',
  '__under__',
  '~~strike~~',
  '||spoiler||',
  '`code`',
  '```js\nconsole.log(1)\n```',
  '> quote',
  '# Heading',
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<@&123456789012345678>',
  '<#123456789012345678>',
  'https://evil.example/phish',
  '[click](https://evil.example)',
  '\u200b',
  '\u200e\u200f',
  '\u202e',
  '\u0000',
  '\u0007\u001b[31m',
  'مرحبا بالعالم',
  'שלום',
  '👩🏽‍💻🇺🇳',
  '\uD800',
  '\uDFFF',
  '.*+?^${}()|[]\\',
  '"'.repeat(100),
  '“„”«»',
  'mines',
  'Khojavend',
  '314 victims',
  '"neither marking"',
  'Lachin 1,318',
];

const hostile = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 40 })), {
    maxLength: 80,
  })
  .map((parts) => parts.join(' ').slice(0, 6000));
const huge = fc.string({ unit: 'binary', minLength: 5500, maxLength: 6000 });

const info: IndexInfo = { ...SEED_INFO, builtAt: new Date(0) };
const scope = { letterKey: null, from: null, to: null };
let index: SearchIndex;
let letters: Letter[];
let keys: Map<string, string>;
beforeAll(async () => {
  letters = (await loadCorpus(CORPUS_DIR)).letters;
  index = SearchIndex.build(letters);
  keys = new Map(letters.map((l) => [l.id, l.sha256.slice(0, 10)]));
});

const unescape = (s: string) => s.replace(/\*\*/g, '').replace(/\\(.)/gs, '$1');

function assertSafe(reply: Reply): void {
  expect(checkDiscordLimits(reply)).toEqual([]);
  expect(reply.allowedMentions).toEqual({ parse: [] });
  for (const more of reply.continuation ?? []) expect(checkDiscordLimits(more)).toEqual([]);
}

function assertPath(input: string): void {
  const answer = answerQuestion(index, input);
  for (const r of answer.results) {
    expect(letters.find((l) => l.id === r.letterId)?.text).toContain(r.text);
    expect(r.text).toContain(r.excerpt);
    expect(unescape(markQuote(r.excerpt, r.highlights))).toBe(r.excerpt);
  }
  assertSafe(
    renderAnswer(answer, info, {
      question: input,
      userId: '1',
      offset: 0,
      scope,
      ephemeral: true,
      keys,
    }),
  );
  assertSafe(
    renderSearchPage(answerQuestion(index, input, { limit: 5 }), info, {
      question: input,
      userId: '1',
      offset: 0,
      scope,
    }),
  );
  assertSafe(renderVerdict(input, checkClaim(index, input), describeScope(index), info));
}

describe('any option string, from question to rendered reply', () => {
  it('never throws, never pings, stays within Discord’s limits, and quotes verbatim', () => {
    fc.assert(
      fc.property(hostile, (input) => assertPath(input)),
      { numRuns: 300 },
    );
  });

  it('holds for strings at Discord’s 6,000-character option limit', () => {
    fc.assert(
      fc.property(huge, (input) => assertPath(input)),
      { numRuns: 25 },
    );
  });

  it('holds for each hostile fragment alone', () => {
    for (const fragment of FRAGMENTS) assertPath(fragment);
  });

  it('reads back at most the start of a pasted page in the terminal’s "Not found" line (user trial 27)', () => {
    const page = `what did kenya say about ${'the weather and '.repeat(1500)}rain`;
    const text = renderAnswerText(answerQuestion(index, page));
    const line = text.split('\n')[0] ?? '';
    expect(line).toMatch(/^Not found: /);
    expect(line.length).toBeLessThan(500);
    expect(text.length).toBeLessThan(page.length);
  });
});
