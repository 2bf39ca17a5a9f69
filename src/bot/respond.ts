import {
  type BaseMessageOptions,
  type ButtonInteraction,
  type Message,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import type { Reply } from '../render/discord.ts';
import { checkDiscordLimits } from '../render/limits.ts';

/** Thrown when a rendered reply would break Discord's limits: a bug to log, never to send. */
export class RenderLimitError extends Error {
  override readonly name = 'RenderLimitError';
}

function messageOptions(reply: Reply): BaseMessageOptions {
  const problems = checkDiscordLimits(reply);
  if (problems.length > 0)
    throw new RenderLimitError(`reply exceeds Discord limits: ${problems.join('; ')}`);
  return {
    content: reply.content,
    embeds: reply.embeds,
    components: reply.components,
    files: reply.files,
    allowedMentions: { parse: [] },
  };
}

async function sendContinuation(interaction: RepliableInteraction, reply: Reply): Promise<void> {
  for (const more of reply.continuation ?? []) {
    await interaction.followUp({
      ...messageOptions(more),
      flags: reply.ephemeral ? MessageFlags.Ephemeral : undefined,
    });
  }
}

/** Replies to an interaction (or edits the deferred reply), private when the reply says so. */
export async function respond(interaction: RepliableInteraction, reply: Reply): Promise<void> {
  await respondFirst(interaction, reply);
  await sendContinuation(interaction, reply);
}

async function respondFirst(interaction: RepliableInteraction, reply: Reply): Promise<void> {
  const options = messageOptions(reply);
  if (interaction.deferred) {
    await interaction.editReply(options);
  } else if (interaction.replied) {
    await interaction.followUp({
      ...options,
      flags: reply.ephemeral ? MessageFlags.Ephemeral : undefined,
    });
  } else {
    await interaction.reply({
      ...options,
      flags: reply.ephemeral ? MessageFlags.Ephemeral : undefined,
    });
  }
}

/** Replaces the message a button sits on (a type-7 update). */
export async function update(interaction: ButtonInteraction, reply: Reply): Promise<void> {
  await interaction.update(messageOptions(reply));
  await sendContinuation(interaction, reply);
}

/** Replies to a plain message (a DM or a mention). */
export async function replyToMessage(message: Message, reply: Reply): Promise<void> {
  await message.reply({
    ...messageOptions(reply),
    allowedMentions: { parse: [], repliedUser: false },
  });
}
