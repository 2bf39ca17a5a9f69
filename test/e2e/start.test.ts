import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, tempDir } from '../helpers.ts';
import { messageOf, TOKEN } from './harness.ts';
import { slash } from './payloads.ts';
import { APP_ID, DiscordStandIn } from './stand-in.ts';

const root = path.resolve(import.meta.dirname, '../..');
let discord: DiscordStandIn;
beforeAll(async () => {
  discord = new DiscordStandIn();
  await discord.start();
});
afterAll(() => discord.stop());

describe('npm start (src/bot/main.ts) against the stand-in', () => {
  it('logs one ready line, answers, and exits 0 on SIGTERM without ever logging the token', async () => {
    const child = spawn(
      path.join(root, 'node_modules/.bin/tsx'),
      [path.join(root, 'src/bot/main.ts')],
      {
        cwd: await tempDir(),
        env: {
          PATH: process.env.PATH ?? '',
          DISCORD_TOKEN: TOKEN,
          DISCORD_APPLICATION_ID: APP_ID,
          DISCORD_API_URL: discord.apiUrl,
          CORPUS_DIR,
          INDEX_CACHE_DIR: await tempDir(),
          LOG_LEVEL: 'info',
        },
      },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    const deadline = Date.now() + 20_000;
    while (!out.includes('Annex ready') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const ready = out.split('\n').find((l) => l.includes('Annex ready'));
    expect(ready, out).toBeDefined();
    expect(JSON.parse(ready ?? '{}')).toMatchObject({ letters: 5, passages: 60, index: 'built' });

    const payload = slash('ask', [{ name: 'question', type: 3, value: 'Khojavend' }]);
    discord.dispatch('INTERACTION_CREATE', payload);
    const call = await discord.waitFor((c) =>
      c.path.startsWith(`/api/v10/interactions/${payload.id}/`),
    );
    expect(messageOf(call).embeds.length).toBeGreaterThan(0);

    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(out).toMatch(/"msg":"stopping"/);
    expect(out).not.toContain(TOKEN);
  }, 30_000);
});
