import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { messageOf, TOKEN } from './harness.ts';
import { slash } from './payloads.ts';
import { ROOT, tempDir } from '../helpers.ts';
import { startBotProcess, useStandIn } from './processes.ts';

const discord = useStandIn();

describe('npm start (dist/bot.cjs) against the stand-in', () => {
  it('exits 1 with one clear line when CORPUS_DIR is no folder', async () => {
    const bot = await startBotProcess(discord(), { CORPUS_DIR: '/nonexistent/corpus' });
    const [code] = await once(bot.child, 'exit');
    expect(code).toBe(1);
    expect(bot.output()).toContain('No corpus folder at /nonexistent/corpus (CORPUS_DIR)');
    expect(bot.output()).not.toMatch(/\n\s+at /);
  }, 30_000);

  it.each([
    ['a token Discord refuses (401)', 401, { message: '401: Unauthorized', code: 0 }],
    ['no access (403)', 403, { message: 'Missing Access', code: 50001 }],
  ])(
    'when Discord refuses at login (%s), exits 1 saying which setting to check and how to try the answers offline',
    async (_, status, body) => {
      discord().faults.push({ match: (c) => c.path === '/api/v10/gateway/bot', status, body });
      const bot = await startBotProcess(discord());
      const [code] = await once(bot.child, 'exit');
      expect(code).toBe(1);
      expect(bot.output()).toMatch(/Annex could not start/);
      expect(bot.output()).toMatch(/DISCORD_TOKEN in \.env/);
      expect(bot.output()).toMatch(/Developer Portal/);
      expect(bot.output()).toContain('npm run cli -- ask');
      expect(bot.output()).not.toContain(TOKEN);
      expect(bot.output()).not.toMatch(/\n\s+at /);
    },
    30_000,
  );

  /** `.env.example`'s values, as `cp .env.example .env` gives them to the bot. */
  const example = parse(readFileSync(path.join(ROOT, '.env.example'), 'utf8'));
  /** What an operator fills in, and what points the bot at the stand-in and the test letters. */
  const filledIn = new Set([
    'DISCORD_TOKEN',
    'DISCORD_APPLICATION_ID',
    'DISCORD_API_URL',
    'CORPUS_DIR',
    'INDEX_CACHE_DIR',
  ]);
  const rest = Object.keys(example).filter((key) => !filledIn.has(key));
  it.each([
    ['.env.example as shipped', Object.fromEntries(rest.map((key) => [key, example[key] ?? '']))],
    [
      'every other key empty',
      { ...Object.fromEntries(rest.map((key) => [key, ''])), SHARDS: '', SHARD_COUNT: '' },
    ],
  ])(
    'starts with %s, the token and ids filled in',
    async (_, env) => {
      const bot = await startBotProcess(discord(), env);
      await bot.waitForOutput(/Annex ready|could not start/, 1, 20_000);
      expect(bot.output()).not.toMatch(/could not start/);
      bot.child.kill('SIGTERM');
      expect((await once(bot.child, 'exit'))[0]).toBe(0);
    },
    30_000,
  );

  it('starts on an empty corpus folder, saying there are no letters', async () => {
    const bot = await startBotProcess(discord(), { CORPUS_DIR: await tempDir() });
    await bot.waitForOutput(/Annex ready/, 1, 20_000);
    expect(bot.output()).toMatch(
      /no documents in .* \(CORPUS_DIR\): add \.txt, \.md or \.pdf documents/,
    );
    bot.child.kill('SIGTERM');
    expect((await once(bot.child, 'exit'))[0]).toBe(0);
  }, 30_000);

  it('logs one ready line, answers, and exits 0 on SIGTERM without ever logging the token', async () => {
    const bot = await startBotProcess(discord(), { LOG_LEVEL: 'info' });
    await bot.waitForOutput(/Annex ready/, 1, 20_000);
    const ready = bot
      .output()
      .split('\n')
      .find((l) => l.includes('Annex ready'));
    expect(JSON.parse(ready ?? '{}')).toMatchObject({
      documents: 5,
      letters: 5,
      passages: 66,
      index: 'built',
    });

    const payload = slash('ask', [{ name: 'question', type: 3, value: 'Khojavend' }]);
    discord().dispatch('INTERACTION_CREATE', payload);
    const call = await discord().waitForCallback(payload.id, 10_000);
    expect(messageOf(call).embeds.length).toBeGreaterThan(0);

    bot.child.kill('SIGTERM');
    const [code] = await once(bot.child, 'exit');
    expect(code).toBe(0);
    expect(bot.output()).toMatch(/"msg":"stopping"/);
    expect(bot.output()).not.toContain(TOKEN);
  }, 30_000);

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s, finishes the replies under way (even one waiting out a 429) before it exits 0',
    async (signal) => {
      const bot = await startBotProcess(discord());
      await bot.waitForOutput(/Annex ready/, 1, 20_000);
      const asked = Array.from({ length: 10 }, (_, i) =>
        slash('ask', [{ name: 'question', type: 3, value: `mine victims ${2020 + i}` }]),
      );
      // Every first callback is answered 429: each reply is still under way 0.3 s later.
      discord().faults.push({
        match: (c) => c.path.endsWith('/callback'),
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: 0.3, global: false },
        headers: { 'retry-after': '0.3', 'x-ratelimit-scope': 'user' },
        times: asked.length,
      });
      for (const payload of asked) discord().dispatch('INTERACTION_CREATE', payload);
      await discord().waitFor(() => discord().faults.length === 0, 10_000);
      bot.child.kill(signal);
      const [code] = await once(bot.child, 'exit');
      expect(code).toBe(0);
      expect(asked.map((p) => discord().callbacks(p.id).length)).toEqual(asked.map(() => 2));
    },
    30_000,
  );
});
