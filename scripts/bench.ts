/**
 * `npm run bench [-- --json] [-- --sizes 1000,10000]`: for the real corpus and seeded synthetic
 * corpora, prints index build time, index size on disk, saved-index load time, process
 * start-to-ready, query latency p50/p95/p99 over the dev questions and peak RSS — for Annex and,
 * as the baseline, a plain MiniSearch with default options. Figures, not assertions.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../src/corpus/load.ts';
import { readArgs } from './lib/args.ts';
import { percentile } from './lib/percentile.ts';
import { sentencePool, writeSyntheticCorpus } from './lib/synthetic-corpus.ts';

const USAGE = `Usage: npm run bench [-- --json] [-- --sizes 1000,10000] [-- --keep]

Benchmarks Annex on the real corpus and on seeded synthetic corpora of the sizes given (letters),
beside a plain MiniSearch, and times the CLI against Node's own start-up. Prints figures.
  --json        one JSON object instead of the tables
  --sizes LIST  synthetic corpus sizes, comma-separated (default 1000,10000)
  --keep        keep the generated corpora in the temporary folder for the next run
  --help        this text`;
const values = readArgs(USAGE, {
  json: { type: 'boolean', default: false },
  sizes: { type: 'string', default: '1000,10000' },
  keep: { type: 'boolean', default: false },
});
const sizes = values.sizes
  .split(',')
  .map(Number)
  .filter((n) => n > 0);

const work = path.join(os.tmpdir(), 'annex-bench');
const log = (line: string) => {
  if (!values.json) console.log(line);
};

function run(script: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, [script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1 << 24,
  }).trim();
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

/** Median wall time of `command args` over `runs` runs, in ms (after one run not counted). */
function medianMs(command: string, args: string[], runs = 11): number {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const start = process.hrtime.bigint();
    execFileSync(command, args, { stdio: 'ignore' });
    if (i > 0) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return Math.round(
    percentile(
      times.sort((a, b) => a - b),
      50,
    ),
  );
}
const nodeMs = medianMs(process.execPath, ['-e', '0']);
const cliMs = medianMs('npm', ['run', 'cli', '--', 'ask', 'mines in Lachin']);
report.cli = { nodeMs, cliMs, ratio: Math.round((cliMs / nodeMs) * 10) / 10 };
log(
  `\nCLI start: \`npm run cli -- ask "mines in Lachin"\` ${cliMs} ms, \`node -e 0\` ${nodeMs} ms (medians of 11): ${(cliMs / nodeMs).toFixed(1)}×`,
);

try {
  for (const { name, dir } of corpora) {
    const cache = path.join(work, 'cache', name);
    await rm(cache, { recursive: true, force: true });
    const build = JSON.parse(run('dist/scripts/bench-run.mjs', [dir, 'annex', cache]));
    const serve = JSON.parse(run('dist/scripts/bench-serve.mjs', [dir, cache]));
    if (serve.source !== 'loaded') throw new Error(`bench: ${name} was rebuilt instead of loaded`);
    const plain = JSON.parse(
      run('dist/scripts/bench-run.mjs', [dir, 'plain', cache], {
        BENCH_ROUNDS: plainRounds(build.passages),
      }),
    );
    const ratio = Math.round((plain.p95Ms / Math.max(serve.p95Ms, 0.01)) * 10) / 10;
    report[name] = { annex: { ...build, ...serve }, plain, plainOverAnnexP95: ratio };
    const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
    log(`\n${name}: ${build.letters} letters, ${build.passages} passages`);
    log('                            annex          plain MiniSearch');
    const line = (label: string, annex: string, base: string) =>
      log(`  ${label.padEnd(26)}${annex.padEnd(15)}${base}`);
    line('parse letters', `${build.parseMs} ms`, `${plain.parseMs} ms`);
    line('index build', `${build.buildMs} ms`, `${plain.buildMs} ms`);
    line('index + letter metadata', mb(build.indexBytes), mb(plain.indexBytes));
    line('letter texts on disk', mb(build.lettersBytes), '—');
    line('peak RSS while building', `${build.buildPeakRssMb} MB`, '—');
    line('load saved index+letters', `${serve.openSavedMs} ms`, `${plain.loadMs} ms (index only)`);
    line('process start-to-ready', `${serve.startToReadyMs} ms`, '—');
    line('process start-to-answer', `${serve.startToAnswerMs} ms`, '—');
    line('query p50', `${serve.p50Ms} ms`, `${plain.p50Ms} ms`);
    line('query p95', `${serve.p95Ms} ms`, `${plain.p95Ms} ms`);
    line('query p99', `${serve.p99Ms} ms`, `${plain.p99Ms} ms`);
    line('query p95, first 69 asked', `${serve.coldP95Ms} ms`, '—');
    line('peak RSS serving', `${serve.peakRssMb} MB`, `${plain.peakRssMb} MB (build+serve)`);
    line('p95 plain / annex', `${ratio}×`, '');
  }
  if (values.json) console.log(JSON.stringify(report));
} finally {
  // The generated corpora and saved indexes take hundreds of MB: gone unless --keep.
  if (!values.keep) await rm(work, { recursive: true, force: true });
}

/** Plain MiniSearch takes about a second per question at 10,000 letters: fewer rounds there. */
function plainRounds(passages: number): string {
  return passages > 100_000 ? '1' : passages > 10_000 ? '3' : '10';
}
