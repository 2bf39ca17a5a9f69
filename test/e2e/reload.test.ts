import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CORPUS_DIR, tempDir } from '../helpers.ts';
import { type Bot, messageOf, startBot } from './harness.ts';
import { MODERATOR_PERMISSIONS, slash } from './payloads.ts';

const NEW_LETTER = `Letter dated 2 May 2025 from the Permanent Representative of Testland to the United Nations addressed to the Secretary-General

The zebra crossing in the capital was repainted on 1 May 2025 by 42 volunteers.

I should be grateful if you would have the present letter circulated as a document of the General Assembly.
`;

let bot: Bot | null = null;
afterEach(async () => {
  await bot?.stop();
  bot = null;
});

async function botWithCopy(reload: boolean) {
  const corpusDir = await tempDir();
  await cp(CORPUS_DIR, corpusDir, { recursive: true });
  bot = await startBot({ saved: { corpusDir, cacheDir: await tempDir() }, reload });
  return { bot, corpusDir };
}

const ask = (question: string) => slash('ask', [{ name: 'question', type: 3, value: question }]);

describe('live reload', () => {
  it('answers from a letter added while running, losing or failing no interaction during the swap', async () => {
    const { bot, corpusDir } = await botWithCopy(true);
    expect(messageOf(await bot.interact(ask('zebra crossing volunteers'))).embeds[0].title).toBe(
      'Not found in the letters',
    );
    await writeFile(path.join(corpusDir, '2025-05-02-testland-zebra-crossing.txt'), NEW_LETTER);
    const asked: string[] = [];
    const started = Date.now();
    while (bot.state.index.letters.length === 5 && Date.now() - started < 15_000) {
      const payload = ask('How many of the 314 mine victims died?');
      asked.push(payload.id);
      expect(messageOf(await bot.interact(payload)).embeds.length).toBeGreaterThan(0);
    }
    expect(bot.state.index.letters.length).toBe(6);
    const answer = messageOf(await bot.interact(ask('zebra crossing volunteers')));
    expect(answer.embeds[0].description.replace(/\*\*/g, '')).toContain('42 volunteers');
    expect(asked.every((id) => bot.discord.callbacks(id).length === 1)).toBe(true);
    expect(bot.logs.filter((l) => l.msg === 'interaction failed')).toEqual([]);
    expect(bot.logs.some((l) => String(l.msg).startsWith('corpus reloaded: 6 letters'))).toBe(true);
  }, 30_000);

  it('reports a bad new file in the log and keeps the other letters serving; a statement added makes them "documents"', async () => {
    const { bot, corpusDir } = await botWithCopy(true);
    // A picture saved as .txt (PNG's signature, then its NUL bytes). Not FF FE: that opens
    // UTF-16 text, which is read.
    await writeFile(
      path.join(corpusDir, 'broken.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    );
    await writeFile(
      path.join(corpusDir, '2025-05-02-testland-statement.txt'),
      '---\ntitle: Statement by Testland\nkind: statement\n---\nThe zebra crossing was repainted.\n',
    );
    await vi.waitFor(
      () => expect(bot.logs.some((l) => String(l.msg).startsWith('corpus reloaded'))).toBe(true),
      { timeout: 15_000 },
    );
    expect(String(bot.logs.find((l) => l.msg === 'file refused on reload')?.problem)).toMatch(
      /broken\.txt.*binary/,
    );
    expect(bot.logs.find((l) => String(l.msg).startsWith('corpus reloaded'))?.msg).toBe(
      'corpus reloaded: 6 documents',
    );
    expect(messageOf(await bot.interact(ask('Khojavend'))).embeds.length).toBeGreaterThan(0);
  }, 30_000);
});

describe('/reload', () => {
  it('re-reads the letters on demand and says what changed, privately', async () => {
    const { bot, corpusDir } = await botWithCopy(false);
    await writeFile(path.join(corpusDir, '2025-05-02-testland-zebra-crossing.txt'), NEW_LETTER);
    const payload = slash('reload', []);
    (payload as unknown as { member: { permissions: string } }).member.permissions =
      MODERATOR_PERMISSIONS;
    bot.discord.dispatch('INTERACTION_CREATE', payload);
    const edited = await bot.discord.waitFor(
      (c) => c.method === 'PATCH' && c.path.includes(payload.token),
      15_000,
    );
    const reply = messageOf(edited);
    expect(reply.embeds[0].title).toMatch(/^Reloaded: 6 letters/);
    expect(reply.embeds[0].fields[0]).toEqual({
      name: 'Added (1)',
      value: '• 2025-05-02-testland-zebra-crossing',
    });
    expect(
      (bot.discord.callbacks(payload.id)[0]?.body as { type: number; data: { flags: number } }).data
        .flags,
    ).toBe(64);
  }, 30_000);

  it('is refused to a member without Manage Messages', async () => {
    const { bot } = await botWithCopy(false);
    const message = messageOf(await bot.interact(slash('reload', [])));
    expect(message.flags).toBe(64);
    expect(message.content).toMatch(/for moderators/);
  });
});
