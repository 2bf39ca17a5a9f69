/**
 * Fits Annex's model (`src/search/model.json`) to the tuning part of the labelled questions in
 * `eval/`: a listwise ranker over the candidate features, then a logistic model of whether the
 * best passage answers, and the threshold it answers from. The held-out parts and the files held
 * out whole are never read here.
 *
 * Cross-validated by leaving one letter out: the questions answered by one letter (and the
 * unanswerable questions of its file, or a share of the corpus's) are scored by a model fitted
 * without them. The ranker's penalty is chosen on that; the decision model is fitted on the
 * out-of-fold decision features, and the threshold on its own out-of-fold probabilities.
 */
import { writeFileSync } from 'node:fs';
import { readArgs } from './lib/args.ts';
import { fitLogistic, fitRanker, type RankingGroup } from './lib/fitting.ts';
import { answers, Indexes, type Question, QUESTION_FILES, readQuestions } from './lib/questions.ts';
import { parseCoreConfig } from '../src/config.ts';
import { openCorpus } from '../src/search/cache.ts';
import { DECISION_FEATURES, decisionRow, SHOWN, veto } from '../src/search/decide.ts';
import { FEATURE_NAMES } from '../src/search/features.ts';
import {
  BM25_SATURATION_MAX,
  type Linear,
  sigmoid,
  scorer,
  tryWeights,
  type Weights,
  WEIGHTS,
} from '../src/search/model.ts';
import { prepare, type Prepared, rankCandidates } from '../src/search/rank.ts';

const USAGE = `Usage: npm run fit [-- --dry-run] [-- --misses]

Fits src/search/model.json to the tuning part of the questions in eval/.
  --dry-run  print the cross-validated figures, write nothing
  --misses   also print the out-of-fold decisions that went wrong, worst first
  --penalty P  fit the ranker with this L2 penalty only, instead of choosing among several
  --tune W   first search the weights W (model.json's "weights", by name, comma-separated, or
             "all") for the best out-of-fold MRR, one at a time; without it, they are kept
  --dump F   write the out-of-fold decision rows and labels to F (JSON), for study
  --ungdc D  also fit to the General Debate tuning questions (eval/ungdc-tuning*.json,
             eval/ungdc-trials-questions.json), asked of the corpus in folder D (the UN General
             Debate Corpus with front matter; its saved index is kept in INDEX_CACHE_DIR): what
             questions look like among 10,000 speeches
  --help     this text`;

const values = readArgs(USAGE, {
  'dry-run': { type: 'boolean', default: false },
  misses: { type: 'boolean', default: false },
  dump: { type: 'string' },
  penalty: { type: 'string' },
  tune: { type: 'string' },
  ungdc: { type: 'string' },
});

/** The General Debate tuning files, fitted to with `--ungdc`. */
const UNGDC_FILES = [
  'eval/ungdc-tuning-questions.json',
  'eval/ungdc-tuning-2-questions.json',
  'eval/ungdc-trials-questions.json',
];

/** The ranker's L2 penalties tried; the one with the best out-of-fold MRR is kept. */
const RANKER_PENALTIES = [0.001, 0.01, 0.1];
/** The thresholds tried: 0.10, 0.15, … 0.80. */
const THRESHOLD_STEPS = 15;
/** The passage model's L2 penalty. */
const PASSAGE_PENALTY = 0.001;
/** The decision model's L2 penalty. */
const DECISION_PENALTY = 0.01;
/** `--tune` tries each weight this many times smaller and larger… */
const TUNE_STEP = 0.7;
/** …within these bounds (a share of the word typed; BM25's k1 up to the most a model may set)… */
const tuneBounds = (key: keyof Weights): readonly [number, number] =>
  key === 'bm25Saturation' ? [0.1, BM25_SATURATION_MAX] : [0.05, 0.95];
/** …and keeps a change that raises the out-of-fold MRR by more than this. */
const TUNE_GAIN = 0.0005;

interface Example {
  question: Question;
  /** The fold: the letter that answers it, or for an unanswerable one, a letter of its corpus. */
  group: string;
  prepared: Prepared;
  labels: boolean[];
}

const config = parseCoreConfig(process.env);
let indexes = new Indexes(config.corpusDir);
const questions = readQuestions(QUESTION_FILES).filter((x) => x.part === 'tuned');
/** With `--ungdc`, the General Debate's saved index and its tuning questions. */
const ungdc = values.ungdc
  ? {
      index: (await openCorpus(values.ungdc, config.indexCacheDir)).index,
      questions: readQuestions(UNGDC_FILES).filter((x) => x.part === 'tuned'),
    }
  : null;

/** The tuning questions' candidates and features under the weights in force, and their labels. */
async function prepareExamples(): Promise<Example[]> {
  const prepared: Example[] = [];
  let unanswerableSeen = 0;
  for (const question of questions) {
    const { index, letters } = await indexes.of(question.letters);
    const set = prepare(index, question.q, {});
    const labels = set.set.candidates.map((c) => answers(c.entry.passage.text, question.gold));
    let group: string;
    if (question.gold.length > 0) {
      const answering = letters.find((l) => l.passages.some((p) => answers(p.text, question.gold)));
      group = answering?.id ?? question.file;
    } else {
      const own =
        question.letters.length > 0 ? letters.at(-1) : letters[unanswerableSeen++ % letters.length];
      group = own?.id ?? question.file;
    }
    prepared.push({ question, group, prepared: set, labels });
  }
  // Among 10,952 speeches, a question's fold is the speech of its first answering candidate
  // (reading every passage for it would take minutes), an unanswerable one's its file.
  for (const question of ungdc?.questions ?? []) {
    if (!ungdc) break;
    const set = prepare(ungdc.index, question.q, {});
    const labels = set.set.candidates.map((c) => answers(c.entry.passage.text, question.gold));
    const answering = set.set.candidates.find((_, k) => labels[k]);
    const group = `ungdc:${answering?.entry.letter.id ?? question.file}`;
    prepared.push({ question, group, prepared: set, labels });
  }
  return prepared;
}
let examples = await prepareExamples();
const groups = [...new Set(examples.map((e) => e.group))];
let answerable = examples.filter((e) => e.question.gold.length > 0);
/** Prepares the examples again, under the weights now in force. */
async function reprepare(): Promise<void> {
  // Built again: BM25's weights are read when an index is built.
  indexes = new Indexes(config.corpusDir);
  examples = await prepareExamples();
  answerable = examples.filter((e) => e.question.gold.length > 0);
}
console.log(
  `${examples.length} tuning questions (${answerable.length} answerable, ${examples.length - answerable.length} not), ${groups.length} letters as folds`,
);
const recall = answerable.filter((e) => e.labels.some((l) => l)).length / answerable.length;
console.log(
  `first stage: an answering passage among the candidates for ${(100 * recall).toFixed(1)}%`,
);

const rankingGroup = (e: Example): RankingGroup => ({ rows: e.prepared.rows, labels: e.labels });
if (process.env.ANNEX_DUMP_CANDIDATES)
  writeFileSync(
    process.env.ANNEX_DUMP_CANDIDATES,
    JSON.stringify({
      names: FEATURE_NAMES,
      questions: examples.map((e) => ({
        file: e.question.file,
        group: e.group,
        answerable: e.question.gold.length > 0,
        rows: e.prepared.rows.map((r) => [...r].map((v) => +v.toFixed(4))),
        labels: e.labels,
      })),
    }),
  );

/** Where the first answering passage ranks (1-based), 0 when none does. */
function rankOf(e: Example, ranker: Linear): number {
  const ranked = rankCandidates(e.prepared, ranker);
  return ranked.findIndex((r) => e.labels[e.prepared.set.candidates.indexOf(r.candidate)]) + 1;
}

/** The pointwise passage model: whether each candidate answers, over every question's candidates. */
function fitPassage(of: readonly Example[]): Linear {
  return fitLogistic(
    of.flatMap((e) => e.prepared.rows),
    of.flatMap((e) => e.labels),
    FEATURE_NAMES,
    PASSAGE_PENALTY,
  );
}

/** Out-of-fold: each fold scored by a ranker fitted on the others. */
function outOfFold(lambda: number) {
  const rows: { e: Example; rank: number; decision: Float64Array; vetoed: boolean }[] = [];
  for (const g of groups) {
    const others = examples.filter((e) => e.group !== g);
    const train = others.filter((e) => e.question.gold.length > 0);
    const ranker = fitRanker(train.map(rankingGroup), FEATURE_NAMES, lambda);
    const passage = fitPassage(others);
    for (const e of examples.filter((x) => x.group === g)) {
      const ranked = rankCandidates(e.prepared, ranker);
      const rank =
        ranked.findIndex((r) => e.labels[e.prepared.set.candidates.indexOf(r.candidate)]) + 1;
      rows.push({
        e,
        rank,
        decision: decisionRow(e.prepared, ranked, passage),
        vetoed: veto(e.prepared, ranked) !== null,
      });
    }
  }
  return rows;
}

const share = (n: number, of: number) => (of === 0 ? 0 : n / of);

/** The out-of-fold MRR of the ranker fitted with `lambda` on the examples as prepared. */
function outOfFoldMrr(lambda: number): number {
  let sum = 0;
  for (const g of groups) {
    const train = examples.filter((e) => e.group !== g && e.question.gold.length > 0);
    const ranker = fitRanker(train.map(rankingGroup), FEATURE_NAMES, lambda);
    for (const e of answerable.filter((x) => x.group === g)) {
      const rank = rankOf(e, ranker);
      sum += rank > 0 ? 1 / rank : 0;
    }
  }
  return sum / answerable.length;
}

if (values.tune !== undefined) {
  // One weight at a time, smaller then larger, each change kept when the out-of-fold MRR rises.
  const lambda = Number(values.penalty ?? RANKER_PENALTIES[1]);
  let score = outOfFoldMrr(lambda);
  console.log(`\nweights, out-of-fold MRR at penalty ${lambda}: ${score.toFixed(4)} as they are`);
  const names = Object.keys(WEIGHTS) as (keyof Weights)[];
  const asked = values.tune === 'all' ? names : values.tune.split(',');
  const unknown = asked.filter((k) => !(names as string[]).includes(k));
  if (unknown.length > 0)
    throw new Error(`--tune: no weight ${unknown.join(', ')}; the weights are ${names.join(', ')}`);
  for (const key of asked as (keyof Weights)[]) {
    const kept = { ...WEIGHTS };
    for (const factor of [TUNE_STEP, 1 / TUNE_STEP]) {
      const [low, high] = tuneBounds(key);
      const value = +Math.min(high, Math.max(low, kept[key] * factor)).toFixed(3);
      if (value === kept[key]) continue;
      tryWeights({ ...kept, [key]: value });
      await reprepare();
      const trial = outOfFoldMrr(lambda);
      const better = trial > score + TUNE_GAIN;
      console.log(`  ${key} ${kept[key]} → ${value}: ${trial.toFixed(4)}${better ? ' kept' : ''}`);
      if (better) {
        score = trial;
        break;
      }
      tryWeights(kept);
    }
  }
  await reprepare();
  console.log(`weights: ${JSON.stringify(WEIGHTS)}`);
}

let best: { lambda: number; mrr: number; rows: ReturnType<typeof outOfFold> } | null = null;
console.log('\nranker, leave one letter out (answerable questions):');
console.log('  penalty   hit@1   hit@3     MRR');
for (const lambda of values.penalty ? [Number(values.penalty)] : RANKER_PENALTIES) {
  const rows = outOfFold(lambda);
  const ranks = rows.filter((r) => r.e.question.gold.length > 0).map((r) => r.rank);
  const mrr = ranks.reduce((s, r) => s + (r > 0 ? 1 / r : 0), 0) / ranks.length;
  const at = (k: number) => share(ranks.filter((r) => r > 0 && r <= k).length, ranks.length);
  console.log(
    `  ${String(lambda).padEnd(8)}${at(1).toFixed(3).padStart(8)}${at(3).toFixed(3).padStart(8)}${mrr.toFixed(3).padStart(8)}`,
  );
  if (!best || mrr > best.mrr) best = { lambda, mrr, rows };
}
if (!best) throw new Error('no fold to fit');

// The decision: whether the best passages answer (an answering passage among those shown) or
// the question is one the letters do not answer. Answerable questions whose answer the ranker
// did not show are left out: no decision makes them right.
const decisionData = best.rows.filter(
  (r) => !r.vetoed && (r.e.question.gold.length === 0 || (r.rank >= 1 && r.rank <= SHOWN)),
);
const decisionLabel = (r: (typeof decisionData)[number]) => r.e.question.gold.length > 0;
const probabilities = new Map<(typeof decisionData)[number], number>();
for (const g of groups) {
  const train = decisionData.filter((r) => r.e.group !== g);
  const model = fitLogistic(
    train.map((r) => r.decision),
    train.map(decisionLabel),
    DECISION_FEATURES,
    DECISION_PENALTY,
  );
  const score = scorer(model, DECISION_FEATURES);
  for (const r of decisionData.filter((x) => x.e.group === g))
    probabilities.set(r, sigmoid(score(r.decision)));
}
if (values.dump)
  writeFileSync(
    values.dump,
    JSON.stringify({
      names: DECISION_FEATURES,
      rows: best.rows.map((r) => ({
        q: r.e.question.q,
        file: r.e.question.file,
        group: r.e.group,
        answerable: r.e.question.gold.length > 0,
        rank: r.rank,
        x: [...r.decision],
        p: probabilities.get(r as (typeof decisionData)[number]) ?? null,
      })),
    }),
  );
// The threshold: the most questions served well, answerable ones answered with an answering passage
// shown plus unanswerable ones abstained on.
const answerableRows = best.rows.filter((r) => r.e.question.gold.length > 0);
const unanswerableRows = best.rows.filter((r) => r.e.question.gold.length === 0);
const curve = Array.from(
  { length: THRESHOLD_STEPS },
  (_, i) => Math.round(20 * (0.1 + i * 0.05)) / 20,
).map((t) => {
  const answered = (r: (typeof best.rows)[number]) => (probabilities.get(r) ?? 0) >= t;
  const hit1 = answerableRows.filter((r) => r.rank === 1 && answered(r)).length;
  const hit3 = answerableRows.filter((r) => r.rank >= 1 && r.rank <= SHOWN && answered(r)).length;
  const abstained = unanswerableRows.filter((r) => !answered(r)).length;
  return {
    t,
    hit1: share(hit1, answerableRows.length),
    hit3: share(hit3, answerableRows.length),
    abstained: share(abstained, unanswerableRows.length),
    // Each question counts once: answered with an answering passage shown, or rightly abstained on.
    utility: hit3 + abstained,
  };
});
console.log(
  '\ndecision, out of fold (threshold: hit@1 and hit@3 answered, unanswerable abstained):',
);
for (const c of curve)
  console.log(
    `  ${c.t.toFixed(2)}  hit@1 ${c.hit1.toFixed(3)}  hit@3 ${c.hit3.toFixed(3)}  abstained ${c.abstained.toFixed(3)}`,
  );
// The best; of equals, the lowest, which answers the most.
const chosen = curve.reduce((a, b) => (b.utility > a.utility ? b : a));
console.log(`threshold ${chosen.t}`);
if (values.misses) {
  const wrong = [...probabilities]
    .filter(([r, p]) => p >= chosen.t !== decisionLabel(r))
    .sort((a, b) => Math.abs(b[1] - chosen.t) - Math.abs(a[1] - chosen.t));
  for (const [r, p] of wrong)
    console.log(
      `${decisionLabel(r) ? 'ABSTAINED' : 'ANSWERED '} ${p.toFixed(2)} [${r.e.question.file}] ${r.e.question.q}\n    ${DECISION_FEATURES.map((n, i) => `${n}=${+(r.decision[i] ?? 0).toFixed(2)}`).join(' ')}`,
    );
}

const ranker = fitRanker(answerable.map(rankingGroup), FEATURE_NAMES, best.lambda);
const passageModel = fitPassage(examples);
const answersModel = fitLogistic(
  decisionData.map((r) => r.decision),
  decisionData.map(decisionLabel),
  DECISION_FEATURES,
  DECISION_PENALTY,
);
const inSample = answerable.map((e) => rankOf(e, ranker));
const describe = (m: Linear) =>
  m.features
    .map((f, i) => [f, m.weights[i] ?? 0] as const)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .map(([f, w]) => `${f} ${w >= 0 ? '+' : ''}${w.toFixed(2)}`)
    .join(', ');
console.log(`\nranker weights (standardized): ${describe(ranker)}`);
console.log(
  `decision weights (standardized): ${describe(answersModel)}; bias ${answersModel.bias.toFixed(2)}`,
);
console.log(
  `\nfinal ranker (penalty ${best.lambda}), in sample: hit@1 ${share(inSample.filter((r) => r === 1).length, inSample.length).toFixed(3)}`,
);
const round = (m: Linear): Linear => ({
  ...m,
  mean: m.mean.map((v) => +v.toPrecision(6)),
  scale: m.scale.map((v) => +v.toPrecision(6)),
  weights: m.weights.map((v) => +v.toPrecision(6)),
  bias: +m.bias.toPrecision(6),
});
const withUngdc = ungdc
  ? ` (with the ${ungdc.questions.length} General Debate tuning questions, --ungdc: asked of its 10,952 speeches)`
  : '';
const about = `Fitted by npm run fit on ${examples.length} tuning questions (${answerable.length} answerable) of eval/${withUngdc}, leaving one of ${groups.length} letters out: ranker penalty ${best.lambda}, out-of-fold MRR ${best.mrr.toFixed(3)}; threshold ${chosen.t}, out of fold hit@1 ${chosen.hit1.toFixed(3)}, hit@3 ${chosen.hit3.toFixed(3)}, unanswerable abstained ${chosen.abstained.toFixed(3)}.`;
if (!values['dry-run']) {
  writeFileSync(
    'src/search/model.json',
    `${JSON.stringify({ about, ranker: round(ranker), penalty: best.lambda, passage: round(passageModel), answers: round(answersModel), threshold: chosen.t, weights: WEIGHTS }, null, 2)}\n`,
  );
  console.log('wrote src/search/model.json');
}
console.log(about);
