import 'dotenv/config';
import { fileURLToPath } from 'node:url';
import { Events, REST, Routes, ShardingManager } from 'discord.js';
import type { Logger } from 'pino';
import {
  type BotConfig,
  ConfigError,
  OFFLINE_HINT,
  parseBotConfig,
  readEnvironment,
} from '../config.ts';
import { countDocuments, documentNoun } from '../corpus/schema.ts';
import { count } from '../render/count.ts';
import { openCorpus } from '../search/cache.ts';
import { prepareToServe, warmUp } from '../search/warm.ts';
import { createClient } from './client.ts';
import { refusalAdvice } from './refusal.ts';
import { InFlight } from '../serving/inflight.ts';
import { createLogger } from '../serving/logger.ts';
import { UserRateLimiter } from '../serving/rate-limit.ts';
import { CorpusReloader } from '../serving/reload.ts';
import { AnnexState } from '../serving/state.ts';
import { buildProgress } from '../serving/progress.ts';

/** How long a shutdown waits for replies under way. */
const DRAIN_MS = 10_000;

/** Runs `stop` once on SIGTERM or SIGINT, then exits 0. */
function onShutdown(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => handler('SIGTERM'));
  process.on('SIGINT', () => handler('SIGINT'));
}

/** One bot process (or one shard): loads the letters or the saved index, logs in, logs one line when ready. */
async function startBot(config: BotConfig): Promise<void> {
  const started = performance.now();
  const logger = createLogger(config.logLevel, [config.token]);
  const opened = await openCorpus(config.corpusDir, config.indexCacheDir, {
    onProgress: buildProgress(null, (line) => logger.info(line)),
    whileReading: prepareToServe,
  });
  const { corpus, index, source } = opened;
  warmUp(index);
  for (const problem of [...corpus.problems, ...corpus.warnings])
    logger.warn({ file: problem.file, line: problem.line }, problem.message);
  for (const warning of opened.warnings ?? []) logger.warn(warning);
  const state = new AnnexState(index);
  const limiter =
    config.rateLimitPerMinute > 0
      ? new UserRateLimiter(
          { points: config.rateLimitPerMinute, windowSeconds: 60 },
          { redisUrl: config.redisUrl, logger },
        )
      : undefined;
  const inflight = new InFlight();
  const reloader = new CorpusReloader(config.corpusDir, opened.cacheDir ?? null, state, logger);
  const client = createClient(
    { state, logger, limiter, reloader },
    { apiUrl: config.apiUrl, inflight },
  );
  client.once(Events.ClientReady, (ready) => {
    const readyMs = Math.round(performance.now() - started);
    logger.info(
      {
        user: ready.user.tag,
        shards: ready.ws.shards.map((s) => s.id),
        documents: index.letters.length,
        letters: index.letters.length,
        passages: index.passageCount,
        index: source,
        readyMs,
      },
      `Annex ready: ${countDocuments(index.letters.length, documentNoun(index.letters))}, ${count(index.passageCount, 'passage')}, in ${readyMs} ms`,
    );
    reloader.start();
  });
  onShutdown(logger, async () => {
    reloader.stop();
    await inflight.drain(DRAIN_MS);
    limiter?.close();
    await client.destroy();
  });
  await client.login(config.token);
}

/**
 * Several shards through discord.js's ShardingManager. The index is opened (and saved, when it
 * had to be built) before the shards start, so each shard loads the saved index.
 */
async function startShards(config: BotConfig): Promise<void> {
  const logger = createLogger(config.logLevel, [config.token]);
  const opened = await openCorpus(config.corpusDir, config.indexCacheDir, {
    onProgress: buildProgress(null, (line) => logger.info(line)),
  });
  for (const warning of opened.warnings ?? []) logger.warn(warning);
  const { index, source } = opened;
  logger.info({ letters: index.letters.length, index: source }, 'index ready for the shards');
  let totalShards = config.shards;
  if (totalShards === 'auto') {
    const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
    totalShards = ((await rest.get(Routes.gatewayBot())) as { shards: number }).shards;
  }
  const manager = new ShardingManager(fileURLToPath(import.meta.url), {
    token: config.token,
    totalShards: totalShards ?? 1,
    respawn: true,
  });
  manager.on('shardCreate', (shard) => logger.info({ shard: shard.id }, 'shard started'));
  onShutdown(logger, async () => {
    await Promise.all(
      [...manager.shards.values()].map(async (shard) => {
        const exited = new Promise((resolve) => shard.process?.once('exit', resolve));
        shard.process?.kill('SIGTERM');
        await exited;
      }),
    );
  });
  await manager.spawn({ timeout: 60_000 });
}

async function main(): Promise<void> {
  const config = parseBotConfig(readEnvironment());
  await (config.shards !== null && !config.isShard ? startShards(config) : startBot(config));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else {
    // When Discord refused (or was out of reach), the setting to check and how to go on without it.
    const advice = refusalAdvice(error, { action: 'start' });
    console.error(
      `Annex could not start: ${(error as Error).message}${advice ? `\n${advice}\n\n${OFFLINE_HINT}` : ''}`,
    );
  }
  process.exit(1);
});
