import { joinListItems } from './list-items.ts';
import { type Block, readBlocks } from './blocks.ts';
import { asWritten } from './capitals.ts';
import { CorpusError, quotedStart } from './errors.ts';
import { parseAgendaItems, parseBodies, parseMasthead, splitSymbol } from './masthead.ts';
import { HEADING, parseHeading, readBody } from './parts.ts';
import { markAnnexHeadings } from './passage-roles.ts';
import type { Document } from './schema.ts';

export { isSignature } from './parts.ts';

/** Where the text to parse came from; used for the document's id and in error messages. */
export interface LetterSource {
  id: string;
  /** Path as the operator would type it, e.g. `corpus/letter.txt`. */
  file: string;
  sha256: string;
  /** Page number of the text's first page (for extracts that start mid-document). */
  firstPage?: number;
}

/**
 * Parses a letter's blocks, its heading at `headingIndex`, into a `Document` of kind letter or
 * note verbale. Throws `CorpusError` naming the file and line when the heading has no readable
 * date or does not say who wrote to whom.
 */
export function parseLetterBlocks(
  blocks: readonly Block[],
  headingIndex: number,
  jobNumber: string | null,
  source: LetterSource,
): Document {
  const headingBlock = blocks[headingIndex] as Block;
  const heading = parseHeading(headingBlock.text);
  if (!heading.date) {
    throw new CorpusError(
      source.file,
      `no date found in heading "${quotedStart(headingBlock.text)}"`,
      headingBlock.line,
    );
  }
  if (!heading.sender || !heading.addressee) {
    throw new CorpusError(
      source.file,
      `heading does not say who wrote to whom ("… from … addressed to …"): "${quotedStart(headingBlock.text)}"`,
      headingBlock.line,
    );
  }
  const masthead = parseMasthead(
    blocks
      .slice(0, headingIndex)
      .map((b) => b.text)
      .join(' '),
  );
  // A lead-in and its list items are one passage ("Kethara therefore requests:" / "(a) …"), as in
  // any document, when together they fit in one.
  const read = [
    ...blocks.slice(0, headingIndex + 1),
    ...joinListItems(blocks.slice(headingIndex + 1)),
  ];
  const body = readBody(read, headingIndex + 1, heading.sender);
  markAnnexHeadings(body.passages);
  const bodies = [...masthead.bodies];
  for (const b of body.bodies) if (!bodies.includes(b)) bodies.push(b);
  const circulation =
    body.passages.find((p) => p.part === 'letter' && /\bcirculat/i.test(p.text))?.text ?? '';
  return {
    id: source.id,
    file: source.file,
    symbol: masthead.symbol,
    symbols: masthead.symbol ? splitSymbol(masthead.symbol) : [],
    symbolSource: masthead.symbol ? 'text' : null,
    date: heading.date,
    distributed: masthead.distributed,
    kind: heading.kind,
    title: asWritten(headingBlock.text),
    author: heading.sender,
    sender: heading.sender,
    addressee: heading.addressee,
    language: null,
    url: null,
    sources: { title: 'text', date: 'text', author: 'text', kind: 'text' },
    signatories: body.signatories,
    bodies: bodies.length > 0 ? bodies : parseBodies(circulation),
    agendaItems:
      masthead.agendaItems.length > 0 ? masthead.agendaItems : parseAgendaItems(circulation),
    jobNumber,
    annexes: body.annexes,
    passages: body.passages,
    text: body.text,
    sha256: source.sha256,
  };
}

/**
 * Parses one letter's text into a `Document`. Throws `CorpusError` naming the file and line when
 * the text has no "Letter dated …" / "Note verbale dated …" heading or no readable date in it.
 */
export function parseLetter(raw: string, source: LetterSource): Document {
  const { blocks, pageEnds } = readBlocks(raw, source.firstPage ?? 1);
  const headingIndex = blocks.findIndex((b) => HEADING.test(b.text));
  if (headingIndex < 0) {
    throw new CorpusError(
      source.file,
      'no letter heading found (expected a line starting "Letter dated …" or "Note verbale dated …")',
      blocks[0]?.line ?? 1,
    );
  }
  const jobNumber = pageEnds.find((p) => p.jobNumber)?.jobNumber ?? null;
  return parseLetterBlocks(blocks, headingIndex, jobNumber, source);
}
