/**
 * The serving half of a benchmark, in a fresh process: open the saved corpus (as `npm start`
 * does), answer the dev questions, and print start-to-ready, latencies and peak RSS as JSON.
 * `node dist/scripts/bench-serve.mjs <corpusDir> <cacheDir>` (the cache must hold this corpus).
 */
import path from 'node:path';
import { answerQuestion } from '../src/search/answer.ts';
import { openCorpus } from '../src/search/cache.ts';
import { prepareToServe, warmUp } from '../src/search/warm.ts';
import { goldRank, hitFigures, readBenchQuestions } from './lib/bench-questions.ts';
import { percentile } from './lib/percentile.ts';

const [corpusDir = 'corpus', cacheDir = '.annex-cache'] = process.argv.slice(2);
/** The question file (`BENCH_QUESTIONS`, default the dev questions). */
const asked = readBenchQuestions(process.env.BENCH_QUESTIONS ?? 'eval/dev-questions.json');
const questions = asked.map((q) => q.q);
/**
 * `BENCH_SEQUENCE=1` (`npm run bench -- --corpus`): each question asked once, one after another,
 * from start (as users would), then the same again; no warm-up rounds.
 */
const SEQUENCE = process.env.BENCH_SEQUENCE === '1';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
/**
 * Questions answered before the timed rounds, so that the figures are a warm server's: V8 goes
 * on compiling Annex's larger functions for the first thousand or so questions after start, and
 * on this 2-core machine that compiling slows the questions it overlaps. The first rounds are
 * timed too, and reported apart ("cold").
 */
const WARMUP_QUESTIONS = 2_000;
const COLD_ROUNDS = 3;

const t0 = process.hrtime.bigint();
// As `npm start` and `npm run serve` do: WordNet and the word vectors read while the index is.
const { index, source } = await openCorpus(path.resolve(corpusDir), cacheDir, {
  whileReading: prepareToServe,
});
const openMs = Number(process.hrtime.bigint() - t0) / 1e6;
// As `npm start` and `npm run serve` do before they take questions.
warmUp(index);
const readyMs = process.uptime() * 1000;
answerQuestion(index, questions[0] ?? 'mines', { limit: 5 });
const answerMs = process.uptime() * 1000;
/**
 * CPU time (user + system, every thread of the process) from start to the first answer: on this
 * machine's 2 shared cores the wall-clock figures move with the others' load, this much less.
 */
const answerCpuMs = cpuMs();
/** The process's CPU time so far, in ms. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
/** Answers every question `rounds` times; each answer's time in ms, ascending. */
function timeRounds(rounds: number): number[] {
  const ms: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of questions) {
      const start = process.hrtime.bigint();
      answerQuestion(index, q, { limit: 5 });
      ms.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return ms.sort((a, b) => a - b);
}
if (SEQUENCE) {
  const pass = () => {
    const ms: number[] = [];
    const ranks: number[] = [];
    const abstained: boolean[] = [];
    const cpuBefore = cpuMs();
    for (const q of questions) {
      const start = process.hrtime.bigint();
      const answer = answerQuestion(index, q, { limit: 3 });
      ms.push(Number(process.hrtime.bigint() - start) / 1e6);
      ranks.push(
        goldRank(
          answer.results.map((r) => r.text),
          asked[ranks.length]?.gold ?? [],
        ),
      );
      abstained.push(answer.abstained);
    }
    const sorted = [...ms].sort((a, b) => a - b);
    return {
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      maxMs: Math.round((sorted.at(-1) ?? 0) * 100) / 100,
      /** The pass's CPU time (all threads), in ms. */
      cpuMs: Math.round(cpuMs() - cpuBefore),
      hits: hitFigures(asked, ranks, abstained),
    };
  };
  const first = pass();
  const again = pass();
  console.log(
    JSON.stringify({
      source,
      letters: index.letters.length,
      passages: index.passageCount,
      openSavedMs: Math.round(openMs),
      startToReadyMs: Math.round(readyMs),
      startToAnswerMs: Math.round(answerMs),
      startToAnswerCpuMs: Math.round(answerCpuMs),
      questions: questions.length,
      first,
      again,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1e6),
    }),
  );
  process.exit(0);
}
const cold = timeRounds(COLD_ROUNDS);
const warmupRounds = Math.ceil(WARMUP_QUESTIONS / Math.max(questions.length, 1));
timeRounds(warmupRounds);
const latencies = timeRounds(ROUNDS);
const at = (p: number) => percentile(latencies, p);
console.log(
  JSON.stringify({
    source,
    letters: index.letters.length,
    passages: index.passageCount,
    openSavedMs: Math.round(openMs),
    startToReadyMs: Math.round(readyMs),
    startToAnswerMs: Math.round(answerMs),
    queries: latencies.length,
    warmupQueries: (COLD_ROUNDS + warmupRounds) * questions.length,
    coldP95Ms: percentile(cold, 95),
    p50Ms: at(50),
    p95Ms: at(95),
    p99Ms: at(99),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1e6),
  }),
);
