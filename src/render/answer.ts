/**
 * `/ask`'s replies: the best passages quoted (whole when they fit, else the sentences that
 * answer), each with its citation and buttons to go further; or, when nothing answers, what was
 * searched and the closest passages under a heading that says they may not answer.
 */
import { formatUnDate } from '../corpus/dates.ts';
import { MAX_PASSAGE_CHARS } from '../corpus/sentences.ts';
import {
  type Answer,
  type AnswerResult,
  asksNothing,
  DEFAULT_LIMIT,
  NO_DOCUMENTS,
  NO_DOCUMENTS_MATCH,
  isUnsigned,
} from '../search/answer.ts';
import { upperFirst } from '../search/cite.ts';
import type { IndexInfo } from '../serving/state.ts';
import { questionAuthor, readsBack } from './asked.ts';
import type { ButtonScope } from './custom-ids.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { blockQuote, clip, markQuote } from './markdown.ts';
import {
  BLUE,
  button,
  type Embed,
  embedSize,
  footer,
  GREY,
  MESSAGE_BUDGET,
  packEmbeds,
  type Reply,
  renderNotice,
  reply,
  row,
} from './reply.ts';
import {
  describeSearched,
  DISCORD_HELP,
  DISCORD_LISTS,
  NOTHING_TO_QUOTE,
  howToAsk,
  matchingPassages,
  resultsRange,
  pagesLabel,
  partName,
  RELATED_HEADING,
  theSearched,
  answerNotice,
  unknownSymbolNotice,
  whyNotFound,
} from './wording.ts';

/**
 * A passage up to this long is quoted whole in an answer (every passage is, as the corpus cuts
 * longer paragraphs into pieces of `MAX_PASSAGE_CHARS`); the sentences that answer are marked.
 */
const WHOLE_QUOTE = MAX_PASSAGE_CHARS;

/** Where a result embed that quotes only part of its passage sends the reader for the rest. */
export const WHOLE_PASSAGE_HINT = {
  /** An answer, whose buttons show a passage with its neighbours. */
  answer: 'press Context for the whole passage and its neighbours',
  /** A reply without those buttons (the moderators' check). */
  quote: 'use `/quote` for the whole passage',
} as const;

/** The shortest piece of an excerpt worth quoting when an embed has little room. */
const MIN_SHORTENED_QUOTE = 80;

/**
 * One quoted passage as an embed, numbered `n`: where it stands in its document, what it says
 * (matched words in bold), its citation; the `last` embed of a reply carries the footer. The
 * passage is quoted whole when it fits in `room` characters (what Discord counts toward a
 * message's 6,000), else by the sentences that answer, else by their opening words up to an
 * ellipsis; a quote that is not the whole passage says so and where to read the rest.
 */
export function resultEmbed(
  r: AnswerResult,
  n: number,
  info: IndexInfo,
  last: boolean,
  room = Number.POSITIVE_INFINITY,
  hint: string = WHOLE_PASSAGE_HINT.answer,
): Embed {
  const embedWith = (quote: string, whole: boolean): Embed => ({
    color: BLUE,
    title: clip(
      `${n}. ${r.label} · ${formatUnDate(r.date)} · ${partName(r.part, info.kinds?.get(r.letterId))}${pagesLabel(r)}`,
      DISCORD_LIMITS.embedTitle,
    ),
    url: r.url ?? undefined,
    description: `${clip(r.speaker, 600)} says:\n${blockQuote(quote)}${whole ? '' : `\n\n*Excerpt: ${hint}.*`}`,
    fields: [{ name: 'Citation', value: clip(r.citation, DISCORD_LIMITS.fieldValue) }],
    footer: last ? footer(info) : undefined,
  });
  // A passage that fits is quoted whole; a longer one by the sentences that answer.
  if (r.text.length <= WHOLE_QUOTE) {
    const whole = embedWith(markQuote(r.text, r.passageHighlights), true);
    if (embedSize(whole) <= room) return whole;
  }
  const excerpt = embedWith(markQuote(r.excerpt, r.highlights), r.excerpt === r.text);
  if (embedSize(excerpt) <= room) return excerpt;
  // Too little room even for the sentences: their opening words, cut at a word, then "…".
  let length = r.excerpt.length - (embedSize(excerpt) - room);
  let shortened = excerpt;
  while (embedSize(shortened) > room && length >= MIN_SHORTENED_QUOTE) {
    const cut = r.excerpt.lastIndexOf(' ', length);
    const kept = r.excerpt.slice(0, cut > MIN_SHORTENED_QUOTE / 2 ? cut : length).trimEnd();
    const highlights = r.highlights.filter((h) => h.end <= kept.length);
    shortened = embedWith(`${markQuote(kept, highlights)}…`, false);
    length = kept.length - Math.max(1, embedSize(shortened) - room);
  }
  return shortened;
}

/**
 * The embeds of `results`, numbered from `first`, fitted together into `room` characters. The
 * best-ranked passage keeps its whole quote longest: from the last up, a passage is quoted by the
 * sentences that answer instead; if that is not enough, those that are still longer than an equal
 * share of what is left are shortened to it.
 */
export function fittedResultEmbeds(
  results: readonly AnswerResult[],
  first: number,
  info: IndexInfo,
  room: number,
  options: { footerOnLast: boolean; hint?: string },
): Embed[] {
  const embedFor = (i: number, space = Number.POSITIVE_INFINITY) =>
    resultEmbed(
      results[i] as AnswerResult,
      first + i,
      info,
      options.footerOnLast && i === results.length - 1,
      space,
      options.hint,
    );
  const embeds = results.map((_, i) => embedFor(i));
  const total = () => embeds.reduce((sum, e) => sum + embedSize(e), 0);
  for (let i = embeds.length - 1; i >= 0 && total() > room; i -= 1) {
    const r = results[i] as AnswerResult;
    if (r.excerpt.length < r.text.length)
      embeds[i] = embedFor(i, embedSize(embeds[i] as Embed) - 1);
  }
  if (total() <= room) return embeds;
  let left = room;
  const order = embeds.map((e, i) => ({ size: embedSize(e), i })).sort((a, b) => a.size - b.size);
  for (const [k, { size, i }] of order.entries()) {
    const share = Math.floor(left / (order.length - k));
    if (size > share) embeds[i] = embedFor(i, share);
    left -= embedSize(embeds[i] as Embed);
  }
  return embeds;
}

/** Context for rendering an answer's buttons. */
export interface AnswerView {
  question: string;
  userId: string;
  offset: number;
  scope: ButtonScope;
  /** The reply is private: offer to post it publicly. */
  ephemeral: boolean;
  /** Letter keys by letter id, for the passage buttons. */
  keys: ReadonlyMap<string, string>;
}

/**
 * Says what was searched when nothing answers — never a weak quote — and offers the closest
 * passages, greyed, under a heading that says they may not answer. A `listing` (`/search`) says
 * that no passage matches its words, and sends the user to other words rather than to itself.
 */
export function renderAbstention(
  answer: Answer,
  info: IndexInfo,
  ephemeral: boolean,
  listing = false,
): Reply {
  if (asksNothing(answer))
    return renderNotice(
      howToAsk(info.noun, answer, { more: DISCORD_HELP, lists: DISCORD_LISTS }),
      ephemeral,
    );
  if (answer.reason === NO_DOCUMENTS) return renderNotice(NOTHING_TO_QUOTE, ephemeral);
  if (answer.unknownSymbol)
    return renderNotice(
      unknownSymbolNotice(answer.unknownSymbol, answer.searched.noun, DISCORD_LISTS),
      ephemeral,
    );
  const reason = listing
    ? ' matches these words'
    : answer.reason === NO_DOCUMENTS_MATCH
      ? ' with these filters answers this question'
      : isUnsigned(answer.reason)
        ? ' answers this question'
        : ` answers this question${whyNotFound(answer)}`;
  const related = answer.related.map((r, i) => ({
    ...resultEmbed(r, i + 1, info, i === answer.related.length - 1),
    color: GREY,
  }));
  const notice = answerNotice(answer);
  const closest =
    related.length > 0 ? `${notice ? `\n\n${notice}` : ''}\n\n**${RELATED_HEADING}**` : '';
  const noun = info.noun;
  // Filters no document falls in: say so, and what Annex holds, not "no passage in 0 letters".
  const outside =
    answer.searched.letters === 0 && info.letters > 0
      ? `No ${noun} falls within these filters. Annex holds ${describeSearched(info)}: widen \`from\` and \`to\`, or leave them out.`
      : null;
  const [first = [], ...rest] = packEmbeds([
    {
      color: GREY,
      author: questionAuthor(answer.query),
      title: `Not found in the ${noun}s`,
      description:
        outside ??
        `${isUnsigned(answer.reason) ? `${upperFirst((answer.reason ?? '').replace(' it names ', ' this question names '))} (a note verbale carries no signature). ` : ''}No passage in ${theSearched(answer.searched)}${reason}.\n\nAnnex only quotes the ${noun}s; it does not guess. Try other words, a name, a figure or a date${listing ? '' : ', or `/search` for a looser list'}.${closest}`,
      footer: related.length > 0 ? undefined : footer(info),
    },
    ...related,
  ]);
  return reply({
    ephemeral,
    embeds: first,
    components: [],
    continuation: rest.map((group) => reply({ ephemeral, embeds: group, components: [] })),
  });
}

/**
 * The footer of a page of results (`/ask`, `/search`): which it shows and, unless the page's
 * title says it (`counted: false`), of how many (`matchingPassages`); what was searched, and the
 * index.
 */
export function resultsFooter(
  answer: Answer,
  offset: number,
  info: IndexInfo,
  counted = true,
): { text: string } {
  const range = resultsRange(offset, answer.results.length);
  // A page that shows every passage ranked says how many, not "1–1 of 1".
  const all = offset === 0 && answer.results.length === answer.total;
  const shown = !counted
    ? range
    : all
      ? matchingPassages(answer)
      : `${range} of ${matchingPassages(answer)}`;
  return {
    text: `${shown} · searched ${describeSearched(answer.searched)} · ${footer(info, false).text}`,
  };
}

/** `/ask`: the best passages, quoted, each with its citation, and buttons to go further. */
export function renderAnswer(answer: Answer, info: IndexInfo, view: AnswerView): Reply {
  if (answer.abstained || answer.results.length === 0)
    return renderAbstention(answer, info, view.ephemeral);
  // One message holds them all, with the question above and the footer below.
  const author = questionAuthor(view.question);
  const footerText = resultsFooter(answer, view.offset, info).text;
  const embeds = fittedResultEmbeds(
    answer.results,
    view.offset + 1,
    info,
    MESSAGE_BUDGET - author.name.length - footerText.length,
    { footerOnLast: false },
  );
  const first = embeds[0];
  if (first) first.author = author;
  const last = embeds.at(-1);
  if (last) last.footer = { text: footerText };
  // Buttons that ask again read the question back from the message: offered only when they can.
  const resumable = readsBack(embeds, view.question);
  const base = { userId: view.userId, scope: view.scope };
  const next = view.offset + answer.results.length;
  // Labelled and encoded as /search's pages are; a page is DEFAULT_LIMIT results, the last one
  // maybe fewer, so Previous steps back a whole page from wherever this one starts.
  const nav = resumable
    ? row(
        view.offset > 0
          ? button('Previous', {
              kind: 'ask-page',
              ...base,
              offset: Math.max(0, view.offset - DEFAULT_LIMIT),
            })
          : null,
        next < answer.total ? button('Next', { kind: 'ask-page', ...base, offset: next }, 1) : null,
        view.ephemeral
          ? button('Post publicly', { kind: 'publish', ...base, offset: view.offset }, 3)
          : null,
      )
    : [];
  // Results that lead to one passage (a heading is shown with the first passage of its part, which
  // may be a result too) share one button, named for each of them: Discord refuses a message two
  // of whose buttons have one custom id.
  const numbersByPassage = new Map<string, number[]>();
  for (const [i, r] of answer.results.entries()) {
    const numbers = numbersByPassage.get(`${r.letterId}:${r.near}`) ?? [];
    numbers.push(view.offset + i + 1);
    numbersByPassage.set(`${r.letterId}:${r.near}`, numbers);
  }
  const passageButtons = (kind: 'context' | 'cite', label: string) =>
    row(
      ...answer.results.map((r, i) => {
        const key = view.keys.get(r.letterId);
        const numbers = numbersByPassage.get(`${r.letterId}:${r.near}`) ?? [];
        if (numbers[0] !== view.offset + i + 1) return null;
        // Context and Cite need only the passage: offered also for a question too long to read
        // back, whose answer they then leave in place (see commands/quote.ts).
        return key
          ? button(`${label} ${numbers.join(' & ')}`, {
              kind,
              ...base,
              letterKey: key,
              passage: r.near,
              offset: view.offset,
            })
          : null;
      }),
    );
  // A document whose title and citation alone fill a message (front matter of any length)
  // continues into a follow-up rather than break the limit.
  const [shown = [], ...rest] = packEmbeds(embeds);
  const notice = answerNotice(answer);
  return reply({
    ...(notice ? { content: notice } : {}),
    ephemeral: view.ephemeral,
    embeds: shown,
    continuation: rest.map((group) =>
      reply({ ephemeral: view.ephemeral, embeds: group, components: [] }),
    ),
    components: [
      ...nav,
      ...passageButtons('context', 'Context'),
      ...passageButtons('cite', 'Cite'),
    ],
  });
}
