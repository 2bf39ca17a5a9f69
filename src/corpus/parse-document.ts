/**
 * Reads any document file's text into a `Document`. A UN letter or note verbale (a "Letter dated
 * … from … addressed to …" heading before any paragraph) is read as a letter; any other document
 * (a statement, a speech, a report, a resolution, a press release) gets its title, date, symbol,
 * author and kind from, in this order, its YAML front matter, what its text shows (a UN masthead,
 * a title line, a date line), and its file name. What none of them tells stays unknown.
 */
import path from 'node:path';
import { type Block, readBlocks } from './blocks.ts';
import { fromCapitals } from './capitals.ts';
import { parseDocumentDate, parseWrittenDate, PLACE_AND_DATE } from './dates.ts';
import { CorpusError, quotedStart } from './errors.ts';
import type { FrontMatter } from './front-matter.ts';
import { markTurns, type MeetingRecord, readMeetingRecord } from './meeting-record.ts';
import { ADOPTED, EDITORIAL_NOTE, isMastheadLine, isPressRelease, parseMasthead, splitSymbol } from './masthead.ts';
import { endsSentence, LEAD_IN, UNDATED_HEADING } from './paragraphs.ts';
import { type LetterSource, parseLetterBlocks } from './parse-letter.ts';
import { joinListItems, joinVoteRecords } from './list-items.ts';
import { markAnnexHeadings, markDatelines, markPassageRoles } from './passage-roles.ts';
import { HEADING, readBody } from './parts.ts';
import { type Document, isLetter, type MetadataSource } from './schema.ts';

/** What a document is when nothing says more. */
export const DEFAULT_KIND = 'document';

/** A title line is at most this long. */
const MAX_TITLE_CHARS = 300;
/** At most this many title lines are read (an agenda item's title, then the document's). */
const MAX_TITLE_LINES = 3;

/** Words that open a title and say what kind of document it is ("Statement by …", "Report of …"). */
const KIND_WORDS: readonly (readonly [RegExp, string])[] = [
  [/^press release\b/i, 'press release'],
  [/^(?:draft )?resolution\b/i, 'resolution'],
  [/^decision\b/i, 'decision'],
  [/^(?:joint )?statement\b/i, 'statement'],
  [/^(?:opening |closing )?(?:address|remarks)\b/i, 'speech'],
  [/^speech\b/i, 'speech'],
  [/^report\b/i, 'report'],
  [/^(?:joint )?declaration\b/i, 'declaration'],
  [/^(?:joint )?communiqu[ée]\b/i, 'communiqué'],
  [/^memorandum\b/i, 'memorandum'],
  [/^note by\b/i, 'note'],
  [/^(?:summary|verbatim) record\b/i, 'record'],
  [/^concluding observations\b/i, 'concluding observations'],
  [/^(?:daily |noon )?press (?:briefing|conference|encounter)\b|^(?:daily |noon )briefing\b/i, 'press briefing'],
];
/**
 * Who a title says the document is by: "Statement by Norway in …", "Report of the
 * Secretary-General", "Resolution adopted by the General Assembly on …". The name ends at a comma
 * or at a word that starts what the document is about, when, where or to whom; after what it is
 * about, "of" names no author ("Report on the State of Coastal Fisheries").
 */
const AUTHOR_IN_TITLE =
  /^(?:(?!\b(?:on|about|concerning|regarding)\b)[\p{L}\s-]){0,40}?\b(?:by|of|from)\s+(?:the\s+)?(.+?)(?=,|\s+(?:on|at|in|to|before|during|concerning|regarding|for|about|upon|addressed|submitted|pursuant)\b|$)/u;

/**
 * Who a dated line under a title says the document is by: "Submitted 2 March 2024 by the
 * Ministry of Agriculture of Sylvania" (the title's byline). The name ends as in a title.
 */
const BYLINE_AUTHOR =
  /\bby\s+(?:the\s+)?(.+?)(?=,|\s+(?:on|at|in|to|before|during|concerning|regarding|for|about|upon|addressed|pursuant)\b|$)/u;

/** What the text itself shows above its first paragraph. */
interface TextMetadata {
  title: string | null;
  date: string | null;
  symbol: string | null;
  distributed: string | null;
  bodies: string[];
  agendaItems: string[];
  kind: string | null;
  author: string | null;
}

/** What the file name tells: a date in it, and the name itself as a last-resort title. */
export function fileNameMetadata(file: string): { title: string; date: string | null } {
  const name = path.basename(file).replace(/\.[^.]+$/, '');
  const leading = /^(\d{4})(?:[-_.](\d{2})(?:[-_.](\d{2}))?)?(?![\d])/.exec(name);
  const token = /(?:^|[-_\s])((?:19|20)\d{2})(?=$|[-_\s.])/.exec(name);
  let date: string | null = null;
  if (leading) date = parseDocumentDate([leading[1], leading[2], leading[3]].filter(Boolean).join('-'));
  else if (token?.[1]) date = token[1];
  return { title: name, date };
}

/**
 * Whether a block reads as a paragraph of prose rather than a masthead, title or date line: it
 * ends a sentence, or a clause that the next paragraph goes on from (a resolution's "Noting that
 * …," and "1. Decides …;"), or it is longer than a title is.
 */
function isProse(block: Block): boolean {
  return endsSentence(block.text) || CLAUSE_END.test(block.text) || block.text.length > MAX_TITLE_CHARS;
}
/** A clause's end, after a word or a figure: a comma or a semicolon (not a masthead's "Distr.:"). */
const CLAUSE_END = /[\p{L}\p{N})’”"][,;]$/u;

/**
 * A person named with an honorific or a diplomat's rank ("H.E. Ms. Ingrid Solberg", "Mr. Jonas
 * Berg", "Ambassador Mira Kessel"), no office.
 */
const PERSON = /^(?:(?:H\.\s?E\.|His Excellency|Her Excellency|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Sir|Dame|Ambassador)\s+)+(?!the\b)[\p{Lu}]/u;
/**
 * The office and State that follow a person's name in a title, up to the next comma: ",
 * Ambassador of Norway", ", Minister for Foreign Affairs of the Kingdom of Sylvania".
 */
const OFFICE_OF_STATE = /^,\s+((?:[\p{Lu}][\p{L}.-]*\s+)+(?:for\s+(?:[\p{Lu}][\p{L}-]*\s+|and\s+)+)?of\s+(?:the\s+)?[\p{Lu}][^,]*?)(?=,|\s+(?:on|at|in|to|before|during|concerning|regarding|for|about|upon|addressed|submitted|pursuant)\b|$)/u;

/** The last word of a State's formal name before its "of": "the Kingdom of Sylvania", "the Republic of Korea". */
const STATE_FORM =
  /\b(?:Republic|Kingdom|Federation|Commonwealth|Emirates|States|State|Principality|Duchy|Sultanate|Union|Confederation|Islands)$/;
/** An office that a title names without its State, which follows: "the Minister", "the Permanent Representative". */
const OFFICE_ALONE =
  /^(?:(?:Deputy|Vice|Acting|Prime|First|Foreign)\s+)?(?:Minister|Ambassador|President|Permanent Representative|Chargé d'affaires|Head of State|Secretary of State|Chancellor)$/;
/** An office up to its State: "Minister for Foreign Affairs of Norvania", ending as a title's author does. */
const OFFICE_WITH_STATE =
  /^(.+?\bof\s+(?:the\s+)?\p{Lu}.*?)(?=,|\s+(?:on|at|in|to|before|during|concerning|regarding|about|upon|addressed|submitted|pursuant)\b|$)/u;
/** A spokesperson, who speaks for whom the words after "for" name. */
const SPOKESPERSON = /^(?:the\s+)?(?:Office of the\s+)?(?:Deputy\s+)?Spokes(?:man|woman|person)$/i;
/** Whom a spokesperson speaks for: " for the Secretary-General", up to where the title goes on. */
const SPOKEN_FOR = /^\s+for\s+(?:the\s+)?(?:United Nations\s+)?(.+?)(?=,|\s+(?:on|at|in|to|before|during|concerning|regarding|about|upon|addressed|submitted|pursuant)\b|$)/u;
/** Those who speak for their State: "the delegation of Arcadia", "the Permanent Mission of Sylvania". */
const SPEAKS_FOR_STATE = /^(?:the\s+)?(?:delegation|permanent mission)\s+of\s+(?:the\s+)?(.+)$/i;
/**
 * The State an office is of: the words after its "of", with the formal name's own "of"
 * ("Minister for Foreign Affairs of the Kingdom of Sylvania": "Kingdom of Sylvania"; "Minister
 * of Foreign Affairs of Borduria": "Borduria"; "Ambassador of Norway": "Norway").
 */
export function stateOfOffice(office: string): string {
  const parts = office.split(/\s+of\s+/);
  let at = parts.length - 1;
  while (at > 1 && STATE_FORM.test(parts[at - 1] ?? '')) at -= 1;
  return parts
    .slice(at)
    .join(' of ')
    .replace(/^the\s+/i, '');
}

/**
 * Kind and author as a title line gives them; null for what it does not. The author is who
 * speaks: the State or body ("Statement by Norway in …", "Report of the Secretary-General"); the
 * State a person speaks for, from the office after their name ("Statement by H.E. Mr. Jan Novak,
 * Minister for Foreign Affairs of Borduria, at …": Borduria), or a delegation's ("STATEMENT BY
 * THE DELEGATION OF ARCADIA ON …": Arcadia). A title in capitals is read as one in small letters,
 * and the name written as a name.
 */
export function readTitle(title: string): { kind: string | null; author: string | null } {
  const kind = KIND_WORDS.find(([pattern]) => pattern.test(title))?.[1] ?? null;
  if (!kind) return { kind: null, author: null };
  const capitals = !/\p{Ll}/u.test(title);
  const read = capitals ? fromCapitals(title) : title;
  const match = AUTHOR_IN_TITLE.exec(read);
  let author = match?.[1]?.trim() ?? null;
  // What the title says after the author's name, where their office or whom they speak for goes on.
  const after = match ? read.slice(match.index + match[0].length) : '';
  // A person's name says nothing of whom they speak for: the State of their office after it does
  // ("H.E. Ms. Ingrid Solberg, Ambassador of Norway"), so that "what did Norway say" names it.
  if (author && PERSON.test(author)) {
    const office = OFFICE_OF_STATE.exec(after)?.[1];
    if (office) author = stateOfOffice(office.trim());
  }
  // "Statement by the Minister for Foreign Affairs of Norvania on …": an office named alone is
  // of the State after its "of" (user trial 28: author "Minister").
  if (author && OFFICE_ALONE.test(author)) {
    const office = OFFICE_WITH_STATE.exec(author + after)?.[1];
    if (office) author = stateOfOffice(office.trim());
  }
  const state = author ? SPEAKS_FOR_STATE.exec(author)?.[1] : undefined;
  if (state) author = state;
  // "Statement by the Spokesperson for the Secretary-General on …": the spokesperson speaks for
  // the Secretary-General, who is the author (user trial 27).
  const spokenFor = author && SPOKESPERSON.test(author) ? SPOKEN_FOR.exec(after)?.[1] : undefined;
  if (spokenFor) author = spokenFor.trim();
  if (author && capitals) author = fromCapitals(author);
  return { kind, author: author && author.length <= MAX_TITLE_CHARS ? author : null };
}

/** A line that stops mid-sentence: at a comma, a semicolon, a colon, a dash, an open bracket or a little word. */
const ENDS_MID_SENTENCE = /(?:[,;:(\-–—]|\b(?:and|or|of|to|the|a|an|in|on|at|by|for|with|from|as|that|this|my|our|your))$/i;
/** Words of at least this many letters are counted for a heading's capitals. */
const MIN_HEADING_WORD = 4;
/** Share of such words a heading starts with a capital ("Permanent Mission of Testland to the United Nations"). */
const HEADING_CAPITALS = 0.5;

/** Whether a line opens with what the document is: "Statement by …", "Report of …". */
function namesKind(text: string): boolean {
  return KIND_WORDS.some(([pattern]) => pattern.test(text));
}

/**
 * Whether a line reads as a heading: a heading's capitals, and it does not stop mid-sentence.
 * "I would like to extend my heartfelt congratulations to Mr. Gurirab," is prose a page break cut.
 */
function readsAsHeading(text: string): boolean {
  if (ENDS_MID_SENTENCE.test(text)) return false;
  const words = text.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.length >= MIN_HEADING_WORD);
  const capitals = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return words.length > 0 && capitals / words.length >= HEADING_CAPITALS;
}

/**
 * The pieces of the blocks before the first paragraph, each a title, masthead or date line: a
 * block whose last lines are a place and date (a title with its date line under it, no blank line
 * between) gives them apart, and so does one that holds masthead lines ("Seventy-fifth session" /
 * "Item 72 of the provisional agenda*" / the item's title), each line of the masthead a piece and
 * the lines between them one.
 */
function frontPieces(block: Block): string[] {
  const lines = block.lines;
  // A line's own asterisks may be emphasis that runs over several lines ("**Mr President,"):
  // a footnote's asterisk marks a masthead line only on the block's words.
  // An adoption line ("Resolution adopted by the Human Rights Council on 3 April 2025") is one
  // too, between the agenda item's title and the resolution's.
  const ownLine = (line: string) =>
    (isMastheadLine(line) && !line.startsWith('*')) || ADOPTED.test(line.trim());
  if (lines.length > 1 && lines.some(ownLine)) {
    const pieces: string[] = [];
    let run: string[] = [];
    for (const line of lines) {
      if (!ownLine(line)) {
        run.push(line);
        continue;
      }
      if (run.length > 0) pieces.push(run.join(' '));
      run = [];
      pieces.push(line);
    }
    if (run.length > 0) pieces.push(run.join(' '));
    return pieces;
  }
  // "Situation in Brevonia" / "Report of the Secretary-General", with no blank line between: the
  // line that names the kind starts a piece of its own, as it would in a block of its own.
  const kindAt = lines.findIndex((line, i) => i > 0 && namesKind(line));
  if (kindAt > 0) {
    const rest = lines.slice(kindAt);
    return [lines.slice(0, kindAt).join(' '), ...frontPieces({ ...block, lines: rest, text: rest.join(' ') })];
  }
  let cut = lines.length;
  while (cut > 0 && PLACE_AND_DATE.test(lines[cut - 1] ?? '')) cut -= 1;
  if (cut === lines.length || cut === 0) return [block.text];
  return [lines.slice(0, cut).join(' '), ...lines.slice(cut)];
}

/** A resolution's numbered title: "58/17. Situation of …", "81/52. Assistance for …". */
const RESOLUTION_TITLE = /^\d{1,3}\/\d{1,4}\.\s+\p{Lu}/u;
/** The line of a masthead that gives the agenda item, the item's title under it: "Item 72 of the provisional agenda*". */
const AGENDA_ITEM_LINE = /^(?:(?:provisional )?agenda items?\b|items? \d+\b)/i;
/**
 * A section heading that opens a report's text: numbered in Roman figures ("I. Introduction"),
 * or the summary, contents or abstract a report prints above its first section.
 */
const FIRST_SECTION = /^(?:[IVXLC]{1,7}\.\s+\p{Lu}|A\.\s+\p{Lu}|(?:Summary|Contents|Abstract)$)/u;

/** A title line written again: the same words, whatever their case and spacing. */
const sameLine = (a: string, b: string | undefined) =>
  b !== undefined && a.replace(/\s+/g, ' ').toLowerCase() === b.replace(/\s+/g, ' ').toLowerCase();

/** The footer of a UN press release: New York's "For information media. Not an official record.", Geneva's "For use of the information media; not an official record." */
const PRESS_RELEASE_FOOTER = /^For (?:use of the )?information media\b.*\bNot an official record\.?$/i;
/** The organs whose press statements a press release carries. */
const PRESS_ORGANS = 'General Assembly|Security Council|Economic and Social Council|Human Rights Council';
/** The organ an adoption line names: "Adopted by the Security Council at its 9871st meeting …". */
const ADOPTED_BY = new RegExp(String.raw`\b[Aa]dopted by the (${PRESS_ORGANS})\b`);
/**
 * Whom a press release says a statement is issued for: "The following statement was issued
 * today by the Spokesman for United Nations Secretary-General António Guterres:".
 */
const ISSUED_FOR = new RegExp(
  String.raw`\bwas issued\b[^:]*?\bby the Spokes(?:man|woman|person) for (?:the )?(?:United Nations )?((?:Deputy )?Secretary-General|President of the (?:${PRESS_ORGANS}))\b`,
  'i',
);
/**
 * An organ's press statement, issued by its President for its members: "The following statement
 * was issued today by Security Council President Ambassador …:" speaks for the Security Council.
 */
const ISSUED_BY_PRESIDENT = new RegExp(
  String.raw`\bwas issued\b[^:]*?\bby (?:the )?(${PRESS_ORGANS}) President\b`,
  'i',
);
/** "The following Security Council press statement was issued today by Council President …:". */
const ORGAN_STATEMENT = new RegExp(
  String.raw`\bThe following (${PRESS_ORGANS}) (?:press )?statement was issued\b`,
  'i',
);
/** The press releases of the Secretary-General's statements and messages, and the Deputy's: SG/SM/19702. */
const STATEMENTS_AND_MESSAGES: readonly (readonly [RegExp, string])[] = [
  [/^SG\/SM\//, 'Secretary-General'],
  [/^DSG\/SM\//, 'Deputy Secretary-General'],
];
/** How many blocks of its text a press release's line that says whom it is issued for is looked for in. */
const ISSUED_FOR_BLOCKS = 3;

/**
 * What shows a document to be a press release, and whom it speaks for: its footer ("For
 * information media. Not an official record.") or a press release's symbol (`SG/SM/19702`,
 * `SC/16214`); its author is whom the statement is issued for ("… by the Spokesman for …
 * Secretary-General …:"; "… by Security Council President …:", the Council), or the Secretary-General for a symbol of the statements and messages
 * (SG/SM). Null when nothing shows it; an author of a meeting's coverage is not named.
 */
function readPressRelease(
  blocks: readonly Block[],
  bodyStart: number,
  symbol: string | null,
): { kind: string; author: string | null } | null {
  if (!blocks.some((b) => PRESS_RELEASE_FOOTER.test(b.text)) && !(symbol && isPressRelease(symbol))) return null;
  const issued = blocks
    .slice(0, bodyStart + ISSUED_FOR_BLOCKS)
    .map(
      (b) =>
        ISSUED_FOR.exec(b.text)?.[1] ??
        ISSUED_BY_PRESIDENT.exec(b.text)?.[1] ??
        ORGAN_STATEMENT.exec(b.text)?.[1],
    )
    .find((office) => office !== undefined);
  const series = symbol ? STATEMENTS_AND_MESSAGES.find(([prefix]) => prefix.test(symbol))?.[1] : undefined;
  return { kind: 'press release', author: issued ?? series ?? null };
}

/**
 * Reads the blocks before the first paragraph: the UN masthead (symbol, distribution date,
 * organs, agenda items), a date line, and the title lines after the masthead. Returns where the
 * body starts: at the first paragraph, or at the first block that is none of these (the first
 * words of prose a page break or a blank line cut off: they stay in the text, never a title).
 */
function readTextMetadata(blocks: readonly Block[]): {
  meta: TextMetadata;
  bodyStart: number;
  /** The block of the title's first line, -1 when the text prints none. */
  titleStart: number;
} {
  let bodyStart = 0;
  while (bodyStart < blocks.length && !isProse(blocks[bodyStart] as Block)) {
    const text = (blocks[bodyStart] as Block).text;
    if (text.length > MAX_TITLE_CHARS || text.startsWith('(Signed)') || LEAD_IN.test(text)) break;
    bodyStart += 1;
  }
  // A text whose every block is short (a list, a poem) has no title lines: all of it is body.
  if (bodyStart >= blocks.length) bodyStart = 0;
  const front = bodyStart;
  let date: string | null = null;
  const titleLines: string[] = [];
  const pieces = blocks.slice(0, front).flatMap((block, b) => frontPieces(block).map((text) => ({ text, b })));
  // Without a masthead, a title is the line that names the document's kind, with the heading
  // lines above it (a mission's letterhead); a salutation or an invocation after it is the speech's.
  const lastKindLine = pieces.findLastIndex(({ text }) => namesKind(text));
  let afterMasthead = false;
  let bylineAuthor: string | null = null;
  // Between a title with no masthead above it and its date line stands the occasion ("Security
  // Council open debate on …"): the title's, though it opens with an organ's name as a masthead
  // line does. A masthead comes above the title, never under it.
  const isOccasion = (i: number) =>
    !afterMasthead && lastKindLine >= 0 && i > lastKindLine && pieces.slice(i + 1).some(({ text }) => PLACE_AND_DATE.test(text));
  // The block of the masthead's agenda item line: the item's title under it is the masthead's.
  let agendaBlock = -1;
  let titleStart = -1;
  const addTitle = (text: string, b: number) => {
    if (titleLines.length === 0) titleStart = b;
    titleLines.push(text);
  };
  // "Resolution adopted by the General Assembly on 17 December 2024": the kind, the author and
  // the date it was adopted, which is the resolution's date; not its title.
  let adoption: string | null = null;
  for (const [i, { text, b }] of pieces.entries()) {
    if (PLACE_AND_DATE.test(text)) {
      date ??= parseWrittenDate(text);
    } else if (ADOPTED.test(text)) {
      adoption = text;
      date = parseWrittenDate(text) ?? date;
      afterMasthead = true;
      // Under the title, the last line before the text ("Resolution 2794 (2025)" / "Adopted by
      // the Security Council at its 9871st meeting, on 14 March 2025" / "The Security Council,"):
      // the first passage too, as a byline is, so that "at which meeting was it adopted?" is
      // answered with a quote (user trial 33).
      if (titleLines.length > 0 && i === pieces.length - 1 && pieces[i - 1]?.b !== b) {
        bodyStart = b;
        break;
      }
    } else if (EDITORIAL_NOTE.test(text)) {
      // "[on the report of the Second Committee (A/79/451/Add.2)]": how it came, not its title.
    } else if (isOccasion(i) && !parseWrittenDate(text)) {
      addTitle(text, b);
    } else if (isMastheadLine(text)) {
      // The masthead: after it come the title lines (an agenda item's title, then the document's).
      titleLines.length = 0;
      titleStart = -1;
      afterMasthead = true;
      if (AGENDA_ITEM_LINE.test(text)) agendaBlock = b;
    } else if (b === agendaBlock) {
      // The agenda item's title ("Assistance in mine action"), which the document's often repeats.
    } else if ((afterMasthead || titleLines.length > 0) && FIRST_SECTION.test(text)) {
      // "I. Introduction": the report's text starts.
      bodyStart = b;
      break;
    } else if (sameLine(text, titleLines.at(-1))) {
      // A title line written again is said once.
    } else if (!afterMasthead && i === lastKindLine + 1 && lastKindLine >= 0 && parseWrittenDate(text)) {
      // The title's byline, "Submitted 2 March 2024 by …" under "REPORT ON …", tells the date and
      // author, and stays the first passage, so that "who submitted it?" is answered with a quote.
      date ??= parseWrittenDate(text);
      bylineAuthor = BYLINE_AUTHOR.exec(text)?.[1]?.trim() ?? null;
      bodyStart = b;
      break;
    } else if (afterMasthead || i === lastKindLine || (i < lastKindLine && readsAsHeading(text))) {
      addTitle(text, b);
    } else {
      bodyStart = b;
      break;
    }
  }
  const masthead = parseMasthead(
    blocks
      .slice(0, bodyStart)
      .map((b) => b.text)
      .join(' '),
  );
  // A resolution's title is its numbered line ("58/17. Situation of human rights in …"): what
  // stands above it is the agenda item's title, in a block of its own (user trial 34).
  const numbered = titleLines.findIndex((line) => RESOLUTION_TITLE.test(line));
  if (numbered > 0) titleLines.splice(0, numbered);
  const title = titleLines.slice(-MAX_TITLE_LINES).join(': ') || null;
  // Kind and author from the line that names the kind (an occasion under it names neither).
  const kindLine = titleLines.findLast(namesKind) ?? adoption ?? titleLines.at(-1);
  const fromTitle = title ? readTitle(kindLine ?? title) : { kind: null, author: null };
  // "Adopted by the Security Council at its 9871st meeting": the organ that adopted it.
  fromTitle.author ??= (adoption && ADOPTED_BY.exec(adoption)?.[1]) || null;
  const pressRelease = readPressRelease(blocks, bodyStart, masthead.symbol);
  return {
    meta: {
      title,
      date: date ?? masthead.distributed ?? (title ? parseWrittenDate(title) : null),
      symbol: masthead.symbol,
      distributed: masthead.distributed,
      bodies: masthead.bodies,
      agendaItems: masthead.agendaItems,
      kind: fromTitle.kind ?? pressRelease?.kind ?? null,
      author:
        fromTitle.author ??
        (bylineAuthor && bylineAuthor.length <= MAX_TITLE_CHARS ? bylineAuthor : null) ??
        pressRelease?.author ??
        null,
    },
    bodyStart,
    titleStart,
  };
}

/** A meeting's record as what the text shows above its first paragraph: its organ is its author. */
function asTextMetadata(record: MeetingRecord): ReturnType<typeof readTextMetadata> {
  const { symbol, date, title, organ, bodyStart } = record;
  return {
    meta: { title, date, symbol, distributed: null, bodies: [], agendaItems: [], kind: 'record', author: organ },
    bodyStart,
    titleStart: -1,
  };
}

/** The first of `values` that is given, with where it came from. */
function first<T>(...values: [T | null | undefined, MetadataSource][]): [T | null, MetadataSource | null] {
  for (const [value, source] of values) if (value !== null && value !== undefined) return [value, source];
  return [null, null];
}

/** A letter as read from its text, with what its front matter says put first. */
function withFrontMatter(letter: Document, front: FrontMatter | null): Document {
  if (!front) return letter;
  const symbol = front.symbol ?? letter.symbol;
  return {
    ...letter,
    title: front.title ?? letter.title,
    date: front.date ?? letter.date,
    symbol,
    symbols: symbol ? splitSymbol(symbol) : [],
    symbolSource: front.symbol ? 'front matter' : letter.symbolSource,
    author: front.author ?? letter.author,
    kind: front.kind ?? letter.kind,
    language: front.language ?? null,
    url: front.url ?? null,
    sources: {
      title: front.title ? 'front matter' : letter.sources.title,
      date: front.date ? 'front matter' : letter.sources.date,
      author: front.author ? 'front matter' : letter.sources.author,
      kind: front.kind ? 'front matter' : letter.sources.kind,
    },
  };
}

/**
 * A note verbale as its mission sent it, with no "Note verbale dated …" heading above it: its
 * first paragraph opens with the formula "The Permanent Mission of Chile … presents its
 * compliments to …", which names the State it is of, and a place-and-date line at its foot
 * ("Geneva, 20 February 2024") dates it. Null for a text that does not open so.
 */
function readNoteAsSent(
  blocks: readonly Block[],
  bodyStart: number,
): { kind: string; author: string | null; date: string | null; addressee: string; title: string | null } | null {
  const openingAt = blocks.findIndex((b, i) => i >= bodyStart && isProse(b));
  const opening = blocks[openingAt]?.text ?? '';
  const match = COMPLIMENTS.exec(opening);
  if (!match) return null;
  // The note is dated by the place and date that close it, before any annex ("New York, 2 July
  // 2025"), not by an annex's own ("Velmira, 30 June 2025"; user trial 29); else by the last line.
  const after = blocks.slice(openingAt + 1);
  const annexAt = after.findIndex((b) => PART_START.test(b.text));
  const closing = after.slice(0, annexAt < 0 ? undefined : annexAt).find((b) => PLACE_AND_DATE.test(b.text));
  // Its annex's heading names it as the note's own heading would: "Annex to the note verbale
  // dated 2 July 2025 from the Permanent Mission of … addressed to the Secretary-General".
  const named = ANNEX_TO_NOTE.exec(after[annexAt]?.text ?? '')?.[1];
  const last = closing?.text ?? blocks.at(-1)?.text ?? '';
  // "… presents its compliments to the Secretary-General of the United Nations and has the honour …"
  const to = opening.slice(match.index + match[0].length).match(ADDRESSED_TO);
  return {
    kind: 'note verbale',
    author: match[1]?.trim() ?? null,
    date: PLACE_AND_DATE.test(last) ? parseWrittenDate(last) : null,
    addressee: to?.[1]?.replace(/\s+/g, ' ').trim() ?? '',
    title: named ? named.charAt(0).toUpperCase() + named.slice(1) : null,
  };
}
/** An annex's heading that names the note it is annexed to (without a heading of its own). */
const ANNEX_TO_NOTE = /^Annex to the (note verbale dated .+ addressed to .+?)\.?$/i;
/** A block that opens an annex or an enclosure. */
const PART_START = /^(?:Annex|Enclosure)\b/;
/** Whom a note's compliments are presented to: up to "and has the honour", a comma or a full stop. */
const ADDRESSED_TO = /^\s+to\s+(the\s+\p{Lu}.{0,150}?)(?=\s+and\s+(?:has|have)\s+the\s+honour|[,.;])/su;
/** "The Permanent Mission of Chile to … presents its compliments": the State it is of. */
const COMPLIMENTS =
  /^The\s+(?:Permanent\s+)?(?:Mission|Embassy|Delegation|Ministry\s+of\s+Foreign\s+Affairs)\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+(?:of\s+(?:the\s+)?)?\p{Lu}[\p{L}'’-]*)*)\b.{0,200}?\bpresents\s+its\s+compliments\b/su;

/**
 * Parses one document file's text (its front matter already read and blanked: `front`) into a
 * `Document`. Throws `CorpusError` naming the file and line for a letter heading without a date
 * or without sender and addressee, and for a text with no paragraph at all.
 */
export function parseDocument(raw: string, source: LetterSource, front: FrontMatter | null = null): Document {
  const { blocks, pageEnds } = readBlocks(raw, source.firstPage ?? 1);
  const jobNumber = pageEnds.find((p) => p.jobNumber)?.jobNumber ?? null;
  const firstProse = blocks.findIndex(isProse);
  const headingIndex = blocks.findIndex((b) => HEADING.test(b.text));
  const declaredOther = front?.kind !== undefined && !isLetter({ kind: front.kind });
  if (!declaredOther && headingIndex >= 0 && (firstProse < 0 || headingIndex <= firstProse)) {
    return withFrontMatter(parseLetterBlocks(blocks, headingIndex, jobNumber, source), front);
  }
  // "Letter from the Permanent Representative of … addressed to …" with no date: a letter whose
  // heading lacks its date is refused as one whose date cannot be read is (user trial 32: it loaded
  // as a document by no one, dated by its file's name).
  const undated = blocks.findIndex((b) => UNDATED_HEADING.test(b.text));
  if (!declaredOther && undated >= 0 && (firstProse < 0 || undated <= firstProse)) {
    const heading = blocks[undated] as Block;
    throw new CorpusError(source.file, `no date found in heading "${quotedStart(heading.text)}"`, heading.line);
  }

  const record = readMeetingRecord(blocks);
  const fromText = record ? asTextMetadata(record) : readTextMetadata(blocks);
  const { meta } = fromText;
  // A title the front matter replaces is words of the text, kept as its first passages: "Statement
  // by Dr. Helena Varga-Moor, Minister …" under a front matter title that names no one.
  const replaced =
    front?.title !== undefined &&
    meta.title !== null &&
    fromText.titleStart >= 0 &&
    !sameLine(meta.title, front.title);
  const bodyStart = replaced ? fromText.titleStart : fromText.bodyStart;
  const named = fileNameMetadata(source.file);
  const sent = readNoteAsSent(blocks, bodyStart);
  if (sent) {
    meta.kind ??= sent.kind;
    meta.author ??= sent.author;
    meta.date ??= sent.date;
    meta.title ??= sent.title;
  }
  const [title, titleSource] = first<string>([front?.title, 'front matter'], [meta.title, 'text'], [named.title, 'file name']);
  const [date, dateSource] = first<string>([front?.date, 'front matter'], [meta.date, 'text'], [named.date, 'file name']);
  const [symbol, symbolSource] = first<string>([front?.symbol, 'front matter'], [meta.symbol, 'text']);
  const [author, authorSource] = first<string>([front?.author, 'front matter'], [meta.author, 'text']);
  const [kind, kindSource] = first<string>([front?.kind, 'front matter'], [meta.kind, 'text']);
  const letterKind = isLetter({ kind: kind ?? DEFAULT_KIND });
  // A lead-in and its list items are one passage ("urges Member States: (a) … (b) …").
  const read = letterKind
    ? blocks
    : [...blocks.slice(0, bodyStart), ...joinListItems(joinVoteRecords(blocks.slice(bodyStart)))];
  const body = readBody(read, bodyStart, author);
  if (body.passages.length === 0) {
    throw new CorpusError(source.file, 'no paragraphs found: the file holds no text to quote', blocks[0]?.line ?? 1);
  }
  if (!letterKind) {
    markPassageRoles(body.passages);
    markTurns(body.passages);
  } else {
    markDatelines(body.passages);
    markAnnexHeadings(body.passages);
  }
  const speakers = [...new Set(body.passages.flatMap((p) => (p.speaker ? [p.speaker] : [])))];
  const bodies = [...meta.bodies];
  for (const b of body.bodies) if (!bodies.includes(b)) bodies.push(b);
  return {
    id: source.id,
    file: source.file,
    symbol,
    symbols: symbol ? splitSymbol(symbol) : [],
    symbolSource,
    date: date ?? '',
    distributed: meta.distributed,
    kind: kind ?? DEFAULT_KIND,
    title: title ?? source.id,
    author,
    sender: author ?? '',
    addressee: sent?.addressee ?? '',
    language: front?.language ?? null,
    url: front?.url ?? null,
    sources: { title: titleSource ?? 'file name', date: dateSource, author: authorSource, kind: kindSource },
    signatories: body.signatories,
    bodies,
    agendaItems: meta.agendaItems,
    jobNumber,
    annexes: body.annexes,
    ...(speakers.length > 0 ? { speakers } : {}),
    passages: body.passages,
    text: body.text,
    sha256: source.sha256,
  };
}
