import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { respond } from '../src/bot/respond.ts';
import { renderSearchPage, SEARCH_PAGE_SIZE } from '../src/render/discord.ts';
import { answerQuestion } from '../src/search/answer.ts';
import { autocompleteLetter, EVERYWHERE, filterOptions, readFilters } from './options.ts';
import type { SlashCommand } from './types.ts';

export const search: SlashCommand = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'search',
    description: 'A compact ranked list of matching passages, paged',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'query',
        description: 'Words, names, figures or a "quoted phrase"',
        required: true,
        max_length: 6000,
      },
      ...filterOptions(),
    ],
    ...EVERYWHERE,
  } satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  async execute(interaction, ctx) {
    const query = interaction.options.getString('query', true);
    const { filters, scope } = readFilters(interaction, ctx);
    const answer = answerQuestion(ctx.state.index, query, {
      ...filters,
      limit: SEARCH_PAGE_SIZE,
      list: true,
    });
    await respond(
      interaction,
      renderSearchPage(answer, ctx.state.info(), {
        question: query,
        userId: interaction.user.id,
        offset: 0,
        scope,
      }),
    );
  },
  autocomplete: autocompleteLetter,
};
