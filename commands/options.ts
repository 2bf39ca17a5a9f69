/** Option definitions and readers shared by several commands. */
import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIChatInputApplicationCommandInteraction,
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import type { Letter } from '../src/corpus/schema.ts';
import type { ButtonScope } from '../src/render/custom-ids.ts';
import type { SearchFilters } from '../src/search/answer.ts';
import { DISCORD_LIMITS } from '../src/render/limits.ts';
import { letterKey } from '../src/serving/state.ts';
import { FilterError, parseFilterDate, readSearchFilters } from '../src/search/filters.ts';
import { namedCandidates, resolveTypedLetter, suggestLetters } from '../src/search/suggest.ts';
import type { HandlerContext } from './context.ts';
import { UserFacingError } from './errors.ts';
import { focusedOption, stringOption } from './interaction.ts';
import type { Outcome } from './types.ts';

/** Everywhere: servers, DMs with the bot, private channels; installed to a server or a user. */
export const EVERYWHERE = {
  contexts: [
    InteractionContextType.Guild,
    InteractionContextType.BotDM,
    InteractionContextType.PrivateChannel,
  ],
  integration_types: [
    ApplicationIntegrationType.GuildInstall,
    ApplicationIntegrationType.UserInstall,
  ],
};

/** Moderator commands: servers only, installed to a server, Manage Messages by default. */
export const MODERATORS_ONLY = {
  default_member_permissions: PermissionFlagsBits.ManageMessages.toString(),
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
};

export const letterOption = (
  required: boolean,
  description = 'A document: type a date, symbol, author or words of its title',
) =>
  ({
    type: ApplicationCommandOptionType.String,
    name: 'letter',
    description,
    required,
    autocomplete: true,
    max_length: 100,
  }) as const;

export const dateOption = (name: 'from' | 'to') =>
  ({
    type: ApplicationCommandOptionType.String,
    name,
    description:
      name === 'from'
        ? 'Only documents dated on or after (YYYY-MM-DD or YYYY)'
        : 'Only documents dated on or before (YYYY-MM-DD or YYYY)',
    required: false,
    max_length: 10,
  }) as const;

/** The filters `/ask` and `/search` share: one document, and a date range. */
export const filterOptions = () => [
  letterOption(false, 'Only this document: type a date, symbol, author or words of its title'),
  dateOption('from'),
  dateOption('to'),
];

/** Reads a date option: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as the first (from) or last (to) day. */
export function readDate(
  interaction: APIChatInputApplicationCommandInteraction,
  name: 'from' | 'to',
): string | undefined {
  const value = stringOption(interaction, name)?.trim();
  if (!value) return undefined;
  try {
    return parseFilterDate(value, name);
  } catch (error) {
    throw userFacing(error);
  }
}

/** A filter problem as a private reply: the option's name in code style. */
function userFacing(error: unknown): unknown {
  return error instanceof FilterError
    ? new UserFacingError(
        `${error.message.replace(/^(from|to)\b/, '`$1`').replace(/ after to\b/, ' after `to`')}.`,
      )
    : error;
}

/** The filters of an /ask or /search, checked, with what buttons need to repeat them. */
export function readFilters(
  interaction: APIChatInputApplicationCommandInteraction,
  ctx: HandlerContext,
): { filters: SearchFilters; scope: ButtonScope } {
  const from = readDate(interaction, 'from');
  const to = readDate(interaction, 'to');
  try {
    readSearchFilters([], { from, to });
  } catch (error) {
    throw userFacing(error);
  }
  const letterValue = stringOption(interaction, 'letter');
  const letter = letterValue ? chosenLetter(ctx, letterValue) : null;
  return {
    filters: { letter: letter?.id, from, to },
    scope: { letterKey: letter ? letterKey(letter) : null, from: from ?? null, to: to ?? null },
  };
}

/**
 * The letter a user chose: its id, key or symbol, as the list offered while typing sends it; else what
 * was typed and sent without picking from that list (a date, words of its title) when it fits one
 * document only, or one whose title it is. A `UserFacingError` when it fits none, or several
 * (naming them).
 */
export function chosenLetter(ctx: HandlerContext, value: string): Letter {
  const letter = ctx.state.findLetter(value) ?? ctx.state.letterByKey(value);
  if (letter) return letter;
  const typed = resolveTypedLetter(ctx.state.index.letters, value);
  if ('letter' in typed) return typed.letter;
  const { fits } = typed;
  const shown = value.slice(0, 100);
  if (fits.length > 1) {
    throw new UserFacingError(
      `"${shown}" fits ${fits.length} documents; pick one from the list as you type:\n${namedCandidates(fits)}`,
    );
  }
  throw new UserFacingError(
    `No document "${shown}" in the index. Pick one from the list as you type, or see \`/letters\`.`,
  );
}

/** Filters from a button's scope; `null` when the letter it names is gone. */
export function filtersFromScope(scope: ButtonScope, ctx: HandlerContext): SearchFilters | null {
  const letter = scope.letterKey ? ctx.state.letterByKey(scope.letterKey) : null;
  if (scope.letterKey && !letter) return null;
  return { letter: letter?.id, from: scope.from ?? undefined, to: scope.to ?? undefined };
}

/** Autocomplete for any `letter` option: at most 25 letters matching what was typed. */
export function autocompleteLetter(
  interaction: APIApplicationCommandAutocompleteInteraction,
  ctx: HandlerContext,
): Outcome {
  const focused = focusedOption(interaction);
  if (focused?.name !== 'letter') return { type: 'choices', choices: [] };
  // A choice's value is at most 100 characters: a document whose id (its file name) is longer
  // is sent back by its key, which `chosenLetter` reads as well.
  const choices = suggestLetters(ctx.state.index.letters, focused.value).map((choice) => {
    if (choice.value.length <= DISCORD_LIMITS.choiceValue) return choice;
    const letter = ctx.state.findLetter(choice.value);
    return letter ? { ...choice, value: letterKey(letter) } : null;
  });
  return { type: 'choices', choices: choices.filter((c) => c !== null) };
}
