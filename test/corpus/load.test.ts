import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { BUILT, CORPUS_DIR, SEED, tempDir } from '../helpers.ts';

const run = promisify(execFile);

/** A seed letter's text with `edit` applied. */
async function seedText(id: string, edit: (text: string) => string = (t) => t): Promise<string> {
  return edit(await readFile(path.join(CORPUS_DIR, `${id}.txt`), 'utf8'));
}

/** A corpus folder holding `files`. */
async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

describe('loadCorpus', () => {
  it('reads a letter whose file ending is in capitals (.TXT), with its metadata file', async () => {
    const dir = await folderWith({
      'MINEFIELD.TXT': await seedText(SEED.minefieldInfo),
      'MINEFIELD.meta.json': JSON.stringify({ symbol: 'A/75/779-S/2021/180' }),
    });
    const corpus = await loadCorpus(dir);
    expect(corpus.problems.map((p) => p.message)).toEqual([]);
    expect(corpus.letters.map((l) => [l.id, l.symbol])).toEqual([
      ['MINEFIELD', 'A/75/779-S/2021/180'],
    ]);
  });

  it('keeps an agenda item’s sub-item: "18 (a)", not "18"', async () => {
    const text = await seedText(SEED.hrcNote, (t) => t.replace(/agenda item 4\b/gi, 'Agenda item 18 (a)'));
    const [letter] = (await loadCorpus(await folderWith({ 'note.txt': text }))).letters;
    expect(letter?.agendaItems).toEqual(['18 (a)']);
  });

  it('reads sub-items listed after one item: "69 (a) and (b)"', async () => {
    const text = await seedText(SEED.khojavand, (t) =>
      t.replace('Agenda items 31, 61, 69, 71, 83 and 129', 'Agenda items 31, 69 (a) and (b) and 129'),
    );
    const [letter] = (await loadCorpus(await folderWith({ 'letter.txt': text }))).letters;
    expect(letter?.agendaItems).toEqual(['31', '69 (a)', '69 (b)', '129']);
  });

  it('loads a letter dated after its distribution date, with a warning naming the file', async () => {
    const text = await seedText(SEED.khojavand, (t) =>
      t.replace('Distr.: General 19 September 2023', 'Distr.: General 18 September 2023'),
    );
    const dir = await folderWith({ 'late.txt': text });
    const corpus = await loadCorpus(dir);
    expect(corpus.letters).toHaveLength(1);
    expect(corpus.problems).toEqual([]);
    expect(corpus.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(
        /late\.txt:5: dated 2023-09-19, after its distribution date 2023-09-18: check both dates/,
      ),
    ]);
    const { stdout, stderr } = await run(process.execPath, [BUILT.cli, 'validate'], {
      env: { ...process.env, CORPUS_DIR: dir },
    });
    expect(stderr).toMatch(/warning: .*late\.txt:5: dated 2023-09-19, after its distribution date/);
    expect(stdout).toMatch(/1 letter, \d+ passages: no problems, 1 warning/);
  });

  it('warns of a front matter key that misspells one it reads, naming the line and the key meant (user trial 8)', async () => {
    // Before: "titel:" was left unread without a word, and the title was the file name.
    const text = '---\ntitel: Statement of Sylvania on mine action\ndate: 2024-03-12\nAuthor: Sylvania\nsource: our archive\n---\n\nSylvania cleared 40 fields.\n';
    const corpus = await loadCorpus(await folderWith({ 'sylvania.md': text }));
    expect(corpus.problems).toEqual([]);
    expect(corpus.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/sylvania\.md:2: front matter key "titel" is not read: did you mean "title"\?/),
    ]);
    // A key in capitals is the key (user trial 34): "Author:" is read.
    expect(corpus.letters[0]?.author).toBe('Sylvania');
  });

  it('warns of a front matter kind a typo away from one Annex knows, and of no other kind (user trial 9)', async () => {
    const typo = '---\ntitle: Statement of Sylvania\nkind: statment\n---\n\nSylvania cleared 40 fields.\n';
    const own = '---\ntitle: Minutes of Sylvania\nkind: minutes\n---\n\nSylvania cleared 40 fields.\n';
    const corpus = await loadCorpus(await folderWith({ 'typo.md': typo, 'own.md': own }));
    expect(corpus.problems).toEqual([]);
    expect(corpus.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/typo\.md:3: front matter kind "statment" is not one Annex knows: did you mean "statement"\?/),
    ]);
  });

  it('gives no warning for the seed letters', async () => {
    expect((await loadCorpus(CORPUS_DIR)).warnings).toEqual([]);
  });
});
