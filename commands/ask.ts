import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from '../src/bot/context.ts';
import { respond } from '../src/bot/respond.ts';
import { type AnswerView, renderAnswer, type Reply } from '../src/render/discord.ts';
import { answerQuestion, type SearchFilters } from '../src/search/answer.ts';
import { autocompleteLetter, EVERYWHERE, filterOptions, readFilters } from './options.ts';
import type { SlashCommand } from './types.ts';

/**
 * A question answered as `/ask` shows it, from `view.offset` on. Also how a DM or a mention is
 * answered, and what the answer's buttons (more results, post publicly) show.
 */
export function askReply(
  ctx: BotContext,
  filters: SearchFilters,
  view: Omit<AnswerView, 'keys'>,
): Reply {
  const answer = answerQuestion(ctx.state.index, view.question, {
    ...filters,
    offset: view.offset,
  });
  return renderAnswer(answer, ctx.state.info(), { ...view, keys: ctx.state.keysById() });
}

export const ask: SlashCommand = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'ask',
    description: 'Answer a question with passages quoted verbatim from the letters, each cited',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'question',
        description: 'Your question, in plain English',
        required: true,
        max_length: 6000,
      },
      ...filterOptions(),
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'private',
        description: 'Only you see the answer (you can post it afterwards)',
        required: false,
      },
    ],
    ...EVERYWHERE,
  } satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  async execute(interaction, ctx) {
    const question = interaction.options.getString('question', true);
    const { filters, scope } = readFilters(interaction, ctx);
    const ephemeral = interaction.options.getBoolean('private') ?? false;
    await respond(
      interaction,
      askReply(ctx, filters, {
        question,
        userId: interaction.user.id,
        offset: 0,
        scope,
        ephemeral,
      }),
    );
  },
  autocomplete: autocompleteLetter,
};
