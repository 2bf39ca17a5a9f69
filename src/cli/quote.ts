import { namesParagraph } from '../search/paragraph-numbers.ts';
import { quoteJson } from '../render/json.ts';
import { quotePassage } from '../render/passage.ts';
import { renderPassageText } from '../render/text.ts';
import { noteSkipped, readCorpus } from './open.ts';
import { type CliCommand, findLetter } from './options.ts';
import { UsageError } from './usage.ts';

const QUOTE_USAGE =
  'Usage: npm run cli -- quote <document id or symbol> <passage or "para N"> [context] [--json]';

/**
 * `quote <document> <passage> [context]`: one passage whole, with its citation, as `/quote`
 * shows it (`quotePassage`, which `/quote`'s reply is made from too); with `context`, the
 * passages before and after it; `--json`, the same as one JSON object (`quoteJson`).
 */
export const quoteCommand: CliCommand = async (args, values, config) => {
  const [key, n, context, ...extra] = args;
  if (
    !key ||
    n === undefined ||
    extra.length > 0 ||
    (context !== undefined && context !== 'context')
  )
    throw new UsageError(QUOTE_USAGE);
  const number = Number(n);
  // An answer numbers a heading (a title) 0: `letter` shows it with the document's details.
  if (number === 0)
    throw new UsageError(
      `Passage 0 is a heading: \`npm run cli -- letter ${key}\` shows it with the document.`,
    );
  // A passage by its number, or a paragraph as its citation gives it ("para 45", "¶ 45").
  const paragraph = namesParagraph(n);
  if (!paragraph && (!Number.isInteger(number) || number < 1))
    throw new UsageError(
      `The passage is a whole number from 1 (as \`letter\` numbers them) or a paragraph ("para 45"), not "${n}". ${QUOTE_USAGE}`,
    );
  const corpus = await readCorpus(config);
  const letter = findLetter(corpus.letters, key);
  const quoted = quotePassage(letter, paragraph ? n : number, context === 'context');
  if ('missing' in quoted) throw new UsageError(quoted.missing);
  console.log(
    values.json ? JSON.stringify(quoteJson(letter, quoted)) : renderPassageText(letter, quoted),
  );
  if (!values.json) noteSkipped(corpus.problems);
  return 0;
};
