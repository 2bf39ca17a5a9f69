import { beforeAll, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../commands/context.ts';
import { handleInteraction } from '../../commands/index.ts';
import type { Outcome } from '../../commands/types.ts';
import type { Reply } from '../../src/render/discord.ts';
import { checkMessage, slash } from '../e2e/payloads.ts';
import { handlerContext } from '../helpers.ts';

/** A bot started on an empty corpus folder: every command that searches says so, alike. */
let ctx: HandlerContext;
beforeAll(() => {
  ctx = handlerContext([]);
});

async function finalReply(outcome: Outcome): Promise<Reply> {
  if (outcome.type === 'deferred') return outcome.complete();
  if (outcome.type === 'reply' || outcome.type === 'update') return outcome.reply;
  throw new Error(`no reply: ${outcome.type}`);
}

const shown = (reply: Reply) =>
  [reply.content ?? '', ...reply.embeds.flatMap((e) => [e.title ?? '', e.description ?? ''])].join(
    '\n',
  );

describe('an empty corpus', () => {
  it.each([
    ['/ask', () => slash('ask', [{ name: 'question', type: 3, value: 'mine victims' }])],
    ['/chart', () => slash('chart', [{ name: 'what', type: 3, value: 'mine victims' }])],
    ['Check in letters', () => checkMessage('There were 314 mine victims.')],
  ])(
    '%s says there is nothing to search yet, not that the documents do not say it',
    async (_, payload) => {
      const reply = await finalReply(await handleInteraction(payload() as never, ctx));
      const text = shown(reply);
      expect(text).toMatch(/Annex holds no documents yet/);
      expect(text).not.toMatch(/Not in the|No chart|0 letters|0 documents/);
    },
  );
});
