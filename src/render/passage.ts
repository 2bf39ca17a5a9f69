/**
 * One passage shown whole (`/quote`, the "Context" button), with its neighbours on request:
 * split visibly across embeds when long, neighbours that do not fit in one message named rather
 * than cut, and buttons to step to the passage before or after.
 */
import type { Letter, Passage } from '../corpus/schema.ts';
import { documentUrl, formatCitation, speaker } from '../search/cite.ts';
import { type IndexInfo, letterKey } from '../serving/state.ts';
import { questionAuthor } from './asked.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { clip, escapeText, splitForEmbeds } from './markdown.ts';
import {
  BLUE,
  type Button,
  button,
  type Embed,
  embedSize,
  footer,
  GREEN,
  GREY,
  MESSAGE_BUDGET,
  packEmbeds,
  type Reply,
  renderNotice,
  reply,
  row,
} from './reply.ts';
import { pagesLabel, partName } from './wording.ts';
import { asNamed, findPassage, numberingOf, paragraphLabel } from '../search/paragraph-numbers.ts';

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
 * What `/quote` shows of a document, alike in Discord and a terminal (`cli quote`): the passage
 * asked for and, with context, the ones just before and after it, each with its heading; who
 * says it and its citation. `missing` says why there is nothing when the passage is not there.
 */
export type QuotedPassage =
  | {
      passage: Passage;
      heading: string;
      /** The passages around it, in reading order (none without context), with their headings. */
      around: { passage: Passage; heading: string }[];
      speaker: string;
      citation: string;
    }
  | { missing: string };

/**
 * A passage of a document as `/quote` shows it, with its neighbours when `context` asks: passage
 * `asked` as Annex numbers them, or the paragraph "para. 45" names (`findPassage`).
 */
export function quotePassage(
  letter: Letter,
  asked: number | string,
  context: boolean,
): QuotedPassage {
  const passage = findPassage(letter, asked);
  if (!passage)
    return {
      missing: `${asNamed(asked, true)} is not in this ${letter.kind} (it has ${numberingOf(letter)}).`,
    };
  const { n } = passage;
  // The document's own paragraph number first, where it numbers them: "para. 3 · report · p. 1".
  const where = (p: Passage) =>
    `${[paragraphLabel(letter, p), partName(p.part, letter.kind)].filter(Boolean).join(' · ')}${pagesLabel(p)}`;
  return {
    passage,
    heading: `Passage ${n} (${where(passage)})`,
    around: context
      ? letter.passages
          .filter((p) => p.n !== n && Math.abs(p.n - n) <= 1)
          .map((p) => ({
            passage: p,
            heading: `${p.n < n ? 'Before' : 'After'}: passage ${p.n} (${where(p)})`,
          }))
      : [],
    speaker: speaker(letter, passage),
    citation: formatCitation(letter, passage),
  };
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
  const quoted = quotePassage(letter, n, options.context);
  if ('missing' in quoted) return renderNotice(quoted.missing, true);
  const main = passageEmbeds(letter, quoted.passage, quoted.heading, BLUE);
  let room = MESSAGE_BUDGET - main.reduce((sum, e) => sum + embedSize(e), 0) - 1500;
  const before: Embed[] = [];
  const after: Embed[] = [];
  const left: number[] = [];
  for (const { passage: p, heading } of quoted.around) {
    const pe = passageEmbeds(letter, p, heading, GREY);
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
    description: `${clip(quoted.speaker, 900)}\n\n**Citation:** ${escapeText(quoted.citation)}${left.length ? `\n\nNot shown (too long for one message): passage ${left.join(', ')} — use \`/quote\`.` : ''}`,
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
