/**
 * `npm run serve`: Annex as an Interactions Endpoint URL. A primary process opens the corpus
 * (building and saving the index when the letters changed), starts WORKERS processes that
 * share the port (node:cluster), restarts one that dies, watches the letters and tells the
 * workers to load the new index once it is saved. Each worker loads the saved index and answers
 * any interaction: state lives in `custom_id`, so any worker — or any replica elsewhere — can
 * answer any button. SIGTERM drains requests under way and stops.
 */
import 'dotenv/config';
import cluster, { type Worker } from 'node:cluster';
import { type FSWatcher, watch } from 'node:fs';
import { REST } from '@discordjs/rest';
import type { Logger } from 'pino';
import { ConfigError, parseServeConfig, type ServeConfig, readEnvironment } from '../config.ts';
import { count as plural } from '../render/count.ts';
import { openCorpus } from '../search/cache.ts';
import { prepareToServe, warmUp } from '../search/warm.ts';
import { availableCpus } from '../serving/cpus.ts';
import { InFlight } from '../serving/inflight.ts';
import { createLogger } from '../serving/logger.ts';
import { allowWorkersToShareRateLimits, UserRateLimiter } from '../serving/rate-limit.ts';
import { buildInWorker, CorpusReloader, RELOAD_DEBOUNCE_MS } from '../serving/reload.ts';
import { AnnexState } from '../serving/state.ts';
import { healthReport } from './health.ts';
import { createInteractionServer } from './server.ts';
import { publicKeyFromHex } from './verify.ts';
import { buildProgress } from '../serving/progress.ts';

/** What the primary and its workers say to each other. */
type ClusterMessage =
  | { type: 'annex:reload' }
  /** A worker that cannot start says why before it exits; `fatal` when another cannot start either. */
  | { type: 'annex:cannot-start'; reason: string; fatal: boolean };
const RELOAD: ClusterMessage = { type: 'annex:reload' };

/**
 * A worker that cannot start this many times in a row stops the primary, with the reason: starting
 * yet another would only loop.
 */
const MAX_FAILED_STARTS = 2;

/** Thrown by a worker that cannot listen: the address is a setting, so no other worker could. */
class ListenError extends Error {}

/** Why a worker cannot listen, in the operator's terms (the setting to change). */
function listenProblem(error: NodeJS.ErrnoException, config: ServeConfig): string {
  const on = config.host ? ` on ${config.host}` : '';
  switch (error.code) {
    case 'EADDRINUSE':
      return `port ${config.port}${on} is in use: stop what listens there, or set PORT to a free port`;
    case 'EACCES':
      return `no permission to listen on port ${config.port}${on}: set PORT to a port above 1023`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot listen on ${config.host} (HOST): it is no address of this machine`;
    default:
      return `cannot listen on port ${config.port}${on}: ${error.message}`;
  }
}

/** Where the endpoint listens, for the log. */
function address(config: ServeConfig): string {
  return config.host
    ? `${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`
    : `port ${config.port} (every interface)`;
}

/** How long a stop waits for requests under way before it gives up on them. */
const DRAIN_MS = 10_000;
/** A worker that dies is started again after this pause (so a crash loop does not spin). */
const RESTART_DELAY_MS = 1_000;

async function runPrimary(config: ServeConfig, logger: Logger): Promise<void> {
  const started = performance.now();
  const opened = await openCorpus(config.corpusDir, config.indexCacheDir, {
    onProgress: buildProgress(null, (line) => logger.info(line)),
  });
  for (const problem of [...opened.corpus.problems, ...opened.corpus.warnings])
    logger.warn({ file: problem.file, line: problem.line }, problem.message);
  for (const warning of opened.warnings ?? []) logger.warn(warning);
  const cacheDir = opened.cacheDir ?? null;
  const count = config.workers === 'auto' ? availableCpus() : config.workers;
  let stopping = false;
  // The workers' rate limits are counted here, so that a user has one limit across them.
  if (config.rateLimitPerMinute > 0) allowWorkersToShareRateLimits();
  const fork = () => {
    const worker = cluster.fork();
    // Node answers a worker's listen request over its IPC channel; when the worker has died in
    // the meantime (stopped by a failure elsewhere) the write fails with EPIPE, and an 'error'
    // nobody handles would crash the primary. A worker that dies is dealt with on 'exit'.
    worker.on('error', (error) =>
      logger.debug({ err: error, worker: worker.process.pid }, 'worker channel closed'),
    );
    return worker;
  };
  /** Workers that listened at least once; one that exits without is a failed start. */
  const listened = new Set<number>();
  /** Why each worker that could not start said it could not. */
  const reasons = new Map<number, string>();
  let failedStarts = 0;
  /** Stops the primary and its workers, saying why in one line. */
  const fail = (reason: string) => {
    if (stopping) return;
    logger.fatal(`Annex could not serve: ${reason}`);
    void stop('failure', 1);
  };
  cluster.on('listening', (worker) => {
    listened.add(worker.id);
    failedStarts = 0;
  });
  cluster.on('exit', (worker, code, signal) => {
    const started = listened.delete(worker.id);
    const reported = reasons.get(worker.id);
    reasons.delete(worker.id);
    if (stopping) return;
    const details = { worker: worker.process.pid, code, signal };
    if (started) {
      logger.error(details, 'worker died; starting another');
    } else {
      failedStarts += 1;
      const reason = reported ?? `a worker exited (${signal ?? `code ${code}`}) before it listened`;
      if (failedStarts >= MAX_FAILED_STARTS)
        return fail(`a worker cannot start twice in a row: ${reason}`);
      logger.error(details, `worker could not start (${reason}); starting another`);
    }
    setTimeout(() => {
      if (!stopping) fork();
    }, RESTART_DELAY_MS);
  });
  const broadcast = (except?: Worker) => {
    for (const worker of Object.values(cluster.workers ?? {}))
      if (worker && worker !== except && worker.isConnected()) worker.send(RELOAD);
  };
  cluster.on('message', (worker, message: ClusterMessage) => {
    // A worker that rebuilt the index itself (/reload) has the others load it.
    if (message?.type === RELOAD.type) broadcast(worker);
    if (message?.type === 'annex:cannot-start') {
      if (message.fatal) fail(message.reason);
      else reasons.set(worker.id, message.reason);
    }
  });
  for (let i = 0; i < count; i++) fork();
  let watcher: FSWatcher | null = null;
  let timer: NodeJS.Timeout | null = null;
  const rebuild = async () => {
    try {
      if (cacheDir) await buildInWorker(config.corpusDir, cacheDir);
      broadcast();
      logger.info('documents changed: the workers load the new index');
    } catch (error) {
      logger.error({ err: error }, 'rebuilding the index failed; the workers keep the old one');
    }
  };
  try {
    watcher = watch(config.corpusDir, { recursive: true }, () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void rebuild(), RELOAD_DEBOUNCE_MS);
    });
    watcher.on('error', (error) =>
      logger.error({ err: error }, 'watching the corpus folder failed'),
    );
  } catch (error) {
    logger.error(
      { err: error },
      'cannot watch the corpus folder: use /reload to pick up new documents',
    );
  }
  process.on('SIGHUP', () => void rebuild());
  async function stop(signal: string, exitCode = 0): Promise<void> {
    if (stopping && exitCode === 0) return;
    stopping = true;
    if (exitCode === 0) logger.info({ signal }, 'stopping: the workers finish what is under way');
    watcher?.close();
    if (timer) clearTimeout(timer);
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            const kill = setTimeout(() => worker.process.kill('SIGKILL'), DRAIN_MS + 2_000);
            worker.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            worker.process.kill('SIGTERM');
          }),
      ),
    );
    process.exit(exitCode);
  }
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  // Ready when every worker listens: each loads the index first.
  await new Promise<void>((resolve) => {
    let listening = 0;
    const onListening = () => {
      listening += 1;
      if (listening < count) return;
      cluster.off('listening', onListening);
      resolve();
    };
    cluster.on('listening', onListening);
  });
  logger.info(
    {
      host: config.host ?? undefined,
      port: config.port,
      workers: count,
      documents: opened.index.letters.length,
      letters: opened.index.letters.length,
      index: opened.source,
      readyMs: Math.round(performance.now() - started),
    },
    `Annex serving interactions on ${address(config)} with ${plural(count, 'worker')}`,
  );
}

async function runWorker(config: ServeConfig, logger: Logger): Promise<void> {
  const opened = await openCorpus(config.corpusDir, config.indexCacheDir, {
    whileReading: prepareToServe,
  });
  warmUp(opened.index);
  const state = new AnnexState(opened.index);
  const reloader = new CorpusReloader(config.corpusDir, opened.cacheDir ?? null, state, logger, {
    onBuilt: () => process.send?.(RELOAD),
  });
  process.on('message', (message: ClusterMessage) => {
    if (message?.type === RELOAD.type)
      void reloader.reload({ build: false }).catch(() => undefined);
  });
  const inflight = new InFlight();
  const limiter =
    config.rateLimitPerMinute > 0
      ? new UserRateLimiter(
          { points: config.rateLimitPerMinute, windowSeconds: 60 },
          { scope: 'workers', redisUrl: config.redisUrl, logger },
        )
      : undefined;
  const rest = new REST({ version: '10', ...(config.apiUrl ? { api: config.apiUrl } : {}) });
  const server = createInteractionServer({
    publicKey: publicKeyFromHex(config.publicKey),
    ctx: { state, logger, limiter, reloader },
    rest,
    logger,
    inflight,
    health: () => healthReport(state.info(), process.pid),
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    const refused = (error: NodeJS.ErrnoException) =>
      reject(new ListenError(listenProblem(error, config)));
    server.once('error', refused);
    server.listen({ port: config.port, host: config.host ?? undefined }, () => {
      server.off('error', refused);
      resolve();
    });
  });
  server.on('error', (error) => logger.error({ err: error }, 'the HTTP server failed'));
  const stop = async () => {
    server.close();
    await inflight.drain(DRAIN_MS);
    limiter?.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  logger.debug({ letters: state.index.letters.length, index: opened.source }, 'worker ready');
}

async function main(): Promise<void> {
  const config = parseServeConfig(readEnvironment());
  const logger = createLogger(config.logLevel);
  await (cluster.isPrimary ? runPrimary(config, logger) : runWorker(config, logger));
}

main().catch((error: unknown) => {
  if (cluster.isWorker && process.send) {
    // The primary says why, once, and decides whether another worker is worth starting.
    const message: ClusterMessage = {
      type: 'annex:cannot-start',
      reason: (error as Error).message,
      fatal: error instanceof ListenError,
    };
    process.send(message, () => process.exit(1));
    return;
  }
  console.error(
    error instanceof ConfigError
      ? error.message
      : `Annex could not serve: ${(error as Error).message}`,
  );
  process.exit(1);
});
