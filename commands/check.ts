import { tooShortToCheck } from '../src/render/wording.ts';
import {
  type APIMessage,
  ApplicationCommandType,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { renderNotice, renderVerdict } from '../src/render/discord.ts';
import { linkOnlyNotice, NOTHING_TO_QUOTE } from '../src/render/wording.ts';
import { checkPostedMessage } from '../src/search/posted-message.ts';
import { countDocuments } from '../src/corpus/schema.ts';
import { UserFacingError } from './errors.ts';
import { requireModerator } from './interaction.ts';
import { displayedText } from './message-text.ts';
import { MODERATORS_ONLY } from './options.ts';
import type { MessageCommand } from './types.ts';

/**
 * The text a message shows: its own, or (a forwarded message, whose own content is empty) the
 * text of the message it forwards, which Discord sends as a snapshot.
 */
function claimContent(message: APIMessage | undefined): string {
  if (!message) return '';
  if (message.content.trim()) return message.content;
  return (message.message_snapshots ?? []).map((s) => s.message.content).join('\n');
}

/** A message Annex sent: as the bot, or as the reply to one of its commands. */
function isOwnMessage(message: APIMessage, applicationId: string): boolean {
  return (
    message.author.id === applicationId ||
    message.application_id === applicationId ||
    message.webhook_id === applicationId
  );
}

/** Moderators: right-click a message → Apps → Check in letters. Always private. */
export const check: MessageCommand = {
  data: {
    type: ApplicationCommandType.Message,
    name: 'Check in letters',
    ...MODERATORS_ONLY,
  } satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody,
  execute(interaction, ctx) {
    requireModerator(interaction, 'Checking a message against the documents');
    if (ctx.state.index.size === 0) throw new UserFacingError(NOTHING_TO_QUOTE);
    const target = interaction.data.resolved.messages[interaction.data.target_id];
    if (target && isOwnMessage(target, interaction.application_id))
      throw new UserFacingError(
        "That message is Annex's own answer: its quotes are the documents' words, each with its citation. Check the message that made the claim instead.",
      );
    const content = claimContent(target);
    const { index } = ctx.state;
    // The claim as the message shows it (its markdown, emoji, mentions and links are no words of
    // it), read by the core as the CLI's `check` reads it: which document it cites, what it says.
    const checked = checkPostedMessage(index, { content, words: displayedText(content) });
    if (checked.kind === 'citesOnly') {
      const holds = countDocuments(index.letters.length, ctx.state.info().noun);
      const commands = { letters: '`/letters`', letter: (key: string) => `\`/letter ${key}\`` };
      const reply = renderNotice(linkOnlyNotice(checked.cites, checked.claim, holds, commands));
      return { type: 'reply', reply, found: { results: 0, abstained: true } };
    }
    if (checked.kind === 'noWords')
      throw new UserFacingError(
        'That message has no words to check (only links, emoji, mentions, attachments or embeds).',
      );
    if (checked.kind === 'tooShort') throw new UserFacingError(tooShortToCheck(checked.claim));
    const { claim, cites, verdict, searched, beyondCited } = checked;
    const reply = renderVerdict(claim, verdict, searched, ctx.state.info(), cites, beyondCited);
    const found =
      verdict.kind === 'verbatim'
        ? { results: 1, abstained: false }
        : { results: verdict.answer.results.length, abstained: verdict.kind === 'absent' };
    return { type: 'reply', reply, found };
  },
};
