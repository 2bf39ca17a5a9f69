import countries from 'i18n-iso-countries/index.js';
import { formatUnDate } from '../corpus/dates.ts';
import { isLetter, type Letter } from '../corpus/schema.ts';
import { conceptOf, isStopWord, tokenize } from './analyze.ts';
import type { Answer } from './answer.ts';
import { MAX_NAME_WORDS } from './catalog.ts';
import type { SearchIndex } from './search-index.ts';
import { englishWordNet } from './wordnet.ts';

/**
 * Example questions for "how to ask", made from the corpus itself (its documents' authors, dates
 * and characteristic words) and each checked by asking it: an example is offered only when the
 * search answers it from the document it was made from. So a corpus of speeches is offered
 * questions about its speeches, never the seed letters' "mines in Lachin" that it cannot answer.
 */

/** Examples offered at most. */
export const EXAMPLES_OFFERED = 3;
/** Documents an example is tried from, at most (each of another author where the corpus has them). */
export const DOCUMENTS_TRIED = 6;
/** Characteristic words of a document tried, at most, each in each form of question. */
export const WORDS_TRIED = 3;
/** A word shorter than this is not offered as what to ask about ("war" is, "un" is not). */
export const MIN_EXAMPLE_WORD_LENGTH = 4;
/** A word used at least this often in its document is one it is about: tried before the rest. */
export const MIN_WORD_USES = 2;

/**
 * Questions asked at most to find the examples: each costs an answer (milliseconds; tens of them
 * at 10,000 documents), and `/help` must reply within Discord's 3 seconds even when it is the
 * first to ask for them.
 */
export const MAX_QUESTIONS_ASKED = 12;
/** Questions asked at most of one document, so that one no question answers leaves room for others. */
export const QUESTIONS_PER_DOCUMENT = 4;

/** Answers a question as `answerQuestion` does on the index the examples are for. */
export type Ask = (question: string) => Answer;

const made = new WeakMap<SearchIndex, readonly string[]>();

/**
 * Up to `EXAMPLES_OFFERED` questions this index answers, made from its documents and checked by
 * `ask`; remembered per index (an index never changes: a reload makes a new one). Empty when no
 * question made so is answered.
 */
export function askExamples(index: SearchIndex, ask: Ask): readonly string[] {
  const known = made.get(index);
  if (known) return known;
  // Set first, so that a question asked while the examples are made never makes them again.
  made.set(index, []);
  const examples: string[] = [];
  let asked = 0;
  const counted: Ask = (question) => {
    asked += 1;
    return ask(question);
  };
  for (const document of documentsToTry(index.letters)) {
    if (asked >= MAX_QUESTIONS_ASKED) break;
    const example = exampleFrom(index, document, counted, () => asked >= MAX_QUESTIONS_ASKED);
    if (example) examples.push(example);
    if (examples.length >= EXAMPLES_OFFERED) break;
  }
  made.set(index, examples);
  return examples;
}

/** The newest documents first, one per author (then the rest), at most `DOCUMENTS_TRIED`. */
function documentsToTry(documents: readonly Letter[]): Letter[] {
  const newestFirst = [...documents].sort((a, b) =>
    a.date < b.date ? 1 : a.date > b.date ? -1 : 0,
  );
  const authors = new Set<string>();
  const first: Letter[] = [];
  const rest: Letter[] = [];
  for (const document of newestFirst) {
    const author = document.author ?? '';
    if (authors.has(author)) rest.push(document);
    else {
      authors.add(author);
      first.push(document);
    }
  }
  return [...first, ...rest].slice(0, DOCUMENTS_TRIED);
}

/**
 * The first question made from `document` that `ask` answers from it; null when none is, or when
 * the questions to ask are `spent`.
 */
function exampleFrom(
  index: SearchIndex,
  document: Letter,
  ask: Ask,
  spent: () => boolean,
): string | null {
  const questions = characteristicWords(index, document)
    .flatMap((word) => questionsAbout(document, word))
    .slice(0, QUESTIONS_PER_DOCUMENT);
  for (const question of questions) {
    if (spent()) return null;
    const answer = ask(question);
    if (!answer.abstained && answer.results[0]?.letterId === document.id) return question;
  }
  return null;
}

/**
 * The words a document is most about: nouns used at least `MIN_WORD_USES` times in it first (a
 * short document may have none), each tier by how often it uses them and how rare they are among
 * the corpus's passages (tf-idf); neither stop words, figures nor its author's own name.
 */
function characteristicWords(index: SearchIndex, document: Letter): string[] {
  const own = new Set(tokenize(document.author ?? '').map((t) => t.word));
  const uses = new Map<string, { n: number; forms: Map<string, number> }>();
  for (const passage of document.passages) {
    for (const { word, start, end } of tokenize(passage.text)) {
      if (word.length < MIN_EXAMPLE_WORD_LENGTH || !/^\p{L}+$/u.test(word)) continue;
      if (isStopWord(word) || own.has(word) || !isThing(word)) continue;
      const concept = conceptOf(word);
      let seen = uses.get(concept);
      if (!seen) uses.set(concept, (seen = { n: 0, forms: new Map() }));
      seen.n += 1;
      const form = passage.text.slice(start, end);
      seen.forms.set(form, (seen.forms.get(form) ?? 0) + 1);
    }
  }
  const passages = Math.max(1, index.size);
  const scored: { word: string; score: number; frequent: boolean }[] = [];
  for (const [concept, { n, forms }] of uses) {
    const word = usualForm(forms);
    const id = index.conceptId(concept);
    if (id < 0) continue;
    scored.push({
      word,
      score: n * Math.log(passages / Math.max(1, index.documentFrequencyOf(id))),
      frequent: n >= MIN_WORD_USES,
    });
  }
  return scored
    .sort(
      (a, b) =>
        Number(b.frequent) - Number(a.frequent) || b.score - a.score || (a.word < b.word ? -1 : 1),
    )
    .slice(0, WORDS_TRIED)
    .map((s) => s.word);
}

/**
 * Whether a folded word names a thing (a noun in WordNet, in its plural too: "landmines") and is
 * no adjective ("deliberate", "European"): what a question is about reads best as a noun.
 */
function isThing(word: string): boolean {
  const wordnet = englishWordNet();
  const lemmas = [word, word.replace(/s$/, ''), word.replace(/es$/, ''), word.replace(/ies$/, 'y')];
  const lemma = lemmas.find((l) => wordnet.hasLemma(l, 'noun'));
  return lemma !== undefined && !wordnet.hasLemma(lemma, 'adj');
}

/** "Norway", but "the Secretary-General": a State's name takes no article, a body's or an office's does. */
function speaker(author: string): string {
  return countries.getAlpha3Code(author, 'en') || /^the\s/i.test(author) ? author : `the ${author}`;
}

/**
 * A word as its document writes it most often ("Ukraine", "landmines"), the shorter of two
 * forms written as often.
 */
function usualForm(forms: ReadonlyMap<string, number>): string {
  let best = '';
  let most = 0;
  for (const [form, n] of forms)
    if (n > most || (n === most && form.length < best.length)) [best, most] = [form, n];
  return best;
}

/**
 * Questions about `word` in `document`, as people ask them: by who speaks and the year when the
 * author is a short name ("What did Norway say about refugees in 1997?"), by the document's kind
 * and date ("What does the letter of 24 August 2022 say about mines?"), and the word and year.
 */
function questionsAbout(document: Letter, word: string): string[] {
  const year = document.date.slice(0, 4);
  const questions: string[] = [];
  const author = document.author;
  if (author && !isLetter(document) && author.split(/\s+/).length <= MAX_NAME_WORDS / 2)
    questions.push(`What did ${speaker(author)} say about ${word}${year ? ` in ${year}` : ''}?`);
  if (document.date)
    questions.push(
      `What does the ${document.kind} of ${formatUnDate(document.date)} say about ${word}?`,
    );
  questions.push(year ? `${word} in ${year}` : word);
  return questions;
}
