import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  MessageFlags,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import {
  type AnswerView,
  questionFromEmbeds,
  renderAnswer,
  type Reply,
} from '../src/render/discord.ts';
import {
  type Answer,
  answerQuestion,
  asksNothing,
  DEFAULT_LIMIT,
  type SearchFilters,
} from '../src/search/answer.ts';
import type { HandlerContext } from './context.ts';
import { booleanOption, requiredString, userIdOf } from './interaction.ts';
import { questionText } from './message-text.ts';
import {
  autocompleteLetter,
  EVERYWHERE,
  filterOptions,
  filtersFromScope,
  readFilters,
} from './options.ts';
import { staleButton } from './stale.ts';
import type { Found, SlashCommand } from './types.ts';

/**
 * A question answered as `/ask` shows it, from `view.offset` on, and what was found (for the
 * log); what the answer's buttons (Previous, Next, post publicly) show. A question with nothing to
 * look up (blank, emoji only, "hi") is answered how to ask, privately, as other bad input is.
 */
export function askReply(
  ctx: HandlerContext,
  filters: SearchFilters,
  view: Omit<AnswerView, 'keys'>,
): { reply: Reply; found: Found } {
  let answer = answerQuestion(ctx.state.index, view.question, { ...filters, offset: view.offset });
  // A page button made before the corpus changed may point past the last result: its last page.
  if (answer.results.length === 0 && !answer.abstained && view.offset > 0 && answer.total > 0) {
    const offset = Math.floor((answer.total - 1) / DEFAULT_LIMIT) * DEFAULT_LIMIT;
    view = { ...view, offset };
    answer = answerQuestion(ctx.state.index, view.question, { ...filters, offset });
  }
  // A question with nothing to look up, or only a symbol no document has: bad input, answered privately.
  const ephemeral = view.ephemeral || asksNothing(answer) || answer.unknownSymbol !== undefined;
  return {
    reply: renderAnswer(answer, ctx.state.info(), {
      ...view,
      ephemeral,
      keys: ctx.state.keysById(),
    }),
    found: foundIn(answer),
  };
}

/**
 * A plain DM, or a message that mentions the bot, answered like `/ask`: when it holds no word the
 * search would look up or is only small talk (an empty mention, "hi", "thanks!", "help", "?"),
 * that is how to ask with examples this corpus answers, never a "not found" for a question
 * nobody asked. `found` is null for the prompt. `content` is the message's content as Discord
 * sends it, read as Discord shows it (as the moderators' check reads a message): a custom emoji,
 * a mention of a channel or a role is no word of the question; a link it writes is kept.
 */
export function messageReply(
  ctx: HandlerContext,
  content: string,
  userId: string,
): { reply: Reply; found: Found | null } {
  const text = questionText(content);
  const scope = { letterKey: null, from: null, to: null };
  const view = { question: text, userId, offset: 0, scope, ephemeral: false };
  const answer = answerQuestion(ctx.state.index, text, {});
  return {
    reply: renderAnswer(answer, ctx.state.info(), { ...view, keys: ctx.state.keysById() }),
    found: asksNothing(answer) ? null : foundIn(answer),
  };
}

/** What an answer found, for the log. */
export function foundIn(answer: Pick<Answer, 'results' | 'abstained'>): Found {
  return { results: answer.results.length, abstained: answer.abstained };
}

export const ask: SlashCommand = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'ask',
    description: 'Answer a question with passages quoted verbatim from the documents, each cited',
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
  execute(interaction, ctx) {
    const question = questionText(requiredString(interaction, 'question'));
    const { filters, scope } = readFilters(interaction, ctx);
    const ephemeral = booleanOption(interaction, 'private') ?? false;
    const view = { question, userId: userIdOf(interaction), offset: 0, scope, ephemeral };
    return { type: 'reply', ...askReply(ctx, filters, view) };
  },
  autocomplete: autocompleteLetter,
  buttons: {
    /** "Next" / "Previous": the same question, another page, in place. */
    'ask-page'(action, interaction, ctx) {
      const filters = filtersFromScope(action.scope, ctx);
      const question = questionFromEmbeds(interaction.message.embeds);
      if (!filters || !question) return staleButton();
      const ephemeral = ((interaction.message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
      const view = { question, userId: action.userId, offset: action.offset, scope: action.scope };
      return { type: 'update', ...askReply(ctx, filters, { ...view, ephemeral }) };
    },
    /** "Post publicly": the private answer again, as a message everyone sees. */
    publish(action, interaction, ctx) {
      const filters = filtersFromScope(action.scope, ctx);
      const question = questionFromEmbeds(interaction.message.embeds);
      if (!filters || !question) return staleButton();
      const view = { question, userId: action.userId, offset: action.offset, scope: action.scope };
      return { type: 'reply', ...askReply(ctx, filters, { ...view, ephemeral: false }) };
    },
  },
};
