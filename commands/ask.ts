import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { respond } from '../src/bot/respond.ts';
import { renderAnswer } from '../src/render/discord.ts';
import { answerQuestion } from '../src/search/answer.ts';
import { autocompleteLetter, EVERYWHERE, filterOptions, readFilters } from './options.ts';
import type { SlashCommand } from './types.ts';

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
    const answer = answerQuestion(ctx.state.index, question, filters);
    await respond(
      interaction,
      renderAnswer(answer, ctx.state.info(), {
        question,
        userId: interaction.user.id,
        offset: 0,
        scope,
        ephemeral,
        keys: ctx.state.keysById(),
      }),
    );
  },
  autocomplete: autocompleteLetter,
};
