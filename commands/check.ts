import {
  ApplicationCommandType,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { renderVerdict } from '../src/render/discord.ts';
import { NOTHING_TO_QUOTE } from '../src/render/wording.ts';
import { describeScope } from '../src/search/answer.ts';
import { checkClaim } from '../src/search/check.ts';
import { UserFacingError } from './errors.ts';
import { requireModerator } from './interaction.ts';
import { displayedText } from './message-text.ts';
import { MODERATORS_ONLY } from './options.ts';
import type { MessageCommand } from './types.ts';

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
    // The claim as the message shows it: its markdown, emoji, mentions and links are no words of it.
    const claim = displayedText(target?.content ?? '');
    if (!claim)
      throw new UserFacingError(
        'That message has no words to check (only links, emoji, mentions, attachments or embeds).',
      );
    const verdict = checkClaim(ctx.state.index, claim);
    const reply = renderVerdict(claim, verdict, describeScope(ctx.state.index), ctx.state.info());
    const found =
      verdict.kind === 'verbatim'
        ? { results: 1, abstained: false }
        : { results: verdict.answer.results.length, abstained: verdict.kind === 'absent' };
    return { type: 'reply', reply, found };
  },
};
