import { execFile } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BUILT, CORPUS_DIR, ROOT, SEED, startNode, tempDir } from './helpers.ts';

const run = promisify(execFile);
const node = process.execPath;
const cli = BUILT.cli;
const env = async () => ({ ...process.env, CORPUS_DIR, INDEX_CACHE_DIR: await tempDir() });

async function json(args: string[]) {
  const { stdout } = await run(node, [cli, ...args], { env: await env() });
  return JSON.parse(stdout);
}

describe('cli letters / letter --json', () => {
  it('prints one object per letter with the contract fields', async () => {
    const letters = await json(['letters', '--json']);
    expect(letters).toHaveLength(5);
    expect(Object.keys(letters[0])).toEqual([
      'id',
      'symbol',
      'date',
      'distributed',
      'kind',
      'title',
      'author',
      'sender',
      'addressee',
      'language',
      'url',
      'sources',
      'signatories',
      'bodies',
      'agendaItems',
      'jobNumber',
      'annexes',
      'passages',
    ]);
    expect(letters.find((l: { id: string }) => l.id === SEED.lachin).passages).toBe(19);
  });

  it('prints one letter with its passages', async () => {
    const letter = await json(['letter', SEED.lachin, '--json']);
    expect(letter.passages[10]).toMatchObject({ n: 11, part: 'annex', pages: [2, 3] });
    expect(Object.keys(letter.passages[0])).toEqual(['n', 'part', 'pages', 'text']);
  });

  it('names the known ids when asked for an unknown letter', async () => {
    const error = await run(node, [cli, 'letter', 'nope'], { env: await env() }).catch((e) => e);
    expect(error.code).toBe(2);
    expect(error.stderr).toContain(SEED.khojavand);
  });
});

describe('cli ask --json', () => {
  it('prints one answer object with the contract fields', async () => {
    const answer = await json([
      'ask',
      'How many of the 314 mine victims died?',
      '--json',
      '--limit',
      '2',
    ]);
    expect(Object.keys(answer)).toEqual([
      'query',
      'abstained',
      'reason',
      'searched',
      'total',
      'results',
      'related',
    ]);
    expect(answer.searched).toEqual({ letters: 5, from: '2021-02-23', to: '2024-04-04' });
    expect(answer.results).toHaveLength(2);
    expect(answer.total).toBeGreaterThanOrEqual(2);
    expect(answer.related).toEqual([]);
    expect(answer.reason).toBeNull();
    expect(Object.keys(answer.results[0])).toEqual([
      'letterId',
      'symbol',
      'date',
      'passage',
      'part',
      'pages',
      'text',
      'excerpt',
      'score',
      'citation',
      'url',
    ]);
    expect(answer.results[0].text).toMatch(/61 (?:of whom|people) have died/);
  });

  it('refuses a bad --limit with a usage message', async () => {
    const error = await run(node, [cli, 'ask', 'mines', '--limit', 'lots'], {
      env: await env(),
    }).catch((e) => e);
    expect(error.code).toBe(2);
    expect(error.stderr).toMatch(/--limit must be a whole number/);
  });
});

describe('cli check', () => {
  it('says a claim is quoted verbatim, citing the letter, as the moderators’ check does', async () => {
    const { stdout } = await run(node, [cli, 'check', '“There is neither marking nor fencing.”'], {
      env: await env(),
    });
    expect(stdout).toMatch(/^Quoted verbatim in a letter/);
    expect(stdout).toContain('A/76/930-S/2022/642');
    expect(stdout).toContain('There is neither marking nor fencing');
  });

  it('gives the same verdicts as the moderators’ check, as JSON', async () => {
    const { loadCorpus } = await import('../src/corpus/index.ts');
    const { SearchIndex } = await import('../src/search/index.ts');
    const { checkClaim } = await import('../src/search/check.ts');
    const index = SearchIndex.build((await loadCorpus(CORPUS_DIR)).letters);
    const claims = [
      'There is neither marking nor fencing.',
      'Azerbaijan says 61 of the 314 mine victims have died',
      'Real Madrid won the Champions League',
    ];
    const verdicts = await Promise.all(claims.map((claim) => json(['check', claim, '--json'])));
    expect(verdicts.map((v) => v.verdict)).toEqual(
      claims.map((claim) => checkClaim(index, claim).kind),
    );
    expect(verdicts.map((v) => v.verdict)).toEqual(['verbatim', 'close', 'absent']);
    const [verbatim, close, absent] = verdicts;
    expect(Object.keys(verbatim)).toEqual(['claim', 'verdict', 'searched', 'quoted', 'closest']);
    expect(verbatim.quoted).toMatchObject({ letterId: SEED.lachin, symbol: 'A/76/930-S/2022/642' });
    expect(close.quoted).toBeNull();
    expect(close.closest.length).toBeGreaterThan(0);
    expect(close.closest[0].citation).toBeTruthy();
    expect(absent).toMatchObject({ quoted: null, closest: [] });
    expect(absent.searched).toEqual({ letters: 5, from: '2021-02-23', to: '2024-04-04' });
  });

  it('asks for a claim when given none', async () => {
    const error = await run(node, [cli, 'check'], { env: await env() }).catch((e) => e);
    expect(error.code).toBe(2);
    expect(error.stderr).toContain('Check what?');
  });
});

describe('cli ask --json --stdin', () => {
  it('answers one question per line, in order, in one process', async () => {
    const child = startNode(cli, ['ask', '--json', '--stdin'], { env: await env() });
    const questions = ['Were mines found in Kalbajar?', 'Who won the World Cup?', 'Khojavend'];
    // Blank lines ask nothing: they are skipped, not answered "Not found".
    child.stdin?.end(`${questions[0]}\n\n${questions[1]}\n   \n${questions[2]}\n\n`);
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    const answers = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(answers.map((a) => a.query)).toEqual(questions);
    expect(answers.map((a) => a.abstained)).toEqual([false, true, false]);
    // An abstention offers the closest passages apart from the results, never mixed in.
    expect(answers[1].results).toEqual([]);
    expect(answers[1].related.length).toBeLessThanOrEqual(3);
  });
});

/** Runs the built CLI; resolves with its exit code and output, whatever the code. */
async function runCli(args: string[], extraEnv: Record<string, string> = {}) {
  return run(node, [BUILT.cli, ...args], { env: { ...(await env()), ...extraEnv } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
}

describe('cli: bad input gets one clear line and a non-zero exit, never a stack trace', () => {
  it.each([
    [['ask', 'mines', '--from', '2022-13-45'], '--from should be a date like 2023-09-19'],
    [['ask', 'mines', '--from', '2022-02-30'], '--from should be a date like 2023-09-19'],
    [
      ['ask', 'mines', '--from', '2024', '--to', '2023'],
      '--from (2024-01-01) is after --to (2023-12-31)',
    ],
    [['ask', 'mines', '--letter', 'nope'], 'No letter "nope"'],
    [['ask', 'mines', '--bogus'], "Unknown option '--bogus'"],
    [['frobnicate'], 'Unknown command "frobnicate"'],
  ])('%j → exit 2: %s', async (args, message) => {
    const { code, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('says CORPUS_DIR is a file, not a missing folder, for every command', async () => {
    const file = path.join(await tempDir(), 'letters.txt');
    await writeFile(file, 'not a folder');
    for (const args of [
      ['ask', 'mines'],
      ['check', 'mines were found'],
      ['letters'],
      ['validate'],
    ]) {
      const { code, stderr } = await runCli(args, { CORPUS_DIR: file });
      expect(code).toBe(1);
      expect(stderr).toContain(`${file} (CORPUS_DIR) is a file, not a folder`);
      expect(stderr).not.toMatch(/create it/);
    }
  });

  it('counts one letter as "1 letter"', async () => {
    const dir = await tempDir();
    await copyFile(
      path.join(CORPUS_DIR, `${SEED.lachin}.txt`),
      path.join(dir, `${SEED.lachin}.txt`),
    );
    const letters = await runCli(['letters'], { CORPUS_DIR: dir });
    expect(letters.stdout.trim()).toMatch(/\n1 letter\.$/);
    const validate = await runCli(['validate'], { CORPUS_DIR: dir });
    expect(validate.stdout).toMatch(/^1 letter, 19 passages: no problems/);
  });

  it('reads dates the way the bot does: a year, a month, a day', async () => {
    const { code, stdout } = await runCli([
      'ask',
      'Khojavend',
      '--json',
      '--from',
      '2023',
      '--to',
      '2023-09',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).searched).toMatchObject({ letters: 1, from: '2023-09-19' });
  });

  it('says so when CORPUS_DIR is no folder, for every command', async () => {
    for (const args of [['ask', 'mines'], ['letters'], ['letter', 'x'], ['validate']]) {
      const { code, stderr } = await runCli(args, { CORPUS_DIR: '/nonexistent/corpus' });
      expect(code, args.join(' ')).toBe(1);
      expect(stderr).toContain('No corpus folder at /nonexistent/corpus (CORPUS_DIR)');
    }
  });

  it('warns and answers without a saved index when INDEX_CACHE_DIR cannot be used', async () => {
    const { code, stdout, stderr } = await runCli(['ask', 'Khojavend'], {
      INDEX_CACHE_DIR: '/proc/nope',
    });
    expect(code).toBe(0);
    expect(stderr).toContain('index cache folder /proc/nope (INDEX_CACHE_DIR) cannot be used');
    expect(stdout).toContain('Khojav');
  });

  it('takes a 70,000-character word in stride, also in a batch', async () => {
    const long = 'x'.repeat(70_000);
    const { code } = await runCli(['ask', long]);
    expect(code).toBe(0);
    const child = startNode(BUILT.cli, ['ask', '--json', '--stdin'], { env: await env() });
    child.stdin?.end(`Khojavend\n${long}\nWere mines found in Kalbajar?\n`);
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
    });
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
    expect(
      out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).query.length),
    ).toEqual([9, 70_000, 29]);
  });
});

describe('cli: help and usage', () => {
  it('prints the whole usage for `help`, `--help`, and `ask` without a question', async () => {
    for (const args of [['help'], ['--help']]) {
      const { code, stdout } = await runCli(args);
      expect(code).toBe(0);
      expect(stdout).toContain('--stdin');
    }
    const { code, stderr } = await runCli(['ask']);
    expect(code).toBe(2);
    expect(stderr).toContain('Ask what?');
    expect(stderr).toContain('--stdin');
  });

  it('counts what it searched as documents, not letters, when they are not all letters', async () => {
    const speeches = path.join(ROOT, 'test/fixtures/speeches');
    const options = { env: { ...(await env()), CORPUS_DIR: speeches } };
    const { stdout } = await run(node, [cli, 'ask', 'what did norway say about refugees'], options);
    expect(stdout).toMatch(/searched \d+ documents, 1982 – 2023\.$/m);
    const child = startNode(BUILT.cli, ['ask', '--stdin'], options);
    child.stdin?.end('who won the world cup\n');
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
    });
    await new Promise((resolve) => child.on('close', resolve));
    expect(out).toMatch(/Not found: no passage in the \d+ documents, 1982 – 2023 answers/);
  });

  it('answers --stdin as text without --json, each answer under its question', async () => {
    const child = startNode(BUILT.cli, ['ask', '--stdin'], { env: await env() });
    child.stdin?.end('Khojavend\nWho won the World Cup?\n');
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
    });
    await new Promise((resolve) => child.on('close', resolve));
    expect(out).toContain('? Khojavend\n1. ');
    expect(out).toContain('? Who won the World Cup?\nNot found');
    expect(out).not.toContain('"query"');
  });

  it('answers the example questions file the README uses', async () => {
    const child = startNode(BUILT.cli, ['ask', '--json', '--stdin'], { env: await env() });
    const questions = await readFile(path.join(ROOT, 'eval/example-questions.txt'), 'utf8');
    child.stdin?.end(questions);
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
    });
    await new Promise((resolve) => child.on('close', resolve));
    expect(out.trim().split('\n')).toHaveLength(questions.trim().split('\n').length);
  });
});

describe('the scripts say how they are used', () => {
  it.each(['eval', 'bench', 'load'])(
    'npm run %s -- --help exits 0 with its usage',
    async (script) => {
      const { stdout } = await run(node, [path.join(ROOT, `dist/scripts/${script}.mjs`), '--help']);
      expect(stdout).toMatch(new RegExp(`^Usage: npm run ${script}`));
    },
  );

  it('an unknown option gets the usage and exit 2, no stack trace', async () => {
    const error = await run(node, [path.join(ROOT, 'dist/scripts/bench.mjs'), '--frob']).catch(
      (e) => e,
    );
    expect(error.code).toBe(2);
    expect(error.stderr).toContain('Usage: npm run bench');
    expect(error.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('cli: what a newcomer meets', () => {
  it('add: a missing or unreadable input file is a command-line problem (exit 2), named', async () => {
    const corpus = await tempDir();
    const missing = await runCli(['add', '/nonexistent/letter.pdf'], { CORPUS_DIR: corpus });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No file /nonexistent/letter.pdf');
    expect(missing.stderr).not.toMatch(/ENOENT|\n\s+at /);
    const folder = await runCli(['add', corpus], { CORPUS_DIR: corpus });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`${corpus} is not a file`);
  });

  it('add: a document without a date says "date unknown"', async () => {
    const source = path.join(await tempDir(), 'note.txt');
    await writeFile(source, 'Words about mines in a field.\n\nMore words about the field.\n');
    const { code, stdout } = await runCli(['add', source], { CORPUS_DIR: await tempDir() });
    expect(code).toBe(0);
    expect(stdout).toMatch(/ · date unknown · /);
    expect(stdout).not.toMatch(/dated date/);
  });

  it('ask and check say once that bad files were skipped', async () => {
    const dir = await tempDir();
    await copyFile(
      path.join(CORPUS_DIR, `${SEED.lachin}.txt`),
      path.join(dir, `${SEED.lachin}.txt`),
    );
    await writeFile(path.join(dir, 'empty.txt'), '');
    await writeFile(path.join(dir, 'binary.txt'), Buffer.from([0, 1, 2]));
    for (const args of [
      ['ask', 'mines in Lachin'],
      ['check', 'mines were laid in Lachin'],
    ]) {
      const { code, stderr } = await runCli(args, { CORPUS_DIR: dir });
      expect(code).toBe(0);
      expect(stderr.match(/2 files skipped; run `npm run cli -- validate`/g), args[0]).toHaveLength(
        1,
      );
    }
  });

  it('ask: a period past every document says so, and what period the documents cover', async () => {
    const { code, stdout } = await runCli(['ask', 'mine victims', '--from', '2025']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(
      'No document falls in the period asked, from 1 January 2025 on: the 5 letters are dated 23 February 2021 – 4 April 2024.',
    );
  });
});
