/**
 * The documents themselves rather than passages: `/letters`, the indexed documents newest first
 * a page at a time, and `/letter`, one document's metadata, link and full text as a file.
 */
import { formatUnDate } from '../corpus/dates.ts';
import { isLetter, type Letter, newestFirst, withThousands } from '../corpus/schema.ts';
import { documentUrl, kindAndAuthor } from '../search/cite.ts';
import type { IndexInfo } from '../serving/state.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { clip, escapeText } from './markdown.ts';
import { BLUE, button, footer, type Reply, renderNotice, reply, row } from './reply.ts';
import {
  describeListFilter,
  filterDocuments,
  isFiltered,
  type ListFilter,
  NO_FILTER,
  whyNoneMatch,
} from '../search/list-filter.ts';
import { upperFirst } from '../search/cite.ts';
import { HOW_TO_ADD, signatoryLabel } from './wording.ts';

/** Documents per `/letters` page. */
export const LETTERS_PAGE_SIZE = 10;

/**
 * `/letters`: the indexed documents, newest first, paged; with a filter (kind, author, year), those
 * that pass it, saying which filter and how to see all. When none passes: why, privately.
 */
export function renderLettersPage(
  letters: readonly Letter[],
  page: number,
  info: IndexInfo,
  userId: string,
  filter: ListFilter = NO_FILTER,
): Reply {
  const filtered = isFiltered(filter);
  const listed = filtered ? filterDocuments(letters, filter) : letters;
  const nouns = info.noun === 'letter' ? 'letters' : 'documents';
  const seeAll = `\`/letters\` without options lists all ${withThousands(letters.length)}.`;
  if (filtered && listed.length === 0 && letters.length > 0)
    return renderNotice(
      `No ${info.noun} matches ${describeListFilter(letters, filter)}: ${whyNoneMatch(letters, filter)}. ${seeAll}`,
    );
  const pages = Math.max(1, Math.ceil(listed.length / LETTERS_PAGE_SIZE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const shown = newestFirst(listed).slice(p * LETTERS_PAGE_SIZE, (p + 1) * LETTERS_PAGE_SIZE);
  // A letter's kind goes without saying among letters only; beside speeches it is said, as `cli letters` does.
  const lines = shown.map((l) => {
    const who =
      isLetter(l) && info.noun === 'letter' ? '' : ` · ${escapeText(clip(kindAndAuthor(l), 100))}`;
    return `**${formatUnDate(l.date)}** · ${l.symbol ? `[${l.symbol}](${documentUrl(l)})` : '*no symbol in text*'}${who}\n${escapeText(clip(l.title, 300))}`;
  });
  const heading = filtered
    ? `Filter: ${escapeText(clip(describeListFilter(letters, filter), 300))}. ${seeAll}\n\n`
    : '';
  const title = filtered
    ? `${upperFirst(nouns)} matching: ${withThousands(listed.length)} of ${withThousands(letters.length)}`
    : `${info.noun === 'letter' ? 'Letters' : 'Documents'} indexed: ${withThousands(letters.length)}`;
  const action = (to: number) =>
    ({ kind: 'letters-page', userId, page: to, ...(filtered ? { filter } : {}) }) as const;
  return reply({
    embeds: [
      {
        color: BLUE,
        title,
        description:
          heading + lines.join('\n\n') ||
          `Annex holds no documents yet. An operator can ${HOW_TO_ADD}.`,
        footer: {
          text: `Page ${withThousands(p + 1)} of ${withThousands(pages)} · ${footer(info, true, false).text}`,
        },
      },
    ],
    components: row(
      p > 0 ? button('Previous', action(p - 1)) : null,
      p < pages - 1 ? button('Next', action(p + 1), 1) : null,
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
    ...masthead('Signed', letter.signatories.map(signatoryLabel).join('\n')),
    ...masthead('Bodies', letter.bodies.join('\n')),
    ...masthead('Agenda items', letter.agendaItems.join(', ')),
    field('Passages', `${letter.passages.length} (numbered by the Annex bot)`),
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
