/**
 * Turns the raw text of a document into blocks: the paragraphs, headings and signature lines a
 * reader sees, with line wraps, markdown emphasis and page footers removed and sentences that a
 * blank line or a page footer broke apart joined again. Page footers become page numbers. Text
 * without blank lines between paragraphs is split where its paragraphs start (`paragraphStarts`),
 * and words a line end broke with a hyphen are repaired (`keepsLineEndHyphen`).
 */
import { keepsLineEndHyphen, type WordCount, wordCounter } from './hyphenation.ts';
import { paragraphStarts, type SourceLine, usualWidth } from './paragraphs.ts';

/** One block of text as a reader sees it, with where it came from. */
export interface Block {
  /** The block on one line: whitespace collapsed, markdown emphasis removed, wraps joined. */
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
  page: number;
  /** The page count when the footer gives it (`2/3`). */
  of: number | null;
  /** The UN job number printed in the footer (`22-13249`). */
  jobNumber: string | null;
  line: number;
  /** A form feed (one per page, as PDF text extraction writes them) rather than a printed footer. */
  formFeed?: boolean;
}

/** Everything `readBlocks` found. */
export interface BlockReading {
  blocks: Block[];
  pageEnds: PageEnd[];
}

const JOB = String.raw`(\d{2}-\d{5})`;
/** `2/3 22-13249`, `3/3`, `22-13249 3/3`, and the first-page `22-13249 (E) 260822`. */
const FOOTERS: readonly RegExp[] = [
  new RegExp(String.raw`^(\d{1,3})\/(\d{1,3})(?:\s+${JOB})?$`),
  new RegExp(String.raw`^${JOB}\s+(\d{1,3})\/(\d{1,3})$`),
  new RegExp(String.raw`^${JOB}\s*\(E\)(?:\s+\d{6})?(?:\s+\*\d+\*)?$`),
];
const SEPARATOR = /^(?:-{3,}|\*{3,}|_{3,})$/;
const HEADING_MARK = /^#{1,6}\s+/;
/** Lines that start a new block even without a blank line before them (hard-wrapped text). */
const STARTS_BLOCK = /^(?:\(Signed\)|Annex\b|Enclosure\b)/;
/** A block that ends like this has not finished its sentence… */
const OPEN_END = /[\p{Ll},(\-–]$/u;
/** …and one that starts like this continues the one before. */
const CONTINUES = /^[\p{Ll}(]/u;
/** A block that starts with a number continues only one that ends mid-phrase ("items 34, 35," / "72 and 86"). */
const ENDS_MID_PHRASE = /(?:[,(\-–]|\b(?:and|or|of|to|the|in|on|at|by|from|items?|see|nos?\.?))$/u;
const STARTS_WITH_NUMBER = /^\d/;

function parseFooter(text: string, line: number): PageEnd | null {
  const [numbered, jobFirst, firstPage] = FOOTERS;
  let m = numbered?.exec(text);
  if (m) {
    const page = Number(m[1]);
    const of = Number(m[2]);
    if (page >= 1 && page <= of) return { page, of, jobNumber: m[3] ?? null, line };
    return null;
  }
  m = jobFirst?.exec(text);
  if (m) {
    const page = Number(m[2]);
    const of = Number(m[3]);
    if (page >= 1 && page <= of) return { page, of, jobNumber: m[1] ?? null, line };
    return null;
  }
  m = firstPage?.exec(text);
  if (m) return { page: 1, of: null, jobNumber: m[1] ?? null, line };
  return null;
}

/** Removes markdown emphasis markers (`**bold**`, `*italic*`), leaving lone asterisks (footnote marks) alone. */
export function stripEmphasis(text: string): string {
  if (!text.includes('*')) return text;
  return text
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1$2');
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
}

type Item =
  | { kind: 'line'; text: string; line: number; indent: number }
  | { kind: 'gap' }
  | { kind: 'pageEnd'; end: PageEnd };

/** A line holding nothing but a page number, as OCR text of printed records keeps them. */
const PAGE_NUMBER_ONLY = /^\d{1,4}$/;

/** Whether the line before or after line `i` passes `test` (the text's start and end count). */
function beside(lines: readonly string[], i: number, test: (line: string) => boolean): boolean {
  return i === 0 || i === lines.length - 1 || test(lines[i - 1] ?? '') || test(lines[i + 1] ?? '');
}

function* items(raw: string): Generator<Item> {
  const lines = raw.split('\n');
  let formFeeds = 0;
  for (const [i, sourceLine] of lines.entries()) {
    const line = i + 1;
    const segments = sourceLine.split('\f');
    for (const [j, segment] of segments.entries()) {
      if (j > 0) {
        formFeeds += 1;
        yield { kind: 'pageEnd', end: { page: formFeeds, of: null, jobNumber: null, line, formFeed: true } };
      }
      const text = segment.trim().replace(HEADING_MARK, '');
      const indent = (/^[ \t]*/.exec(segment)?.[0] ?? '').replace(/\t/g, '    ').length;
      if (text === '' || SEPARATOR.test(text)) {
        yield { kind: 'gap' };
        continue;
      }
      if (PAGE_NUMBER_ONLY.test(text) && beside(lines, i, (l) => l.trim() === '')) {
        // A page number on a line of its own (OCR text): no words of the document.
        yield { kind: 'gap' };
        continue;
      }
      const footer = parseFooter(text, line);
      if (footer && formFeeds === 0) yield { kind: 'pageEnd', end: footer };
      else if (footer) yield { kind: 'gap' };
      else yield { kind: 'line', text, line, indent };
    }
  }
}

function pageRange(region: number, pageEnds: readonly PageEnd[]): { lo: number; hi: number } {
  const before = pageEnds[region - 1];
  const after = pageEnds[region];
  const lo = before ? before.page + 1 : 1;
  const last = pageEnds.at(-1);
  const hi = after
    ? after.page
    : last?.formFeed
      ? lo
      : last?.of != null
        ? last.of
        : Number.POSITIVE_INFINITY;
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
  const width = usualWidth(runs);
  const out: RawBlock[] = [];
  for (const [b, rb] of rawBlocks.entries()) {
    const starts = paragraphStarts(runs[b] ?? [], width);
    let from = 0;
    for (const to of [...starts, rb.lines.length]) {
      out.push({
        lines: rb.lines.slice(from, to),
        indents: rb.indents.slice(from, to),
        line: rb.line + from,
        region: rb.region,
      });
      from = to;
    }
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
  for (const item of items(raw)) {
    if (item.kind === 'line') {
      if (current && STARTS_BLOCK.test(stripEmphasis(item.text))) current = null;
      if (!current) {
        current = { lines: [], indents: [], line: item.line, region: pageEnds.length };
        rawBlocks.push(current);
      }
      current.lines.push(item.text);
      current.indents.push(item.indent);
    } else {
      current = null;
      if (item.kind === 'pageEnd') pageEnds.push(item.end);
    }
  }
  const paragraphs = splitParagraphs(rawBlocks);

  let count: WordCount | null = null;
  const join: Joiner = (before, after) => {
    if (!BROKEN_WORD.test(before) || !STARTS_WITH_LETTER.test(after)) return `${before} ${after}`;
    count ??= wordCounter(raw);
    return keepsLineEndHyphen(before, after, count) ? before + after : before.slice(0, -1) + after;
  };

  const paginated = pageEnds.length > 0;
  const blocks: Block[] = [];
  let previous: { block: Block; raw: RawBlock } | null = null;
  for (const [i, rb] of paragraphs.entries()) {
    const text = clean(joinLines(rb.lines, join));
    const pages = new Set<number>();
    if (paginated) {
      const { lo, hi } = pageRange(rb.region, pageEnds);
      if (lo === hi) pages.add(lo);
      const next = paragraphs[i + 1];
      if (rb.region < pageEnds.length && (!next || next.region > rb.region)) {
        pages.add(pageEnds[rb.region]?.page ?? lo);
      }
      const prior = paragraphs[i - 1];
      if (rb.region > 0 && (!prior || prior.region < rb.region)) pages.add(lo);
    }
    const crossedPage = previous !== null && previous.raw.region < rb.region;
    const joins =
      previous !== null &&
      !STARTS_BLOCK.test(text) &&
      !STARTS_BLOCK.test(previous.block.text) &&
      OPEN_END.test(previous.block.text) &&
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
    blocks.push(block);
    previous = { block, raw: rb };
  }
  const shift = firstPage - 1;
  for (const b of blocks) {
    b.pages = b.pages.sort((a, z) => a - z).map((p) => p + shift);
    for (const span of b.pageSpans) span.pages = span.pages.map((p) => p + shift);
  }
  return { blocks, pageEnds };
}
