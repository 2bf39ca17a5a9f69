/**
 * The question an answer carries in its first embed's author line. Buttons keep no state of
 * their own beyond their `custom_id`, so "Previous", "Next", "Context" and "Cite" read the question
 * back from the message they are on: any process can answer them, also after a restart.
 */
import { DISCORD_LIMITS } from './limits.ts';
import { clip, oneLine } from './markdown.ts';

/** Marks the question on an answer so buttons can read it back after a restart. */
export const QUESTION_MARK = 'Asked: ';
/**
 * Marks a question too long for the embed's author line (256 characters), shown clipped: it
 * cannot be read back, so no button that needs it is offered. A question of its own may end in
 * "…" (phones write "..." so), which is why the clip is told by this mark and not by its end.
 */
export const CLIPPED_QUESTION_MARK = 'Asked (shortened): ';

/** The question an answer message carries in its first embed, or null when it holds none whole. */
export function questionFromEmbeds(
  embeds: readonly { author?: { name?: string } | null }[],
): string | null {
  const name = embeds[0]?.author?.name;
  return name?.startsWith(QUESTION_MARK) ? name.slice(QUESTION_MARK.length) : null;
}

/**
 * Whether buttons can read `question` back from the embeds that show it (`questionAuthor`): it
 * was not shortened. Its line breaks read back as spaces, which ask the same.
 */
export function readsBack(
  embeds: readonly { author?: { name?: string } | null }[],
  question: string,
): boolean {
  return questionFromEmbeds(embeds) === oneLine(question);
}

/**
 * The author line that carries `question` (on one line: a question of several lines reads the
 * same), or a shortened one that cannot be read back.
 */
export function questionAuthor(question: string): { name: string } {
  const line = oneLine(question);
  const whole = `${QUESTION_MARK}${line}`;
  return {
    name:
      whole.length <= DISCORD_LIMITS.authorName
        ? whole
        : clip(`${CLIPPED_QUESTION_MARK}${line}`, DISCORD_LIMITS.authorName),
  };
}
