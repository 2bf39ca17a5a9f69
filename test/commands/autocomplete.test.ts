import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../commands/context.ts';
import { handleInteraction } from '../../commands/index.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { checkChoiceLimits, DISCORD_LIMITS } from '../../src/render/limits.ts';
import { SearchIndex } from '../../src/search/index.ts';
import { autocomplete, slash } from '../e2e/payloads.ts';
import { suggestLetters } from '../../src/search/suggest.ts';
import { CORPUS_DIR, handlerContext, tempDir } from '../helpers.ts';

/** A file name as long as a title: its id is longer than the 100 characters a choice's value may be. */
const LONG_NAME = `2024-05-01-${'statement-on-coral-reefs-and-fisheries-in-the-pacific-'.repeat(3)}2030`;

let ctx: HandlerContext;
beforeAll(async () => {
  const dir = await tempDir();
  await writeFile(
    path.join(dir, `${LONG_NAME}.md`),
    '---\ntitle: Reef statement\nkind: statement\n---\nCoral reefs are bleaching fast.\n',
  );
  await writeFile(
    path.join(dir, 'other.md'),
    '---\ntitle: Fisheries statement\nkind: statement\ndate: 2023\n---\nFisheries are declining.\n',
  );
  const { letters } = await loadCorpus(dir);
  ctx = handlerContext(letters);
});

describe('the letter option’s autocomplete', () => {
  it('names each letter by what tells it apart, within 100 characters: its date, symbol or kind, and who wrote it', async () => {
    const seed = SearchIndex.build((await loadCorpus(CORPUS_DIR)).letters);
    const names = suggestLetters(seed.letters, '').map((c) => c.name);
    expect(names).toHaveLength(5);
    for (const name of names) {
      expect(name.length, name).toBeLessThanOrEqual(DISCORD_LIMITS.choiceName);
      // The date leads; the title does not say it again, and a letter with no symbol is named
      // by its kind, not by "no symbol".
      expect(name, name).not.toMatch(/dated|no symbol/);
      expect(name, name).toMatch(/ · (?:letter )?from the /);
    }
    expect(names).toContain(
      '4 April 2024 · letter · from the Permanent Representative of Azerbaijan to the United Nations…',
    );
    expect(
      names.some((n) =>
        n.startsWith('5 April 2021 · note verbale · from the Permanent Mission of Azerbaijan'),
      ),
    ).toBe(true);
    expect(
      names.some((n) =>
        n.startsWith('24 August 2022 · A/76/930-S/2022/642 · letter from the Chargé'),
      ),
    ).toBe(true);
  });

  it('offers a document whose id is over 100 characters by a value Discord takes, which names it', async () => {
    expect(LONG_NAME.length).toBeGreaterThan(DISCORD_LIMITS.choiceName);
    const outcome = await handleInteraction(
      autocomplete('cite', [{ name: 'letter', type: 3, value: 'reef', focused: true }]) as never,
      ctx,
    );
    if (outcome.type !== 'choices') throw new Error(`no choices: ${outcome.type}`);
    const [choice, ...others] = outcome.choices;
    expect(others).toEqual([]);
    expect(choice?.name).toMatch(/Reef statement/);
    expect(String(choice?.value).length).toBeLessThanOrEqual(DISCORD_LIMITS.choiceName);
    const cited = await handleInteraction(
      slash('cite', [{ name: 'letter', type: 3, value: String(choice?.value) }]) as never,
      ctx,
    );
    if (cited.type !== 'reply') throw new Error(`no reply: ${cited.type}`);
    expect(cited.reply.embeds[0]?.description).toMatch(/Reef statement/);
  });

  it('is checked against Discord’s limits: a value over 100 characters is found', () => {
    expect(checkChoiceLimits([{ name: 'Reef statement', value: LONG_NAME }])).toEqual([
      `choice value: ${LONG_NAME.length} > 100`,
    ]);
  });
});
