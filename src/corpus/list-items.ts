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

/**
 * A block that opens a meeting record's vote: "A recorded vote was taken." (A resolution's
 * "Voting record" leads into lists too long, mostly, to be quoted with it.)
 */
const VOTE_OPENS = /^A (?:recorded )?vote was taken\b/i;
/** A list of a vote: "In favour: …", "Against: …", "Abstaining: …". */
const VOTE_LIST = /^(?:In favour|Against|Abstaining):/i;
/** The outcome a record states after the lists: "… was adopted by 24 votes to 3, with 5 abstentions". */
const VOTE_OUTCOME = /\bby \d+ votes? to \d+\b/i;

/**
 * A meeting record's vote as one passage: "A recorded vote was taken.", the lists of those in
 * favour, against and abstaining, and the outcome after them ("Draft resolution A/80/L.21 was
 * adopted by 24 votes to 3, with 5 abstentions (resolution 80/61)."), when together they fit in a
 * passage. Apart, "Against: Drovenia, Ostravel, Valmoria" said nothing of what was voted on (user
 * trial 33: "who voted against the karsa floods resolution" never found it).
 */
export function joinVoteRecords(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const first = blocks[i] as Block;
    if (!VOTE_OPENS.test(first.text)) {
      out.push(first);
      continue;
    }
    let end = i + 1;
    while (end < blocks.length && VOTE_LIST.test((blocks[end] as Block).text)) end += 1;
    if (end < blocks.length && VOTE_OUTCOME.test((blocks[end] as Block).text)) end += 1;
    const joined = blocks.slice(i, end);
    const length = joined.reduce((sum, b) => sum + b.text.length + 1, 0);
    if (end === i + 1 || length > MAX_PASSAGE_CHARS) {
      out.push(first);
      continue;
    }
    out.push(joined.slice(1).reduce(joinBlock, first));
    i = end - 1;
  }
  return out;
}
