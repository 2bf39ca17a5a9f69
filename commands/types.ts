import type {
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandOptionChoice,
  APIChatInputApplicationCommandInteraction,
  APIMessageApplicationCommandInteraction,
  APIMessageComponentButtonInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { ButtonAction } from '../src/render/custom-ids.ts';
import type { Reply } from '../src/render/discord.ts';
import type { HandlerContext } from './context.ts';

/** What a search found, for the log: how many passages were shown, and whether Annex abstained. */
export interface Found {
  results: number;
  abstained: boolean;
}

/**
 * What Annex answers an interaction with, as plain data; a transport turns it into Discord's
 * wire format (`outcome.ts`) and sends it. `found` says what a search found, for the log.
 */
export type Outcome =
  /** A new message (interaction response type 4), and any continuation as follow-ups. */
  | { type: 'reply'; reply: Reply; found?: Found }
  /** Replaces the message the button is on (type 7). */
  | { type: 'update'; reply: Reply; found?: Found }
  /** Autocomplete choices (type 8). */
  | { type: 'choices'; choices: APIApplicationCommandOptionChoice[] }
  /**
   * "Annex is thinking…" (type 5) now, or for a button with `update` a silent acknowledgement
   * (type 6); the reply `complete` makes then edits that message (the button's own, for `update`).
   */
  | { type: 'deferred'; ephemeral: boolean; update?: boolean; complete: () => Promise<Reply> };

/** Handles one kind of button: its decoded action, the interaction as Discord sent it. */
export type ButtonHandler<K extends ButtonAction['kind'] = ButtonAction['kind']> = (
  action: Extract<ButtonAction, { kind: K }>,
  interaction: APIMessageComponentButtonInteraction,
  ctx: HandlerContext,
) => Outcome;

/** The buttons a command makes, by kind: the command's module answers them. */
export type ButtonHandlers = { [K in ButtonAction['kind']]?: ButtonHandler<K> };

/** A slash command: its definition (registered as is), what it does, its buttons. */
export interface SlashCommand {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(
    interaction: APIChatInputApplicationCommandInteraction,
    ctx: HandlerContext,
  ): Outcome | Promise<Outcome>;
  autocomplete?(
    interaction: APIApplicationCommandAutocompleteInteraction,
    ctx: HandlerContext,
  ): Outcome;
  buttons?: ButtonHandlers;
}

/** A message context-menu command ("Apps → …" on a message). */
export interface MessageCommand {
  data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  execute(interaction: APIMessageApplicationCommandInteraction, ctx: HandlerContext): Outcome;
}

export type Command = SlashCommand | MessageCommand;
