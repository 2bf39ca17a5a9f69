import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import {
  type RateLimiterAbstract,
  RateLimiterCluster,
  RateLimiterClusterMaster,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';

/** Per-user limits: generous for a person, firm for a script. */
export interface RateLimitSettings {
  /** Requests a user may make per window. */
  points: number;
  /** Window length in seconds. */
  windowSeconds: number;
}

/** The answer to "may this user ask now?": yes, or no with when to retry. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Where a limit is counted, so that it holds per user however Annex is scaled out. */
export type RateLimitScope =
  /** One process (the gateway bot without Redis, a shard). */
  | 'process'
  /** Every worker of `npm run serve` on this machine: the primary counts (`allowWorkersToShareRateLimits`). */
  | 'workers';

/** The keys' prefix in Redis and in the cluster's primary: one limiter, one name. */
const KEY_PREFIX = 'annex:user';
/** A worker waits this long for the primary's count before it gives up on a request. */
const CLUSTER_TIMEOUT_MS = 2_000;

/**
 * In the primary of `npm run serve`: counts for every worker, so that a user's limit is one limit
 * whichever worker answers (rate-limiter-flexible's cluster mode, over node:cluster's IPC).
 */
export function allowWorkersToShareRateLimits(): void {
  new RateLimiterClusterMaster();
}

/** The in-process or per-machine limiter for `scope`. */
function localLimiter(settings: RateLimitSettings, scope: RateLimitScope): RateLimiterAbstract {
  const options = {
    points: settings.points,
    duration: settings.windowSeconds,
    keyPrefix: KEY_PREFIX,
  };
  return scope === 'workers'
    ? new RateLimiterCluster({ ...options, timeoutMs: CLUSTER_TIMEOUT_MS })
    : new RateLimiterMemory(options);
}

/** Where a Redis URL points, for the log: never its password. */
function redisHost(url: string): string {
  try {
    const { hostname, port } = new URL(url);
    return port ? `${hostname}:${port}` : hostname;
  } catch {
    return 'REDIS_URL';
  }
}

/**
 * Counts each user's requests (commands, buttons, DMs) in a fixed window. With a Redis URL, one
 * count for every process, replica and shard that uses the same Redis; while Redis cannot be
 * reached, each process counts on its own (the `scope` limiter, rate-limiter-flexible's
 * insurance) and says so once in the log, and again once Redis is back.
 */
export class UserRateLimiter {
  private readonly limiter: RateLimiterAbstract;
  private readonly redis: Redis | null = null;

  constructor(
    readonly settings: RateLimitSettings,
    options: { scope?: RateLimitScope; redisUrl?: string | null; logger?: Logger } = {},
  ) {
    const local = localLimiter(settings, options.scope ?? 'process');
    if (!options.redisUrl) {
      this.limiter = local;
      return;
    }
    const where = redisHost(options.redisUrl);
    const logger = options.logger;
    // Commands fail at once while Redis is unreachable (the insurance limiter counts instead)
    // rather than queueing behind a reconnection; reconnecting goes on in the background.
    const redis = new Redis(options.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: false,
    });
    let reachable = true;
    redis.on('error', (error: Error) => {
      if (!reachable) return;
      reachable = false;
      logger?.warn(
        { redis: where, err: { message: error.message } },
        'Redis unreachable: each process counts rate limits on its own until it is back',
      );
    });
    redis.on('ready', () => {
      if (reachable) return;
      reachable = true;
      logger?.info({ redis: where }, 'Redis reachable again: rate limits are shared again');
    });
    this.redis = redis;
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      points: settings.points,
      duration: settings.windowSeconds,
      keyPrefix: KEY_PREFIX,
      rejectIfRedisNotReady: true,
      insuranceLimiter: local,
    });
  }

  /** Takes one request from the user's allowance. */
  async take(userId: string): Promise<RateDecision> {
    try {
      await this.limiter.consume(userId);
      return { allowed: true };
    } catch (error) {
      if (error instanceof RateLimiterRes)
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)),
        };
      throw error;
    }
  }

  /** Closes the connection to Redis, if any. */
  close(): void {
    this.redis?.disconnect();
  }
}

/** The private reply to a user who asks too fast. */
export function rateLimitMessage(
  decision: Extract<RateDecision, { allowed: false }>,
  settings: RateLimitSettings,
): string {
  return `You're asking faster than Annex allows (${settings.points} requests per ${settings.windowSeconds} s). Try again in ${decision.retryAfterSeconds} s.`;
}
