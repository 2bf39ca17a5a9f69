import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BUILT, CORPUS_DIR, SEED, startNode, tempDir } from './helpers.ts';

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
      'sender',
      'addressee',
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
      'searched',
      'total',
      'results',
      'related',
    ]);
    expect(answer.searched).toEqual({ letters: 5, from: '2021-02-23', to: '2024-04-04' });
    expect(answer.results).toHaveLength(2);
    expect(answer.total).toBeGreaterThanOrEqual(2);
    expect(answer.related).toEqual([]);
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

describe('cli ask --json --stdin', () => {
  it('answers one question per line, in order, in one process', async () => {
    const child = startNode(cli, ['ask', '--json', '--stdin'], { env: await env() });
    const questions = ['Were mines found in Kalbajar?', 'Who won the World Cup?', '', 'Khojavend'];
    child.stdin?.end(`${questions.join('\n')}\n`);
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
    expect(answers.map((a) => a.abstained)).toEqual([false, true, true, false]);
    // An abstention offers the closest passages apart from the results, never mixed in.
    expect(answers[1].results).toEqual([]);
    expect(answers[1].related.length).toBeLessThanOrEqual(3);
  });
});
