import { englishWordNet } from './wordnet.ts';
import { dayNumber } from '../corpus/dates.ts';
import { QUESTIONER } from '../corpus/meeting-record.ts';
import { isTableText } from '../corpus/tables.ts';
import type { Letter } from '../corpus/schema.ts';
import {
  analyze,
  conceptOf,
  isStopWord,
  isYearAsWritten,
  type PassageReading,
  readPassage,
  tokenize,
} from './analyze.ts';
import { type Candidate, type CandidateSet, type Scope, specificityOf } from './candidates.ts';
import {
  CLOCK,
  countsOf,
  type CountQuery,
  DURATION,
  FREQUENCY,
  isSignature,
  describesName,
  namesAgent,
  namesAPerson,
  namesAState,
  namesAPlace,
  ofTime,
  PERCENTAGE,
  REASON,
  speaks,
  statesFigure,
  statesFuture,
  statesMeasure,
  statesMoney,
  statesTimeBeyond,
  TIME,
  TOTAL,
} from './evidence.ts';
import { WEIGHTS } from './model.ts';
import { mostlyVerb } from './answer-type.ts';
import {
  isEnglishWord,
  isNameOnly,
  isNamingSlot,
  type ParsedQuestion,
  type Slot,
} from './question.ts';
import { type IndexedPassage, isHeading } from './index-entries.ts';
import type { SearchIndex } from './search-index.ts';

/**
 * The features of a candidate passage for a question: small pure functions, each returning a
 * number, computed from the first stage's match and the passage's cached reading. The fitted
 * model (`model.ts`) weighs them; nothing here decides on its own.
 */

/** Feature groups, for the ablation `npm run eval` prints. */
export type FeatureGroup =
  'lexical' | 'meaning' | 'closeness' | 'heading' | 'time' | 'answer type' | 'kind';

/** What one question brings to every candidate's features: read once. */
export interface QuestionContext {
  index: SearchIndex;
  q: ParsedQuestion;
  set: CandidateSet;
  scope: Scope;
  /** The best first-stage score, and each document's best. */
  bestFirst: number;
  documentBest: Map<Letter, number>;
  /** Per document, the slots its candidates and headings hold between them. */
  documentMask: Map<Letter, number>;
  /** The answer-type features this question asks for: one of them must be stated to answer. */
  asked: ReadonlySet<string>;
  /**
   * The concepts the question's words stand for, with their values: what an excerpt marks (not
   * the neighbours in meaning of a word the letters lack).
   */
  weights: Map<string, number>;
  /** Per slot bit: its value. */
  bitValue: Map<number, number>;
  /** Per document among the candidates: how many of them it offers, and how many hold each slot (by bit). */
  documentHeld: Map<Letter, { offered: number; held: Map<number, number> }>;
  /** Per candidate id, its sentences' slot bits (`sentenceMasks`) and its answer sentence, read once. */
  sentences: Map<number, (Span & { mask: number })[]>;
  answers: Map<number, Span & { score: number }>;
  /** Concept → bits of the slots it stands for, and of those it stands for as written. */
  bitsOf: Map<string, number>;
  exactBitsOf: Map<string, number>;
  /** The question's word keys (stop words included) and which are content words, for runs. */
  runKeys: string[];
  runContent: boolean[];
  /** Per key, where it stands in the question. */
  runAt: Map<string, number[]>;
  count: CountQuery | null;
  /** A count next to the verb asked ("how many were evacuated"). */
  countByVerb: CountQuery | null;
  speaker: ReadonlySet<string> | null;
  /**
   * Whose turns of a meeting's record the question asks for: its speaker's, or whom it cites
   * ("according to Drusania, what damaged the plant"); null when neither.
   */
  turnsOf: ReadonlySet<string> | null;
  /** Concepts of the thing asked for ("what is the name of X": name). */
  focus: ReadonlySet<string> | null;
  /**
   * When "which X" asks for a State (X is a political unit: "country", "nation"), the question's
   * words, folded: a State it names is not the one it asks for; else null.
   */
  group: ReadonlySet<string> | null;
  /** For "who is X" of a name X ("who is Jeyhun Bayramov"): X's concepts, to be described. */
  described: ReadonlySet<string> | null;
  /** Concepts of the verb the answer must hold ("who built …"). */
  predicate: ReadonlySet<string> | null;
  /** Concepts of what a measure is asked of ("how strong was the cyclone": cyclone). */
  measured: ReadonlySet<string>;

  /**
   * Bits of the slots that only name the documents or the time ("Kazakhstan", "1997", "GA
   * speech"): every passage of the documents named holds them in its headings.
   */
  namingBits: number;
  /** Bits of the slots that are names ("Kalbajar", "ANAMA"), and of those that are verbs. */
  nameBits: number[];
  /** Positions of the slots that are names, held by the letters or not. */
  nameSlots: number[];
  verbBits: number[];
  /** Figures the question states that are no year ("of the 2,700 landmines"). */
  figures: string[];
  /**
   * Every word of the question for the soft match: its specificity (a word the letters lack is
   * as specific as a word can be), its slot's bit (0 when the letters lack it), and its closeness
   * in meaning to each concept.
   */
  soft: { value: number; bit: number; similarity: Float32Array | null }[];
  softTotal: number;
  dateRange: { from: number; to: number; upTo: boolean } | null;
}

/** A feature: its name, its group, and how it is read. */
interface Feature {
  name: string;
  group: FeatureGroup;
  read: (ctx: QuestionContext, c: Candidate, reading: CandidateReading) => number;
}

/** What is read once per candidate for several features. */
interface CandidateReading {
  rank: number;
  text: string;
  /** Concepts of the passage's terms. */
  concepts: ReadonlySet<string>;
  /** Largest value of slots held by one sentence. */
  sentenceValue: number;
  /** Longest run of the question's words in order. */
  run: number;
  /** Share of the question's specificity the passage holds, a word by itself or by its closest word in meaning. */
  soft: number;
}

/** Months from one YYYYMMDD day to a later one, by calendar month. */
function monthsBetween(earlier: number, later: number): number {
  const month = (day: number) => Math.floor(day / 10000) * 12 + (Math.floor(day / 100) % 100);
  return month(later) - month(earlier);
}

const has = (flag: boolean) => (flag ? 1 : 0);

/** A span of a passage's text: a sentence, or the whole passage. */
interface Span {
  start: number;
  end: number;
}

/**
 * Per answer type a question may ask for, whether a span of a passage (a sentence, or the whole)
 * states one: the evidence that it gives what is asked.
 */
export const STATES: Readonly<
  Record<string, (x: QuestionContext, entry: IndexedPassage, span: Span) => boolean>
> = {
  count: (x, { passage }, span) => x.count !== null && countsOf(passage.text, x.count, 1, span) > 0,
  figure: (_, e, span) => statesFigure(e.passage.text, span),
  // "when was the deal signed" of a 2016 speech: a time beyond the one the question names.
  // "when did the meeting rise": a time of day tells when too ("The meeting rose at 11.40 a.m.").
  time: (x, e, span) =>
    x.q.date === null
      ? states(x, 'a time', e, span) || CLOCK.test(slice(e, span))
      : statesTimeBeyond(slice(e, span), x.q.date),
  duration: (_, e, span) => DURATION.test(slice(e, span)),
  frequency: (_, e, span) => FREQUENCY.test(slice(e, span)),
  money: (_, e, span) => statesMoney(slice(e, span)),
  percentage: (_, e, span) => PERCENTAGE.test(slice(e, span)),
  // "how much did Norway promise": a sum of money is the amount asked for too.
  measure: (x, e, span) =>
    statesMeasure(slice(e, span), x.measured, true) ||
    (x.q.frame.amount && statesMoney(slice(e, span))),
  clock: (_, e, span) => CLOCK.test(slice(e, span)),
  future: (_, e, span) => statesFuture({ ...e, passage: { ...e.passage, text: slice(e, span) } }),
  // "who planted …": a name, or the agent of the verb asked ("by a sabotage group"); "who is
  // Jeyhun Bayramov": what the passage calls him ("Jeyhun Bayramov, Minister for Foreign
  // Affairs"), not his name alone under a signature.
  person: (x, e, span) =>
    x.described !== null
      ? describesName(e.passage.text, x.described, span)
      : states(x, 'person name', e, span) ||
        // "which country …": a State answers, named as one ("Australia"), not as a person is.
        (x.group !== null && namesAState(slice(e, span), x.group, authorWords(e.letter))) ||
        (x.predicate !== null &&
          namesAgent(e.passage.text, readPassage(e.passage.text).terms, x.predicate, span)) ||
        // "who called for an investigation": in a meeting's record, who speaks a turn's "we call
        // for …" is the turn's speaker, whom the record names.
        (e.passage.speaker !== undefined && FIRST_PERSON.test(slice(e, span))),
  place: (_, e, span) => namesAPlace(slice(e, span)),
  reason: (_, e, span) => REASON.test(slice(e, span)),
  speaker: (x, e) => x.speaker !== null && speaks(e, x.speaker),
  focus: (x, { passage }, span) =>
    x.focus !== null &&
    readPassage(passage.text).terms.some(
      (t) => t.start >= span.start && t.end <= span.end && x.focus?.has(t.concept),
    ),
  'signature asked': (_, e, span) => isSignature(slice(e, span)),
};

/** The text of a span of a passage. */
function slice({ passage }: IndexedPassage, span: Span): string {
  return span.start === 0 && span.end === passage.text.length
    ? passage.text
    : passage.text.slice(span.start, span.end);
}

/** Readers of a passage's text that are part of an answer type's reading, not one of their own. */
const PARTS: Readonly<
  Record<string, (x: QuestionContext, entry: IndexedPassage, span: Span) => boolean>
> = {
  'person name': (_, e, span) => namesAPerson(slice(e, span)),
  'a time': (_, e, span) => TIME.test(slice(e, span)),
};
/** Every reader `states` may be asked for. */
const READERS = { ...STATES, ...PARTS };

/** The answer types that depend on the text alone, not on the question: read once per text. */
const TEXT_ONLY = new Set([
  'figure',
  'a time',
  'duration',
  'frequency',
  'money',
  'percentage',
  'clock',
  'person name',
  'place',
  'reason',
  'signature asked',
]);
/** Per answer type that depends on the text alone, its bit in a span's known and stated bits. */
const TEXT_ONLY_BIT: ReadonlyMap<string, number> = new Map(
  [...TEXT_ONLY].map((name, i) => [name, 1 << i]),
);
/** A span's stated bits are kept above its known bits. */
const STATED_SHIFT = 16;
/** Per passage text (its reading), the answer types each span states, by the span's start and end. */
const spanStates = new WeakMap<PassageReading, Map<number, number>>();

/**
 * Whether a span of a passage states an answer type, remembered per passage and span for those
 * that depend on the text alone (a span is read for each question that asks for that type).
 */
export function states(
  x: QuestionContext,
  name: string,
  entry: IndexedPassage,
  span: Span,
): boolean {
  const read = READERS[name];
  if (!read) return false;
  const bit = TEXT_ONLY_BIT.get(name);
  if (bit === undefined) return read(x, entry, span);
  const { text } = entry.passage;
  const reading = readPassage(text);
  let known = spanStates.get(reading);
  if (!known) spanStates.set(reading, (known = new Map()));
  const key = span.start * (text.length + 1) + span.end;
  let bits = known.get(key) ?? 0;
  if ((bits & bit) === 0) {
    bits |= bit | (read(x, entry, span) ? bit << STATED_SHIFT : 0);
    known.set(key, bits);
  }
  return (bits & (bit << STATED_SHIFT)) !== 0;
}

/** The share of the answer types a question asks for that a span states (1 when it asks none). */
export function statedShare(x: QuestionContext, entry: IndexedPassage, span: Span): number {
  if (x.asked.size === 0) return 1;
  let stated = 0;
  for (const name of x.asked) if (states(x, name, entry, span)) stated += 1;
  return stated / x.asked.size;
}

/** The features, in the order the model's weights follow. */
export const FEATURES: readonly Feature[] = [
  { name: 'first', group: 'lexical', read: (x, c) => c.first / (x.bestFirst || 1) },
  { name: 'bm25', group: 'lexical', read: (_, c) => Math.log1p(c.bm25) },
  { name: 'rank', group: 'lexical', read: (_, __, r) => 1 / (1 + r.rank) },
  {
    name: 'coverage',
    group: 'lexical',
    read: (x, c) => Math.min(1, valueOf(x, c.mask) / (x.set.totalValue || 1)),
  },
  {
    name: 'exact coverage',
    group: 'lexical',
    read: (x, _, r) => {
      // The question's concepts are few, a passage's many: look the question's up in the passage.
      let bits = 0;
      for (const [concept, slotBits] of x.exactBitsOf)
        if (r.concepts.has(concept)) bits |= slotBits;
      return valueOf(x, bits) / (x.set.totalValue || 1);
    },
  },
  { name: 'evidence', group: 'lexical', read: (_, c) => c.evidence },
  {
    name: 'document',
    group: 'lexical',
    read: (x, c) => (x.documentBest.get(c.entry.letter) ?? 0) / (x.bestFirst || 1),
  },
  {
    name: 'document names',
    group: 'lexical',
    read: (x, c) => heldShare(x.nameBits, x.documentMask.get(c.entry.letter) ?? 0),
  },
  {
    name: 'document coverage',
    group: 'lexical',
    read: (x, c) => valueOf(x, x.documentMask.get(c.entry.letter) ?? 0) / (x.set.totalValue || 1),
  },
  {
    // What the passage and the one before it hold together: a paragraph goes on from the last.
    // A signature goes on from no paragraph: it names who signed, not what they wrote.
    name: 'context coverage',
    group: 'lexical',
    read: (x, c, r) =>
      Math.min(
        1,
        valueOf(x, isSignature(r.text) ? c.mask : c.mask | c.contextMask) / (x.set.totalValue || 1),
      ),
  },
  {
    // What the passage and its section's heading hold together ("what does article 7 say about
    // returns": each paragraph of "Article 7 Right of return").
    name: 'section coverage',
    group: 'heading',
    read: (x, c) => Math.min(1, valueOf(x, c.mask | c.sectionMask) / (x.set.totalValue || 1)),
  },
  {
    // What the passage holds of what tells its document's passages apart: a word every passage
    // of the document offered holds ("Ostrelan" of the resolution on the Ostrelan Islands) names
    // the document, and tells none of its passages from another (user trial 30: "what was the
    // vote on the ostrelan islands resolution" quoted the resolution's title, not its vote).
    name: 'distinct coverage',
    group: 'lexical',
    read: (x, c) => {
      const document = x.documentHeld.get(c.entry.letter);
      if (!document) return 0;
      let held = 0;
      let total = 0;
      for (const s of x.set.slots) {
        const value = s.value * (1 - (document.held.get(s.bit) ?? 0) / document.offered);
        total += value;
        if ((c.mask & s.bit) !== 0) held += value;
      }
      return total > 0 ? held / total : 0;
    },
  },
  {
    name: 'length',
    group: 'lexical',
    read: (x, c) => Math.log1p(x.index.passageLength(c.id)),
  },
  { name: 'soft coverage', group: 'meaning', read: (_, __, r) => r.soft },
  {
    name: 'heading only',
    group: 'heading',
    read: (x, c) => valueOf(x, c.headingMask & ~c.mask & ~x.namingBits) / (x.set.totalValue || 1),
  },
  {
    name: 'named part',
    group: 'heading',
    read: (x, c) => has(x.scope.groups?.has(x.index.headingGroup(c.id)) ?? false),
  },
  {
    name: 'sentence',
    group: 'closeness',
    read: (x, _, r) => r.sentenceValue / (x.set.totalValue || 1),
  },
  { name: 'answer sentence', group: 'closeness', read: (x, c) => answerSentence(x, c).score },
  {
    name: 'run',
    group: 'closeness',
    read: (_, __, r) => r.run,
  },
  {
    name: 'in time',
    group: 'time',
    read: (x, c) => {
      const day = x.index.passageDay[c.id] ?? 0;
      return has(x.dateRange !== null && day >= x.dateRange.from && day <= x.dateRange.to);
    },
  },
  {
    name: 'years before',
    group: 'time',
    // "By September 2023": how long before the time named a document is dated, in years.
    read: (x, c) => {
      const day = x.index.passageDay[c.id] ?? 0;
      const range = x.dateRange;
      return range?.upTo && day > 0 && day < range.from ? monthsBetween(day, range.from) / 12 : 0;
    },
  },
  {
    name: 'tells of time',
    group: 'time',
    read: (x, c) => has(x.q.date !== null && ofTime(c.entry, x.q.date)),
  },
  ...Object.keys(STATES).map((name): Feature => ({
    name,
    group: 'answer type',
    read: (x, c) =>
      has(
        x.asked.has(name) &&
          states(x, name, c.entry, { start: 0, end: c.entry.passage.text.length }),
      ),
  })),
  {
    name: 'count by verb',
    group: 'answer type',
    read: (x, _, r) => has(x.countByVerb !== null && countsOf(r.text, x.countByVerb, 1) > 0),
  },
  {
    name: 'total',
    group: 'answer type',
    read: (x, _, r) =>
      has(
        x.q.frame.total &&
          x.count !== null &&
          (countsOf(r.text, x.count, 2) >= 2 ||
            (TOTAL.test(r.text) && countsOf(r.text, x.count, 1) > 0)),
      ),
  },
  {
    name: 'predicate',
    group: 'answer type',
    read: (x, _, r) => has(x.predicate !== null && [...x.predicate].some((f) => r.concepts.has(f))),
  },
  {
    name: 'names held',
    group: 'lexical',
    read: (x, c) => heldShare(x.nameBits, c.mask | c.headingMask),
  },
  { name: 'verbs held', group: 'lexical', read: (x, c) => heldShare(x.verbBits, c.mask) },
  {
    name: 'figures held',
    group: 'lexical',
    read: (x, _, r) =>
      x.figures.length === 0
        ? 1
        : x.figures.filter((f) => r.concepts.has(f)).length / x.figures.length,
  },
  {
    name: 'time held',
    group: 'time',
    read: (x, c) => {
      if (!x.q.date || x.q.date.upTo) return 1;
      const day = x.index.passageDay[c.id] ?? 0;
      const range = x.dateRange as { from: number; to: number };
      return has((day >= range.from && day <= range.to) || ofTime(c.entry, x.q.date));
    },
  },
  {
    name: 'signature',
    group: 'kind',
    read: (x, _, r) => has(x.q.frame.type !== 'person' && isSignature(r.text)),
  },
  { name: 'heading', group: 'kind', read: (_, c) => has(isHeading(c.entry.passage)) },
  {
    // A journalist's question in a briefing's transcript says again what a user asks, and
    // answers none of it: the answer is the turn after it (user trial 30).
    name: 'question turn',
    group: 'kind',
    read: (_, c) => has(c.entry.passage.speaker === QUESTIONER),
  },
  {
    // A heading dates its document: it answers "when was the note verbale put out", "the date
    // of the statement", a question that names a document, not when what a document tells of
    // happened ("when did the dam release happen").
    name: 'heading for a time',
    group: 'kind',
    read: (x, c) =>
      has(
        isHeading(c.entry.passage) &&
          x.asked.has('time') &&
          (x.q.frame.documentAct.length > 0 || x.q.letters !== null),
      ),
  },
  {
    name: 'heading for who',
    group: 'kind',
    read: (x, c) =>
      has(isHeading(c.entry.passage) && (x.asked.has('person') || x.asked.has('signature asked'))),
  },
  {
    name: 'heading of a letter named',
    group: 'kind',
    read: (x, c) => has(isHeading(c.entry.passage) && x.q.letters !== null),
  },
  {
    name: 'opening',
    group: 'kind',
    read: (x, c) => {
      const { letter, passage } = c.entry;
      const first = letter.passages.find(
        (p) => p.part === passage.part && p.partIndex === passage.partIndex,
      );
      return has(first === passage && x.q.letters !== null);
    },
  },
];

/** The feature names, in order. */
export const FEATURE_NAMES: readonly string[] = FEATURES.map((f) => f.name);

/** The share of `bits` set in `mask` (1 when there are none). */
function heldShare(bits: readonly number[], mask: number): number {
  if (bits.length === 0) return 1;
  return bits.filter((b) => (mask & b) !== 0).length / bits.length;
}

/** Sum of the values of the slots in `bits`. */
function valueOf(x: QuestionContext, bits: number): number {
  let v = 0;
  for (const s of x.set.slots) if ((bits & s.bit) !== 0) v += s.value;
  return v;
}

/** The longest run of the question's keys a passage repeats in order (two content words at least). */
function longestRun(x: QuestionContext, passage: readonly string[]): number {
  const { runKeys: question, runContent: content, runAt } = x;
  let best = 0;
  for (let j = 0; j < passage.length; j++) {
    const starts = runAt.get(passage[j] as string);
    if (starts === undefined) continue;
    for (const i of starts) {
      let run = 0;
      let words = 0;
      while (i + run < question.length && passage[j + run] === question[i + run]) {
        if (content[i + run]) words += 1;
        run += 1;
      }
      if (words >= 2 && run > best) best = run;
    }
  }
  return best;
}

const GOVERNMENT: ReadonlySet<string> = new Set(['government', 'govt', 'gov', 'authorities']);
/** The words of a document's author, folded ("azerbaijan"): the State that speaks is not the one asked for. */
function authorWords(letter: Letter): ReadonlySet<string> {
  let words = authorWordsOf.get(letter);
  if (!words)
    authorWordsOf.set(letter, (words = new Set(tokenize(letter.author ?? '').map((t) => t.word))));
  return words;
}
/** `authorWords` per document, read once: it is asked of every sentence a "which country" question ranks. */
const authorWordsOf = new WeakMap<Letter, ReadonlySet<string>>();

/**
 * Who a question asks to speak, as the concepts a passage's sender is read by: the speaker's
 * words, and, where those words named the documents searched ("the USSR", "Tehran", "IRL"), the
 * names of those documents' authors ("Russian Federation", "Iran", "Ireland"): the documents
 * never write "USSR" in a sender line, yet every passage of them is from whom it names.
 */
function speakerConcepts(
  index: SearchIndex,
  q: ParsedQuestion,
  scope: Scope,
  words: Set<string> | null,
): Set<string> | null {
  const at = q.roles.speaker;
  const slot = at === null ? undefined : q.slots[at];
  if (!words || !slot || at === null) return words;
  // "the Japanese representative", "the speaker from Castrenia": an office speaks for the State
  // named beside it, as a meeting's record names a turn's speaker ("Mr. Sato (Japan)").
  const beside = [q.slots[at - 1], q.slots[at + 1]].find((s) => s?.names || (s && isNamingSlot(s)));
  const first = beside?.alternatives[0];
  if (!(slot.names || isNamingSlot(slot)) && first) words.add(first.concept);
  if (!scope.groups || !(slot.names || isNamingSlot(slot))) return words;
  const authors = new Set(index.lettersOfGroups(scope.groups).map((letter) => letter.author));
  for (const author of authors) if (author) for (const t of analyze(author)) words.add(t.concept);
  return words;
}

/** Words by which a speaker speaks of themselves or of those they speak for. */
const FIRST_PERSON = /\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Uu]s)\b/;

/** Reads what a question brings to its candidates' features, once. */
export function questionContext(
  index: SearchIndex,
  q: ParsedQuestion,
  set: CandidateSet,
  scope: Scope,
): QuestionContext {
  const bitValue = new Map(set.slots.map((s) => [s.bit, s.value]));
  // What an excerpt marks: the words of the question, their forms, and what WordNet or the
  // glossary relates to them; not a word's neighbours in meaning, which only rank ("block" is
  // near "main" and "move", and the letters never said "block"); nor the words that only name
  // the documents or their time ("2025" of "S/2025/301" is no year the question asks about),
  // but for the act of making them the question asks of ("who signed": "(Signed) …").
  const weights = new Map<string, number>();
  const act = (slot: Slot) =>
    q.frame.documentAct.some((a) => slot.start >= a.start && slot.end <= a.end);
  const marked = (slot: Slot | undefined) =>
    slot !== undefined && slot.known !== false && (!isNamingSlot(slot) || act(slot));
  for (const s of set.slots)
    if (marked(q.slots[s.slot]))
      for (const a of s.alternatives)
        weights.set(a.concept, Math.max(weights.get(a.concept) ?? 0, a.value));
  const bitsOf = new Map<string, number>();
  const exactBitsOf = new Map<string, number>();
  for (const s of set.slots)
    for (const a of s.alternatives) {
      bitsOf.set(a.concept, (bitsOf.get(a.concept) ?? 0) | s.bit);
      if (a.weight >= 1) exactBitsOf.set(a.concept, (exactBitsOf.get(a.concept) ?? 0) | s.bit);
    }
  const tokens = tokenize(q.text);
  const concepts = (slot: number | null) =>
    slot === null ? null : new Set(q.slots[slot]?.alternatives.map((a) => a.concept) ?? []);
  const { frame, roles } = q;
  let count: CountQuery | null = null;
  let countByVerb: CountQuery | null = null;
  const counted = roles.counted === null ? undefined : q.slots[roles.counted];
  if (counted) {
    const closest = Math.max(0, ...counted.alternatives.map((a) => a.weight));
    const exact = Math.min(counted.correctedTo === null ? 1 : WEIGHTS.corrected, closest);
    const wanted = new Set(
      counted.alternatives
        .filter((a) => a.weight >= exact)
        .flatMap((a) => [a.concept, ...index.kindsOf(a.concept)]),
    );
    count = { wanted, stated: q.statedFigures };
    const predicate = roles.predicate === null ? undefined : q.slots[roles.predicate];
    const verbs = new Set(
      (predicate?.alternatives ?? []).filter((a) => a.weight >= 1).map((a) => a.concept),
    );
    if (verbs.size > 0) countByVerb = { ...count, verbs };
  }
  const focusSlot = roles.focus === null ? undefined : q.slots[roles.focus];
  /** The word asked about, as corrected ("negotiater": negotiator). */
  const focusWord = focusSlot ? (focusSlot.correctedTo ?? focusSlot.word) : '';
  const speakerSlot = roles.speaker === null ? undefined : q.slots[roles.speaker];
  const everyone = GOVERNMENT.has(speakerSlot?.correctedTo ?? speakerSlot?.word ?? '');
  const range = q.date;
  const documentBest = new Map<Letter, number>();
  const documentMask = new Map<Letter, number>();
  const documentHeld = new Map<Letter, { offered: number; held: Map<number, number> }>();
  for (const c of set.candidates) {
    let held = documentHeld.get(c.entry.letter);
    if (!held) documentHeld.set(c.entry.letter, (held = { offered: 0, held: new Map() }));
    held.offered += 1;
    for (const s of set.slots)
      if ((c.mask & s.bit) !== 0) held.held.set(s.bit, (held.held.get(s.bit) ?? 0) + 1);
    documentBest.set(c.entry.letter, Math.max(documentBest.get(c.entry.letter) ?? 0, c.first));
    documentMask.set(
      c.entry.letter,
      (documentMask.get(c.entry.letter) ?? 0) | c.mask | c.headingMask,
    );
  }
  const speaker = everyone ? null : speakerConcepts(index, q, scope, concepts(roles.speaker));
  // A count needs something counted the letters hold; a speaker, someone other than "the
  // government"; a focus, a word that is more than phrasing ("what's the deal with Lachin").
  const asked = new Set(
    [...frame.asked].filter(
      (name) =>
        (name !== 'count' || count !== null) &&
        (name !== 'speaker' || speaker !== null) &&
        (name !== 'focus' || roles.focus !== null),
    ),
  );
  const bitOfSlot = new Map(set.slots.map((s) => [s.slot, s.bit]));
  const isName = (w: string) => /^\p{L}+$/u.test(w) && (!isEnglishWord(w) || isNameOnly(w));
  const bitsWhere = (test: (word: string) => boolean) =>
    q.slots.flatMap((s, i) => {
      const bit = bitOfSlot.get(i);
      return bit !== undefined && test(s.correctedTo ?? s.word) ? [bit] : [];
    });
  const soft = q.slots.map((slot, i) => ({
    // A word that names the documents by another name of their author is understood: no passage need hold it.
    value: slot.names ? 0 : specificityOf(index, slot.concept, slot.correctedTo ?? slot.word),
    bit: bitOfSlot.get(i) ?? 0,
    similarity: slot.similarity,
  }));
  return {
    soft,
    softTotal: soft.reduce((sum, w) => sum + w.value, 0),
    namingBits: set.slots.reduce(
      (bits, s) => (isNamingSlot(q.slots[s.slot] as Slot) ? bits | s.bit : bits),
      0,
    ),
    nameBits: bitsWhere(isName),
    nameSlots: q.slots.flatMap((s, i) => (isName(s.correctedTo ?? s.word) ? [i] : [])),
    verbBits: bitsWhere(mostlyVerb),
    figures: tokens
      .filter((t) => /^\d/.test(t.word) && !isYearAsWritten(q.text.slice(t.start, t.end)))
      .map((t) => t.word),
    index,
    q,
    set,
    scope,
    bestFirst: set.candidates[0]?.first ?? 1,
    documentBest,
    documentMask,
    documentHeld,
    asked,
    weights,
    sentences: new Map(),
    answers: new Map(),
    bitValue,
    bitsOf,
    exactBitsOf,
    runKeys: tokens.map((t) => conceptOf(t.word)),
    runAt: tokens.reduce((at, t, i) => {
      const key = conceptOf(t.word);
      return at.set(key, [...(at.get(key) ?? []), i]);
    }, new Map<string, number[]>()),
    runContent: tokens.map((t) => !isStopWord(t.word)),
    count,
    countByVerb,
    speaker,
    turnsOf: speaker ?? concepts(roles.source),
    focus: concepts(roles.focus),
    group:
      q.frame.type === 'person' && englishWordNet().isPolity(focusWord)
        ? new Set(tokens.map((t) => t.word))
        : null,
    // "who is Jeyhun Bayramov", not "who was the negotiater" (a typo of "negotiator", no name).
    described: q.frame.type === 'person' && isName(focusWord) ? concepts(roles.focus) : null,
    predicate: concepts(roles.predicate),
    measured: new Set(
      q.slots.flatMap((s, i) => (i === roles.focus ? [] : s.alternatives.map((a) => a.concept))),
    ),
    dateRange: range
      ? { from: dayNumber(range.from), to: dayNumber(range.to), upTo: range.upTo }
      : null,
  };
}

/** Each sentence of a candidate with the bits of the question's slots it holds (its part's headings' too). */
function sentenceMasks(x: QuestionContext, c: Candidate): (Span & { mask: number })[] {
  let found = x.sentences.get(c.id);
  if (found) return found;
  const reading = readPassage(c.entry.passage.text);
  const { terms } = reading;
  const sentences = (reading.sentences ??= x.index.sentences(c.id));
  if (!reading.termSentence) {
    const at = new Uint16Array(terms.length);
    let k = 0;
    terms.forEach((term, i) => {
      while (k < sentences.length - 1 && term.start >= (sentences[k] as Span).end) k += 1;
      at[i] = k;
    });
    reading.termSentence = at;
  }
  const masks = sentences.map(() => c.headingMask);
  for (let i = 0; i < terms.length; i++) {
    const bits = x.bitsOf.get((terms[i] as { concept: string }).concept);
    const k = (reading.termSentence as Uint16Array)[i] as number;
    if (bits) masks[k] = (masks[k] as number) | bits;
  }
  // A table's row is read with the row that heads its columns: "Vell   162 000" under "District
  // Displaced persons".
  if (isTableText(c.entry.passage.text))
    for (let i = 1; i < masks.length; i++) masks[i] = (masks[i] as number) | (masks[0] as number);
  found = sentences.map((sentence, i) => ({
    start: sentence.start,
    end: sentence.end,
    mask: masks[i] as number,
  }));
  x.sentences.set(c.id, found);
  return found;
}

/**
 * The sentence of a candidate that best answers: the largest product of the share of the
 * question's value the sentence (with its part's headings) holds and the share of the asked
 * answer types it states. An answer is usually one sentence that both names the subject and
 * states what is asked ("2 civilians were killed" beside "a vehicle exploded … in Khojavand").
 */
export function answerSentence(x: QuestionContext, c: Candidate): Span & { score: number } {
  const known = x.answers.get(c.id);
  if (known) return known;
  let best = { start: 0, end: c.entry.passage.text.length, score: 0 };
  for (const sentence of sentenceMasks(x, c)) {
    const held = valueOf(x, sentence.mask) / (x.set.totalValue || 1);
    if (held <= best.score) continue;
    const score = held * statedShare(x, c.entry, sentence);
    if (score > best.score) best = { start: sentence.start, end: sentence.end, score };
  }
  x.answers.set(c.id, best);
  return best;
}

/**
 * The same for two sentences in a row, when no single one both names the subject and states what
 * is asked: "mines … were discovered … in the Lachin district" followed by "… from 15 to 22 August
 * 2022". The decision weighs it over the passages shown (as a ranking feature it was weighed at
 * nothing); the quote shown is still one sentence.
 */
export function answerPair(x: QuestionContext, c: Candidate): number {
  const sentences = sentenceMasks(x, c);
  let best = 0;
  for (let i = 0; i + 1 < sentences.length; i++) {
    const first = sentences[i] as (typeof sentences)[number];
    const second = sentences[i + 1] as (typeof sentences)[number];
    const held = valueOf(x, first.mask | second.mask) / (x.set.totalValue || 1);
    if (held <= best) continue;
    const score = held * statedShare(x, c.entry, { start: first.start, end: second.end });
    if (score > best) best = score;
  }
  return Math.max(best, answerSentence(x, c).score);
}

/** Reads a candidate once for the features that need its text. */
function readCandidate(x: QuestionContext, c: Candidate, rank: number): CandidateReading {
  const text = c.entry.passage.text;
  const reading = readPassage(text);
  reading.keys ??= reading.tokens.map((t) => conceptOf(t.word));
  let best = 0;
  for (const sentence of sentenceMasks(x, c))
    best = Math.max(best, valueOf(x, sentence.mask & ~c.headingMask));
  const ids = x.index.passageConceptIds(c.id);
  let soft = 0;
  for (const word of x.soft) {
    if (((c.mask | c.headingMask) & word.bit) !== 0 && word.bit !== 0) {
      soft += word.value;
      continue;
    }
    let closest = 0;
    if (word.similarity)
      for (const id of ids) closest = Math.max(closest, word.similarity[id] ?? 0);
    soft += word.value * closest;
  }
  reading.concepts ??= new Set(reading.terms.map((t) => t.concept));
  return {
    rank,
    text,
    soft: soft / (x.softTotal || 1),
    concepts: reading.concepts,
    sentenceValue: best,
    run: longestRun(x, reading.keys),
  };
}

/** The features of each candidate, in `FEATURES` order: one row per candidate. */
export function candidateFeatures(x: QuestionContext): Float64Array[] {
  return x.set.candidates.map((c, rank) => {
    const reading = readCandidate(x, c, rank);
    // A loop, not `Float64Array.from(FEATURES, …)`, which goes through an iterator per feature.
    const row = new Float64Array(FEATURES.length);
    for (let i = 0; i < FEATURES.length; i++) row[i] = (FEATURES[i] as Feature).read(x, c, reading);
    return row;
  });
}
