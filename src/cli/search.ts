import { count } from '../render/count.ts';
import { answerJson, letterIds } from '../render/json.ts';
import { renderSearchText } from '../render/text.ts';
import { SEARCH_PAGE_SIZE } from '../render/wording.ts';
import { answerQuestion } from '../search/answer.ts';
import { emptyPeriod } from './ask.ts';
import { noteSkipped, openIndex } from './open.ts';
import { askOptions, type CliCommand, pageNumber } from './options.ts';
import { SEE_HELP, UsageError } from './usage.ts';

/**
 * `search "<words>"`: the compact ranked list `/search` gives (the same search, listing every
 * passage that matches, best first, without deciding whether one answers), a page at a time.
 */
export const searchCommand: CliCommand = async (args, values, config) => {
  const query = args.join(' ').trim();
  if (!query) throw new UsageError(`Search for what? Give the words in quotes ${SEE_HELP}`);
  const page = pageNumber(values.page);
  const opened = await openIndex(config, { progress: true });
  const { index } = opened;
  const options = askOptions(index.letters, values);
  const limit = options.limit ?? SEARCH_PAGE_SIZE;
  const offset = (page - 1) * limit;
  const answer = answerQuestion(index, query, { ...options, limit, offset, list: true });
  // A page past the last would print an empty list: say which pages there are instead.
  if (!values.json && !answer.abstained && answer.results.length === 0 && answer.total > 0) {
    const pages = Math.ceil(answer.total / limit);
    throw new UsageError(
      `--page ${page} is past the last page: ${count(answer.total, 'matching passage')} at ${limit} a page fill ${count(pages, 'page')}`,
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
};
