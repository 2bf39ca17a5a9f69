import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { respond } from '../src/bot/respond.ts';
import { renderPassage } from '../src/render/discord.ts';
import { autocompleteLetter, EVERYWHERE, letterOption } from './options.ts';
import type { SlashCommand } from './types.ts';

export const quote: SlashCommand = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'quote',
    description: 'One passage of a letter exactly, with its citation',
    options: [
      letterOption(true),
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'passage',
        description: "Passage number (Annex's numbering, see /letter)",
        required: true,
        min_value: 1,
        max_value: 10000,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'context',
        description: 'Also show the passages before and after',
        required: false,
      },
    ],
    ...EVERYWHERE,
  } satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  async execute(interaction, ctx) {
    const letter = ctx.state.findLetter(interaction.options.getString('letter', true));
    const n = interaction.options.getInteger('passage', true);
    const context = interaction.options.getBoolean('context') ?? false;
    await respond(
      interaction,
      renderPassage(letter, n, ctx.state.info(), { context, userId: interaction.user.id }),
    );
  },
  autocomplete: autocompleteLetter,
};
