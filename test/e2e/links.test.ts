import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, tempDir } from '../helpers.ts';
import { type Bot, messageOf, startBot } from './harness.ts';
import { slash } from './payloads.ts';

/** A Security Council resolution, its symbol written as the UN prints it: the year in brackets. */
const RESOLUTION = `---
title: Resolution 2428 (2018)
date: 2018-07-13
symbol: S/RES/2428 (2018)
author: Security Council
kind: resolution
---
Resolution 2428 (2018)

Adopted by the Security Council at its 8310th meeting, on 13 July 2018

2. Requests the Secretary-General to report on the humanitarian impact of landmines in South Sudan, including the number of mine victims, by 31 December 2018;
`;

/** A statement without a symbol, linked by its front matter url, a space in the file's name. */
const STATEMENT = `---
title: Statement by Testland on demining in the northern valleys
date: 2024-05-02
author: Testland
kind: statement
url: https://www.example.org/statements/demining northern valleys.pdf
---
Our deminers cleared the northern valleys of 4,100 anti-tank mines in the spring of 2024.
`;

let bot: Bot;
beforeAll(async () => {
  const corpusDir = await tempDir();
  await cp(CORPUS_DIR, corpusDir, { recursive: true });
  await writeFile(path.join(corpusDir, '2018-07-13-s-res-2428.txt'), RESOLUTION);
  await writeFile(path.join(corpusDir, '2024-05-02-testland-demining.txt'), STATEMENT);
  bot = await startBot({ saved: { corpusDir, cacheDir: await tempDir() } });
}, 60_000);
afterAll(async () => {
  await bot.stop();
});

const ask = (question: string) => slash('ask', [{ name: 'question', type: 3, value: question }]);

describe('links to documents', () => {
  it('answers from a resolution whose symbol has its year in brackets, linking it as undocs.org writes it', async () => {
    const message = messageOf(
      await bot.interact(ask('humanitarian impact of landmines in South Sudan')),
    );
    expect(message.content ?? '').not.toMatch(/went wrong/);
    const embed = message.embeds.find((e: { title?: string }) => e.title?.includes('S/RES/2428'));
    expect(embed?.url).toBe('https://undocs.org/en/S/RES/2428(2018)');
  });

  it('answers from a document whose front matter link has a space, sending it percent-encoded', async () => {
    const message = messageOf(
      await bot.interact(ask('anti-tank mines cleared in the northern valleys')),
    );
    expect(message.content ?? '').not.toMatch(/went wrong/);
    expect(message.embeds[0].url).toBe(
      'https://www.example.org/statements/demining%20northern%20valleys.pdf',
    );
  });

  it('lists both in /letters with links Discord can open', async () => {
    const message = messageOf(await bot.interact(slash('letters', [])));
    expect(message.embeds[0].description).toContain(
      '[S/RES/2428 (2018)](https://undocs.org/en/S/RES/2428(2018))',
    );
  });
});
