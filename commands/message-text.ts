/**
 * A Discord message's text as Discord shows it: its markdown (bold, quotes, spoilers, code,
 * headings, masked links) read by `discord-markdown-parser` and reduced to the words shown;
 * emoji, mentions, timestamps and bare links, which are no words of a claim, left out.
 */
import { parse } from 'discord-markdown-parser';

/** A node of the parser's tree: its text, or the nodes inside it. */
interface MarkdownNode {
  type: string;
  content?: string | MarkdownNode[];
}

/**
 * Nodes that show no words a document could hold: emoji, mentions, timestamps, and a bare web
 * address (people post a quote with its source's link; a masked link keeps its words).
 */
const WORDLESS = new Set([
  'url',
  'autolink',
  'emoji',
  'twemoji',
  'emoticon',
  'user',
  'channel',
  'role',
  'everyone',
  'here',
  'timestamp',
  'slashCommand',
  'guildNavigation',
]);

/**
 * Characters that show nothing: zero-width space, (non-)joiner, direction marks, word joiner,
 * soft hyphen, byte-order mark. Text copied from web pages and PDFs carries them inside words
 * ("m\u200bine"), where a reader sees the word whole.
 */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/** Bare web addresses: no words of a claim, but part of a question ("what does <link> say"). */
const LINKS = new Set(['url', 'autolink']);

function textOf(nodes: readonly MarkdownNode[], keepLinks: boolean): string {
  let out = '';
  for (const node of nodes) {
    if (WORDLESS.has(node.type) && !(keepLinks && LINKS.has(node.type))) continue;
    if (node.type === 'br' || node.type === 'newline') out += '\n';
    else if (typeof node.content === 'string') out += node.content;
    else if (Array.isArray(node.content)) out += textOf(node.content, keepLinks);
    // A block (a quote, a heading, a code block) stands on lines of its own.
    if (node.type === 'blockQuote' || node.type === 'heading' || node.type === 'codeBlock')
      out += '\n';
  }
  return out;
}

/**
 * A question (or what to chart) as Discord shows it, wherever it was typed (a DM, a mention, a
 * slash command's option, where a mention or custom emoji picked from Discord's list is markup
 * too): its emoji and mentions are no words of it; a link it writes is.
 */
export function questionText(content: string): string {
  return displayedText(content, { keepLinks: true });
}

/**
 * The words a message shows, as a reader sees them: "> There is **neither** marking 😡" is
 * "There is neither marking". What a moderator checks is what the message says, not its markup.
 * `keepLinks` keeps a bare web address as written, for a question that names a document by it.
 */
export function displayedText(content: string, { keepLinks = false } = {}): string {
  return textOf(parse(content.replace(INVISIBLE, ''), 'extended') as MarkdownNode[], keepLinks)
    .replace(/[ \t]+/g, ' ')
    .trim();
}
