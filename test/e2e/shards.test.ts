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

async function until(check: () => boolean, what: string, ms = 45_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('SHARDS=2 through discord.js’s ShardingManager', () => {
  it('starts two shards that load the saved index, answers on each, and stops cleanly', async () => {
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
          SHARDS: '2',
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
    await until(
      () => (out.match(/Annex ready/g) ?? []).length === 2,
      `two ready shards; output:\n${out}`,
    ).catch((e) => {
      throw new Error(`${e.message}\n${out}`);
    });
    const ready = out
      .split('\n')
      .filter((l) => l.includes('Annex ready'))
      .map((l) => JSON.parse(l));
    expect(ready.map((r) => r.index)).toEqual(['loaded', 'loaded']);
    expect(ready.map((r) => r.shards).sort()).toEqual([[0], [1]]);
    expect(discord.shards.sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    for (const shard of [0, 1]) {
      const payload = slash('ask', [{ name: 'question', type: 3, value: 'Khojavend' }]);
      discord.dispatchToShard(shard, 'INTERACTION_CREATE', payload);
      const call = await discord.waitFor(
        (c) => c.path.startsWith(`/api/v10/interactions/${payload.id}/`),
        10_000,
      );
      expect(messageOf(call).embeds.length).toBeGreaterThan(0);
    }
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(out).not.toContain(TOKEN);
  }, 90_000);
});
