import { renderNotice } from '../src/render/discord.ts';
import type { Outcome } from './types.ts';

/** The private explanation a button gets when its state no longer holds. */
export const STALE_BUTTON =
  'This button has expired: the documents it pointed to have changed since it was made. Ask again to get fresh results.';

/** A button whose letters or question are gone: say so, privately. */
export function staleButton(): Outcome {
  return { type: 'reply', reply: renderNotice(STALE_BUTTON) };
}
