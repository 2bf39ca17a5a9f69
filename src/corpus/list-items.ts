/**
 * A lead-in and its list items as one paragraph: "9. The Secretary-General urges Member States:"
 * says nothing without "(a) To provide …", "(b) To ensure …", and they say little without it. In
 * a document that is no letter, they are quoted together when together they fit in one passage.
 */
import type { Block } from './blocks.ts';
import { LEAD_IN, LIST_ITEM } from './paragraphs.ts';
import { MAX_PASSAGE_CHARS } from './sentences.ts';


/** `after` joined to `before` as the next words of one block, with its lines and pages. */
function joinBlock(before: Block, after: Block): Block {
  const from = before.text.length + 1;
  return {
    text: `${before.text} ${after.text}`,
    lines: [...before.lines, ...after.lines],
    line: before.line,
    pages: [...new Set([...before.pages, ...after.pages])].sort((a, z) => a - z),
    pageSpans: [...before.pageSpans, ...after.pageSpans.map((span) => ({ ...span, from: span.from + from }))],
  };
}

/**
 * Whether a block's own list items go on after it: it holds items ("… the State party: (a) …;
 * (b) …;") and ends as an item before the next does, with a semicolon. A page break cuts such a
 * list as a blank line would ("(c) Publicly condemn …" at the top of the next page).
 */
const itemsGoOn = (text: string): boolean => /;$/.test(text) && INLINE_ITEM.test(text);
/** A list item's mark inside a paragraph: "(a) ", "(iv) ". */
const INLINE_ITEM = /\s\((?:[a-z]|[ivx]{1,5})\)\s/;

/**
 * The blocks with each lead-in (a block ending with a colon, or one whose items go on) joined to the list items right after
 * it, when all of them together stay within `MAX_PASSAGE_CHARS`; otherwise each stays a passage of
 * its own, as a paragraph too long to quote whole would be cut.
 */
export function joinListItems(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const lead = blocks[i] as Block;
    let end = i + 1;
    let length = lead.text.length;
    while (end < blocks.length && LIST_ITEM.test((blocks[end] as Block).text)) {
      length += 1 + (blocks[end] as Block).text.length;
      end += 1;
    }
    if (!(LEAD_IN.test(lead.text) || itemsGoOn(lead.text)) || end === i + 1 || length > MAX_PASSAGE_CHARS) {
      out.push(lead);
      continue;
    }
    out.push(blocks.slice(i + 1, end).reduce(joinBlock, lead));
    i = end - 1;
  }
  return out;
}
