/**
 * `ask "<question>"`: the answer `/ask` gives, as text or JSON; with `--stdin`, one answer per
 * line of input.
 */
import { createInterface } from 'node:readline';
import { formatUnDate } from '../corpus/dates.ts';
import { countDocuments, documentNoun } from '../corpus/schema.ts';
import { answerJson, letterIds } from '../render/json.ts';
import { renderAnswerText } from '../render/text.ts';
import { dateSpan } from '../render/wording.ts';
import { type AskOptions, answerQuestion, describeScope } from '../search/answer.ts';
import { useKnownConcepts } from '../search/analyze.ts';
import type { SearchIndex } from '../search/search-index.ts';
import { noteSkipped, openIndex } from './open.ts';
import { askOptions, type CliCommand } from './options.ts';
import { SEE_HELP, UsageError } from './usage.ts';

/** `ask "<question>"`: the passages that answer it, quoted and cited, or the honest miss. */
export const askCommand: CliCommand = async (args, values, config) => {
  const question = args.join(' ').trim();
  if (!question && !values.stdin)
    throw new UsageError(
      `Ask what? Give the question in quotes, or --stdin to read one a line ${SEE_HELP}`,
    );
  const opened = await openIndex(config, { progress: true });
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
};

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
 * When the dates asked for hold no document, says so and what dates the documents have ("No
 * document falls in the period asked, from 1 January 2025 on: the 5 letters are dated 23
 * February 2021 – 4 April 2024."); null when some document falls in it, or no date was asked.
 */
export function emptyPeriod(index: SearchIndex, options: AskOptions): string | null {
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
  const span = dateSpan(whole);
  const dated = span
    ? `: the ${documents} ${whole.letters === 1 ? 'is' : 'are'} dated ${span}`
    : `: the ${documents} have no date`;
  return `No document falls in the period asked, ${period}${whole.letters > 0 ? dated : ''}.`;
}
