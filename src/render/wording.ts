/**
 * What Annex says alike on every surface, Discord and the terminal: where a passage stands, what
 * was searched, why nothing answers, how to ask, how to add a document, the citation styles'
 * names and notes; and the matched words of a quote marked (formatting only).
 */
import { MIN_CLAIM_WORDS } from '../search/posted-message.ts';
import { formatUnDate } from '../corpus/dates.ts';
import { isPressRelease } from '../corpus/masthead.ts';
import { DEFAULT_KIND } from '../corpus/parse-document.ts';
import {
  countDocuments,
  type DocumentNoun,
  type Letter,
  type PartKind,
  type Passage,
  type Signatory,
} from '../corpus/schema.ts';
import {
  type Answer,
  type AnswerResult,
  type Holdings,
  NOT_ENGLISH,
  ONLY_TIME,
  passageResult,
  type Searched,
} from '../search/answer.ts';
import type { PieceMatch, Verdict } from '../search/check.ts';
import type { LinkedDocument } from '../search/posted-message.ts';
import type { FigureDifference } from '../search/check-figures.ts';
import { type CitationStyle, pageLabel } from '../search/cite.ts';
import { paragraphLabel } from '../search/paragraph-numbers.ts';
import { count, pluralOf, withArticle } from './count.ts';

/** A signatory as the document views list them: "Name (Title)", or the name alone. */
export function signatoryLabel(s: Signatory): string {
  return s.title ? `${s.name} (${s.title})` : s.name;
}

/** The symbol, or a plain statement that the text carries none (never an invented one). */
export function symbolOrNote(letter: Pick<Letter, 'symbol'>): string {
  return letter.symbol ?? 'no symbol in text';
}

/** How to add a document, for a corpus that holds none. */
export const HOW_TO_ADD =
  'add one with `npm run cli -- add <file.pdf|.txt|.md>`, or save its text as a .txt file in the corpus folder (CORPUS_DIR)';

/**
 * What a command that searches says on Discord when the corpus holds no document: never "not in
 * the letters" nor "no chart", which would read as the documents' silence.
 */
export const NOTHING_TO_QUOTE = `Annex holds no documents yet, so there is nothing to quote. An operator can ${HOW_TO_ADD}.`;

/**
 * What a question that asks for nothing but a symbol no document has is answered (the reason, and
 * where the documents and their symbols are listed: `listCommand`, `/letters` or the CLI's
 * `letters`). No closest passages: no word of the question was searched.
 */
export function unknownSymbolNotice(
  symbol: string,
  noun: DocumentNoun,
  listCommand: string,
): string {
  return `No ${noun} Annex holds has the symbol ${symbol}. ${listCommand} lists the ${noun}s it holds, with their symbols: ask about one by its symbol, or ask in words what you want to know.`;
}

/**
 * What _Check in letters_ says of the document a message links to, before its verdict: held, and
 * the words checked against it alone; or not held (`holds`: "5 letters"), and the words checked
 * against every document.
 */
export function linkedNote(link: LinkedDocument, holds: string): string {
  return link.letter
    ? `The message ${namesIt(link)}, which is in the index: its words are checked against that ${link.letter.kind} only.`
    : `The message ${namesIt(link)}, which is not among the ${holds} Annex holds: its words are checked against them all.`;
}

/**
 * What _Check in letters_ says when the document a message cites holds no sentence of its claim
 * and another document does (`MessageCheck`'s `beyondCited`): not in the cited one, and the
 * passage that holds it, numbered as the passages below (the one quoted, for a verbatim verdict),
 * so that a wrong citation reads as one, not as a misquote.
 */
export function notInCitedNote(link: LinkedDocument, verdict: Verdict, holds: string): string {
  const not = `Not in ${link.symbol}, which the message ${citesVerb(link)}`;
  const all = `its words are checked against all ${holds}`;
  if (verdict.kind === 'verbatim') {
    const r = passageResult(verdict.letter, verdict.passage);
    return `${not}; ${passagePlace(r)} states it as written: ${all}.`;
  }
  const piece = verdict.kind === 'close' ? verdict.pieces[0] : undefined;
  const r = piece && verdict.kind === 'close' ? verdict.answer.results[piece.result] : undefined;
  if (!piece || !r) return `${not}: ${all}.`;
  const how = piece.exact ? 'states it' : 'states it nearly as written';
  return `${not}; ${passagePlace(r, piece.result)} ${how}: ${all}.`;
}

/** "A/78/368-S/2023/686, passage 2 (1 below)": a passage, and where it is among those shown. */
function passagePlace(r: AnswerResult, shownAt?: number): string {
  const named = r.symbol ? r.label : `${r.label}, ${formatUnDate(r.date)}`;
  return `${named}, ${passageLabel(r)}${shownAt === undefined ? '' : ` (${shownAt + 1} below)`}`;
}

/** "links to A/76/930", or "cites A/76/930" for a symbol in brackets after the words it quotes. */
function namesIt(link: LinkedDocument): string {
  return `${citesVerb(link)} ${link.symbol}`;
}

/** "cites" a symbol in brackets after the words it quotes, "links to" a link. */
function citesVerb(link: LinkedDocument): string {
  return link.by === 'citation' ? 'cites' : 'links to';
}

/**
 * _Check in letters_ on a message whose own words are none or too few to be a claim, beside a link
 * to a document: whether the index holds it, and where to see it or what Annex holds (`letters`
 * and `letter`: how the list and one document are asked for).
 */
export function linkOnlyNotice(
  link: LinkedDocument,
  claim: string,
  holds: string,
  commands: { letters: string; letter: (key: string) => string },
): string {
  const words = claim
    ? `its own words ("${claim.length > 100 ? `${claim.slice(0, 99)}…` : claim}") are too few to check as a claim`
    : 'it has no words of its own to check';
  return link.letter
    ? `The message ${namesIt(link)}, which is in the index (${commands.letter(link.letter.symbol ?? link.letter.id)} shows it); ${words}.`
    : `The message ${namesIt(link)}, which is not among the ${holds} Annex holds, so Annex cannot say what that document states; ${words}. ${commands.letters} lists what Annex holds.`;
}

/** Wraps each highlight in `open`/`close` marks (formatting only: the words are unchanged). */
export function markHighlights(
  text: string,
  highlights: readonly { start: number; end: number }[],
  open: string,
  close: string,
): string {
  let out = '';
  let at = 0;
  for (const h of highlights) {
    out += text.slice(at, h.start) + open + text.slice(h.start, h.end) + close;
    at = h.end;
  }
  return out + text.slice(at);
}

/**
 * "5 letters, 19 February 2021 – 4 April 2024"; "documents" for a corpus not all letters (the
 * noun travels with what was searched, so every reply that says it says it alike).
 */
export function describeSearched(searched: Searched): string {
  const letters = countDocuments(searched.letters, searched.noun);
  const span = dateSpan(searched);
  return span ? `${letters}, ${span}` : letters;
}

/**
 * What was searched, after "no passage in": "the 5 letters, 23 February 2021 – 4 April 2024", or
 * of one document "the document searched (1997)", not "the 1 document, 1997".
 */
export function theSearched(searched: Searched): string {
  if (searched.letters !== 1) return `the ${describeSearched(searched)}`;
  const span = dateSpan(searched);
  return `the ${searched.noun} searched${span ? ` (${span})` : ''}`;
}

/**
 * The dates documents span: "23 February 2021 – 4 April 2024", one date when they are all of one
 * day, '' when they have none.
 */
export function dateSpan({ from, to }: Pick<Searched, 'from' | 'to'>): string {
  if (!from || !to) return '';
  return from === to ? formatUnDate(from) : `${formatUnDate(from)} – ${formatUnDate(to)}`;
}

/**
 * The heading over the closest passages offered when nothing answers: they are no answer. The
 * line above it has said that no passage answers; saying it again read as a contradiction when
 * the closest passage did answer (user trial 20).
 */
export const RELATED_HEADING = 'Closest passages (they may not answer it):';

/**
 * The part of its document a passage stands in, as a label: "annex", "enclosure", or for the
 * main part the document's own kind ("note verbale", "statement"), never "letter" for what is
 * no letter.
 */
export function partName(part: PartKind, kind: string | undefined): string {
  return part === 'letter' ? (kind ?? 'letter') : part;
}

/** The pages a passage stands on, as a suffix to where it is (" · pp. 2–3"); nothing when unknown. */
export function pagesLabel(r: { pages: readonly number[] }): string {
  const label = pageLabel(r.pages);
  return label ? ` · ${label}` : '';
}

/**
 * Where a listed passage is, naming its document (`AnswerResult.document`: symbol, else title,
 * else author, else id) so that no line leaves the reader guessing whose passage it is, with its
 * date unless the name already gives it ("Letter dated 4 April 2024 from …, annex, passage 8"):
 * "A/76/930-S/2022/642, 24 August 2022, annex, pp. 2–3, passage 10";
 * "Statement by Norway in the general debate …, 1997, speech, passage 2".
 */
export function listedWhere(r: AnswerResult, kind: string | undefined): string {
  const pages = pageLabel(r.pages);
  const date = formatUnDate(r.date);
  return [
    r.document,
    ...(r.document.includes(date) ? [] : [date]),
    partName(r.part, kind),
    ...(pages ? [pages] : []),
    r.passage === 0 ? 'heading' : passageLabel(r),
  ].join(', ');
}

/**
 * How many passages a page of results is drawn from, meaning what it says: "the 30 best of 47
 * matching passages" when Annex ranks only the closest of those that hold the question's words
 * (`Answer.matched`), else "12 matching passages".
 */
export function matchingPassages(answer: Pick<Answer, 'total' | 'matched'>): string {
  const matched = answer.matched ?? 0;
  return matched > answer.total
    ? `the ${answer.total} best of ${count(matched, 'matching passage')}`
    : count(answer.total, 'matching passage');
}

/**
 * Which passages of a list a page shows, by their numbers: "1–3", or "4" when it shows one.
 */
export function resultsRange(offset: number, shown: number): string {
  return shown === 1 ? String(offset + 1) : `${offset + 1}–${offset + shown}`;
}

/**
 * Why nothing answers, as the search says it ("no passage gives a figure", "the letters never
 * mention \"dogs\""), for the sentence that says so: ": <reason>", or nothing when no reason
 * adds to it.
 */
export function whyNotFound(answer: Pick<Answer, 'reason'>): string {
  const { reason } = answer;
  return reason && reason !== 'no passage answers the question' ? `: ${reason}` : '';
}

/**
 * Said above the passages: of an author named with a time none of their documents is dated in,
 * "No document by Yugoslavia is dated 1999; these passages are from its other documents, which
 * may tell of that time." (a letter of September tells of August; user trial 31); of a
 * question that opens as a follow-up does, that Annex read it alone (`FOLLOW_UP_NOTICE`).
 */
export function answerNotice(
  answer: Pick<Answer, 'undated' | 'searched' | 'followUp'>,
): string | null {
  const { undated } = answer;
  const { noun } = answer.searched;
  const notices = [
    undated
      ? `No ${noun} by ${undated.author} is dated ${undated.time}; these passages are from its other ${pluralOf(noun)}, which may tell of that time.`
      : null,
    answer.followUp ? FOLLOW_UP_NOTICE : null,
  ].filter((n) => n !== null);
  return notices.length > 0 ? notices.join(' ') : null;
}

/** Said to a question that opens as a follow-up does ("and how many were injured?"). */
export const FOLLOW_UP_NOTICE =
  'I read each question on its own and keep no conversation: name what you ask about to ask of it again.';

/** Where to read about every command: Discord's `/help`, or the CLI's `help`. */
export const DISCORD_HELP = 'Type `/help` for everything I do.';
export const CLI_HELP = 'Run `npm run cli -- help` for every command.';

/**
 * Said to a claim of too few words to check that no passage quotes as written ("all lies"):
 * what the check needs.
 */
export function tooShortToCheck(claim: string): string {
  return `"${claim}" is too short to check: give the sentence the message claims, with who or what it is about (at least ${MIN_CLAIM_WORDS} words).`;
}

/** What lists the documents held: Discord's `/letters`, or the CLI's `letters`. */
export const DISCORD_LISTS = '`/letters`';
export const CLI_LISTS = '`npm run cli -- letters`';

/**
 * The reply to a message that asks nothing of the documents (a greeting, thanks, "help", "?",
 * "what is this bot for"): how to ask, with examples this corpus answers (`Answer.examples`, made
 * from its documents and checked), and where to read more (`surface.more`). A question about
 * which documents there are is first told what lists them (`surface.lists`) and what they are.
 */
export function howToAsk(
  noun: DocumentNoun,
  answer: Pick<Answer, 'examples' | 'reason' | 'holdings'>,
  surface: { more: string; lists: string },
): string {
  const examples = answer.examples ?? [];
  const shown =
    examples.length > 0 ? ` For example: ${examples.map((e) => `"${e}"`).join(', ')}.` : '';
  const lead =
    answer.reason === NOT_ENGLISH
      ? 'I read questions in English only. '
      : answer.reason === ONLY_TIME
        ? 'A time alone names nothing to look for: say what you want to know of it, in one message. '
        : answer.holdings
          ? `${surface.lists} lists the ${describeHoldings(answer.holdings)}. `
          : '';
  return `${lead}Ask me a question about the ${noun}s in your own words, and I quote the passages that answer it, each cited.${shown} ${surface.more}`;
}

/** Kinds named one by one in `describeHoldings`; the rest are counted together. */
const KINDS_NAMED = 6;

/**
 * What the index holds, as a question about it is told: "5 letters I hold (4 letters and 1 note
 * verbale, 23 February 2021 – 4 April 2024)", each kind named once, the most common first, up to
 * `KINDS_NAMED`; the rest, and documents of no stated kind (`DEFAULT_KIND`, "document", which would
 * read as a second count of all of them), are counted last as "other documents".
 */
export function describeHoldings(holdings: Holdings): string {
  const { kinds } = holdings;
  const only = kinds.length === 1 ? kinds[0] : undefined;
  const all = only
    ? count(holdings.letters, only.kind, pluralOf(only.kind))
    : countDocuments(holdings.letters, holdings.noun);
  const stated = kinds.filter((k) => k.kind.toLowerCase() !== DEFAULT_KIND);
  const named = only
    ? []
    : stated.slice(0, KINDS_NAMED).map((k) => count(k.documents, k.kind, pluralOf(k.kind)));
  const others = kinds
    .filter((k) => !stated.slice(0, KINDS_NAMED).includes(k))
    .reduce((sum, k) => sum + k.documents, 0);
  if (!only && others > 0) named.push(count(others, `other ${holdings.noun}`));
  const byKind =
    named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1) ?? ''}` : '';
  const about = [byKind, dateSpan(holdings)].filter(Boolean).join(', ');
  return `${all} I hold${about ? ` (${about})` : ''}`;
}

/** Passages per `/search` page, and listed by `cli search` unless `--limit` says otherwise. */
export const SEARCH_PAGE_SIZE = 5;

/** The names of the citation styles, as `/cite` and `cli cite` show them. */
export const CITATION_STYLE_NAMES: Readonly<Record<CitationStyle, string>> = {
  un: 'UN style',
  oscola: 'OSCOLA',
  bluebook: 'Bluebook',
};

/** Why a citation has no link: the link is built from the symbol, and the text carries none. */
export const NO_LINK_NOTE =
  'No document symbol in the text, so no link: the citation uses the title and date.';

/**
 * Why a document's citations have no link (`documentUrl` gives none), as is true of it: the text
 * carries no symbol (`NO_LINK_NOTE`), or only a press release's ("SG/SM/19702"), which the citations
 * do give but undocs.org does not serve; its front matter's `url` would give the link.
 */
export function noLinkNote(letter: Pick<Letter, 'symbols'>): string {
  const [press] = letter.symbols.filter(isPressRelease);
  return press
    ? `${press} is a press release, and undocs.org does not serve press releases, so no link: a \`url\` in the document's front matter gives one.`
    : NO_LINK_NOTE;
}

/** Annex's passage numbers are no paragraph numbers of the UN's: what to cite formally instead. */
export const PASSAGE_NUMBERS_NOTE =
  "Passage numbers are Annex's own: cite the page (where shown) in formal writing.";

/**
 * What the numbers in a passage's citations are, under `/cite`'s heading: for a paragraph the
 * document numbers itself, that the citations give that number and the passage number is Annex's
 * (the one `/cite` and `/quote` take); else `PASSAGE_NUMBERS_NOTE`.
 */
export function passageNumbersNote(letter: Letter, passage: Passage): string {
  const paragraph = paragraphLabel(letter, passage);
  return paragraph
    ? `The citations give the ${letter.kind}'s own paragraph number (${paragraph}); passage ${passage.n} is Annex's numbering.`
    : PASSAGE_NUMBERS_NOTE;
}

/** "passage 7 (para. 4)", or "passage 7" where the document does not number its paragraphs. */
export function passageLabel(r: { passage: number; paragraph: string | null }): string {
  return `passage ${r.passage}${r.paragraph ? ` (${r.paragraph})` : ''}`;
}

/** `passageLabel` of one of a document's passages. */
export function passageName(letter: Letter, passage: Passage): string {
  return passageLabel({ passage: passage.n, paragraph: paragraphLabel(letter, passage) });
}

/** "Searched 5 letters, 23 February 2021 – 4 April 2024.": what a claim was checked against. */
export function searchedSentence(searched: Searched): string {
  return `Searched ${describeSearched(searched)}.`;
}

/**
 * The verdict of a claim's check in a few words, as _Check in letters_ and `cli check` head it;
 * `nouns` is what the documents are called ("letters", "documents").
 */
export function verdictHeading(verdict: Verdict, nouns: string): string {
  switch (verdict.kind) {
    case 'verbatim':
      return `Quoted verbatim in ${withArticle(verdict.letter.kind)}`;
    case 'close': {
      const exact = verdict.pieces.filter((p) => p.exact);
      const repeated = verdict.repeated ?? 0;
      // Said only of what is so: a claim that repeats its sentences is quoted from as many
      // places as the passages its sentences are in, maybe one.
      const repeats =
        repeated === 0
          ? ''
          : verdict.sentences === 1
            ? ` (the claim says it ${repeated + 1} times)`
            : ' (the claim repeats some, each shown once)';
      if (exact.length > 0 && exact.length === verdict.sentences && exact.length + repeated > 1) {
        const places = new Set(exact.map((p) => p.result)).size;
        return `${exact.length > 1 ? 'Each sentence' : 'Its sentence'} quoted verbatim, from ${places > 1 ? 'different places' : 'one passage'}${repeats}`;
      }
      if (exact.length > 0) return `Partly quoted verbatim${repeats}; closest passages`;
      if (repeated > 0) return `Not quoted verbatim${repeats}; closest passages`;
      return 'Not quoted verbatim; closest passages';
    }
    case 'absent':
      return `Not in the ${nouns}`;
  }
}

/**
 * One line per sentence of a claim that a passage holds, as written or nearly: which passage
 * (numbered as the results below it), and the words that differ, each quoted as written. `quote`
 * marks text up for the surface (escaped for Discord, as is for a terminal).
 */
export function pieceLines(
  pieces: readonly PieceMatch[],
  results: readonly AnswerResult[],
  quote: (text: string) => string,
): string[] {
  const q = (text: string, max = 160) => {
    const bare = text.replace(/^["'“”‘’«»\s]+|["'“”‘’«»\s]+$/g, '');
    return `“${quote(bare.length > max ? `${bare.slice(0, max - 1).trimEnd()}…` : bare)}”`;
  };
  return pieces.flatMap((piece) => {
    const r = results[piece.result];
    if (!r) return [];
    const where = passagePlace(r, piece.result);
    if (piece.exact) return [`• ${q(piece.text)} is quoted verbatim from ${where}.`];
    // Whom the claim has say it is not whom the passage is by.
    const by = piece.speaker
      ? `; it is not by ${q(piece.speaker, 60)}, who the claim says said it`
      : '';
    if (piece.speaker && piece.differences.length === 0)
      return [`• ${q(piece.text)}: ${where} has these words${by}.`];
    if (piece.differences.length === 0)
      return [`• ${q(piece.text)}: ${where} has these words as written, punctuated differently.`];
    const differences = piece.differences.slice(0, 4).map((d) => {
      if (!d.claim) return `the claim leaves out ${q(d.passage, 60)}`;
      if (!d.passage) return `the claim adds ${q(d.claim, 60)}`;
      return `the passage has ${q(d.passage, 60)} where the claim has ${q(d.claim, 60)}`;
    });
    const more =
      piece.differences.length > 4 ? `; and ${piece.differences.length - 4} more differences` : '';
    return [
      `• ${q(piece.text)} is nearly as written in ${where}, except: ${differences.join('; ')}${more}${by}.`,
    ];
  });
}

/**
 * One line per figure of a claim that none of the closest passages states, with the figure a
 * passage states instead (`Verdict.figures`): "The claim’s “1,400” is in none of these passages;
 * A/76/930-S/2022/642, passage 5 (1 below) states “1,318”."; or the passage elsewhere that states
 * it of the same thing: "The claim’s “314” is in none of the closest passages; it is stated in
 * A/78/368-S/2023/686, passage 2 (4 below)."; or, that passage in another document than the one
 * the message cites (`cited`, checked alone): "The claim’s “314” is not in A/76/930-S/2022/642,
 * which the message cites; it is stated in …". `quote` marks text up for the surface.
 */
export function figureLines(
  figures: readonly FigureDifference[],
  results: readonly AnswerResult[],
  quote: (text: string) => string,
  cited: LinkedDocument | null = null,
): string[] {
  return figures.flatMap((f) => {
    const r = results[f.result];
    if (!r) return [];
    const where = passagePlace(r, f.result);
    if (f.elsewhere) {
      const as = f.passage === f.claim ? '' : ` as “${quote(f.passage)}”`;
      const notIn =
        cited?.letter && cited.letter.id !== r.letterId
          ? `is not in ${quote(cited.symbol)}, which the message ${citesVerb(cited)}`
          : 'is in none of the closest passages';
      return [`• The claim’s “${quote(f.claim)}” ${notIn}; it is stated${as} in ${where}.`];
    }
    if (f.beside)
      return [
        `• The claim’s “${quote(f.claim)}” is not what ${where} states with “${quote(f.beside)}”: it states “${quote(f.passage)}”.`,
      ];
    const none = f.otherUnit
      ? 'is stated in these passages only of something else'
      : 'is in none of these passages';
    return [`• The claim’s “${quote(f.claim)}” ${none}; ${where} states “${quote(f.passage)}”.`];
  });
}

/**
 * Said of a claim not found as written, before the closest passages; of one some of whose
 * sentences are quoted verbatim, that the whole is not.
 */
export function notAsWritten(nouns: string, verdict?: Verdict): string {
  if (verdict?.kind === 'close' && verdict.pieces.some((p) => p.exact))
    return `The ${nouns} do not contain the whole claim as written`;
  return `The ${nouns} do not contain these words as written`;
}

/** Said of a claim the documents do not state: that is no disproof. */
export function unsupportedNote(nouns: string): string {
  return `That the ${nouns} do not say it does not make it false, only unsupported by them.`;
}
