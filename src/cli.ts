import 'dotenv/config';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ConfigError, type CoreConfig, parseCoreConfig, readEnvironment } from './config.ts';
import { formatUnDate, UNKNOWN_DATE_LABEL } from './corpus/dates.ts';
import { count } from './render/count.ts';
import {
  answerJson,
  chartJson,
  citationsJson,
  letterDetail,
  letterIds,
  letterSummary,
  verdictJson,
} from './render/json.ts';
import { CorpusError, CorpusFolderError } from './corpus/errors.ts';
import { findLetterByKey } from './corpus/identify.ts';
import { assertCorpusFolder, DOCUMENT_EXTENSIONS, loadCorpus } from './corpus/load.ts';
import {
  countDocuments,
  documentNoun,
  isLetter,
  type Letter,
  type Passage,
  PartKind,
} from './corpus/schema.ts';
import {
  renderAnswerText,
  renderCitationsText,
  renderLetterTable,
  renderLetterText,
  renderProblems,
  renderSearchText,
  renderVerdictText,
  SEARCH_PAGE_SIZE,
} from './render/text.ts';
import { type AskOptions, answerQuestion, describeScope } from './search/answer.ts';
import { useKnownConcepts } from './search/analyze.ts';
import { openCorpus } from './search/cache.ts';
import { checkClaim } from './search/check.ts';
import { CITATION_STYLES, type CitationStyle } from './search/cite.ts';
import { FilterError, readSearchFilters } from './search/filters.ts';
import type { SearchIndex } from './search/search-index.ts';
import { buildProgress } from './serving/progress.ts';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  ask "<question>" [options]  answer a question with verbatim, cited passages
      --limit N               at most N passages (1-100, default 3)
      --letter ID             only this document (its id or symbol)
      --from DATE, --to DATE  only documents dated from / up to DATE: 2023-09-19, 2023-09 or 2023
      --part PART             only passages of letters themselves (letter), of annexes
                              (annex) or of enclosures (enclosure)
      --json                  one JSON object (with "total", and "related" when not found)
      --stdin                 one question per input line, an answer for each (with --json, one
                              JSON line each); a bad line gets its own error and the rest go on
  search "<words>" [options]  a compact ranked list of matching passages, as /search gives it
      --limit N, --letter ID, --from DATE, --to DATE, --part PART   as for ask (default 5)
      --page N                the Nth page of --limit passages (default 1)
      --json                  one JSON object, as ask --json prints it
  cite <document> [passage] [--style S] [--json]
                              ready-to-copy citations of a document (its id or symbol) or of
                              one of its passages, as /cite gives them; --style un, oscola or
                              bluebook (default: all three)
  chart "<what>" [options]    the figures the documents state of something, as a chart
      --out FILE.png|FILE.svg the picture (with fewer than two figures, none is drawn)
      --from DATE, --to DATE  only documents dated from / up to DATE
      --json                  one JSON object: series, points, passages, left out
  check "<claim>" [--json]    check a claim as the moderators' "Check in letters" does: quoted
                              verbatim, the closest passages, or not in the documents
  add <file.pdf|.txt|.md> [--title T] [--date D] [--author A] [--kind K] [--symbol S]
                              read a document (a letter, a statement, a speech, a report…),
                              check it, and write it into the corpus; the options become its
                              front matter (--date: 2023-09-19, 2023-09 or 2023)
  letters [--json]            list the documents in the corpus: date, symbol, kind, author,
                              title and id
  letter <id> [--json]        show one document: metadata and numbered passages
  validate [--quiet]          check every corpus file; exits 1 listing each problem
  help                        this text

The corpus folder is CORPUS_DIR (default ./corpus), the saved index INDEX_CACHE_DIR.
Exit codes: 0 done, 1 the corpus or a document has a problem, 2 the command line does.`;

class UsageError extends Error {}

/** The date filters as the CLI's options are named. */
const CLI_FILTER_NAMES = { from: '--from', to: '--to' } as const;

function askOptions(
  letters: readonly Letter[],
  values: { limit?: string; letter?: string; from?: string; to?: string; part?: string },
): AskOptions {
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 100)) {
    throw new UsageError(`--limit must be a whole number from 1 to 100, not "${values.limit}"`);
  }
  const part = values.part;
  if (part !== undefined && !PartKind.safeParse(part).success) {
    throw new UsageError(`--part must be one of ${PartKind.options.join(', ')}, not "${part}"`);
  }
  try {
    const { letter, from, to } = readSearchFilters(letters, values, CLI_FILTER_NAMES);
    return { limit, letter, from, to, part: part as AskOptions['part'] };
  } catch (error) {
    if (error instanceof FilterError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * Answers one question per line of standard input, in order: one JSON line each with `--json`,
 * otherwise each answer as text under its question. A line that cannot be answered gets its own
 * error (`{"query", "error"}` in JSON) and the lines after it are answered as usual.
 */
async function answerLines(
  index: SearchIndex,
  options: AskOptions,
  json: boolean,
): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  const letters = letterIds(index.letters);
  let failed = 0;
  for await (const line of lines) {
    const question = line.trim();
    // A blank line asks nothing: skipped, as a separator between questions.
    if (question === '') continue;
    try {
      const answer = answerQuestion(index, question, options);
      process.stdout.write(
        json
          ? `${JSON.stringify(answerJson(answer, letters))}\n`
          : `? ${question}\n${renderAnswerText(answer, process.stdout.isTTY)}\n\n`,
      );
    } catch (error) {
      failed += 1;
      const message = `could not answer this line: ${(error as Error).message}`;
      process.stdout.write(
        json
          ? `${JSON.stringify({ query: question, error: message })}\n`
          : `? ${question.slice(0, 200)}\nError: ${message}\n\n`,
      );
    }
  }
  return failed > 0 ? 1 : 0;
}

/**
 * A file named on the command line that cannot be read, or that is of a kind `add` does not read,
 * is the command line's problem (exit 2).
 */
async function assertReadableFile(file: string): Promise<void> {
  const found = await stat(file).catch((error: NodeJS.ErrnoException) => error);
  if (found instanceof Error) {
    throw new UsageError(
      found.code === 'ENOENT'
        ? `No file ${file}: give the path of a .pdf, .txt or .md file to add`
        : `Cannot read ${file}: ${found.code ?? found.message}`,
    );
  }
  if (!found.isFile())
    throw new UsageError(`${file} is not a file: give a .pdf, .txt or .md file to add`);
  // What the corpus would refuse to load (a Word file, a web page) is refused before it is written.
  const extension = path.extname(file).toLowerCase();
  if (!ADDABLE_EXTENSIONS.includes(extension))
    throw new UsageError(
      `${file} is ${extension ? `a ${extension} file` : 'a file without an extension'}: Annex adds .pdf, .txt or .md files (save the document as PDF or as plain text first)`,
    );
}

/** The files `add` reads: a PDF, or a document file the corpus loads as it is. */
const ADDABLE_EXTENSIONS: readonly string[] = ['.pdf', ...DOCUMENT_EXTENSIONS];

/** Says once, on stderr, that some corpus files were left out and how to see why. */
function noteSkipped(problems: readonly unknown[]): void {
  if (problems.length > 0)
    console.error(
      `\n${count(problems.length, 'file')} skipped; run \`npm run cli -- validate\` for details.`,
    );
}

/**
 * When the dates asked for hold no document, says so and what dates the documents have ("No
 * document falls in the period asked, from 1 January 2025 on: the 5 letters are dated 23
 * February 2021 – 4 April 2024."); null when some document falls in it, or no date was asked.
 */
function emptyPeriod(index: SearchIndex, options: AskOptions): string | null {
  if (!options.from && !options.to) return null;
  // An empty corpus is said to be empty, with how to add a document (`renderAnswerText`).
  if (index.size === 0) return null;
  if (describeScope(index, { from: options.from, to: options.to }).letters > 0) return null;
  const period =
    options.from && options.to
      ? `from ${formatUnDate(options.from)} to ${formatUnDate(options.to)}`
      : options.from
        ? `from ${formatUnDate(options.from)} on`
        : `up to ${formatUnDate(options.to ?? '')}`;
  const whole = describeScope(index);
  const documents = countDocuments(whole.letters, documentNoun(index.letters));
  const dated =
    !whole.from || !whole.to
      ? `: the ${documents} have no date`
      : whole.from === whole.to
        ? `: the ${documents} ${whole.letters === 1 ? 'is' : 'are'} dated ${formatUnDate(whole.from)}`
        : `: the ${documents} ${whole.letters === 1 ? 'is' : 'are'} dated ${formatUnDate(whole.from)} – ${formatUnDate(whole.to)}`;
  return `No document falls in the period asked, ${period}${whole.letters > 0 ? dated : ''}.`;
}

function findLetter(letters: readonly Letter[], key: string): Letter {
  const letter = findLetterByKey(letters, key);
  if (!letter) {
    throw new UsageError(
      `No document "${key}". Known ids:\n${letters.map((l) => `  ${l.id}`).join('\n')}`,
    );
  }
  return letter;
}

/** `chart "<what>"`: the chart's figures as text or JSON, and its picture written to `--out`. */
async function chartCommand(
  what: string,
  values: { json: boolean; out?: string; from?: string; to?: string },
  config: Pick<CoreConfig, 'corpusDir' | 'indexCacheDir'>,
): Promise<number> {
  if (!what)
    throw new UsageError(
      'Usage: npm run cli -- chart "<what>" [--out FILE.png|.svg] [--from DATE] [--to DATE] [--json]',
    );
  const format = values.out === undefined ? null : path.extname(values.out).toLowerCase();
  if (format !== null && format !== '.png' && format !== '.svg')
    throw new UsageError(`--out must name a .png or .svg file, not "${values.out}"`);
  const opened = await openCorpus(config.corpusDir, config.indexCacheDir);
  for (const warning of opened.warnings ?? []) console.error(`Warning: ${warning}`);
  let filters: { from?: string; to?: string };
  try {
    const { from, to } = readSearchFilters(opened.index.letters, {
      from: values.from,
      to: values.to,
    });
    filters = { from, to };
  } catch (error) {
    if (error instanceof FilterError)
      throw new UsageError(error.message.replace(/^(from|to)\b/, '--$1'));
    throw error;
  }
  // The chart's code (its kinds of count, read and checked when it loads) is loaded only for
  // `chart`: every other command would pay for it.
  const { buildChart } = await import('./chart/chart.ts');
  const { renderChartText } = await import('./render/chart-text.ts');
  const chart = buildChart(opened.index, what, filters);
  let written: string | null = null;
  if (values.out && chart.drawable) {
    const { drawSvg, svgToPng } = await import('./chart/draw.ts');
    const svg = await drawSvg(chart);
    try {
      await writeFile(values.out, format === '.svg' ? svg : await svgToPng(svg));
    } catch (error) {
      console.error(`Could not write ${values.out}: ${(error as Error).message}`);
      return 1;
    }
    written = values.out;
  }
  console.log(
    values.json ? JSON.stringify(chartJson(chart), null, 2) : renderChartText(chart, written),
  );
  if (values.out && !chart.drawable) console.error(`No chart written: ${chart.why}.`);
  return 0;
}

/** A page number given on the command line (`--page 2`): a whole number from 1. */
function pageNumber(value: string | undefined): number {
  if (value === undefined) return 1;
  const page = Number(value);
  if (!Number.isInteger(page) || page < 1)
    throw new UsageError(`--page must be a whole number from 1, not "${value}"`);
  return page;
}

/**
 * `search "<words>"`: the compact ranked list `/search` gives (the same search, listing every
 * passage that matches, best first, without deciding whether one answers), a page at a time.
 */
async function searchCommand(
  query: string,
  values: {
    json: boolean;
    limit?: string;
    page?: string;
    letter?: string;
    from?: string;
    to?: string;
    part?: string;
  },
  config: Pick<CoreConfig, 'corpusDir' | 'indexCacheDir'>,
): Promise<number> {
  if (!query) throw new UsageError(`Search for what?\n\n${USAGE}`);
  const page = pageNumber(values.page);
  const opened = await openCorpus(config.corpusDir, config.indexCacheDir, {
    onProgress: buildProgress(process.stderr, (line) => console.error(line)),
  });
  for (const warning of opened.warnings ?? []) console.error(`Warning: ${warning}`);
  const { index } = opened;
  const options = askOptions(index.letters, values);
  const limit = options.limit ?? SEARCH_PAGE_SIZE;
  const offset = (page - 1) * limit;
  const answer = answerQuestion(index, query, { ...options, limit, offset, list: true });
  // A page past the last would print an empty list: say which pages there are instead.
  if (!values.json && !answer.abstained && answer.results.length === 0 && answer.total > 0) {
    const pages = Math.ceil(answer.total / limit);
    throw new UsageError(
      `--page ${page} is past the last page: ${count(answer.total, 'matching passage')}, ${limit} a page, make ${count(pages, 'page')}`,
    );
  }
  const kinds = new Map(index.letters.map((l) => [l.id, l.kind]));
  const outside = values.json ? null : emptyPeriod(index, options);
  console.log(
    values.json
      ? JSON.stringify(answerJson(answer, letterIds(index.letters)))
      : (outside ?? renderSearchText(answer, (id) => kinds.get(id), offset)),
  );
  if (!values.json) noteSkipped(opened.corpus.problems);
  return 0;
}

/**
 * `cite <document> [passage]`: the citations `/cite` gives (UN style, OSCOLA, Bluebook, or the
 * one `--style` names) of a document, or of one of its passages.
 */
async function citeCommand(
  args: readonly string[],
  values: { json: boolean; style?: string },
  config: Pick<CoreConfig, 'corpusDir'>,
): Promise<number> {
  const [key, n, ...extra] = args;
  if (!key || extra.length > 0)
    throw new UsageError(
      'Usage: npm run cli -- cite <document id or symbol> [passage] [--style un|oscola|bluebook] [--json]',
    );
  const style = values.style;
  if (style !== undefined && !(CITATION_STYLES as readonly string[]).includes(style))
    throw new UsageError(`--style must be one of ${CITATION_STYLES.join(', ')}, not "${style}"`);
  await assertCorpusFolder(config.corpusDir);
  const corpus = await loadCorpus(config.corpusDir);
  const letter = findLetter(corpus.letters, key);
  let passage: Passage | null = null;
  if (n !== undefined) {
    const number = Number(n);
    passage = Number.isInteger(number)
      ? (letter.passages.find((p) => p.n === number) ?? null)
      : null;
    if (!passage)
      throw new UsageError(
        `This ${letter.kind} has passages 1 to ${letter.passages.length}; there is no passage ${n}.`,
      );
  }
  const styles = style ? [style as CitationStyle] : [...CITATION_STYLES];
  console.log(
    values.json
      ? JSON.stringify(citationsJson(letter, passage, styles))
      : renderCitationsText(letter, passage, style as CitationStyle | undefined),
  );
  noteSkipped(corpus.problems);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      stdin: { type: 'boolean', default: false },
      limit: { type: 'string' },
      letter: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      part: { type: 'string' },
      symbol: { type: 'string' },
      date: { type: 'string' },
      title: { type: 'string' },
      author: { type: 'string' },
      kind: { type: 'string' },
      out: { type: 'string' },
      page: { type: 'string' },
      style: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (!command) throw new UsageError(USAGE);
  const config = parseCoreConfig(readEnvironment());
  if (command === 'add') {
    const [file] = rest;
    if (!file)
      throw new UsageError(
        'Usage: npm run cli -- add <file.pdf|file.txt|file.md> [--title T] [--date D] [--author A] [--kind K] [--symbol S]',
      );
    await assertReadableFile(file);
    // Reading PDFs loads pdf.js: only `add` pays for it.
    const { AddOptionError, addLetter } = await import('./corpus/add.ts');
    try {
      const { letter, written, missing, warnings } = await addLetter(file, config.corpusDir, {
        symbol: values.symbol,
        date: values.date,
        title: values.title,
        author: values.author,
        kind: values.kind,
      });
      console.log(`Added ${letter.id}: ${letter.title}`);
      console.log(
        `  ${letter.kind} · symbol ${letter.symbol ?? '—'} · ${letter.date ? `dated ${formatUnDate(letter.date)}` : UNKNOWN_DATE_LABEL} · ${letter.author ? `by ${letter.author} · ` : ''}${count(letter.passages.length, 'passage')}${isLetter(letter) || letter.annexes.length > 0 ? ` · ${count(letter.annexes.length, 'annex', 'annexes')}` : ''}`,
      );
      for (const file of written) console.log(`  wrote ${file}`);
      for (const warning of warnings) console.log(`  warning: ${warning.problem}`);
      if (missing.length > 0) console.log(`  not in the text: ${missing.join(', ')}`);
      return 0;
    } catch (error) {
      // An option that is not what it names (`--date 2020-13-01`) is the command line's problem.
      if (error instanceof AddOptionError) throw new UsageError(`Not added: ${error.message}`);
      if (error instanceof CorpusError) {
        console.error(`Not added: ${error.message}`);
        return 1;
      }
      throw error;
    }
  }
  if (command === 'ask') {
    const question = rest.join(' ').trim();
    if (!question && !values.stdin) throw new UsageError(`Ask what?\n\n${USAGE}`);
    const opened = await openCorpus(config.corpusDir, config.indexCacheDir, {
      onProgress: buildProgress(process.stderr, (line) => console.error(line)),
    });
    for (const warning of opened.warnings ?? []) console.error(`Warning: ${warning}`);
    const { index } = opened;
    useKnownConcepts(index.surfaceWords);
    const options = askOptions(index.letters, values);
    if (values.stdin) {
      if (!values.json) noteSkipped(opened.corpus.problems);
      return answerLines(index, options, values.json);
    }
    const answer = answerQuestion(index, question, options);
    const outside = values.json ? null : emptyPeriod(index, options);
    console.log(
      values.json
        ? JSON.stringify(answerJson(answer, letterIds(index.letters)))
        : (outside ?? renderAnswerText(answer, process.stdout.isTTY)),
    );
    if (!values.json) noteSkipped(opened.corpus.problems);
    return 0;
  }
  if (command === 'chart') return chartCommand(rest.join(' ').trim(), values, config);
  if (command === 'check') {
    const claim = rest.join(' ').trim();
    if (!claim) throw new UsageError(`Check what? Give the claim in quotes.\n\n${USAGE}`);
    const opened = await openCorpus(config.corpusDir, config.indexCacheDir, {
      onProgress: buildProgress(process.stderr, (line) => console.error(line)),
    });
    for (const warning of opened.warnings ?? []) console.error(`Warning: ${warning}`);
    useKnownConcepts(opened.index.surfaceWords);
    const verdict = checkClaim(opened.index, claim);
    const searched = describeScope(opened.index);
    console.log(
      values.json
        ? JSON.stringify(verdictJson(claim, verdict, searched, letterIds(opened.index.letters)))
        : renderVerdictText(verdict, searched, process.stdout.isTTY),
    );
    if (!values.json) noteSkipped(opened.corpus.problems);
    return 0;
  }
  if (command === 'search') return searchCommand(rest.join(' ').trim(), values, config);
  if (command === 'cite') return citeCommand(rest, values, config);
  if (!['letters', 'letter', 'validate'].includes(command))
    throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  await assertCorpusFolder(config.corpusDir);
  const corpus = await loadCorpus(config.corpusDir);
  switch (command) {
    case 'letters':
      console.log(
        values.json
          ? JSON.stringify(corpus.letters.map(letterSummary), null, 2)
          : renderLetterTable(corpus.letters),
      );
      break;
    case 'letter': {
      const [key] = rest;
      if (!key) throw new UsageError('Usage: npm run cli -- letter <id or symbol> [--json]');
      const letter = findLetter(corpus.letters, key);
      console.log(
        values.json ? JSON.stringify(letterDetail(letter), null, 2) : renderLetterText(letter),
      );
      break;
    }
    case 'validate': {
      const passages = corpus.letters.reduce((n, l) => n + l.passages.length, 0);
      for (const warning of corpus.warnings) console.error(`warning: ${warning.message}`);
      const warned =
        corpus.warnings.length > 0 ? `, ${count(corpus.warnings.length, 'warning')}` : '';
      if (corpus.problems.length > 0) {
        console.error(renderProblems(corpus.problems));
        console.error(
          `\n${count(corpus.problems.length, 'problem')}${warned}; ${countDocuments(corpus.letters.length, documentNoun(corpus.letters))} loaded.`,
        );
        return 1;
      }
      if (!values.quiet)
        console.log(
          `${countDocuments(corpus.letters.length, documentNoun(corpus.letters))}, ${count(passages, 'passage')}: no problems${warned}.`,
        );
      return 0;
    }
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  }
  if (!values.json) noteSkipped(corpus.problems);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (error instanceof UsageError || error instanceof ConfigError || usage) {
      console.error(usage ? `${(error as Error).message}\n\n${USAGE}` : (error as Error).message);
      process.exitCode = 2;
    } else if (error instanceof CorpusFolderError || error instanceof CorpusError) {
      console.error(error.message);
      process.exitCode = 1;
    } else {
      console.error(`Annex failed: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  },
);
