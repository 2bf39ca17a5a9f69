import type { Letter, Passage } from '../corpus/schema.ts';
import { sentenceSpans } from '../corpus/sentences.ts';
import { analyze, fold, isGlossaryConcept } from './analyze.ts';
import {
  type Answer,
  type AnswerResult,
  answerQuestion,
  describeScope,
  passageResult,
  type Searched,
} from './answer.ts';
import { symbolsIn } from './letter-reference.ts';
import { reportsSpeechOf } from './evidence.ts';
import {
  type Figure,
  type FigureDifference,
  figureDifferences,
  type FigureStatement,
  figureStatedElsewhere,
  sharesAFigure,
  statedAs,
  unstatedFigures,
} from './check-figures.ts';
import type { SearchIndex } from './search-index.ts';
import { lowerBound } from './sorted.ts';

/** What the letters say about a claim someone posted. */
export type Verdict =
  | {
      kind: 'verbatim';
      letter: Letter;
      passage: Passage;
      /** Where the claim's words stand in the passage's text (`quotedSpan`), to mark them. */
      span: { start: number; end: number } | null;
    }
  | {
      kind: 'close';
      answer: Answer;
      /** The claim's sentences a passage holds as written or nearly, in the claim's order. */
      pieces: PieceMatch[];
      /** How many sentences of the claim were looked at (long enough to quote), each once. */
      sentences: number;
      /**
       * How many sentences of the claim repeat one before them (as `normalizeForMatch` reads
       * them), looked at once: a claim pasted 60 times is one sentence, from one place.
       */
      repeated?: number;
      /** The claim's figures none of the closest passages states, where one states another. */
      figures?: FigureDifference[];
    }
  | { kind: 'absent'; answer: Answer };

/**
 * A sentence of a claim that a passage holds as written (`exact`), or nearly: the same words but
 * for a few (`differences`; none when only punctuation differs). People quote with a wrong year,
 * a typo, other dashes, or two letters' sentences in one message: a moderator needs to see which
 * sentence is whose, and which words the letter does not have.
 */
export interface PieceMatch {
  /** The claim's sentence, as posted. */
  text: string;
  /** Index of its passage in the verdict's `answer.results`. */
  result: number;
  exact: boolean;
  differences: Difference[];
  /**
   * Whom the claim has say it ("Armenia" of "Armenia says there is neither marking nor
   * fencing"), when the passage that holds its words is not theirs: a wrong speaker is a
   * difference a moderator checks for.
   */
  speaker?: string;
}

/** Words where a passage and a claim differ, each verbatim; '' where one has none. */
export interface Difference {
  passage: string;
  claim: string;
}

/**
 * A claim has at least this many words: "all lies" says what the poster thinks, not what a
 * document might state; "mines in Lachin" may be checked. Fewer are checked only when a passage
 * quotes them as written.
 */
export const MIN_CLAIM_WORDS = 3;

/** A near quote has at least this many words… */
export const MIN_NEAR_WORDS = 6;
/** …and at most one word in this many differs (added, left out or changed). */
export const NEAR_WORDS_PER_DIFFERENCE = 5;
/** Sentences of a long message looked at, from its start. */
const MAX_PIECES = 20;

/** Claims shorter than this (after trimming quotes) are too short to call "quoted verbatim". */
export const MIN_VERBATIM_LENGTH = 20;
/** Close passages shown for a claim not quoted verbatim. */
export const CLOSE_PASSAGES = 3;

/** Folds case, accents, quote marks, dashes and whitespace, so a pasted quote still matches. */
export function normalizeForMatch(text: string): string {
  return fold(text)
    .replace(/[‘’ʼ`]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A claim as it is looked for in a passage: folded, without the quote marks or full stop at its ends. */
function quoteNeedle(claim: string): string {
  return normalizeForMatch(claim).replace(/^["'\s]+|["'\s.]+$/g, '');
}

/**
 * Where `claim` stands in `text` as `normalizeForMatch` reads both (case, accents, quote marks,
 * dashes and runs of spaces aside; `quoteNeedle`'s ends), as a span of `text`; null when it is not
 * there so.
 */
export function quotedSpan(text: string, claim: string): { start: number; end: number } | null {
  const needle = quoteNeedle(claim);
  if (!needle) return null;
  // `text` folded one character at a time, each folded unit remembering the character it is of.
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length;) {
    const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
    const next = i + char.length;
    const piece = /\s/u.test(char)
      ? folded === '' || folded.endsWith(' ')
        ? ''
        : ' '
      : normalizeForMatch(char);
    for (let k = 0; k < piece.length; k++) {
      folded += piece[k];
      from.push(i);
      to.push(next);
    }
    i = next;
  }
  const at = folded.indexOf(needle);
  if (at < 0) return null;
  return { start: from[at] ?? 0, end: to[at + needle.length - 1] ?? text.length };
}

/**
 * A document a message links to, or cites by its symbol in brackets after the words it quotes:
 * the symbol, and the document when the index holds it.
 */
export interface LinkedDocument {
  symbol: string;
  letter: Letter | null;
  /** How the message names it: a web link, or its symbol in brackets (`citedDocument`). */
  by: 'link' | 'citation';
}

/** The document of a symbol ("A/76/930"), when the index holds one. */
function documentOfSymbol(index: SearchIndex, symbol: string): Letter | null {
  const found = index.catalog.named(symbol);
  return found.length > 0 ? (index.letters[found[0] as number] ?? null) : null;
}

/** Web addresses as a message writes them (bare or between `<` `>`), their last punctuation left out. */
const WEB_LINK = /https?:\/\/[^\s<>]+[^\s<>.,;:!?)\]'"]/gi;

/**
 * The first document a message links to: a link the index has for a document (its front matter
 * `url`), or a link whose path is a UN symbol ("https://undocs.org/en/S/2023/123"); with the
 * document when the index holds one of that symbol. Null when no link names a document.
 */
export function linkedDocument(index: SearchIndex, content: string): LinkedDocument | null {
  for (const [link] of content.matchAll(WEB_LINK)) {
    const byUrl = index.letters[index.catalog.withUrl(link)];
    if (byUrl) return { symbol: byUrl.symbol ?? link, letter: byUrl, by: 'link' };
    let path: string;
    try {
      path = decodeURIComponent(new URL(link).pathname);
    } catch {
      continue;
    }
    // The path after an optional UN language, all of it one symbol (or several joined by "-").
    const rest = path.replace(/^\/+(?:(?:ar|zh|en|fr|ru|es)\/)?/i, '').replace(/\/+$/, '');
    const [first] = symbolsIn(rest);
    if (!first || first.start !== 0) continue;
    const letter = documentOfSymbol(index, first.text);
    return { symbol: letter?.symbol ?? first.text, letter, by: 'link' };
  }
  return null;
}

/**
 * Brackets, round or square, ending a line (but for a full stop or a comma after them): where a
 * poster puts the source of what they quote ("… during the last 30 years.** (A/76/930)").
 */
const BRACKETS_AT_LINE_END = /[ \t]*[([][ \t]*([^()[\]\n]+?)[ \t]*[)\]][ \t.,;]*$/gmu;

/**
 * The document a claim cites as its source: a document symbol (or several joined by "-", as
 * "A/76/930-S/2022/642") alone in brackets at the end of a line, read as a link there is
 * (`linkedDocument`), with the document when the index holds it; and the claim without those
 * brackets, which are the poster's citation, not words of the claim. Brackets that cite
 * different documents are left out of the claim too, but name no one document to check it
 * against. Null when no line ends with a symbol in brackets.
 */
export function citedDocument(
  index: SearchIndex,
  claim: string,
): { cited: LinkedDocument | null; claim: string } | null {
  const symbols: string[] = [];
  const rest = claim.replace(BRACKETS_AT_LINE_END, (whole, inside: string) => {
    const found = symbolsIn(inside);
    const [first] = found;
    if (!first || first.start !== 0 || found.at(-1)?.end !== inside.length) return whole;
    symbols.push(first.text);
    return '';
  });
  const [symbol] = symbols;
  if (!symbol) return null;
  const letters = symbols.map((s) => documentOfSymbol(index, s));
  const letter = letters[0] ?? null;
  const one = letters.every((l, i) => (letter ? l === letter : symbols[i] === symbol));
  return {
    cited: one ? { symbol: letter?.symbol ?? symbol, letter, by: 'citation' } : null,
    claim: rest.trim(),
  };
}

/**
 * Whether a message's own words are too few to be a claim on their own ("lies about mines"
 * beside a link): fewer than a near quote needs (`MIN_NEAR_WORDS`). Such words say what the
 * poster thinks of what they link to; searched across every document, they match nothing.
 */
export function tooFewWordsToCheck(claim: string): boolean {
  return wordsOf(claim).length < MIN_NEAR_WORDS;
}

/**
 * A message posted as a claim, as the check reads it: where it is written (`content`, where its
 * links are read, a masked link's too) and the words it shows a reader (`words`: its markup,
 * emoji, mentions and bare links left out, as a transport decodes them).
 */
export interface PostedMessage {
  content: string;
  words: string;
}

/**
 * What "Check in letters" makes of a message, alike from Discord and the CLI, which differ only in
 * how they show it: the claim (the message's words without its citation of a source) checked
 * against the document the message cites (`cites`) when the index holds it, else against every
 * document, with what was searched; or, when the message cites a document but its own words are
 * none or too few to be a claim (`citesOnly`), no check: searched across every document, such
 * words match nothing, and "not in the letters" would misread a link and a comment; or no words
 * and no citation at all (`noWords`).
 */
export type MessageCheck =
  | {
      kind: 'checked';
      claim: string;
      cites: LinkedDocument | null;
      verdict: Verdict;
      searched: Searched;
      /**
       * Whether the cited document, held, holds neither the claim nor a sentence of it while
       * another document does: the verdict is then the claim's check against every document
       * (`searched`), so that a wrong citation reads as one, not as a misquote of the cited one.
       */
      beyondCited: boolean;
    }
  | { kind: 'citesOnly'; claim: string; cites: LinkedDocument }
  | { kind: 'noWords' }
  /** Words too few to be a claim ("all lies"), that no passage quotes as written. */
  | { kind: 'tooShort'; claim: string };

/**
 * Checks a posted message (`PostedMessage`): the document it cites is the first it links to, else
 * a symbol in brackets ending a line (`citedDocument`), which is no words of the claim; the claim
 * is checked against that document alone when the index holds it (`checkClaim`'s `within`). When
 * that document holds no sentence of the claim, the claim is checked against every document too,
 * and that verdict is the one given when another document holds it (`beyondCited`): posters cite
 * the wrong letter, and a check of the cited one alone would read a right quote as a misquote.
 */
export function checkPostedMessage(index: SearchIndex, message: PostedMessage): MessageCheck {
  const cited = citedDocument(index, message.words);
  const claim = cited?.claim ?? message.words.trim();
  const cites = linkedDocument(index, message.content) ?? cited?.cited ?? null;
  if (cites && (!claim || (!cites.letter && tooFewWordsToCheck(claim))))
    return { kind: 'citesOnly', claim, cites };
  if (!claim) return { kind: 'noWords' };
  const within = cites?.letter ?? undefined;
  const verdict = checkClaim(index, claim, within);
  if (!cites && wordsOf(claim).length < MIN_CLAIM_WORDS && verdict.kind !== 'verbatim')
    return { kind: 'tooShort', claim };
  if (within && !holdsClaim(verdict)) {
    const everywhere = checkClaim(index, claim);
    if (holdsClaim(everywhere))
      return {
        kind: 'checked',
        claim,
        cites,
        verdict: everywhere,
        searched: describeScope(index),
        beyondCited: true,
      };
  }
  return {
    kind: 'checked',
    claim,
    cites,
    verdict,
    searched: describeScope(index, within ? { letter: within.id } : {}),
    beyondCited: false,
  };
}

/** Whether a verdict has a passage holding the claim, or a sentence of it, as written or nearly. */
function holdsClaim(verdict: Verdict): boolean {
  return verdict.kind === 'verbatim' || (verdict.kind === 'close' && verdict.pieces.length > 0);
}

/**
 * Checks a claim against the letters (or, `within`, one document: the one a message links to):
 * quoted verbatim in a passage (the claim's words appear in it as written, ignoring case,
 * accents, quote marks and spacing), else the closest passages, each figure of the claim none
 * of them states named with the passage elsewhere that states it of the same thing (added to the
 * closest passages: a claim may take its figure from one document and its source from another;
 * `within`, looked for in that document first, then in every other), else with the figure one of
 * them states instead, else not in the letters.
 */
export function checkClaim(index: SearchIndex, claim: string, within?: Letter): Verdict {
  const verdict = checkClaimWords(index, claim, within);
  if (verdict.kind !== 'close') return verdict;
  const results = [...verdict.answer.results];
  const texts = results.map((r) => r.text);
  // A figure a near quote's line names already ("30" where the claim has "37") is said once.
  const named = verdict.pieces.flatMap((p) => p.differences.map((d) => d.claim));
  const unnamed = (f: { claim: string }) =>
    !named.some((words) => words.split(/\s+/).includes(f.claim));
  const shownWith = results.map((r) => `${r.citation} ${r.attribution}`);
  const inScope = scopeOf(index, within);
  const shown = new Set(results.map((r) => passageIdOf(index, r)));
  const figures: FigureDifference[] = [];
  for (const figure of unstatedFigures(claim, texts, shownWith)) {
    if (!unnamed({ claim: figure.written })) continue;
    // A figure the cited document does not state may be another document's: the poster's
    // citation is then wrong, and a figure the cited one states of something else misleads.
    const found =
      figureStatedElsewhere(index, figure, inScope, shown) ??
      (within ? figureBeyond(index, claim, figure, inScope, shown) : null);
    const entry = found && index.passage(found.id);
    if (!found || !entry) continue;
    shown.add(found.id);
    figures.push({
      claim: figure.written,
      result: results.length,
      passage: found.written,
      elsewhere: true,
    });
    results.push(passageResult(entry.letter, entry.passage));
  }
  const elsewhere = new Set(figures.map((f) => f.claim));
  figures.push(
    ...figureDifferences(claim, texts, shownWith).filter(
      (f) => unnamed(f) && !elsewhere.has(f.claim),
    ),
  );
  figures.sort((a, b) => claim.indexOf(a.claim) - claim.indexOf(b.claim));
  return { ...verdict, answer: { ...verdict.answer, results }, figures };
}

/**
 * A passage beyond the cited document (`inScope`) that states a claim's figure: one the figures'
 * own lookup finds (`figureStatedElsewhere`), else one of the closest passages the claim has
 * among every document, as an uncited check would show them, that states it (`statedAs`).
 */
function figureBeyond(
  index: SearchIndex,
  claim: string,
  figure: Figure,
  inScope: (id: number) => boolean,
  shown: ReadonlySet<number>,
): FigureStatement | null {
  const beyond = (id: number) => !inScope(id);
  const found = figureStatedElsewhere(index, figure, beyond, shown);
  if (found) return found;
  const everywhere = answerQuestion(index, claim, { limit: CLOSE_PASSAGES });
  for (const r of [...everywhere.results, ...everywhere.related]) {
    const id = passageIdOf(index, r);
    const written = id >= 0 && beyond(id) && !shown.has(id) ? statedAs(r.text, figure) : null;
    if (written) return { id, written };
  }
  return null;
}

/** Whether a passage id is of `within`'s passages, or of any document when none is given. */
function scopeOf(index: SearchIndex, within?: Letter): (id: number) => boolean {
  const [start, end] = within ? index.passageRange(within) : [0, index.size];
  return (id) => id >= start && id < end;
}

/** The index id of a closest passage (-1 for none the index holds). */
function passageIdOf(index: SearchIndex, r: AnswerResult): number {
  const found = index.letters[index.catalog.find(r.letterId)];
  // Ids told apart only by case share the catalog's key: then the one of this exact id.
  const letter = found?.id === r.letterId ? found : index.letters.find((l) => l.id === r.letterId);
  const passage = letter?.passages.find((p) => p.n === r.passage);
  return letter && passage ? index.passageId({ letter, passage }) : -1;
}

/** `checkClaim` but for the claim's figures: verbatim, the closest passages, or absent. */
function checkClaimWords(index: SearchIndex, claim: string, within?: Letter): Verdict {
  const inScope = scopeOf(index, within);
  const whole = quotingPassage(index, claim, inScope) ?? attributedQuote(index, claim, inScope);
  if (whole) {
    const { text } = whole.passage;
    const span =
      quotedSpan(text, claim) ?? quotedSpan(text, claim.slice(leadingAttribution(claim)?.at ?? 0));
    return { kind: 'verbatim', letter: whole.letter, passage: whole.passage, span };
  }
  const answer = answerQuestion(index, claim, {
    limit: CLOSE_PASSAGES,
    ...(within ? { letter: within.id } : {}),
  });
  const { sentences, repeated } = claimPieces(claim);
  const found = matchPieces(index, sentences, inScope);
  // A sentence a passage says the opposite of, however short ("Africa is poor" of "Africa is not
  // poor"): a moderator is told of the "not" the claim leaves out.
  const matched = new Set(found.map((f) => f.text));
  // The passages the search shows for the claim are read first: among the thousands that hold a
  // short sentence's common words ("Africa", "poor"), they are the likeliest to reverse it.
  const shownIds = [...answer.results, ...answer.related]
    .map((r) => passageIdOf(index, r))
    .filter((id) => id >= 0);
  const reversed = claimSentences(claim)
    .filter((sentence) => !matched.has(sentence))
    .flatMap((sentence) => {
      const opposite = reversedPassage(index, sentence, inScope, shownIds);
      return opposite ? [{ text: sentence, ...opposite, exact: false }] : [];
    });
  const looked = sentences.length + reversed.filter((r) => !sentences.includes(r.text)).length;
  if (found.length + reversed.length > 0)
    return withPieces(answer, inClaimOrder(claim, [...found, ...reversed]), looked, repeated);
  if (!answer.abstained) return { kind: 'close', answer, pieces: [], sentences: 0 };
  // A claim that quotes a whole sentence of a passage, with words of its own around it, is not
  // "not in the letters" even when the search, made for questions, finds no answer in it: that
  // passage is the closest, first.
  // Sentences `matchPieces` looked for already are not looked for again.
  const tried = new Set(sentences);
  const quoted = claimSentences(claim)
    .filter((sentence) => !tried.has(sentence))
    .map((sentence) => quotingPassage(index, sentence, inScope))
    .find((entry) => entry !== null);
  const at = quoted
    ? answer.related.findIndex(
        (r) => r.letterId === quoted.letter.id && r.passage === quoted.passage.n,
      )
    : -1;
  // Else a closest passage that states one of the claim's telling figures ("1,318") is what the
  // claim is about, though its other words differ ("laid" for "identified", a wrong year); else
  // one that states another figure of the same kind of the same thing ("produced in 2021" for
  // the claim's "produced in 2019"): the search took the claim's year for a time to keep to.
  const rivals = (r: AnswerResult) => figureDifferences(claim, [r.text]).length > 0;
  let i = at >= 0 ? at : answer.related.findIndex((r) => sharesAFigure(claim, r.text));
  if (i < 0) i = answer.related.findIndex(rivals);
  const first = answer.related[i];
  if (!first) return { kind: 'absent', answer };
  const results = [first, ...answer.related.filter((_, k) => k !== i)];
  return { kind: 'close', answer: { ...answer, results, related: [] }, pieces: [], sentences: 0 };
}

/** The pieces in the order their sentences stand in the claim. */
function inClaimOrder(claim: string, pieces: FoundPiece[]): FoundPiece[] {
  return pieces
    .map((piece) => ({ piece, at: claim.indexOf(piece.text) }))
    .sort((a, b) => a.at - b.at)
    .map(({ piece }) => piece);
}

/**
 * Words that turn a statement into its opposite ("not", "neither … nor", "never"; "t" of "isn't"),
 * and the words they stand in place of ("and" of "neither marking nor fencing").
 */
const NEGATIONS = new Set(
  'not no never neither nor none nothing nobody nowhere cannot t'.split(' '),
);
const NEGATED = new Set(['and', 'or']);
/** A claim of fewer words than this says too little to be read as the opposite of a passage. */
const MIN_REVERSED_WORDS = 3;

/**
 * The passage that says the opposite of a claim's sentence: its words as written but for a
 * negation the claim leaves out or adds ("There is marking and fencing" of "There is neither
 * marking nor fencing"), with those words as its differences.
 */
function reversedPassage(
  index: SearchIndex,
  sentence: string,
  inScope: (id: number) => boolean,
  first: readonly number[],
): { letter: Letter; passage: Passage; differences: Difference[] } | null {
  const claim = wordsOf(sentence);
  if (claim.length < MIN_REVERSED_WORDS) return null;
  const negates = (text: string) => wordsOf(text).some((w) => NEGATIONS.has(w.folded));
  const polar = (text: string) =>
    wordsOf(text).every((w) => NEGATIONS.has(w.folded) || NEGATED.has(w.folded));
  for (const id of new Set([...first, ...nearCandidates(index, sentence, 0)])) {
    if (!inScope(id)) continue;
    const entry = index.passage(id);
    if (!entry) continue;
    const aligned = alignWords(claim, wordsOf(entry.passage.text), 2);
    if (!aligned || aligned.runs.length === 0) continue;
    const differences = aligned.runs.map((run) => ({
      passage: run.passage ? entry.passage.text.slice(run.passage.start, run.passage.end) : '',
      claim: run.claim ? sentence.slice(run.claim.start, run.claim.end) : '',
    }));
    if (
      differences.every((d) => polar(d.passage) && polar(d.claim)) &&
      differences.some((d) => negates(d.passage) !== negates(d.claim))
    )
      return { ...entry, differences };
  }
  return null;
}

/** A sentence of the claim and the passage that holds it, exactly or nearly. */
interface FoundPiece {
  text: string;
  letter: Letter;
  passage: Passage;
  exact: boolean;
  differences: Difference[];
  speaker?: string;
}

/**
 * The closest passages of a claim some of whose sentences a passage holds: those passages first,
 * in the claim's order, then the search's own, `CLOSE_PASSAGES` or as many as the sentences need.
 */
function withPieces(
  answer: Answer,
  found: FoundPiece[],
  sentences: number,
  repeated: number,
): Verdict {
  const results: AnswerResult[] = [];
  const pieces: PieceMatch[] = [];
  const key = (letterId: string, n: number) => `${letterId}#${n}`;
  const at = new Map<string, number>();
  for (const piece of found) {
    const k = key(piece.letter.id, piece.passage.n);
    let i = at.get(k);
    if (i === undefined) {
      i = results.length;
      at.set(k, i);
      results.push(passageResult(piece.letter, piece.passage));
    }
    pieces.push({
      text: piece.text,
      result: i,
      exact: piece.exact,
      differences: piece.differences,
      ...(piece.speaker ? { speaker: piece.speaker } : {}),
    });
  }
  for (const r of [...answer.results, ...answer.related]) {
    if (results.length >= CLOSE_PASSAGES) break;
    if (at.has(key(r.letterId, r.passage))) continue;
    at.set(key(r.letterId, r.passage), results.length);
    results.push(r);
  }
  return {
    kind: 'close',
    answer: { ...answer, abstained: false, reason: null, results, related: [] },
    pieces,
    sentences,
    ...(repeated > 0 ? { repeated } : {}),
  };
}

/**
 * The sentences of a claim (each line on its own, a quote and a comment under it being two) that
 * a passage holds as written or nearly, in the claim's order.
 */
function matchPieces(
  index: SearchIndex,
  pieces: string[],
  inScope: (id: number) => boolean,
): FoundPiece[] {
  const found: FoundPiece[] = [];
  for (const piece of pieces) {
    const exact = quotingPassage(index, piece, inScope) ?? attributedQuote(index, piece, inScope);
    if (exact) {
      found.push({ text: piece, ...exact, exact: true, differences: [] });
      continue;
    }
    // Words quoted as written after someone they are not by ("Albania says 70 per cent of …" of
    // Serbia's speech): the speaker is the difference, not the attribution's words against the
    // passage's ("small Serbia" where the claim has "Albania says").
    const near =
      attributedNearPassage(index, piece, inScope) ??
      otherSpeakers(index, piece, inScope, true) ??
      nearPassage(index, piece, inScope);
    if (near) {
      found.push({ text: piece, ...near, exact: false });
      continue;
    }
    const misattributed = otherSpeakers(index, piece, inScope);
    if (misattributed) found.push({ text: piece, ...misattributed });
  }
  return found;
}

/**
 * Verbs that name who says what follows ("Sweden says", "Azerbaijan claims that"), in the forms
 * a poster writes them.
 */
const SPEAKING_VERBS = [
  'says?|said|saying',
  'claims?|claimed',
  'states?|stated',
  'reports?|reported',
  'writes|wrote|written',
  'notes?|noted',
  'asserts?|asserted',
  'declares?|declared',
  'insists?|insisted',
  'alleges?|alleged',
  'argues?|argued',
  'announces?|announced',
  'maintains?|maintained',
  'tells|told',
].join('|');

/**
 * A leading clause that names the source of what follows: "According to the 2023 letter," or
 * a few words (the speaker, "In the 2022 letter Azerbaijan") and a speaking verb, then "that",
 * a comma or a colon, or the claim itself ("Sweden says Norway and Sweden received …").
 */
const LEADING_ATTRIBUTION = new RegExp(
  `^\\s*(?:according\\s+to\\s+(?<source>[^,:;.!?\\n]{1,80}?)\\s*[,:]|(?<speaker>(?:[\\p{L}\\p{N}'’.-]+\\s+){0,5}?[\\p{L}\\p{N}'’.-]+)\\s+(?:${SPEAKING_VERBS})\\b(?:\\s+that\\b|\\s*[,:])?)\\s*`,
  'iu',
);

/**
 * The words of attribution a claim opens with (`LEADING_ATTRIBUTION`): whom they name (`source`),
 * and where the claim's own words start (`at`). Null when it opens with none.
 */
export function leadingAttribution(claim: string): { source: string; at: number } | null {
  const m = LEADING_ATTRIBUTION.exec(claim);
  if (!m?.groups) return null;
  const source = m.groups.source ?? m.groups.speaker ?? '';
  return { source, at: m[0].length };
}

/**
 * Whether words of attribution name a passage's own source, or no one: each of their content
 * words (a State, a year, "letter") is one of the document's description (its title, kind, date,
 * symbol) or of the passage's part (an annex's own title). A speaker it does not name ("Norway
 * says" of Sweden's speech) may be the claim's error, so those words stay the claim's.
 */
function namesSourceOf(source: string, entry: { letter: Letter; passage: Passage }): boolean {
  const r = passageResult(entry.letter, entry.passage);
  const described = new Set(
    analyze(
      [
        entry.letter.title,
        entry.letter.kind,
        entry.letter.symbol ?? '',
        r.attribution,
        r.citation,
      ].join(' '),
    ).map((t) => t.concept),
  );
  return analyze(source)
    .filter((t) => t.weight === 1)
    .every((t) => described.has(t.concept));
}

/**
 * The passage that quotes a claim (or a sentence of it) after its words of attribution
 * (`leadingAttribution`) as written, when those words name that passage's source: "Sweden says"
 * names the source of the quote, no words of it.
 */
function attributedQuote(
  index: SearchIndex,
  claim: string,
  inScope: (id: number) => boolean,
): { letter: Letter; passage: Passage } | null {
  const attribution = leadingAttribution(claim);
  if (!attribution) return null;
  const entry = quotingPassage(index, claim.slice(attribution.at), inScope);
  return entry && namesSourceOf(attribution.source, entry) ? entry : null;
}

/** `nearPassage` of a claim's sentence after its words of attribution, as `attributedQuote`. */
function attributedNearPassage(
  index: SearchIndex,
  piece: string,
  inScope: (id: number) => boolean,
): ReturnType<typeof nearPassage> {
  const attribution = leadingAttribution(piece);
  if (!attribution) return null;
  const near = nearPassage(index, piece.slice(attribution.at), inScope);
  return near && namesSourceOf(attribution.source, near) ? near : null;
}

/**
 * The passage that holds a claim's words after its words of attribution, as written or nearly,
 * when those words name someone else ("Armenia says there is neither marking nor fencing" of
 * Azerbaijan's letter): whom the claim names is kept as its `speaker`, a difference. With
 * `asWritten`, only words a passage holds as written.
 */
function otherSpeakers(
  index: SearchIndex,
  piece: string,
  inScope: (id: number) => boolean,
  asWritten = false,
): Omit<FoundPiece, 'text'> | null {
  const attribution = leadingAttribution(piece);
  if (!attribution) return null;
  const words = piece.slice(attribution.at);
  const exact = quotingPassage(index, words, inScope);
  if (!exact && asWritten) return null;
  const found = exact ? { ...exact, differences: [] } : nearPassage(index, words, inScope);
  // A passage that reports their words ("Armenia claimed that …") is theirs to quote.
  const speaker = new Set(analyze(attribution.source).map((t) => t.concept));
  if (!found || reportsSpeechOf(found.passage.text, speaker)) return null;
  return { ...found, exact: false, speaker: attribution.source };
}

/**
 * The sentences of a claim long enough to quote, each line on its own, from its start, each once
 * (as `normalizeForMatch` reads them); and how many repeat one before them.
 */
function claimPieces(claim: string): { sentences: string[]; repeated: number } {
  const seen = new Set<string>();
  const sentences: string[] = [];
  let repeated = 0;
  for (const line of claim.split(/\n+/))
    for (const { start, end } of sentenceSpans(line)) {
      const piece = line.slice(start, end);
      if (piece.trim().length < MIN_VERBATIM_LENGTH) continue;
      const key = quoteNeedle(piece);
      if (seen.has(key)) repeated += 1;
      else if (sentences.length < MAX_PIECES) {
        seen.add(key);
        sentences.push(piece);
      }
    }
  return { sentences, repeated };
}

/** A word of a text, where it stands, folded for comparing. */
interface Word {
  start: number;
  end: number;
  folded: string;
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    folded: fold(m[0]),
  }));
}

/**
 * The passage that holds `piece` nearly word for word: the fewest words added, left out or
 * changed (an edit distance over words, the passage's words before and after the quote free),
 * at most one in `NEAR_WORDS_PER_DIFFERENCE`. Punctuation, quote marks and dashes are no words.
 */
function nearPassage(
  index: SearchIndex,
  piece: string,
  inScope: (id: number) => boolean,
): { letter: Letter; passage: Passage; differences: Difference[] } | null {
  const claim = wordsOf(piece);
  if (claim.length < MIN_NEAR_WORDS) return null;
  const allowed = Math.max(1, Math.floor(claim.length / NEAR_WORDS_PER_DIFFERENCE));
  let best: { letter: Letter; passage: Passage; differences: Difference[]; cost: number } | null =
    null;
  for (const id of nearCandidates(index, piece, allowed)) {
    if (!inScope(id)) continue;
    const entry = index.passage(id);
    if (!entry) continue;
    const aligned = alignWords(claim, wordsOf(entry.passage.text), allowed);
    if (!aligned || (best && aligned.cost >= best.cost)) continue;
    const differences = aligned.runs.map((run) => ({
      passage: run.passage ? entry.passage.text.slice(run.passage.start, run.passage.end) : '',
      claim: run.claim ? piece.slice(run.claim.start, run.claim.end) : '',
    }));
    best = { ...entry, differences, cost: aligned.cost };
  }
  return (
    best && {
      letter: best.letter,
      passage: best.passage,
      differences: figuresNamed(piece, best.passage.text, best.differences),
    }
  );
}

/** Whether `text` holds the words of `words` side by side (`wordsOf`, folded). */
function holdsWords(text: string, words: string): boolean {
  const folded = (t: string) =>
    ` ${wordsOf(t)
      .map((w) => w.folded)
      .join(' ')} `;
  return folded(text).includes(folded(words));
}

/**
 * A near quote's differences, with a figure of the claim that the passage states otherwise named
 * as such (`figureDifferences`: "2019" where the claim has "2018") in place of the run of words
 * that holds it. The alignment reads only words, and of readings as cheap may pair the claim's
 * figure with any words ("and explosive" for "in 2018", where the passage goes on "…remnants of
 * war in 2019"); a wrong figure is what a moderator checks a claim for.
 */
function figuresNamed(piece: string, text: string, differences: Difference[]): Difference[] {
  const figures = figureDifferences(piece, [text]);
  if (figures.length === 0) return differences;
  const named = [...differences];
  for (const figure of figures) {
    const at = named.findIndex((d) => holdsWords(d.claim, figure.claim));
    // A run that pairs the figure with the passage's own ("Statment, 400" and "Statement, 314")
    // names it already, and the words beside it too.
    const run = named[at];
    if (run && !holdsWords(run.passage, figure.passage))
      named[at] = { passage: figure.passage, claim: figure.claim };
  }
  return named;
}

/** The words of a quote that the letters' own wording decides: the glossary's forms left out. */
function quotedWords(text: string) {
  return analyze(text).filter((t) => t.weight === 1 && !isGlossaryConcept(t.concept));
}

/** Concept ids, each once, the rarest in the letters first. */
function rarestFirst(index: SearchIndex, ids: readonly number[]): number[] {
  return [...new Set(ids)].sort(
    (a, b) => index.documentFrequencyOf(a) - index.documentFrequencyOf(b),
  );
}

/** How many of a claim's rarest words pick the passages a near quote is looked for in. */
const RARE_WORDS = 5;
/** At most this many passages are aligned with a claim's sentence, those holding most of its rare words. */
const NEAR_CANDIDATES = 100;

/**
 * The passages that may hold `piece` nearly word for word: those holding all of its rarest words
 * (`RARE_WORDS` of those the letters have) but as many as it may differ by (`allowed`), most
 * first, `NEAR_CANDIDATES` at most. Counted over those words' postings only: a sentence of common
 * words ("peace and development for all nations") reads no passage's text it could not match.
 */
function nearCandidates(index: SearchIndex, piece: string, allowed: number): number[] {
  const ids = rarestFirst(
    index,
    quotedWords(piece)
      .map((t) => index.conceptId(t.concept))
      .filter((id) => id >= 0),
  ).slice(0, RARE_WORDS);
  const held = new Map<number, number>();
  for (const id of ids)
    for (const passage of index.postings(id)) held.set(passage, (held.get(passage) ?? 0) + 1);
  const needed = Math.max(1, ids.length - allowed);
  return [...held]
    .filter(([, count]) => count >= needed)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, NEAR_CANDIDATES)
    .map(([passage]) => passage);
}

/** A run of words that differ: its span in the claim and in the passage (null: none there). */
interface Run {
  claim: { start: number; end: number } | null;
  passage: { start: number; end: number } | null;
}

/**
 * What each difference costs in the alignment: a passage's word the claim leaves out costs half
 * of a word it changes or adds, so that a claim that leaves words out of the middle of a sentence
 * ("The practical utility of the minefield maps" of "The practical utility of the records of the
 * minefield maps") is read so, not as its own words changed where fewer passage words stand in
 * between ("records" where the claim has "practical utility").
 */
const LEFT_OUT = 1;
const CHANGED = 2;
const ADDED = 2;

/**
 * The claim's words aligned within the passage's (semi-global edit distance over words), when it
 * costs at most `allowed` words changed or added (`CHANGED` each; a word left out costs less): the
 * cost and the runs of words that differ.
 */
function alignWords(
  claim: Word[],
  passage: Word[],
  allowed: number,
): { cost: number; runs: Run[] } | null {
  const m = claim.length;
  const n = passage.length;
  const width = n + 1;
  const budget = allowed * CHANGED;
  const cost = new Uint16Array((m + 1) * width);
  for (let i = 1; i <= m; i++) cost[i * width] = i * ADDED;
  for (let i = 1; i <= m; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= n; j++) {
      const same = claim[i - 1]!.folded === passage[j - 1]!.folded ? 0 : CHANGED;
      const value = Math.min(
        cost[(i - 1) * width + j - 1]! + same,
        cost[(i - 1) * width + j]! + ADDED,
        cost[i * width + j - 1]! + LEFT_OUT,
      );
      cost[i * width + j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (Math.min(rowMin, cost[i * width]!) > budget) return null;
  }
  let end = 0;
  // Of ends as cheap, the last: a changed last word is then read as changed ("district" where the
  // claim has "region"), as a changed first word is, not as a word the passage lacks.
  for (let j = 1; j <= n; j++) if (cost[m * width + j]! <= cost[m * width + end]!) end = j;
  const total = cost[m * width + end]!;
  if (total > budget) return null;
  // Walk back from the best end, collecting the words that differ.
  const ops: { claim: number | null; passage: number | null }[] = [];
  let i = m;
  let j = end;
  while (i > 0) {
    const here = cost[i * width + j]!;
    if (j > 0) {
      const same = claim[i - 1]!.folded === passage[j - 1]!.folded ? 0 : CHANGED;
      const leftOut = here === cost[i * width + j - 1]! + LEFT_OUT;
      // Of readings as cheap, the passage's words left out before a claim's word changed: "Norway
      // received" of "Norway and Sweden received" leaves out "and Sweden"; it does not change
      // "Norway" into "Sweden".
      if (here === cost[(i - 1) * width + j - 1]! + same && !(same && leftOut)) {
        if (same) ops.push({ claim: i - 1, passage: j - 1 });
        else ops.push({ claim: -1, passage: -1 }); // a boundary between runs: matched
        i--;
        j--;
        continue;
      }
      if (leftOut) {
        ops.push({ claim: null, passage: j - 1 });
        j--;
        continue;
      }
    }
    ops.push({ claim: i - 1, passage: null });
    i--;
  }
  ops.reverse();
  const runs: Run[] = [];
  let run: Run | null = null;
  for (const op of ops) {
    if (op.claim === -1) {
      if (run) runs.push(run);
      run = null;
      continue;
    }
    run ??= { claim: null, passage: null };
    if (op.claim !== null) {
      const w = claim[op.claim]!;
      run.claim = { start: run.claim?.start ?? w.start, end: w.end };
    }
    if (op.passage !== null) {
      const w = passage[op.passage]!;
      run.passage = { start: run.passage?.start ?? w.start, end: w.end };
    }
  }
  if (run) runs.push(run);
  return { cost: total, runs };
}

/** The passage that holds `text` as written (`normalizeForMatch`), when it is long enough to say so. */
function quotingPassage(
  index: SearchIndex,
  text: string,
  inScope: (id: number) => boolean = () => true,
): { letter: Letter; passage: Passage } | null {
  const needle = quoteNeedle(text);
  if (needle.length < MIN_VERBATIM_LENGTH) return null;
  for (const id of candidates(index, text)) {
    if (!inScope(id)) continue;
    const entry = index.passage(id);
    if (entry && normalizeForMatch(entry.passage.text).includes(needle)) return entry;
  }
  return null;
}

/** The sentences of a claim, longest first. */
function claimSentences(claim: string): string[] {
  return sentenceSpans(claim)
    .map(({ start, end }) => claim.slice(start, end))
    .sort((a, b) => b.length - a.length);
}

/** How many of a quote's rarest inner words a passage must all hold to be read for it. */
const VERBATIM_WORDS = 3;

/**
 * The passages that could quote `claim` verbatim: those holding all of its rarest inner words
 * (the first and last words may be cut short in a pasted quote, so they are not relied on), the
 * postings of the rarest narrowed by the next ones; every passage when no word inside it is one
 * the letters hold. A sentence of common words would else have every passage holding its rarest
 * word normalized and searched: seconds in 10,000 speeches.
 */
function candidates(index: SearchIndex, claim: string): Iterable<number> {
  const ids: number[] = [];
  for (const term of quotedWords(claim).slice(1, -1)) {
    const id = index.conceptId(term.concept);
    if (id < 0) return [];
    ids.push(id);
  }
  if (ids.length === 0) return Array.from({ length: index.size }, (_, id) => id);
  const [rarest, ...others] = rarestFirst(index, ids)
    .slice(0, VERBATIM_WORDS)
    .map((id) => index.postings(id));
  return [...(rarest ?? [])].filter((passage) =>
    others.every((postings) => {
      const at = lowerBound(postings, passage);
      return postings[at] === passage;
    }),
  );
}
