/**
 * Scores retrieval on the question files in `eval/`: hit@1, hit@3, MRR@5, answered and abstained,
 * and that every quote is verbatim, per file, per part of its fixed split and per style, beside a
 * plain MiniSearch with default options over the same passages. Then the ablation: the ranker
 * fitted again without each group of features in turn, scored on the held-out parts. Prints the
 * misses of the tuning part only, and only with `--misses`.
 */
import path from 'node:path';
import MiniSearch from 'minisearch';
import { readArgs } from './lib/args.ts';
import { fitRanker } from './lib/fitting.ts';
import { answers, Indexes, type Question, QUESTION_FILES, readQuestions } from './lib/questions.ts';
import { parseCoreConfig } from '../src/config.ts';
import type { Letter } from '../src/corpus/schema.ts';
import { type Answer, answerQuestion, type SearchIndex } from '../src/search/index.ts';
import { decide } from '../src/search/decide.ts';
import { FEATURE_NAMES, FEATURES, type FeatureGroup } from '../src/search/features.ts';
import { MODEL } from '../src/search/model.ts';
import { prepare, rankCandidates } from '../src/search/rank.ts';

const USAGE = `Usage: npm run eval [-- --file eval/realistic-questions.json] [-- --json] [-- --misses] [-- --quick]

Scores every question file in eval/ (or the --file given) against the corpus in CORPUS_DIR.
  --file F   score only this file (repeatable)
  --json     print one JSON object instead of the tables
  --misses   print the misses of the tuning part
  --quick    skip the ablation
  --help     this text`;

const values = readArgs(USAGE, {
  file: { type: 'string', multiple: true },
  json: { type: 'boolean', default: false },
  misses: { type: 'boolean', default: false },
  quick: { type: 'boolean', default: false },
});

const files = values.file ?? [...QUESTION_FILES];
const config = parseCoreConfig(process.env);
const indexes = new Indexes(config.corpusDir);
const plainOf = new Map<string, MiniSearch<{ id: number; text: string }>>();
/** MiniSearch with default options over the same passages, ids as Annex's. */
function plain(key: string, letters: readonly Letter[]) {
  let found = plainOf.get(key);
  if (!found) {
    found = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
    found.addAll(letters.flatMap((l) => l.passages).map((p, id) => ({ id, text: p.text })));
    plainOf.set(key, found);
  }
  return found;
}

interface Scored {
  question: Question;
  /** Rank of the first answering passage shown (1-based); 0 when none or when abstained. */
  rank: number;
  plainRank: number;
  answered: boolean;
  /** Whether the first passage's excerpt, what a reply shows of it, holds the answer. */
  excerptHit: boolean;
  /** Characters of the first passage's excerpt; 0 on abstention. */
  excerptLength: number;
}

let quotes = 0;
const notVerbatim: string[] = [];
function checkVerbatim(answer: Answer, index: SearchIndex): void {
  for (const r of [...answer.results, ...answer.related]) {
    const letter = index.letters.find((l) => l.id === r.letterId);
    quotes += 1;
    if (!letter?.text.includes(r.text) || !r.text.includes(r.excerpt))
      notVerbatim.push(`NOT VERBATIM: ${r.letterId} passage ${r.passage}`);
  }
}

const scored: Scored[] = [];
const misses: string[] = [];
for (const question of readQuestions(files)) {
  const { index, letters } = await indexes.of(question.letters);
  const answer = answerQuestion(index, question.q, { limit: 5 });
  checkVerbatim(answer, index);
  const rank = answer.abstained
    ? 0
    : answer.results.findIndex((r) => answers(r.text, question.gold)) + 1;
  const plainTexts = plain(question.letters.join('\n'), letters)
    .search(question.q)
    .slice(0, 5)
    .map((r) => index.passage(r.id as number)?.passage.text ?? '');
  const plainRank = plainTexts.findIndex((t) => answers(t, question.gold)) + 1;
  const excerptHit = rank === 1 && answers(answer.results[0]?.excerpt ?? '', question.gold);
  scored.push({
    question,
    rank,
    plainRank,
    answered: !answer.abstained,
    excerptHit,
    excerptLength: answer.abstained ? 0 : (answer.results[0]?.excerpt.length ?? 0),
  });
  const answerable = question.gold.length > 0;
  const first = answer.results[0];
  if (question.part === 'tuned' && rank === 1 && !excerptHit && first)
    misses.push(
      `EXCERPT MISS [${question.file} ${question.style}]: ${question.q}\n    gold: ${question.gold.join(' | ')}\n    excerpt: ${first.excerpt}\n    passage: ${first.text}`,
    );
  if (question.part === 'tuned' && (answerable ? rank !== 1 : !answer.abstained)) {
    const got = answer.abstained
      ? `abstained (${answer.reason}; p ${answer.evidence}): ${answer.related[0]?.text.slice(0, 90) ?? ''}…`
      : `first: ${answer.results[0]?.text.slice(0, 100)}…`;
    misses.push(
      `${answerable ? `MISS${rank ? ` (rank ${rank})` : ''}` : 'SHOULD ABSTAIN'} [${question.file} ${question.style}]: ${question.q}\n    ${got}`,
    );
  }
}

interface Metrics {
  n: number;
  'hit@1': number;
  'hit@3': number;
  'mrr@5': number;
  /** hit@1 counted on the first passage's excerpt, as a reply shows it. */
  'excerpt hit@1': number;
  /** Mean characters of the first excerpt shown, over the answerable questions answered. */
  'excerpt length': number;
  answered: string;
  abstained: string;
  'plain hit@1': number;
  'plain hit@3': number;
}

function metrics(rows: readonly Scored[]): Metrics {
  const answerable = rows.filter((r) => r.question.gold.length > 0);
  const unanswerable = rows.filter((r) => r.question.gold.length === 0);
  const n = Math.max(answerable.length, 1);
  const at = (k: number, rank: (r: Scored) => number) =>
    +(answerable.filter((r) => rank(r) >= 1 && rank(r) <= k).length / n).toFixed(3);
  return {
    n: answerable.length,
    'hit@1': at(1, (r) => r.rank),
    'hit@3': at(3, (r) => r.rank),
    'mrr@5': +(answerable.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / n).toFixed(3),
    'excerpt hit@1': at(1, (r) => (r.excerptHit ? 1 : 0)),
    'excerpt length': Math.round(
      answerable.reduce((s, r) => s + r.excerptLength, 0) /
        Math.max(1, answerable.filter((r) => r.answered).length),
    ),
    answered: `${answerable.filter((r) => r.answered).length}/${answerable.length}`,
    abstained: `${unanswerable.filter((r) => !r.answered).length}/${unanswerable.length}`,
    'plain hit@1': at(1, (r) => r.plainRank),
    'plain hit@3': at(3, (r) => r.plainRank),
  };
}

const header = `  ${'part'.padEnd(34)}${'n'.padStart(4)}${'hit@1'.padStart(8)}${'hit@3'.padStart(8)}${'MRR@5'.padStart(8)}${'answered'.padStart(10)}${'abstained'.padStart(11)}   plain MiniSearch hit@1 / hit@3`;
const line = (label: string, m: Metrics) =>
  `  ${label.padEnd(34)}${String(m.n).padStart(4)}${m['hit@1'].toFixed(2).padStart(8)}${m['hit@3'].toFixed(2).padStart(8)}${m['mrr@5'].toFixed(2).padStart(8)}${m.answered.padStart(10)}${m.abstained.padStart(11)}   ${m['plain hit@1'].toFixed(2)} / ${m['plain hit@3'].toFixed(2)}`;

const report: Record<string, unknown> = {};
const out: string[] = [];
for (const file of files.map((f) => path.basename(f))) {
  const rows = scored.filter((r) => r.question.file === file);
  const fileReport: Record<string, unknown> = {};
  out.push(`\n${file}`, header);
  for (const part of ['tuned', 'held-out', 'whole file'] as const) {
    const partRows = part === 'whole file' ? rows : rows.filter((r) => r.question.part === part);
    if (partRows.length === 0) continue;
    fileReport[part] = metrics(partRows);
    out.push(line(part, metrics(partRows)));
  }
  const styles = [...new Set(rows.map((r) => r.question.style))].filter(
    (s) => s !== 'unanswerable',
  );
  if (styles.length > 1)
    for (const style of styles)
      for (const part of ['tuned', 'held-out'] as const) {
        const styleRows = rows.filter(
          (r) => r.question.style === style && r.question.part === part,
        );
        if (styleRows.length === 0) continue;
        fileReport[`${style} (${part})`] = metrics(styleRows);
        out.push(line(`${style} (${part})`, metrics(styleRows)));
      }
  report[file] = fileReport;
}
for (const part of ['tuned', 'held-out'] as const) {
  const m = metrics(scored.filter((r) => r.question.part === part));
  report[`all files (${part})`] = m;
  out.push(
    `\nall files, ${part} part`,
    header,
    line(part, m),
    `  the first passage's excerpt, as a reply shows it, holds the answer: ${m['excerpt hit@1'].toFixed(2)} (of hit@1 ${m['hit@1'].toFixed(2)}); ${m['excerpt length']} characters on average`,
  );
}

/**
 * The ablation: the ranker fitted again on the tuning part without one group of features, then
 * the held-out parts ranked by it and decided by the shipped decision model.
 */
async function ablation(): Promise<string[]> {
  const tuned = readQuestions(QUESTION_FILES).filter(
    (x) => x.part === 'tuned' && x.gold.length > 0,
  );
  const heldOut = readQuestions(files).filter((x) => x.part === 'held-out');
  const prepareAll = async (qs: readonly Question[], meaning = true) =>
    Promise.all(
      qs.map(async (question) => {
        const { index } = await indexes.of(question.letters);
        const prepared = prepare(index, question.q, {}, { meaning });
        const labels = prepared.set.candidates.map((c) =>
          answers(c.entry.passage.text, question.gold),
        );
        return { question, prepared, labels };
      }),
    );
  const withMeaning = { train: await prepareAll(tuned), test: await prepareAll(heldOut) };
  const withoutMeaning = {
    train: await prepareAll(tuned, false),
    test: await prepareAll(heldOut, false),
  };
  const groups: (FeatureGroup | 'none' | 'word vectors')[] = [
    'none',
    ...new Set(FEATURES.map((f) => f.group)),
    'word vectors',
  ];
  const lines = [
    '\nablation: the ranker fitted without each feature group, held-out parts of all files',
    `  ${'without'.padEnd(16)}${'hit@1'.padStart(8)}${'hit@3'.padStart(8)}${'abstained'.padStart(11)}`,
  ];
  for (const group of groups) {
    // Without word vectors: no neighbours in meaning widen the candidates, no soft match.
    const { train, test } = group === 'word vectors' ? withoutMeaning : withMeaning;
    const names = FEATURE_NAMES.filter((_, i) => FEATURES[i]?.group !== group);
    const model = fitRanker(
      train.map((e) => ({
        rows: e.prepared.rows.map((r) => r.filter((_, i) => FEATURES[i]?.group !== group)),
        labels: e.labels,
      })),
      names,
      MODEL.penalty,
    );
    let hit1 = 0;
    let hit3 = 0;
    let answerable = 0;
    let abstained = 0;
    let unanswerable = 0;
    for (const e of test) {
      const ranked = rankCandidates(e.prepared, model);
      const answered = decide(e.prepared, ranked).answers;
      if (e.question.gold.length === 0) {
        unanswerable += 1;
        if (!answered) abstained += 1;
        continue;
      }
      answerable += 1;
      const rank =
        ranked.findIndex((r) => e.labels[e.prepared.set.candidates.indexOf(r.candidate)]) + 1;
      if (answered && rank === 1) hit1 += 1;
      if (answered && rank >= 1 && rank <= 3) hit3 += 1;
    }
    lines.push(
      `  ${group.padEnd(16)}${(hit1 / answerable).toFixed(3).padStart(8)}${(hit3 / answerable).toFixed(3).padStart(8)}${`${abstained}/${unanswerable}`.padStart(11)}`,
    );
  }
  return lines;
}
if (!values.quick) out.push(...(await ablation()));
report.verbatim = `${quotes - notVerbatim.length}/${quotes}`;

if (values.json) {
  console.log(JSON.stringify(report));
} else {
  if (values.misses) console.log(misses.join('\n') || 'No misses in the tuning part.');
  if (notVerbatim.length > 0) console.log(notVerbatim.join('\n'));
  console.log(out.join('\n'));
  console.log(`\nverbatim quotes: ${quotes - notVerbatim.length}/${quotes}`);
}
process.exitCode = notVerbatim.length === 0 ? 0 : 1;
