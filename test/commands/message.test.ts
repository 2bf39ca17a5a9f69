import { beforeAll, describe, expect, it } from 'vitest';
import { messageReply } from '../../commands/ask.ts';
import { handleInteraction } from '../../commands/index.ts';
import type { HandlerContext } from '../../commands/context.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { slash } from '../e2e/payloads.ts';
import { CORPUS_DIR, handlerContext } from '../helpers.ts';

let ctx: HandlerContext;
beforeAll(async () => {
  const { letters } = await loadCorpus(CORPUS_DIR);
  ctx = handlerContext(letters);
});

const USER_ID = '500000000000000001';
/** What a reply shows: its content, its embeds' author lines, titles and descriptions. */
const shown = (text: string) => {
  const { reply } = messageReply(ctx, text, USER_ID);
  return [
    reply.content ?? '',
    ...reply.embeds.flatMap((e) => [e.author?.name ?? '', e.title ?? '', e.description ?? '']),
  ].join('\n');
};

describe('a plain DM or mention', () => {
  it('is read as Discord shows it: its custom emoji, channel and role mentions are no words of the question', () => {
    const plain = shown('How many mine victims in Lachin?');
    expect(plain).not.toMatch(/Not found/);
    for (const text of [
      '<:landmine:123456789012345678> How many mine victims in Lachin?',
      '<#400000000000000002> How many mine victims in Lachin?',
      'How many mine victims in Lachin? <@&400000000000000009> <a:boom:223456789012345678>',
    ]) {
      expect(shown(text), text).toBe(plain);
    }
  });

  it('keeps a link the question writes: it may name the document asked about', () => {
    const { reply } = messageReply(
      ctx,
      'what does https://undocs.org/en/A/78/368 say about victims?',
      USER_ID,
    );
    expect(reply.embeds[0]?.author?.name).toContain('https://undocs.org/en/A/78/368');
  });

  it('reads a word pasted with invisible characters in it (zero-width space, soft hyphen, BOM) as the word', () => {
    const plain = shown('How many mine victims in Lachin?');
    for (const text of [
      'How many m\u200bi\u200bn\u200be victims in Lachin?',
      '\ufeffHow many mine vic\u00adtims in La\u2060chin?',
      'How many mine\u200c victims in \u200eLachin\u200f?',
    ]) {
      expect(shown(text), JSON.stringify(text)).toBe(plain);
    }
  });

  it('that holds only custom emoji or mentions gets how to ask, as one that is empty does', () => {
    const empty = shown('');
    expect(empty).toMatch(/Ask me a question/);
    expect(shown('<:landmine:123456789012345678> <a:boom:223456789012345678>')).toBe(empty);
    expect(shown('<#400000000000000002>')).toBe(empty);
  });
});

describe('a first DM that asks about the bot, not the documents', () => {
  it('gets how to ask, or for the documents held, where /letters lists them: never "not found" or passages', () => {
    for (const text of ['Hello! I am new here. What is this bot for?', 'test']) {
      const { reply, found } = messageReply(ctx, text, USER_ID);
      expect(reply.content, text).toMatch(/Ask me a question/);
      expect(reply.embeds, text).toEqual([]);
      expect(found, text).toBeNull();
    }
    for (const text of ['what documents do you have?', "what's in your database"]) {
      const { reply, found } = messageReply(ctx, text, USER_ID);
      expect(reply.content, text).toMatch(/^`\/letters` lists the 5 letters I hold/);
      expect(reply.embeds, text).toEqual([]);
      expect(found, text).toBeNull();
    }
  });
});

describe('/ask and /search', () => {
  /** The reply's author line, titles and descriptions. */
  const answered = async (command: 'ask' | 'search', text: string) => {
    const name = command === 'ask' ? 'question' : 'query';
    const outcome = await handleInteraction(
      slash(command, [{ name, type: 3, value: text }]) as never,
      ctx,
    );
    if (outcome.type !== 'reply') throw new Error(`no reply: ${outcome.type}`);
    const { reply } = outcome;
    return [
      reply.content ?? '',
      ...reply.embeds.flatMap((e) => [e.author?.name ?? '', e.title ?? '', e.description ?? '']),
    ].join('\n');
  };

  it.each(['ask', 'search'] as const)(
    '/%s reads a mention or custom emoji picked into the question as Discord shows it, as a DM is read',
    async (command) => {
      const plain = await answered(command, 'How many mine victims in Lachin?');
      expect(
        await answered(
          command,
          '<#400000000000000002> How many mine victims in Lachin? <:boom:223456789012345678>',
        ),
      ).toBe(plain);
    },
  );

  it.each(['ask', 'search'] as const)(
    '/%s of nothing to look up (blank, emoji only, a greeting) is answered how to ask privately, as other bad input is',
    async (command) => {
      const name = command === 'ask' ? 'question' : 'query';
      for (const text of [
        '   ',
        '<:boom:223456789012345678>',
        'hi',
        'what is this bot for?',
        'which letters do you have',
      ]) {
        const outcome = await handleInteraction(
          slash(command, [{ name, type: 3, value: text }]) as never,
          ctx,
        );
        if (outcome.type !== 'reply') throw new Error(`no reply: ${outcome.type}`);
        expect(outcome.reply.embeds[0]?.description ?? outcome.reply.content, text).toMatch(
          /Ask me a question/,
        );
        expect(outcome.reply.ephemeral, text).toBe(true);
      }
    },
  );
});
