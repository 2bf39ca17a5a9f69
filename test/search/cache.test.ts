import { copyFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { answerQuestion } from '../../src/search/index.ts';
import { loadOrBuildIndex } from '../../src/search/cache.ts';
import { CORPUS_DIR, SEED, tempDir } from '../helpers.ts';

describe('loadOrBuildIndex', () => {
  it('saves the index, loads it next time, and answers the same', async () => {
    const cache = await tempDir();
    const { letters } = await loadCorpus(CORPUS_DIR);
    const first = await loadOrBuildIndex(letters, cache);
    const second = await loadOrBuildIndex(letters, cache);
    expect([first.source, second.source]).toEqual(['built', 'loaded']);
    const q = 'How many anti-personnel mines were found in Lachin?';
    expect(answerQuestion(second.index, q)).toEqual(answerQuestion(first.index, q));
  });

  it('rebuilds, never serving a stale index, when a letter changes', async () => {
    const cache = await tempDir();
    const dir = await tempDir();
    const file = path.join(dir, `${SEED.khojavand}.txt`);
    await copyFile(path.join(CORPUS_DIR, `${SEED.khojavand}.txt`), file);
    const before = await loadOrBuildIndex((await loadCorpus(dir)).letters, cache);
    expect(answerQuestion(before.index, 'zebras').abstained).toBe(true);
    await writeFile(
      file,
      `${(await import('node:fs')).readFileSync(file, 'utf8')}\nZebras were seen near the road.\n`,
    );
    const after = await loadOrBuildIndex((await loadCorpus(dir)).letters, cache);
    expect(after.source).toBe('built');
    expect(answerQuestion(after.index, 'zebras').results[0]?.text).toBe(
      'Zebras were seen near the road.',
    );
    expect(await readdir(cache)).toHaveLength(2);
  });

  it('still answers when the cache folder cannot be written', async () => {
    const { letters } = await loadCorpus(CORPUS_DIR);
    const notAFolder = path.join(await tempDir(), 'file');
    await writeFile(notAFolder, '');
    const { index, source } = await loadOrBuildIndex(letters, path.join(notAFolder, 'cache'));
    expect(source).toBe('built');
    expect(answerQuestion(index, 'Khojavend').abstained).toBe(false);
  });
});
