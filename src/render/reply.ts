/**
 * The pieces every Discord reply is built from: the API shapes of a reply, its embeds and
 * buttons, the reply that pings no one, the footer each ends with, and the packing of embeds
 * into as few messages as Discord's limits allow. What a reply says is decided by the modules
 * that render each command; here is only how any reply is put together.
 */
import { countDocuments } from '../corpus/schema.ts';
import type { IndexInfo } from '../serving/state.ts';
import { type ButtonAction, encodeButton } from './custom-ids.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { clip } from './markdown.ts';

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

/** The reply itself: quotes, lists, a document, help. */
export const BLUE = 0x1f6feb;
/** What is no answer: "not found", the closest passages, a passage's neighbours. */
export const GREY = 0x6e7681;
/** What can be relied on as it stands: a citation, a claim found verbatim, a clean reload. */
export const GREEN = 0x2ea043;
/** What needs a second look: a claim not found as written, files a reload refused. */
export const AMBER = 0xd29922;

/** When the index was built, to the minute, in UTC: "2026-11-22 12:00". */
export function builtAt(info: Pick<IndexInfo, 'builtAt'>): string {
  return info.builtAt.toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The footer every reply ends with: the index (its letters, when it was built), and, on a reply
 * that quotes, that quotes are the letters' authors' words. `counted` false leaves out the letter
 * count, for a footer that already says how many letters were searched; `quoting` false leaves
 * out what quotes are, for a list that quotes nothing (`/letters`).
 */
export function footer(info: IndexInfo, counted = true, quoting = true): { text: string } {
  const noun = info.noun;
  const letters = counted ? ` · ${countDocuments(info.letters, noun)}` : '';
  const quotes = quoting
    ? ` · quotes are the ${noun}s' authors' words; passage numbers are Annex's own`
    : '';
  return { text: `Annex${letters} · index built ${builtAt(info)} UTC${quotes}` };
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
export const MESSAGE_BUDGET = DISCORD_LIMITS.embedTotal - 200;

/** The characters of an embed that count toward Discord's 6,000 per message. */
export function embedSize(e: Embed): number {
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

/** A short message, private by default (errors, stale buttons, rate limits). */
export function renderNotice(text: string, ephemeral = true): Reply {
  return reply({
    ephemeral,
    content: clip(text, DISCORD_LIMITS.content),
    embeds: [],
    components: [],
  });
}
