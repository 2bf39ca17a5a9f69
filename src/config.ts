import path from 'node:path';
import * as z from 'zod';

/** Log levels pino understands. */
const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** What the offline CLI needs: where the letters are, and how much to log. */
const CoreEnv = z.object({
  CORPUS_DIR: z.string().min(1).default('./corpus'),
  LOG_LEVEL: LogLevel.default('info'),
  INDEX_CACHE_DIR: z.string().default('./.annex-cache'),
  // Set by npm to the folder a command was typed in: `npm run` runs it in the package's own.
  INIT_CWD: z.string().optional(),
});

/** The settings Annex runs with, read once from the environment. */
export interface CoreConfig {
  /** Absolute path of the folder holding the letters. */
  readonly corpusDir: string;
  readonly logLevel: z.infer<typeof LogLevel>;
  /** Where the saved index is kept (an empty setting is unset: the default folder). */
  readonly indexCacheDir: string | null;
  /**
   * The folder the command was typed in, which a file named on the command line is relative to
   * (`npm run cli -- add ../report.pdf`): npm runs a script in the package's folder.
   */
  readonly callerDir: string;
}

/** Thrown when the environment has missing or bad values; the message lists every one. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => `  - ${issue.path.join('.') || '(environment)'}: ${issue.message}`)
    .join('\n');
}

/**
 * The environment Annex runs with: `process.env` (with `.env` loaded into it) without its empty
 * keys. An empty value (`SHARDS=` as `.env.example` ships it) means "unset", for Annex and for
 * the libraries that read `process.env` themselves: discord.js's Client runs
 * `JSON.parse(process.env.SHARDS)` and reads `SHARD_COUNT` whenever they are defined, and an
 * empty one stopped the bot ("Unexpected end of JSON input"). So the empty keys are removed from
 * `env` itself, before any such library is started.
 */
export function readEnvironment(
  env: Record<string, string | undefined> = process.env,
): Record<string, string | undefined> {
  for (const [key, value] of Object.entries(env)) if (value?.trim() === '') delete env[key];
  return env;
}

/** `env` without its empty values: an empty value is an unset one, reported (if needed) as missing. */
function withoutEmpty(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => !!entry[1]?.trim()),
  );
}

/** Parses the settings the CLI needs from `env` (normally `readEnvironment()`); empty values are unset. */
export function parseCoreConfig(env: Record<string, string | undefined>): CoreConfig {
  const parsed = CoreEnv.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(
      `Bad configuration:\n${describeIssues(parsed.error.issues)}\nSee .env.example.`,
    );
  }
  return Object.freeze({
    corpusDir: path.resolve(parsed.data.CORPUS_DIR),
    logLevel: parsed.data.LOG_LEVEL,
    indexCacheDir: path.resolve(parsed.data.INDEX_CACHE_DIR),
    callerDir: path.resolve(parsed.data.INIT_CWD ?? '.'),
  });
}

const Snowflake = z.string().regex(/^\d{17,20}$/, 'expected a Discord id (17–20 digits)');
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/**
 * A count from 1 to `max`, or `auto`, each failure saying `expected` (never zod's own "Too
 * small: expected number to be >=1").
 */
const countOrAuto = (max: number, expected: string) =>
  optional(
    z.union(
      [
        z.literal('auto'),
        z.coerce
          .number({ error: expected })
          .int({ error: expected })
          .min(1, { error: expected })
          .max(max, { error: expected }),
      ],
      { error: expected },
    ),
  );

const RATE_LIMIT_EXPECTED =
  'expected a whole number of requests per user per minute, from 0 (no limit) to 10000';

/** A Redis server's URL: `redis://[:password@]host[:port][/db]`, or `rediss://` over TLS. */
const RedisUrl = optional(
  z.url({
    protocol: /^rediss?$/,
    error: 'expected a Redis URL: redis://host:6379 (or rediss:// over TLS)',
  }),
);

const BotEnv = CoreEnv.extend({
  DISCORD_TOKEN: z
    .string({
      error: 'missing: the bot token from the Discord Developer Portal (Bot → Reset Token)',
    })
    .min(1, 'missing: the bot token from the Discord Developer Portal (Bot → Reset Token)')
    .regex(
      /^[\w-]+\.[\w-]+\.[\w-]+$/,
      'does not look like a bot token (three dot-separated parts)',
    ),
  DISCORD_APPLICATION_ID: z
    .string({ error: 'missing: the application id (General Information)' })
    .pipe(Snowflake),
  DISCORD_GUILD_ID: optional(Snowflake),
  DISCORD_API_URL: optional(z.url({ protocol: /^https?$/ })),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ error: RATE_LIMIT_EXPECTED })
    .int({ error: RATE_LIMIT_EXPECTED })
    .min(0, { error: RATE_LIMIT_EXPECTED })
    .max(10_000, { error: RATE_LIMIT_EXPECTED })
    .default(20),
  REDIS_URL: RedisUrl,
  SHARDS: countOrAuto(
    1000,
    'expected a number of shards from 1 to 1000, or auto (Discord’s recommendation)',
  ),
  /** Set by discord.js's ShardingManager in each shard process it starts. */
  SHARDING_MANAGER: optional(z.string()),
});

/** Everything the Discord bot needs, on top of the core settings. */
export interface BotConfig extends CoreConfig {
  readonly token: string;
  readonly applicationId: string;
  /** When set, commands are registered to this one server (instant) rather than globally. */
  readonly guildId: string | null;
  /** REST base URL for operators who route through a proxy; `null` means Discord's own. */
  readonly apiUrl: string | null;
  /** Requests per user per minute; 0 turns the limit off. */
  readonly rateLimitPerMinute: number;
  /** Where every shard and replica counts rate limits together; `null` counts in each process. */
  readonly redisUrl: string | null;
  /** Run shards through discord.js's ShardingManager: a count, `auto` (Discord's recommendation), or null for one process. */
  readonly shards: number | 'auto' | null;
  /** True in a shard process started by the ShardingManager. */
  readonly isShard: boolean;
}

/** How to try the answers without Discord: how the bot's messages end when it cannot start. */
export const OFFLINE_HINT = [
  'To try the answers offline, without Discord:',
  '  npm run cli -- ask "How many mine victims were there by September 2023?"',
].join('\n');

/** The message shown when the bot cannot do `what` for want of configuration. */
function botConfigHelp(what: string, issues: readonly z.core.$ZodIssue[]): string {
  const missing = issues.every((issue) => issue.message.startsWith('missing'));
  return [
    `Annex cannot ${what}: the configuration ${missing ? 'is incomplete' : 'has values it cannot use'}.`,
    describeIssues(issues),
    '',
    'Put these in a file named .env (copy .env.example, which explains each one):',
    '  DISCORD_TOKEN=<your bot token>',
    '  DISCORD_APPLICATION_ID=<your application id>',
    '',
    OFFLINE_HINT,
  ].join('\n');
}

/**
 * Parses the bot's settings from `env`; throws `ConfigError` listing every missing or bad key,
 * saying that Annex cannot do `what` ("start the Discord bot", "register the commands").
 */
export function parseBotConfig(
  env: Record<string, string | undefined>,
  what = 'start the Discord bot',
): BotConfig {
  // In a shard process, SHARDS is discord.js's own list of shard ids, not the operator's setting.
  const own = withoutEmpty(env);
  if (own.SHARDING_MANAGER === 'true') delete own.SHARDS;
  const parsed = BotEnv.safeParse(own);
  if (!parsed.success) throw new ConfigError(botConfigHelp(what, parsed.error.issues));
  const data = parsed.data;
  return Object.freeze({
    corpusDir: path.resolve(data.CORPUS_DIR),
    logLevel: data.LOG_LEVEL,
    indexCacheDir: path.resolve(data.INDEX_CACHE_DIR),
    callerDir: path.resolve(data.INIT_CWD ?? '.'),
    token: data.DISCORD_TOKEN,
    applicationId: data.DISCORD_APPLICATION_ID,
    guildId: data.DISCORD_GUILD_ID ?? null,
    apiUrl: data.DISCORD_API_URL ?? null,
    rateLimitPerMinute: data.RATE_LIMIT_PER_MINUTE,
    redisUrl: data.REDIS_URL ?? null,
    shards: data.SHARDS ?? null,
    isShard: data.SHARDING_MANAGER === 'true',
  });
}

const ServeEnv = CoreEnv.extend({
  DISCORD_PUBLIC_KEY: z
    .string({
      error: 'missing: the public key from the Developer Portal (General Information → Public Key)',
    })
    .regex(/^[0-9a-fA-F]{64}$/, 'expected the public key: 64 hexadecimal characters'),
  DISCORD_APPLICATION_ID: z
    .string({ error: 'missing: the application id (General Information)' })
    .pipe(Snowflake),
  DISCORD_API_URL: optional(z.url({ protocol: /^https?$/ })),
  HOST: optional(
    z.union([z.ipv4(), z.ipv6(), z.hostname()], {
      error: 'expected an address of this machine to listen on (127.0.0.1, ::1, localhost)',
    }),
  ),
  PORT: z.coerce
    .number({ error: 'expected a port number from 1 to 65535' })
    .int({ error: 'expected a port number from 1 to 65535' })
    .min(1, { error: 'expected a port number from 1 to 65535' })
    .max(65_535, { error: 'expected a port number from 1 to 65535' })
    .default(8080),
  WORKERS: countOrAuto(
    256,
    'expected a number of worker processes from 1 to 256, or auto (one per CPU)',
  ),
  RATE_LIMIT_PER_MINUTE: BotEnv.shape.RATE_LIMIT_PER_MINUTE,
  REDIS_URL: RedisUrl,
});

/** What `npm run serve` (the HTTP interactions endpoint) needs, on top of the core settings. */
export interface ServeConfig extends CoreConfig {
  /** The application's Ed25519 public key, hex: every request must be signed with it. */
  readonly publicKey: string;
  readonly applicationId: string;
  /** REST base URL for follow-ups; `null` means Discord's own. */
  readonly apiUrl: string | null;
  /** The address to listen on; `null` listens on every interface (`::` and `0.0.0.0`). */
  readonly host: string | null;
  readonly port: number;
  /** Worker processes: a count, or `auto` (one per CPU). */
  readonly workers: number | 'auto';
  readonly rateLimitPerMinute: number;
  /** Where every replica counts rate limits together; `null` counts across this machine's workers. */
  readonly redisUrl: string | null;
}

/** Parses the HTTP endpoint's settings from `env`; throws `ConfigError` listing every missing or bad key. */
export function parseServeConfig(env: Record<string, string | undefined>): ServeConfig {
  const parsed = ServeEnv.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    const missing = parsed.error.issues.every((issue) => issue.message.startsWith('missing'));
    throw new ConfigError(
      [
        `Annex cannot serve interactions over HTTP: the configuration ${missing ? 'is incomplete' : 'has values it cannot use'}.`,
        describeIssues(parsed.error.issues),
        '',
        'Put these in a file named .env (copy .env.example, which explains each one):',
        '  DISCORD_PUBLIC_KEY=<your application public key>',
        '  DISCORD_APPLICATION_ID=<your application id>',
        '(The bot token is not needed to serve: Discord signs each request with the public key.)',
      ].join('\n'),
    );
  }
  const data = parsed.data;
  return Object.freeze({
    corpusDir: path.resolve(data.CORPUS_DIR),
    logLevel: data.LOG_LEVEL,
    indexCacheDir: path.resolve(data.INDEX_CACHE_DIR),
    callerDir: path.resolve(data.INIT_CWD ?? '.'),
    publicKey: data.DISCORD_PUBLIC_KEY.toLowerCase(),
    applicationId: data.DISCORD_APPLICATION_ID,
    apiUrl: data.DISCORD_API_URL ?? null,
    host: data.HOST ?? null,
    port: data.PORT,
    workers: data.WORKERS ?? 1,
    rateLimitPerMinute: data.RATE_LIMIT_PER_MINUTE,
    redisUrl: data.REDIS_URL ?? null,
  });
}
