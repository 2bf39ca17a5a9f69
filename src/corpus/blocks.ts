/**
 * Turns the raw text of a document into blocks: the paragraphs, headings and signature lines a
 * reader sees, with line wraps, markdown emphasis and page furniture (footers, running headers:
 * `findFurniture`) removed and sentences that a blank line or a page break broke apart joined
 * again. Footers and form feeds become page numbers. Text
 * without blank lines between paragraphs is split where its paragraphs start (`paragraphStarts`),
 * and words a line end broke with a hyphen are repaired (`keepsLineEndHyphen`).
 */
import { footnoteRun } from './footnotes.ts';
import { type Furniture, findFurniture } from './furniture.ts';
import { keepsLineEndHyphen, type WordCount, wordCounter } from './hyphenation.ts';
import {
  capitalHeadingStarts,
  headlineStarts,
  mastheadStarts,
  inPreambleAfter,
  paragraphStarts,
  type SourceLine,
  titleDateStarts,
  titleEndStarts,
  wrapWidths,
} from './paragraphs.ts';
import { MONTH_NAMES } from './dates.ts';
import { captionLines, isTable, tablesWithin, tableText } from './tables.ts';

/** One block of text as a reader sees it, with where it came from. */
export interface Block {
  /**
   * The block on one line: whitespace collapsed, markdown emphasis removed, wraps joined; a
   * table's rows on lines of their own (`tableText`).
   */
  text: string;
  /** The block's source lines, each cleaned the same way (signatures need the line structure). */
  lines: string[];
  /** 1-based line number of the block's first source line. */
  line: number;
  /** Pages the block certainly stands on; empty when the text does not tell. */
  pages: number[];
  /**
   * Where in `text` the pieces joined across a page break or a blank line start, with the pages
   * each certainly stands on: a passage cut from a long block stands on the pages of the pieces
   * it overlaps (`pagesOfRange`).
   */
  pageSpans: { from: number; pages: number[] }[];
}

/** The pages the text `[from, to)` of `block` certainly stands on. */
export function pagesOfRange(block: Block, from: number, to: number): number[] {
  if (from === 0 && to >= block.text.length) return block.pages;
  const pages = new Set<number>();
  block.pageSpans.forEach((span, i) => {
    const end = block.pageSpans[i + 1]?.from ?? block.text.length;
    if (span.from < to && end > from) for (const p of span.pages) pages.add(p);
  });
  return [...pages].sort((a, z) => a - z);
}

/** A page footer or page break, read as "page N ends here". */
export interface PageEnd {
  /** The page that ends; 0 while not known (a form feed in a text that prints its page numbers). */
  page: number;
  /** The page count when the footer gives it (`2/3`). */
  of: number | null;
  /** The UN job number printed in the footer (`22-13249`). */
  jobNumber: string | null;
  line: number;
  /** A form feed (one per page, as PDF text extraction writes them) ends the page. */
  formFeed?: boolean;
  /** A printed footer gives the page's number (`page`). */
  printed?: boolean;
}

/** Everything `readBlocks` found. */
export interface BlockReading {
  blocks: Block[];
  pageEnds: PageEnd[];
}

const SEPARATOR = /^(?:-{3,}|\*{3,}|_{3,})$/;
const HEADING_MARK = /^#{1,6}\s+/;
/**
 * Lines that start a new block even without a blank line before them (hard-wrapped text): a
 * signature, an annex's heading, a press release's footer ("For information media. Not an
 * official record.").
 */
const STARTS_BLOCK = /^(?:\(Signed\)|Annex\b|Enclosure\b|For (?:use of the )?information media\b)/;
/** An annex's heading line alone ("Annex", "Annex II", "Enclosure"): its title is the next block, not its words. */
const PART_LINE = /^(?:Annex|Enclosure)(?:\s+[IVXLC\d]+)?$/;
/** A block that ends like this has not finished its sentence… */
const OPEN_END = /[\p{Ll},(\-–]$/u;
/** A block that ends with a figure ("… reduced from USD 12"). */
const FIGURE_END = /\d$/;
/** …and one that starts like this continues the one before. */
const CONTINUES = /^[\p{Ll}(]/u;
/** A block that starts with a number continues only one that ends mid-phrase ("items 34, 35," / "72 and 86"). */
const ENDS_MID_PHRASE = /(?:[,(\-–]|\b(?:and|or|of|to|the|in|on|at|by|from|items?|see|nos?\.?))$/u;
const STARTS_WITH_NUMBER = /^\d/;
/**
 * A numbered paragraph ("1. Decides that …") opens a paragraph of its own, even after one that
 * ends with a comma: a resolution's preamble ("Recalling its previous resolutions,") is followed
 * by its operative paragraphs, each one passage.
 */
export const NUMBERED_PARAGRAPH = /^\d{1,3}\.\s+\p{Lu}/u;
/**
 * A printed document whose page numbers run on without a gap for at least this many page ends
 * shows one on every page: the text before the first stands on that page, the text after the
 * last on the next one.
 */
const MIN_RUNNING_PAGE_ENDS = 2;
/**
 * Removes markdown emphasis markers (`**bold**`, `*italic*`, `__bold__`, `_italic_`), leaving lone
 * asterisks (footnote marks) and underscores inside words (`snake_case`) alone.
 */
export function stripEmphasis(text: string): string {
  if (!text.includes('*') && !text.includes('_')) return text;
  return text
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])__(?=\S)(.+?)(?<=\S)__(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1$2');
}

/** Collapses every run of whitespace to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A word broken by a line end: a letter and a hyphen, the next line starting with a letter. */
const BROKEN_WORD = /\p{L}-$/u;
const STARTS_WITH_LETTER = /^\p{L}/u;

/** Joins two pieces of text a line end (or a page break) separated, repairing a broken word. */
type Joiner = (before: string, after: string) => string;

function joinLines(lines: readonly string[], join: Joiner): string {
  let out = '';
  for (const line of lines) out = out === '' ? line : join(out, line);
  return out;
}

function clean(text: string): string {
  return collapseWhitespace(stripEmphasis(text));
}

interface RawBlock {
  lines: string[];
  /** Leading whitespace of each line, in columns. */
  indents: number[];
  line: number;
  /** How many page ends come before this block. */
  region: number;
  /** How many page breaks (page ends, and headers of pages without a footer read) come before it. */
  breaks: number;
  /** A footnote at a page's foot (`footnoteRun`): no part of the text's flow. */
  footnote?: boolean;
}

type Item =
  | { kind: 'line'; text: string; line: number; indent: number }
  | { kind: 'gap' }
  /** A form feed, or a furniture line: a footer ends a page, a header only breaks the text. */
  | { kind: 'break'; formFeed: boolean; furniture: Furniture | null; line: number };

/** A line holding nothing but a page number, as OCR text of printed records keeps them. */
const PAGE_NUMBER_ONLY = /^\d{1,4}$/;
/**
 * A year alone on a line after a line that ends with a month's name is the date that line began
 * ("… 1 to 31 August" / "2025"), not a page number.
 */
const YEAR_ONLY = /^(?:1[89]|20)\d\d$/;
const MONTH_AT_END = new RegExp(`\\b(?:${MONTH_NAMES})\\s*$`, 'i');

/** Whether the line before or after line `i` passes `test` (the text's start and end count). */
function beside(lines: readonly string[], i: number, test: (line: string) => boolean): boolean {
  return i === 0 || i === lines.length - 1 || test(lines[i - 1] ?? '') || test(lines[i + 1] ?? '');
}

function* items(raw: string): Generator<Item> {
  const lines = raw.split('\n');
  const segments = lines.flatMap((sourceLine, i) =>
    sourceLine.split('\f').map((segment, j) => ({
      segment,
      i,
      text: segment.trim().replace(HEADING_MARK, ''),
      formFeedBefore: j > 0,
    })),
  );
  // A rule line between the text and a footer is no text either.
  const furniture = findFurniture(segments.map((s) => ({ ...s, text: SEPARATOR.test(s.text) ? '' : s.text })));
  for (const [k, { segment, i, text, formFeedBefore }] of segments.entries()) {
    const line = i + 1;
    if (formFeedBefore) yield { kind: 'break', formFeed: true, furniture: null, line };
    const indent = (/^[ \t]*/.exec(segment)?.[0] ?? '').replace(/\t/g, '    ').length;
    if (text === '' || SEPARATOR.test(text)) {
      yield { kind: 'gap' };
      continue;
    }
    if (
      PAGE_NUMBER_ONLY.test(text) &&
      beside(lines, i, (l) => l.trim() === '') &&
      !(YEAR_ONLY.test(text) && MONTH_AT_END.test(lines[i - 1] ?? ''))
    ) {
      // A page number on a line of its own (OCR text): no words of the document, but a page break,
      // which may have cut a sentence. Whether it numbers the page before or after is not told.
      yield { kind: 'break', formFeed: false, furniture: null, line };
      continue;
    }
    const found = furniture[k];
    if (!found) {
      yield { kind: 'line', text, line, indent };
      continue;
    }
    yield { kind: 'break', formFeed: false, furniture: found, line };
    const rest = text.slice(found.length).trim();
    if (rest !== '') yield { kind: 'line', text: rest, line, indent };
  }
}

/**
 * Numbers the page ends: by their printed page numbers when the text has any (a form feed without
 * one ends the page after the one before), else by counting form feeds (a PDF's text, one form
 * feed per page, from page 1). Returns whether the numbers run on without a gap, page after page.
 */
function numberPageEnds(ends: PageEnd[]): boolean {
  const printed = ends.some((e) => e.printed);
  ends.forEach((e, i) => {
    if (e.page > 0) return;
    const before = ends[i - 1]?.page ?? 0;
    e.page = !printed ? i + 1 : before > 0 ? before + 1 : 0;
  });
  return (
    ends.length >= MIN_RUNNING_PAGE_ENDS &&
    ends.every((e, i) => e.page > 0 && (i === 0 || e.page === (ends[i - 1]?.page ?? 0) + 1))
  );
}

/**
 * The pages a region (the text between two page ends) may stand on: from `lo` to `hi`, null when
 * unknown. A text whose pages run on (`running`) shows an end on every page: the text before the
 * first stands on that page when it is past the second (an extract from a longer record; the
 * first page of a whole document carries a footer of its own shape), the text after the last on
 * the next page (within the page count when printed).
 */
function pageRange(region: number, ends: readonly PageEnd[], running: boolean): { lo: number; hi: number } | null {
  const before = ends[region - 1];
  const after = ends[region];
  const first = ends[0]?.page ?? 0;
  const lo = before ? before.page + 1 : running && first > 2 ? first : 1;
  const last = ends.at(-1);
  const hi = after ? after.page : last?.formFeed || running ? lo : (last?.of ?? Number.POSITIVE_INFINITY);
  if ((before && before.page === 0) || (after && after.page === 0)) return null;
  if (!after && last?.of != null && lo > last.of) return null;
  return { lo, hi };
}

/**
 * Splits each run of lines where a paragraph starts within it (hard-wrapped text with no blank
 * lines between paragraphs), measuring lines against the text's usual width.
 */
function splitParagraphs(rawBlocks: readonly RawBlock[]): RawBlock[] {
  const runs: SourceLine[][] = rawBlocks.map((rb) =>
    rb.lines.map((text, i) => ({ text, indent: rb.indents[i] ?? 0 })),
  );
  // At the top of the text, a heading in capitals and a title's date line stand apart from the
  // title and the text, and so does a headline under them. Broken apart on purpose, those lines
  // tell nothing of how the text is wrapped.
  const first = runs[0] ?? [];
  const masthead = mastheadStarts(first);
  const atTop = [...capitalHeadingStarts(first), ...titleDateStarts(first), ...masthead];
  if (atTop.length > 0) atTop.push(...headlineStarts(first, Math.max(...atTop)));
  const textStart = atTop.length > 0 ? Math.max(...atTop) : 0;
  const widths = wrapWidths([first.slice(textStart), ...runs.slice(1)]);
  // The title under a masthead, broken short at its end.
  if (masthead.length > 0) atTop.push(...titleEndStarts(first, Math.max(...masthead), widths.usual));
  const out: RawBlock[] = [];
  let preamble = false;
  for (const [b, rb] of rawBlocks.entries()) {
    const run = runs[b] ?? [];
    const inPreamble = preamble;
    preamble = inPreambleAfter(run, preamble);
    // A table's rows are no paragraphs, however short (`isTable`); its caption is one.
    const caption = isTable(rb.lines, rb.indents) ? captionLines(rb.lines) : -1;
    // A table between paragraphs of the same run stands apart from them, its rows no paragraphs.
    const tables = caption >= 0 ? [] : tablesWithin(rb.lines);
    const inTable = (n: number) => tables.some((t) => n > t.from && n < t.to);
    const starts =
      caption >= 0
        ? [caption].filter((n) => n > 0)
        : [
            ...new Set([
              ...paragraphStarts(run, widths, inPreamble).filter((n) => !inTable(n)),
              ...(b === 0 ? atTop : []),
              ...tables
                .flatMap((t) => [t.from, t.from + captionLines(rb.lines.slice(t.from, t.to)), t.to])
                .filter((n) => n > 0 && n < rb.lines.length),
            ]),
          ].sort((x, y) => x - y);
    let from = 0;
    for (const to of [...starts, rb.lines.length]) {
      out.push({
        lines: rb.lines.slice(from, to),
        indents: rb.indents.slice(from, to),
        line: rb.line + from,
        region: rb.region,
        breaks: rb.breaks,
      });
      from = to;
    }
  }
  return out;
}

/**
 * Splits each page's footnotes (`footnoteRun`) off the blocks at its foot, one block each, marked
 * `footnote`, so that a paragraph the page break cut goes on across them.
 */
function splitFootnotes(blocks: readonly RawBlock[]): RawBlock[] {
  const out: RawBlock[] = [];
  let seen = '';
  let last = 0;
  for (let from = 0; from < blocks.length; ) {
    const region = (blocks[from] as RawBlock).region;
    let to = from;
    while (to < blocks.length && (blocks[to] as RawBlock).region === region) to += 1;
    const page = blocks.slice(from, to);
    const lines = page.flatMap((rb, block) => rb.lines.map((text, at) => ({ text, block, at })));
    const pageText = (end: number) => `${seen} ${lines.slice(0, end).map((l) => l.text).join(' ')}`;
    const run = footnoteRun(
      lines.map((l) => l.text),
      pageText,
      last,
    );
    const flowEnd = run ? run.start : lines.length;
    seen = pageText(flowEnd);
    if (!run) {
      out.push(...page);
      from = to;
      continue;
    }
    last = run.last;
    const start = lines[run.start] as { block: number; at: number };
    out.push(...page.slice(0, start.block));
    const cut = page[start.block] as RawBlock;
    if (start.at > 0)
      out.push({ ...cut, lines: cut.lines.slice(0, start.at), indents: cut.indents.slice(0, start.at) });
    const ends = [...run.opens.slice(1), lines.length];
    run.opens.forEach((open, k) => {
      const note = lines.slice(open, ends[k]);
      const head = note[0] as { block: number; at: number };
      const rb = page[head.block] as RawBlock;
      out.push({
        lines: note.map((l) => l.text),
        indents: note.map((l) => page[l.block]?.indents[l.at] ?? 0),
        line: rb.line + head.at,
        region,
        breaks: rb.breaks,
        footnote: true,
      });
    });
    from = to;
  }
  return out;
}

/**
 * Reads `raw` (one document, `\n` line ends) into blocks. `firstPage` shifts page numbers for
 * text that starts mid-document. A text with no footers and no form feeds gets no page numbers.
 */
export function readBlocks(raw: string, firstPage = 1): BlockReading {
  const pageEnds: PageEnd[] = [];
  const rawBlocks: RawBlock[] = [];
  let current: RawBlock | null = null;
  let breaks = 0;
  /** Whether no line came since the last page end: a footer and a form feed there are one page end. */
  let atPageEnd = false;
  for (const item of items(raw)) {
    if (item.kind === 'line') {
      if (current && STARTS_BLOCK.test(stripEmphasis(item.text))) current = null;
      if (!current) {
        current = { lines: [], indents: [], line: item.line, region: pageEnds.length, breaks };
        rawBlocks.push(current);
      }
      current.lines.push(item.text);
      current.indents.push(item.indent);
      atPageEnd = false;
      if (PART_LINE.test(stripEmphasis(item.text))) current = null;
      continue;
    }
    current = null;
    if (item.kind === 'gap') continue;
    breaks += 1;
    const last = atPageEnd ? pageEnds.at(-1) : undefined;
    const found = item.furniture;
    if (item.formFeed) {
      if (last && !last.formFeed) last.formFeed = true;
      else pageEnds.push({ page: 0, of: null, jobNumber: null, line: item.line, formFeed: true });
      atPageEnd = true;
    } else if (found?.page != null) {
      const end = { page: found.page, of: found.of, jobNumber: found.jobNumber, line: item.line, printed: true };
      // A page's footer and the next page's "Page N" header mark one page end.
      if (last && !last.printed) Object.assign(last, end);
      else if (last?.page !== end.page) pageEnds.push(end);
      atPageEnd = true;
    } else if (found?.jobNumber && last && !last.jobNumber) {
      last.jobNumber = found.jobNumber;
    }
  }
  const running = numberPageEnds(pageEnds);
  const split = splitParagraphs(rawBlocks);
  const paragraphs = pageEnds.length > 0 ? splitFootnotes(split) : split;

  let count: WordCount | null = null;
  const join: Joiner = (before, after) => {
    if (!BROKEN_WORD.test(before) || !STARTS_WITH_LETTER.test(after)) return `${before} ${after}`;
    count ??= wordCounter(raw);
    return keepsLineEndHyphen(before, after, count) ? before + after : before.slice(0, -1) + after;
  };

  const paginated = pageEnds.length > 0;
  const blocks: Block[] = [];
  let previous: { block: Block; raw: RawBlock; table: boolean } | null = null;
  // A page's footnotes come after the paragraph that goes on across its foot, when one does.
  let footnotes: Block[] = [];
  for (const [i, rb] of paragraphs.entries()) {
    const table = isTable(rb.lines, rb.indents);
    const text = table
      ? tableText(rb.lines.map(stripEmphasis), rb.indents)
      : clean(joinLines(rb.lines, join));
    const pages = new Set<number>();
    const range = paginated ? pageRange(rb.region, pageEnds, running) : null;
    if (range) {
      const { lo, hi } = range;
      if (lo === hi) pages.add(lo);
      const next = paragraphs[i + 1];
      if (rb.region < pageEnds.length && (!next || next.region > rb.region)) {
        pages.add(pageEnds[rb.region]?.page ?? lo);
      }
      const prior = paragraphs[i - 1];
      if (rb.region > 0 && (!prior || prior.region < rb.region)) pages.add(lo);
    }
    const crossedPage = previous !== null && previous.raw.breaks < rb.breaks;
    // A table is read whole, and the text around it goes on around it, not into it.
    const joins =
      previous !== null &&
      !table &&
      !previous.table &&
      !STARTS_BLOCK.test(text) &&
      !STARTS_BLOCK.test(previous.block.text) &&
      !NUMBERED_PARAGRAPH.test(text) &&
      // A figure ends a sentence cut short as a word does, when lower case goes on from it
      // across a page's footer ("… reduced from USD 12" / "25-07811 1/2" / "to USD 6 …").
      (OPEN_END.test(previous.block.text) ||
        (FIGURE_END.test(previous.block.text) && crossedPage && CONTINUES.test(text))) &&
      (crossedPage ||
        CONTINUES.test(text) ||
        (STARTS_WITH_NUMBER.test(text) && ENDS_MID_PHRASE.test(previous.block.text)));
    if (joins && previous) {
      previous.block.text = join(previous.block.text, text);
      previous.block.pageSpans.push({ from: previous.block.text.length - text.length, pages: [...pages] });
      previous.block.lines.push(...rb.lines.map(clean));
      for (const p of pages) if (!previous.block.pages.includes(p)) previous.block.pages.push(p);
      previous.raw = rb;
      continue;
    }
    const block: Block = {
      text,
      lines: rb.lines.map(clean),
      line: rb.line,
      pages: [...pages],
      pageSpans: [{ from: 0, pages: [...pages] }],
    };
    if (rb.footnote) {
      footnotes.push(block);
      continue;
    }
    blocks.push(...footnotes, block);
    footnotes = [];
    previous = { block, raw: rb, table };
  }
  blocks.push(...footnotes);
  const shift = firstPage - 1;
  for (const b of blocks) {
    b.pages = b.pages.sort((a, z) => a - z).map((p) => p + shift);
    for (const span of b.pageSpans) span.pages = span.pages.map((p) => p + shift);
  }
  return { blocks, pageEnds };
}
