import { type Block, readBlocks } from './blocks.ts';
import { parseWrittenDate } from './dates.ts';
import { CorpusError } from './errors.ts';
import {
  BODY_LINE,
  parseAgendaItems,
  parseBodies,
  parseMasthead,
  SYMBOL_PATTERN,
  splitSymbol,
} from './masthead.ts';
import type { Annex, Letter, PartKind, Passage, Signatory } from './schema.ts';

/** Where the text to parse came from; used for the letter's id and in error messages. */
export interface LetterSource {
  id: string;
  /** Path as the operator would type it, e.g. `corpus/letter.txt`. */
  file: string;
  sha256: string;
  /** Page number of the text's first page (for extracts that start mid-document). */
  firstPage?: number;
}

/** The heading that opens a letter or an annexed letter: "Letter dated … from … addressed to …". */
const HEADING = /^(Identical letters|Letter|Note verbale) dated\b/i;
const HEADING_PARTS =
  /^(?:Identical letters|Letter|Note verbale) dated (.+?) from (?:the )?(.+?) addressed to (?:the )?(.+?)\.?$/i;
const SIGNED = /^\(Signed\)\s*/;
const ANNEX_HEADING = /^Annex(?:\s+[IVXLC\d]+)?(?:\s+to\s+the\s+.+)?$/i;
const ENCLOSURE_HEADING = /^Enclosure(?:\s+[IVXLC\d]+)?(?:\s+to\s+the\s+.+)?$/i;
const FOOTNOTE = /^\*+\s/;
const DATE_ONLY = /^(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},\s+\d{4})$/;
const SYMBOLS_ONLY = new RegExp(`^(?:${SYMBOL_PATTERN.source}\\s*)+$`);
const SENTENCE_END = /[.?!]["”’)]?$/;
/** Words that begin a signatory's title rather than continue their name. */
const TITLE_START =
  /\s(?=(?:Ambassador|Permanent|Deputy|Chargé|Charge|Minister|Acting|Head|Director|Counsellor|First|Second|Third|Secretary|President|Chair|Representative|Special|Senior|Vice)(?!\p{L}))/u;

/** Whether a passage is a signature block ("(Signed) Yashar Aliyev Ambassador …"). */
export function isSignature(text: string): boolean {
  return SIGNED.test(text);
}

interface Heading {
  kind: 'letter' | 'note verbale';
  date: string | null;
  sender: string | null;
  addressee: string | null;
}

function parseHeading(text: string): Heading {
  const kind = /^note verbale/i.test(text) ? 'note verbale' : 'letter';
  const m = HEADING_PARTS.exec(text);
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

/**
 * Parses one letter's text into a `Letter`. Throws `CorpusError` naming the file and line when the
 * text has no "Letter dated …" / "Note verbale dated …" heading or no readable date in it.
 */
export function parseLetter(raw: string, source: LetterSource): Letter {
  const { blocks, pageEnds } = readBlocks(raw, source.firstPage ?? 1);
  const headingIndex = blocks.findIndex((b) => HEADING.test(b.text));
  const headingBlock = blocks[headingIndex];
  if (!headingBlock) {
    throw new CorpusError(
      source.file,
      'no letter heading found (expected a line starting "Letter dated …" or "Note verbale dated …")',
      blocks[0]?.line ?? 1,
    );
  }
  const heading = parseHeading(headingBlock.text);
  if (!heading.date) {
    throw new CorpusError(
      source.file,
      `no date found in heading "${headingBlock.text.slice(0, 80)}"`,
      headingBlock.line,
    );
  }
  if (!heading.sender || !heading.addressee) {
    throw new CorpusError(
      source.file,
      `heading does not say who wrote to whom ("… from … addressed to …"): "${headingBlock.text.slice(0, 80)}"`,
      headingBlock.line,
    );
  }

  const masthead = parseMasthead(
    blocks
      .slice(0, headingIndex)
      .map((b) => b.text)
      .join(' '),
  );
  const bodies = [...masthead.bodies];
  const signatories: Signatory[] = [];
  const annexes: Annex[] = [];
  const passages: Passage[] = [];
  const partCounts = { letter: 1, annex: 0, enclosure: 0 };
  let part: Part = { kind: 'letter', index: 1, sender: heading.sender, awaitingTitle: false };

  const pieces: string[] = [];
  let offset = 0;
  const place = (text: string): number => {
    const start = offset;
    pieces.push(text);
    offset += text.length + 2;
    return start;
  };
  for (const block of blocks.slice(0, headingIndex + 1)) place(block.text);

  const passage = (text: string, start: number, pages: number[]): Passage => ({
    n: passages.length + 1,
    part: part.kind,
    partIndex: part.index,
    pages,
    start,
    end: start + text.length,
    text,
  });
  for (const block of blocks.slice(headingIndex + 1)) {
    const start = place(block.text);
    const text = block.text;
    if (isSignature(text)) {
      signatories.push(parseSignature(block, part.sender));
      // Also a passage: "who signed …?" is answered by quoting the signature itself.
      passages.push(passage(text, start, block.pages));
    } else if (BODY_LINE.test(text)) {
      for (const body of parseBodies(text)) if (!bodies.includes(body)) bodies.push(body);
    } else if (SYMBOLS_ONLY.test(text) || FOOTNOTE.test(text)) {
      // A running header or an editorial footnote: the UN's words, not the letter's.
    } else if (ANNEX_HEADING.test(text) || ENCLOSURE_HEADING.test(text)) {
      const kind: PartKind = ANNEX_HEADING.test(text) ? 'annex' : 'enclosure';
      partCounts[kind] += 1;
      part = { kind, index: partCounts[kind], sender: null, awaitingTitle: true };
      annexes.push({ title: text, date: null });
    } else if (part.awaitingTitle && !SENTENCE_END.test(text) && text.length <= 400) {
      const annex = annexes.at(-1);
      if (annex && DATE_ONLY.test(text) && annex.title !== text) {
        annex.date = parseWrittenDate(text);
        part.awaitingTitle = false;
      } else if (annex) {
        annex.title = text;
        if (HEADING.test(text)) {
          const inner = parseHeading(text);
          annex.date = inner.date;
          part.sender = inner.sender;
          part.awaitingTitle = false;
        }
      }
    } else {
      part.awaitingTitle = false;
      passages.push(passage(text, start, block.pages));
    }
  }

  const circulation =
    passages.find((p) => p.part === 'letter' && /\bcirculat/i.test(p.text))?.text ?? '';
  const jobNumber = pageEnds.find((p) => p.jobNumber)?.jobNumber ?? null;
  return {
    id: source.id,
    file: source.file,
    symbol: masthead.symbol,
    symbols: masthead.symbol ? splitSymbol(masthead.symbol) : [],
    symbolSource: masthead.symbol ? 'text' : null,
    date: heading.date,
    distributed: masthead.distributed,
    kind: heading.kind,
    title: headingBlock.text,
    sender: heading.sender,
    addressee: heading.addressee,
    signatories,
    bodies: bodies.length > 0 ? bodies : parseBodies(circulation),
    agendaItems:
      masthead.agendaItems.length > 0 ? masthead.agendaItems : parseAgendaItems(circulation),
    jobNumber,
    annexes,
    passages,
    text: pieces.join('\n\n'),
    sha256: source.sha256,
  };
}
