/**
 * The building half of a benchmark, in its own process (so its peak RSS is its own).
 * `node dist/scripts/bench-run.mjs <corpusDir> annex <cacheDir>`: parse, build and save Annex's index.
 * `node dist/scripts/bench-run.mjs <corpusDir> plain <cacheDir>`: the baseline, a plain MiniSearch with
 * default options: build, save, load, and time the dev questions. Prints one JSON object.
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { loadCorpus } from '../src/corpus/load.ts';
import { corpusKey, saveCorpus } from '../src/search/cache.ts';
import { SearchIndex } from '../src/search/search-index.ts';
import { goldRank, hitFigures, readBenchQuestions } from './lib/bench-questions.ts';
import { percentile } from './lib/percentile.ts';

const [corpusDir = 'corpus', mode = 'annex', cacheDir = '.annex-cache/bench'] =
  process.argv.slice(2);
/** The question file (`BENCH_QUESTIONS`, default the dev questions). */
const asked = readBenchQuestions(process.env.BENCH_QUESTIONS ?? 'eval/dev-questions.json');
const questions = asked.map((q) => q.q);
const ms = (start: bigint) =>
  Math.round((Number(process.hrtime.bigint() - start) / 1e6) * 100) / 100;
const rss = () => Math.round(process.resourceUsage().maxRSS / 1024);

let t = process.hrtime.bigint();
const corpus = await loadCorpus(path.resolve(corpusDir));
const parseMs = ms(t);
const passages = corpus.letters.reduce((n, l) => n + l.passages.length, 0);
await mkdir(cacheDir, { recursive: true });

if (mode === 'annex') {
  t = process.hrtime.bigint();
  const index = SearchIndex.build(corpus.letters);
  const buildMs = ms(t);
  const folder = await saveCorpus(
    cacheDir,
    await corpusKey(path.resolve(corpusDir), cacheDir),
    corpus,
    index,
  );
  if (!folder) throw new Error('bench: could not save the index');
  const sizes = Object.fromEntries(
    (await readdir(folder)).map((f) => [f, statSync(path.join(folder, f)).size]),
  );
  console.log(
    JSON.stringify({
      mode,
      letters: corpus.letters.length,
      passages,
      parseMs,
      buildMs,
      indexBytes:
        (sizes['meta.json'] ?? 0) + (sizes['arrays.bin'] ?? 0) + (sizes['minisearch.json'] ?? 0),
      lettersBytes: sizes['texts.bin'] ?? 0,
      buildPeakRssMb: rss(),
    }),
  );
} else {
  const file = path.join(cacheDir, `plain-${corpus.letters.length}.json`);
  t = process.hrtime.bigint();
  const plain = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  let id = 0;
  const texts: string[] = [];
  for (const l of corpus.letters) {
    for (const p of l.passages) {
      texts.push(p.text);
      plain.add({ id: id++, text: p.text });
    }
  }
  const buildMs = ms(t);
  await writeFile(file, JSON.stringify(plain));
  t = process.hrtime.bigint();
  const loaded = MiniSearch.loadJSON<{ id: number; text: string }>(readFileSync(file, 'utf8'), {
    fields: ['text'],
  });
  const loadMs = ms(t);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
  const latencies: number[] = [];
  // MiniSearch never abstains: a question it finds nothing for is its only "abstention".
  const found = questions.map((q) => loaded.search(q).slice(0, 3));
  const hits = hitFigures(
    asked,
    found.map((results, i) =>
      goldRank(
        results.map((r) => texts[r.id as number] ?? ''),
        asked[i]?.gold ?? [],
      ),
    ),
    found.map((results) => results.length === 0),
  );
  for (let round = 0; round < rounds; round++) {
    for (const q of questions) {
      const start = process.hrtime.bigint();
      loaded.search(q).slice(0, 5);
      latencies.push(ms(start));
    }
  }
  latencies.sort((a, b) => a - b);
  const at = (p: number) => percentile(latencies, p);
  console.log(
    JSON.stringify({
      mode,
      letters: corpus.letters.length,
      passages,
      parseMs,
      buildMs,
      indexBytes: statSync(file).size,
      loadMs,
      queries: latencies.length,
      p50Ms: at(50),
      p95Ms: at(95),
      p99Ms: at(99),
      maxMs: latencies.at(-1) ?? 0,
      hits,
      peakRssMb: rss(),
    }),
  );
}
