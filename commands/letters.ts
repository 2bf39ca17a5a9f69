import {
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { respond } from '../src/bot/respond.ts';
import { renderLettersPage } from '../src/render/discord.ts';
import { EVERYWHERE } from './options.ts';
import type { SlashCommand } from './types.ts';

export const letters: SlashCommand = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'letters',
    description: 'The letters Annex has indexed: date, symbol and title, newest first',
    ...EVERYWHERE,
  } satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  async execute(interaction, ctx) {
    await respond(
      interaction,
      renderLettersPage(ctx.state.index.letters, 0, ctx.state.info(), interaction.user.id),
    );
  },
};
