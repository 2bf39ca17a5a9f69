/**
 * Scores retrieval on the dev questions: hit@1, hit@3, MRR@5, abstentions, and that every quote
 * is verbatim. Prints the misses. `npm run eval [-- --file eval/dev-questions.json]`
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseCoreConfig } from '../src/config.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { answerQuestion, SearchIndex } from '../src/search/index.ts';

const Questions = z.object({
  questions: z.array(z.object({ q: z.string(), gold: z.array(z.string()).min(1) })),
  abstain: z.array(z.string()),
});

const { values } = parseArgs({
  options: { file: { type: 'string', default: 'eval/dev-questions.json' } },
});
const dev = Questions.parse(JSON.parse(readFileSync(values.file, 'utf8')));
const config = parseCoreConfig(process.env);
const corpus = await loadCorpus(config.corpusDir);
const index = SearchIndex.build(corpus.letters);
const normalize = (s: string) => s.toLowerCase().replace(/\*\*?/g, '').replace(/\s+/g, ' ');

let hit1 = 0;
let hit3 = 0;
let mrr = 0;
let verbatim = 0;
let quotes = 0;
const misses: string[] = [];
const checkVerbatim = (answer: ReturnType<typeof answerQuestion>) => {
  for (const r of answer.results) {
    const letter = corpus.letters.find((l) => l.id === r.letterId);
    quotes += 1;
    if (letter?.text.includes(r.text) && r.text.includes(r.excerpt)) verbatim += 1;
    else misses.push(`NOT VERBATIM: ${r.letterId} passage ${r.passage}`);
  }
};
for (const { q, gold } of dev.questions) {
  const answer = answerQuestion(index, q, { limit: 5 });
  checkVerbatim(answer);
  const rank = answer.results.findIndex((r) => gold.some((g) => normalize(r.text).includes(g))) + 1;
  if (rank === 1) hit1 += 1;
  if (rank >= 1 && rank <= 3) hit3 += 1;
  if (rank >= 1) mrr += 1 / rank;
  if (rank !== 1) {
    const got = answer.abstained
      ? `abstained (${answer.reason})`
      : `first: ${answer.results[0]?.text.slice(0, 100)}…`;
    misses.push(`MISS${rank ? ` (rank ${rank})` : ''}: ${q}\n    ${got}`);
  }
}
let abstained = 0;
for (const q of dev.abstain) {
  const answer = answerQuestion(index, q, { limit: 5 });
  checkVerbatim(answer);
  if (answer.abstained) abstained += 1;
  else misses.push(`SHOULD ABSTAIN: ${q}\n    first: ${answer.results[0]?.text.slice(0, 100)}…`);
}
const n = dev.questions.length;
const report = {
  questions: n,
  'hit@1': +(hit1 / n).toFixed(3),
  'hit@3': +(hit3 / n).toFixed(3),
  'mrr@5': +(mrr / n).toFixed(3),
  abstained: `${abstained}/${dev.abstain.length}`,
  verbatim: `${verbatim}/${quotes}`,
};
console.log(misses.length ? `${misses.join('\n')}\n` : 'No misses.\n');
console.log(JSON.stringify(report, null, 2));
process.exitCode = hit3 === n && abstained === dev.abstain.length && verbatim === quotes ? 0 : 1;
