import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { UserFacingError } from '../src/bot/errors.ts';
import { respond } from '../src/bot/respond.ts';
import { renderCitations } from '../src/render/discord.ts';
import type { CitationStyle } from '../src/search/cite.ts';
import { autocompleteLetter, EVERYWHERE, letterOption } from './options.ts';
import type { SlashCommand } from './types.ts';

export const cite: SlashCommand = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'cite',
    description: 'A ready-to-copy citation of a letter or one of its passages',
    options: [
      letterOption(true),
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'passage',
        description: "Passage number (Annex's numbering)",
        required: false,
        min_value: 1,
        max_value: 10000,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'style',
        description: 'Citation style (default: all)',
        required: false,
        choices: [
          { name: 'UN style', value: 'un' },
          { name: 'OSCOLA', value: 'oscola' },
          { name: 'Bluebook', value: 'bluebook' },
        ],
      },
    ],
    ...EVERYWHERE,
  } satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  async execute(interaction, ctx) {
    const chosen = ctx.state.findLetter(interaction.options.getString('letter', true));
    const n = interaction.options.getInteger('passage');
    const passage = n === null ? null : (chosen.passages.find((p) => p.n === n) ?? null);
    if (n !== null && !passage)
      throw new UserFacingError(
        `This letter has passages 1 to ${chosen.passages.length}; there is no passage ${n}.`,
      );
    const style = (interaction.options.getString('style') ?? undefined) as
      CitationStyle | undefined;
    await respond(interaction, renderCitations(chosen, passage, ctx.state.info(), { style }));
  },
  autocomplete: autocompleteLetter,
};
