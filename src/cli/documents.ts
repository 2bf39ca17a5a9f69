/**
 * The commands that read the documents without searching them: `letters` (the list), `letter`
 * (one document and its numbered passages) and `validate` (every corpus file checked).
 */
import { count } from '../render/count.ts';
import { countDocuments, documentNoun, newestFirst } from '../corpus/schema.ts';
import { letterDetail, letterSummary } from '../render/json.ts';
import {
  renderFilteredLetterTable,
  renderLetterTable,
  renderLetterText,
  renderProblems,
} from '../render/text.ts';
import { filterDocuments, isFiltered, readListFilter } from '../search/list-filter.ts';
import { noteSkipped, readCorpus } from './open.ts';
import { type CliCommand, findLetter, yearOption } from './options.ts';
import { UsageError } from './usage.ts';

/**
 * `letters [--kind K] [--author A] [--year Y]`: every document's date, symbol, kind, author, title
 * and id, newest first as `/letters`; with a filter, those that pass it, saying which, or why none.
 */
export const lettersCommand: CliCommand = async (_args, values, config) => {
  const year = yearOption(values.year);
  const corpus = await readCorpus(config);
  const filter = readListFilter(corpus.letters, { kind: values.kind, author: values.author, year });
  const listed = newestFirst(filterDocuments(corpus.letters, filter));
  if (values.json) console.log(JSON.stringify(listed.map(letterSummary), null, 2));
  else if (!isFiltered(filter)) console.log(renderLetterTable(listed));
  else console.log(renderFilteredLetterTable(listed, corpus.letters, filter));
  if (!values.json) noteSkipped(corpus.problems);
  return 0;
};

/** `letter <id>`: one document's metadata and its passages, numbered. */
export const letterCommand: CliCommand = async (args, values, config) => {
  const corpus = await readCorpus(config);
  const [key] = args;
  if (!key) throw new UsageError('Usage: npm run cli -- letter <id or symbol> [--json]');
  const letter = findLetter(corpus.letters, key);
  console.log(
    values.json ? JSON.stringify(letterDetail(letter), null, 2) : renderLetterText(letter),
  );
  if (!values.json) noteSkipped(corpus.problems);
  return 0;
};

/** `validate`: every corpus file checked; exit code 1 listing each problem. */
export const validateCommand: CliCommand = async (_args, values, config) => {
  const corpus = await readCorpus(config);
  const passages = corpus.letters.reduce((n, l) => n + l.passages.length, 0);
  for (const warning of corpus.warnings) console.error(`warning: ${warning.message}`);
  const warned = corpus.warnings.length > 0 ? `, ${count(corpus.warnings.length, 'warning')}` : '';
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
};
