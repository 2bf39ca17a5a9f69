import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { messageOf, TOKEN } from './harness.ts';
import { slash } from './payloads.ts';
import { startBotProcess, useStandIn } from './processes.ts';

const discord = useStandIn();

describe('SHARDS=2 through discord.js’s ShardingManager', () => {
  it('starts two shards that load the saved index, answers on each, and stops cleanly', async () => {
    const bot = await startBotProcess(discord(), { SHARDS: '2' });
    await bot.waitForOutput(/Annex ready/, 2);
    const ready = bot
      .output()
      .split('\n')
      .filter((l) => l.includes('Annex ready'))
      .map((l) => JSON.parse(l));
    expect(ready.map((r) => r.index)).toEqual(['loaded', 'loaded']);
    expect(ready.map((r) => r.shards).sort()).toEqual([[0], [1]]);
    expect(discord().shards.sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    for (const shard of [0, 1]) {
      const payload = slash('ask', [{ name: 'question', type: 3, value: 'Khojavend' }]);
      discord().dispatchToShard(shard, 'INTERACTION_CREATE', payload);
      const call = await discord().waitForCallback(payload.id, 10_000);
      expect(messageOf(call).embeds.length).toBeGreaterThan(0);
    }
    bot.child.kill('SIGTERM');
    const [code] = await once(bot.child, 'exit');
    expect(code).toBe(0);
    expect(bot.output()).not.toContain(TOKEN);
  }, 90_000);
});
