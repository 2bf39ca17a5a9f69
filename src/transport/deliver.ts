/**
 * What both transports do after the interaction response: edit the "thinking…" message a
 * deferred reply left, and send the follow-up messages a long reply continues into — through the
 * interaction's webhook (no bot token needed), with @discordjs/rest.
 */
import type { REST } from '@discordjs/rest';
import { makeURLSearchParams } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import { messageOf } from '../../commands/outcome.ts';
import type { Outcome } from '../../commands/types.ts';
import type { Reply } from '../render/discord.ts';

/** What names an interaction's webhook. */
export interface InteractionRef {
  id: string;
  token: string;
  application_id: string;
}

/** Sends each reply as a follow-up message, in order. */
export async function sendFollowUps(
  rest: REST,
  ref: InteractionRef,
  replies: readonly Reply[],
): Promise<void> {
  for (const reply of replies) {
    const { body, files } = messageOf(reply);
    await rest.post(Routes.webhook(ref.application_id, ref.token), {
      body,
      files,
      query: makeURLSearchParams({ wait: true }),
      auth: false,
    });
  }
}

/** Replaces the interaction's original message (the deferred "thinking…") with `reply`, then sends what it continues into. */
export async function editOriginal(rest: REST, ref: InteractionRef, reply: Reply): Promise<void> {
  const { body, files } = messageOf(reply);
  const { flags: _flags, ...edit } = body;
  await rest.patch(Routes.webhookMessage(ref.application_id, ref.token, '@original'), {
    body: edit,
    files,
    auth: false,
  });
  await sendFollowUps(rest, ref, reply.continuation ?? []);
}

/**
 * Everything an outcome still needs once its interaction response is sent: a deferred reply's
 * result, or a reply's continuation.
 */
export async function completeOutcome(
  rest: REST,
  ref: InteractionRef,
  outcome: Outcome,
): Promise<void> {
  if (outcome.type === 'deferred') await editOriginal(rest, ref, await outcome.complete());
  else if (outcome.type === 'reply' || outcome.type === 'update')
    await sendFollowUps(rest, ref, outcome.reply.continuation ?? []);
}
