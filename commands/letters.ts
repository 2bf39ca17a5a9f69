import {
  type APIApplicationCommandAutocompleteInteraction,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { renderLettersPage } from '../src/render/discord.ts';
import {
  authorByKey,
  documentAuthors,
  documentKinds,
  type ListFilter,
  NO_FILTER,
  readListFilter,
  suggestNamed,
} from '../src/search/list-filter.ts';
import type { HandlerContext } from './context.ts';
import { focusedOption, integerOption, stringOption, userIdOf } from './interaction.ts';
import { EVERYWHERE } from './options.ts';
import { staleButton } from './stale.ts';
import type { Outcome, SlashCommand } from './types.ts';

/** Years a document may be dated, as the `year` option takes them. */
const YEARS = { min_value: 1000, max_value: 9999 } as const;

/** Autocomplete for `kind` and `author`: the corpus's own, the most documents first. */
function autocompleteFilter(
  interaction: APIApplicationCommandAutocompleteInteraction,
  ctx: HandlerContext,
): Outcome {
  const focused = focusedOption(interaction);
  const { letters } = ctx.state.index;
  if (focused?.name === 'kind')
    return { type: 'choices', choices: suggestNamed(documentKinds(letters), focused.value) };
  if (focused?.name === 'author')
    return { type: 'choices', choices: suggestNamed(documentAuthors(letters), focused.value) };
  return { type: 'choices', choices: [] };
}

export const letters: SlashCommand = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'letters',
    description: 'The documents Annex has indexed: date, symbol and title, newest first',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'kind',
        description: 'Only documents of this kind (letter, note verbale, speech, report …)',
        required: false,
        autocomplete: true,
        max_length: 100,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'author',
        description: 'Only documents by this author: a State or a body (type part of its name)',
        required: false,
        autocomplete: true,
        max_length: 100,
      },
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'year',
        description: 'Only documents dated in this year',
        required: false,
        ...YEARS,
      },
    ],
    ...EVERYWHERE,
  } satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute(interaction, ctx) {
    const all = ctx.state.index.letters;
    const filter = readListFilter(all, {
      kind: stringOption(interaction, 'kind'),
      author: stringOption(interaction, 'author'),
      year: integerOption(interaction, 'year'),
    });
    const reply = renderLettersPage(all, 0, ctx.state.info(), userIdOf(interaction), filter);
    return { type: 'reply', reply };
  },
  autocomplete: autocompleteFilter,
  buttons: {
    /** "Next" / "Previous" on the list of letters, in place, with its filter. */
    'letters-page'(action, _interaction, ctx) {
      const all = ctx.state.index.letters;
      let filter: ListFilter = action.filter ?? NO_FILTER;
      // An author named by its key: gone from the documents since, the button is stale.
      if (filter.author?.startsWith('#')) {
        const author = authorByKey(all, filter.author.slice(1));
        if (!author) return staleButton();
        filter = { ...filter, author };
      }
      const reply = renderLettersPage(all, action.page, ctx.state.info(), action.userId, filter);
      return { type: 'update', reply };
    },
  },
};
