import { dayNumber } from '../corpus/dates.ts';
import { normalizeSymbol, splitSymbol, SYMBOL_PATTERN } from '../corpus/masthead.ts';
import { isLetter, type Letter } from '../corpus/schema.ts';
import { analyze, conceptOf, isStopWord, tokenize, type Token } from './analyze.ts';
import {
  PART_ANNEX,
  PART_ANNEX_LETTER,
  PART_HAS_ANNEXES,
  PART_NOTE_VERBALE,
} from './heading-groups.ts';
import { type DateHint, parseDateHint } from './time.ts';

/**
 * Letters named the way people name them: "the feb 2021 cover letter", "the NV", "the 2024
 * statement", "the annex letter from the foreign minister", "the first letter". A reference
 * narrows the search to the letters (or letter parts) it names; one that names none is ignored.
 */

/** What kind of document or part a reference names. */
export type DocumentKind =
  | 'letter'
  | 'note verbale'
  | 'statement'
  | 'press release'
  | 'annex'
  | 'cover letter'
  | 'annex letter'
  /** Any document: "the latest document", "the 2023 document". */
  | 'document';

/** One document named in the question. */
export interface DocumentReference {
  kind: DocumentKind;
  /** The time it is named by ("the feb 2021 letter"), if any. */
  date: DateHint | null;
  /** Concepts its headings must hold ("minist", "foreign", "affair" for "the FM's letter"). */
  heading: string[];
  /** Those of them that name its addressee ("to the SG"), not its author. */
  addressee: string[];
  ordinal: 'first' | 'latest' | null;
  /**
   * Concepts of what it is about, when no heading names them ("the lachin letter"): some
   * letters' passages hold them, not every letter's.
   */
  topic: string[];
}

/** The documents a question names, and where in the question it names them. */
export interface LetterReference {
  documents: DocumentReference[];
  /** Character spans of the naming words: they describe a letter, so they are not searched for. */
  spans: { start: number; end: number }[];
}

/**
 * Document nouns, longest first, as folded word sequences. `named`: the noun alone is too common
 * a word to name a document by its kind ("take note"); a time, heading words or an order must
 * name it ("the 2021 note", "the HRC note", "the Geneva note").
 */
const NOUNS: readonly { words: readonly string[]; kind: DocumentKind; named?: boolean }[] = [
  { words: ['covering', 'letter'], kind: 'cover letter' },
  { words: ['cover', 'letter'], kind: 'cover letter' },
  { words: ['annex', 'letter'], kind: 'annex letter' },
  { words: ['annexed', 'letter'], kind: 'annex letter' },
  { words: ['note', 'verbale'], kind: 'note verbale' },
  { words: ['notes', 'verbales'], kind: 'note verbale' },
  { words: ['press', 'release'], kind: 'press release' },
  { words: ['press', 'releases'], kind: 'press release' },
  { words: ['nv'], kind: 'note verbale' },
  { words: ['note'], kind: 'note verbale', named: true },
  { words: ['notes'], kind: 'note verbale', named: true },
  { words: ['statement'], kind: 'statement' },
  { words: ['statements'], kind: 'statement' },
  { words: ['annex'], kind: 'annex' },
  { words: ['letter'], kind: 'letter' },
  { words: ['letters'], kind: 'letter' },
  { words: ['document'], kind: 'document' },
  { words: ['documents'], kind: 'document' },
];

/** Every word of a document noun ("note", "verbale", "letter", …). */
export const DOCUMENT_WORDS: readonly string[] = [...new Set(NOUNS.flatMap((n) => n.words))];

const FIRST = new Set(['first', 'earliest', 'oldest']);
/** "most" of "the most recent letter" needs no word of its own: "recent" says it. */
const LATEST = new Set(['latest', 'last', 'newest', 'recent']);

/** Verbs that say an ordinal of their subject: "which letter is the oldest", "which came first". */
const SAYS_ORDER = new Set(['is', 'was', 'are', 'were', 'came', 'comes']);

/**
 * Where an ordinal said of the noun that ends at token `last` is ("which of these letters is the
 * oldest", "which letter came first", "the letter that is most recent"): the token of the
 * ordinal, or -1.
 */
function orderSaidOf(tokens: readonly Token[], last: number): number {
  let at = last + 1;
  if (tokens[at]?.word === 'that' || tokens[at]?.word === 'which') at += 1;
  if (!SAYS_ORDER.has(tokens[at]?.word ?? '')) return -1;
  at += 1;
  while (tokens[at]?.word === 'the' || tokens[at]?.word === 'most') at += 1;
  return tokens[at] && ordinalOf((tokens[at] as Token).word) ? at : -1;
}

/** Whether a word puts a document first or last of its kind ("the first speech", "its latest letter"). */
export function ordinalOf(word: string): 'first' | 'latest' | null {
  if (FIRST.has(word)) return 'first';
  return LATEST.has(word) ? 'latest' : null;
}
/** Words that may stand between a document noun and what names it ("the letter of …", "from …"). */
const LINKS = new Set([
  'of',
  'from',
  'to',
  'dated',
  'on',
  'by',
  'addressed',
  'sent',
  'the',
  'a',
  'an',
  'for',
  'at',
  'in',
]);
/** Pre-modifiers run back from the noun to one of these. */
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'its',
  'their',
  'his',
  'her',
  'per',
  'both',
  'two',
  'five',
  'which',
  'what',
]);
/** Determiners that ask: the words after them are what the question asks for ("which country's letter"). */
const ASKING = new Set(['which', 'what', 'whose']);
/** Words that end a post-modifier: the question goes on about something else. */
const CLAUSE_BREAK = /[,;:?!()–—]|\s-\s/;
/** How many words a noun phrase's modifiers may span on each side. */
const WINDOW = 7;

/**
 * Where the pre-modifiers of the noun at token `i` start ("the feb 2021 cover letter", "its
 * first-ever General Assembly address"): back to a determiner, at most `WINDOW` words, not
 * across punctuation.
 */
export function modifiersFrom(text: string, tokens: readonly Token[], i: number): number {
  let from = i;
  while (from > 0 && i - from < WINDOW) {
    const before = tokens[from - 1] as Token;
    if (
      DETERMINERS.has(before.word) ||
      CLAUSE_BREAK.test(text.slice(before.end, tokens[from]?.start))
    )
      break;
    from -= 1;
  }
  return from;
}

/** Whether a span of the question names a date. */
function dateIn(text: string): DateHint | null {
  const hint = parseDateHint(text);
  return hint && !hint.upTo ? hint : null;
}

/**
 * Finds the documents a question names. A document noun ("letter", "statement", "NV", …) is a
 * reference when something names which one: a time, words of a heading ("the foreign minister's
 * letter"), an ordinal ("the first letter"), or a kind of its own (a note verbale, a press
 * release, a cover letter). A noun phrase with other words ("the Trilateral Statement") names
 * some other document, and is no reference, unless it is a letter named by what it is about:
 * "the lachin letter", where `topical` says that some letters' passages hold "lachin" and not
 * all do. `inHeadings` says whether a concept occurs in some letter's headings.
 */
export function parseLetterReference(
  text: string,
  inHeadings: (concept: string) => boolean,
  topical: (concept: string) => boolean = () => false,
): LetterReference | null {
  const tokens = tokenize(text);
  const documents: DocumentReference[] = [];
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const noun = NOUNS.find((n) => n.words.every((w, k) => tokens[i + k]?.word === w));
    if (!noun) continue;
    const last = i + noun.words.length - 1;
    const from = modifiersFrom(text, tokens, i);
    // "please note the mines": a noun too common to stand alone names a document only by the
    // words before it ("the 2021 note", "the HRC note"), which make it a noun.
    if (noun.named && from === i) continue;
    // Post-modifiers: "of 24 August 2022", "from the foreign minister", up to a clause break.
    let to = last;
    if (
      !noun.named &&
      LINKS.has(tokens[last + 1]?.word ?? '') &&
      !CLAUSE_BREAK.test(text.slice(tokens[last]?.end, tokens[last + 1]?.start))
    ) {
      to = last + 1;
      while (to + 1 < tokens.length && to - last < WINDOW) {
        const gap = text.slice(tokens[to]?.end, tokens[to + 1]?.start);
        const next = tokens[to + 1] as Token;
        if (CLAUSE_BREAK.test(gap)) break;
        if (isStopWord(next.word) && !LINKS.has(next.word)) break;
        to += 1;
      }
    }
    // "which of these letters is the oldest": the order said of the noun names it as "the oldest letter" does.
    let said = to === last ? orderSaidOf(tokens, last) : -1;
    if (said > last && CLAUSE_BREAK.test(text.slice(tokens[last]?.end, tokens[said]?.start)))
      said = -1;
    if (said > last) to = said;
    const modifiers = [
      ...tokens.slice(from, i),
      ...(said > last ? [tokens[said] as Token] : tokens.slice(last + 1, to + 1)),
    ];
    const span = { start: tokens[from]?.start ?? 0, end: tokens[to]?.end ?? 0 };
    const asked = ASKING.has(tokens[from - 1]?.word ?? '');
    const date = dateIn(text.slice(span.start, span.end));
    const dateWords = new Set(date ? tokenize(date.words).map((t) => t.word) : []);
    let ordinal: DocumentReference['ordinal'] = null;
    const heading = new Set<string>();
    const addressee = new Set<string>();
    const topic = new Set<string>();
    let foreign = false;
    let toAddressee = false;
    for (const m of modifiers) {
      if (m.word === 'to' || m.word === 'addressed') toAddressee = true;
      else if (LINKS.has(m.word) && m.word !== 'the') toAddressee = false;
      if (dateWords.has(m.word) || LINKS.has(m.word) || /^\d/.test(m.word)) continue;
      const order = ordinalOf(m.word);
      if (order) ordinal = order;
      else if (!isStopWord(m.word)) {
        const concepts = analyze(text.slice(m.start, m.end)).map((t) => t.concept);
        if (concepts.length === 0) continue;
        const named = concepts.filter((c) => inHeadings(c));
        for (const c of named) (toAddressee ? addressee : heading).add(c);
        if (named.length > 0) continue;
        // "which country's letter": what follows "which" is asked, not what the letter is about.
        if (noun.kind === 'letter' && !asked && concepts.every(topical))
          for (const c of concepts) topic.add(c);
        else foreign = true;
      }
    }
    // A kind of its own ("the statement") names documents by itself; "the letter", "the annex",
    // "the document" only with a date, an author, an order or what it is about.
    const ownKind =
      noun.kind !== 'letter' && noun.kind !== 'annex' && noun.kind !== 'document' && !noun.named;
    if (foreign) {
      i = last;
      continue;
    }
    if (
      !date &&
      heading.size === 0 &&
      addressee.size === 0 &&
      topic.size === 0 &&
      !ordinal &&
      !ownKind
    ) {
      i = last;
      continue;
    }
    documents.push({
      kind: noun.kind,
      date,
      heading: [...heading],
      addressee: [...addressee],
      ordinal,
      topic: [...topic],
    });
    spans.push(span);
    i = Math.max(last, to);
  }
  return documents.length > 0 ? { documents, spans } : null;
}

/** A letter part: a letter's own text (`annexIndex` -1) or one of its annexes. */
export interface LetterPart {
  letter: Letter;
  annexIndex: number;
}

/**
 * Who wrote a part, as its heading says: the letter's sender, or for an annex the words after
 * "from" in its title ("Letter dated … from the Minister for Foreign Affairs …") or after
 * "Statement of" / "Press release of".
 */
function authorOf(part: LetterPart): string {
  if (part.annexIndex < 0) return part.letter.sender;
  const title = part.letter.annexes[part.annexIndex]?.title ?? '';
  const from = /\bfrom (?:the )?(.+?)(?: addressed\b| to the\b|$)/i.exec(title);
  if (from?.[1]) return from[1];
  const of =
    /^[^,]*?\b(?:statement|release|communiqu[eé]|declaration|message) (?:of|by) (?:the )?(.+?)(?: on\b| concerning\b| regarding\b|$)/i.exec(
      title,
    );
  return of?.[1] ?? '';
}

/** Kinds that name a whole document, whose headings are all its parts' headings. */
const WHOLE_DOCUMENT: ReadonlySet<DocumentKind> = new Set([
  'letter',
  'note verbale',
  'cover letter',
]);

/** What `resolveLetterReference` needs of an index: the letter parts and their headings' concepts. */
export interface HeadingIndex {
  readonly headingGroups: readonly LetterPart[];
  /** Ids of the concepts in a part's headings (its letter's title and its own). */
  headingConceptIds(group: number): Uint32Array;
  /** The parts whose headings hold the concept with id `cid`, ascending. */
  groupsWithHeading(cid: number): Uint32Array;
  /** The id of a concept, or -1 when the letters lack it. */
  conceptId(concept: string): number;
  /** Per part: its letter's and annex's days (YYYYMMDD, 0 when none) and kind flags. */
  readonly partFacts: { letterDay: Uint32Array; annexDay: Uint32Array; flags: Uint8Array };
  /** Whether a letter's passages or headings hold the concept with id `cid`. */
  letterHolds(letter: Letter, cid: number): boolean;
  /** The parts of the documents whose own kind (their metadata's) is `kind`, ascending. */
  groupsOfKind(kind: string): readonly number[];
}

/** Whether every id of `needed` is among the heading concepts of the `groups`. */
function headingsHold(
  index: HeadingIndex,
  groups: readonly number[],
  needed: readonly number[],
): boolean {
  return needed.every((id) => groups.some((g) => index.headingConceptIds(g).includes(id)));
}

/**
 * The letter parts (heading groups of `index`) a reference names: for each document named, the
 * parts that match its time, kind and heading words (only the part its author wrote, when the
 * words name an author; the earliest or latest letter's, for an ordinal). Empty when it names
 * none.
 */
export function resolveLetterReference(
  reference: LetterReference,
  index: HeadingIndex,
): Set<number> {
  const named = new Set<number>();
  const parts = index.headingGroups;
  /** The groups of each letter (a letter's groups are consecutive). */
  const documentOf = (g: number): number[] => {
    const letter = parts[g]?.letter;
    let first = g;
    while (first > 0 && parts[first - 1]?.letter === letter) first -= 1;
    const all: number[] = [];
    for (let i = first; parts[i]?.letter === letter; i++) all.push(i);
    return all;
  };
  for (const doc of reference.documents) {
    const needed = [...doc.heading, ...doc.addressee];
    const own = needed.map((c) => index.conceptId(c));
    if (doc.kind === 'statement') needed.push(conceptOf('statement'));
    if (doc.kind === 'press release') needed.push(conceptOf('press'), conceptOf('release'));
    const ids = needed.map((c) => index.conceptId(c));
    if (own.includes(-1)) continue;
    let matching: number[] = [];
    const { letterDay, annexDay, flags } = index.partFacts;
    const from = doc.date ? dayNumber(doc.date.from) : 0;
    const to = doc.date ? dayNumber(doc.date.to) : 0;
    const whole = WHOLE_DOCUMENT.has(doc.kind);
    const fits = (g: number, wanted: readonly number[]) => {
      if (doc.date) {
        const day = letterDay[g] as number;
        const annex = annexDay[g] as number;
        if (!(day >= from && day <= to) && !(annex >= from && annex <= to)) return false;
      }
      return (
        matchesKind(flags[g] as number, doc.kind) &&
        headingsHold(index, whole ? documentOf(g) : [g], wanted)
      );
    };
    if (!ids.includes(-1))
      for (const g of partsHolding(index, ids, whole ? documentOf : null))
        if (fits(g, ids)) matching.push(g);
    // "the press release": a document that is one by its own kind, though its title does not
    // say so (user trial 17: an annex titled "Press release of the Ministry…" was taken for it).
    if (OWN_KINDS.has(doc.kind)) {
      const found = new Set(matching);
      for (const g of index.groupsOfKind(doc.kind))
        if (!found.has(g) && fits(g, own)) matching.push(g);
      matching.sort((a, b) => a - b);
    }
    // "The foreign minister's letter" is the part the minister wrote, not the whole document.
    if (doc.heading.length > 0) {
      const byAuthor = matching.filter((g) => {
        const author = new Set(analyze(authorOf(parts[g] as LetterPart)).map((t) => t.concept));
        return doc.heading.every((c) => author.has(c));
      });
      if (byAuthor.length > 0) matching = byAuthor;
    }
    // "the lachin letter": of those, the letters whose passages hold what it is about.
    if (doc.topic.length > 0) {
      const about = doc.topic.map((c) => index.conceptId(c));
      matching = matching.filter((g) => {
        const letter = parts[g]?.letter;
        return letter !== undefined && about.every((cid) => index.letterHolds(letter, cid));
      });
    }
    // "the latest letter" among statements and speeches: the letters (and notes verbales).
    if (LETTER_NOUNS.has(doc.kind)) {
      const letters = matching.filter((g) => isLetter(parts[g]?.letter ?? { kind: '' }));
      if (letters.length > 0) matching = letters;
    }
    // "the latest letter" of letters and notes verbales: the latest letter, as "the latest note
    // verbale" is the latest note (user trial 17: it answered with a note verbale).
    if (doc.ordinal && doc.kind === 'letter') {
      const proper = matching.filter((g) => parts[g]?.letter.kind === 'letter');
      if (proper.length > 0) matching = proper;
    }
    if (doc.ordinal && matching.length > 0) {
      const dates = matching.map((g) => parts[g]?.letter.date ?? '').sort();
      const pick = doc.ordinal === 'first' ? dates[0] : dates.at(-1);
      matching = matching.filter((g) => parts[g]?.letter.date === pick);
    }
    for (const g of matching) named.add(g);
  }
  return named;
}

/**
 * The parts whose headings (or, with `documentOf`, their documents' headings) may hold every
 * concept of `ids`, ascending: those of the parts whose headings hold the rarest of them, from
 * the headings' postings, so that a question naming a document does not go through every part
 * of a large corpus. Every part when `ids` is empty.
 */
function partsHolding(
  index: HeadingIndex,
  ids: readonly number[],
  documentOf: ((g: number) => number[]) | null,
): Iterable<number> {
  let rarest: Uint32Array | null = null;
  for (const id of ids) {
    const groups = index.groupsWithHeading(id);
    if (!rarest || groups.length < rarest.length) rarest = groups;
  }
  if (!rarest) return index.headingGroups.keys();
  if (!documentOf) return rarest;
  const found = new Set<number>();
  for (const g of rarest) if (!found.has(g)) for (const part of documentOf(g)) found.add(part);
  return [...found].sort((a, b) => a - b);
}

/** The kinds a reference may name that are documents' own kinds too ("press release"). */
const OWN_KINDS: ReadonlySet<DocumentKind> = new Set(['statement', 'press release']);

/** The nouns that name UN letters: in a corpus of other documents too, they name the letters. */
const LETTER_NOUNS: ReadonlySet<DocumentKind> = new Set(['letter', 'cover letter', 'note verbale']);

/** Whether a part with these `partFacts` flags is of the kind a reference names. */
function matchesKind(flags: number, kind: DocumentKind): boolean {
  switch (kind) {
    case 'note verbale':
      return (flags & PART_NOTE_VERBALE) !== 0;
    case 'annex':
      return (flags & PART_ANNEX) !== 0;
    case 'cover letter':
      return (flags & PART_ANNEX) === 0 && (flags & PART_HAS_ANNEXES) !== 0;
    case 'annex letter':
      return (flags & PART_ANNEX_LETTER) !== 0;
    default:
      return true;
  }
}

const SYMBOLS = new RegExp(SYMBOL_PATTERN.source, 'gi');
/**
 * The path of a file a link names, not a symbol: a file's extension at its end or a folder of
 * files in it ("doc/undoc/gen/n22/466/00/pdf/n2246600.pdf", by the document's job number).
 */
const FILE_PATH = /\.(?:pdf|html?|docx?|xlsx?|aspx?|php|txt)$|\/(?:pdf|html?|docx?)\//i;
/**
 * Each document symbol a question writes, in any case, one by one ("a/76/930-S/2022/642" is two),
 * as the UN writes it and where it stands.
 */
export function symbolsIn(text: string): { text: string; start: number; end: number }[] {
  const found: { text: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(SYMBOLS)) {
    if (FILE_PATH.test(m[0])) continue;
    let at = m.index;
    for (const part of splitSymbol(normalizeSymbol(m[0].toUpperCase()))) {
      // A symbol has a number ("and/or/not" is none).
      if (/\d/.test(part)) found.push({ text: part, start: at, end: at + part.length });
      at += part.length + 1;
    }
  }
  return found;
}

/**
 * A resolution cited by its number, as people cite one: a General Assembly resolution by its
 * session and number ("80/41", "resolution 79/188": A/RES/80/41), a Security Council resolution
 * after the word ("resolution 2761 (2025)", "res 2231": S/RES/2761).
 */
const GA_RESOLUTION = /(?<![\p{L}\d/.-])(\d{1,2})\/(\d{1,3})(?![\d/])/gu;
const SC_RESOLUTION = /\bres(?:olution|\.)?\s+(\d{3,4})(?![\d/])/giu;
/** The Human Rights Council named right before a resolution's number ("HRC resolution 58/14"). */
const HRC_BEFORE = /\b(?:hrc|human rights council)\s+(?:res(?:olution|\.)?\s+)?$/i;

/**
 * The symbols of the resolutions a question cites by number (`GA_RESOLUTION`, `SC_RESOLUTION`),
 * where it writes them: which of them name a document is the catalog's to say.
 */
export function resolutionsIn(text: string): { text: string; start: number; end: number }[] {
  const found = [
    ...[...text.matchAll(GA_RESOLUTION)].map((m) => ({
      // A Human Rights Council resolution is its own series: "hrc res 58/14" is A/HRC/RES/58/14.
      text: `${HRC_BEFORE.test(text.slice(0, m.index)) ? 'A/HRC/RES' : 'A/RES'}/${m[1]}/${m[2]}`,
      start: m.index,
      end: m.index + m[0].length,
    })),
    ...[...text.matchAll(SC_RESOLUTION)].map((m) => {
      const start = m.index + m[0].length - (m[1]?.length ?? 0);
      return { text: `S/RES/${m[1]}`, start, end: m.index + m[0].length };
    }),
  ];
  return found.sort((a, b) => a.start - b.start);
}

/** A symbol and nothing else. */
const WHOLE_SYMBOL = new RegExp(`^(?:${SYMBOL_PATTERN.source})$`, 'i');
/** A link: an optional scheme, a host, then its path after an optional UN language. */
const LINK = /(?:\bhttps?:\/\/)?\b(?:[a-z0-9-]+\.)+[a-z]{2,}\/(?:(?:ar|zh|en|fr|ru|es)\/)?(\S+)/gi;

/**
 * The question with each link to a UN document ("https://undocs.org/en/A/78/368") written as
 * the document's symbol, as people paste them: the link names its document, and its host's words
 * ("undocs", "org") are nothing the question asks about.
 */
export function linksAsSymbols(text: string): string {
  return text.replace(LINK, (link, path: string) => {
    // A resolution's link ends in its year: ".../S/RES/2841(2026)".
    const symbol = path.replace(/[.,;:!?\]'"]+$/, '').replace(/\(\d{4}\)$|\)+$/, '');
    return WHOLE_SYMBOL.test(symbol) && !FILE_PATH.test(symbol) ? path : link;
  });
}
