import { randomUUID } from 'node:crypto';
import { DiscordAPIError, type Interaction, type Message, RESTJSONErrorCodes } from 'discord.js';
import { askReply } from '../../commands/ask.ts';
import { messageCommands, slashCommands } from '../../commands/index.ts';
import { renderNotice } from '../render/discord.ts';
import { handleButton } from './buttons.ts';
import type { BotContext } from './context.ts';
import { UserFacingError } from './errors.ts';
import { rateLimitMessage } from './rate-limit.ts';
import { replyToMessage, respond } from './respond.ts';

const slashByName = new Map(slashCommands.map((c) => [c.data.name, c]));
const messageByName = new Map(messageCommands.map((c) => [c.data.name, c]));

/** A short id to quote in the private reply and find in the log. */
export function newErrorId(): string {
  return randomUUID().slice(0, 8);
}

function describe(interaction: Interaction): string {
  if (interaction.isCommand() || interaction.isAutocomplete())
    return `command ${interaction.commandName}`;
  if (interaction.isButton()) return `button ${interaction.customId}`;
  return `interaction type ${interaction.type}`;
}

async function route(interaction: Interaction, ctx: BotContext): Promise<void> {
  if (interaction.isChatInputCommand()) {
    const command = slashByName.get(interaction.commandName);
    if (!command)
      throw new UserFacingError(
        'This command is no longer available. It may take a minute for Discord to update the list.',
      );
    return command.execute(interaction, ctx);
  }
  if (interaction.isMessageContextMenuCommand()) {
    const command = messageByName.get(interaction.commandName);
    if (!command) throw new UserFacingError('This command is no longer available.');
    return command.execute(interaction, ctx);
  }
  if (interaction.isAutocomplete()) {
    const command = slashByName.get(interaction.commandName);
    return command?.autocomplete ? command.autocomplete(interaction, ctx) : interaction.respond([]);
  }
  if (interaction.isButton()) return handleButton(interaction, ctx);
}

function isUnknownInteraction(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownInteraction;
}

/** Interactions that do not count against a user's allowance: autocomplete (one per keystroke) and the moderators' check. */
function exempt(interaction: Interaction): boolean {
  return interaction.isAutocomplete() || interaction.isMessageContextMenuCommand();
}

/**
 * The one error boundary for interactions. A `UserFacingError` becomes a short private reply;
 * anything else is logged with an error id and answered privately with that id. Nothing here
 * throws: the bot keeps serving the next interaction.
 */
export async function handleInteraction(interaction: Interaction, ctx: BotContext): Promise<void> {
  const started = performance.now();
  try {
    if (ctx.limiter && !exempt(interaction)) {
      const decision = await ctx.limiter.take(interaction.user.id);
      if (!decision.allowed) {
        ctx.logger.info({ user: interaction.user.id, what: describe(interaction) }, 'rate limited');
        if (interaction.isRepliable())
          await respond(
            interaction,
            renderNotice(rateLimitMessage(decision, ctx.limiter.settings)),
          );
        return;
      }
    }
    await route(interaction, ctx);
    ctx.logger.debug(
      { what: describe(interaction), ms: Math.round(performance.now() - started) },
      'answered',
    );
  } catch (error) {
    if (isUnknownInteraction(error)) {
      ctx.logger.warn(
        { what: describe(interaction) },
        'interaction expired before Annex could answer (10062)',
      );
      return;
    }
    const userFacing = error instanceof UserFacingError;
    const errorId = newErrorId();
    if (!userFacing)
      ctx.logger.error({ err: error, errorId, what: describe(interaction) }, 'interaction failed');
    if (!interaction.isRepliable()) return;
    const text = userFacing
      ? error.message
      : `Something went wrong on Annex's side (error id \`${errorId}\`). Please try again; if it keeps happening, tell the bot's operator the id.`;
    try {
      await respond(interaction, renderNotice(text));
    } catch (replyError) {
      ctx.logger.warn({ err: replyError, errorId }, 'could not tell the user about the error');
    }
  }
}

/** The bot's mention at the start of a message, removed before answering. */
const MENTION = /<@!?\d+>/g;

/**
 * A plain DM, or a server message that mentions the bot, is answered like `/ask`. Messages from
 * bots (itself included) are ignored. Errors are logged; the bot keeps running.
 */
export async function handleMessage(
  message: Message,
  ctx: BotContext,
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
    if (!question) {
      await replyToMessage(
        message,
        renderNotice(
          'Ask me a question about the letters, e.g. "How many mine victims were there by September 2023?" — or type `/help`.',
          false,
        ),
      );
      return;
    }
    const scope = { letterKey: null, from: null, to: null };
    await replyToMessage(
      message,
      askReply(
        ctx,
        {},
        { question, userId: message.author.id, offset: 0, scope, ephemeral: false },
      ),
    );
  } catch (error) {
    ctx.logger.error(
      { err: error, errorId: newErrorId(), channel: message.channelId },
      'message answer failed',
    );
  }
}
