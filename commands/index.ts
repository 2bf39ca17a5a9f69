/**
 * Every command, in one explicit list. Dispatch and registration both read it, so what is
 * registered with Discord and what the bot answers can never drift apart.
 */
import { ask } from './ask.ts';
import { check } from './check.ts';
import { cite } from './cite.ts';
import { help, setHelpListing } from './help.ts';
import { letter } from './letter.ts';
import { letters } from './letters.ts';
import { quote } from './quote.ts';
import { reload } from './reload.ts';
import { search } from './search.ts';
import type { Command, MessageCommand, SlashCommand } from './types.ts';

export const slashCommands: readonly SlashCommand[] = [
  ask,
  search,
  quote,
  letters,
  letter,
  cite,
  help,
  reload,
];
export const messageCommands: readonly MessageCommand[] = [check];
export const commands: readonly Command[] = [...slashCommands, ...messageCommands];

setHelpListing(
  slashCommands.map((c) => ({
    name: c.data.name,
    description: 'description' in c.data ? c.data.description : '',
  })),
);

/** The bodies `PUT /applications/{app}/commands` takes. */
export const commandDefinitions = commands.map((c) => c.data);
