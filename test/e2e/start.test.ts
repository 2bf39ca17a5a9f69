import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { messageOf, TOKEN } from './harness.ts';
import { slash } from './payloads.ts';
import { startBotProcess, useStandIn } from './processes.ts';

const discord = useStandIn();

describe('npm start (src/bot/main.ts) against the stand-in', () => {
  it('logs one ready line, answers, and exits 0 on SIGTERM without ever logging the token', async () => {
    const bot = await startBotProcess(discord(), { LOG_LEVEL: 'info' });
    await bot.waitForOutput(/Annex ready/, 1, 20_000);
    const ready = bot
      .output()
      .split('\n')
      .find((l) => l.includes('Annex ready'));
    expect(JSON.parse(ready ?? '{}')).toMatchObject({ letters: 5, passages: 60, index: 'built' });

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
});
