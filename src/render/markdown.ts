/**
 * Text made safe and fitting for Discord: Discord markdown in the documents' text escaped (in
 * linear time), matched words bolded without changing a character of the quote, long text split
 * visibly at sentence or word boundaries, and labels clipped with a visible ellipsis.
 */
import { escapeMarkdown } from '@discordjs/formatters';
import type { Highlight } from '../search/excerpt.ts';
import { markHighlights } from './wording.ts';

/** Shortens `text` to `max` characters with a visible ellipsis (for titles and labels only, never quotes). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The only characters `escapeMarkdown` (default options) ever escapes. */
const MARKDOWN_CHARACTER = /[\\`*_~|]/;
/** Longest run given to `escapeMarkdown` at once: its look-behinds make it quadratic in length. */
const ESCAPE_RUN = 200;

/**
 * Text of several lines on one: every run of spaces and line breaks one space. For an embed's
 * author line, which shows a question or a claim (a message of several lines) as one line.
 */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

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
const BOLD_OPEN = '\uE000';
const BOLD_CLOSE = '\uE001';
const BOLD_MARKS = /[\uE000\uE001]/g;
const HAS_BOLD_MARK = /[\uE000\uE001]/;

/**
 * Escapes Discord markdown in `text` and bolds each highlight: the words themselves are
 * unchanged. The highlights are marked with private-use characters so the quote is escaped in
 * one pass; a text that already holds those characters is escaped piece by piece instead.
 */
export function markQuote(text: string, highlights: readonly Highlight[]): string {
  if (!HAS_BOLD_MARK.test(text))
    return escapeText(markHighlights(text, highlights, BOLD_OPEN, BOLD_CLOSE)).replace(
      BOLD_MARKS,
      '**',
    );
  let out = '';
  let at = 0;
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

/**
 * Text as a Discord block quote: "> " before each of its lines, blank ones too, for Discord
 * quotes only the line a "> " starts (a masthead's "Distr.: General …" line was left unquoted).
 */
export function blockQuote(text: string): string {
  return `> ${text.replace(/\n/g, '\n> ')}`;
}
