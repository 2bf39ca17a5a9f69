import { appendFile, copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { sentenceSpans } from '../../src/corpus/sentences.ts';
import { conceptOf, tokenize } from '../../src/search/analyze.ts';
import { GLOSSARY } from '../../src/search/glossary.ts';
import { answerQuestion, SearchIndex } from '../../src/search/index.ts';
import { openCorpus } from '../../src/search/cache.ts';
import { CORPUS_DIR, SEED, tempDir } from '../helpers.ts';

afterEach(() => {
  vi.useRealTimers();
});

/** The saved indexes in a cache folder, by corpus key. */
async function savedKeys(cache: string): Promise<string[]> {
  return (await readdir(cache))
    .filter((f) => /^corpus-[0-9a-f]+$/.test(f))
    .map((f) => f.slice('corpus-'.length))
    .sort();
}

describe('openCorpus', () => {
  it('saves the letters and index, loads them next time, and answers the same', async () => {
    const cache = await tempDir();
    const first = await openCorpus(CORPUS_DIR, cache);
    const second = await openCorpus(CORPUS_DIR, cache);
    expect([first.source, second.source]).toEqual(['built', 'loaded']);
    // Loaded passages read their text from the saved file when asked: compare them as data.
    const asData = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
    expect(asData(second.corpus.letters)).toEqual(asData(first.corpus.letters));
    expect(second.corpus.letters[0]?.passages[0]?.text).toBe(
      first.corpus.letters[0]?.passages[0]?.text,
    );
    for (const q of [
      'How many anti-personnel mines were found in Lachin?',
      'Who signed the letter of 24 August 2022?',
      // Misspelt words are corrected against the letters' words, which the saved index holds.
      'how many mine victms were there in khojavend?',
      'what did the feb 2021 cover letter say about the minefield maps?',
    ])
      expect(answerQuestion(second.index, q)).toEqual(answerQuestion(first.index, q));
    expect(new Map(second.index.surfaceWords)).toEqual(new Map(first.index.surfaceWords));
    // Every passage's and heading's sentences, split once when indexed, as splitting gives them.
    expect(second.index.size).toBe(first.index.size);
    for (let id = 0; id < first.index.size; id++) {
      const text = first.index.passage(id)?.passage.text ?? '';
      expect(second.index.sentences(id), text).toEqual(sentenceSpans(text));
      expect(first.index.sentences(id), text).toEqual(sentenceSpans(text));
    }
  });

  it('rebuilds, never serving a stale index, when a letter changes', async () => {
    const cache = await tempDir();
    const dir = await tempDir();
    const file = path.join(dir, `${SEED.khojavand}.txt`);
    await copyFile(path.join(CORPUS_DIR, `${SEED.khojavand}.txt`), file);
    const before = await openCorpus(dir, cache);
    expect(answerQuestion(before.index, 'zebras').abstained).toBe(true);
    await appendFile(file, '\nZebras were seen near the road.\n');
    const after = await openCorpus(dir, cache);
    expect(after.source).toBe('built');
    expect(answerQuestion(after.index, 'zebras').results[0]?.text).toBe(
      'Zebras were seen near the road.',
    );
    expect(await savedKeys(cache)).toEqual([before.key, after.key].sort());
  });

  it('keeps only the current saved index and the one before, which loads again', async () => {
    const cache = await tempDir();
    const dir = await tempDir();
    const file = path.join(dir, `${SEED.khojavand}.txt`);
    const seed = await readFile(path.join(CORPUS_DIR, `${SEED.khojavand}.txt`), 'utf8');
    const keys: (string | null)[] = [];
    for (const edit of ['', 'Zebras were seen.', 'Giraffes were seen.']) {
      await writeFile(file, `${seed}\n${edit}\n`);
      const opened = await openCorpus(dir, cache);
      expect(opened.source).toBe('built');
      keys.push(opened.key);
    }
    expect(await savedKeys(cache)).toEqual([keys[1], keys[2]].sort());
    await writeFile(file, `${seed}\nZebras were seen.\n`);
    expect((await openCorpus(dir, cache)).source).toBe('loaded');
  });

  it('gives a loaded index the time it was built, not the time it was loaded', async () => {
    const cache = await tempDir();
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-01-05T10:00:00Z') });
    const built = await openCorpus(CORPUS_DIR, cache);
    vi.setSystemTime(new Date('2026-01-06T18:30:00Z'));
    const loaded = await openCorpus(CORPUS_DIR, cache);
    expect(loaded.source).toBe('loaded');
    expect(built.index.builtAt.toISOString()).toBe('2026-01-05T10:00:00.000Z');
    expect(loaded.index.builtAt.toISOString()).toBe('2026-01-05T10:00:00.000Z');
  });

  it('does a server’s preparation while it reads a saved index, and loads it as without', async () => {
    const cache = await tempDir();
    const built = await openCorpus(CORPUS_DIR, cache);
    let prepared = 0;
    const loaded = await openCorpus(CORPUS_DIR, cache, { whileReading: () => (prepared += 1) });
    expect(loaded.source).toBe('loaded');
    expect(prepared).toBe(1);
    const q = 'How many anti-personnel mines were found in Lachin?';
    expect(answerQuestion(loaded.index, q)).toEqual(answerQuestion(built.index, q));
  });

  it('never serves the saved index a server used last once a letter has changed since', async () => {
    const cache = await tempDir();
    const dir = await tempDir();
    const file = path.join(dir, `${SEED.khojavand}.txt`);
    await copyFile(path.join(CORPUS_DIR, `${SEED.khojavand}.txt`), file);
    const before = await openCorpus(dir, cache, { whileReading: () => undefined });
    expect(before.source).toBe('built');
    await appendFile(file, '\nZebras were seen near the road.\n');
    let prepared = 0;
    const after = await openCorpus(dir, cache, { whileReading: () => (prepared += 1) });
    expect(after.source).toBe('built');
    expect(after.key).not.toBe(before.key);
    expect(prepared).toBe(1);
    expect(answerQuestion(after.index, 'zebras').results[0]?.text).toBe(
      'Zebras were seen near the road.',
    );
    // Started again unchanged, it loads the index it saved.
    const again = await openCorpus(dir, cache, { whileReading: () => undefined });
    expect([again.source, again.key]).toEqual(['loaded', after.key]);
  });

  it('keeps the corpus problems in the saved index', async () => {
    const cache = await tempDir();
    const dir = await tempDir();
    await copyFile(path.join(CORPUS_DIR, `${SEED.khojavand}.txt`), path.join(dir, 'a.txt'));
    await writeFile(path.join(dir, 'empty.txt'), '');
    await openCorpus(dir, cache);
    const loaded = await openCorpus(dir, cache);
    expect(loaded.source).toBe('loaded');
    expect(loaded.corpus.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/empty\.txt: file is empty$/),
    ]);
  });

  it('still answers when the cache folder cannot be written', async () => {
    const notAFolder = path.join(await tempDir(), 'file');
    await writeFile(notAFolder, '');
    const { index, source } = await openCorpus(CORPUS_DIR, path.join(notAFolder, 'cache'));
    expect(source).toBe('built');
    expect(answerQuestion(index, 'Khojavend').abstained).toBe(false);
  });
});

describe('a saved index', () => {
  it('holds every word of the glossary with the concept it is worked out to', async () => {
    const { letters } = await loadCorpus(CORPUS_DIR);
    const saved = new Map(SearchIndex.build(letters).toSaved().json.glossaryWords);
    const texts = [
      ...GLOSSARY.terms.flatMap((t) => [...t.forms, ...t.means]),
      ...GLOSSARY.phrasing,
    ];
    const words = new Set(texts.flatMap((text) => tokenize(text).map((t) => t.word)));
    expect(words.size).toBeGreaterThan(100);
    for (const word of words) expect(saved.get(word), word).toBe(conceptOf(word));
  });
});
