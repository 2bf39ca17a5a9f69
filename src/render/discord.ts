/**
 * The one place that shapes Discord replies. Everything here returns plain API objects (embeds,
 * buttons, files) within Discord's limits, quotes with the source's Discord markdown escaped and
 * the matched words in bold, and `allowedMentions: { parse: [] }` so no reply ever pings anyone.
 */
import { escapeMarkdown } from '@discordjs/formatters';
import { formatUnDate } from '../corpus/dates.ts';
import { MAX_PASSAGE_CHARS } from '../corpus/sentences.ts';
import { countDocuments, isLetter, type Letter, type Passage } from '../corpus/schema.ts';
import {
  type Answer,
  type AnswerResult,
  asksNothing,
  NO_DOCUMENTS,
  NO_DOCUMENTS_MATCH,
  type Searched,
  UNSIGNED,
} from '../search/answer.ts';
import {
  attribution,
  CITATION_STYLES,
  type CitationStyle,
  documentUrl,
  formatCitation,
  formatStyledCitation,
  pageLabel,
} from '../search/cite.ts';
import type { ReloadReport } from '../serving/reload.ts';
import { type IndexInfo, letterKey } from '../serving/state.ts';
import type { Verdict } from '../search/check.ts';
import type { Highlight } from '../search/excerpt.ts';
import { type ButtonAction, type ButtonScope, encodeButton } from './custom-ids.ts';
import { count, withArticle } from './count.ts';
import { DISCORD_LIMITS } from './limits.ts';
import {
  CITATION_STYLE_NAMES,
  describeSearched,
  HOW_TO_ADD,
  howToAsk,
  listedWhere,
  partName,
  RELATED_HEADING,
  SEARCH_PAGE_SIZE,
  whyNotFound,
} from './text.ts';

/** An embed as Discord's API takes it. */
export interface Embed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  author?: { name: string };
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  /** A picture shown in the embed: `attachment://NAME` for a file sent with the message. */
  image?: { url: string };
}
/** A button as Discord's API takes it (type 2). */
export interface Button {
  type: 2;
  style: 1 | 2 | 3 | 4 | 5;
  label: string;
  custom_id?: string;
  url?: string;
  disabled?: boolean;
}
/** A row of buttons (type 1). */
export interface ActionRow {
  type: 1;
  components: Button[];
}
/** A reply, ready for `interaction.reply`, `update`, `editReply` or `channel.send`. */
export interface Reply {
  content?: string;
  embeds: Embed[];
  components: ActionRow[];
  files?: { attachment: Buffer; name: string }[];
  allowedMentions: { parse: [] };
  /** Private (ephemeral) reply. */
  ephemeral?: boolean;
  /** Further messages sent right after this one, for content longer than one message may hold. */
  continuation?: Reply[];
}

const BLUE = 0x1f6feb;
const GREY = 0x6e7681;
const GREEN = 0x2ea043;
const AMBER = 0xd29922;

/** Results per /search page and letters per /letters page. */
/**
 * A passage up to this long is quoted whole in an answer (every passage is, as the corpus cuts
 * longer paragraphs into pieces of `MAX_PASSAGE_CHARS`); the sentences that answer are marked.
 */
const WHOLE_QUOTE = MAX_PASSAGE_CHARS;
export { SEARCH_PAGE_SIZE };
export const LETTERS_PAGE_SIZE = 10;

/**
 * The footer every reply ends with: the index (its letters, when it was built), and that quotes
 * are the letters' authors' words. `counted` false leaves out the letter count, for a footer that
 * already says how many letters were searched.
 */
export function footer(info: IndexInfo, counted = true): { text: string } {
  const built = info.builtAt.toISOString().slice(0, 16).replace('T', ' ');
  const noun = info.noun;
  const letters = counted ? ` · ${countDocuments(info.letters, noun)}` : '';
  return {
    text: `Annex${letters} · index built ${built} UTC · quotes are the ${noun}s' authors' words; passage numbers are Annex's own`,
  };
}

/** What to call one document: its kind ("letter", "speech", "note verbale"), "document" when it has none of its own. */
function kindOf(letter: Pick<Letter, 'kind'>): string {
  return letter.kind;
}

/** Shortens `text` to `max` characters with a visible ellipsis (for titles and labels only, never quotes). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The only characters `escapeMarkdown` (default options) ever escapes. */
const MARKDOWN_CHARACTER = /[\\`*_~|]/;
/** Longest run given to `escapeMarkdown` at once: its look-behinds make it quadratic in length. */
const ESCAPE_RUN = 200;

/**
 * Discord markdown in `text` escaped by `escapeMarkdown` (from @discordjs/formatters, as discord.js
 * re-exports it), in linear time: text without a character it would change is returned as it is
 * (most of the letters), and longer text is escaped in runs of whole words. A run ends after whitespace, where no markup can form
 * across the join.
 */
export function escapeText(text: string): string {
  if (!MARKDOWN_CHARACTER.test(text)) return text;
  if (text.length <= ESCAPE_RUN) return escapeMarkdown(text);
  let out = '';
  let run = '';
  for (const word of text.split(/(?<=\s)(?=\S)/)) {
    if (run && run.length + word.length > ESCAPE_RUN) {
      out += escapeMarkdown(run);
      run = '';
    }
    run += word;
  }
  return out + escapeMarkdown(run);
}

/** Private-use characters that stand in for `**` while a quote is escaped in one pass. */
const BOLD_MARKS = /[\uE000\uE001]/g;
const HAS_BOLD_MARK = /[\uE000\uE001]/;

/**
 * Escapes Discord markdown in `text` and bolds each highlight: the words themselves are
 * unchanged. The highlights are marked with private-use characters so the quote is escaped in
 * one pass; a text that already holds those characters is escaped piece by piece instead.
 */
export function markQuote(text: string, highlights: readonly Highlight[]): string {
  let out = '';
  let at = 0;
  if (!HAS_BOLD_MARK.test(text)) {
    for (const h of highlights) {
      out += `${text.slice(at, h.start)}\uE000${text.slice(h.start, h.end)}\uE001`;
      at = h.end;
    }
    return escapeText(out + text.slice(at)).replace(BOLD_MARKS, '**');
  }
  for (const h of highlights) {
    out += escapeText(text.slice(at, h.start));
    out += `**${escapeText(text.slice(h.start, h.end))}**`;
    at = h.end;
  }
  return out + escapeText(text.slice(at));
}

/**
 * Splits a passage into chunks of at most `max` characters, at sentence or word boundaries, so
 * a long passage is shown across several embeds, each labelled, rather than cut.
 */
export function splitForEmbeds(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = Math.max(window.lastIndexOf('. ') + 1, window.lastIndexOf(' '));
    let at = cut > max / 2 ? cut : max;
    if (rest[at - 1] === '\\') at -= 1;
    chunks.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  chunks.push(rest);
  return chunks;
}

/** A button carrying `action` in its `custom_id`; null when the action does not fit in one. */
export function button(
  label: string,
  action: ButtonAction,
  style: Button['style'] = 2,
): Button | null {
  const custom_id = encodeButton(action);
  return custom_id
    ? { type: 2, style, label: clip(label, DISCORD_LIMITS.buttonLabel), custom_id }
    : null;
}

/** A row of the buttons given (nulls dropped, at most five); no row when none is left. */
export function row(...buttons: (Button | null)[]): ActionRow[] {
  const present = buttons
    .filter((b): b is Button => b !== null)
    .slice(0, DISCORD_LIMITS.buttonsPerRow);
  return present.length > 0 ? [{ type: 1, components: present }] : [];
}

/** A reply that pings no one. */
export function reply(parts: Omit<Reply, 'allowedMentions'>): Reply {
  return { ...parts, allowedMentions: { parse: [] } };
}

/** Characters one message's embeds may hold, with room to spare under Discord's 6,000. */
const MESSAGE_BUDGET = DISCORD_LIMITS.embedTotal - 200;

function embedSize(e: Embed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Groups embeds, in order, into as few messages as Discord's per-message limits allow. */
export function packEmbeds(embeds: readonly Embed[]): Embed[][] {
  const groups: Embed[][] = [[]];
  let size = 0;
  for (const e of embeds) {
    const group = groups.at(-1) as Embed[];
    if (
      group.length > 0 &&
      (size + embedSize(e) > MESSAGE_BUDGET || group.length >= DISCORD_LIMITS.embeds)
    ) {
      groups.push([e]);
      size = embedSize(e);
    } else {
      group.push(e);
      size += embedSize(e);
    }
  }
  return groups;
}

/** Marks the question on an answer so buttons can read it back after a restart. */
export const QUESTION_MARK = 'Asked: ';
/**
 * Marks a question too long for the embed's author line (256 characters), shown clipped: it
 * cannot be read back, so no button that needs it is offered. A question of its own may end in
 * "…" (phones write "..." so), which is why the clip is told by this mark and not by its end.
 */
export const CLIPPED_QUESTION_MARK = 'Asked (shortened): ';

/** The question an answer message carries in its first embed, or null when it holds none whole. */
export function questionFromEmbeds(
  embeds: readonly { author?: { name?: string } | null }[],
): string | null {
  const name = embeds[0]?.author?.name;
  return name?.startsWith(QUESTION_MARK) ? name.slice(QUESTION_MARK.length) : null;
}

function questionAuthor(question: string): { name: string } {
  const whole = `${QUESTION_MARK}${question}`;
  return {
    name:
      whole.length <= DISCORD_LIMITS.authorName
        ? whole
        : clip(`${CLIPPED_QUESTION_MARK}${question}`, DISCORD_LIMITS.authorName),
  };
}

function pagesLabel(r: Pick<AnswerResult, 'pages'>): string {
  const label = pageLabel(r.pages);
  return label ? ` · ${label}` : '';
}

function resultEmbed(r: AnswerResult, n: number, info: IndexInfo, last: boolean): Embed {
  // A passage that fits is quoted whole; a longer one by the sentences that answer.
  const whole = r.text.length <= WHOLE_QUOTE;
  const quote = whole ? markQuote(r.text, r.passageHighlights) : markQuote(r.excerpt, r.highlights);
  const rest = whole
    ? ''
    : '\n\n*Excerpt: press Context for the whole passage and its neighbours.*';
  return {
    color: BLUE,
    title: clip(
      `${n}. ${r.document} · ${formatUnDate(r.date)} · ${partName(r.part, info.kinds?.get(r.letterId))}${pagesLabel(r)}`,
      DISCORD_LIMITS.embedTitle,
    ),
    url: r.url ?? undefined,
    description: `${clip(r.attribution, 600)} says:\n> ${quote}${rest}`,
    fields: [{ name: 'Citation', value: clip(r.citation, DISCORD_LIMITS.fieldValue) }],
    footer: last ? footer(info) : undefined,
  };
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
 * passages, greyed, under a heading that says they may not answer.
 */
export function renderAbstention(answer: Answer, info: IndexInfo, ephemeral: boolean): Reply {
  if (asksNothing(answer)) return renderNotice(howToAsk(info.noun, answer.examples), ephemeral);
  if (answer.reason === NO_DOCUMENTS)
    return renderNotice(
      `Annex holds no documents yet, so there is nothing to quote. An operator can ${HOW_TO_ADD}.`,
      ephemeral,
    );
  const reason =
    answer.reason === NO_DOCUMENTS_MATCH
      ? ' with these filters answers this question'
      : answer.reason === UNSIGNED
        ? ' answers this question'
        : ` answers this question${whyNotFound(answer)}`;
  const related = answer.related.map((r, i) => ({
    ...resultEmbed(r, i + 1, info, i === answer.related.length - 1),
    color: GREY,
  }));
  const closest = related.length > 0 ? `\n\n**${RELATED_HEADING}**` : '';
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
        `${answer.reason === UNSIGNED ? 'The letters this question names carry no signature (a note verbale is not signed). ' : ''}No passage in the ${describeSearched(answer.searched)}${reason}.\n\nAnnex only quotes the ${noun}s; it does not guess. Try other words, a name, a figure or a date, or \`/search\` for a looser list.${closest}`,
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

/** `/ask`: the best passages, quoted, each with its citation, and buttons to go further. */
export function renderAnswer(answer: Answer, info: IndexInfo, view: AnswerView): Reply {
  if (answer.abstained || answer.results.length === 0)
    return renderAbstention(answer, info, view.ephemeral);
  const embeds = answer.results.map((r, i) =>
    resultEmbed(r, view.offset + i + 1, info, i === answer.results.length - 1),
  );
  const first = embeds[0];
  if (first) first.author = questionAuthor(view.question);
  const shown = `${view.offset + 1}–${view.offset + answer.results.length} of ${answer.total}`;
  const last = embeds.at(-1);
  if (last?.footer)
    last.footer.text = `${shown} · searched ${describeSearched(answer.searched)} · ${footer(info, false).text}`;
  // Buttons that ask again read the question back from the message: offered only when they can.
  const resumable = questionFromEmbeds(embeds) === view.question;
  const base = { userId: view.userId, scope: view.scope };
  const next = view.offset + answer.results.length;
  const nav = resumable
    ? row(
        view.offset > 0
          ? button('Previous', {
              kind: 'ask-page',
              ...base,
              offset: Math.max(0, view.offset - answer.results.length),
            })
          : null,
        next < answer.total
          ? button('More results', { kind: 'ask-page', ...base, offset: next }, 1)
          : null,
        view.ephemeral
          ? button('Post publicly', { kind: 'publish', ...base, offset: view.offset }, 3)
          : null,
      )
    : [];
  const passageButtons = (kind: 'context' | 'cite', label: string) =>
    row(
      ...answer.results.map((r, i) => {
        const key = view.keys.get(r.letterId);
        return key && resumable
          ? button(`${label} ${view.offset + i + 1}`, {
              kind,
              ...base,
              letterKey: key,
              passage: r.near,
              offset: view.offset,
            })
          : null;
      }),
    );
  return reply({
    ephemeral: view.ephemeral,
    embeds,
    components: [
      ...nav,
      ...passageButtons('context', 'Context'),
      ...passageButtons('cite', 'Cite'),
    ],
  });
}

/** Embeds for one passage shown whole, split visibly across embeds when it is long. */
function passageEmbeds(letter: Letter, passage: Passage, heading: string, color: number): Embed[] {
  const chunks = splitForEmbeds(escapeText(passage.text), 3500);
  return chunks.map((chunk, i) => ({
    color,
    title: i === 0 ? clip(heading, DISCORD_LIMITS.embedTitle) : undefined,
    url: i === 0 ? (documentUrl(letter) ?? undefined) : undefined,
    description: `${chunks.length > 1 ? `*(part ${i + 1} of ${chunks.length})*\n` : ''}> ${chunk.replace(/\n/g, '\n> ')}`,
  }));
}

/**
 * A passage with the ones before and after it (the "Context" button and `/quote … context`),
 * within the 6,000 characters a message may hold: neighbours that do not fit are named, not cut.
 */
export function renderPassage(
  letter: Letter,
  n: number,
  info: IndexInfo,
  options: { context: boolean; question?: string; back?: Button | null; userId: string },
): Reply {
  const passage = letter.passages.find((p) => p.n === n);
  if (!passage)
    return renderNotice(
      `Passage ${n} is not in this ${letter.kind} (it has ${letter.passages.length}).`,
      true,
    );
  const around = options.context
    ? letter.passages.filter((p) => Math.abs(p.n - n) <= 1)
    : [passage];
  const main = passageEmbeds(
    letter,
    passage,
    `Passage: passage ${n} (${partName(passage.part, letter.kind)}${pagesLabel(passage)})`,
    BLUE,
  );
  let room = MESSAGE_BUDGET - main.reduce((sum, e) => sum + embedSize(e), 0) - 1500;
  const before: Embed[] = [];
  const after: Embed[] = [];
  const left: number[] = [];
  for (const p of around) {
    if (p.n === n) continue;
    const pe = passageEmbeds(
      letter,
      p,
      `${p.n < n ? 'Before' : 'After'}: passage ${p.n} (${partName(p.part, letter.kind)}${pagesLabel(p)})`,
      GREY,
    );
    const size = pe.reduce((sum, e) => sum + embedSize(e), 0);
    if (size > room) {
      left.push(p.n);
      continue;
    }
    room -= size;
    (p.n < n ? before : after).push(...pe);
  }
  const embeds = [...before, ...main, ...after];
  const closing: Embed = {
    color: GREEN,
    description: `${clip(attribution(letter, passage), 900)}\n\n**Citation:** ${escapeText(formatCitation(letter, passage))}${left.length ? `\n\nNot shown (too long for one message): passage ${left.join(', ')} — use \`/quote\`.` : ''}`,
    footer: footer(info),
  };
  if (options.question) embeds[0] = { ...embeds[0], author: questionAuthor(options.question) };
  embeds.push(closing);
  const key = letterKey(letter);
  const nav = row(
    options.back ?? null,
    n > 1
      ? button(`Passage ${n - 1}`, {
          kind: 'quote',
          userId: options.userId,
          letterKey: key,
          passage: n - 1,
        })
      : null,
    n < letter.passages.length
      ? button(`Passage ${n + 1}`, {
          kind: 'quote',
          userId: options.userId,
          letterKey: key,
          passage: n + 1,
        })
      : null,
  );
  const [first = [], ...rest] = packEmbeds(embeds);
  return reply({
    embeds: first,
    components: nav,
    continuation: rest.map((group) => reply({ embeds: group, components: [] })),
  });
}

/** The `/cite` reply and the "Cite" button: every style, each in a code block for copying. */
export function renderCitations(
  letter: Letter,
  passage: Passage | null,
  info: IndexInfo,
  options: { style?: CitationStyle; question?: string; back?: Button | null } = {},
): Reply {
  const styles = options.style ? [options.style] : [...CITATION_STYLES];
  const fields = styles.map((s) => ({
    name: CITATION_STYLE_NAMES[s],
    value: clip(
      `\`\`\`\n${formatStyledCitation(letter, passage, s).replace(/`/g, "'")}\n\`\`\``,
      DISCORD_LIMITS.fieldValue,
    ),
  }));
  const link = documentUrl(letter);
  return reply({
    embeds: [
      {
        color: GREEN,
        author: options.question ? questionAuthor(options.question) : undefined,
        title: clip(
          passage
            ? `Cite passage ${passage.n} of this ${kindOf(letter)}`
            : `Cite this ${kindOf(letter)}`,
          DISCORD_LIMITS.embedTitle,
        ),
        description: `${escapeText(clip(letter.title, 1500))}\n${link ? `<${link}>` : 'No document symbol in the text, so no link: the citation uses the title and date.'}${passage ? "\nPassage numbers are Annex's own: cite the page (where shown) in formal writing." : ''}`,
        fields,
        footer: footer(info),
      },
    ],
    components: row(options.back ?? null),
  });
}

/** Context for a /search page. */
export interface SearchView {
  question: string;
  userId: string;
  offset: number;
  scope: ButtonScope;
}

/** `/search`: a compact ranked list, one line per passage, paged. */
export function renderSearchPage(answer: Answer, info: IndexInfo, view: SearchView): Reply {
  if (answer.abstained || answer.results.length === 0) return renderAbstention(answer, info, false);
  const lines = answer.results.map((r, i) => {
    const where = listedWhere(r, info.kinds?.get(r.letterId));
    return `**${view.offset + i + 1}.** ${markQuote(clip(r.excerpt, 300), r.excerpt.length > 300 ? [] : r.highlights)}\n— ${escapeText(where)}${r.url ? ` · <${r.url}>` : ''}`;
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
    footer: {
      text: `${view.offset + 1}–${next} of ${answer.total} · searched ${describeSearched(answer.searched)} · ${footer(info, false).text}`,
    },
  };
  const resumable = questionFromEmbeds([embed]) === view.question;
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

/** `/letters`: the indexed letters, newest first, paged. */
export function renderLettersPage(
  letters: readonly Letter[],
  page: number,
  info: IndexInfo,
  userId: string,
): Reply {
  const pages = Math.max(1, Math.ceil(letters.length / LETTERS_PAGE_SIZE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const newestFirst = [...letters].reverse();
  const shown = newestFirst.slice(p * LETTERS_PAGE_SIZE, (p + 1) * LETTERS_PAGE_SIZE);
  // A letter's kind goes without saying among letters only; beside speeches it is said, as `cli letters` does.
  const lines = shown.map((l) => {
    const who = isLetter(l)
      ? info.noun === 'letter'
        ? ''
        : ` · ${l.kind}`
      : ` · ${escapeText(clip(l.author ? `${l.kind} by ${l.author}` : l.kind, 100))}`;
    return `**${formatUnDate(l.date)}** · ${l.symbol ? `[${l.symbol}](${documentUrl(l)})` : '*no symbol in text*'}${who}\n${escapeText(clip(l.title, 300))}`;
  });
  return reply({
    embeds: [
      {
        color: BLUE,
        title: `${info.noun === 'letter' ? 'Letters' : 'Documents'} indexed: ${letters.length}`,
        description:
          lines.join('\n\n') || `Annex holds no documents yet. An operator can ${HOW_TO_ADD}.`,
        footer: { text: `Page ${p + 1} of ${pages} · ${footer(info).text}` },
      },
    ],
    components: row(
      p > 0 ? button('Previous', { kind: 'letters-page', userId, page: p - 1 }) : null,
      p < pages - 1 ? button('Next', { kind: 'letters-page', userId, page: p + 1 }, 1) : null,
    ),
  });
}

/** `/letter`: the metadata read from the letter, its link, and its full text as a `.txt` file. */
export function renderLetter(letter: Letter, info: IndexInfo): Reply {
  const field = (name: string, value: string) => ({
    name,
    value: clip(value || '—', DISCORD_LIMITS.fieldValue),
    inline: value.length < 60,
  });
  const link = documentUrl(letter);
  const people = isLetter(letter)
    ? [field('From', letter.sender), field('To', letter.addressee)]
    : [field('Author', letter.author ?? 'unknown')];
  // A letter's masthead and signature fields are shown empty ("—") only for a letter, whose
  // text has them as a rule; a speech or report shows those it has.
  const masthead = (name: string, value: string) =>
    value || isLetter(letter) ? [field(name, value)] : [];
  const fields = [
    field('Symbol', letter.symbol ?? 'No symbol in text'),
    field('Date', formatUnDate(letter.date)),
    ...masthead('Distributed', letter.distributed ? formatUnDate(letter.distributed) : ''),
    field('Kind', letter.kind),
    ...people,
    ...masthead(
      'Signed',
      letter.signatories.map((s) => (s.title ? `${s.name} (${s.title})` : s.name)).join('\n'),
    ),
    ...masthead('Bodies', letter.bodies.join('\n')),
    ...masthead('Agenda items', letter.agendaItems.join(', ')),
    field('Passages', `${letter.passages.length} (numbered by Annex)`),
    ...letter.annexes.map((a, i) =>
      field(
        `Annex${letter.annexes.length > 1 ? ` ${i + 1}` : ''}`,
        `${a.title}${a.date ? ` (${formatUnDate(a.date)})` : ''}`,
      ),
    ),
  ].slice(0, DISCORD_LIMITS.embedFields);
  const fileName = `${letter.id.replace(/[^\w.-]+/g, '-').slice(0, 80)}.txt`;
  return reply({
    embeds: [
      {
        color: BLUE,
        title: clip(letter.title, DISCORD_LIMITS.embedTitle),
        url: link ?? undefined,
        description: link
          ? `Official text: <${link}>`
          : 'The text carries no document symbol and its front matter no url, so there is no official link.',
        fields: fields.map((f) => ({ ...f, value: escapeText(f.value) })),
        footer: { text: `Full text attached as ${fileName} · ${footer(info).text}` },
      },
    ],
    components: [],
    files: [
      { attachment: Buffer.from(`${letter.title}\n\n${letter.text}\n`, 'utf8'), name: fileName },
    ],
  });
}

/**
 * `/help`: what Annex does and does not do, the commands, and the index, in the corpus's noun;
 * `examples` are questions this corpus answers (`askExamples`), never another corpus's.
 */
export function renderHelp(
  info: IndexInfo,
  commands: readonly { name: string; description: string }[],
  examples: readonly string[] = [],
): Reply {
  const noun = info.noun;
  const range =
    info.from && info.to
      ? `, ${formatUnDate(info.from)} – ${formatUnDate(info.to)}`
      : info.letters === 0
        ? ''
        : ', undated';
  const letters = noun === 'letter';
  return reply({
    ephemeral: true,
    embeds: [
      {
        color: BLUE,
        title: `Annex: answers from the ${noun}s, quoted`,
        description: [
          `Annex answers questions about a set of United Nations ${letters ? 'letters' : 'documents (letters, speeches, statements, reports…)'} **by quoting them verbatim**, each quote with a citation you can check (symbol, date, ${letters ? 'letter' : 'part'} or annex, page, passage, link).`,
          '',
          `**What it does not do:** there is no AI model here. Annex never writes a sentence of its own about the ${noun}s. The quotes are statements of the governments and bodies that wrote them, not facts vouched for by Annex. When no passage answers, it says so.`,
          '',
          `Passage numbers are Annex's own (${letters ? 'UN letters have' : 'UN letters and speeches have'} no numbered paragraphs); pages are given where the text shows them.`,
          '',
          'You can also DM the bot a question, or mention it in a channel. Moderators: right-click a message → Apps → **Check in letters**.',
        ].join('\n'),
        fields: [
          {
            name: 'Commands',
            value: commands
              .map((c) => `\`/${c.name}\` ${c.description}`)
              .join('\n')
              .slice(0, DISCORD_LIMITS.fieldValue),
          },
          {
            name: 'Ask like this',
            value: clip(
              [
                ...examples.map((e) => `• *${escapeText(e)}*`),
                '• an exact phrase: put it in "double quotes"',
                '• narrow it with the `letter`, `from` and `to` options',
              ].join('\n'),
              DISCORD_LIMITS.fieldValue,
            ),
          },
          {
            name: 'Index',
            value: `${countDocuments(info.letters, noun)}, ${count(info.passages, 'passage')}${range}${info.letters === 0 ? `\nNo documents yet: an operator can ${HOW_TO_ADD}.` : ''}\nBuilt ${info.builtAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
          },
        ],
        footer: footer(info),
      },
    ],
    components: [],
  });
}

/** "Check in letters": found verbatim, close passages, or not in the letters — plus what was searched. */
export function renderVerdict(
  claim: string,
  verdict: Verdict,
  searched: Searched,
  info: IndexInfo,
): Reply {
  const head = { name: clip(`Claim: ${claim}`, DISCORD_LIMITS.authorName) };
  const scope = `Searched ${describeSearched(searched)}.`;
  const noun = `${searched.noun}s`;
  if (verdict.kind === 'verbatim') {
    const { letter, passage } = verdict;
    return reply({
      ephemeral: true,
      embeds: [
        {
          color: GREEN,
          author: head,
          title: `Quoted verbatim in ${withArticle(letter.kind)}`,
          url: documentUrl(letter) ?? undefined,
          description: `${clip(attribution(letter, passage), 800)} says:\n> ${clip(escapeText(passage.text), 2500)}`,
          fields: [
            {
              name: 'Citation',
              value: clip(formatCitation(letter, passage), DISCORD_LIMITS.fieldValue),
            },
          ],
          footer: { text: `${scope} ${footer(info, false).text}` },
        },
      ],
      components: [],
    });
  }
  if (verdict.kind === 'absent') {
    return reply({
      ephemeral: true,
      embeds: [
        {
          color: GREY,
          author: head,
          title: `Not in the ${noun}`,
          description: `No passage states this or anything close to it. ${scope}\n\nThat the ${noun} do not say it does not make it false, only unsupported by them.`,
          footer: footer(info),
        },
      ],
      components: [],
    });
  }
  const embeds = verdict.answer.results.map((r, i) => resultEmbed(r, i + 1, info, false));
  return reply({
    ephemeral: true,
    embeds: [
      {
        color: AMBER,
        author: head,
        title: 'Not quoted verbatim; closest passages',
        description: `The ${noun} do not contain these words as written. The closest passages follow: compare them with the claim. ${scope}`,
      },
      ...embeds,
    ],
    components: [],
  });
}

/** A short message, private by default (errors, stale buttons, rate limits). */
export function renderNotice(text: string, ephemeral = true): Reply {
  return reply({
    ephemeral,
    content: clip(text, DISCORD_LIMITS.content),
    embeds: [],
    components: [],
  });
}

/** What `/reload` changed: added, changed, removed and refused letters. */
export function renderReloadReport(report: ReloadReport, info: IndexInfo): Reply {
  const list = (items: string[]) =>
    clip(items.map((i) => `• ${escapeText(i)}`).join('\n') || '—', DISCORD_LIMITS.fieldValue);
  return reply({
    ephemeral: true,
    embeds: [
      {
        color: report.rejected.length > 0 ? AMBER : GREEN,
        title: `Reloaded: ${countDocuments(report.letters, info.noun)} in ${report.ms} ms`,
        fields: [
          { name: `Added (${report.added.length})`, value: list(report.added) },
          { name: `Changed (${report.changed.length})`, value: list(report.changed) },
          { name: `Removed (${report.removed.length})`, value: list(report.removed) },
          { name: `Refused (${report.rejected.length})`, value: list(report.rejected) },
        ],
        footer: footer(info),
      },
    ],
    components: [],
  });
}
