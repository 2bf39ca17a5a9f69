import { cp, rm } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CORPUS_DIR, SEED, tempDir } from '../helpers.ts';
import { type Bot, messageOf, startBot } from './harness.ts';
import { checkMessage, OTHER_USER, slash } from './payloads.ts';

const STRING = 3;
let bot: Bot | null = null;
afterEach(async () => {
  await bot?.stop();
  bot = null;
});
const ask = (question: string, user?: typeof OTHER_USER) =>
  slash('ask', [{ name: 'question', type: STRING, value: question }], 'guild', user);

describe('rate limits', () => {
  it('answers a user over the limit privately with when to retry, and keeps answering others', async () => {
    bot = await startBot({ rateLimitPerMinute: 2 });
    for (let i = 0; i < 2; i++)
      expect(messageOf(await bot.interact(ask('Khojavend'))).embeds.length).toBeGreaterThan(0);
    const limited = messageOf(await bot.interact(ask('Khojavend')));
    expect(limited.flags).toBe(64);
    expect(limited.content).toMatch(/2 requests per 60 s\). Try again in \d+ s\./);
    expect(
      messageOf(await bot.interact(ask('Khojavend', OTHER_USER))).embeds.length,
    ).toBeGreaterThan(0);
  });

  it('never blocks a moderator’s check', async () => {
    bot = await startBot({ rateLimitPerMinute: 1 });
    await bot.interact(ask('Khojavend'));
    for (let i = 0; i < 3; i++) {
      const verdict = messageOf(
        await bot.interact(checkMessage('There is neither marking nor fencing.')),
      );
      expect(verdict.embeds[0].title).toBe('Quoted verbatim in a letter');
    }
  });
});

describe('REST faults', () => {
  it('waits out a 429 with retry_after and then answers', async () => {
    bot = await startBot();
    const payload = ask('Khojavend');
    bot.discord.faults.push({
      match: (c) => c.path.includes(`/interactions/${payload.id}/`),
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.2, global: false },
      headers: {
        'retry-after': '0.2',
        'x-ratelimit-scope': 'user',
        'x-ratelimit-bucket': 'b',
        'x-ratelimit-limit': '1',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': '0.2',
      },
    });
    bot.discord.dispatch('INTERACTION_CREATE', payload);
    const answered = await bot.discord.waitFor(
      (c) =>
        c.path.includes(`/interactions/${payload.id}/`) &&
        bot?.discord.callbacks(payload.id).length === 2,
      5000,
    );
    expect(messageOf(answered).embeds.length).toBeGreaterThan(0);
  });

  it('gives up cleanly on a 500, logs it, and serves the next interaction', async () => {
    bot = await startBot();
    const payload = ask('Khojavend');
    bot.discord.faults.push({
      match: (c) => c.path.includes(`/interactions/${payload.id}/`),
      status: 500,
      body: { message: 'boom' },
      times: 5,
    });
    bot.discord.dispatch('INTERACTION_CREATE', payload);
    await vi.waitFor(() =>
      expect(
        bot?.logs.some(
          (l) =>
            l.msg === 'interaction failed' || l.msg === 'could not tell the user about the error',
        ),
      ).toBe(true),
    );
    expect(messageOf(await bot.interact(ask('Lachin'))).embeds.length).toBeGreaterThan(0);
  });
});

/** Runs `fault`, waits until the bot has connected again (`count` going up) and is ready, then asks it something. */
async function answersAfter(fault: (b: Bot) => void, count: (b: Bot) => number): Promise<void> {
  bot = await startBot();
  const before = count(bot);
  fault(bot);
  await vi.waitFor(() => expect(bot ? count(bot) : 0).toBeGreaterThan(before), {
    timeout: 15_000,
    interval: 50,
  });
  await vi.waitFor(() => expect(bot?.client.ws.status).toBe(0), { timeout: 10_000, interval: 50 });
  expect(messageOf(await bot.interact(ask('Khojavend'))).embeds.length).toBeGreaterThan(0);
}

describe('gateway faults', () => {
  it('reconnects after the socket drops and answers the next interaction', async () => {
    await answersAfter(
      (b) => b.discord.dropGateway(4000),
      (b) => b.discord.resumes + b.discord.identifies,
    );
  }, 30_000);

  it('identifies again after the session is invalidated, and answers', async () => {
    await answersAfter(
      (b) => b.discord.invalidateSession(),
      (b) => b.discord.identifies,
    );
  }, 30_000);
});

describe('the corpus changing under a running bot', () => {
  it('keeps answering, full letter text included, after the corpus files and the saved index are deleted', async () => {
    const corpusDir = await tempDir();
    const cacheDir = await tempDir();
    await cp(CORPUS_DIR, corpusDir, { recursive: true });
    bot = await startBot({ saved: { corpusDir, cacheDir } });
    await rm(corpusDir, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
    expect(messageOf(await bot.interact(ask('Khojavend'))).embeds.length).toBeGreaterThan(0);
    const letter = messageOf(
      await bot.interact(slash('letter', [{ name: 'letter', type: STRING, value: 'A/78/368' }])),
    );
    expect(letter.__files).toEqual([`${SEED.khojavand}.txt`]);
    expect(bot.logs.filter((l) => l.msg === 'interaction failed')).toEqual([]);
  });
});
