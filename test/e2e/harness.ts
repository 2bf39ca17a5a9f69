import { Writable } from 'node:stream';
import { type Client, Events } from 'discord.js';
import { createClient } from '../../src/bot/client.ts';
import { createLogger } from '../../src/serving/logger.ts';
import { UserRateLimiter } from '../../src/serving/rate-limit.ts';
import { CorpusReloader } from '../../src/serving/reload.ts';
import { AnnexState } from '../../src/serving/state.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { checkDiscordLimits } from '../../src/render/limits.ts';
import { openCorpus } from '../../src/search/cache.ts';
import { SearchIndex } from '../../src/search/search-index.ts';
import { CORPUS_DIR } from '../helpers.ts';
import { type Call, DiscordStandIn } from './stand-in.ts';

/** A fake token in the right shape; the stand-in accepts anything. */
export const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.stand-in.secret-token-value';

export interface Bot {
  discord: DiscordStandIn;
  client: Client;
  state: AnnexState;
  /** Every log line, parsed. */
  logs: Record<string, unknown>[];
  /** Dispatches an interaction and waits for its first callback. */
  interact(payload: { id: string }): Promise<Call>;
  stop(): Promise<void>;
}

/** Options for a test bot. */
export interface BotOptions {
  /** Requests per user per minute; none when absent. */
  rateLimitPerMinute?: number;
  /** Serve this corpus through a saved index in `cacheDir` (built, then loaded as at a restart). */
  saved?: { corpusDir: string; cacheDir: string };
  /** Watch the saved corpus folder and reload it on change (needs `saved`). */
  reload?: boolean;
}

/** Starts the real discord.js client, with Annex's handlers, against a fresh stand-in. */
export async function startBot(options: BotOptions = {}): Promise<Bot> {
  const discord = new DiscordStandIn();
  await discord.start();
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger('debug', [TOKEN], sink);
  let index: SearchIndex;
  if (options.saved) {
    await openCorpus(options.saved.corpusDir, options.saved.cacheDir);
    const reopened = await openCorpus(options.saved.corpusDir, options.saved.cacheDir);
    if (reopened.source !== 'loaded') throw new Error('harness: the saved index was not reused');
    index = reopened.index;
  } else {
    index = SearchIndex.build((await loadCorpus(CORPUS_DIR)).letters);
  }
  const state = new AnnexState(index);
  const limiter = options.rateLimitPerMinute
    ? new UserRateLimiter({ points: options.rateLimitPerMinute, windowSeconds: 60 })
    : undefined;
  const reloader = options.saved
    ? new CorpusReloader(options.saved.corpusDir, options.saved.cacheDir, state, logger, {
        debounceMs: 200,
      })
    : undefined;
  if (options.reload) reloader?.start();
  const client = createClient(
    { state, logger, limiter, reloader },
    { apiUrl: discord.apiUrl, retries: 0 },
  );
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(TOKEN);
  await ready;
  return {
    discord,
    client,
    state,
    logs,
    async interact(payload) {
      discord.dispatch('INTERACTION_CREATE', payload);
      return discord.waitFor((c) => c.path.startsWith(`/api/v10/interactions/${payload.id}/`));
    },
    async stop() {
      reloader?.stop();
      await client.destroy();
      await discord.stop();
    },
  };
}

/**
 * A message body as JSON from the wire. Tests read it loosely: the stand-in and `messageOf`
 * have already checked it against Discord's limits.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Wire = any;

/** The message body of a callback or webhook call, checked against Discord's limits. */
export function messageOf(call: Call): Wire {
  const body = call.body as { type?: number; data?: Record<string, unknown>; __files?: string[] };
  const inner = (call.path.endsWith('/callback') ? body.data : body) as Wire;
  const message = body.__files ? { ...inner, __files: body.__files } : inner;
  const problems = checkDiscordLimits(message ?? {});
  if (problems.length > 0) throw new Error(`reply breaks Discord's limits: ${problems.join('; ')}`);
  return { embeds: [], components: [], ...message };
}

/** All custom_ids of a message's buttons. */
export function buttonIds(message: Wire): string[] {
  return (message.components as Wire[]).flatMap((row) =>
    (row.components as { custom_id: string }[]).map((c) => c.custom_id),
  );
}
