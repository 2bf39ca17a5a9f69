import {
  ApplicationCommandType,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import { UserFacingError } from '../src/bot/errors.ts';
import { respond } from '../src/bot/respond.ts';
import { renderVerdict } from '../src/render/discord.ts';
import { describeScope } from '../src/search/answer.ts';
import { checkClaim } from '../src/search/check.ts';
import { MODERATORS_ONLY, requireModerator } from './options.ts';
import type { MessageCommand } from './types.ts';

/** Moderators: right-click a message → Apps → Check in letters. Always private. */
export const check: MessageCommand = {
  data: {
    type: ApplicationCommandType.Message,
    name: 'Check in letters',
    ...MODERATORS_ONLY,
  } satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody,
  async execute(interaction, ctx) {
    requireModerator(interaction, 'Checking a message against the letters');
    const claim = interaction.targetMessage.content.trim();
    if (!claim)
      throw new UserFacingError('That message has no text to check (only attachments or embeds).');
    const verdict = checkClaim(ctx.state.index, claim);
    await respond(
      interaction,
      renderVerdict(claim, verdict, describeScope(ctx.state.index), ctx.state.info()),
    );
  },
};
