import type { DocumentNoun, Letter, PartKind, Passage } from '../corpus/schema.ts';
import type { SearchFilters } from './candidates.ts';
import { fold, isFunctionWord, tokenize } from './analyze.ts';
import {
  attribution,
  documentLabel,
  documentName,
  documentUrl,
  formatCitation,
  speaker,
} from './cite.ts';
import {
  commonWordsOnly,
  type Decision,
  decide,
  isUnsigned,
  SHOWN,
  unsigned,
  veto,
} from './decide.ts';
import { turnOpening } from '../corpus/meeting-record.ts';
import { type Highlight, pickExcerpt } from './excerpt.ts';
import { answerSentence } from './features.ts';
import { type Prepared, prepare, type Ranked, rankCandidates, unknownSymbol } from './rank.ts';
import type { SearchIndex } from './search-index.ts';
import type { Undated } from './document-names.ts';
import { aboutAnnex } from './about-annex.ts';
import { askExamples } from './examples.ts';
import { asksMaking, namesOnly, openings, structural } from './openings.ts';
import { isNamingSlot, withoutQuotes } from './question.ts';
import { paragraphLabel } from './paragraph-numbers.ts';

/**
 * Answers a question from the letters, in named stages: the question is read (`question.ts`),
 * its candidates found (`candidates.ts`), described by features (`features.ts`), ranked by the
 * fitted model (`rank.ts`), and the best either answer or Annex abstains (`decide.ts`); a question
 * that only names documents is answered by their openings (`openings.ts`); each
 * passage shown is excerpted (`excerpt.ts`) and cited (`cite.ts`).
 */

export { commonWordsOnly, isUnsigned, type SearchFilters, unsigned };

/** Options of a question: filters, and how many passages from where. */
export interface AskOptions extends SearchFilters {
  /** How many passages to return at most. */
  limit?: number;
  /**
   * A search listing (`/search`) rather than an answer: every passage that matches is listed,
   * best first, without deciding whether they answer a question.
   */
  list?: boolean;
  /** Skip this many (for paging). */
  offset?: number;
}

/** What a search covered, so that a miss can say so honestly. */
export interface Searched {
  letters: number;
  passages: number;
  /** Date of the earliest and latest letter searched; null when none. */
  from: string | null;
  to: string | null;
  /** What to call the documents: "letter" only while every document of the corpus is one. */
  noun: DocumentNoun;
}

/** One quoted passage with its citation. Plain data: the renderer decides how it looks. */
export interface AnswerResult {
  letterId: string;
  /**
   * The document's name in a listing (`documentName`): its symbol, else its title, else who
   * wrote it, else its id. Never empty, so that every line that cites a passage says whose it is.
   */
  document: string;
  /**
   * A short name for the document beside its date and part (`documentLabel`): its symbol, else
   * the State or author it is from ("Norway"). Its title, when needed, is in the citation.
   */
  label: string;
  symbol: string | null;
  date: string;
  /** Passage number (Annex's own numbering); 0 for a heading (the title, the masthead). */
  passage: number;
  /** The document's own number for the paragraph ("para. 4", "para. 9 (b)"), when it numbers them. */
  paragraph: string | null;
  /** The passage to show around it and to cite: itself, or for a heading the first passage of its part. */
  near: number;
  part: PartKind;
  partIndex: number;
  pages: number[];
  /** The whole passage, verbatim. */
  text: string;
  /** The sentence(s) that carry the answer, verbatim: a substring of `text`. */
  excerpt: string;
  /** Matched words in `excerpt`. */
  highlights: Highlight[];
  /** Matched words in the whole passage (`text`). */
  passageHighlights: Highlight[];
  score: number;
  citation: string;
  url: string | null;
  /** Who is speaking: the letter's (or annexed letter's) heading. */
  attribution: string;
  /** Who is speaking, as a reply shows it beside the citation (`speaker`): the title once. */
  speaker: string;
}

/** The answer to a question: passages best first, or an honest abstention. */
export interface Answer {
  query: string;
  abstained: boolean;
  /** Why there are no results, when there are none. */
  reason: string | null;
  searched: Searched;
  /** How many passages matched in all (for "more results"). */
  total: number;
  /**
   * The passages that hold some word of the question (counted by the first stage from its
   * postings, never by reading the corpus), of which the best `total` are listed or paged
   * through: "30 best of 2,114 matching passages". Unset where `total` is every passage shown.
   */
  matched?: number;
  results: AnswerResult[];
  /**
   * On an abstention, the closest passages (at most `RELATED_LIMIT`), which may not answer the
   * question; empty when Annex answers. An answer never mixes the two.
   */
  related: AnswerResult[];
  /** How likely the fitted model finds it that the best passage answers (0–1). */
  evidence: number;
  /**
   * The symbol no document has, when the question asks for nothing else ("A/99/999", "what does
   * S/2023/123 say"): Annex says so and where the documents are listed, with no closest passages,
   * since no word of the question was searched.
   */
  unknownSymbol?: string;
  /**
   * For a message that asks nothing (`asksNothing`): questions this corpus answers, made from
   * its documents and checked by asking them (`askExamples`), to offer with how to ask.
   */
  examples?: readonly string[];
  /** For a question about which documents there are (`ABOUT_HOLDINGS`): what the index holds. */
  holdings?: Holdings;
  /**
   * The author the question names with a time none of their documents is of ("what did
   * Yugoslavia say in 1999"): the passages are from their documents of other times, and the
   * reply says so.
   */
  undated?: Undated;
  /**
   * The question opens as a follow-up does ("and how many were injured?", "what about 2022?"):
   * Annex keeps no conversation, and the reply says that it read this question alone.
   */
  followUp?: true;
}

/** What the index holds, all of it: as `Searched` says it, and how many documents of each kind. */
export interface Holdings extends Searched {
  /** Each kind, as the documents' metadata writes it ("letter", "note verbale"), most first. */
  kinds: readonly { kind: string; documents: number }[];
}

/** What the index holds, for a question about it: every document, whatever the filters. */
function holdings(index: SearchIndex): Holdings {
  return { ...describeScope(index), kinds: index.catalog.kindCounts() };
}

/** Default number of passages in an answer. */
export const DEFAULT_LIMIT = SHOWN;
/** Closest passages offered with an abstention, at most. */
export const RELATED_LIMIT = 3;

/**
 * What a search with these filters covers: from the index's catalog of documents (two binary
 * searches on their dates), never from the documents themselves.
 */
export function describeScope(index: SearchIndex, filters: SearchFilters = {}): Searched {
  return index.catalog.describe(filters);
}

/**
 * The decision for a question about the making of documents it names (`asksMaking`): answered,
 * unless no answer is possible ("who signed the note verbale": a note is unsigned).
 */
function madeBy(prepared: Prepared, ranked: readonly Ranked[]): Decision {
  const impossible = veto(prepared, ranked);
  return impossible
    ? { answers: false, probability: 0, reason: impossible }
    : { answers: true, probability: 1, reason: null };
}

/**
 * A passage as a result quoted whole and cited: its document, place, citation and link. The
 * answers' results (`toResult`) start from it; the moderators' check shows passages so.
 */
export function passageResult(letter: Letter, passage: Passage): AnswerResult {
  return {
    letterId: letter.id,
    document: documentName(letter),
    label: documentLabel(letter),
    symbol: letter.symbol,
    date: letter.date,
    passage: passage.n,
    paragraph: paragraphLabel(letter, passage),
    near: passage.n,
    part: passage.part,
    partIndex: passage.partIndex,
    pages: passage.pages,
    text: passage.text,
    excerpt: passage.text,
    highlights: [],
    passageHighlights: [],
    score: 0,
    citation: formatCitation(letter, passage),
    url: documentUrl(letter),
    attribution: attribution(letter, passage),
    speaker: speaker(letter, passage),
  };
}

/** A ranked candidate as a quoted, cited result; an opening (`openings`) quoted from its start. */
function toResult(prepared: Prepared, r: Ranked, opening = false): AnswerResult {
  const { letter, passage } = r.candidate.entry;
  const answer = answerSentence(prepared.context, r.candidate);
  const excerpt = pickExcerpt(
    passage.text,
    prepared.context.weights,
    prepared.q.phrases,
    opening ? { start: 0, end: 0 } : answer.score > 0 ? answer : null,
    prepared.symbols.map((s) => s.text.toLowerCase()),
    passage.speaker ? turnOpening(passage.text) : 0,
  );
  return {
    ...passageResult(letter, passage),
    near:
      passage.n > 0
        ? passage.n
        : (letter.passages.find((p) => p.part === passage.part && p.partIndex === passage.partIndex)
            ?.n ?? 1),
    excerpt: excerpt.text,
    highlights: excerpt.highlights,
    passageHighlights: excerpt.passageHighlights,
    score: Math.round(r.score * 1000) / 1000,
  };
}

/**
 * Why Annex searched nothing: the message greets, thanks, asks for help (the glossary's
 * `smallTalk`) or asks about the bot itself ("what is this bot for?", `aboutAnnex`), and asks
 * nothing of the documents.
 */
export const SMALL_TALK =
  'a greeting, thanks, a call for help or a question about Annex itself asks nothing of the documents';
/**
 * Why Annex searched nothing: the message asks which documents Annex holds ("what documents do
 * you have?", "list the letters"), not what they say; `Answer.holdings` says what it holds.
 */
export const ABOUT_HOLDINGS = 'a question about which documents there are asks nothing of them';
/**
 * Why Annex searched nothing: the question names a time and nothing else ("what about in 2021?",
 * a follow-up Annex cannot follow): any passage of that time would do, the masthead first.
 */
export const ONLY_TIME = 'a time alone names nothing to look for';
/**
 * Why Annex searched nothing: every word of the message is a small word or a letter alone ("?",
 * "what can you do?", "x").
 */
export const NO_WORDS = 'the question has no words to search for';
/**
 * Why Annex searched nothing: the question is written in another script ("كم عدد ضحايا
 * الألغام", "地雷受害者有多少"); Annex reads English words only.
 */
export const NOT_ENGLISH = 'the question has no word in the Latin script Annex reads';
/** Why Annex searched nothing: the corpus holds no document at all. */
export const NO_DOCUMENTS = 'the corpus holds no documents';
/** Why Annex searched nothing: no document falls within the filters. */
export const NO_DOCUMENTS_MATCH = 'no documents match the filters';

/**
 * Whether a message asked nothing that could be searched (small talk, a call for help, no word
 * to look up): it is answered with how to ask, never with "not found".
 */
export function asksNothing(answer: Pick<Answer, 'reason'>): boolean {
  return (
    answer.reason === SMALL_TALK ||
    answer.reason === ABOUT_HOLDINGS ||
    answer.reason === NO_WORDS ||
    answer.reason === ONLY_TIME ||
    answer.reason === NOT_ENGLISH
  );
}

/**
 * Whether the question names a time and nothing else: every word of it is a small word or of the
 * time ("what about in 2021?"), and it names no document; "what happened on 19 September 2023"
 * asks what happened.
 */
function onlyTime({ q }: Prepared): boolean {
  if (!q.date || q.letters || q.phrases.length > 0 || q.quoted.length > 0) return false;
  const timeWords = new Set(fold(q.date.words).split(/[^\p{L}\p{N}]+/u));
  return tokenize(q.text).every((t) => isFunctionWord(t.word) || timeWords.has(t.word));
}

/**
 * The symbol no document has, when every word of the question is in such a symbol or only names
 * documents ("A/99/999", "show me the letter S/2023/123"); null when it asks about anything else
 * ("S/2023/123 mines": "mines" is searched, and the closest passages to it are worth offering).
 */
function onlyUnknownSymbol(prepared: Prepared): string | null {
  const { q } = prepared;
  const unknown = unknownSymbol(prepared);
  if (!unknown || q.phrases.length > 0) return null;
  const inUnknown = (slot: { start: number; end: number }) =>
    prepared.symbols.some((s) => !s.known && slot.start >= s.start && slot.end <= s.end);
  return q.slots.every((slot) => inUnknown(slot) || isNamingSlot(slot)) ? unknown : null;
}

/**
 * What a question's search covered: the documents it names (`Scope.groups`), when it names some,
 * else every document the filters allow.
 */
function searchedIn(prepared: Prepared, filters: SearchFilters): Searched {
  const { groups } = prepared.scope;
  const { index } = prepared.context;
  if (!groups) return describeScope(index, filters);
  const ids = index.lettersOfGroups(groups).map((letter) => index.catalog.find(letter.id));
  return index.catalog.describeDocuments(ids, filters);
}

/**
 * Answers a question with verbatim, cited passages, best first — or abstains, saying what was
 * searched and why, and then offers the closest passages as `related`.
 */
export function answerQuestion(
  index: SearchIndex,
  question: string,
  options: AskOptions = {},
): Answer {
  const answer = answerAlone(index, question, options);
  return FOLLOW_UP.test(question) && !asksNothing(answer) ? { ...answer, followUp: true } : answer;
}

/** How a follow-up opens: "and …", "also …", "what about …", "how about …", "same for …". */
const FOLLOW_UP = /^\s*(?:and|also|what about|how about|same (?:for|with|question))\b/i;

/** `answerQuestion`, the question read alone. */
function answerAlone(index: SearchIndex, question: string, options: AskOptions): Answer {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const offset = options.offset ?? 0;
  const searched = describeScope(index, options);
  const base = { query: question, searched, results: [], related: [] };
  if (searched.passages === 0)
    return {
      ...base,
      abstained: true,
      // Documents within the dates, none with the part asked for: say that, not that no document matches.
      reason:
        index.size === 0
          ? NO_DOCUMENTS
          : searched.letters > 0 && options.part && options.part !== 'letter'
            ? `none of them has an ${options.part}`
            : NO_DOCUMENTS_MATCH,
      total: 0,
      evidence: 0,
    };
  const nothing = (reason: string): Answer => ({
    ...base,
    abstained: true,
    reason,
    total: 0,
    evidence: 0,
    examples: askExamples(index, (q) => answerQuestion(index, q)),
  });
  const about = aboutAnnex(question);
  if (about === 'talk') return nothing(SMALL_TALK);
  if (about === 'holdings') return { ...nothing(ABOUT_HOLDINGS), holdings: holdings(index) };
  if (/\p{L}/u.test(question) && !/\p{Script=Latin}/u.test(question)) return nothing(NOT_ENGLISH);
  const prepared = prepare(index, question, options);
  // The documents the question names are what was searched ("what did Norway say in 1997").
  const scoped = { ...base, searched: searchedIn(prepared, options) };
  // A letter alone ("x", "a b") is no word to look for; a code of digits ("2021") or a quoted
  // phrase is.
  const letterAlone = (s: { word: string }) => /^\p{L}$/u.test(s.word);
  if (prepared.q.slots.every(letterAlone) && prepared.q.phrases.length === 0)
    return nothing(NO_WORDS);
  if (onlyTime(prepared)) return nothing(ONLY_TIME);
  const unknownSymbol = onlyUnknownSymbol(prepared);
  if (unknownSymbol)
    return {
      ...scoped,
      abstained: true,
      reason: veto(prepared, []),
      total: 0,
      evidence: 0,
      unknownSymbol,
    };
  const undated = prepared.undated ? { undated: prepared.undated } : {};
  // "show me the 2022 letter", "A/78/368": the documents named, from their openings on.
  if (namesOnly(prepared)) {
    const opened = openings(prepared);
    if (opened.length > 0)
      return {
        ...scoped,
        abstained: false,
        reason: null,
        total: opened.length,
        results: opened.slice(offset, offset + limit).map((r) => toResult(prepared, r, true)),
        evidence: 1,
        ...undated,
      };
  }
  const making = !options.list && asksMaking(prepared);
  // "who issued the press release": the documents named say who and when in their headings,
  // openings and signatures, which the ranker orders; nothing else is asked to weigh.
  const ranked = making ? structural(prepared, rankCandidates(prepared)) : rankCandidates(prepared);
  if (options.list) {
    const results = ranked.filter((r) => r.candidate.mask !== 0);
    return {
      ...scoped,
      abstained: results.length === 0,
      reason: results.length === 0 ? 'no passage answers the question' : null,
      total: results.length,
      matched: Math.max(results.length, prepared.set.total),
      results: results.slice(offset, offset + limit).map((r) => toResult(prepared, r)),
      evidence: 0,
    };
  }
  const decision = making ? madeBy(prepared, ranked) : decide(prepared, ranked);
  const evidence = Math.round(decision.probability * 1000) / 1000;
  if (!decision.answers) {
    // A quoted phrase no passage holds word for word: the closest passages to its words.
    const loose =
      ranked.length === 0 && prepared.q.phrases.length > 0
        ? prepare(index, withoutQuotes(question), options)
        : null;
    const closest = loose ? rankCandidates(loose) : ranked;
    return {
      ...scoped,
      abstained: true,
      reason: decision.reason ?? commonWordsOnly(prepared.context.index.catalog.noun),
      total: 0,
      related: closest.slice(0, RELATED_LIMIT).map((r) => toResult(loose ?? prepared, r)),
      evidence,
      ...undated,
    };
  }
  // Paged through: the passages that hold words of the question, and any shown first.
  const listed = ranked.filter((r, i) => r.candidate.mask !== 0 || i < SHOWN);
  return {
    ...scoped,
    abstained: false,
    reason: null,
    total: listed.length,
    // The closest passages are ranked of all that hold its words: how many those are, as /search.
    matched: Math.max(listed.length, prepared.set.total),
    results: listed.slice(offset, offset + limit).map((r) => toResult(prepared, r)),
    evidence,
    ...undated,
  };
}
