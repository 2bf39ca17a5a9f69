/**
 * The gateway transport for interactions: Discord delivers each one as `INTERACTION_CREATE`
 * JSON on the gateway; the core answers it; this sends the answer back with discord.js's REST
 * client (the interaction callback, then the webhook for edits and follow-ups). Nothing else.
 */
import type { REST } from '@discordjs/rest';
import {
  type APIInteraction,
  InteractionType,
  RESTJSONErrorCodes,
  Routes,
} from 'discord-api-types/v10';
import type { HandlerContext } from '../../commands/context.ts';
import { describeInteraction, handleInteraction } from '../../commands/index.ts';
import { responseOf } from '../../commands/outcome.ts';
import { completeOutcome } from '../transport/deliver.ts';

/** Discord no longer knows the interaction: it was not answered within 3 s (error 10062). */
function expired(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === RESTJSONErrorCodes.UnknownInteraction;
}

/** Answers one interaction received on the gateway. Never throws: failures are logged. */
export async function answerGatewayInteraction(
  interaction: APIInteraction,
  ctx: HandlerContext,
  rest: REST,
): Promise<void> {
  if (interaction.type === InteractionType.Ping) return;
  const outcome = await handleInteraction(interaction, ctx);
  const { body, files } = responseOf(outcome);
  try {
    await rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
      body,
      files,
      auth: false,
    });
    await completeOutcome(rest, interaction, outcome);
  } catch (error) {
    if (expired(error))
      ctx.logger.warn(
        { what: describeInteraction(interaction) },
        'interaction expired before Annex could answer (10062)',
      );
    else
      ctx.logger.error(
        { err: error, what: describeInteraction(interaction), stage: 'sending the answer' },
        'interaction failed',
      );
  }
}
