import type { Letter, Passage } from '../corpus/schema.ts';
import { sentenceSpans } from '../corpus/sentences.ts';
import { type Answer, type AnswerResult, answerQuestion, passageResult } from './answer.ts';
import {
  attributedNearPassage,
  attributedQuote,
  leadingAttribution,
  otherSpeakers,
} from './attribution.ts';
import {
  type Figure,
  type FigureDifference,
  figureDifferences,
  type FigureStatement,
  figureStatedElsewhere,
  sharesAFigure,
  statedAs,
  unstatedFigures,
  writtenIn,
} from './check-figures.ts';
import {
  type Difference,
  MIN_VERBATIM_LENGTH,
  nearPassage,
  quotedSpan,
  quoteNeedle,
  quotingPassage,
  reversedPassage,
} from './quote-match.ts';
import type { SearchIndex } from './search-index.ts';

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

/** Sentences of a long message looked at, from its start. */
const MAX_PIECES = 20;

/** Close passages shown for a claim not quoted verbatim. */
export const CLOSE_PASSAGES = 3;

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
    // A passage added for another figure may state this one too ("314 …, 61 of whom have died").
    const addedFor = figures.find((f) => writtenIn(results[f.result]?.text ?? '', figure));
    if (addedFor) {
      figures.push({
        claim: figure.written,
        result: addedFor.result,
        passage: writtenIn(results[addedFor.result]?.text ?? '', figure) ?? figure.written,
        elsewhere: true,
      });
      continue;
    }
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

/** The sentences of a claim, longest first. */
function claimSentences(claim: string): string[] {
  return sentenceSpans(claim)
    .map(({ start, end }) => claim.slice(start, end))
    .sort((a, b) => b.length - a.length);
}
