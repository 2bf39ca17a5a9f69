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
});
