/**
 * Reads the body of a document, block by block, into its parts (the letter itself, its annexes
 * and enclosures), passages, signatories and the organs it names. Letters and every other
 * document share it: what differs is only where the body starts.
 */
import { type Block, NUMBERED_PARAGRAPH, pagesOfRange } from './blocks.ts';
import { asWritten } from './capitals.ts';
import { parseWrittenDate, PLACE_AND_DATE } from './dates.ts';
import { BODY_LINE, parseBodies, SYMBOLS_ONLY } from './masthead.ts';
import { LETTER_HEADING as HEADING, LIST_ITEM } from './paragraphs.ts';
import type { Annex, PartKind, Passage, Signatory } from './schema.ts';
import { splitParagraph } from './sentences.ts';
import { isTableText, rowStarts } from './tables.ts';

/** The heading that opens a letter or an annexed letter (`LETTER_HEADING`). */
export { LETTER_HEADING as HEADING } from './paragraphs.ts';
const HEADING_PARTS =
  /^(?:Identical letters|Letter|Note verbale) dated (.+?) from (?:the )?(.+?) addressed to (?:the )?(.+?)\.?$/i;
const SIGNED = /^\(Signed\)\s*/;
const ANNEX_HEADING = /^Annex(?:\s+[IVXLC\d]+)?(?:\s+to\s+the\s+.+)?$/i;
const ENCLOSURE_HEADING = /^Enclosure(?:\s+[IVXLC\d]+)?(?:\s+to\s+the\s+.+)?$/i;
const FOOTNOTE = /^\*+\s/;
const SENTENCE_END = /[.?!]["”’)]?$/;
/** A clause's end, after a word or a figure: a comma, a semicolon or a colon. */
const CLAUSE_END = /[\p{L}\p{N})’”"][,;:]$/u;
/** Whether an annex has its title: a line under its "Annex …" line. */
function titled(annex: { title: string } | undefined): boolean {
  return annex !== undefined && !ANNEX_HEADING.test(annex.title) && !ENCLOSURE_HEADING.test(annex.title);
}

/** Words that begin a signatory's title rather than continue their name. */
const TITLE_START =
  /\s(?=(?:Ambassador|Permanent|Deputy|Chargé|Charge|Minister|Acting|Head|Director|Counsellor|First|Second|Third|Secretary|President|Chair|Representative|Special|Senior|Vice)(?!\p{L}))/u;

/** Whether a passage is a signature block ("(Signed) Yashar Aliyev Ambassador …"). */
export function isSignature(text: string): boolean {
  return SIGNED.test(text);
}

/** What a "Letter dated … from … addressed to …" heading says. */
export interface Heading {
  kind: 'letter' | 'note verbale';
  date: string | null;
  sender: string | null;
  addressee: string | null;
}

/** Reads a letter's (or an annexed letter's) heading. */
export function parseHeading(text: string): Heading {
  const kind = /^note verbale/i.test(text) ? 'note verbale' : 'letter';
  // "LETTER DATED 13 MARCH 1996 FROM THE PERMANENT REPRESENTATIVE OF …": names as names are written.
  const m = HEADING_PARTS.exec(asWritten(text));
  return {
    kind,
    date: parseWrittenDate(text.slice(0, 80)),
    sender: m?.[2] ?? null,
    addressee: m?.[3] ?? null,
  };
}

function parseSignature(block: Block, fallbackTitle: string | null): Signatory {
  const [first = '', ...rest] = block.lines;
  const firstLine = first.replace(SIGNED, '').trim();
  let name = firstLine;
  let title = rest.join(' ').trim();
  const split = TITLE_START.exec(firstLine);
  if (split) {
    name = firstLine.slice(0, split.index).trim();
    title = `${firstLine.slice(split.index).trim()} ${title}`.trim();
  }
  return { name, title: title || fallbackTitle };
}

interface Part {
  kind: PartKind;
  index: number;
  /** Sender named in the part's own "Letter dated … from …" heading, to title an untitled signature. */
  sender: string | null;
  /** True until the part's title (and date line) have been read. */
  awaitingTitle: boolean;
}

/** A document's body as `readBody` reads it. */
export interface Body {
  passages: Passage[];
  signatories: Signatory[];
  annexes: Annex[];
  /** Organs named on lines of their own in the body (extraction may put masthead lines there). */
  bodies: string[];
  /** The document's text as a reader sees it: every block, blank lines between. */
  text: string;
}

/**
 * Reads `blocks` from `bodyStart` on into passages, signatures, annexes and organ lines; the
 * blocks before it (masthead, heading, title) are only placed in the text. `sender` titles a
 * signature of the main part that gives no title of its own. A paragraph longer than a passage
 * may be is split at sentence ends (`splitParagraph`), each piece a passage of its own.
 */
export function readBody(blocks: readonly Block[], bodyStart: number, sender: string | null): Body {
  const signatories: Signatory[] = [];
  const annexes: Annex[] = [];
  const passages: Passage[] = [];
  const bodies: string[] = [];
  const partCounts = { letter: 1, annex: 0, enclosure: 0 };
  let part: Part = { kind: 'letter', index: 1, sender, awaitingTitle: false };

  const pieces: string[] = [];
  let offset = 0;
  const place = (text: string): number => {
    const start = offset;
    pieces.push(text);
    offset += text.length + 2;
    return start;
  };
  for (const block of blocks.slice(0, bodyStart)) place(block.text);

  const passage = (text: string, start: number, pages: number[]): Passage => ({
    n: passages.length + 1,
    part: part.kind,
    partIndex: part.index,
    pages,
    start,
    end: start + text.length,
    text,
  });
  for (const block of blocks.slice(bodyStart)) {
    const start = place(block.text);
    const text = block.text;
    const dated = PLACE_AND_DATE.test(text);
    if (isSignature(text)) {
      signatories.push(parseSignature(block, part.sender));
      // Also a passage: "who signed …?" is answered by quoting the signature itself.
      passages.push(passage(text, start, block.pages));
    } else if (BODY_LINE.test(text)) {
      for (const body of parseBodies(text)) if (!bodies.includes(body)) bodies.push(body);
    } else if (SYMBOLS_ONLY.test(text) || FOOTNOTE.test(text)) {
      // A running header or an editorial footnote: the UN's words, not the document's.
    } else if (ANNEX_HEADING.test(text) || ENCLOSURE_HEADING.test(text)) {
      const kind: PartKind = ANNEX_HEADING.test(text) ? 'annex' : 'enclosure';
      partCounts[kind] += 1;
      part = { kind, index: partCounts[kind], sender: null, awaitingTitle: true };
      annexes.push({ title: text, date: null });
    } else if (
      part.awaitingTitle &&
      // A part's title follows its "Annex …" line; a line under that title is its date line or a
      // heading of its text ("Attack of 9 October 2026"), not a title that replaces it.
      (!titled(annexes.at(-1)) || dated) &&
      !SENTENCE_END.test(text) &&
      // A clause the next block goes on from ("We, the Ministers …,", "Commit to the following
      // actions:") is the annex's text, not its title.
      !CLAUSE_END.test(text) &&
      text.length <= 400 &&
      // A list's item ("(a) 4 January 2026, …;") is text, however it ends.
      !LIST_ITEM.test(text) &&
      !NUMBERED_PARAGRAPH.test(text)
    ) {
      const annex = annexes.at(-1);
      if (annex && dated && annex.title !== text) {
        annex.date = parseWrittenDate(text);
        part.awaitingTitle = false;
      } else if (annex) {
        annex.title = asWritten(text);
        if (HEADING.test(text)) {
          const inner = parseHeading(text);
          annex.date = inner.date;
          part.sender = inner.sender;
          part.awaitingTitle = false;
        }
      }
    } else {
      part.awaitingTitle = false;
      // A table (its rows on lines of their own, `tableText`) is cut between rows.
      const breaks = isTableText(text) ? rowStarts(text) : undefined;
      for (const [from, to] of splitParagraph(text, breaks)) {
        passages.push(passage(text.slice(from, to), start + from, pagesOfRange(block, from, to)));
      }
    }
  }
  const text = pieces.join('\n\n');
  // Passages are slices of the document's text, not of its blocks: the blocks' strings can go,
  // and a corpus of 10,000 documents holds its text once, not twice.
  for (const p of passages) p.text = text.slice(p.start, p.end);
  return { passages, signatories, annexes, bodies, text };
}
