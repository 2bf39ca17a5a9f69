/**
 * `npm run bench [-- --json] [-- --sizes 1000,10000]`: for the real corpus and seeded synthetic
 * corpora, prints index build time, index size on disk, saved-index load time, process
 * start-to-ready, query latency p50/p95/p99 over the dev questions and peak RSS — for Annex and,
 * as the baseline, a plain MiniSearch with default options; and the time to draw a /chart and
 * its PNG's size. Figures, not assertions.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildChart } from '../src/chart/chart.ts';
import { drawPng } from '../src/chart/draw.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { SearchIndex } from '../src/search/search-index.ts';
import { readArgs } from './lib/args.ts';
import { percentile } from './lib/percentile.ts';
import { sentencePool, writeSyntheticCorpus } from './lib/synthetic-corpus.ts';

const USAGE = `Usage: npm run bench [-- --json] [-- --sizes 1000,10000] [-- --keep]
       npm run bench -- --corpus DIR [--questions FILE] [--skip-plain] [--json]

Benchmarks Annex on the real corpus and on seeded synthetic corpora of the sizes given (letters),
beside a plain MiniSearch, times the CLI (through npm run, and without it) against Node's own
start-up and draws /chart on the real corpus. Prints figures. \`--sizes 0\` measures the real corpus alone.
With --corpus, benchmarks that folder instead: index build time and peak RSS, saved-index load,
start to first answer, each question asked once, one after another in one process (p50, p95,
max; then the same again), hit@1 and hit@3 on the questions' gold answers, serving RSS, beside
a plain MiniSearch on the same files.
  --corpus DIR      a folder of documents to benchmark (e.g. the UN General Debate Corpus)
  --questions FILE  the eval questions to ask (default: the eval/*-questions.json file whose
                    "corpus" is the folder's name, else eval/dev-questions.json)
  --skip-plain      with --corpus: Annex alone, without the plain MiniSearch beside it (which
                    takes minutes at 10,000 documents)
  --json            one JSON object instead of the tables
  --sizes LIST      synthetic corpus sizes, comma-separated (default 1000,10000)
  --keep            keep the generated corpora in the temporary folder for the next run
  --help            this text`;
const values = readArgs(USAGE, {
  json: { type: 'boolean', default: false },
  sizes: { type: 'string', default: '1000,10000' },
  keep: { type: 'boolean', default: false },
  corpus: { type: 'string' },
  questions: { type: 'string' },
  'skip-plain': { type: 'boolean', default: false },
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

if (values.corpus) {
  await benchCorpus(path.resolve(values.corpus));
  process.exit(0);
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
// The same call without npm: what Annex's own start costs (`npm run` loads npm first).
const bundleMs = medianMs(process.execPath, ['dist/cli.cjs', 'ask', 'mines in Lachin']);
const ratio = (ms: number) => Math.round((ms / nodeMs) * 10) / 10;
report.cli = { nodeMs, cliMs, ratio: ratio(cliMs), bundleMs, bundleRatio: ratio(bundleMs) };
log(
  `\nCLI start: \`npm run cli -- ask "mines in Lachin"\` ${cliMs} ms, \`node -e 0\` ${nodeMs} ms (medians of 11): ${(cliMs / nodeMs).toFixed(1)}×`,
);
log(
  `  without npm: \`node dist/cli.cjs ask "mines in Lachin"\` ${bundleMs} ms: ${(bundleMs / nodeMs).toFixed(1)}×`,
);

/** Draws the chart of each of `whats` on the real corpus: the first time, then warm, and the PNG's size. */
async function benchCharts(whats: readonly string[], runs = 20) {
  const index = SearchIndex.build(letters);
  const out: Record<string, unknown> = {};
  for (const what of whats) {
    const times: number[] = [];
    let bytes = 0;
    let points = 0;
    for (let i = 0; i <= runs; i++) {
      const start = performance.now();
      const chart = buildChart(index, what);
      const png = await drawPng(chart);
      times.push(performance.now() - start);
      bytes = png.length;
      points = chart.series.reduce((n, s) => n + s.points.length, 0);
    }
    const [first = 0, ...warm] = times;
    warm.sort((a, b) => a - b);
    out[what] = {
      points,
      firstMs: Math.round(first),
      p50Ms: Math.round(percentile(warm, 50)),
      maxMs: Math.round(warm.at(-1) ?? 0),
      pngKb: Math.round(bytes / 1024),
    };
  }
  return out;
}
const charts = await benchCharts(['mine victims', 'landmines']);
report.chart = charts;
log('\nChart (real corpus; read, draw with Vega, PNG with resvg; first draw loads the libraries):');
for (const [what, c] of Object.entries(charts) as [string, Record<string, number>][])
  log(
    `  ${`/chart ${what}`.padEnd(22)} ${c.points} points · first ${c.firstMs} ms · warm p50 ${c.p50Ms} ms, max ${c.maxMs} ms (20 draws) · PNG ${c.pngKb} KB`,
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

/** The eval question file made for a corpus folder: its `"corpus"` is the folder's name. */
function questionsFor(dir: string): string {
  const name = path.basename(dir);
  for (const file of readdirSync('eval')
    .filter((f) => f.endsWith('-questions.json'))
    .sort()) {
    const json = JSON.parse(readFileSync(path.join('eval', file), 'utf8')) as { corpus?: string };
    if (json.corpus === name) return path.join('eval', file);
  }
  return 'eval/dev-questions.json';
}

/** `--corpus DIR`: one folder, its questions asked one after another, beside plain MiniSearch. */
async function benchCorpus(dir: string): Promise<void> {
  const questions = values.questions ?? questionsFor(dir);
  // A folder of this run's own: other runs on the machine clear the shared one when they end.
  const cache = await mkdtemp(path.join(os.tmpdir(), 'annex-bench-corpus-'));
  const env = { BENCH_QUESTIONS: questions, BENCH_SEQUENCE: '1' };
  try {
    log(`${dir}: building Annex's index …`);
    const build = JSON.parse(run('dist/scripts/bench-run.mjs', [dir, 'annex', cache], env));
    log(`built: ${JSON.stringify(build)}`);
    log('serving from the saved index …');
    const serve = JSON.parse(run('dist/scripts/bench-serve.mjs', [dir, cache], env));
    log(`served: ${JSON.stringify(serve)}`);
    if (serve.source !== 'loaded') throw new Error(`bench: ${dir} was rebuilt instead of loaded`);
    if (!values['skip-plain']) log('plain MiniSearch on the same passages …');
    const plain = values['skip-plain']
      ? null
      : JSON.parse(
          run('dist/scripts/bench-run.mjs', [dir, 'plain', cache], { ...env, BENCH_ROUNDS: '1' }),
        );
    if (values.json) {
      console.log(JSON.stringify({ corpus: dir, questions, annex: { ...build, ...serve }, plain }));
      return;
    }
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const hits = (h: { hit1: number; hit3: number; abstained: number; unanswerable: number }) =>
      `${h.hit1.toFixed(2)} / ${h.hit3.toFixed(2)} / ${h.abstained} of ${h.unanswerable}`;
    /** The plain MiniSearch's column: empty with --skip-plain. */
    const base = (figure: (p: NonNullable<typeof plain>) => string) => (plain ? figure(plain) : '');
    log(
      `\n${dir}: ${build.letters} documents, ${build.passages} passages; ${serve.questions} questions from ${questions}`,
    );
    log(`machine: ${os.cpus().length} CPUs, Node ${process.version}`);
    log('                                  annex                      plain MiniSearch');
    const line = (label: string, annex: string, plainFigure: string) =>
      log(`  ${label.padEnd(32)}${annex.padEnd(27)}${plainFigure}`);
    line(
      'read the files',
      s(build.parseMs),
      base((p) => s(p.parseMs)),
    );
    line(
      'index build',
      s(build.buildMs),
      base((p) => s(p.buildMs)),
    );
    line(
      'read + build',
      s(build.parseMs + build.buildMs),
      base((p) => s(p.parseMs + p.buildMs)),
    );
    line(
      'peak RSS while building',
      `${build.buildPeakRssMb} MB`,
      base((p) => `${p.peakRssMb} MB (build + questions)`),
    );
    line(
      'saved index on disk',
      `${(build.indexBytes / 1e6).toFixed(0)} MB + texts ${(build.lettersBytes / 1e6).toFixed(0)} MB`,
      base((p) => `${(p.indexBytes / 1e6).toFixed(0)} MB`),
    );
    line(
      'load saved index',
      `${serve.openSavedMs} ms`,
      base((p) => `${p.loadMs} ms`),
    );
    line('process start to ready', `${serve.startToReadyMs} ms`, '—');
    line(
      'process start to first answer',
      `${serve.startToAnswerMs} ms (CPU ${serve.startToAnswerCpuMs} ms)`,
      '—',
    );
    line(
      'per question p50 / p95 / max',
      `${serve.first.p50Ms} / ${serve.first.p95Ms} / ${serve.first.maxMs} ms (CPU ${serve.first.cpuMs} ms in all)`,
      base((p) => `${p.p50Ms} / ${p.p95Ms} / ${p.maxMs} ms`),
    );
    line(
      '  the same again',
      `${serve.again.p50Ms} / ${serve.again.p95Ms} / ${serve.again.maxMs} ms`,
      '',
    );
    line(
      'hit@1 / hit@3 / abstained',
      hits(serve.first.hits),
      base((p) => hits(p.hits)),
    );
    line('peak RSS serving', `${serve.peakRssMb} MB`, '—');
  } finally {
    await rm(cache, { recursive: true, force: true });
  }
}
