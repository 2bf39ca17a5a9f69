import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { freePort } from '../../scripts/lib/http-load.ts';
import { BUILT, CORPUS_DIR, SEED, startRedis, tempDir } from '../helpers.ts';
import { startBuilt } from '../e2e/processes.ts';
import { OTHER_USER, slash, USER } from '../e2e/payloads.ts';
import { APP_ID } from '../e2e/stand-in.ts';
import { keyPair, signedHeaders } from './endpoint.ts';

interface Served {
  child: ChildProcess;
  url: string;
  port: number;
  output(): string;
}

/** `npm run serve` with `env`, once it says it is serving and answers /healthz. */
async function serve(env: Record<string, string>): Promise<Served> {
  const port = await freePort();
  const { child, output } = await startBuilt(BUILT.serve, {
    DISCORD_APPLICATION_ID: APP_ID,
    CORPUS_DIR,
    INDEX_CACHE_DIR: await tempDir(),
    PORT: String(port),
    ...env,
  });
  const url = `http://${env.HOST ?? '127.0.0.1'}:${port}`;
  await vi.waitFor(
    async () => {
      expect(output()).toContain('Annex serving interactions');
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    },
    { timeout: 20_000, interval: 100 },
  );
  return { child, url, port, output };
}

/** The lines a process printed, without blank ones. */
const lines = (output: string) => output.split('\n').filter((line) => line.trim() !== '');

/**
 * The worker pids that answer /healthz over fresh connections. A connection the primary hands to
 * a worker just as it dies is never answered, so each request gives up after a while.
 */
async function workerPids(url: string, tries = 30): Promise<Set<number>> {
  return new Set((await healthReports(url, tries)).map((report) => report.worker));
}

/** What /healthz reports over `tries` fresh connections (each gives up after a while). */
async function healthReports(
  url: string,
  tries: number,
): Promise<{ worker: number; indexBuiltAt: string }[]> {
  const reports = [];
  for (let i = 0; i < tries; i++) {
    const res = await fetch(`${url}/healthz`, {
      headers: { connection: 'close' },
      signal: AbortSignal.timeout(2_000),
    });
    reports.push((await res.json()) as { worker: number; indexBuiltAt: string });
  }
  return reports;
}

async function signedPost(
  url: string,
  privateKey: ReturnType<typeof keyPair>['privateKey'],
  payload: unknown,
) {
  const body = JSON.stringify(payload);
  const res = await fetch(`${url}/interactions`, {
    method: 'POST',
    headers: { ...signedHeaders(privateKey, body), connection: 'close' },
    body,
  });
  return {
    status: res.status,
    body: (await res.json()) as { type: number; data: Record<string, unknown> },
  };
}

describe('npm run serve (dist/serve.cjs)', () => {
  it('needs no bot token, runs WORKERS processes on one port, and stops on SIGTERM', async () => {
    const keys = keyPair();
    const served = await serve({ DISCORD_PUBLIC_KEY: keys.hex, WORKERS: '2' });
    const reports = await healthReports(served.url, 30);
    expect(new Set(reports.map((r) => r.worker)).size).toBe(2);
    // Both workers loaded the one saved index: it says when it was built, not when each loaded it.
    expect(new Set(reports.map((r) => r.indexBuiltAt)).size).toBe(1);
    const ask = slash('ask', [{ name: 'question', type: 3, value: 'Khojavend' }]);
    const { status, body } = await signedPost(served.url, keys.privateKey, ask);
    expect([status, body.type]).toEqual([200, 4]);
    served.child.kill('SIGTERM');
    const [code] = await once(served.child, 'exit');
    expect(code).toBe(0);
    expect(served.output()).not.toMatch(/[0-9a-f]{128}/);
  }, 40_000);

  it('restarts a worker that dies', async () => {
    const keys = keyPair();
    const served = await serve({ DISCORD_PUBLIC_KEY: keys.hex, WORKERS: '2' });
    const before = await workerPids(served.url);
    const [victim] = [...before];
    process.kill(victim as number, 'SIGKILL');
    await vi.waitFor(
      async () => {
        const now = await workerPids(served.url, 20);
        expect(now.has(victim as number)).toBe(false);
        expect(now.size).toBe(2);
      },
      { timeout: 20_000, interval: 300 },
    );
    expect(served.output()).toMatch(/worker died; starting another/);
  }, 40_000);

  it('lets any replica answer a button another replica made: they share nothing but the letters', async () => {
    const keys = keyPair();
    const [a, b] = await Promise.all([
      serve({ DISCORD_PUBLIC_KEY: keys.hex, WORKERS: '1' }),
      serve({ DISCORD_PUBLIC_KEY: keys.hex, WORKERS: '1' }),
    ]);
    const ask = slash('ask', [{ name: 'question', type: 3, value: 'mine victims killed' }]);
    const first = await signedPost(a.url, keys.privateKey, ask);
    const message = first.body.data as {
      components: { components: { custom_id: string }[] }[];
      embeds: unknown[];
    };
    const more = message.components
      .flatMap((r) => r.components)
      .find((c) => c.custom_id.startsWith('annex:a:'));
    const press = {
      ...slash('ask'),
      type: 3,
      data: { custom_id: more?.custom_id, component_type: 2 },
      message: {
        id: '600000000000000001',
        channel_id: '1',
        content: '',
        embeds: message.embeds,
        components: message.components,
        flags: 0,
      },
    };
    const { body } = await signedPost(b.url, keys.privateKey, press);
    expect(body.type).toBe(7);
  }, 40_000);

  it('picks up a new letter in the corpus folder, in every worker', async () => {
    const keys = keyPair();
    const corpus = await tempDir();
    for (const id of [SEED.lachin, SEED.khojavand]) {
      const file = (await readFile(path.join(CORPUS_DIR, `${id}.txt`))).toString();
      await writeFile(path.join(corpus, `${id}.txt`), file);
    }
    const served = await serve({ DISCORD_PUBLIC_KEY: keys.hex, WORKERS: '2', CORPUS_DIR: corpus });
    const letters = async () => {
      const counts = new Set<number>();
      for (let i = 0; i < 10; i++) {
        const res = await fetch(`${served.url}/healthz`, { headers: { connection: 'close' } });
        const report = (await res.json()) as { documents: number; letters: number };
        // `documents` says what the corpus holds; `letters`, its old name, stays for clients.
        expect(report.letters).toBe(report.documents);
        counts.add(report.documents);
      }
      return [...counts];
    };
    expect(await letters()).toEqual([2]);
    await cp(
      path.join(CORPUS_DIR, `${SEED.minefieldInfo}.txt`),
      path.join(corpus, `${SEED.minefieldInfo}.txt`),
    );
    await vi.waitFor(async () => expect(await letters()).toEqual([3]), {
      timeout: 20_000,
      interval: 300,
    });
  }, 40_000);

  it('on a port in use: one line naming the port, exit 1', async () => {
    const keys = keyPair();
    const first = await serve({ DISCORD_PUBLIC_KEY: keys.hex, WORKERS: '1' });
    const second = await startBuilt(BUILT.serve, {
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_PUBLIC_KEY: keys.hex,
      CORPUS_DIR,
      INDEX_CACHE_DIR: await tempDir(),
      PORT: String(first.port),
      WORKERS: '2',
    });
    const [code] = await once(second.child, 'exit');
    expect(code).toBe(1);
    expect(lines(second.output())).toHaveLength(1);
    expect(second.output()).toContain(`port ${first.port} is in use`);
    expect(second.output()).not.toMatch(/EADDRINUSE|starting another/);
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
  }, 40_000);

  it('stops, saying why, when a worker cannot start twice in a row', async () => {
    const keys = keyPair();
    const corpus = await tempDir();
    await cp(CORPUS_DIR, corpus, { recursive: true });
    const served = await serve({ DISCORD_PUBLIC_KEY: keys.hex, WORKERS: '1', CORPUS_DIR: corpus });
    const [worker] = await workerPids(served.url, 1);
    await rm(corpus, { recursive: true, force: true });
    process.kill(worker as number, 'SIGKILL');
    const [code] = await once(served.child, 'exit');
    expect(code).toBe(1);
    expect(served.output()).toMatch(/cannot start twice in a row.*No corpus folder at/);
    expect(served.output().match(/starting another/g)).toHaveLength(2);
  }, 40_000);

  it('listens on HOST only, when set', async () => {
    const keys = keyPair();
    const served = await serve({ DISCORD_PUBLIC_KEY: keys.hex, WORKERS: '1', HOST: '127.0.0.2' });
    expect(served.output()).toContain(`on 127.0.0.2:${served.port}`);
    await expect(fetch(`http://127.0.0.1:${served.port}/healthz`)).rejects.toThrow();
  }, 40_000);

  it('without a public key, exits 1 saying what to put in .env', async () => {
    const { child, output } = await startBuilt(BUILT.serve, { DISCORD_APPLICATION_ID: APP_ID });
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(output()).toMatch(/DISCORD_PUBLIC_KEY: missing/);
    expect(output()).toContain('The bot token is not needed to serve');
  }, 20_000);
});

/** Asks as `user`, over a fresh connection: whether the question was answered or rate limited. */
async function askAs(
  url: string,
  privateKey: ReturnType<typeof keyPair>['privateKey'],
  user: typeof USER,
): Promise<'answered' | 'limited'> {
  const payload = slash('ask', [{ name: 'question', type: 3, value: 'Khojavend' }], 'guild', user);
  const { body } = await signedPost(url, privateKey, payload);
  return String(body.data.content ?? '').includes('faster than Annex allows')
    ? 'limited'
    : 'answered';
}

describe('rate limits (RATE_LIMIT_PER_MINUTE)', () => {
  it('hold one limit per user across the workers of one serve', async () => {
    const keys = keyPair();
    const served = await serve({
      DISCORD_PUBLIC_KEY: keys.hex,
      WORKERS: '2',
      RATE_LIMIT_PER_MINUTE: '5',
    });
    expect((await workerPids(served.url)).size).toBe(2);
    const verdicts = [];
    for (let i = 0; i < 10; i++) verdicts.push(await askAs(served.url, keys.privateKey, USER));
    expect(verdicts.filter((v) => v === 'answered')).toHaveLength(5);
    expect(verdicts.slice(5)).toEqual(Array(5).fill('limited'));
  }, 40_000);

  it('hold one limit per user across replicas through Redis, and go on per process without it, saying so once', async () => {
    const keys = keyPair();
    const redis = await startRedis();
    const env = {
      DISCORD_PUBLIC_KEY: keys.hex,
      WORKERS: '1',
      RATE_LIMIT_PER_MINUTE: '5',
      REDIS_URL: redis.url,
    };
    const replicas = await Promise.all([serve(env), serve(env)]);
    const verdicts = [];
    for (let i = 0; i < 10; i++) {
      const replica = replicas[i % 2] as Served;
      verdicts.push(await askAs(replica.url, keys.privateKey, USER));
    }
    expect(verdicts.filter((v) => v === 'answered')).toHaveLength(5);
    expect(verdicts.slice(5)).toEqual(Array(5).fill('limited'));

    redis.child.kill('SIGKILL');
    await once(redis.child, 'exit');
    for (const replica of replicas) {
      await vi.waitFor(() => expect(replica.output()).toContain('Redis unreachable'), {
        timeout: 10_000,
      });
    }
    // Reconnection keeps failing meanwhile; every replica still answers, each counting alone.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const replica of replicas) {
      const alone = [];
      for (let i = 0; i < 6; i++) alone.push(await askAs(replica.url, keys.privateKey, OTHER_USER));
      expect(alone).toEqual([...Array(5).fill('answered'), 'limited']);
      expect(replica.output().match(/Redis unreachable/g)).toHaveLength(1);
    }
  }, 60_000);
});
