/**
 * An outcome in Discord's wire format: the interaction response body (type 4, 5, 7 or 8) and the
 * message bodies of edits and follow-ups, each with the files to send beside it (multipart).
 */
import {
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  InteractionResponseType,
  MessageFlags,
} from 'discord-api-types/v10';
import type { Reply } from '../src/render/discord.ts';
import type { Outcome } from './types.ts';

/** A file to upload with a message. */
export interface WireFile {
  name: string;
  data: Buffer;
}

/** A message as Discord's API takes it, and the files to upload with it. */
export interface WireMessage {
  body: APIInteractionResponseCallbackData;
  files: WireFile[];
}

/** A reply's message body: content, embeds, components, no pings, private when it says so. */
export function messageOf(reply: Reply): WireMessage {
  const files = (reply.files ?? []).map((f) => ({ name: f.name, data: f.attachment }));
  const body: APIInteractionResponseCallbackData = {
    ...(reply.content !== undefined ? { content: reply.content } : {}),
    embeds: reply.embeds,
    components: reply.components as APIInteractionResponseCallbackData['components'],
    allowed_mentions: { parse: [] },
    ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
    // An attachment's id is the index of its file in the upload, as a snowflake string (Discord's
    // API types it so; discord.js sends "0", "1", …). A reply that names its files (even none)
    // replaces the message's attachments: a chart switched to its passages drops the picture.
    ...(reply.files !== undefined
      ? { attachments: files.map((f, n) => ({ id: String(n), filename: f.name })) }
      : {}),
  };
  return { body, files };
}

/** The interaction response for an outcome, with its files. */
export function responseOf(outcome: Outcome): { body: APIInteractionResponse; files: WireFile[] } {
  switch (outcome.type) {
    case 'reply': {
      const { body, files } = messageOf(outcome.reply);
      return {
        body: { type: InteractionResponseType.ChannelMessageWithSource, data: body },
        files,
      };
    }
    case 'update': {
      const { body, files } = messageOf(outcome.reply);
      const { flags: _flags, ...data } = body;
      return { body: { type: InteractionResponseType.UpdateMessage, data }, files };
    }
    case 'choices':
      return {
        body: {
          type: InteractionResponseType.ApplicationCommandAutocompleteResult,
          data: { choices: outcome.choices },
        },
        files: [],
      };
    case 'deferred':
      return {
        body: outcome.update
          ? { type: InteractionResponseType.DeferredMessageUpdate }
          : deferredResponse(outcome.ephemeral),
        files: [],
      };
  }
}

/** "Annex is thinking…" (type 5), private or not. */
export function deferredResponse(ephemeral: boolean): APIInteractionResponse {
  return {
    type: InteractionResponseType.DeferredChannelMessageWithSource,
    data: ephemeral ? { flags: MessageFlags.Ephemeral } : {},
  };
}
