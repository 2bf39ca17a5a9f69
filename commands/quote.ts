import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { type ButtonAction, encodeButton } from '../src/render/custom-ids.ts';
import {
  type Button,
  questionFromEmbeds,
  renderCitations,
  renderPassage,
} from '../src/render/discord.ts';
import { booleanOption, integerOption, requiredString, userIdOf } from './interaction.ts';
import { autocompleteLetter, chosenLetter, EVERYWHERE, letterOption } from './options.ts';
import { staleButton } from './stale.ts';
import type { SlashCommand } from './types.ts';

/** "Back to results": the answer page a passage's Context or Cite button came from. */
function back(action: Extract<ButtonAction, { kind: 'context' | 'cite' }>): Button | null {
  const id = encodeButton({
    kind: 'ask-page',
    userId: action.userId,
    offset: action.offset,
    scope: action.scope,
  });
  return id ? { type: 2, style: 2, label: 'Back to results', custom_id: id } : null;
}

export const quote: SlashCommand = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'quote',
    description: 'One passage of a document exactly, with its citation',
    options: [
      letterOption(true),
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'passage',
        description: "Passage number (Annex's numbering, see /letter)",
        required: true,
        min_value: 1,
        max_value: 10000,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'context',
        description: 'Also show the passages before and after',
        required: false,
      },
    ],
    ...EVERYWHERE,
  } satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute(interaction, ctx) {
    const letter = chosenLetter(ctx, requiredString(interaction, 'letter'));
    const n = integerOption(interaction, 'passage') ?? 1;
    const context = booleanOption(interaction, 'context') ?? false;
    const reply = renderPassage(letter, n, ctx.state.info(), {
      context,
      userId: userIdOf(interaction),
    });
    return { type: 'reply', reply };
  },
  autocomplete: autocompleteLetter,
  buttons: {
    /** A passage's neighbours, from a /quote. */
    quote(action, _interaction, ctx) {
      const letter = ctx.state.letterByKey(action.letterKey);
      if (!letter) return staleButton();
      const reply = renderPassage(letter, action.passage, ctx.state.info(), {
        context: false,
        userId: action.userId,
      });
      return { type: 'update', reply };
    },
    /** "Context n" on an answer: the passage with those around it. */
    context(action, interaction, ctx) {
      const letter = ctx.state.letterByKey(action.letterKey);
      const question = questionFromEmbeds(interaction.message.embeds);
      if (!letter || !question || !letter.passages.some((p) => p.n === action.passage))
        return staleButton();
      const reply = renderPassage(letter, action.passage, ctx.state.info(), {
        context: true,
        question,
        back: back(action),
        userId: action.userId,
      });
      return { type: 'update', reply };
    },
    /** "Cite n" on an answer: ready-to-copy citations of the passage. */
    cite(action, interaction, ctx) {
      const letter = ctx.state.letterByKey(action.letterKey);
      const passage = letter?.passages.find((p) => p.n === action.passage);
      const question = questionFromEmbeds(interaction.message.embeds);
      if (!letter || !passage || !question) return staleButton();
      const reply = renderCitations(letter, passage, ctx.state.info(), {
        question,
        back: back(action),
      });
      return { type: 'update', reply };
    },
  },
};
