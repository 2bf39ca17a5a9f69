import { execFile } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadCorpus, MAX_LETTER_BYTES } from '../../src/corpus/index.ts';
import { BUILT, CORPUS_DIR, SEED, tempDir } from '../helpers.ts';

const run = promisify(execFile);

/** A corpus folder with two good seed letters plus whatever the test adds. */
async function corpusWith(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await tempDir();
  for (const id of [SEED.khojavand, SEED.lachin]) {
    await copyFile(path.join(CORPUS_DIR, `${id}.txt`), path.join(dir, `${id}.txt`));
  }
  for (const [name, content] of Object.entries(files))
    await writeFile(path.join(dir, name), content);
  return dir;
}

async function problemsFor(files: Record<string, string | Buffer>) {
  const dir = await corpusWith(files);
  const corpus = await loadCorpus(dir);
  expect(corpus.letters).toHaveLength(2);
  return corpus.problems.map((p) => ({
    file: path.basename(p.file),
    line: p.line,
    problem: p.problem,
  }));
}

const MINIMAL = `Letter dated 1 March 2022 from the Permanent Representative of Testland to the United Nations addressed to the Secretary-General

I have the honour to write to you.
`;

describe('loadCorpus refuses a bad file by name and still loads the others', () => {
  it('an empty file', async () => {
    expect(await problemsFor({ 'empty.txt': '  \n\n' })).toEqual([
      { file: 'empty.txt', line: undefined, problem: 'file is empty' },
    ]);
  });

  it('a binary file, with the line of the first NUL byte', async () => {
    const [p] = await problemsFor({ 'scan.txt': Buffer.from('Letter\nabc\u0000def') });
    expect(p).toMatchObject({ file: 'scan.txt', line: 2 });
    expect(p?.problem).toMatch(/binary/);
  });

  it('a file that is not UTF-8, with the line of the first bad byte', async () => {
    const latin1 = Buffer.from(`${MINIMAL}Chargé d'affaires\n`, 'latin1');
    const [p] = await problemsFor({ 'latin1.txt': latin1 });
    expect(p).toMatchObject({ file: 'latin1.txt', line: 4 });
    expect(p?.problem).toMatch(/not valid UTF-8/);
  });

  it('an oversized file', async () => {
    const [p] = await problemsFor({
      'huge.txt': `${MINIMAL}${'word '.repeat(MAX_LETTER_BYTES / 5 + 1)}`,
    });
    expect(p?.file).toBe('huge.txt');
    // How much more than the limit, in bytes (user trial 34: "file is 1.0 MB; … at most 1 MB").
    expect(p?.problem).toMatch(/^file is [\d,]+ bytes \(1\.00 MB\), more than the 1,048,576 bytes \(1 MB\) a document file may hold$/);
  });

  it('a duplicate of another letter, naming the letter it duplicates', async () => {
    const text = await readFile(path.join(CORPUS_DIR, `${SEED.khojavand}.txt`));
    const [p] = await problemsFor({ 'zz-copy.txt': text });
    expect(p?.file).toBe('zz-copy.txt');
    expect(p?.problem).toMatch(new RegExp(`duplicate: same text as .*${SEED.khojavand}\\.txt`));
  });

  it('a second file with the same symbol', async () => {
    const text = (await readFile(path.join(CORPUS_DIR, `${SEED.khojavand}.txt`), 'utf8')).replace(
      'On the same day',
      'Later that day',
    );
    const [p] = await problemsFor({ 'zz-revised.txt': text });
    expect(p?.problem).toMatch(/duplicate: symbol A\/78\/368-S\/2023\/686 is already/);
  });

  it('a second file with the same id (its name without the extension), naming both', async () => {
    const other = (await readFile(path.join(CORPUS_DIR, `${SEED.lachin}.txt`), 'utf8')).replace(
      /^.*$/m,
      'Letter dated 5 May 2025 from the Permanent Representative of Ghana to the United Nations addressed to the Secretary-General',
    );
    const problems = await problemsFor({ [`${SEED.khojavand}.md`]: other.replace(/A\/76\/930-S\/2022\/642/g, '') });
    expect(problems).toEqual([
      {
        file: `${SEED.khojavand}.txt`,
        line: undefined,
        problem: expect.stringMatching(
          new RegExp(`^same id "${SEED.khojavand}" as .*${SEED.khojavand}\\.md .*: rename one of the two files$`),
        ),
      },
    ]);
  });

  it('a file with no recognizable date, with the line of its heading', async () => {
    const [p] = await problemsFor({
      'undated.txt':
        '\nUnited Nations\n\nLetter dated the other day from the Permanent Representative of X addressed to the Secretary-General\n\nText.\n',
    });
    expect(p).toMatchObject({ file: 'undated.txt', line: 4 });
    expect(p?.problem).toMatch(/no date found in heading/);
  });

  it('a letter whose heading has no date at all, "Letter from … addressed to …" (user trial 32)', async () => {
    const [p] = await problemsFor({
      'undated-letter.txt':
        'Letter from the Permanent Representative of Ostrelia to the United Nations addressed to the Secretary-General\n\nI have the honour to inform you that floods displaced 12,000 people.\n\n(Signed) Mara Quell\n',
    });
    expect(p).toMatchObject({ file: 'undated-letter.txt', line: 1 });
    expect(p?.problem).toMatch(/no date found in heading "Letter from the Permanent Representative of Ostrelia/);
    // The heading quoted up to a word, never cut inside one (user trial 34: "…addres").
    expect(p?.problem).toMatch(/"Letter from the Permanent Representative of Ostrelia to the United Nations…"$/);
  });

  it('a file with front matter and nothing to quote', async () => {
    const [p] = await problemsFor({ 'notes.md': '---\ntitle: My notes\n---\n\n' });
    expect(p).toMatchObject({ file: 'notes.md' });
    expect(p?.problem).toMatch(/no paragraphs found/);
  });

  it('front matter that is not YAML, with its line', async () => {
    // The usual slip: a colon in an unquoted title.
    const [p] = await problemsFor({ 'speech.txt': '---\ndate: 1997\ntitle: Statement by Norway: the 52nd session\n---\nWe are here.\n' });
    expect(p).toMatchObject({ file: 'speech.txt', line: 3 });
    expect(p?.problem).toMatch(/front matter is not valid YAML/);
    expect(p?.problem).toContain('put the value in quotes: title: "Statement by Norway: the 52nd session"');
  });

  it('a front matter date that is no date, with its line', async () => {
    const [p] = await problemsFor({ 'speech.txt': '---\ntitle: Speech\nauthor: Norway\ndate: 1997-13\n---\nWe are here.\n' });
    expect(p).toMatchObject({ file: 'speech.txt', line: 4 });
    expect(p?.problem).toMatch(/front matter: date "1997-13" is not a date/);
  });

  it('a front matter url that is no web address, with its line (Discord would refuse every answer linking it)', async () => {
    const [p] = await problemsFor({ 'speech.txt': '---\ntitle: Speech\nurl: www.un.org/statement\n---\nWe are here.\n' });
    expect(p).toMatchObject({ file: 'speech.txt', line: 3 });
    expect(p?.problem).toMatch(/front matter: url "www.un.org\/statement" is not a web address/);
  });

  it('every bad front matter value at once, each with its line, so one run of validate shows all', async () => {
    const [p, ...more] = await problemsFor({
      'speech.md': '---\ntitle: Speech\ndate: next tuesday\nauthor: [Norway, Sweden]\nkind: 7\n---\nWe are here.\n',
    });
    expect(more).toEqual([]);
    expect(p).toMatchObject({ file: 'speech.md', line: 3 });
    expect(p?.problem).toMatch(/front matter: date "next tuesday" is not a date/);
    expect(p?.problem).toMatch(/line 4: author should be text, not a list/);
    expect(p?.problem).toMatch(/line 5: kind "7" is not a kind of document/);
  });

  it('a front matter symbol that is no UN symbol, with its line (its link would lead nowhere)', async () => {
    const [p] = await problemsFor({ 'speech.txt': '---\ntitle: Speech\nsymbol: see the annex (draft)\n---\nWe are here.\n' });
    expect(p).toMatchObject({ file: 'speech.txt', line: 3 });
    expect(p?.problem).toMatch(/front matter: symbol "see the annex \(draft\)" is not a UN document symbol \(like A\/78\/368/);
  });

  it('front matter that is never closed', async () => {
    const [p] = await problemsFor({ 'speech.txt': '---\ntitle: Speech\nWe are here.\n' });
    expect(p).toMatchObject({ file: 'speech.txt', line: 1 });
    expect(p?.problem).toMatch(/never closed/);
  });

  it('a file of another type', async () => {
    const [p] = await problemsFor({ 'letter.docx': 'PK' });
    expect(p?.problem).toMatch(/not a document file/);
  });

  it('reports every bad file at once', async () => {
    const problems = await problemsFor({
      'a.txt': '',
      'b.txt': Buffer.from([0xff, 0xfe, 0x00]),
      'c.txt': '---\ndate: someday\n---\nText.\n',
    });
    expect(problems.map((p) => p.file)).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });
});

describe('sidecar metadata', () => {
  it('adds a symbol the text lacks, marked as coming from the sidecar', async () => {
    const dir = await corpusWith({
      'extra.txt': MINIMAL,
      'extra.meta.json': JSON.stringify({
        symbol: 'A/76/700-S/2022/170',
        distributed: '2022-03-02',
      }),
    });
    const { letters, problems } = await loadCorpus(dir);
    expect(problems).toEqual([]);
    expect(letters.find((l) => l.id === 'extra')).toMatchObject({
      symbol: 'A/76/700-S/2022/170',
      symbols: ['A/76/700', 'S/2022/170'],
      symbolSource: 'sidecar',
      distributed: '2022-03-02',
    });
  });

  it('refuses a sidecar that disagrees with the text', async () => {
    const problems = await problemsFor({
      'extra.txt': MINIMAL,
      'extra.meta.json': JSON.stringify({ date: '2022-03-02' }),
    });
    expect(problems).toEqual([
      {
        file: 'extra.meta.json',
        line: undefined,
        problem: `date "2022-03-02" disagrees with the letter's text, which says "2022-03-01"`,
      },
    ]);
  });

  it('refuses a sidecar that is not valid, naming the field', async () => {
    const problems = await problemsFor({
      'extra.txt': MINIMAL,
      'extra.meta.json': JSON.stringify({ symbol: 'not a symbol', colour: 'red' }),
    });
    expect(problems[0]?.problem).toMatch(/invalid metadata: symbol: not a UN document symbol/);
    expect(problems[0]?.problem).toMatch(/colour/);
  });

  it('refuses a sidecar with broken JSON', async () => {
    const problems = await problemsFor({ 'extra.txt': MINIMAL, 'extra.meta.json': '{ "symbol": ' });
    expect(problems[0]?.problem).toMatch(/not valid JSON/);
  });
});

describe('npm run cli -- validate', () => {
  const cli = BUILT.cli;

  it('exits 0 on the seed corpus', async () => {
    const { stdout } = await run(process.execPath, [cli, 'validate'], { env: { ...process.env, CORPUS_DIR } });
    expect(stdout).toMatch(/5 letters, 66 passages: no problems/);
  });

  it('exits 1 listing every problem with file and line', async () => {
    const dir = await corpusWith({
      'empty.txt': '',
      'undated.txt': 'Letter dated soon from A addressed to B\n\nText.',
    });
    const error = await run(process.execPath, [cli, 'validate'], {
      env: { ...process.env, CORPUS_DIR: dir },
    }).catch((e) => e);
    expect(error.code).toBe(1);
    expect(error.stderr).toMatch(/empty\.txt: file is empty/);
    expect(error.stderr).toMatch(/undated\.txt:1: no date found in heading/);
    expect(error.stderr).toMatch(/2 problems; 2 letters loaded/);
  });

  it('reports two files with the same id, and letters lists the id once', async () => {
    const dir = await corpusWith({ '2025-05-05-ghana.txt': MINIMAL, '2025-05-05-ghana.md': MINIMAL.replace('1 March', '2 March') });
    const env = { ...process.env, CORPUS_DIR: dir };
    const error = await run(process.execPath, [cli, 'validate'], { env }).catch((e) => e);
    expect(error.code).toBe(1);
    expect(error.stderr).toMatch(/2025-05-05-ghana\.txt: same id "2025-05-05-ghana" as .*2025-05-05-ghana\.md/);
    const { stdout } = await run(process.execPath, [cli, 'letters', '--json'], { env });
    const ids = (JSON.parse(stdout) as { id: string }[]).map((l) => l.id);
    expect(ids.filter((id) => id === '2025-05-05-ghana')).toHaveLength(1);
  });
});

describe('loadCorpus reads text saved as UTF-16 with its byte-order mark (user trial 10)', () => {
  it('as Windows Notepad saves "Unicode" (UTF-16LE) and "Unicode big endian", not as a binary file', async () => {
    const text = `${MINIMAL}The Chargé d’affaires attended.\n`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    const dir = await corpusWith({
      'notepad-le.txt': le,
      'notepad-be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
    });
    const corpus = await loadCorpus(dir);
    expect(corpus.problems).toEqual([]);
    const added = corpus.letters.filter((l) => l.id.startsWith('notepad'));
    expect(added).toHaveLength(2);
    for (const letter of added) {
      expect(letter.date).toBe('2022-03-01');
      expect(letter.passages.map((p) => p.text).join('\n')).toContain(
        'The Chargé d’affaires attended.',
      );
    }
  });
});
