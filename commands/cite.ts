import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { renderCitations } from '../src/render/discord.ts';
import { CITATION_STYLES, type CitationStyle } from '../src/search/cite.ts';
import { findPassage, numberingOf } from '../src/search/paragraph-numbers.ts';
import { UserFacingError } from './errors.ts';
import { integerOption, requiredString, stringOption } from './interaction.ts';
import { autocompleteLetter, chosenLetter, EVERYWHERE, letterOption } from './options.ts';
import type { SlashCommand } from './types.ts';

export const cite: SlashCommand = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'cite',
    description:
      'A ready-to-copy citation of a document (letter, speech, report…) or one of its passages',
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
  execute(interaction, ctx) {
    const chosen = chosenLetter(ctx, requiredString(interaction, 'letter'));
    const n = integerOption(interaction, 'passage');
    const passage = n === null ? null : findPassage(chosen, n);
    if (n !== null && !passage)
      throw new UserFacingError(
        `This ${chosen.kind} has ${numberingOf(chosen)}; there is no passage ${n}.`,
      );
    const typed = stringOption(interaction, 'style');
    const style = CITATION_STYLES.find((s) => s === typed) as CitationStyle | undefined;
    return { type: 'reply', reply: renderCitations(chosen, passage, ctx.state.info(), { style }) };
  },
  autocomplete: autocompleteLetter,
};
