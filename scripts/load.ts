/**
 * `npm run load [-- --json]`: the real bot (src/bot/main.ts, one process) against the local
 * stand-in for Discord. Prints acknowledgement latency for a burst of 1,000 interactions from
 * 100 users (each must be answered exactly once), RSS across 10,000 interactions in sequence,
 * what happens under 429s, 500s, a dropped gateway and an invalidated session, and a SIGTERM
 * with replies in flight. Figures, not assertions; all traffic stays on 127.0.0.1.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { slash } from '../test/e2e/payloads.ts';
import { APP_ID, DiscordStandIn } from '../test/e2e/stand-in.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
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

function memory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

const percentile = (sorted: number[], p: number) =>
  Math.round(
    (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) * 100,
  ) / 100;

const discord = new DiscordStandIn();
await discord.start();
let bot: ChildProcess | null = null;
let output = '';
try {
  bot = spawn(process.execPath, ['--import', 'tsx', path.resolve('src/bot/main.ts')], {
    env: {
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: discord.apiUrl,
      CORPUS_DIR: path.resolve('corpus'),
      INDEX_CACHE_DIR: await mkdtemp(path.join(os.tmpdir(), 'annex-load-')),
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

  /** Dispatches one interaction and resolves with the ms until its first callback arrives. */
  const interact = async (i: number): Promise<{ id: string; ms: number }> => {
    const payload = slash(
      'ask',
      [{ name: 'question', type: 3, value: questions[i % questions.length] ?? 'mines' }],
      'guild',
      users[i % USERS],
    );
    const start = performance.now();
    const answered = discord.waitForCallback(payload.id);
    discord.dispatch('INTERACTION_CREATE', payload);
    await answered;
    return { id: payload.id, ms: performance.now() - start };
  };
  const answeredOnce = (ids: string[]) =>
    ids.filter((id) => discord.callbacks(id).filter((c) => c.method === 'POST').length === 1)
      .length;

  /** Sends `BURST` interactions from `USERS` users, `perSecond` a second (Infinity: all at once). */
  const runBurst = async (perSecond: number) => {
    const pending: Promise<{ id: string; ms: number }>[] = [];
    const started = performance.now();
    for (let i = 0; i < BURST; i++) {
      const wait = started + (i * 1000) / perSecond - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      pending.push(interact(i));
    }
    const results = await Promise.all(pending);
    const seconds = Math.round(performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 300));
    const ms = results.map((b) => b.ms).sort((a, b) => a - b);
    return {
      perSecond: Number.isFinite(perSecond) ? perSecond : null,
      seconds,
      answeredExactlyOnce: answeredOnce(results.map((b) => b.id)),
      ackP50Ms: percentile(ms, 50),
      ackP95Ms: percentile(ms, 95),
      ackP99Ms: percentile(ms, 99),
    };
  };
  // 1. A burst of 1,000 interactions from 100 users: paced at 250 a second, then all at once.
  const paced = await runBurst(250);
  const atOnce = await runBurst(Number.POSITIVE_INFINITY);
  const burstReport = {
    interactions: BURST,
    users: USERS,
    paced,
    atOnce,
    botPeakRssMb: memory(pid).peakMb,
  };
  for (const b of [paced, atOnce]) {
    const how = b.perSecond ? `${b.perSecond} a second` : 'all at once';
    log(
      `burst of ${BURST} from ${USERS} users, ${how} (${b.seconds} s): answered exactly once ${b.answeredExactlyOnce}`,
    );
    log(`  acknowledgement p50 ${b.ackP50Ms} ms, p95 ${b.ackP95Ms} ms, p99 ${b.ackP99Ms} ms`);
  }
  log(`  bot peak RSS ${burstReport.botPeakRssMb} MB`);

  // 2. 10,000 interactions in sequence: does memory stay flat?
  discord.calls.length = 0;
  const rssStart = memory(pid).rssMb;
  const sequentialMs: number[] = [];
  const checkpoints: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    sequentialMs.push((await interact(i)).ms);
    if (i % 1000 === 999) discord.calls.length = 0;
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
}
