import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../commands/context.ts';
import { commandDefinitions, handleInteraction } from '../../commands/index.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { buttonPress, checkMessage, MEMBER_PERMISSIONS, slash, USER } from '../e2e/payloads.ts';
import { handlerContext, ROOT } from '../helpers.ts';

/**
 * The short private replies the handlers give (an expired button, a moderators' command refused)
 * on a corpus of speeches: they speak of documents, never of "letters" the corpus does not hold.
 */
let ctx: HandlerContext;
beforeAll(async () => {
  const { letters } = await loadCorpus(path.join(ROOT, 'test/fixtures/speeches'));
  ctx = handlerContext(letters);
});

/** The text of a reply the handler core gives at once. */
async function replyText(payload: unknown): Promise<string> {
  const outcome = await handleInteraction(payload as never, ctx);
  if (outcome.type !== 'reply') throw new Error(`no reply: ${outcome.type}`);
  return JSON.stringify(outcome.reply);
}

describe('short replies on a corpus of speeches', () => {
  it.each([
    ['an expired button', () => buttonPress(`annex:q:${USER.id}:0000000000:4`, { content: '' })],
    ['/reload by a member', () => slash('reload')],
    ['Check in letters by a member', () => checkMessage('Norway', MEMBER_PERMISSIONS)],
  ])('%s speaks of documents, not letters', async (_what, payload) => {
    const text = await replyText(payload());
    expect(text).toMatch(/documents/);
    expect(text).not.toMatch(/\bletters\b/);
  });
});

describe('the commands as registered, once for every corpus', () => {
  it.each(['ask', 'search'])('/%s names its filter of one document a document', (name) => {
    const command = commandDefinitions.find((c) => c.name === name) as {
      options?: { name: string; description: string }[];
    };
    const option = command.options?.find((o) => o.name === 'letter');
    expect(option?.description).toMatch(/document/);
    expect(option?.description).not.toMatch(/\bletter\b/i);
  });
});
