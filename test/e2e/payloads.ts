/** Gateway payloads as Discord sends them, for the stand-in to dispatch. */
import { APP_ID, BOT_ID, messageObject, nextId } from './stand-in.ts';

export const GUILD_ID = '400000000000000001';
export const CHANNEL_ID = '400000000000000002';
export const DM_CHANNEL_ID = '400000000000000003';
export const USER = {
  id: '500000000000000001',
  username: 'reader',
  discriminator: '0',
  avatar: null,
  global_name: 'Reader',
};
export const OTHER_USER = {
  id: '500000000000000002',
  username: 'other',
  discriminator: '0',
  avatar: null,
  global_name: 'Other',
};
/** Manage Messages (8192) plus view/send. */
export const MODERATOR_PERMISSIONS = String(8192 + 1024 + 2048);
export const MEMBER_PERMISSIONS = String(1024 + 2048);
/** Administrator (8) alone: Discord sends a member's computed bits, and Administrator implies every permission. */
export const ADMINISTRATOR_PERMISSIONS = '8';

type Where = 'guild' | 'dm';

function base(where: Where, user = USER, permissions = MEMBER_PERMISSIONS) {
  const id = nextId();
  const common = {
    id,
    application_id: APP_ID,
    token: `token-${id}`,
    version: 1,
    locale: 'en-US',
    entitlements: [],
    app_permissions: '2147483647',
  };
  if (where === 'guild') {
    return {
      ...common,
      guild_id: GUILD_ID,
      channel_id: CHANNEL_ID,
      channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'general' },
      member: {
        user,
        roles: [],
        permissions,
        joined_at: new Date(0).toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
      },
      authorizing_integration_owners: { '0': GUILD_ID },
      context: 0,
    };
  }
  return {
    ...common,
    channel_id: DM_CHANNEL_ID,
    channel: { id: DM_CHANNEL_ID, type: 1, recipients: [user] },
    user,
    authorizing_integration_owners: { '1': user.id },
    context: 1,
  };
}

type Option = { name: string; type: number; value: string | number | boolean; focused?: boolean };

/** A slash command (type 2, data.type 1). */
export function slash(name: string, options: Option[] = [], where: Where = 'guild', user = USER) {
  return { ...base(where, user), type: 2, data: { id: nextId(), name, type: 1, options } };
}

/** An autocomplete request (type 4) with the focused option. */
export function autocomplete(name: string, options: Option[], where: Where = 'guild') {
  return { ...base(where), type: 4, data: { id: nextId(), name, type: 1, options } };
}

/** A button press (type 3) on a message the bot sent. */
export function buttonPress(
  customId: string,
  message: Record<string, unknown>,
  where: Where = 'guild',
  user = USER,
) {
  return {
    ...base(where, user),
    type: 3,
    data: { custom_id: customId, component_type: 2 },
    message: messageObject(where === 'guild' ? CHANNEL_ID : DM_CHANNEL_ID, message),
  };
}

/** "Apps → Check in letters" on a message (type 2, data.type 3). */
export function checkMessage(content: string, permissions = MODERATOR_PERMISSIONS) {
  const target = messageObject(CHANNEL_ID, { content }, { ...OTHER_USER, bot: false });
  return {
    ...base('guild', USER, permissions),
    type: 2,
    data: {
      id: nextId(),
      name: 'Check in letters',
      type: 3,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    },
  };
}

/**
 * A plain message (MESSAGE_CREATE) in a DM or a server channel, with its `channel_type` as
 * Discord sends it (1 for a DM, 0 for a server text channel): discord.js needs it to take a DM
 * on a channel it has not seen yet. `channelId` is another DM's (or channel's).
 */
export function plainMessage(
  content: string,
  where: Where,
  mentionsBot = false,
  channelId = where === 'guild' ? CHANNEL_ID : DM_CHANNEL_ID,
) {
  const message = messageObject(channelId, { content }, {
    ...USER,
    bot: false,
  } as never);
  return {
    ...message,
    channel_type: where === 'guild' ? 0 : 1,
    ...(where === 'guild'
      ? { guild_id: GUILD_ID, member: { roles: [], joined_at: new Date(0).toISOString() } }
      : {}),
    mentions: mentionsBot
      ? [{ id: BOT_ID, username: 'Annex', discriminator: '0', avatar: null, bot: true }]
      : [],
  };
}

/** A server the bot is in, with one text channel (for messages that mention it). */
export function guildCreate() {
  return {
    id: GUILD_ID,
    name: 'Test server',
    icon: null,
    owner_id: OTHER_USER.id,
    unavailable: false,
    member_count: 2,
    roles: [
      {
        id: GUILD_ID,
        name: '@everyone',
        permissions: MEMBER_PERMISSIONS,
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
      },
    ],
    channels: [
      { id: CHANNEL_ID, type: 0, name: 'general', position: 0, permission_overwrites: [] },
    ],
    members: [],
    emojis: [],
    stickers: [],
    features: [],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    joined_at: new Date(0).toISOString(),
    large: false,
  };
}
