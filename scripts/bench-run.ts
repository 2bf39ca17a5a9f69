/**
 * One benchmark run in its own process (so its peak RSS is its own): loads a corpus folder,
 * builds, saves and reloads the index, and times the dev questions. Prints one JSON object.
 * Used by scripts/bench.ts: `tsx scripts/bench-run.ts <corpusDir> <annex|plain> <cacheDir>`.
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { loadCorpus } from '../src/corpus/load.ts';
import { answerQuestion } from '../src/search/answer.ts';
import { openCorpus } from '../src/search/cache.ts';
import { SearchIndex } from '../src/search/search-index.ts';

const [corpusDir = 'corpus', mode = 'annex', cacheDir = '.annex-cache/bench'] =
  process.argv.slice(2);
const dev = JSON.parse(readFileSync('eval/dev-questions.json', 'utf8')) as {
  questions: { q: string }[];
  abstain: string[];
};
const questions = [...dev.questions.map((q) => q.q), ...dev.abstain];
/** Rounds over the question list, so percentiles rest on enough samples. */
const ROUNDS = 10;

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

let t = process.hrtime.bigint();
const { letters, problems } = await loadCorpus(path.resolve(corpusDir));
const parseMs = ms(t);
const passages = letters.reduce((n, l) => n + l.passages.length, 0);
await mkdir(cacheDir, { recursive: true });
const file = path.join(cacheDir, `${mode}-${letters.length}.json`);

let query: (q: string) => unknown;
let buildMs: number;
let loadMs: number;
/** Hash the corpus files, then load letters and index from the saved file (what a start does). */
let openMs = 0;
if (mode === 'plain') {
  t = process.hrtime.bigint();
  const plain = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  let id = 0;
  for (const l of letters) for (const p of l.passages) plain.add({ id: id++, text: p.text });
  buildMs = ms(t);
  await writeFile(file, JSON.stringify(plain));
  t = process.hrtime.bigint();
  const loaded = await MiniSearch.loadJSONAsync<{ id: number; text: string }>(
    readFileSync(file, 'utf8'),
    { fields: ['text'] },
  );
  loadMs = ms(t);
  query = (q) => loaded.search(q).slice(0, 5);
} else {
  t = process.hrtime.bigint();
  const built = SearchIndex.build(letters);
  buildMs = ms(t);
  await writeFile(file, JSON.stringify(built.toSaved()));
  t = process.hrtime.bigint();
  const loaded = SearchIndex.fromSaved(letters, JSON.parse(readFileSync(file, 'utf8')));
  loadMs = ms(t);
  await openCorpus(path.resolve(corpusDir), cacheDir);
  t = process.hrtime.bigint();
  const reopened = await openCorpus(path.resolve(corpusDir), cacheDir);
  openMs = ms(t);
  if (reopened.source !== 'loaded') throw new Error('bench: the saved corpus was not reused');
  query = (q) => answerQuestion(loaded, q, { limit: 5 });
}

for (const q of questions) query(q);
const latencies: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const q of questions) {
    const start = process.hrtime.bigint();
    query(q);
    latencies.push(ms(start));
  }
}
latencies.sort((a, b) => a - b);
const round2 = (x: number) => Math.round(x * 100) / 100;
console.log(
  JSON.stringify({
    mode,
    letters: letters.length,
    passages,
    problems: problems.length,
    parseMs: round2(parseMs),
    buildMs: round2(buildMs),
    indexBytes: statSync(file).size,
    loadMs: round2(loadMs),
    openSavedMs: round2(openMs),
    queries: latencies.length,
    p50Ms: round2(percentile(latencies, 50)),
    p95Ms: round2(percentile(latencies, 95)),
    p99Ms: round2(percentile(latencies, 99)),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
