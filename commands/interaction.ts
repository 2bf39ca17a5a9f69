/**
 * Reading an interaction as Discord sends it (discord-api-types JSON): who sent it, the options
 * given, whether they may moderate. Handlers read interactions only through these.
 */
import {
  type APIApplicationCommandInteractionDataBasicOption,
  type APIInteraction,
  ApplicationCommandOptionType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { UserFacingError } from './errors.ts';

/** The id of the user who sent the interaction (in a server or a DM). */
export function userIdOf(interaction: APIInteraction): string {
  return interaction.member?.user.id ?? interaction.user?.id ?? '';
}

type WithOptions = { data: { options?: readonly unknown[] } };

function options(interaction: WithOptions): APIApplicationCommandInteractionDataBasicOption[] {
  return (interaction.data.options ?? []) as APIApplicationCommandInteractionDataBasicOption[];
}

function optionValue(interaction: WithOptions, name: string, type: ApplicationCommandOptionType) {
  const option = options(interaction).find((o) => o.name === name);
  return option && option.type === type ? option.value : undefined;
}

/** A string option's value, or null when not given. */
export function stringOption(interaction: WithOptions, name: string): string | null {
  const value = optionValue(interaction, name, ApplicationCommandOptionType.String);
  return typeof value === 'string' ? value : null;
}

/** A string option that the command's definition requires. */
export function requiredString(interaction: WithOptions, name: string): string {
  const value = stringOption(interaction, name);
  if (value === null) throw new UserFacingError(`\`${name}\` is required.`);
  return value;
}

/** An integer option's value, or null when not given. */
export function integerOption(interaction: WithOptions, name: string): number | null {
  const value = optionValue(interaction, name, ApplicationCommandOptionType.Integer);
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

/** A boolean option's value, or null when not given. */
export function booleanOption(interaction: WithOptions, name: string): boolean | null {
  const value = optionValue(interaction, name, ApplicationCommandOptionType.Boolean);
  return typeof value === 'boolean' ? value : null;
}

/** The option being typed in an autocomplete interaction. */
export function focusedOption(interaction: WithOptions): { name: string; value: string } | null {
  const focused = options(interaction).find((o) => 'focused' in o && o.focused);
  return focused ? { name: focused.name, value: String(focused.value) } : null;
}

/**
 * Whether a member's computed permissions (the decimal string Discord sends as
 * `member.permissions`) grant `flag`. Administrator implies every permission, as Discord applies
 * it and as discord.js's `PermissionsBitField.has(flag)` reads it (`checkAdmin` defaults to true);
 * discord.js itself is not loaded here, since the HTTP workers run the core without it (it would
 * add over half a second and 30 MB to each worker's start).
 */
export function hasPermission(permissions: string | undefined, flag: bigint): boolean {
  if (permissions === undefined || !/^\d+$/.test(permissions)) return false;
  const bits = BigInt(permissions);
  const granted = (wanted: bigint) => (bits & wanted) === wanted;
  return granted(PermissionFlagsBits.Administrator) || granted(flag);
}

/**
 * Re-checks at run time what the registration only defaults to (a server can change who may use
 * a command): a `UserFacingError` unless the user has Manage Messages (or Administrator) in a server.
 */
export function requireModerator(interaction: APIInteraction, action: string): void {
  const manage =
    interaction.guild_id !== undefined &&
    hasPermission(interaction.member?.permissions, PermissionFlagsBits.ManageMessages);
  if (!manage)
    throw new UserFacingError(`${action} is for moderators (Manage Messages) in a server.`);
}
