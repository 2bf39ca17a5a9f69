/**
 * `npm run load [-- --json]`: Annex under load, over both transports, on this machine. A burst
 * of 1,000 `/ask`s from 100 users in three shapes (100 users in turn, 250 a second, all at
 * once) is sent, signed, to the HTTP endpoint (`npm run serve`, WORKERS=1 and 2) and beside it
 * to a minimal signed endpoint (node:http, the signature check, one fixed answer: the floor on
 * this machine), then dispatched to the real bot (dist/bot.cjs) through a local stand-in for
 * Discord's gateway. For each: latency until the answer arrived (p50/p95/p99), answered exactly
 * once, lost, and the server's CPU time per interaction. Then, for the gateway bot: RSS across
 * 10,000 interactions in sequence, 429s, 500s, a dropped gateway, an invalidated session and a
 * SIGTERM with replies in flight. Figures, not assertions; all traffic stays on 127.0.0.1.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { slash } from '../test/e2e/payloads.ts';
import { APP_ID, DiscordStandIn } from '../test/e2e/stand-in.ts';
import { readArgs } from './lib/args.ts';
import { burstShapes, cpuMs, eachUserInTurn, memory, type Send, type Shape } from './lib/burst.ts';
import { interactionsClient, keyPair, signAll, startEndpoint } from './lib/http-load.ts';
import { percentile } from './lib/percentile.ts';

const USAGE = `Usage: npm run load [-- --json]

Sends bursts of signed /ask to the HTTP endpoint (npm run serve, WORKERS=1 and 2) and to a
minimal signed endpoint, then runs the real gateway bot against a local stand-in for Discord,
and measures how fast each answers. Prints figures.
  --json   one JSON object instead of the tables
  --help   this text`;
const values = readArgs(USAGE, { json: { type: 'boolean', default: false } });
const log = (line: string) => {
  if (!values.json) console.log(line);
};
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.load.test-token';
const BURST = 1000;
const USERS = 100;
const SEQUENTIAL = 10_000;
const dev = JSON.parse(readFileSync('eval/dev-questions.json', 'utf8')) as {
  questions: { q: string }[];
  abstain: string[];
};
const questions = [...dev.questions.map((q) => q.q), ...dev.abstain];
const users = Array.from({ length: USERS }, (_, i) => ({
  id: String(600000000000000000n + BigInt(i)),
  username: `user${i}`,
  discriminator: '0',
  avatar: null,
  global_name: `User ${i}`,
}));

/** An `/ask` from one of the users, with one of the dev questions. */
const ask = (i: number) =>
  slash(
    'ask',
    [{ name: 'question', type: 3, value: questions[i % questions.length] ?? 'mines' }],
    'guild',
    users[i % USERS],
  );

/**
 * Interactions answered before any burst is timed, so that the figures are a warm server's: V8
 * goes on compiling the search's larger functions for the first thousand or so questions.
 */
const WARMUP = 2_000;
const warmUp = (run: (payloads: ReturnType<typeof ask>[]) => Promise<unknown>) =>
  run(Array.from({ length: WARMUP }, (_, i) => ask(i)));

/** What a burst in one shape gave, over one transport. */
interface BurstResult {
  shape: string;
  seconds: number;
  answeredExactlyOnce: number;
  lost: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  cpuMsPerInteraction: number;
}

/**
 * Sends `BURST` interactions in `shape` with `send`; `answered(ids)` says how many were answered
 * exactly once; `pids` are the server processes whose CPU time is counted.
 */
async function runBurst<P extends { id: string }>(
  shape: Shape,
  payloads: readonly P[],
  send: Send<P>,
  answered: (ids: string[]) => number,
  pids: readonly number[],
): Promise<BurstResult> {
  const cpu = () => pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
  const cpuBefore = cpu();
  const started = performance.now();
  const ms = (await shape.run(payloads, send)).sort((a, b) => a - b);
  const seconds = Math.round(performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 300));
  const once = answered(payloads.map((p) => p.id));
  return {
    shape: shape.name,
    seconds,
    answeredExactlyOnce: once,
    lost: payloads.length - once,
    p50Ms: percentile(ms, 50),
    p95Ms: percentile(ms, 95),
    p99Ms: percentile(ms, 99),
    cpuMsPerInteraction: Math.round(((cpu() - cpuBefore) / payloads.length) * 100) / 100,
  };
}

const logBursts = (title: string, results: readonly BurstResult[]) => {
  log(`${title}:`);
  for (const b of results)
    log(
      `  ${b.shape} (${b.seconds} s): p50 ${b.p50Ms} ms, p95 ${b.p95Ms} ms, p99 ${b.p99Ms} ms; answered exactly once ${b.answeredExactlyOnce}, lost ${b.lost}; CPU ${b.cpuMsPerInteraction} ms an interaction`,
    );
};

const discord = new DiscordStandIn();
const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'annex-load-'));
await discord.start();
let bot: ChildProcess | null = null;
let output = '';
try {
  /** What every server under load is given: the stand-in for REST, the corpus, no rate limit. */
  const annexEnv = {
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: discord.apiUrl,
    CORPUS_DIR: path.resolve('corpus'),
    INDEX_CACHE_DIR: cacheDir,
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'warn',
  };
  // 1. HTTP: the minimal signed endpoint, then `npm run serve` with 1 and 2 workers.
  const keys = keyPair();
  const http: { name: string; workers: number | null; bursts: BurstResult[]; peakRssMb: number }[] =
    [];
  for (const target of [
    { name: 'minimal signed endpoint', script: 'dist/scripts/minimal-endpoint.mjs', workers: null },
    { name: 'HTTP, WORKERS=1', script: 'dist/serve.cjs', workers: 1 },
    { name: 'HTTP, WORKERS=2', script: 'dist/serve.cjs', workers: 2 },
  ]) {
    const endpoint = await startEndpoint(
      path.resolve(target.script),
      { ...annexEnv, DISCORD_PUBLIC_KEY: keys.hex, WORKERS: String(target.workers ?? 1) },
      target.workers,
    );
    const client = interactionsClient(endpoint.port, USERS);
    try {
      await warmUp((payloads) =>
        eachUserInTurn(USERS).run(signAll(keys.privateKey, payloads), client.send),
      );
      const bursts: BurstResult[] = [];
      for (const shape of burstShapes(USERS)) {
        const payloads = signAll(
          keys.privateKey,
          Array.from({ length: BURST }, (_, i) => ask(i)),
        );
        bursts.push(
          await runBurst(
            shape,
            payloads,
            client.send,
            (ids) => ids.filter((id) => client.tally.answers.get(id) === 1).length,
            endpoint.pids,
          ),
        );
      }
      const peakRssMb = endpoint.pids.reduce((sum, pid) => sum + memory(pid).peakMb, 0);
      http.push({ name: target.name, workers: target.workers, bursts, peakRssMb });
      logBursts(
        `${target.name}, ${BURST} /ask from ${USERS} users (peak RSS ${peakRssMb} MB)`,
        bursts,
      );
    } finally {
      client.close();
      await endpoint.stop();
    }
  }

  // 2. The gateway: the real bot through the stand-in.
  bot = spawn(process.execPath, [path.resolve('dist/bot.cjs')], {
    env: { PATH: process.env.PATH ?? '', ...annexEnv, DISCORD_TOKEN: TOKEN },
  });
  bot.stdout?.on('data', (d) => {
    output += d;
  });
  bot.stderr?.on('data', (d) => {
    output += d;
  });
  const pid = bot.pid as number;
  const deadline = Date.now() + 30_000;
  while (discord.identifies === 0) {
    if (Date.now() > deadline) throw new Error(`bot did not connect:\n${output}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 500));

  /** Dispatches a prepared interaction; resolves with the ms until its first callback arrived. */
  const send = async (payload: ReturnType<typeof ask>): Promise<{ id: string; ms: number }> => {
    const answered = discord.waitForCallback(payload.id);
    const start = performance.now();
    discord.dispatch('INTERACTION_CREATE', payload);
    return { id: payload.id, ms: (await answered).receivedAt - start };
  };
  const interact = (i: number) => send(ask(i));
  const answeredOnce = (ids: string[]) =>
    ids.filter((id) => discord.callbacks(id).filter((c) => c.method === 'POST').length === 1)
      .length;

  // A burst of 1,000 interactions from 100 users, in the three shapes, after the warm-up.
  await warmUp((payloads) =>
    eachUserInTurn(USERS).run(payloads, async (payload) => (await send(payload)).ms),
  );
  const shapes: BurstResult[] = [];
  for (const shape of burstShapes(USERS)) {
    shapes.push(
      await runBurst(
        shape,
        Array.from({ length: BURST }, (_, i) => ask(i)),
        async (payload) => (await send(payload)).ms,
        answeredOnce,
        [pid],
      ),
    );
  }
  const burstReport = {
    interactions: BURST,
    users: USERS,
    shapes,
    botPeakRssMb: memory(pid).peakMb,
  };
  logBursts(
    `gateway (discord.js bot), ${BURST} /ask from ${USERS} users (peak RSS ${burstReport.botPeakRssMb} MB)`,
    shapes,
  );

  // The targets: HTTP with 2 workers against the floor and the gateway, in the same run.
  const shape = (rows: readonly BurstResult[] | undefined, name: string) =>
    rows?.find((b) => b.shape.startsWith(name));
  const minimal = http.find((h) => h.workers === null)?.bursts;
  const two = http.find((h) => h.workers === 2)?.bursts;
  const allAtOnce = (rows: readonly BurstResult[] | undefined) => shape(rows, 'all at once');
  const p99 = (b: BurstResult | undefined) => b?.p99Ms ?? Number.NaN;
  const targets = {
    allAtOnceOverMinimal: +(p99(allAtOnce(two)) / p99(allAtOnce(minimal))).toFixed(2),
    gatewayOverHttp: +(p99(allAtOnce(shapes)) / p99(allAtOnce(two))).toFixed(2),
    usersInTurnP99Ms: p99(shape(two, `${USERS} users`)),
    pacedP99Ms: p99(shape(two, '250 a second')),
    lost: http.reduce((n, h) => n + h.bursts.reduce((m, b) => m + b.lost, 0), 0),
  };
  log('targets (HTTP, WORKERS=2):');
  log(
    `  all at once: p99 ${p99(allAtOnce(two))} ms = ${targets.allAtOnceOverMinimal}× the minimal endpoint's ${p99(allAtOnce(minimal))} ms (target ≤ 1.5×); the gateway's ${p99(allAtOnce(shapes))} ms is ${targets.gatewayOverHttp}× it (target ≥ 2×)`,
  );
  log(
    `  ${USERS} users in turn: p99 ${targets.usersInTurnP99Ms} ms (target ≤ 50 ms); 250 a second: p99 ${targets.pacedP99Ms} ms (target ≤ 10 ms); lost over HTTP: ${targets.lost}`,
  );

  // 3. The gateway bot, 10,000 interactions in sequence: does memory stay flat?
  discord.clearCalls();
  const rssStart = memory(pid).rssMb;
  const sequentialMs: number[] = [];
  const checkpoints: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    sequentialMs.push((await interact(i)).ms);
    if (i % 1000 === 999) discord.clearCalls();
    if (i % 2000 === 1999) checkpoints.push(memory(pid).rssMb);
  }
  const rssEnd = memory(pid).rssMb;
  sequentialMs.sort((a, b) => a - b);
  const sequentialReport = {
    interactions: SEQUENTIAL,
    rssStartMb: rssStart,
    rssEndMb: rssEnd,
    rssEvery2000Mb: checkpoints,
    ackP50Ms: percentile(sequentialMs, 50),
    ackP99Ms: percentile(sequentialMs, 99),
  };
  log(
    `sequence: ${SEQUENTIAL} interactions, RSS ${rssStart} MB at start, ${rssEnd} MB at end (every 2,000: ${checkpoints.join(', ')} MB); ack p50 ${sequentialReport.ackP50Ms} ms, p99 ${sequentialReport.ackP99Ms} ms`,
  );

  // 4. REST faults: a 429 with retry_after, and 500s.
  const rateLimited = slash('ask', [{ name: 'question', type: 3, value: 'Khojavend' }]);
  discord.faults.push({
    match: (c) => c.path.includes(`/interactions/${rateLimited.id}/`),
    status: 429,
    body: { message: 'You are being rate limited.', retry_after: 0.25, global: false },
    headers: { 'retry-after': '0.25', 'x-ratelimit-scope': 'user' },
  });
  const t429 = performance.now();
  discord.dispatch('INTERACTION_CREATE', rateLimited);
  await discord.waitFor(
    (c) =>
      c.path.includes(`/interactions/${rateLimited.id}/`) &&
      discord.callbacks(rateLimited.id).length === 2,
    10_000,
  );
  const after429Ms = Math.round(performance.now() - t429);
  const failing = slash('ask', [{ name: 'question', type: 3, value: 'Khojavend' }]);
  discord.faults.push({
    match: (c) => c.path.includes(`/interactions/${failing.id}/`),
    status: 500,
    body: { message: 'boom' },
    times: 10,
  });
  discord.dispatch('INTERACTION_CREATE', failing);
  await new Promise((r) => setTimeout(r, 3000));
  const attempts500 = discord.callbacks(failing.id).length;
  const next = await interact(0);
  log(
    `faults: a 429 (retry_after 0.25 s) was waited out and answered after ${after429Ms} ms; a callback answering 500 was tried ${attempts500} times, then given up and logged; the next interaction was answered in ${Math.round(next.ms)} ms`,
  );

  // 5. The gateway drops, then the session is invalidated.
  const identifiesBefore = discord.identifies;
  const reconnects = () => discord.resumes + discord.identifies;
  const beforeDrop = reconnects();
  let t = performance.now();
  discord.dropGateway(4000);
  while (reconnects() === beforeDrop) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 100));
  const afterDrop = await interact(1);
  const dropMs = Math.round(performance.now() - t);
  t = performance.now();
  discord.invalidateSession();
  while (discord.identifies === identifiesBefore) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 200));
  const afterInvalid = await interact(2);
  const invalidMs = Math.round(performance.now() - t);
  log(
    `gateway: after a dropped socket the next interaction was answered ${dropMs} ms later (ack ${Math.round(afterDrop.ms)} ms); after an invalidated session the bot identified again and answered ${invalidMs} ms later (ack ${Math.round(afterInvalid.ms)} ms)`,
  );

  // 6. SIGTERM with replies in flight.
  const inflight = Array.from({ length: 20 }, (_, i) =>
    slash(
      'ask',
      [{ name: 'question', type: 3, value: questions[i] ?? 'mines' }],
      'guild',
      users[i],
    ),
  );
  for (const p of inflight) discord.dispatch('INTERACTION_CREATE', p);
  bot.kill('SIGTERM');
  const [code] = await once(bot, 'exit');
  bot = null;
  const finished = inflight.filter((p) => discord.callbacks(p.id).length === 1).length;
  log(`SIGTERM with 20 interactions just sent: ${finished} answered, exit code ${code}`);
  log(`token in the bot's output: ${output.includes(TOKEN) ? 'YES (bug)' : 'no'}`);
  if (values.json) {
    console.log(
      JSON.stringify({
        http,
        targets,
        burst: burstReport,
        sequence: sequentialReport,
        faults: { after429Ms, attempts500, nextAckMs: Math.round(next.ms) },
        gateway: { afterDropMs: dropMs, afterInvalidSessionMs: invalidMs },
        sigterm: { sent: 20, answered: finished, exitCode: code },
      }),
    );
  }
} finally {
  bot?.kill('SIGKILL');
  await discord.stop();
  await rm(cacheDir, { recursive: true, force: true });
}
