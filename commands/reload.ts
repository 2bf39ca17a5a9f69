import {
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { renderReloadReport } from '../src/render/discord.ts';
import { UserFacingError } from './errors.ts';
import { requireModerator } from './interaction.ts';
import { MODERATORS_ONLY } from './options.ts';
import type { SlashCommand } from './types.ts';

/** Moderators: re-index the letters now and see what changed. Always private. */
export const reload: SlashCommand = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'reload',
    description:
      'Moderators: re-read the documents now and show what was added, removed or refused',
    ...MODERATORS_ONLY,
  } satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute(interaction, ctx) {
    requireModerator(interaction, 'Reloading the documents');
    const reloader = ctx.reloader;
    if (!reloader)
      throw new UserFacingError('This bot does not reload its documents while running.');
    return {
      type: 'deferred',
      ephemeral: true,
      complete: async () => renderReloadReport(await reloader.reload(), ctx.state.info()),
    };
  },
};
