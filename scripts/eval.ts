/**
 * Scores retrieval on the question files in `eval/`: hit@1, hit@3, MRR@5, abstentions, and that
 * every quote is verbatim, per file, per part of a fixed split and per style, beside a plain
 * MiniSearch with default options over the same passages; then the curve of share answered
 * against accuracy across the evidence threshold. Prints the misses of the tuning part only.
 *
 * The split is fixed before tuning and never changes: in each list of a file (the answerable
 * questions, and the unanswerable ones), every third entry in file order (index % 3 === 2) is
 * held out. The realistic file lists its styles in blocks of six, so that is two of each style.
 * Our own question files, written before tuning, say instead whether they are held out whole
 * (`"heldOut": true`) or tuned on whole (`false`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { z } from 'zod';
import { readArgs } from './lib/args.ts';
import { parseCoreConfig } from '../src/config.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import type { Letter } from '../src/corpus/schema.ts';
import {
  type Answer,
  answerQuestion,
  COMMON_WORDS_ONLY,
  EVIDENCE_THRESHOLD,
  SearchIndex,
} from '../src/search/index.ts';

const USAGE = `Usage: npm run eval [-- --file eval/realistic-questions.json] [-- --json]

Scores every question file in eval/ (or the --file given) against the corpus in CORPUS_DIR.
  --file F   score only this file
  --json     print one JSON object instead of the tables
  --help     this text`;

const QuestionFile = z.object({
  /**
   * Our own files say how they are used: `true`, held out whole (never tuned on); `false`,
   * tuned on whole. Absent: the fixed split (`isHeldOut`).
   */
  heldOut: z.boolean().optional(),
  questions: z.array(
    z.object({ q: z.string(), gold: z.array(z.string()).min(1), style: z.string().optional() }),
  ),
  abstain: z.array(z.union([z.string(), z.object({ q: z.string() })])),
  /**
   * A folder of letters Annex has never seen, added to the corpus for this file's questions
   * only: how the rules carry over to new letters.
   */
  letters: z.string().optional(),
});

const values = readArgs(USAGE, {
  file: { type: 'string', multiple: true },
  json: { type: 'boolean', default: false },
});

/** Whether entry `i` of a list belongs to the held-out part (the fixed split). */
export const isHeldOut = (i: number): boolean => i % 3 === 2;

const files = values.file ?? [
  'eval/dev-questions.json',
  'eval/realistic-questions.json',
  'eval/own-tuning-questions.json',
  'eval/own-probe-questions.json',
  'eval/own-probe-2-questions.json',
  'eval/own-held-out-questions.json',
  'eval/unseen-cyclone-questions.json',
  'eval/unseen-dam-questions.json',
  'eval/unseen-return-questions.json',
  'eval/unseen-drone-strike-questions.json',
  'eval/unseen-ship-fire-questions.json',
  'eval/unseen-wildfires-questions.json',
  'eval/people-questions.json',
  'eval/people-flood-questions.json',
  'eval/people-cyberattack-questions.json',
];
const config = parseCoreConfig(process.env);
const corpus = await loadCorpus(config.corpusDir);
/**
 * The gold answers' normalization: lower case, curly quotes straight, en and em dashes as '-',
 * no '*', '_' or '#', whitespace collapsed.
 */
const normalize = (s: string) =>
  s
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[*_#]/g, '')
    .replace(/\s+/g, ' ');

/**
 * The index of the corpus, with a question file's own letters when it has some, and the plain
 * baseline: MiniSearch with default options over the same passages.
 */
async function searchOver(extra: string | undefined) {
  const letters = extra
    ? [...corpus.letters, ...(await loadCorpus(extra)).letters]
    : corpus.letters;
  const plain = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  plain.addAll(
    letters.flatMap((l) => l.passages).map((passage, id) => ({ id, text: passage.text })),
  );
  return { index: SearchIndex.build(letters), plain };
}
const corpusSearch = await searchOver(undefined);

interface Scored {
  style: string;
  part: 'tuned' | 'held-out';
  /** 0 = abstained or not in the top 5; otherwise the rank of the first passage that answers. */
  rank: number;
  /** Rank among the passages shown or, on abstention, the closest passages offered. */
  rankIfAnswered: number;
  plainRank: number;
  answered: boolean;
  evidence: number;
  /** Abstained for a reason other than the evidence threshold (so at any threshold). */
  abstainsAnyway: boolean;
}

interface Unanswerable {
  part: 'tuned' | 'held-out';
  abstained: boolean;
  evidence: number;
  abstainsAnyway: boolean;
}

const abstainsAnyway = (answer: Answer) => answer.abstained && answer.reason !== COMMON_WORDS_ONLY;

let verbatim = 0;
let quotes = 0;
const notVerbatim: string[] = [];
function checkVerbatim(answer: Answer, letters: readonly Letter[]): void {
  for (const r of [...answer.results, ...answer.related]) {
    const letter = letters.find((l) => l.id === r.letterId);
    quotes += 1;
    if (letter?.text.includes(r.text) && r.text.includes(r.excerpt)) verbatim += 1;
    else notVerbatim.push(`NOT VERBATIM: ${r.letterId} passage ${r.passage}`);
  }
}

const rankOf = (texts: readonly string[], gold: readonly string[]) =>
  texts.findIndex((t) => gold.some((g) => normalize(t).includes(g))) + 1;

interface Metrics {
  questions: number;
  'hit@1': number;
  'hit@3': number;
  'mrr@5': number;
  answered: string;
  'plain hit@1': number;
  'plain hit@3': number;
}

function metrics(rows: readonly Scored[]): Metrics {
  const n = Math.max(rows.length, 1);
  const share = (k: number) =>
    +(rows.filter((r) => r.rank >= 1 && r.rank <= k).length / n).toFixed(3);
  const plainShare = (k: number) =>
    +(rows.filter((r) => r.plainRank >= 1 && r.plainRank <= k).length / n).toFixed(3);
  return {
    questions: rows.length,
    'hit@1': share(1),
    'hit@3': share(3),
    'mrr@5': +(rows.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / n).toFixed(3),
    answered: `${rows.filter((r) => r.answered).length}/${rows.length}`,
    'plain hit@1': plainShare(1),
    'plain hit@3': plainShare(3),
  };
}

const report: Record<string, unknown> = { threshold: EVIDENCE_THRESHOLD };
const misses: string[] = [];
const allScored: Scored[] = [];
const allUnanswerable: Unanswerable[] = [];
const out: string[] = [];

for (const file of files) {
  const parsed = QuestionFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const { index, plain } = parsed.letters ? await searchOver(parsed.letters) : corpusSearch;
  const scored: Scored[] = [];
  for (const [i, { q, gold, style }] of parsed.questions.entries()) {
    const part = (parsed.heldOut ?? isHeldOut(i)) ? 'held-out' : 'tuned';
    const answer = answerQuestion(index, q, { limit: 5 });
    checkVerbatim(answer, index.letters);
    const shown = answer.abstained ? answer.related : answer.results;
    const rankIfAnswered = rankOf(
      shown.map((r) => r.text),
      gold,
    );
    const plainTexts = plain
      .search(q)
      .slice(0, 5)
      .map((r) => index.passage(r.id as number)?.passage.text ?? '');
    const row: Scored = {
      style: style ?? 'plain',
      part,
      rank: answer.abstained ? 0 : rankIfAnswered,
      rankIfAnswered,
      plainRank: rankOf(plainTexts, gold),
      answered: !answer.abstained,
      evidence: answer.evidence,
      abstainsAnyway: abstainsAnyway(answer),
    };
    scored.push(row);
    if (part === 'tuned' && row.rank !== 1) {
      const got = answer.abstained
        ? `abstained (evidence ${answer.evidence.toFixed(2)}; closest rank ${rankIfAnswered || '-'}): ${answer.related[0]?.text.slice(0, 90) ?? ''}…`
        : `first: ${answer.results[0]?.text.slice(0, 100)}…`;
      misses.push(`MISS${row.rank ? ` (rank ${row.rank})` : ''} [${row.style}]: ${q}\n    ${got}`);
    }
  }
  const unanswerable: Unanswerable[] = [];
  for (const [i, entry] of parsed.abstain.entries()) {
    const q = typeof entry === 'string' ? entry : entry.q;
    const part = (parsed.heldOut ?? isHeldOut(i)) ? 'held-out' : 'tuned';
    const answer = answerQuestion(index, q, { limit: 5 });
    checkVerbatim(answer, index.letters);
    unanswerable.push({
      part,
      abstained: answer.abstained,
      evidence: answer.evidence,
      abstainsAnyway: abstainsAnyway(answer),
    });
    if (part === 'tuned' && !answer.abstained) {
      misses.push(
        `SHOULD ABSTAIN (evidence ${answer.evidence.toFixed(2)}): ${q}\n    first: ${answer.results[0]?.text.slice(0, 100)}…`,
      );
    }
  }
  allScored.push(...scored);
  allUnanswerable.push(...unanswerable);
  const fileReport: Record<string, unknown> = {};
  const row = (label: string, m: Metrics, abstained: string) =>
    `  ${label.padEnd(30)}${String(m.questions).padStart(4)}${m['hit@1'].toFixed(2).padStart(8)}${m['hit@3'].toFixed(2).padStart(8)}${m['mrr@5'].toFixed(2).padStart(8)}${m.answered.padStart(10)}${abstained.padStart(11)}   ${m['plain hit@1'].toFixed(2)} / ${m['plain hit@3'].toFixed(2)}`;
  out.push(`\n${path.basename(file)}`);
  out.push(
    `  ${'part'.padEnd(30)}${'n'.padStart(4)}${'hit@1'.padStart(8)}${'hit@3'.padStart(8)}${'MRR@5'.padStart(8)}${'answered'.padStart(10)}${'abstained'.padStart(11)}   plain MiniSearch hit@1 / hit@3`,
  );
  const parts = [
    ...(['tuned', 'held-out'] as const).map((part) => ({
      label: part as string,
      has: (r: { part: string }) => r.part === part,
    })),
    { label: 'whole file', has: () => true },
  ];
  for (const { label, has } of parts) {
    const rows = scored.filter(has);
    const un = unanswerable.filter(has);
    if (rows.length === 0 && un.length === 0) continue;
    const m = metrics(rows);
    const abstained = `${un.filter((u) => u.abstained).length}/${un.length}`;
    fileReport[label] = { ...m, abstained };
    out.push(row(label, m, abstained));
  }
  const styles = [...new Set(scored.map((r) => r.style))];
  if (styles.length > 1) {
    const byStyle: Record<string, unknown> = {};
    for (const style of styles) {
      for (const part of ['tuned', 'held-out'] as const) {
        const rows = scored.filter((r) => r.style === style && r.part === part);
        if (rows.length === 0) continue;
        const m = metrics(rows);
        byStyle[`${style} (${part})`] = m;
        out.push(row(`${style} (${part})`, m, ''));
      }
    }
    fileReport.byStyle = byStyle;
  }
  report[path.basename(file)] = fileReport;
}

/**
 * Across thresholds, on the tuning part only (the threshold is chosen there): the share of
 * answerable questions answered, hit@1 among those answered and overall, and how many
 * unanswerable ones abstain. A question the other checks abstain on abstains at every threshold.
 */
const thresholds = [
  ...new Set([0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1, 1.25, 1.5, 2, EVIDENCE_THRESHOLD]),
].sort((a, b) => a - b);
const tunedScored = allScored.filter((r) => r.part === 'tuned');
const tunedUnanswerable = allUnanswerable.filter((u) => u.part === 'tuned');
const curve = thresholds.map((t) => {
  const answered = tunedScored.filter((r) => r.evidence >= t && !r.abstainsAnyway);
  const right = answered.filter((r) => r.rankIfAnswered === 1).length;
  const abstained = tunedUnanswerable.filter((u) => u.evidence < t || u.abstainsAnyway).length;
  return {
    threshold: t,
    answered: +(answered.length / Math.max(tunedScored.length, 1)).toFixed(3),
    'hit@1 of answered': +(right / Math.max(answered.length, 1)).toFixed(3),
    'hit@1 overall': +(right / Math.max(tunedScored.length, 1)).toFixed(3),
    'unanswerable abstained': `${abstained}/${tunedUnanswerable.length}`,
  };
});
report.curve = curve;
report.verbatim = `${verbatim}/${quotes}`;

if (values.json) {
  console.log(JSON.stringify(report));
} else {
  console.log([...notVerbatim, ...misses].join('\n') || 'No misses in the tuning part.');
  console.log(out.join('\n'));
  console.log(
    '\nevidence threshold (tuning part of all files; the held-out part is scored above at →):',
  );
  console.log(
    `  ${'threshold'.padEnd(12)}${'answered'.padStart(10)}${'hit@1 of answered'.padStart(20)}${'hit@1 overall'.padStart(15)}${'unanswerable abstained'.padStart(25)}`,
  );
  for (const c of curve) {
    console.log(
      `${c.threshold === EVIDENCE_THRESHOLD ? '→ ' : '  '}${String(c.threshold).padEnd(12)}${c.answered.toFixed(2).padStart(10)}${c['hit@1 of answered'].toFixed(2).padStart(20)}${c['hit@1 overall'].toFixed(2).padStart(15)}${c['unanswerable abstained'].padStart(25)}`,
    );
  }
  console.log(`\nverbatim quotes: ${verbatim}/${quotes}`);
}
process.exitCode = notVerbatim.length === 0 ? 0 : 1;
