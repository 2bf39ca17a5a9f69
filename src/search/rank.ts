import { isSignature } from '../corpus/parse-letter.ts';
import type { Letter } from '../corpus/schema.ts';
import {
  type Candidate,
  type CandidateSet,
  findCandidates,
  matchesFilters,
  type Scope,
  type SearchFilters,
} from './candidates.ts';
import {
  candidateFeatures,
  FEATURE_NAMES,
  type QuestionContext,
  questionContext,
} from './features.ts';
import { resolveLetterReference } from './letter-reference.ts';
import { namedDocuments } from './document-names.ts';
import { type Linear, MODEL, scorer } from './model.ts';
import { type ParsedQuestion, parseQuestion } from './question.ts';
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
  const referenced = new Set<number>();
  if (q.letters)
    for (const g of resolveLetterReference(q.letters, index)) {
      const part = index.headingGroups[g];
      if (part && matchesFilters(part.letter, filters)) referenced.add(g);
    }
  const named = namedDocuments(index, q);
  const allowed = (named?.documents ?? []).filter((i) =>
    matchesFilters(index.letters[i] as Letter, filters),
  );
  let groups = referenced;
  if (allowed.length > 0 && allowed.length < index.catalog.describe(filters).letters) {
    const byAuthor = new Set(allowed.flatMap((i) => index.groupsOfLetter(i)));
    const both = new Set([...referenced].filter((g) => byAuthor.has(g)));
    // A part named that the author did not write is named on other grounds: it stands.
    groups = both.size > 0 ? both : referenced.size > 0 ? referenced : byAuthor;
  }
  return groups.size > 0 ? { ...filters, groups } : filters;
}

/** Adds the signature blocks and part openings of the best documents to the candidates. */
function withStructure(index: SearchIndex, set: CandidateSet, scope: Scope): CandidateSet {
  const present = new Set(set.candidates.map((c) => c.id));
  // The documents a question names come first ("when was the Khojavand letter written"), when
  // it names a few; of many (an author's speeches), those of the best candidates.
  const named = [
    ...new Set([...(scope.groups ?? [])].flatMap((g) => index.headingGroups[g]?.letter ?? [])),
  ];
  const letters: Letter[] = named.length <= STRUCTURE_DOCUMENTS ? named : [];
  for (const c of set.candidates) {
    if (letters.length >= STRUCTURE_DOCUMENTS) break;
    if (!letters.includes(c.entry.letter)) letters.push(c.entry.letter);
  }
  const added: Candidate[] = [];
  const add = (id: number) => {
    const entry = index.passage(id);
    if (!entry || present.has(id) || (scope.part && entry.passage.part !== scope.part)) return;
    present.add(id);
    added.push({ id, entry, bm25: 0, first: 0, evidence: 0, mask: 0, headingMask: 0 });
  };
  for (const letter of letters) {
    const [first] = index.passageRange(letter);
    letter.passages.forEach((passage, i) => {
      const previous = letter.passages[i - 1];
      const opening =
        !previous || previous.part !== passage.part || previous.partIndex !== passage.partIndex;
      if (opening || isSignature(passage.text)) add(first + i);
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
  const q = parseQuestion(index, question, options);
  const scope = scopeOf(index, q, filters);
  // A quoted phrase asks for passages that hold it, structural ones included.
  const found = findCandidates(index, q, scope);
  const set = q.phrases.length > 0 ? found : withStructure(index, found, scope);
  const context = questionContext(index, q, set, scope);
  return { q, scope, set, context, rows: candidateFeatures(context) };
}

const rankers = new WeakMap<Linear, (row: ArrayLike<number>) => number>();

/** The candidates scored by the fitted ranker, best first. */
export function rankCandidates(prepared: Prepared, ranker: Linear = MODEL.ranker): Ranked[] {
  let score = rankers.get(ranker);
  if (!score) rankers.set(ranker, (score = scorer(ranker, FEATURE_NAMES)));
  return prepared.set.candidates
    .map((candidate, i) => {
      const row = prepared.rows[i] as Float64Array;
      return { candidate, score: score(row), row };
    })
    .sort((a, b) => b.score - a.score || a.candidate.id - b.candidate.id);
}
