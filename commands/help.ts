import {
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { renderHelp } from '../src/render/discord.ts';
import { answerQuestion } from '../src/search/answer.ts';
import { askExamples } from '../src/search/examples.ts';
import { EVERYWHERE } from './options.ts';
import type { SlashCommand } from './types.ts';

/** Set by commands/index.ts, which knows every command (help lists them). */
let listing: readonly { name: string; description: string }[] = [];
export function setHelpListing(commands: readonly { name: string; description: string }[]): void {
  listing = commands;
}

export const help: SlashCommand = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'help',
    description: 'What Annex does and does not do, its commands, and the documents it knows',
    ...EVERYWHERE,
  } satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute(_interaction, ctx) {
    const { index } = ctx.state;
    const examples = askExamples(index, (q) => answerQuestion(index, q));
    return { type: 'reply', reply: renderHelp(ctx.state.info(), listing, examples) };
  },
};
