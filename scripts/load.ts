/**
 * `npm run load [-- --json]`: the real bot (dist/bot.cjs, one process) against the local
 * stand-in for Discord. Prints acknowledgement latency (dispatch to the callback's arrival at the
 * stand-in) and the bot's CPU time for a burst of 1,000 interactions from 100 users in three
 * shapes (each must be answered exactly once), RSS across 10,000 interactions in sequence,
 * what happens under 429s, 500s, a dropped gateway and an invalidated session, and a SIGTERM
 * with replies in flight. Figures, not assertions; all traffic stays on 127.0.0.1.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { slash } from '../test/e2e/payloads.ts';
import { readArgs } from './lib/args.ts';
import { percentile } from './lib/percentile.ts';
import { APP_ID, DiscordStandIn } from '../test/e2e/stand-in.ts';

const USAGE = `Usage: npm run load [-- --json]

Runs the real bot against a local stand-in for Discord and measures how fast bursts of /ask are
acknowledged. Prints figures.
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

/** CPU time (user + system) the process has used, in ms (the kernel counts in 10 ms ticks). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function memory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

const discord = new DiscordStandIn();
const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'annex-load-'));
await discord.start();
let bot: ChildProcess | null = null;
let output = '';
try {
  bot = spawn(process.execPath, [path.resolve('dist/bot.cjs')], {
    env: {
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: discord.apiUrl,
      CORPUS_DIR: path.resolve('corpus'),
      INDEX_CACHE_DIR: cacheDir,
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
    },
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

  /** An `/ask` from one of the users, with one of the dev questions. */
  const ask = (i: number) =>
    slash(
      'ask',
      [{ name: 'question', type: 3, value: questions[i % questions.length] ?? 'mines' }],
      'guild',
      users[i % USERS],
    );
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

  type Shape = { name: string; run: (payloads: ReturnType<typeof ask>[]) => Promise<number[]> };
  /** Each user sends their next interaction as soon as the previous one is answered. */
  const eachUserInTurn: Shape = {
    name: `${USERS} users at once, each sending the next as soon as the last is answered`,
    run: async (payloads) => {
      const ms: number[] = [];
      await Promise.all(
        users.map(async (_, u) => {
          for (let i = u; i < payloads.length; i += USERS) {
            const payload = payloads[i];
            if (payload) ms.push((await send(payload)).ms);
          }
        }),
      );
      return ms;
    },
  };
  /** Open arrivals, `perSecond` a second whatever the bot does (Infinity: all in one go). */
  const arriving = (perSecond: number): Shape => ({
    name: Number.isFinite(perSecond) ? `${perSecond} a second` : 'all at once',
    run: async (payloads) => {
      const pending: Promise<{ ms: number }>[] = [];
      const started = performance.now();
      for (const [i, payload] of payloads.entries()) {
        const wait = started + (i * 1000) / perSecond - performance.now();
        if (wait > 1) await new Promise((r) => setTimeout(r, wait));
        pending.push(send(payload));
      }
      return (await Promise.all(pending)).map((r) => r.ms);
    },
  });

  /** Runs one shape of the burst: `BURST` interactions from `USERS` users, each answered once? */
  const runBurst = async (shape: Shape) => {
    const payloads = Array.from({ length: BURST }, (_, i) => ask(i));
    const cpuBefore = cpuMs(pid);
    const started = performance.now();
    const ms = (await shape.run(payloads)).sort((a, b) => a - b);
    const seconds = Math.round(performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 300));
    return {
      shape: shape.name,
      seconds,
      answeredExactlyOnce: answeredOnce(payloads.map((p) => p.id)),
      ackP50Ms: percentile(ms, 50),
      ackP95Ms: percentile(ms, 95),
      ackP99Ms: percentile(ms, 99),
      botCpuMsPerInteraction: Math.round(((cpuMs(pid) - cpuBefore) / BURST) * 100) / 100,
    };
  };
  // 1. A burst of 1,000 interactions from 100 users, in three shapes, after a warm-up.
  for (let i = 0; i < 200; i++) await interact(i);
  const shapes = [];
  for (const shape of [eachUserInTurn, arriving(250), arriving(Number.POSITIVE_INFINITY)])
    shapes.push(await runBurst(shape));
  const burstReport = {
    interactions: BURST,
    users: USERS,
    shapes,
    botPeakRssMb: memory(pid).peakMb,
  };
  for (const b of shapes) {
    log(
      `burst of ${BURST} from ${USERS} users, ${b.shape} (${b.seconds} s): answered exactly once ${b.answeredExactlyOnce}`,
    );
    log(
      `  acknowledgement p50 ${b.ackP50Ms} ms, p95 ${b.ackP95Ms} ms, p99 ${b.ackP99Ms} ms; bot CPU ${b.botCpuMsPerInteraction} ms an interaction`,
    );
  }
  log(`  bot peak RSS ${burstReport.botPeakRssMb} MB`);

  // 2. 10,000 interactions in sequence: does memory stay flat?
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

  // 3. REST faults: a 429 with retry_after, and 500s.
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

  // 4. The gateway drops, then the session is invalidated.
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

  // 5. SIGTERM with replies in flight.
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
