import 'dotenv/config';
import { Events } from 'discord.js';
import { type BotConfig, ConfigError, parseBotConfig } from '../config.ts';
import { openCorpus } from '../search/cache.ts';
import { createClient } from './client.ts';
import { createLogger } from './logger.ts';
import { UserRateLimiter } from './rate-limit.ts';
import { AnnexState } from './state.ts';

/** Starts the bot: loads the letters (or the saved index), logs in, and logs one line when ready. */
async function start(config: BotConfig): Promise<void> {
  const started = performance.now();
  const logger = createLogger(config.logLevel, [config.token]);
  const { corpus, index, source } = await openCorpus(config.corpusDir, config.indexCacheDir);
  for (const problem of corpus.problems)
    logger.warn({ file: problem.file, line: problem.line }, problem.message);
  const state = new AnnexState(index);
  const limiter =
    config.rateLimitPerMinute > 0
      ? new UserRateLimiter({ points: config.rateLimitPerMinute, windowSeconds: 60 })
      : undefined;
  const client = createClient({ state, logger, limiter }, { apiUrl: config.apiUrl });
  client.once(Events.ClientReady, (ready) => {
    logger.info(
      {
        user: ready.user.tag,
        letters: index.letters.length,
        passages: index.size,
        index: source,
        readyMs: Math.round(performance.now() - started),
      },
      `Annex ready: ${index.letters.length} letters, ${index.size} passages, in ${Math.round(performance.now() - started)} ms`,
    );
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await client.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  await client.login(config.token);
}

try {
  await start(parseBotConfig(process.env));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(`Annex could not start: ${(error as Error).message}`);
  }
  process.exit(1);
}
