import {
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { respond } from '../src/bot/respond.ts';
import { renderLetter } from '../src/render/discord.ts';
import { autocompleteLetter, EVERYWHERE, letterOption } from './options.ts';
import type { SlashCommand } from './types.ts';

export const letter: SlashCommand = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'letter',
    description: "A letter's details, its link, and its full text as a .txt file",
    options: [letterOption(true)],
    ...EVERYWHERE,
  } satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  async execute(interaction, ctx) {
    const chosen = ctx.state.findLetter(interaction.options.getString('letter', true));
    await respond(interaction, renderLetter(chosen, ctx.state.info()));
  },
  autocomplete: autocompleteLetter,
};
