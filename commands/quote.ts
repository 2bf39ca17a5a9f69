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
  type Reply,
} from '../src/render/discord.ts';
import { booleanOption, integerOption, requiredString, userIdOf } from './interaction.ts';
import { autocompleteLetter, chosenLetter, EVERYWHERE, letterOption } from './options.ts';
import { staleButton } from './stale.ts';
import type { Outcome, SlashCommand } from './types.ts';

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

/**
 * What "Context n" or "Cite n" shows: in place of the answer when "Back to results" can ask its
 * question again (read back from the message); otherwise — a question too long to carry whole —
 * as a private message of its own, so that the answer stays where it was.
 */
function besideAnswer(reply: Reply, question: string | null): Outcome {
  if (question) return { type: 'update', reply };
  const own = (r: Reply): Reply => ({ ...r, ephemeral: true });
  return { type: 'reply', reply: { ...own(reply), continuation: reply.continuation?.map(own) } };
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
      if (!letter || !letter.passages.some((p) => p.n === action.passage)) return staleButton();
      const question = questionFromEmbeds(interaction.message.embeds);
      const reply = renderPassage(letter, action.passage, ctx.state.info(), {
        context: true,
        question: question ?? undefined,
        back: question ? back(action) : null,
        userId: action.userId,
      });
      return besideAnswer(reply, question);
    },
    /** "Cite n" on an answer: ready-to-copy citations of the passage. */
    cite(action, interaction, ctx) {
      const letter = ctx.state.letterByKey(action.letterKey);
      const passage = letter?.passages.find((p) => p.n === action.passage);
      if (!letter || !passage) return staleButton();
      const question = questionFromEmbeds(interaction.message.embeds);
      const reply = renderCitations(letter, passage, ctx.state.info(), {
        question: question ?? undefined,
        back: question ? back(action) : null,
      });
      return besideAnswer(reply, question);
    },
  },
};
