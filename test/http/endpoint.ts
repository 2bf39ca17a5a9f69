/** An HTTP interactions endpoint for tests: a key pair made here, the seed letters (fixtures), the stand-in's REST for follow-ups. */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { REST } from '@discordjs/rest';
import { vi } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { healthReport } from '../../src/http/health.ts';
import { createInteractionServer } from '../../src/http/server.ts';
import { SearchIndex } from '../../src/search/index.ts';
import { InFlight } from '../../src/serving/inflight.ts';
import { createLogger } from '../../src/serving/logger.ts';
import { AnnexState } from '../../src/serving/state.ts';
import type { DiscordStandIn } from '../e2e/stand-in.ts';
import { CORPUS_DIR } from '../helpers.ts';

/** An Ed25519 key pair; the public key as the Developer Portal shows it (hex). */
export function keyPair(): { publicKey: KeyObject; privateKey: KeyObject; hex: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const hex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  return { publicKey, privateKey, hex };
}

/** The two headers Discord signs a request with. */
export function signedHeaders(
  privateKey: KeyObject,
  body: string,
  timestamp = String(Math.floor(Date.now() / 1000)),
): Record<string, string> {
  return {
    'x-signature-ed25519': sign(null, Buffer.from(timestamp + body), privateKey).toString('hex'),
    'x-signature-timestamp': timestamp,
    'content-type': 'application/json',
  };
}

export interface Endpoint {
  url: string;
  privateKey: KeyObject;
  /** Called once for each interaction the handler core answers (a rate limiter that allows all). */
  handled: ReturnType<typeof vi.fn>;
  logs: Record<string, unknown>[];
  /** POSTs `payload` signed; its status and JSON body. */
  post(payload: unknown): Promise<{ status: number; body: unknown }>;
  /** POSTs `body` as it is with `headers`. */
  raw(
    body: string | Buffer,
    headers: Record<string, string>,
  ): Promise<{ status: number; text: string }>;
  stop(): Promise<void>;
}

export async function startEndpoint(discord: DiscordStandIn): Promise<Endpoint> {
  const keys = keyPair();
  const letters = (await loadCorpus(CORPUS_DIR)).letters;
  const state = new AnnexState(SearchIndex.build(letters));
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger('debug', [], sink);
  const handled = vi.fn(async () => ({ allowed: true as const }));
  const limiter = { take: handled, settings: { points: 1000, windowSeconds: 60 } };
  const reloader = {
    reload: vi.fn(async () => ({
      added: ['new-letter'],
      changed: [],
      removed: [],
      rejected: [],
      letters: 6,
      ms: 1,
    })),
  };
  const inflight = new InFlight();
  const server = createInteractionServer({
    publicKey: keys.publicKey,
    ctx: { state, logger, limiter: limiter as never, reloader: reloader as never },
    rest: new REST({ version: '10', api: discord.apiUrl, retries: 0 }),
    logger,
    inflight,
    health: () => healthReport(state.info(), process.pid),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const raw = async (body: string | Buffer, headers: Record<string, string>) => {
    const res = await fetch(`${url}/interactions`, { method: 'POST', headers, body });
    return { status: res.status, text: await res.text() };
  };
  return {
    url,
    privateKey: keys.privateKey,
    handled,
    logs,
    raw,
    async post(payload) {
      const body = JSON.stringify(payload);
      const { status, text } = await raw(body, signedHeaders(keys.privateKey, body));
      return { status, body: text ? JSON.parse(text) : null };
    },
    async stop() {
      await inflight.drain(2000);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
