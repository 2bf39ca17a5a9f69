import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers.ts';
import { type Bot, messageOf, startBot } from './harness.ts';
import { DM_CHANNEL_ID, plainMessage } from './payloads.ts';

/**
 * Three statements, each one long paragraph, with long titles: the closest passages of a
 * question they do not answer fill more than one Discord message.
 */
async function longStatements(dir: string): Promise<void> {
  const sentence = 'Coral reef cover around the islands fell again because the ocean grew warmer. ';
  for (const n of [1, 2, 3]) {
    const title = `Statement ${n} of the Delegation of ${'the Republic of the Very Long Name and '.repeat(6)}on coral reefs`;
    const front = `---\ntitle: "${title}"\ndate: 2024-0${n}-01\nauthor: Atlantis\nkind: statement\n---\n`;
    const body = `${sentence.repeat(18).trim()} The fisheries of island ${n} suffer.\n`;
    await writeFile(path.join(dir, `s${n}.txt`), front + body);
  }
}

let bot: Bot;
beforeAll(async () => {
  const corpusDir = await tempDir();
  await longStatements(corpusDir);
  bot = await startBot({ saved: { corpusDir, cacheDir: await tempDir() } });
});
afterAll(async () => {
  await bot.stop();
});

describe('a plain DM', () => {
  it('gets every message of a reply too long for one, none cut', async () => {
    bot.discord.dispatch('MESSAGE_CREATE', plainMessage('how many dogs died on the islands', 'dm'));
    const sent = () =>
      bot.discord.calls.filter(
        (c) => c.method === 'POST' && c.path === `/api/v10/channels/${DM_CHANNEL_ID}/messages`,
      );
    await vi.waitFor(() => expect(sent().length).toBeGreaterThanOrEqual(2), { timeout: 10_000 });
    const messages = sent().map((c) => messageOf(c));
    expect(messages[0].embeds[0].title).toBe('Not found in the documents');
    const closest = messages.flatMap((m: { embeds: { title?: string }[] }) =>
      m.embeds.map((e) => e.title ?? '').filter((t) => /^\d\. /.test(t)),
    );
    expect(closest.map((t: string) => t.slice(0, 2))).toEqual(['1.', '2.', '3.']);
  });

  it('is told, with an error id, when its answer could not be sent', async () => {
    const channel = '400000000000000077';
    const path = `/api/v10/channels/${channel}/messages`;
    // Discord refuses the answer once (as it would a message past its limits).
    bot.discord.faults.push({
      match: (c) => c.method === 'POST' && c.path === path,
      status: 400,
      body: { code: 50035, message: 'Invalid Form Body' },
    });
    bot.discord.dispatch(
      'MESSAGE_CREATE',
      plainMessage('why did coral reef cover fall', 'dm', false, channel),
    );
    await vi.waitFor(
      () =>
        expect(bot.discord.calls.filter((c) => c.method === 'POST' && c.path === path).length).toBe(
          2,
        ),
      { timeout: 10_000 },
    );
    const told = bot.discord.calls.filter((c) => c.path === path)[1];
    const notice = told && messageOf(told);
    expect(notice.content).toMatch(/^Something went wrong on Annex's side \(error id `(\w+)`\)/);
    const id = /`(\w+)`/.exec(notice.content)?.[1];
    expect(bot.logs.some((l) => l.msg === 'message answer failed' && l.errorId === id)).toBe(true);
  });
});
