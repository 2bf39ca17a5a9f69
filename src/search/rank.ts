import { conceptOf, fold, tokenize } from './analyze.ts';
import { englishWordNet } from './wordnet.ts';
import type { Letter } from '../corpus/schema.ts';
import {
  type Candidate,
  type CandidateSet,
  findCandidates,
  matchesFilters,
  type Scope,
  type SearchFilters,
  unscored,
} from './candidates.ts';
import {
  candidateFeatures,
  FEATURE_NAMES,
  type QuestionContext,
  questionContext,
} from './features.ts';
import {
  type DocumentReference,
  linksAsSymbols,
  resolveLetterReference,
  resolutionsIn,
  symbolsIn,
} from './letter-reference.ts';
import { datedWithin, namedDocuments, type Undated } from './document-names.ts';
import { type Linear, MODEL, scorer, WEIGHTS } from './model.ts';
import {
  isEnglishWord,
  isNamingSlot,
  type ParsedQuestion,
  parseQuestion,
  type Slot,
  withNamingWords,
} from './question.ts';
import { notTheirTurn } from './evidence.ts';
import { tellsMaking } from './index-entries.ts';
import type { SearchIndex } from './search-index.ts';

/**
 * The question read, its candidates found and their features computed: everything the fitted
 * model scores and the decision reads. `npm run fit` learns from exactly this.
 */
export interface Prepared {
  q: ParsedQuestion;
  scope: Scope;
  set: CandidateSet;
  context: QuestionContext;
  /** One feature row per candidate, in `set.candidates` order (`FEATURE_NAMES`). */
  rows: Float64Array[];
  /**
   * The document symbols the question writes ("A/76/930", "s/2023/686"), as `symbolsIn` finds
   * them, each with whether a document has it: read once, for the scope, the veto of a symbol no
   * document has, and the quotes that mark a symbol whole.
   */
  symbols: WrittenSymbol[];
  /** The author named with a time none of their documents is of ("Yugoslavia … in 1999"), or null. */
  undated: Undated | null;
}

/** A document symbol a question writes, where, and whether a document has it. */
export interface WrittenSymbol {
  text: string;
  start: number;
  end: number;
  known: boolean;
}

/** Whether some passage holds `written` word for word ("80/61" of "(resolution 80/61)"). */
function citedInPassages(
  index: SearchIndex,
  q: ParsedQuestion,
  written: string,
  filters: SearchFilters,
): boolean {
  return findCandidates(index, { ...q, phrases: [fold(written)] }, filters).candidates.length > 0;
}

/** The word "resolution" right before a number ("resolution 80/62", "res. 2231"). */
const RESOLUTION_BEFORE = /\bres(?:olution|\.)?\s+$/i;

/** The first symbol the question writes that no document has ("S/2023/123"), or null. */
export function unknownSymbol(prepared: Pick<Prepared, 'symbols'>): string | null {
  return prepared.symbols.find((s) => !s.known)?.text ?? null;
}

/** A candidate with its fitted score. */
export interface Ranked {
  candidate: Candidate;
  score: number;
  row: Float64Array;
}

/**
 * The structural passages (headings, openings, signature blocks) of this many of the best
 * documents join the candidates: "who signed the Khojavand letter" is answered by a passage that
 * names neither.
 */
export const STRUCTURE_DOCUMENTS = 3;

/**
 * Where to search: the caller's filters, narrowed to the letter parts the question names ("the
 * feb 2021 cover letter") when it names some that the filters allow, and to the documents of the
 * authors it names ("what did norway say in 1997", `document-names.ts`) when they are some, not
 * all, of the documents the filters allow (a name every document shares names none of them).
 */
export function scopeOf(index: SearchIndex, q: ParsedQuestion, filters: SearchFilters): Scope {
  return scoped(index, q, filters).scope;
}

/** `scopeOf`, with where the question names the authors it was narrowed to. */
function scoped(
  index: SearchIndex,
  q: ParsedQuestion,
  filters: SearchFilters,
): {
  scope: Scope;
  naming: { start: number; end: number }[];
  symbols: WrittenSymbol[];
  undated: Undated | null;
} {
  const referenced = new Set<number>();
  if (q.letters)
    for (const g of resolveLetterReference(q.letters, index)) {
      const part = index.headingGroups[g];
      if (part && matchesFilters(part.letter, filters)) referenced.add(g);
    }
  if (
    referenced.size > 0 &&
    q.letters?.documents.every(byKindAlone) &&
    namedElsewhere(index, q, referenced)
  )
    referenced.clear();
  // A document symbol ("A/76/930", "s/2023/686") names its document, whatever case it is typed in.
  const symbols: WrittenSymbol[] = [];
  // A resolution cited by number ("80/41", "resolution 2761") names it when a document is it; one
  // the question calls a resolution ("the vote on resolution 80/62") that none is, is a symbol no
  // document has (user trial 33: the vote on 80/61 was quoted), unless passages cite it.
  const resolutions = resolutionsIn(q.text).filter(
    (r) =>
      index.catalog.named(r.text).length > 0 ||
      (RESOLUTION_BEFORE.test(q.text.slice(0, r.start)) &&
        !citedInPassages(index, q, q.text.slice(r.start, r.end), filters)),
  );
  for (const symbol of [...symbolsIn(q.text), ...resolutions]) {
    const documents = index.catalog.named(symbol.text);
    symbols.push({ ...symbol, known: documents.length > 0 });
    for (const i of documents)
      if (matchesFilters(index.letters[i] as Letter, filters))
        for (const g of index.groupsOfLetter(i)) referenced.add(g);
  }
  let named = namedDocuments(index, q);
  // The same of a kind named alone of the documents' own kinds ("what did norvalia's justice
  // minister call the report": the report a press release tells of; user trial 32).
  if (named?.kindOnly) {
    const groupsOf = new Set(named.documents.flatMap((i) => index.groupsOfLetter(i)));
    if (namedElsewhere(index, q, groupsOf)) named = null;
  }
  const allowed = (named?.documents ?? []).filter((i) =>
    matchesFilters(index.letters[i] as Letter, filters),
  );
  let groups = referenced;
  let naming: { start: number; end: number }[] = [];
  let undated: Undated | null = null;
  if (allowed.length > 0 && allowed.length < index.catalog.describe(filters).letters) {
    const byAuthor = new Set(allowed.flatMap((i) => index.groupsOfLetter(i)));
    const both = new Set([...referenced].filter((g) => byAuthor.has(g)));
    // A part named that the author did not write is named on other grounds: it stands. Named
    // by kind alone ("the press release"), the documents of that kind stand beside it (an annexed
    // press release, and a press release of its own).
    groups = named?.byKind
      ? new Set([...referenced, ...byAuthor])
      : both.size > 0
        ? both
        : referenced.size > 0
          ? referenced
          : byAuthor;
    if (groups !== referenced) naming = named?.spans ?? [];
    if (groups === byAuthor) undated = named?.undated ?? null;
  }
  if (symbols.length > 0) naming = [...naming, ...symbols];
  return { scope: groups.size > 0 ? { ...filters, groups } : filters, naming, symbols, undated };
}

/**
 * Whether a document named by its kind alone may be one another document tells of, not the
 * corpus's own of that kind ("has kelmar answered the note verbale": its note verbale No.
 * 214/2026): a name the question asks about is in other documents and not in those named.
 */
function namedElsewhere(
  index: SearchIndex,
  q: ParsedQuestion,
  groups: ReadonlySet<number>,
): boolean {
  const held = heldIn(index, groups);
  return q.slots.some(
    (s) =>
      s.known &&
      !isNamingSlot(s) &&
      !isEnglishWord(s.word) &&
      !s.alternatives.some((a) => held(a.concept)),
  );
}

/** A document named by its kind alone ("the note verbale"): no time, heading words, order or topic. */
const byKindAlone = (d: DocumentReference) =>
  d.date === null &&
  d.heading.length === 0 &&
  d.addressee.length === 0 &&
  d.ordinal === null &&
  d.topic.length === 0;

/**
 * The question with each word that the documents it names never hold marked (`Slot.outOfScope`):
 * "what did Rwanda say about Kibeho in 1995" is not answered by Rwanda's 1995 speech when the
 * speech never names Kibeho, whether other documents do or none (`decide.ts`). Words that only
 * name the documents or the time are left as they are.
 */
function markOutOfScope(index: SearchIndex, q: ParsedQuestion, scope: Scope): ParsedQuestion {
  if (!scope.groups) return q;
  const held = heldIn(index, scope.groups);
  let changed = false;
  // A word the documents lack is held by a neighbour in meaning only as close as a kind of it
  // would be ("boats" by "vessels"; not "nuclear" by "threat": user trial 32, "what did marovia
  // say about nuclear disarmament" quoted the speech's fishing passage).
  const holds = (slot: Slot, a: { concept: string; weight: number }) =>
    held(a.concept) && (slot.known || a.weight >= WEIGHTS.kind);
  const slots = q.slots.map((slot) => {
    if (isNamingSlot(slot) || slot.alternatives.some((a) => holds(slot, a))) return slot;
    // A name may be said by another of its names ("DPRK": North Korea), and a capital stands
    // for its country ("Pretoria" for South Africa's government).
    const wordnet = englishWordNet();
    const names = [
      ...wordnet
        .senses(slot.word, 'noun')
        .flatMap((offset) => wordnet.synset(offset, 'noun').words),
      ...wordnet
        .countriesOfCapital(slot.word)
        .flatMap((country) => [country, ...wordnet.wholesOf(country)]),
    ];
    if (names.some((name) => tokenize(name).every((t) => held(conceptOf(t.word))))) return slot;
    changed = true;
    return { ...slot, outOfScope: true as const };
  });
  return changed ? { ...q, slots } : q;
}

/** Whether the documents of some heading groups (their passages or headings) hold a concept. */
function heldIn(index: SearchIndex, groups: ReadonlySet<number>): (concept: string) => boolean {
  const letters = index.lettersOfGroups(groups);
  return (concept: string) => {
    const cid = index.conceptId(concept);
    return letters.some((letter) => index.letterHolds(letter, cid));
  };
}

/**
 * The candidates, joined by the best of the time the question names when it names one and no
 * document: "what happened to deminers in 2021" may be told in a letter of 2021 that the best
 * passages of all years leave out. A meeting's time ("which country at the 1982 GA spoke of Diego
 * Garcia") dates the documents themselves: their best passages are the candidates, when there are any.
 */
function withinTime(
  index: SearchIndex,
  q: ParsedQuestion,
  scope: Scope,
  set: CandidateSet,
): CandidateSet {
  const date = q.date;
  if (!date || date.upTo || scope.groups || scope.letter || scope.from || scope.to) return set;
  // Searched as the parts of the time's documents (the catalog's dates), which the first stage
  // scores directly; filtering all passages by date would read every posting of a common word.
  // A time that holds most of the documents narrows nothing.
  const documents = datedWithin(index, date);
  if (documents.length === 0 || 2 * documents.length > index.letters.length) return set;
  const groups = new Set(documents.flatMap((i) => index.groupsOfLetter(i)));
  if (date.meeting) {
    const atMeeting = findCandidates(index, q, { ...scope, groups });
    return atMeeting.candidates.length > 0 ? atMeeting : set;
  }
  const inTime = findCandidates(index, q, { ...scope, groups }, TIME_POOL);
  const present = new Set(set.candidates.map((c) => c.id));
  const added = inTime.candidates.filter((c) => !present.has(c.id));
  return added.length > 0 ? { ...set, candidates: [...set.candidates, ...added] } : set;
}

/** How many of the best passages of the time a question names join its candidates (`withinTime`). */
export const TIME_POOL = 10;

/** Adds what tells who made the best documents and when (`tellsMaking`) to the candidates. */
function withStructure(index: SearchIndex, set: CandidateSet, scope: Scope): CandidateSet {
  const present = new Set(set.candidates.map((c) => c.id));
  // The documents a question names come first ("when was the Khojavand letter written"), when
  // it names a few; of many (an author's speeches), those of the best candidates.
  const named = index.lettersOfGroups(scope.groups ?? []);
  const letters: Letter[] = named.length <= STRUCTURE_DOCUMENTS ? named : [];
  for (const c of set.candidates) {
    if (letters.length >= STRUCTURE_DOCUMENTS) break;
    if (!letters.includes(c.entry.letter)) letters.push(c.entry.letter);
  }
  const added: Candidate[] = [];
  const add = (id: number) => {
    const entry = index.passage(id);
    if (!entry || present.has(id) || !index.quotableAlone(id)) return;
    if (scope.part && entry.passage.part !== scope.part) return;
    present.add(id);
    added.push(unscored(id, entry));
  };
  for (const letter of letters) {
    const [first] = index.passageRange(letter);
    const quotable = (i: number) => index.quotableAlone(first + i);
    letter.passages.forEach((_, i) => {
      if (tellsMaking(letter.passages, i, quotable)) add(first + i);
    });
    for (const id of index.headingsOfLetter(letter)) add(id);
  }
  return added.length > 0 ? { ...set, candidates: [...set.candidates, ...added] } : set;
}

/**
 * Reads a question and finds and describes its candidates. (`meaning: false` leaves the word
 * vectors out, for the ablation `npm run eval` prints.)
 */
export function prepare(
  index: SearchIndex,
  question: string,
  filters: SearchFilters,
  options: { meaning?: boolean } = {},
): Prepared {
  question = linksAsSymbols(question);
  const read = parseQuestion(index, question, options);
  const scoping = scoped(index, read, filters);
  const { scope, undated } = scoping;
  let { symbols } = scoping;
  // Searched in its author's documents, the author's name tells their passages apart no more;
  // "when was the Lachin letter sent": "sent" and "date" describe the document asked about, as
  // its name does, and its heading, opening or signature answers.
  const naming = [...scoping.naming, ...read.frame.documentAct];
  let marked = markOutOfScope(index, withNamingWords(read, naming), scope);
  // A typo corrected to a word the documents named lack is read again, preferring their words
  // ("ilands" of Argentina's speech: "islands", not the commoner "lands", though "lands" finds
  // "islands" as a kind of land).
  const prefer = scope.groups ? heldIn(index, scope.groups) : null;
  if (
    prefer &&
    marked.slots.some((s) => s.correctedTo !== null && !prefer(conceptOf(s.correctedTo)))
  ) {
    const again = parseQuestion(index, question, { ...options, prefer });
    marked = markOutOfScope(index, withNamingWords(again, naming), scope);
  }
  // A symbol no document has that passages cite ("draft resolution A/80/L.21", adopted under
  // another symbol) is looked for in them word for word, as a quoted phrase is, not refused as
  // one Annex does not hold (user trial 33).
  const cited = symbols.filter(
    (s) =>
      !s.known &&
      findCandidates(index, { ...marked, phrases: [fold(s.text)] }, scope).candidates.length > 0,
  );
  if (cited.length > 0) {
    marked = { ...marked, phrases: [...marked.phrases, ...cited.map((s) => fold(s.text))] };
    symbols = symbols.map((s) => (cited.includes(s) ? { ...s, known: true } : s));
  }
  // A phrase in single quotes is a quotation when some passage holds it; else a claim in other words.
  const quoting: ParsedQuestion = { ...marked, phrases: [...marked.phrases, ...marked.quoted] };
  const inQuotes = marked.quoted.length > 0 ? findCandidates(index, quoting, scope) : null;
  const q = inQuotes && inQuotes.candidates.length > 0 ? quoting : marked;
  // A quoted phrase asks for passages that hold it, structural ones included.
  const found = withinTime(
    index,
    q,
    scope,
    q === quoting && inQuotes ? inQuotes : findCandidates(index, q, scope),
  );
  const set = q.phrases.length > 0 ? found : withStructure(index, found, scope);
  const context = questionContext(index, q, set, scope);
  return { q, scope, set, context, rows: candidateFeatures(context), symbols, undated };
}

const rankers = new WeakMap<Linear, (row: ArrayLike<number>) => number>();

/** The candidates scored by the fitted ranker, best first. */
export function rankCandidates(prepared: Prepared, ranker: Linear = MODEL.ranker): Ranked[] {
  let score = rankers.get(ranker);
  if (!score) rankers.set(ranker, (score = scorer(ranker, FEATURE_NAMES)));
  // A place-and-date line ("New York, 3 June 2025") answers when, and nothing else.
  const when = prepared.context.asked.has('time');
  // "what did Brazil want": of a meeting's record where Brazil speaks, Brazil's turns alone.
  const speaker = prepared.context.turnsOf;
  return prepared.set.candidates
    .map((candidate, i) => {
      const row = prepared.rows[i] as Float64Array;
      return { candidate, score: score(row), row };
    })
    .filter((r) => when || r.candidate.entry.passage.role !== 'dateline')
    .filter((r) => !speaker || !notTheirTurn(r.candidate.entry, speaker))
    .sort((a, b) => b.score - a.score || a.candidate.id - b.candidate.id);
}
