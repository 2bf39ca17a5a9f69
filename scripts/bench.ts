/**
 * `npm run bench [-- --json] [-- --sizes 1000,10000]`: for the real corpus and seeded synthetic
 * corpora, prints index build time, index size on disk, saved-index load time, process
 * start-to-ready, query latency p50/p95/p99 over the dev questions and peak RSS — for Annex and,
 * as the baseline, a plain MiniSearch with default options. Figures, not assertions.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/corpus/load.ts';
import { sentencePool, writeSyntheticCorpus } from './lib/synthetic-corpus.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '1000,10000' },
  },
});
const sizes = values.sizes
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const tsx = path.resolve('node_modules/.bin/tsx');
const work = path.join(os.tmpdir(), 'annex-bench');
const log = (line: string) => {
  if (!values.json) console.log(line);
};

function run(script: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync(tsx, [script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1 << 24,
  }).trim();
}

/** Start-to-ready of the CLI as a user meets it: a fresh process answering one question from the saved index. */
function startToReady(corpusDir: string, cacheDir: string): number {
  const env = { CORPUS_DIR: corpusDir, INDEX_CACHE_DIR: cacheDir };
  run('src/cli.ts', ['ask', '--json', 'mine victims'], env);
  const start = process.hrtime.bigint();
  run('src/cli.ts', ['ask', '--json', 'mine victims'], env);
  return Math.round(Number(process.hrtime.bigint() - start) / 1e6);
}

const { letters } = await loadCorpus(path.resolve('corpus'));
const pool = sentencePool(letters);
const corpora: { name: string; dir: string }[] = [{ name: 'real', dir: path.resolve('corpus') }];
for (const size of sizes) {
  const dir = path.join(work, `synthetic-${size}`);
  if (!existsSync(path.join(dir, `synthetic-${String(size - 1).padStart(5, '0')}.txt`))) {
    log(`generating ${size} synthetic letters in ${dir} …`);
    await writeSyntheticCorpus(dir, size, pool);
  }
  corpora.push({ name: `synthetic-${size}`, dir });
}

const report: Record<string, unknown> = {
  machine: { cpus: os.cpus().length, node: process.version },
};
for (const { name, dir } of corpora) {
  const cache = path.join(work, 'cache', name);
  const annex = JSON.parse(run('scripts/bench-run.ts', [dir, 'annex', cache]));
  const plain = JSON.parse(run('scripts/bench-run.ts', [dir, 'plain', cache]));
  const ready = startToReady(dir, path.join(cache, 'cli'));
  const ratio = (key: string) => Math.round((plain[key] / Math.max(annex[key], 0.01)) * 10) / 10;
  report[name] = {
    annex: { ...annex, startToReadyMs: ready },
    plain,
    plainOverAnnexP95: ratio('p95Ms'),
  };
  log(`\n${name}: ${annex.letters} letters, ${annex.passages} passages`);
  log('                     annex      plain MiniSearch');
  for (const [label, key, unit] of [
    ['parse corpus', 'parseMs', 'ms'],
    ['index build', 'buildMs', 'ms'],
    ['index on disk', 'indexBytes', 'MB'],
    ['load saved index', 'loadMs', 'ms'],
    ['open saved corpus', 'openSavedMs', 'ms'],
    ['query p50', 'p50Ms', 'ms'],
    ['query p95', 'p95Ms', 'ms'],
    ['query p99', 'p99Ms', 'ms'],
    ['peak RSS', 'peakRssMb', 'MB'],
  ] as const) {
    const show = (v: number) =>
      unit === 'MB' && key === 'indexBytes' ? (v / 1e6).toFixed(1) : String(v);
    log(
      `  ${label.padEnd(18)} ${`${show(annex[key])} ${unit}`.padEnd(10)} ${show(plain[key])} ${unit}`,
    );
  }
  log(`  start-to-ready     ${ready} ms (CLI, fresh process, saved index)`);
  log(`  p95 plain/annex    ${ratio('p95Ms')}×`);
}
if (values.json) console.log(JSON.stringify(report));
