/**
 * The handler core. Every command, in one explicit list (registration reads it too, so what is
 * registered and what Annex answers never drift apart), and the one entry both transports call:
 * an interaction as Discord sends it in, what to send back out. No transport here.
 */
import { randomUUID } from 'node:crypto';
import {
  type APIInteraction,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
} from 'discord-api-types/v10';
import { decodeButton } from '../src/render/custom-ids.ts';
import { type Reply, renderNotice } from '../src/render/discord.ts';
import { checkChoiceLimits, checkDiscordLimits } from '../src/render/limits.ts';
import { rateLimitMessage } from '../src/serving/rate-limit.ts';
import { ask } from './ask.ts';
import { chart } from './chart.ts';
import { check } from './check.ts';
import { cite } from './cite.ts';
import type { HandlerContext } from './context.ts';
import { RenderLimitError, UserFacingError } from './errors.ts';
import { help, setHelpListing } from './help.ts';
import { userIdOf } from './interaction.ts';
import { letter } from './letter.ts';
import { letters } from './letters.ts';
import { quote } from './quote.ts';
import { reload } from './reload.ts';
import { search } from './search.ts';
import { STALE_BUTTON, staleButton } from './stale.ts';
import type {
  ButtonHandler,
  ButtonHandlers,
  Command,
  MessageCommand,
  Outcome,
  SlashCommand,
} from './types.ts';

export const slashCommands: readonly SlashCommand[] = [
  ask,
  search,
  quote,
  letters,
  letter,
  cite,
  chart,
  help,
  reload,
];
export const messageCommands: readonly MessageCommand[] = [check];
export const commands: readonly Command[] = [...slashCommands, ...messageCommands];

setHelpListing(
  slashCommands.map((c) => ({
    name: c.data.name,
    description: 'description' in c.data ? c.data.description : '',
  })),
);

/** The bodies `PUT /applications/{app}/commands` takes. */
export const commandDefinitions = commands.map((c) => c.data);

const slashByName = new Map(slashCommands.map((c) => [c.data.name, c]));
const messageByName = new Map(messageCommands.map((c) => [c.data.name, c]));
/** Every button kind, answered by the module of the command that makes it. */
const buttonHandlers: ButtonHandlers = Object.assign(
  {},
  ...slashCommands.map((c) => c.buttons ?? {}),
);

export { STALE_BUTTON };
export const FOREIGN_BUTTON =
  'These buttons belong to the person who asked. Use `/ask` to get your own answer.';

/** What a user is told when answering failed on Annex's side: the id to find it in the log. */
export function somethingWentWrong(errorId: string): string {
  return `Something went wrong on Annex's side (error id \`${errorId}\`). Please try again; if it keeps happening, tell the bot's operator the id.`;
}

/** A short id to quote in the private reply and find in the log. */
export function newErrorId(): string {
  return randomUUID().slice(0, 8);
}

/**
 * What an interaction is, for the info log: the command, the kind of button or the command being
 * autocompleted. Never what the user typed, nor who they are (a button's custom id names them).
 */
function logFields(interaction: APIInteraction): Record<string, string | number> {
  switch (interaction.type) {
    case InteractionType.ApplicationCommand:
      return { command: String(interaction.data?.name) };
    case InteractionType.ApplicationCommandAutocomplete:
      return { autocomplete: String(interaction.data?.name) };
    case InteractionType.MessageComponent: {
      // Malformed input reaches here too: never throw while describing it.
      const id: unknown = interaction.data?.custom_id;
      return { button: (typeof id === 'string' && decodeButton(id)?.kind) || 'unknown' };
    }
    default:
      return { type: interaction.type };
  }
}

/** What an interaction is, for the log of a failure. */
export function describeInteraction(interaction: APIInteraction): string {
  switch (interaction.type) {
    case InteractionType.ApplicationCommand:
    case InteractionType.ApplicationCommandAutocomplete:
      return `command ${interaction.data.name}`;
    case InteractionType.MessageComponent:
      return `button ${interaction.data.custom_id}`;
    default:
      return `interaction type ${interaction.type}`;
  }
}

function route(interaction: APIInteraction, ctx: HandlerContext): Outcome | Promise<Outcome> {
  switch (interaction.type) {
    case InteractionType.ApplicationCommand: {
      if (interaction.data.type === ApplicationCommandType.ChatInput) {
        const command = slashByName.get(interaction.data.name);
        if (!command)
          throw new UserFacingError(
            'This command is no longer available. It may take a minute for Discord to update the list.',
          );
        return command.execute(interaction as Parameters<SlashCommand['execute']>[0], ctx);
      }
      const command = messageByName.get(interaction.data.name);
      if (!command || interaction.data.type !== ApplicationCommandType.Message)
        throw new UserFacingError('This command is no longer available.');
      return command.execute(interaction as Parameters<MessageCommand['execute']>[0], ctx);
    }
    case InteractionType.ApplicationCommandAutocomplete: {
      const command = slashByName.get(interaction.data.name);
      return command?.autocomplete
        ? command.autocomplete(interaction, ctx)
        : { type: 'choices', choices: [] };
    }
    case InteractionType.MessageComponent: {
      if (interaction.data.component_type !== ComponentType.Button) return staleButton();
      const action = decodeButton(interaction.data.custom_id);
      if (!action) return staleButton();
      if (action.userId !== userIdOf(interaction))
        return { type: 'reply', reply: renderNotice(FOREIGN_BUTTON) };
      const handler = buttonHandlers[action.kind] as ButtonHandler | undefined;
      return handler
        ? handler(action, interaction as Parameters<ButtonHandler>[1], ctx)
        : staleButton();
    }
    default:
      throw new UserFacingError('Annex does not handle this kind of interaction.');
  }
}

/** Interactions that do not count against a user's allowance: autocomplete (one per keystroke) and the moderators' check. */
function exempt(interaction: APIInteraction): boolean {
  return (
    interaction.type === InteractionType.ApplicationCommandAutocomplete ||
    (interaction.type === InteractionType.ApplicationCommand &&
      interaction.data.type === ApplicationCommandType.Message)
  );
}

/** Throws `RenderLimitError` when a reply (or a message it continues into) breaks Discord's limits. */
function withinLimits(reply: Reply): Reply {
  for (const message of [reply, ...(reply.continuation ?? [])]) {
    const problems = checkDiscordLimits(message);
    if (problems.length > 0)
      throw new RenderLimitError(`reply exceeds Discord limits: ${problems.join('; ')}`);
  }
  return reply;
}

/** The private reply for a failure: the message of a `UserFacingError`, an error id otherwise (logged). */
function failure(error: unknown, interaction: APIInteraction, ctx: HandlerContext): Reply {
  if (error instanceof UserFacingError) return renderNotice(error.message);
  const errorId = newErrorId();
  ctx.logger.error(
    { err: error, errorId, what: describeInteraction(interaction) },
    'interaction failed',
  );
  return renderNotice(somethingWentWrong(errorId));
}

/**
 * Answers an interaction as Discord sends it (not a PING: the transport answers those). The one
 * error boundary: a `UserFacingError` becomes a short private reply; anything else is logged with
 * an error id and answered privately with that id; a deferred reply's later work too. Never
 * throws. Rate limits apply here, so every transport applies them.
 */
export async function handleInteraction(
  interaction: APIInteraction,
  ctx: HandlerContext,
): Promise<Outcome> {
  const started = performance.now();
  const fields = logFields(interaction);
  // One line per interaction at info; autocomplete (one per keystroke) only at debug.
  const log = (extra: Record<string, unknown>, message: string) => {
    const line = { ...fields, ms: Math.round(performance.now() - started), ...extra };
    if (interaction.type === InteractionType.ApplicationCommandAutocomplete)
      ctx.logger.debug(line, message);
    else ctx.logger.info(line, message);
  };
  try {
    if (ctx.limiter && !exempt(interaction)) {
      const decision = await ctx.limiter.take(userIdOf(interaction));
      if (!decision.allowed) {
        ctx.logger.debug({ user: userIdOf(interaction), ...fields }, 'rate limited');
        log({ limited: true }, 'interaction rate limited');
        return {
          type: 'reply',
          reply: renderNotice(rateLimitMessage(decision, ctx.limiter.settings)),
        };
      }
    }
    const outcome = await route(interaction, ctx);
    if (outcome.type === 'reply' || outcome.type === 'update') withinLimits(outcome.reply);
    if (outcome.type === 'choices') {
      const problems = checkChoiceLimits(outcome.choices);
      if (problems.length > 0)
        throw new RenderLimitError(`choices exceed Discord limits: ${problems.join('; ')}`);
    }
    log(
      outcome.type === 'reply' || outcome.type === 'update'
        ? { ...outcome.found }
        : outcome.type === 'choices'
          ? { results: outcome.choices.length }
          : { deferred: true },
      'interaction answered',
    );
    if (outcome.type !== 'deferred') return outcome;
    return {
      ...outcome,
      complete: () =>
        outcome
          .complete()
          .then(withinLimits)
          .catch((error: unknown) => failure(error, interaction, ctx)),
    };
  } catch (error) {
    if (error instanceof UserFacingError) log({ refused: true }, 'interaction refused');
    if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
      failure(error, interaction, ctx);
      return { type: 'choices', choices: [] };
    }
    return { type: 'reply', reply: failure(error, interaction, ctx) };
  }
}
