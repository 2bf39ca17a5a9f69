import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/index.ts';
import { renderPassage } from '../src/render/discord.ts';
import {
  BUILT,
  CORPUS_DIR,
  documentOf,
  ROOT,
  SEED,
  SEED_INFO,
  startNode,
  tempDir,
} from './helpers.ts';

const run = promisify(execFile);
const node = process.execPath;
const cli = BUILT.cli;
const env = async () => ({ ...process.env, CORPUS_DIR, INDEX_CACHE_DIR: await tempDir() });

async function json(args: string[]) {
  const { stdout } = await run(node, [cli, ...args], { env: await env() });
  return JSON.parse(stdout);
}

describe('cli letters / letter --json', () => {
  it('answers to "documents" and "document" as to "letters" and "letter" (user trial 20)', async () => {
    const letters = await json(['letters', '--json']);
    expect(await json(['documents', '--json'])).toEqual(letters);
    expect(await json(['document', letters[0].id, '--json'])).toEqual(
      await json(['letter', letters[0].id, '--json']),
    );
  });

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

  it('says where the ids are when asked for an unknown letter, in one line', async () => {
    const error = await run(node, [cli, 'letter', 'nope'], { env: await env() }).catch((e) => e);
    expect(error.code).toBe(2);
    expect(error.stderr.trim()).toBe(
      'No document "nope": give its id or symbol (`letters` lists them)',
    );
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
      'undated',
    ]);
    expect(answer.undated).toBeNull();
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
    expect(Object.keys(verbatim)).toEqual([
      'claim',
      'cites',
      'beyondCited',
      'verdict',
      'searched',
      'quoted',
      'closest',
      'pieces',
      'figures',
    ]);
    expect(verbatim.quoted).toMatchObject({ letterId: SEED.lachin, symbol: 'A/76/930-S/2022/642' });
    expect(close.quoted).toBeNull();
    expect(close.closest.length).toBeGreaterThan(0);
    expect(close.closest[0].citation).toBeTruthy();
    expect(absent).toMatchObject({ quoted: null, closest: [], pieces: [] });
    expect(absent.searched).toEqual({ letters: 5, from: '2021-02-23', to: '2024-04-04' });
    expect(absent.cites).toBeNull();
  });

  it('prints the figures of a claim none of the closest passages states, as the text does (user trial 8)', async () => {
    // Before: the text said "The claim’s “1,400” is in none of these passages; … states “1,318”",
    // and --json had no word of it.
    const claim = 'Azerbaijan said 1,400 anti-personnel mines were found in Lachin in one week.';
    const verdict = await json(['check', claim, '--json']);
    expect(verdict.figures).toEqual([
      { claim: '1,400', result: expect.any(Number), passage: '1,318', elsewhere: false },
    ]);
    expect(verdict.closest[verdict.figures[0].result].text).toContain('1,318');
  });

  const SENTENCE = 'Around 3,300 persons became mine victims during the last 30 years.';

  it('reads a link to a document as the one the claim is about, as the moderators’ check does', async () => {
    // Before: the link was read as words of the claim: "Not quoted verbatim", every letter searched.
    const message = 'https://undocs.org/en/A/76/930 Around 3,300 persons became mine victims';
    const { stdout } = await run(node, [cli, 'check', message], { env: await env() });
    expect(stdout).toMatch(/^Quoted verbatim in a letter/);
    expect(stdout).toContain(
      'The message links to A/76/930-S/2022/642, which is in the index: its words are checked against that letter only.',
    );
    expect(stdout).toMatch(/Searched 1 letter/);
    const verdict = await json(['check', message, '--json']);
    expect(verdict).toMatchObject({
      claim: 'Around 3,300 persons became mine victims',
      cites: { symbol: 'A/76/930-S/2022/642', by: 'link', held: true, letterId: SEED.lachin },
      verdict: 'verbatim',
      searched: { letters: 1 },
    });
  });

  it('reads a symbol in brackets ending the claim as its source: checked against that document alone', async () => {
    // Before: "(A/76/930)" and the bold marks were words of the claim: "Not quoted verbatim".
    const cited = await json(['check', `**${SENTENCE}** (A/76/930)`, '--json']);
    expect(cited).toMatchObject({
      claim: SENTENCE,
      cites: { by: 'citation', held: true, letterId: SEED.lachin },
      verdict: 'verbatim',
      quoted: { letterId: SEED.lachin },
    });
    expect(cited.beyondCited).toBe(false);
    // Cited to a letter that holds none of it: checked against every letter, and said so.
    const elsewhere = await json(['check', `**${SENTENCE}** [A/78/368]`, '--json']);
    expect(elsewhere).toMatchObject({
      cites: { held: true, letterId: SEED.khojavand },
      beyondCited: true,
      verdict: 'verbatim',
      quoted: { letterId: SEED.lachin },
      searched: { letters: 5 },
    });
    const { stdout } = await run(node, [cli, 'check', `**${SENTENCE}** (A/76/930)`], {
      env: await env(),
    });
    expect(stdout).toMatch(/^Quoted verbatim in a letter/);
    expect(stdout).toContain('The message cites A/76/930-S/2022/642, which is in the index');
  });

  it('says a cited symbol no document has is not held, checking the words against every document', async () => {
    const claim =
      'Since the 44-day Patriotic War of 2020, the total number of landmine victims has reached 314 people';
    const unknown = await json(['check', `“${claim}” (S/2023/123)`, '--json']);
    expect(unknown).toMatchObject({
      cites: { symbol: 'S/2023/123', by: 'citation', held: false, letterId: null },
      verdict: 'verbatim',
      searched: { letters: 5 },
    });
    const { stdout } = await run(node, [cli, 'check', 'all lies (S/2023/123)'], {
      env: await env(),
    });
    expect(stdout).toContain('The message cites S/2023/123, which is not among the 5 letters');
    expect(stdout).toContain('too few to check');
    expect(stdout).toContain('`npm run cli -- letters`');
    expect(stdout).not.toMatch(/Not in the letters/);
    const few = await json(['check', 'all lies (S/2023/123)', '--json']);
    expect(few).toMatchObject({ claim: 'all lies', cites: { held: false }, verdict: null });
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
    [
      ['chart', 'mine victims', '--from', '2024', '--to', '2023'],
      '--from (2024-01-01) is after --to (2023-12-31)',
    ],
    [['ask', 'mines', '--letter', 'nope'], 'No document "nope"'],
    [['ask', 'mines', '--bogus'], 'Unknown option --bogus'],
    [['ask', 'mines', '--limt', '5'], 'Unknown option --limt: did you mean --limit?'],
    [['ask', 'mines', '--out', 'x.png'], 'ask takes no --out (it takes --json, --stdin, --limit'],
    [
      ['letters', '--limit', '1'],
      'letters takes no --limit (it takes --json, --kind, --author, --year)',
    ],
    [['frobnicate'], 'Unknown command "frobnicate" (`npm run cli -- help`'],
    [['asks', 'flood'], 'Unknown command "asks": did you mean ask?'],
    [
      ['cite', 'A/78/368', '0'],
      'Passage 0 is a heading, cited as the letter: `npm run cli -- cite A/78/368`',
    ],
    [
      ['quote', 'A/78/368', '0'],
      'Passage 0 is a heading: `npm run cli -- letter A/78/368` shows it',
    ],
    // A negative number is a value, not an option (user trial 15).
    [
      ['quote', 'A/78/368', '-1'],
      'The passage is a whole number from 1 (as `letter` numbers them) or a paragraph ("para 45"), not "-1"',
    ],
    [['ask', 'mines', '--limit', '-5'], '--limit must be a whole number from 1 to 100, not "-5"'],
    [['ask', ''], 'Ask what?'],
    [['check', ''], 'Check what?'],
    // Too few words to be a claim, and quoted nowhere as written (user trial 24).
    [['check', 'all lies'], '"all lies" is too short to check'],
  ])('%j → exit 2: %s', async (args, message) => {
    const { code, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    // One line that says what to do, not the problem above the whole usage text.
    expect(stderr.trim().split('\n')).toHaveLength(1);
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
      expect(stderr).toContain('the folder that holds the documents');
      expect(stderr).not.toMatch(/create it/);
    }
  });

  it('takes a document named by its date when one fits; when several do, names a few in one line, never every id', async () => {
    const one = await runCli(['cite', '19 September 2023', '2', '--style', 'un']);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('A/78/368-S/2023/686');
    const several = await runCli(['letter', '2021']);
    expect(several.code).toBe(2);
    expect(several.stderr.trim().split('\n')).toHaveLength(1);
    expect(several.stderr).toContain('"2021" fits 2 documents');
    const none = await runCli(['letter', 'nope']);
    expect(none.code).toBe(2);
    expect(none.stderr.trim()).toBe(
      'No document "nope": give its id or symbol (`letters` lists them)',
    );
  });

  it('ask and search --letter take a document named by its date or title words, as cite and /ask do', async () => {
    const one = await runCli(['ask', 'mine victims', '--letter', '2022', '--json']);
    expect(one.code).toBe(0);
    const answer = JSON.parse(one.stdout);
    expect(answer.results.length).toBeGreaterThan(0);
    for (const r of answer.results) expect(r.letterId).toBe(SEED.lachin);
    const several = await runCli(['search', 'mines', '--letter', '2021']);
    expect(several.code).toBe(2);
    expect(several.stderr.trim().split('\n')).toHaveLength(1);
    expect(several.stderr).toContain('"2021" fits 2 documents');
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

  it('stops quietly when the reader closes the pipe early (`| head`), with no stack trace', async () => {
    const child = startNode(BUILT.cli, ['ask', '--json', '--stdin'], { env: await env() });
    child.stdin?.end(`${'how many mine victims\n'.repeat(300)}`);
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += d;
    });
    // Read the first answer, then close the pipe, as `head -c 100` does.
    child.stdout?.once('data', () => child.stdout?.destroy());
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
    expect(stderr).toBe('');
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
  it('prints the whole usage for `help` and `--help`; `ask` without a question names --stdin', async () => {
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

  it('lines up every command with its description, and names chart’s dates', async () => {
    const { stdout } = await runCli(['help']);
    // A description starts in one column: after a command or option and two spaces or more.
    const starts = stdout
      .split('\n')
      .filter((line) => /^ {2}\S.*\S {2,}\S/.test(line) && !line.includes('   as for ask'))
      .map((line) => /^ {2}\S.*?\S {2,}(?=\S)/.exec(line)?.[0].length);
    expect(new Set(starts)).toEqual(new Set([30]));
    const chart = await runCli(['chart']);
    expect(chart.code).toBe(2);
    expect(chart.stderr).toContain('[--from DATE] [--to DATE]');
  });

  it('counts what it searched as documents, not letters, when they are not all letters', async () => {
    const speeches = path.join(ROOT, 'test/fixtures/speeches');
    const options = { env: { ...(await env()), CORPUS_DIR: speeches } };
    const { stdout } = await run(node, [cli, 'ask', 'refugees returning home'], options);
    expect(stdout).toMatch(/searched \d+ documents, 1963 – 2023\.$/m);
    // A question that names a speaker's documents searched those.
    const named = await run(node, [cli, 'ask', 'what did norway say about refugees'], options);
    expect(named.stdout).toMatch(/searched 2 documents, 1997 – 2001\.$/m);
    const child = startNode(BUILT.cli, ['ask', '--stdin'], options);
    child.stdin?.end('who won the world cup\n');
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
    });
    await new Promise((resolve) => child.on('close', resolve));
    expect(out).toMatch(/Not found: no passage in the \d+ documents, 1963 – 2023 answers/);
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
    // A file of another kind (a Word document) is refused, named, and nothing is written.
    const word = path.join(await tempDir(), 'letter.doc');
    await writeFile(word, 'Words about mines in a field.\n');
    const other = await runCli(['add', word], { CORPUS_DIR: corpus });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`${word} is a .doc file: Annex adds .pdf, .txt or .md files`);
    expect(await readdir(corpus)).toEqual([]);
  });

  it('letter and validate name a file outside the project by its own path, not by ../..', async () => {
    const corpus = await tempDir();
    await copyFile(
      path.join(CORPUS_DIR, `${SEED.lachin}.txt`),
      path.join(corpus, `${SEED.lachin}.txt`),
    );
    await writeFile(path.join(corpus, 'empty.txt'), '');
    const shown = await runCli(['letter', SEED.lachin], { CORPUS_DIR: corpus });
    expect(shown.stdout).toContain(`  File:         ${path.join(corpus, `${SEED.lachin}.txt`)}\n`);
    const checked = await runCli(['validate'], { CORPUS_DIR: corpus });
    expect(checked.code).toBe(1);
    expect(checked.stdout + checked.stderr).toContain(`${path.join(corpus, 'empty.txt')}:`);
    expect(checked.stdout + checked.stderr).not.toContain('../');
  });

  it('add: a document without a date says "date unknown"', async () => {
    const source = path.join(await tempDir(), 'note.txt');
    await writeFile(source, 'Words about mines in a field.\n\nMore words about the field.\n');
    const { code, stdout } = await runCli(['add', source], { CORPUS_DIR: await tempDir() });
    expect(code).toBe(0);
    expect(stdout).toMatch(/ · date unknown · /);
    expect(stdout).not.toMatch(/dated date/);
    // A document that is no letter is not said to have "0 annexes".
    expect(stdout).toMatch(/ · 2 passages\n/);
  });

  it('add: a relative path is read from the folder the command was typed in, which npm says in INIT_CWD (user trial 32)', async () => {
    const typedIn = await tempDir();
    await writeFile(
      path.join(typedIn, 'note.txt'),
      'Words about mines in a field.\n\nMore words about the field.\n',
    );
    const { code, stdout } = await runCli(['add', 'note.txt', '--dry-run'], {
      CORPUS_DIR: await tempDir(),
      INIT_CWD: typedIn,
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Would add note: /);
  });

  it('add --dry-run: prints the file it would write and its front matter, and writes nothing', async () => {
    const corpus = await tempDir();
    const source = path.join(await tempDir(), 'note.txt');
    await writeFile(source, 'Words about mines in a field.\n');
    const { code, stdout } = await runCli(
      ['add', source, '--dry-run', '--author', 'Norway', '--date', '2023'],
      {
        CORPUS_DIR: corpus,
      },
    );
    expect(code).toBe(0);
    expect(stdout).toContain(`Would add 2023-note: `);
    expect(stdout).toContain(
      `  would write ${path.join(corpus, '2023-note.txt')}, starting:\n    ---\n    date: 2023\n    author: Norway\n    ---\n`,
    );
    expect(stdout).toMatch(/Nothing written \(--dry-run\)/);
    expect(stdout).not.toMatch(/^Added|wrote/m);
    expect(await readdir(corpus)).toEqual([]);
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

/** The seed letters and the made-up speeches together: a corpus that is not all letters. */
async function mixedCorpus(): Promise<string> {
  const dir = await tempDir();
  for (const from of ['test/fixtures/seed-letters', 'test/fixtures/speeches']) {
    for (const file of await readdir(path.join(ROOT, from)))
      await copyFile(path.join(ROOT, from, file), path.join(dir, file));
  }
  return dir;
}

describe('cli search and cite: what /search and /cite give, in a terminal', () => {
  it('lists matching passages, each line naming its document, paged', async () => {
    const corpus = await mixedCorpus();
    const first = await runCli(['search', 'refugees', '--limit', '2'], { CORPUS_DIR: corpus });
    expect(first.code).toBe(0);
    const where = first.stdout.split('\n').filter((l) => l.trim().startsWith('— '));
    expect(where).toHaveLength(2);
    // Several speeches speak of refugees, two of them in 1997: each line says whose it is.
    const names = JSON.parse(
      (await runCli(['letters', '--json'], { CORPUS_DIR: corpus })).stdout,
    ).map((l: { symbol: string | null; title: string }) => l.symbol ?? l.title);
    for (const line of where)
      expect(
        names.some((name: string) => line.trim().startsWith(`— ${name}, `)),
        line,
      ).toBe(true);
    expect(first.stdout).toMatch(/^1–2 of \d+ .*matching passages; searched \d+ documents/m);
    const second = await runCli(['search', 'refugees', '--limit', '2', '--page', '2'], {
      CORPUS_DIR: corpus,
    });
    expect(second.stdout).toMatch(/^3\. /m);
    // A page past the last is named, with the pages there are; never an empty list.
    const past = await runCli(['search', 'refugees', '--page', '99'], { CORPUS_DIR: corpus });
    expect(past.code).toBe(2);
    expect(past.stderr).toMatch(
      /^--page 99 is past the last page: \d+ matching passages? at 5 a page fill \d+ pages?$/m,
    );
    expect(past.stdout).toBe('');
    const json = JSON.parse(
      (await runCli(['search', 'refugees', '--json'], { CORPUS_DIR: corpus })).stdout,
    );
    expect(json.results.length).toBeGreaterThan(0);
    expect(json.results.length).toBeLessThanOrEqual(5);
  });

  it('cites a document or one passage in every style, or the one asked for', async () => {
    const all = await runCli(['cite', 'A/76/930', '10']);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('UN style:');
    expect(all.stdout).toContain('OSCOLA:');
    expect(all.stdout).toContain('Bluebook:');
    expect(all.stdout).toContain('U.N. Doc. A/76/930-S/2022/642');
    const one = await runCli(['cite', SEED.lachin, '--style', 'oscola']);
    expect(one.stdout).toContain("UNGA and UNSC 'Letter dated 24 August 2022");
    expect(one.stdout).not.toContain('Bluebook:');
    const missing = await runCli(['cite', SEED.lachin, '99']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('there is no passage 99');
    const style = await runCli(['cite', SEED.lachin, '--style', 'apa']);
    expect(style.code).toBe(2);
  });
});

describe('cli letters', () => {
  it('shows each document’s date, symbol, author and title beside its id, as /letters does', async () => {
    const { stdout } = await runCli(['letters'], {
      CORPUS_DIR: path.join(ROOT, 'test/fixtures/speeches'),
    });
    expect(stdout).toContain('Statement by Norway in the general debate of the 52nd session');
    expect(stdout).toMatch(/^1997 · no symbol in text · speech by Norway · \d+ passages?$/m);
    expect(stdout).toContain('id: norway-1997');
  });

  it('lists the documents newest first, as /letters does, in text and JSON alike', async () => {
    const { stdout } = await runCli(['letters']);
    const ids = [...stdout.matchAll(/^ {3}id: (.+)$/gm)].map((m) => m[1]);
    const listed = (await json(['letters', '--json'])) as { id: string; date: string }[];
    expect(listed.map((l) => l.id)).toEqual(ids);
    const dates = listed.map((l) => l.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]).toBe('2024-04-04');
  });
});

describe('cli add: a bad option is the command line’s problem', () => {
  it('exits 2 on a --date that is no date, and adds nothing', async () => {
    const corpus = await tempDir();
    const file = path.join(await tempDir(), 'speech.txt');
    await writeFile(file, 'We call on every State to pay its contributions on time.\n');
    const { code, stderr } = await runCli(['add', file, '--date', '2020-13-01'], {
      CORPUS_DIR: corpus,
    });
    expect(code).toBe(2);
    expect(stderr).toContain('--date');
    expect(await readdir(corpus)).toEqual([]);
  });
});

describe('cli ask --json on documents that are not letters', () => {
  it('gives an unknown date as null, and no letter part to a speech’s passage', async () => {
    const documents = path.join(ROOT, 'test/fixtures/documents');
    const undated = JSON.parse(
      (
        await runCli(['ask', 'how many fishing vessels near the reef', '--json'], {
          CORPUS_DIR: documents,
        })
      ).stdout,
    );
    const vessels = undated.results.find((r: { letterId: string }) => r.letterId === 'no-metadata');
    expect(vessels).toMatchObject({ date: null, part: null });
    const speeches = JSON.parse(
      (
        await runCli(['ask', 'what did norway say about refugees in 1997', '--json'], {
          CORPUS_DIR: path.join(ROOT, 'test/fixtures/speeches'),
        })
      ).stdout,
    );
    expect(speeches.results[0]).toMatchObject({
      letterId: 'norway-1997',
      date: '1997',
      part: null,
    });
  });

  it('keeps --part letter to letters: a speech is no letter', async () => {
    const corpus = await mixedCorpus();
    const { stdout } = await runCli(
      ['ask', 'refugees', '--part', 'letter', '--json', '--limit', '10'],
      {
        CORPUS_DIR: corpus,
      },
    );
    const answer = JSON.parse(stdout);
    const shown = [...answer.results, ...answer.related];
    expect(shown.length).toBeGreaterThan(0);
    for (const r of shown) expect(r.part).toBe('letter');
    expect(shown.map((r: { letterId: string }) => r.letterId)).not.toContain('norway-1997');
  });
});

describe('cli ask: small talk and help', () => {
  it.each(['help', 'help me', '/help', '?', 'what can you do?'])(
    'answers %j with how to ask, never a search',
    async (message) => {
      const { code, stdout } = await runCli(['ask', message], {
        CORPUS_DIR: path.join(ROOT, 'test/fixtures/speeches'),
      });
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Ask me a question about the documents in your own words/);
      expect(stdout).not.toMatch(/Not found|says:/);
    },
  );
});

describe('cli: an empty corpus', () => {
  it('says there are no documents and how to add one, not that none match the filters', async () => {
    const empty = await tempDir();
    for (const args of [['ask', 'mines'], ['ask', 'mines', '--from', '2020'], ['letters']]) {
      const { code, stdout } = await runCli(args, { CORPUS_DIR: empty });
      expect(code).toBe(0);
      expect(stdout).toMatch(/no documents in the corpus/i);
      expect(stdout).toContain('npm run cli -- add');
      expect(stdout).not.toMatch(/match the filters|falls in the period/);
    }
  });
});

describe('cli: a build copied without its project folder', () => {
  it('says on stderr that it has no word vectors, and still answers', async () => {
    // dist/cli.cjs copied where no package.json is above it: the built files it reads are not found.
    const folder = await tempDir();
    await mkdir(path.join(folder, 'dist'));
    await copyFile(BUILT.cli, path.join(folder, 'dist/cli.cjs'));
    await symlink(path.join(ROOT, 'node_modules'), path.join(folder, 'node_modules'));
    const { stdout, stderr } = await run(
      node,
      [path.join(folder, 'dist/cli.cjs'), 'ask', 'mines in Lachin'],
      { env: await env() },
    );
    expect(stderr).toMatch(/no word vectors at .*vectors\.bin: .*run npm run build/);
    expect(stdout).toMatch(/Lachin/);
    // Built in place, it says nothing of the kind.
    const built = await run(node, [cli, 'ask', 'mines in Lachin'], { env: await env() });
    expect(built.stderr).not.toMatch(/word vectors/);
  });
});

describe('cli chart', () => {
  it('names each figure’s document as answers do: a document without a symbol by its title', async () => {
    const { code, stdout } = await runCli(['chart', 'mine victims']);
    expect(code).toBe(0);
    const listed = stdout.split('\n').filter((line) => /^\s+\[\d+\]/.test(line));
    expect(listed.join('\n')).toContain('A/78/368-S/2023/686, passage 2');
    expect(listed.join('\n')).toContain(
      'Letter dated 4 April 2024 from the Permanent Representative of Azerbaijan to the United Nations addressed to the Secretary-General, passage 8',
    );
    expect(stdout).not.toContain(`${SEED.awarenessDay2024}, passage`);
  });
});

describe('cli letters --kind --author --year', () => {
  it('lists only what matches, naming the filter; says so when nothing does', async () => {
    const corpus = await mixedCorpus();
    const norway = await runCli(['letters', '--kind', 'speech', '--author', 'Norway'], {
      CORPUS_DIR: corpus,
    });
    expect(norway.code).toBe(0);
    expect([...norway.stdout.matchAll(/^ {3}id: (.+)$/gm)].map((m) => m[1])).toEqual([
      'norway-2001',
      'norway-1997',
    ]);
    expect(norway.stdout).toMatch(/kind speech, author Norway: 2 of 17 documents/);
    // A kind in the plural is that kind (user trial 21: "--kind letters" was refused).
    const plural = await runCli(['letters', '--kind', 'speeches', '--author', 'Norway'], {
      CORPUS_DIR: corpus,
    });
    expect(plural.stdout).toMatch(/kind speech, author Norway: 2 of 17 documents/);
    const json = JSON.parse(
      (await runCli(['letters', '--year', '1997', '--json'], { CORPUS_DIR: corpus })).stdout,
    );
    expect(json.map((l: { id: string }) => l.id).sort()).toEqual(['norway-1997', 'sweden-1997']);
    const none = await runCli(['letters', '--year', '1850'], { CORPUS_DIR: corpus });
    expect(none.stdout).toMatch(/^No document/m);
    expect(none.stdout).toContain('npm run cli -- letters');
    const bad = await runCli(['letters', '--year', 'soon'], { CORPUS_DIR: corpus });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--year/);
  });
});

describe('cli quote (user trial 13)', () => {
  it('shows one passage whole with what /quote shows: its heading, the passages around it, its citation', async () => {
    const { letters } = await loadCorpus(CORPUS_DIR);
    const letter = documentOf({ letters }, SEED.lachin);
    const discord = renderPassage(letter, 11, SEED_INFO, { context: true, userId: '1' });
    const titles = discord.embeds.map((e) => e.title).filter(Boolean);
    const citation = /\*\*Citation:\*\* (.*)$/m.exec(discord.embeds.at(-1)?.description ?? '')?.[1];
    expect(titles).toEqual([
      'Before: passage 10 (annex)',
      'Passage 11 (annex · pp. 2–3)',
      'After: passage 12 (annex · p. 3)',
    ]);

    const { code, stdout } = await runCli(['quote', 'A/76/930', '11', 'context']);
    expect(code).toBe(0);
    const shown = stdout.split('\n');
    expect(shown.filter((line) => /^(Before: p|P|After: p)assage \d/.test(line))).toEqual(titles);
    expect(stdout).toContain(`“${letter.passages[10]?.text}”`);
    expect(shown).toContain(`   — ${citation?.replace(/\\(.)/g, '$1')}`);
    expect(shown).toContain('   https://undocs.org/en/A/76/930');

    const alone = await runCli(['quote', 'A/76/930', '11']);
    expect(alone.stdout).not.toMatch(/Before:|After:/);
    const json = JSON.parse((await runCli(['quote', 'A/76/930', '11', '--json'])).stdout);
    expect(json).toMatchObject({ letterId: SEED.lachin, passage: 11, pages: [2, 3], citation });
  });

  it('says which passages there are when the passage is not there, in one line', async () => {
    const { code, stdout, stderr } = await runCli(['quote', 'A/76/930', '99']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe('Passage 99 is not in this letter (it has passages 1 to 19).');
    expect((await runCli(['quote', 'A/76/930'])).stderr).toMatch(/^Usage: .*quote/);
  });
});
