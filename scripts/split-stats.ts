/**
 * `npm run split-stats -- --corpus DIR [--json]`: how a folder of documents splits into passages.
 * Prints the documents and passages, passages per document (median, mean, range), the longest
 * passage, passages over the quotable length, and the documents that split into no more than one
 * passage per 2,000 characters of text (by period: before 2015 and from 2015 on, as the UN
 * General Debate Corpus changed shape then). Figures, not assertions.
 */
import path from 'node:path';
import { loadCorpus } from '../src/corpus/load.ts';
import { MAX_PASSAGE_CHARS } from '../src/corpus/sentences.ts';
import { readArgs } from './lib/args.ts';
import { percentile } from './lib/percentile.ts';

const USAGE = `Usage: npm run split-stats -- --corpus DIR [--json]

Reads every document in DIR as Annex does and prints how they split into passages.
  --corpus DIR  the folder to read (default: ./corpus)
  --json        one JSON object instead of text`;
const values = readArgs(USAGE, {
  corpus: { type: 'string', default: 'corpus' },
  json: { type: 'boolean', default: false },
});

/** A document should split into more than one passage per this many characters of its text. */
const CHARS_PER_PASSAGE = 2000;
/** Documents dated before this year are the General Debate Corpus's hard-wrapped, OCR-era ones. */
const WRAPPED_BEFORE_YEAR = 2015;

const started = process.hrtime.bigint();
const corpus = await loadCorpus(path.resolve(values.corpus));
const parseMs = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
const counts = corpus.letters.map((d) => d.passages.length).sort((a, b) => a - b);
const passages = counts.reduce((n, c) => n + c, 0);
let longest = { chars: 0, document: '', passage: 0 };
let over = 0;
const lengths: number[] = [];
const tooFew = { before: [] as string[], since: [] as string[] };
const checked = { before: 0, since: 0 };
for (const d of corpus.letters) {
  let chars = 0;
  for (const p of d.passages) {
    lengths.push(p.text.length);
    chars += p.text.length;
    if (p.text.length > longest.chars)
      longest = { chars: p.text.length, document: d.file, passage: p.n };
    if (p.text.length > MAX_PASSAGE_CHARS) over += 1;
  }
  const period =
    d.date !== '' && Number(d.date.slice(0, 4)) < WRAPPED_BEFORE_YEAR ? 'before' : 'since';
  checked[period] += 1;
  if (d.passages.length <= chars / CHARS_PER_PASSAGE) tooFew[period].push(d.file);
}
lengths.sort((a, b) => a - b);
const report = {
  corpus: values.corpus,
  documents: corpus.letters.length,
  problems: corpus.problems.length,
  parseMs,
  passages,
  passagesPerDocument: {
    median: percentile(counts, 50),
    mean: Math.round((passages / Math.max(1, counts.length)) * 10) / 10,
    min: counts[0] ?? 0,
    max: counts.at(-1) ?? 0,
  },
  passageChars: {
    median: percentile(lengths, 50),
    p95: percentile(lengths, 95),
    max: longest.chars,
  },
  longestPassage: longest,
  passagesOverMax: over,
  maxPassageChars: MAX_PASSAGE_CHARS,
  atMostOnePassagePer2000Chars: {
    [`dated before ${WRAPPED_BEFORE_YEAR}`]: {
      documents: checked.before,
      failing: tooFew.before.length,
      examples: tooFew.before.slice(0, 5),
    },
    [`dated ${WRAPPED_BEFORE_YEAR} on, or undated`]: {
      documents: checked.since,
      failing: tooFew.since.length,
      examples: tooFew.since.slice(0, 5),
    },
  },
};
if (values.json) {
  console.log(JSON.stringify(report));
} else {
  const { passagesPerDocument: per, passageChars: chars } = report;
  console.log(
    `${values.corpus}: ${report.documents} documents (${report.problems} refused), ${passages} passages, read in ${(parseMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `  passages per document: median ${per.median}, mean ${per.mean}, min ${per.min}, max ${per.max}`,
  );
  console.log(
    `  passage length (characters): median ${chars.median}, p95 ${chars.p95}, longest ${chars.max} (${longest.document}, passage ${longest.passage})`,
  );
  console.log(`  passages over ${MAX_PASSAGE_CHARS} characters: ${over}`);
  for (const [period, r] of Object.entries(report.atMostOnePassagePer2000Chars)) {
    console.log(
      `  documents ${period} with at most one passage per ${CHARS_PER_PASSAGE} characters: ${r.failing} of ${r.documents}${r.examples.length ? ` (e.g. ${r.examples.join(', ')})` : ''}`,
    );
  }
  for (const p of corpus.problems.slice(0, 5)) console.log(`  refused: ${p.message}`);
}
