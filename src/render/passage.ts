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
    `Passage ${n} (${partName(passage.part, letter.kind)}${pagesLabel(passage)})`,
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
    description: `${clip(speaker(letter, passage), 900)}\n\n**Citation:** ${escapeText(formatCitation(letter, passage))}${left.length ? `\n\nNot shown (too long for one message): passage ${left.join(', ')} — use \`/quote\`.` : ''}`,
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
