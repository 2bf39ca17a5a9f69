import type { Logger } from 'pino';
import type { AnnexState } from './state.ts';

/** What every command and handler gets: the index to answer from, and the logger. */
export interface BotContext {
  state: AnnexState;
  logger: Logger;
}
