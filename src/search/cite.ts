import { countries } from './countries.ts';
import { formatUnDate } from '../corpus/dates.ts';
import { isPressRelease } from '../corpus/masthead.ts';
import { isRecordLine, isVoteRecord } from '../corpus/meeting-record.ts';
import { stateOfOffice } from '../corpus/parse-document.ts';
import { type Annex, isLetter, type Letter, type Passage } from '../corpus/schema.ts';
import { paragraphLabel } from './paragraph-numbers.ts';
import { isHeading } from './index-entries.ts';
import { englishWordNet, LEX_FILE } from './wordnet.ts';

/** Base of document links; a symbol is appended (`https://undocs.org/en/A/78/368`). */
export const DOCUMENT_URL_BASE = 'https://undocs.org/en/';

/**
 * The link to a document's official text, from its first symbol, else its front matter's `url`;
 * `null` when it has neither. A symbol is written into the link without its spaces, as undocs.org
 * writes it (`S/RES/2428 (2018)` → `…/S/RES/2428(2018)`), and percent-encoded: Discord refuses a
 * message whose link holds a space ("Not a well formed URL"), and so would lose the whole answer.
 */
export function documentUrl(
  letter: Pick<Letter, 'symbols'> & Partial<Pick<Letter, 'url' | 'kind'>>,
): string | null {
  // A press release is not on undocs.org, whatever its symbol (user trial 32: a Geneva release's
  // "HRC/26/14", given with `add --symbol`): only its front matter's `url` links it.
  const [first] =
    letter.kind === 'press release' ? [] : letter.symbols.filter((s) => !isPressRelease(s));
  return first
    ? `${DOCUMENT_URL_BASE}${encodeURI(first.replace(/\s+/g, ''))}`
    : (letter.url ?? null);
}

/**
 * What names a document in a listing, shortest first among what identifies it: its symbol; else
 * its title (unless that is only its file name); else its kind and who wrote it ("speech by
 * Norway"); else its id. Two speeches of one year by different States are told apart so.
 */
export function documentName(
  letter: Pick<Letter, 'symbol' | 'title' | 'author' | 'kind' | 'id'> & {
    sources: Pick<Letter['sources'], 'title'>;
  },
): string {
  if (letter.symbol) return letter.symbol;
  if (letter.sources.title !== 'file name') return letter.title;
  if (letter.author) return `${letter.kind} by ${letter.author}`;
  return letter.id;
}

/** The text with its first letter in capitals ("passage 7" → "Passage 7"). */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The State an author is of, as the author names it ("Permanent Representative of Azerbaijan to
 * the United Nations": Azerbaijan; "H.E. Ms. Ingrid Solberg, Ambassador of Norway": Norway; "the
 * United States of America"), when the ISO list knows it by that name; else null.
 */
export function stateOf(author: string): string | null {
  let state = STATES.get(author);
  if (state === undefined) STATES.set(author, (state = readStateOf(author)));
  return state;
}

/**
 * `stateOf`'s answers by author: a corpus has few authors, and the ISO list's look-up normalizes
 * every name it holds on each call (a quarter of a question's time on the five letters, whose
 * results each name the State).
 */
const STATES = new Map<string, string | null>();

function readStateOf(author: string): string | null {
  const starts = [0, ...[...author.matchAll(/\bof\s+/g)].map((m) => m.index + m[0].length)];
  for (const start of starts) {
    const words = author
      .slice(start)
      .replace(/^the\s+/i, '')
      .split(/[\s,;()]+/);
    // The longest run of words from here that names a State ("United States of America").
    for (let n = Math.min(words.length, 8); n > 0; n -= 1) {
      const name = words.slice(0, n).join(' ');
      if (/^\p{Lu}/u.test(name) && countries.getAlpha2Code(name, 'en')) return name;
    }
  }
  return null;
}

/**
 * A short name for a document in a heading or a line that gives its date and part beside it: its
 * symbol; else the State its author is of ("Azerbaijan", "Norway"); else its author; else what
 * `documentName` names it by. Never its long title, which its citation gives once.
 */
export function documentLabel(
  letter: Pick<Letter, 'symbol' | 'title' | 'author' | 'kind' | 'id'> & {
    sources: Pick<Letter['sources'], 'title'>;
  },
): string {
  if (letter.symbol) return letter.symbol;
  if (letter.author) return stateOf(letter.author) ?? letter.author;
  return documentName(letter);
}

/**
 * The author as the document's own title writes the name: with "the" where the title puts one
 * before it ("Statement by the United States …", "Report of the Secretary-General …"), so that a
 * line reads "The United States says:" or "speech by the Philippines"; else as given.
 */
export function authorAsTitled(letter: Pick<Letter, 'author' | 'title'>): string | null {
  const { author, title } = letter;
  if (!author || /^the\s/i.test(author)) return author;
  const at = title.indexOf(author);
  return at > 0 && /\bthe\s+$/i.test(title.slice(0, at)) ? `the ${author}` : author;
}

/** Whether a name is a State's or another place's: ISO's list of States, else WordNet's places. */
export const isPlace = (name: string): boolean =>
  Boolean(countries.getAlpha2Code(name, 'en')) ||
  englishWordNet().nounKind(name.toLowerCase()) === LEX_FILE.location;

/**
 * Who says a quote, as a result's "… says:" line names them: `attribution`, unless the citation
 * beside it already opens with those words (a document without a symbol is cited by its title),
 * then the document's author, so that the title is not read twice; else its kind ("The letter").
 * A document that nothing names but its file is said by its kind ("The document says:"): a file
 * name is no one who speaks (user trial 13: "Fisheries-notes says:"); its citation names it.
 * A turn of a meeting's record is said by whom the record names as speaking it.
 */
export function speaker(letter: Letter, passage: Passage): string {
  // A turn in a meeting's record is its speaker's: "Ms. Dubois (France) says:".
  if (passage.speaker) return passage.speaker;
  // A heading (the masthead, the title, an annex's heading) is the document's print, no one's
  // words: not "The Permanent Representative of … says:" over its agenda items (user trial 30).
  if (isHeading(passage))
    return `The ${passage.part === 'letter' ? letter.kind : passage.part}'s heading`;
  // The record of a vote printed with a resolution ("Adopted by a recorded vote of 104 to 9 …",
  // "In favour: …") is the record's, no words of the General Assembly's (user trial 31); so is a
  // meeting record's own line ("The meeting rose at 11.20 a.m.").
  if (isVoteRecord(passage.text)) return 'The record of the vote';
  if (isRecordLine(passage.text)) return 'The record';
  if (
    !letter.author &&
    !letter.symbol &&
    letter.sources.title === 'file name' &&
    !annexOf(letter, passage)
  )
    return `The ${letter.kind}`;
  const who = attribution(letter, passage);
  const author = authorAsTitled(letter);
  // A title that is no one speaking ("79/244. International Day of Sea Turtle Conservation",
  // "Secretary-General Condemns Attack on …") gives way to the author; one that says by or from
  // whom ("Statement by Norway …", "Letter dated … from …") is who speaks.
  // A headline with no author ("With Tervi Plateau Appeal Only 19 Per Cent Funded, Senior
  // Humanitarian Official Warns …", user trial 26) is no one either: the press release says it.
  const speaks = who !== letter.title || /\b(?:by|from)\s/i.test(letter.title);
  // A title that says it is by the author and no more ("Statement by Norway in the general
  // debate …") speaks as its author does: "Norway says:", whether or not a symbol leads its citation.
  const byAuthor =
    who === letter.title &&
    author !== null &&
    letter.title.toLowerCase().includes(`by ${author.toLowerCase()} `);
  if (speaks && !byAuthor && !formatCitation(letter, passage).startsWith(who)) return who;
  const named = authorWithArticle(letter);
  return named ? upperFirst(named) : `The ${letter.kind}`;
}

/**
 * The author as a line names them: as the title writes the name (`authorAsTitled`), and an office
 * or a body, not a State, with an article ("the Secretary-General", "the General Assembly"). A
 * State is one ISO lists, or a place WordNet knows ("Yugoslavia", as States of the past).
 */
export function authorWithArticle(letter: Pick<Letter, 'author' | 'title'>): string | null {
  const author = authorAsTitled(letter);
  if (!author) return null;
  // The title's own word for it: "Statement by Testland" writes a State no list has without one.
  const title = letter.title.toLowerCase();
  const bare = ['by', 'of', 'from'].some((w) => title.includes(`${w} ${author.toLowerCase()}`));
  return /^the\s/i.test(author) || bare || isPlace(author) || placesOnly(author)
    ? author
    : `the ${author}`;
}

/**
 * Whether an author is several States or places and nothing else ("Almoria and Vessland", a joint
 * communiqué's): each a place, or a name that is no English word. User trial 27: "joint
 * communiqué by the Almoria and Vessland".
 */
function placesOnly(author: string): boolean {
  const parts = author.split(/\s*,\s*(?:and\s+)?|\s+and\s+/);
  return (
    parts.length > 1 &&
    parts.every(
      (part) =>
        isPlace(part) ||
        (/^\p{Lu}[\p{L}-]+$/u.test(part) && !englishWordNet().isWord(part.toLowerCase())),
    )
  );
}

/**
 * Whom a sender's office is of, for a State no list has: the State the corpus reads an office as
 * of (`stateOfOffice`), up to where it is accredited, with "the" where the sender writes one
 * ("Permanent Representative of the Republic of Kethara to the United Nations": "the Republic of
 * Kethara"); null when the office is of no one.
 */
/** The State a letter's sender speaks for ("Marvonia" of "Permanent Representative of Marvonia to the United Nations"), or null. */
export const senderState = (author: string): string | null => stateOf(author) ?? spokenFor(author);

function spokenFor(author: string): string | null {
  const office = author.split(/\s+(?:to|at)\s+/)[0] ?? author;
  if (!/\sof\s+(?:the\s+)?\p{Lu}/u.test(office)) return null;
  // A name runs to its first word in lower case that is no small word of a name ("the Security
  // Council Committee established pursuant to …": the Committee).
  const words = stateOfOffice(office).split(/\s+/);
  const end = words.findIndex((w) => /^\p{Ll}/u.test(w) && !NAME_SMALL_WORDS.has(w));
  const name = words.slice(0, end < 0 ? words.length : end).join(' ');
  return authorAsTitled({ author: name, title: office });
}

/** Small words inside a name ("Republic of the Congo", "Trinidad and Tobago"). */
const NAME_SMALL_WORDS: ReadonlySet<string> = new Set([
  'of',
  'the',
  'and',
  'for',
  'de',
  'du',
  'des',
  'la',
  'le',
]);

/**
 * A document's kind and who it is by, as a list shows it: "speech by Norway", "report by the
 * Secretary-General", "letter from Bangladesh" (the State a letter's sender speaks for); the kind
 * alone when no author is known.
 */
export function kindAndAuthor(letter: Letter): string {
  if (!letter.author) return letter.kind;
  if (isLetter(letter)) {
    const state = senderState(letter.author);
    return state ? `${letter.kind} from ${state}` : letter.kind;
  }
  return `${letter.kind} by ${authorWithArticle(letter) ?? letter.author}`;
}

/**
 * "annex", "annex II", "enclosure", or for the main part the document's kind ("letter", "note
 * verbale"), as the part is named in a citation.
 */
export function partLabel(
  passage: Pick<Passage, 'part' | 'partIndex'>,
  annexCount = 1,
  kind = 'letter',
): string {
  if (passage.part === 'letter') return kind;
  return annexCount > 1 ? `${passage.part} ${passage.partIndex}` : passage.part;
}

/** "3" or "2–3" (first to last), or null when the pages are not known. */
export function pageRange(pages: readonly number[]): string | null {
  if (pages.length === 0) return null;
  const first = pages[0];
  const last = pages.at(-1);
  return first === last ? `${first}` : `${first}–${last}`;
}

/** "p. 3", "pp. 2–3", or null when the pages are not known. */
export function pageLabel(pages: readonly number[]): string | null {
  const range = pageRange(pages);
  if (range === null) return null;
  return `${range.includes('–') ? 'pp.' : 'p.'} ${range}`;
}

/**
 * The one citation format: symbol (or, when the text carries none, the letter's title), date,
 * part, page(s) where known, and the paragraph number the document prints ("para. 4", see
 * `paragraphNumbers`), else the passage number, labelled as Annex's own numbering, or "heading"
 * for a quote of the title or masthead.
 * `A/76/930-S/2022/642, 24 August 2022, annex, pp. 2–3, passage 10 (numbered by the Annex bot)`
 * `A/75/312, 10 August 2020, para. 4`
 */
export function formatCitation(letter: Letter, passage: Passage): string {
  const parts = letter.symbol ? [letter.symbol, formatUnDate(letter.date)] : [citedTitle(letter)];
  if (!letter.symbol && !titleDates(letter)) parts.push(formatUnDate(letter.date));
  const annexes = letter.passages.filter((p) => p.part === passage.part).at(-1)?.partIndex ?? 1;
  // The main part of a document that is no letter is the document itself: no label; nor is a
  // letter's that has no annex ("Note verbale by Kenya, 3 June 2025, passage 1").
  const parted = letter.passages.some((p) => p.part !== 'letter');
  if ((isLetter(letter) && parted) || passage.part !== 'letter')
    parts.push(partLabel(passage, annexes, letter.kind));
  const page = pageLabel(passage.pages);
  if (page) parts.push(page);
  // A heading (the title, the masthead) is no paragraph: it has no passage number.
  parts.push(
    passage.n === 0
      ? 'heading'
      : (paragraphLabel(letter, passage) ?? `passage ${passage.n} (numbered by the Annex bot)`),
  );
  return parts.join(', ');
}

/**
 * The title a citation gives a document: its own, or, when only its file names it, what
 * `documentName` calls it ("Note verbale by Republic of Kenya"): a file name is no title (user
 * trial 17: a note verbale as its mission sent it was cited "kenya-hrc-candidature").
 */
function citedTitle(letter: Letter): string {
  if (letter.sources.title !== 'file name') return letter.title;
  const name = documentName(letter);
  // Only a name made of its kind and author is capitalized as a title; a file name stays as it is.
  return name === letter.id ? name : upperFirst(name);
}

/** Whether a document's title carries its date: a letter's heading does ("Letter dated …"). */
const titleDates = (letter: Letter) => isLetter(letter) && letter.sources.title !== 'file name';

/**
 * The date a citation gives a document in every style: a resolution's adoption (its date), else
 * the day it was issued as a UN document, when known (user trial 17: one resolution cited as of
 * 19 December in one style and of 20 December in the others).
 */
const issuedOn = (letter: Letter) =>
  letter.kind === 'resolution' ? letter.date : (letter.distributed ?? letter.date);

/** The annex (or enclosure) a passage stands in, or null for the letter itself. */
export function annexOf(letter: Letter, passage: Passage): Annex | null {
  return passage.part === 'letter' ? null : (letter.annexes[passage.partIndex - 1] ?? null);
}

/**
 * Who is speaking in a quote: "Letter dated … from the Permanent Representative of …". A document
 * whose title is only its file name is named as `documentName` names it ("Report by
 * Secretary-General", its symbol), never by a file name such as "2023-08-01-a-78-259".
 */
export function attribution(letter: Letter, passage: Passage): string {
  const annex = annexOf(letter, passage);
  if (annex)
    return `${annex.title} (${passage.part} to the ${letter.kind} of ${formatUnDate(letter.date)})`;
  if (letter.sources.title !== 'file name') return letter.title;
  const name = letter.author ? `${letter.kind} by ${letter.author}` : documentName(letter);
  return upperFirst(name);
}

/** Citation styles `/cite` offers. */
export const CITATION_STYLES = ['un', 'oscola', 'bluebook'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

const BLUEBOOK_MONTHS = [
  'Jan.',
  'Feb.',
  'Mar.',
  'Apr.',
  'May',
  'June',
  'July',
  'Aug.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
];

/** A date as Bluebook writes it ("Aug. 25, 2022", "Aug. 2022", "2022"); "n.d." when unknown. */
function bluebookDate(date: string): string {
  if (date === '') return 'n.d.';
  const [y, m, d] = date.split('-').map(Number);
  if (m === undefined) return `${y}`;
  return d === undefined
    ? `${BLUEBOOK_MONTHS[m - 1]} ${y}`
    : `${BLUEBOOK_MONTHS[m - 1]} ${d}, ${y}`;
}

function pinpoint(
  passage: Passage | null,
  annexCount: number,
  pageStyle: 'p.' | 'bare' | 'at' | 'none',
): string {
  if (!passage) return '';
  const parts = [passage.part === 'letter' ? '' : partLabel(passage, annexCount)];
  const range = pageRange(passage.pages);
  if (range !== null && pageStyle !== 'none') {
    parts.push(
      pageStyle === 'p.'
        ? (pageLabel(passage.pages) ?? '')
        : pageStyle === 'at'
          ? `at ${range}`
          : range,
    );
  }
  return parts.filter(Boolean).join(', ');
}

/** A resolution's symbol: its organ (the General Assembly's "A", the Security Council's "S") and number. */
const RESOLUTION_SYMBOL = /^(A\/HRC|[ASE])\/RES\/(.+)$/;
/** How each style names the organ of a resolution, by its symbol's series: Bluebook's, then OSCOLA's. */
const RESOLUTION_ORGANS: Readonly<Record<string, readonly [string, string]>> = {
  A: ['G.A.', 'UNGA'],
  S: ['S.C.', 'UNSC'],
  E: ['E.S.C.', 'ECOSOC'],
  'A/HRC': ['Human Rights Council', 'HRC'],
};

/** Whose office issues a press release, by its symbol's prefix (`isPressRelease`). */
const PRESS_ORGANS: Readonly<Record<string, string>> = {
  SC: 'Security Council',
  GA: 'General Assembly',
  SG: 'Secretary-General',
  DSG: 'Deputy Secretary-General',
  ECOSOC: 'Economic and Social Council',
};

/**
 * A ready-to-copy citation of a letter, or of one passage of it, in a named style. Without a
 * symbol in the text the citation says so rather than invent one.
 * - `un`: Letter dated … addressed to the Secretary-General (A/76/930-S/2022/642), annex, p. 3
 * - `oscola`: UNGA/UNSC 'Letter dated …' (25 August 2022) UN Doc A/76/930-S/2022/642, annex 3
 * - `bluebook`: Letter dated … , U.N. Doc. A/76/930-S/2022/642, annex, at 3 (Aug. 25, 2022)
 * A paragraph the document numbers is pinned by its number instead: "para. 4", "para 4", "¶ 4".
 * A resolution, by its organ and number: "G.A. Res. 79/244, ¶ 1, U.N. Doc. A/RES/79/244 (Dec. 19,
 * 2024)", "UNGA Res 79/244 (19 December 2024) UN Doc A/RES/79/244, para 1".
 */
export function formatStyledCitation(
  letter: Letter,
  passage: Passage | null,
  style: CitationStyle,
): string {
  const annexCount = letter.annexes.length;
  const symbol = letter.symbol;
  const pinned = pinpoint(
    passage,
    annexCount,
    style === 'un' ? 'p.' : style === 'bluebook' ? 'at' : 'bare',
  );
  // A paragraph the document numbers itself is pinned by that number, as the UN cites one
  // ("para. 4"), in place of its page. A passage whose page the text does not show is pinned by
  // Annex's passage number (labelled so), a letter's as any document's: its part alone would not
  // lead the reader to it.
  const paragraph = passage && paragraphLabel(letter, passage, style);
  const where = paragraph
    ? [pinpoint(passage, annexCount, 'none'), paragraph].filter(Boolean).join(', ')
    : passage && passage.pages.length === 0
      ? [pinned, `passage ${passage.n} (numbered by the Annex bot)`].filter(Boolean).join(', ')
      : pinned;
  const issued = issuedOn(letter);
  const title = citedTitle(letter);
  // A resolution is cited by its organ and number, as the styles have it: "G.A. Res. 79/244",
  // "UNSC Res 2841 (2026)"; its title, which opens with that number, goes.
  const resolution = symbol ? RESOLUTION_SYMBOL.exec(symbol) : null;
  if (resolution && style !== 'un') {
    const [, series = '', written = ''] = resolution;
    const [bluebook, oscola] = RESOLUTION_ORGANS[series] ?? ['U.N.', 'UN'];
    // The Council's year goes with its date: "S.C. Res. 2841 … (Jan. 28, 2026)".
    const number = written.replace(/\s*\(\d{4}\)$/, '');
    const pin = where ? `, ${where}` : '';
    return style === 'bluebook'
      ? `${bluebook} Res. ${number}${pin}, U.N. Doc. ${symbol} (${bluebookDate(issued)})`
      : `${oscola} Res ${number} (${formatUnDate(issued)}) UN Doc ${symbol}${pin}`;
  }
  // A press release is cited as one, by the organ whose office issued it: "Press Release,
  // Security Council, …, U.N. Press Release SC/16214 (Oct. 21, 2026)"; no "U.N. Doc." (it is none).
  if (symbol && isPressRelease(symbol) && style !== 'un') {
    const organ = PRESS_ORGANS[symbol.split('/')[0] ?? ''] ?? 'United Nations';
    const pin = where ? `, ${where}` : '';
    return style === 'bluebook'
      ? `Press Release, ${organ}, ${title}, U.N. Press Release ${symbol}${pin} (${bluebookDate(issued)})`
      : `UN ${organ}, '${title}' (Press Release ${symbol}, ${formatUnDate(issued)})${pin}`;
  }
  switch (style) {
    case 'un':
      return [
        // A document with no symbol is cited by its title alone: the reply says why, above the
        // citation, which is for copying (user trial 21).
        symbol ? `${title} (${symbol})` : title,
        titleDates(letter) ? '' : formatUnDate(letter.date),
        where,
      ]
        .filter(Boolean)
        .join(', ');
    case 'oscola': {
      const organs = [
        letter.symbols.some((s) => s.startsWith('A/')) ? 'UNGA' : '',
        letter.symbols.some((s) => s.startsWith('S/')) ? 'UNSC' : '',
      ].filter(Boolean);
      const author = organs.length > 0 ? `${organs.join(' and ')} ` : '';
      const doc = symbol ? ` UN Doc ${symbol}` : '';
      return `${author}'${title}' (${formatUnDate(issued)})${doc}${where ? `, ${where}` : ''}`;
    }
    case 'bluebook': {
      const doc = symbol ? `, U.N. Doc. ${symbol}` : '';
      return `${title}${doc}${where ? `, ${where}` : ''} (${bluebookDate(issued)})`;
    }
  }
}
