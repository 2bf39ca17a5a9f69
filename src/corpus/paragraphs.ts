/**
 * Finds the paragraphs of text whose lines run on without blank lines between paragraphs, as PDF
 * and OCR extractions give it: hard-wrapped at a width, or one paragraph a line. A paragraph
 * starts where a reader sees one start:
 * - after a line that ends a sentence, or a lead-in with a colon ("… issued today by the
 *   Spokesman:"), well short of the text's usual width (the next line's first word would have
 *   fitted on it, so the writer broke the line on purpose), or a sentence end with room for that
 *   word within the text's widest line (typed and OCR text wraps by characters);
 * - at a heading in capitals, and at the line that leaves its capitals;
 * - at a first-line indent, after a sentence end;
 * - at a numbered paragraph ("12.", "(a)", "iv)") after a sentence end, a colon or a semicolon;
 * - at a speaker's turn in a meeting's record ("Ms. Dubois (France): …") or a line of the
 *   record's own ("The meeting rose at …"), after a sentence end or a short line;
 * - at a salutation on lines of its own ("Mr. President," / "Excellencies,"), and after it;
 * - at every line of a text that is not wrapped at all (its lines far longer than anyone wraps),
 *   but one that goes on from a paragraph-long line stopped on a small letter.
 */
import { asWritten } from './capitals.ts';
import { PLACE_AND_DATE } from './dates.ts';
import { ADOPTED, EDITORIAL_NOTE, isMastheadLine, RESOLVING_ORGAN } from './masthead.ts';
import { isRecordLine, turnOf } from './meeting-record.ts';
import { isSalutation } from './salutations.ts';

/** A source line with its leading whitespace measured. */
export interface SourceLine {
  text: string;
  /** Columns of leading whitespace (a tab counts as four). */
  indent: number;
}

/** Below this usual width, lines are too short to tell a wrapped line from a short one (addresses, mastheads). */
const MIN_WRAP_WIDTH = 40;
/** A usual width above this is no wrapping at all: each line is a paragraph. */
const UNWRAPPED_WIDTH = 200;
/** A line that stops mid-sentence: on a small letter (a comma may close an address, "Mr. President,"). */
const MID_SENTENCE_END = /\p{Ll}$/u;
/** Share of the usual width a line plus the next line's first word must stay within to be a short line (proportional fonts vary). */
const FIT_SHARE = 0.88;
/** Percentile of the lengths of lines that run on into another line taken as the usual width. */
const WIDTH_PERCENTILE = 0.8;
/** Percentile of those lengths taken as the widest line's (a stray long line left out). */
const WIDEST_PERCENTILE = 0.98;
/** Columns a line must stand in from its neighbours to be an indent. */
const MIN_INDENT = 2;

/** A sentence ends at the end of the line: a full stop, a question or exclamation mark, maybe in quotes or brackets. */
const SENTENCE_END = /[.?!]["”’)\]]*$/u;
/** A full stop that ends an abbreviation, not a sentence ("Mr.", "No.", "Sept.", "H.E."). */
const ABBREVIATION_END = /(?:^|[\s(])(?:Mr|Mrs|Ms|Messrs|Dr|Prof|St|Nos?|Art|Arts|paras?|Sept|Gen|Lt|Col|Capt|Sr|Jr|Distr|Orig|[A-Z]|(?:[A-Z]\.){1,3}[A-Z])\.$/u;
/** A line that may open a paragraph: a capital, a figure, a quotation mark or an opening bracket. */
const OPENS = /^[\p{Lu}\d"“‘'([]/u;
/** The mark of a list item: "(a)", "(iv)", "(2)", "a)", "iv)", a bullet or a dash. */
const ITEM_MARK = String.raw`\(\s?(?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3})\s?\)|(?:[a-z]|[ivx]{1,5})\)(?=\s)|[•▪●◦·]|[-–—](?=\s)`;
/** A list item: its mark, then its words. */
export const LIST_ITEM = new RegExp(`^(?:${ITEM_MARK})\\s`, 'u');
/** A numbered paragraph or list item: "1.", "12.", "(a)", "(iv)", "a)", "•", "–". */
const NUMBERED = new RegExp(`^(?:\\d{1,3}\\.(?=\\s)|${ITEM_MARK})`, 'u');
const LIST_LEAD = /[:;]$/;
/** The first numbered paragraph: "1. On 2 May 2025, …". */
const FIRST_NUMBERED = /^1\.\s+\p{Lu}/u;
/** A section's heading numbered in Roman figures: "I. Introduction", "IV. Observations". */
const ROMAN_SECTION = /^[IVXLC]{1,7}\.\s+\p{Lu}/u;
/** A line or block that leads into what follows: "The following statement was issued … by the Spokesman:". */
export const LEAD_IN = /:$/;

/**
 * Which lines of a run are a salutation alone ("Mr. President," / "Excellencies,"): ending as
 * one does, at the start of the run, after a sentence's end, a line broken short of `width`
 * (a byline's last line) or another such line; not "Secretary-General," ending a full line's
 * sentence.
 */
function salutationLines(run: readonly SourceLine[], width: number): boolean[] {
  const greets: boolean[] = [];
  run.forEach((line, i) => {
    const text = line.text.trim();
    const previous = run[i - 1]?.text;
    const after =
      previous === undefined ||
      greets[i - 1] === true ||
      endsSentence(previous) ||
      brokenShort(previous, text, width);
    greets.push(after && /[,!]$/.test(text) && isSalutation(text));
  });
  return greets;
}

/** A line ends a sentence (and not an abbreviation like "Mr."). */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text) && !ABBREVIATION_END.test(text);
}

/**
 * A text whose lines that run on mostly end a sentence (or lead in with a colon) is not wrapped:
 * each line is a paragraph, however long. Wrapped prose ends a line mid-sentence far more often
 * than not. Read over this many such lines or more…
 */
const MIN_SENTENCE_LINES = 3;
/** …of which this share or more end a sentence. */
const SENTENCE_LINES_SHARE = 0.75;

/**
 * How wide a text's wrapped lines are (`wrapWidths`): `usual`, the width most full lines reach;
 * `widest`, the width of the longest of them, which a line plus the next line's first word does
 * not exceed unless the line was broken short on purpose.
 */
export interface WrapWidths {
  usual: number;
  widest: number;
}

/**
 * The widths of wrapped lines in `runs` (each run: lines with no blank line between them), from
 * the lengths of the lines that run on into another: most of them are full lines. 0 when no line
 * runs on; Infinity when the text is not wrapped (`SENTENCE_LINES_SHARE`).
 */
export function wrapWidths(runs: readonly (readonly SourceLine[])[]): WrapWidths {
  const lengths: number[] = [];
  let long = 0;
  let ending = 0;
  for (const run of runs)
    for (let i = 0; i < run.length - 1; i++) {
      lengths.push(run[i]?.text.length ?? 0);
      const text = run[i]?.text.trim() ?? '';
      if (text.length < MIN_WRAP_WIDTH) continue;
      long += 1;
      if (endsSentence(text) || LEAD_IN.test(text)) ending += 1;
    }
  if (long >= MIN_SENTENCE_LINES && ending >= SENTENCE_LINES_SHARE * long) return { usual: Infinity, widest: Infinity };
  if (lengths.length === 0) return { usual: 0, widest: 0 };
  lengths.sort((a, b) => a - b);
  const at = (share: number) => lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * share))] ?? 0;
  return { usual: at(WIDTH_PERCENTILE), widest: at(WIDEST_PERCENTILE) };
}

function firstWordLength(text: string): number {
  return /^\S+/.exec(text)?.[0].length ?? 0;
}

/**
 * Whether `previous` was broken short on purpose, in a text wrapped at `width`: the first word of
 * `next` would have fitted on it.
 */
function brokenShort(previous: string, next: string, width: number): boolean {
  const wrapped = width >= MIN_WRAP_WIDTH && width <= UNWRAPPED_WIDTH;
  return wrapped && previous.length + 1 + firstWordLength(next) <= width * FIT_SHARE;
}

/**
 * Where, within one run of lines with no blank line between them, new paragraphs start: the
 * indexes (≥ 1) of their first lines, measured against the text's widths (`wrapWidths`).
 */
export function paragraphStarts(
  run: readonly SourceLine[],
  { usual: width, widest }: WrapWidths,
  /** Whether the run opens within a resolution's preamble (`inPreambleAfter` of the runs before). */
  inPreamble = false,
): number[] {
  const starts: number[] = [];
  if (run.length < 2) return starts;
  const unwrapped = width > UNWRAPPED_WIDTH;
  const baseIndent = Math.min(...run.map((l) => l.indent));
  const greets = salutationLines(run, width);
  const headings = letterHeadings(run, width);
  const dated = run.map((l) => PLACE_AND_DATE.test(l.text.trim()));
  // In a resolution's preamble, from "The General Assembly," to its first numbered paragraph, each
  // paragraph ends with a comma ("… contained in the annex thereto," / "Deeply concerned at …").
  let preamble = run[0] ? preambleAfterLine(inPreamble, run[0].text) : inPreamble;
  for (let i = 1; i < run.length; i++) {
    const previous = run[i - 1] as SourceLine;
    const line = run[i] as SourceLine;
    const sentenceEnded = endsSentence(previous.text);
    const opens = OPENS.test(line.text);
    const preambleGoesOn = preamble && opens && /,$/.test(previous.text.trim());
    const organ = RESOLVING_ORGAN.test(line.text.trim());
    preamble = preambleAfterLine(preamble, line.text);
    if (preambleGoesOn || organ) {
      starts.push(i);
      continue;
    }
    // One paragraph a line: each line starts one, unless the line before, a paragraph's length,
    // stopped mid-sentence and this one goes on with no paragraph number ("… from its military
    // base in" / "Panama, the United States began …"; user trial 29).
    const cutOff =
      unwrapped && previous.text.length > UNWRAPPED_WIDTH && MID_SENTENCE_END.test(previous.text) && !NUMBERED.test(line.text) && !LIST_ITEM.test(line.text);
    if ((unwrapped && !cutOff) || greets[i] !== greets[i - 1] || headings[i] !== headings[i - 1]) {
      starts.push(i);
      continue;
    }
    if (cutOff) continue;
    const short = brokenShort(previous.text, line.text, width);
    // A place and date alone on a line ("Dhaka, 9 March 2024"), under a title, and what follows it.
    if ((dated[i] && short) || (dated[i - 1] && opens)) {
      starts.push(i);
      continue;
    }
    // A numbered paragraph after a sentence's end, a lead-in, or a line broken short on purpose
    // (a heading: "II. Political developments" / "2. On 9 November …").
    // Also the first under a title that fills its line ("List of violations of the airspace of the
    // Republic of Ostravia, May-June 2025" / "1. On 2 May 2025, …"; user trial 34).
    const underTitle =
      FIRST_NUMBERED.test(line.text) && titleCased(previous.text) && !MID_SENTENCE_END.test(previous.text.trim());
    if (NUMBERED.test(line.text) && (sentenceEnded || LIST_LEAD.test(previous.text) || short || underTitle)) {
      starts.push(i);
      continue;
    }
    // A section numbered in Roman figures, before its first numbered paragraph, under whatever
    // line: "Report of the Secretary-General" / "I. Introduction" / "1. The present report …"
    // (user trial 31: the heading had been read as the end of the title, its author "the
    // Secretary-General I. Introduction").
    if (
      ROMAN_SECTION.test(line.text) &&
      !endsSentence(line.text) &&
      NUMBERED.test(run[i + 1]?.text ?? '')
    ) {
      starts.push(i);
      continue;
    }
    // A heading between a title's last line, broken short, and a numbered paragraph: "… issued
    // on 12 October 2026" / "Attack of 9 October 2026" / "1. The Government …".
    const nextLine = run[i + 1]?.text;
    if (
      short &&
      !sentenceEnded &&
      !titleCased(previous.text) &&
      titleCased(line.text) &&
      !endsSentence(line.text) &&
      nextLine !== undefined &&
      NUMBERED.test(nextLine)
    ) {
      starts.push(i);
      continue;
    }
    // A speaker's turn in a meeting's record ("Mr. Costa (Brazil): …") or a line of the record's
    // own ("The meeting rose at …"), after a sentence's end or a heading's short line.
    if ((sentenceEnded || short) && (turnOf(line.text) !== null || isRecordLine(line.text))) {
      starts.push(i);
      continue;
    }
    // A heading in capitals set apart by no blank line ("CHRONOLOGY OF THE INCIDENTS" / "1. On …"):
    // after a sentence's end, and before the line that leaves the capitals.
    const capitals = CAPITALS_LINE.test(line.text.trim());
    const afterCapitals = CAPITALS_LINE.test(previous.text.trim());
    if (
      (capitals && !afterCapitals && sentenceEnded) ||
      (afterCapitals && !capitals && opens && !HEADING_CANNOT_END.test(previous.text.trim()))
    ) {
      starts.push(i);
      continue;
    }
    if (!(sentenceEnded || LEAD_IN.test(previous.text)) || !opens) continue;
    const indented = line.indent >= baseIndent + MIN_INDENT && line.indent > previous.indent;
    // A sentence's end that left room for the next line's first word within the widest line:
    // lines wrapped by character count (typed or OCR text) end short by less than `FIT_SHARE` allows.
    const roomLeft =
      sentenceEnded && !unwrapped && widest >= MIN_WRAP_WIDTH && previous.text.length + 1 + firstWordLength(line.text) <= widest;
    // A line longer than any wrapped line is a paragraph left unwrapped on a page of a wrapped
    // text, as PDFs extract some pages (fresh document 34: one paragraph a line on its second page).
    const paragraphLine = previous.text.length > UNWRAPPED_WIDTH;
    if (indented || short || roomLeft || paragraphLine) starts.push(i);
  }
  return starts;
}

/**
 * Whether a resolution's preamble goes on after `run`: it opened before the run (`open`) or in it
 * ("The Human Rights Council,"), and no numbered paragraph has closed it since. A blank line or a
 * page break may stand between the organ's line and its first preambular paragraph.
 */
export function inPreambleAfter(run: readonly SourceLine[], open: boolean): boolean {
  return run.reduce((preamble, { text }) => preambleAfterLine(preamble, text), open);
}

/**
 * Whether a resolution's preamble goes on after a line: the organ's line ("The General
 * Assembly,") opens it, a numbered paragraph closes it, any other line leaves it as it was.
 */
function preambleAfterLine(open: boolean, text: string): boolean {
  if (RESOLVING_ORGAN.test(text.trim())) return true;
  return NUMBERED.test(text) ? false : open;
}

/**
 * The heading of a letter, a note verbale or an annex to one, in its own lines when no blank
 * line sets it apart (as PDFs extract): from a line that opens as one ("Letter dated …", "Annex
 * to the note verbale dated …") to the line where its "addressed to …" has named the addressee:
 * the next line opens a sentence, and is no short line of a few words in a title's capitals that
 * ends the addressee's name ("… addressed to the President of the Security" / "Council"). Which
 * lines of a run are in such a heading.
 */
function letterHeadings(run: readonly SourceLine[], width: number): boolean[] {
  const inHeading = run.map(() => false);
  // A heading printed in capitals ("LETTER DATED 12 MARCH 1998 FROM …") is read as written.
  const lines = run.map((l) => asWritten(l.text.trim()));
  for (let i = 0; i < run.length; i++) {
    if (!HEADING_LINE.test(lines[i] ?? '')) continue;
    let text = '';
    for (let j = i; j < run.length && j - i < MAX_LETTER_HEADING_LINES; j++) {
      text += ` ${lines[j] ?? ''}`;
      const next = lines[j + 1];
      const nameGoesOn =
        NAME_GOES_ON.test(text) ||
        (next !== undefined &&
          next.split(/\s+/).length <= MAX_NAME_TAIL_WORDS &&
          titleCased(next) &&
          !endsSentence(next) &&
          brokenShort(next, lines[j + 2] ?? '', width));
      if (!ADDRESSED.test(text) || nameGoesOn || (next !== undefined && !OPENS.test(next))) continue;
      inHeading.fill(true, i, j + 1);
      i = j;
      break;
    }
  }
  return inHeading;
}
/** What a letter's heading names it: "Letter dated …", "Note verbale dated …". */
const LETTER_KINDS = 'Identical letters|Letter|Note verbale';
/**
 * The heading that opens a letter or an annexed letter, "Letter dated … from … addressed to …",
 * which a headline is not: its lines are read together.
 */
export const LETTER_HEADING = new RegExp(`^(?:${LETTER_KINDS}) dated\\b`, 'i');
/** A letter's heading without its date: "Letter from … addressed to …" (refused, as one whose date cannot be read). */
export const UNDATED_HEADING = new RegExp(`^(?:${LETTER_KINDS}) from\\s.+\\baddressed to\\s`, 'i');
/** A line that opens a letter's heading, or its annex's; in capitals as a heading writes it. */
const HEADING_LINE = new RegExp(
  `^(?:(?:${LETTER_KINDS})|Annex(?:\\s+[IVXLC\\d]+)?\\s+to\\s+the\\s+(?:identical\\s+letters?|letter|note\\s+verbale)) dated\\b`,
);
/** A heading whose "addressed to" has named someone. */
const ADDRESSED = /\baddressed\s+to\s+(?:the\s+)?\p{Lu}/u;
/** A heading that ends mid-name: on a comma, a hyphen or a little word ("… of the"). */
const NAME_GOES_ON = /(?:[,\-–]|\b(?:and|of|the|to|for|on|in))$/;
/**
 * The end of an addressee's name on a line of its own ("Council", "Human Rights Council") is a
 * few words; a longer line under the heading is the annex's title ("Statement by the Ministry of
 * Foreign Affairs and International" / "Cooperation of …").
 */
const MAX_NAME_TAIL_WORDS = 4;
/** A letter's heading spans at most this many lines. */
const MAX_LETTER_HEADING_LINES = 5;

/** How far down the first lines of a text a title's date line is looked for. */
const TITLE_DATE_LINES = 3;
/**
 * A dated line under a title that says how the document came, opening with a participle:
 * "Delivered on 22 March 2023 by the Minister …", "Submitted 2 March 2024 by …".
 */
const BYLINE = /^\p{Lu}\p{Ll}+ed\b.*\b(?:\d{1,2}\s+\p{Lu}\p{Ll}+\s+\d{4}|\p{Lu}\p{Ll}+\s+\d{1,2},\s+\d{4})\b/u;

/**
 * Where, in the first run of a text, a date line under its title stands apart, as a blank line
 * would set it: "Statement by the Ministry … on coastal fisheries" / "2 March 2024" / "The
 * Ministry …" with no blank line between them are a title, its date and the text; so does a
 * dated byline ("Delivered on 22 March 2023 by …"). The indexes (≥ 1) of the date line and of
 * the line after it; none when no such line is near the top.
 */
export function titleDateStarts(run: readonly SourceLine[]): number[] {
  for (let i = 1; i <= TITLE_DATE_LINES && i < run.length; i++) {
    const text = (run[i] as SourceLine).text.trim();
    if (!PLACE_AND_DATE.test(text) && !BYLINE.test(text)) continue;
    return i + 1 < run.length ? [i, i + 1] : [i];
  }
  return [];
}

/** A date alone on a line, as a masthead prints the distribution's: "19 December 2025". */
const DATE_LINE = /^\d{1,2}\s+\p{Lu}\p{Ll}+\s+\d{4}$/u;
/** A masthead is told by at least this many of its lines in a row at the top. */
const MIN_MASTHEAD_LINES = 2;
/** A title under a masthead runs over at most this many lines. */
const MAX_TITLE_LINES = 4;

/**
 * Where, in the first run of a text, the lines of a UN masthead stand apart when no blank line
 * sets them apart, as text extracted from a PDF gives them ("United Nations A/RES/80/147" /
 * "General Assembly Distr.: General" / "19 December 2025" / "Eightieth session" / "Agenda item
 * 73 (a)" / "Resolution adopted by the General Assembly on 15 December 2025" / "[without
 * reference to a Main Committee …]"): each line its own, and the line under the last. None when
 * fewer than `MIN_MASTHEAD_LINES` open the text.
 */
export function mastheadStarts(run: readonly SourceLine[]): number[] {
  const isFront = (text: string) =>
    isMastheadLine(text) || ADOPTED.test(text) || EDITORIAL_NOTE.test(text) || DATE_LINE.test(text);
  let lines = 0;
  while (lines < run.length && isFront((run[lines] as SourceLine).text.trim())) lines += 1;
  if (lines < MIN_MASTHEAD_LINES || lines >= run.length) return [];
  return Array.from({ length: lines }, (_, i) => i + 1);
}

/**
 * Where the title under a masthead ends (`after`: its first line), when no blank line sets it
 * apart from the text: after its first line broken short that ends no sentence or clause, within
 * `MAX_TITLE_LINES` ("… reconstruction of Tavira fol-" / "lowing Cyclone Imre" / "The General
 * Assembly,"). None when no such line is found.
 */
export function titleEndStarts(run: readonly SourceLine[], after: number, width: number): number[] {
  for (let i = after; i < after + MAX_TITLE_LINES && i + 1 < run.length; i++) {
    const text = (run[i] as SourceLine).text.trim();
    if (/[,;:]$/.test(text) || endsSentence(text)) return [];
    if (brokenShort(text, (run[i + 1] as SourceLine).text, width)) return [i + 1];
  }
  return [];
}

/** A headline spans at most this many lines… */
const MAX_HEADLINE_LINES = 3;
/** A title's capitals: of its words of at least this many letters… */
const MIN_TITLE_WORD = 4;
/** …this share or more start with a capital ("Effect of the COVID-19 Pandemic"). */
const TITLE_CAPITALS = 0.6;

/** Whether a line has a title's capitals: most of its longer words start with one. */
export function titleCased(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => w.replace(/\P{L}/gu, '').length >= MIN_TITLE_WORD);
  const capitals = words.filter((w) => /^\P{L}*\p{Lu}/u.test(w)).length;
  return words.length > 0 && capitals / words.length >= TITLE_CAPITALS;
}

/**
 * Where, in the first run of a text, a headline under the lines that stand apart at its top
 * (`after`: a symbol and a date line) stands apart from the text under it: up to three lines with
 * a title's capitals that end no sentence ("Secretary-General Welcomes Agreement on …" / "…,
 * Urges Parties to …"), then a line that has none and opens a sentence ("The following statement
 * was issued today by …"). None when nothing stands apart above it, or it is a letter's heading.
 */
export function headlineStarts(run: readonly SourceLine[], after: number): number[] {
  if (after <= 0 || after >= run.length) return [];
  let end = after;
  while (end < run.length && end - after < MAX_HEADLINE_LINES) {
    const text = (run[end] as SourceLine).text.trim();
    if (!titleCased(text) || endsSentence(text) || LEAD_IN.test(text)) break;
    end += 1;
  }
  const next = run[end]?.text.trim();
  // A sentence under it may name many ("… by Security Council President Ambassador Lena Fischer
  // (Germany):"): a line that ends a sentence or leads in is no headline's.
  const headlineGoesOn =
    next !== undefined && titleCased(next) && !endsSentence(next) && !LEAD_IN.test(next);
  if (end === after || next === undefined || headlineGoesOn || !OPENS.test(next)) return [];
  if (LETTER_HEADING.test((run[after] as SourceLine).text.trim())) return [];
  return [end];
}

/** A heading in capitals spans at most this many lines; more is a block of capitals (salutations). */
const MAX_HEADING_LINES = 2;
/** A heading in capitals is at most this long. */
const MAX_HEADING_CHARS = 200;
/** A line in capitals: at least two words of capitals, no small letter. */
const CAPITALS_LINE = /^(?=(?:.*?\p{Lu}{2,}){2})[^\p{Ll}]+$/u;
/** Where a heading could not end: at a comma, semicolon, colon, dash, exclamation mark or a little word. */
const HEADING_CANNOT_END = /(?:[,;:(\-–—!]|\b(?:AND|OR|OF|TO|THE|A|AN|IN|ON|AT|BY|FOR|WITH|FROM))$/;
/** A date written in a line: "2 March 2024", "March 2, 2024". */
const WRITTEN_DATE = /\b(?:\d{1,2}\s+\p{Lu}\p{Ll}+\s+\d{4}|\p{Lu}\p{Ll}+\s+\d{1,2},\s+\d{4})\b/u;

/**
 * Where, in the first run of a text, a heading in capitals stands apart from what follows, as a
 * blank line would set it: "REPORT ON THE STATE OF COASTAL FISHERIES IN SYLVANIA" / "Submitted 2
 * March 2024 by …" / the text with no blank line between them are a title, its dated line and the
 * text. The line after the heading stands apart too when it carries a date and ends no sentence
 * (the title's byline). None when the first lines are not such a heading: a salutation ("MR.
 * PRESIDENT,"), or more lines of capitals than a heading takes.
 */
export function capitalHeadingStarts(run: readonly SourceLine[]): number[] {
  let lines = 0;
  while (lines < run.length && CAPITALS_LINE.test((run[lines] as SourceLine).text.trim())) lines += 1;
  if (lines === 0 || lines > MAX_HEADING_LINES || lines >= run.length) return [];
  const heading = run.slice(0, lines).map((l) => l.text.trim());
  if (heading.join(' ').length > MAX_HEADING_CHARS || HEADING_CANNOT_END.test(heading.at(-1) ?? '')) return [];
  const next = (run[lines] as SourceLine).text.trim();
  const byline = WRITTEN_DATE.test(next) && !endsSentence(next) && lines + 1 < run.length;
  return byline ? [lines, lines + 1] : [lines];
}
