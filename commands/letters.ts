import {
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { renderLettersPage } from '../src/render/discord.ts';
import { userIdOf } from './interaction.ts';
import { EVERYWHERE } from './options.ts';
import type { SlashCommand } from './types.ts';

export const letters: SlashCommand = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'letters',
    description: 'The documents Annex has indexed: date, symbol and title, newest first',
    ...EVERYWHERE,
  } satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute(interaction, ctx) {
    const reply = renderLettersPage(
      ctx.state.index.letters,
      0,
      ctx.state.info(),
      userIdOf(interaction),
    );
    return { type: 'reply', reply };
  },
  buttons: {
    /** "Next" / "Previous" on the list of letters, in place. */
    'letters-page'(action, _interaction, ctx) {
      const reply = renderLettersPage(
        ctx.state.index.letters,
        action.page,
        ctx.state.info(),
        action.userId,
      );
      return { type: 'update', reply };
    },
  },
};
