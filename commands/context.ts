import type { Logger } from 'pino';
import type { UserRateLimiter } from '../src/serving/rate-limit.ts';
import type { CorpusReloader } from '../src/serving/reload.ts';
import type { AnnexState } from '../src/serving/state.ts';

/** What every handler gets, whichever transport calls it: the index to answer from, the logger, the rate limiter. */
export interface HandlerContext {
  state: AnnexState;
  logger: Logger;
  /** Per-user limits; absent means none. */
  limiter?: UserRateLimiter;
  /** Re-indexes the corpus on demand (`/reload`); absent when the bot does not watch it. */
  reloader?: CorpusReloader;
}
