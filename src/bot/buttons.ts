import type { ButtonInteraction } from 'discord.js';
import { askReply } from '../../commands/ask.ts';
import { filtersFromScope } from '../../commands/options.ts';
import { type ButtonAction, decodeButton, encodeButton } from '../render/custom-ids.ts';
import {
  type Button,
  questionFromEmbeds,
  renderCitations,
  renderLettersPage,
  renderNotice,
  renderPassage,
  renderSearchPage,
  SEARCH_PAGE_SIZE,
} from '../render/discord.ts';
import { answerQuestion } from '../search/answer.ts';
import type { BotContext } from './context.ts';
import { respond, update } from './respond.ts';

/** The private explanation a button gets when its state no longer holds. */
export const STALE_BUTTON =
  'This button has expired: the letters it pointed to have changed since it was made. Ask again to get fresh results.';
export const FOREIGN_BUTTON =
  'These buttons belong to the person who asked. Use `/ask` to get your own answer.';

function back(action: Extract<ButtonAction, { kind: 'context' | 'cite' }>): Button | null {
  const id = encodeButton({
    kind: 'ask-page',
    userId: action.userId,
    offset: action.offset,
    scope: action.scope,
  });
  return id ? { type: 2, style: 2, label: 'Back to results', custom_id: id } : null;
}

/** Handles any Annex button. State comes from the `custom_id` and the message's own embeds. */
export async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const action = decodeButton(interaction.customId);
  if (!action) return respond(interaction, renderNotice(STALE_BUTTON));
  if (action.userId !== interaction.user.id)
    return respond(interaction, renderNotice(FOREIGN_BUTTON));
  const info = ctx.state.info();
  const question = questionFromEmbeds(interaction.message.embeds);
  const ephemeral = interaction.message.flags.has('Ephemeral');
  switch (action.kind) {
    case 'letters-page':
      return update(
        interaction,
        renderLettersPage(ctx.state.index.letters, action.page, info, action.userId),
      );
    case 'quote': {
      const letter = ctx.state.letterByKey(action.letterKey);
      if (!letter) return respond(interaction, renderNotice(STALE_BUTTON));
      return update(
        interaction,
        renderPassage(letter, action.passage, info, { context: false, userId: action.userId }),
      );
    }
    case 'context':
    case 'cite': {
      const letter = ctx.state.letterByKey(action.letterKey);
      const passage = letter?.passages.find((p) => p.n === action.passage);
      if (!letter || !passage || !question) return respond(interaction, renderNotice(STALE_BUTTON));
      return update(
        interaction,
        action.kind === 'context'
          ? renderPassage(letter, action.passage, info, {
              context: true,
              question,
              back: back(action),
              userId: action.userId,
            })
          : renderCitations(letter, passage, info, { question, back: back(action) }),
      );
    }
    case 'ask-page':
    case 'search-page':
    case 'publish': {
      const filters = filtersFromScope(action.scope, ctx);
      if (!filters || !question) return respond(interaction, renderNotice(STALE_BUTTON));
      const view = { question, userId: action.userId, offset: action.offset, scope: action.scope };
      if (action.kind === 'search-page') {
        const answer = answerQuestion(ctx.state.index, question, {
          ...filters,
          limit: SEARCH_PAGE_SIZE,
          offset: action.offset,
          list: true,
        });
        return update(interaction, renderSearchPage(answer, info, view));
      }
      if (action.kind === 'publish')
        return respond(interaction, askReply(ctx, filters, { ...view, ephemeral: false }));
      return update(interaction, askReply(ctx, filters, { ...view, ephemeral }));
    }
  }
}
