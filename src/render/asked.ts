/**
 * The question an answer carries in its first embed's author line. Buttons keep no state of
 * their own beyond their `custom_id`, so "Previous", "Next", "Context" and "Cite" read the question
 * back from the message they are on: any process can answer them, also after a restart.
 */
import { DISCORD_LIMITS } from './limits.ts';
import { clip } from './markdown.ts';

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

/** The author line that carries `question`, or a shortened one that cannot be read back. */
export function questionAuthor(question: string): { name: string } {
  const whole = `${QUESTION_MARK}${question}`;
  return {
    name:
      whole.length <= DISCORD_LIMITS.authorName
        ? whole
        : clip(`${CLIPPED_QUESTION_MARK}${question}`, DISCORD_LIMITS.authorName),
  };
}
