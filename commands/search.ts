import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { questionFromEmbeds, renderSearchPage, SEARCH_PAGE_SIZE } from '../src/render/discord.ts';
import { answerQuestion } from '../src/search/answer.ts';
import { foundIn } from './ask.ts';
import { requiredString, userIdOf } from './interaction.ts';
import { questionText } from './message-text.ts';
import {
  autocompleteLetter,
  EVERYWHERE,
  filterOptions,
  filtersFromScope,
  readFilters,
} from './options.ts';
import { staleButton } from './stale.ts';
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
  execute(interaction, ctx) {
    const query = questionText(requiredString(interaction, 'query'));
    const { filters, scope } = readFilters(interaction, ctx);
    const answer = answerQuestion(ctx.state.index, query, {
      ...filters,
      limit: SEARCH_PAGE_SIZE,
      list: true,
    });
    const view = { question: query, userId: userIdOf(interaction), offset: 0, scope };
    return {
      type: 'reply',
      reply: renderSearchPage(answer, ctx.state.info(), view),
      found: foundIn(answer),
    };
  },
  autocomplete: autocompleteLetter,
  buttons: {
    /** "Next" / "Previous" on a /search list, in place. */
    'search-page'(action, interaction, ctx) {
      const filters = filtersFromScope(action.scope, ctx);
      const question = questionFromEmbeds(interaction.message.embeds);
      if (!filters || !question) return staleButton();
      const answer = answerQuestion(ctx.state.index, question, {
        ...filters,
        limit: SEARCH_PAGE_SIZE,
        offset: action.offset,
        list: true,
      });
      const view = { question, userId: action.userId, offset: action.offset, scope: action.scope };
      return {
        type: 'update',
        reply: renderSearchPage(answer, ctx.state.info(), view),
        found: foundIn(answer),
      };
    },
  },
};
