/**
 * Plain messages, which only the gateway delivers: a DM, or a server message that mentions the
 * bot, is answered like /ask (by the core's `askReply`), as a reply to the message.
 */
import type { Message } from 'discord.js';
import { messageReply } from '../../commands/ask.ts';
import type { HandlerContext } from '../../commands/context.ts';
import { newErrorId, somethingWentWrong } from '../../commands/index.ts';
import { messageOf } from '../../commands/outcome.ts';
import { type Reply, renderNotice } from '../render/discord.ts';
import { rateLimitMessage } from '../serving/rate-limit.ts';

/** The bot's mention at the start of a message, removed before answering. */
const MENTION = /<@!?\d+>/g;

/** Replies to `message` with `reply`, then with each message it continues into, in order. */
async function replyToMessage(message: Message, reply: Reply): Promise<void> {
  for (const part of [reply, ...(reply.continuation ?? [])]) {
    const { body } = messageOf(part);
    await message.reply({
      content: body.content,
      embeds: body.embeds,
      components: body.components,
      allowedMentions: { parse: [], repliedUser: false },
    });
  }
}

/**
 * Answers a plain DM, or a server message that mentions the bot, like `/ask` (or says how to ask,
 * when it asks nothing: the core's `messageReply`). Messages from bots (itself included) are
 * ignored. An error is logged with an id, which the reply then quotes; the bot keeps running.
 */
export async function handleMessage(
  message: Message,
  ctx: HandlerContext,
  botUserId: string,
): Promise<void> {
  if (message.author.bot) return;
  const isDm = message.guildId === null;
  if (!isDm && !message.mentions.users.has(botUserId)) return;
  const question = message.content.replace(MENTION, ' ').trim();
  try {
    if (ctx.limiter) {
      const decision = await ctx.limiter.take(message.author.id);
      if (!decision.allowed) {
        await replyToMessage(
          message,
          renderNotice(rateLimitMessage(decision, ctx.limiter.settings), false),
        );
        return;
      }
    }
    await replyToMessage(message, messageReply(ctx, question, message.author.id).reply);
  } catch (error) {
    const errorId = newErrorId();
    ctx.logger.error({ err: error, errorId, channel: message.channelId }, 'message answer failed');
    // Tell the person who asked, as an interaction's failure does, rather than leave them waiting.
    await replyToMessage(message, renderNotice(somethingWentWrong(errorId), false)).catch(
      (err: unknown) => ctx.logger.warn({ err, errorId }, 'could not say the answer failed'),
    );
  }
}
