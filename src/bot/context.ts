import type { Logger } from 'pino';
import type { UserRateLimiter } from './rate-limit.ts';
import type { CorpusReloader } from './reload.ts';
import type { AnnexState } from './state.ts';

/** What every command and handler gets: the index to answer from, the logger, the rate limiter. */
export interface BotContext {
  state: AnnexState;
  logger: Logger;
  /** Per-user limits; absent means none. */
  limiter?: UserRateLimiter;
  /** Re-indexes the corpus on demand (`/reload`); absent when the bot does not watch it. */
  reloader?: CorpusReloader;
}
