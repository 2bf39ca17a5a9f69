import {
  ApplicationCommandType,
  MessageFlags,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { UserFacingError } from '../src/bot/errors.ts';
import { respond } from '../src/bot/respond.ts';
import { renderReloadReport } from '../src/render/discord.ts';
import { MODERATORS_ONLY, requireModerator } from './options.ts';
import type { SlashCommand } from './types.ts';

/** Moderators: re-index the letters now and see what changed. Always private. */
export const reload: SlashCommand = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'reload',
    description: 'Moderators: re-read the letters now and show what was added, removed or refused',
    ...MODERATORS_ONLY,
  } satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  async execute(interaction, ctx) {
    requireModerator(interaction, 'Reloading the letters');
    if (!ctx.reloader)
      throw new UserFacingError('This bot does not reload its letters while running.');
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const report = await ctx.reloader.reload();
    await respond(interaction, renderReloadReport(report, ctx.state.info()));
  },
};
