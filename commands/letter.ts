import {
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { renderLetter } from '../src/render/discord.ts';
import { requiredString } from './interaction.ts';
import { autocompleteLetter, chosenLetter, EVERYWHERE, letterOption } from './options.ts';
import type { SlashCommand } from './types.ts';

export const letter: SlashCommand = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'letter',
    description: "A document's details, its link, and its full text as a .txt file",
    options: [letterOption(true)],
    ...EVERYWHERE,
  } satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute(interaction, ctx) {
    const chosen = chosenLetter(ctx, requiredString(interaction, 'letter'));
    return { type: 'reply', reply: renderLetter(chosen, ctx.state.info()) };
  },
  autocomplete: autocompleteLetter,
};
