/**
 * `/search`'s reply: a compact ranked list of the passages that match, one line each naming
 * its document, a page at a time with Previous and Next.
 */
import { type Answer, asksNothing } from '../search/answer.ts';
import type { IndexInfo } from '../serving/state.ts';
import { renderAbstention, resultsFooter } from './answer.ts';
import { questionAuthor, readsBack } from './asked.ts';
import { count } from './count.ts';
import type { ButtonScope } from './custom-ids.ts';
import { clip, escapeText, markQuote } from './markdown.ts';
import { BLUE, button, type Embed, type Reply, reply, row } from './reply.ts';
import { listedWhere, SEARCH_PAGE_SIZE } from './wording.ts';

/** Context for a /search page. */
export interface SearchView {
  question: string;
  userId: string;
  offset: number;
  scope: ButtonScope;
}

/** The characters of an excerpt a /search line shows, at most. */
const LISTED_EXCERPT = 300;

/** `/search`: a compact ranked list, one line per passage, paged. */
export function renderSearchPage(answer: Answer, info: IndexInfo, view: SearchView): Reply {
  // Nothing to look up ("   ", emoji only): how to search, privately, as other bad input is.
  if (answer.abstained || answer.results.length === 0)
    return renderAbstention(answer, info, asksNothing(answer), true);
  const lines = answer.results.map((r, i) => {
    const where = listedWhere(r, info.kinds?.get(r.letterId));
    // A long excerpt is shortened: its matched words that are still shown stay bold.
    const shown = clip(r.excerpt, LISTED_EXCERPT);
    const kept = shown.length < r.excerpt.length ? shown.length - 1 : shown.length;
    const highlights = r.highlights.filter((h) => h.end <= kept);
    return `**${view.offset + i + 1}.** ${markQuote(shown, highlights)}\n— ${escapeText(where)}${r.url ? ` · <${r.url}>` : ''}`;
  });
  const base = { userId: view.userId, scope: view.scope };
  const next = view.offset + answer.results.length;
  const embed: Embed = {
    color: BLUE,
    author: questionAuthor(view.question),
    title:
      (answer.matched ?? 0) > answer.total
        ? `${answer.total} best of ${count(answer.matched ?? 0, 'matching passage')}`
        : count(answer.total, 'matching passage'),
    description: lines.join('\n\n'),
    footer: resultsFooter(answer, view.offset, info, false),
  };
  const resumable = readsBack([embed], view.question);
  return reply({
    embeds: [embed],
    components: resumable
      ? row(
          view.offset > 0
            ? button('Previous', {
                kind: 'search-page',
                ...base,
                offset: Math.max(0, view.offset - SEARCH_PAGE_SIZE),
              })
            : null,
          next < answer.total
            ? button('Next', { kind: 'search-page', ...base, offset: next }, 1)
            : null,
        )
      : [],
  });
}
