import { countries } from './countries.ts';
import { DATE_PATTERN, formatUnDate } from '../corpus/dates.ts';
import { isLetter, type Letter } from '../corpus/schema.ts';
import { conceptOf, fold, isStopWord, tokenize } from './analyze.ts';
import type { Answer } from './answer.ts';
import { MAX_NAME_WORDS } from './catalog.ts';
import type { SearchIndex } from './search-index.ts';
import { specificityOfUsage } from './lexicon.ts';
import { englishWordNet, LEX_FILE, PARTS_OF_SPEECH } from './wordnet.ts';

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
export const MAX_QUESTIONS_ASKED = 20;
/** Questions asked at most of one document, so that one no question answers leaves room for others. */
export const QUESTIONS_PER_DOCUMENT = 4;

/** Answers a question as `answerQuestion` does on the index the examples are for. */
export type Ask = (question: string) => Answer;

const made = new WeakMap<SearchIndex, readonly string[]>();

/**
 * Bumped whenever the way examples are made changes: examples saved with an index in another
 * format are not used (they are made again when a server warms up, until the index is rebuilt).
 */
export const EXAMPLES_FORMAT = 3;

/** The examples as a saved index keeps them (`SavedExamples.questions` are `askExamples`'). */
export interface SavedExamples {
  format: number;
  questions: readonly string[];
}

/**
 * The examples of `index` to save with it (made now if they were not yet): made once when the
 * index is built, they cost a server's start nothing (asking their dozen questions took a start
 * at 10,000 documents a few tenths of a second).
 */
export function examplesToSave(index: SearchIndex, ask: Ask): SavedExamples {
  return { format: EXAMPLES_FORMAT, questions: [...askExamples(index, ask)] };
}

/**
 * Takes the examples saved with `index` as its own (`askExamples` then returns them without
 * asking anything), when they were made the way this code makes them; otherwise, or when there
 * are none, they are made on first use as for an index just built.
 */
export function restoreExamples(index: SearchIndex, saved: SavedExamples | undefined): void {
  if (
    saved?.format === EXAMPLES_FORMAT &&
    Array.isArray(saved.questions) &&
    saved.questions.every((q) => typeof q === 'string')
  )
    made.set(index, saved.questions.slice(0, EXAMPLES_OFFERED));
}

/**
 * Up to `EXAMPLES_OFFERED` questions this index answers, made from its documents and checked by
 * `ask`, each of another form where the corpus allows (`FORMS`: a figure, who signed, a date, a
 * place), then what a document says about a word it is about; each from another document, of
 * another kind, where the corpus allows (user trial 7: three examples naming one letter showed
 * nothing of the speeches and reports beside it); remembered per index (an index
 * never changes: a reload makes a new one). Empty when no question made so is answered.
 */
export function askExamples(index: SearchIndex, ask: Ask): readonly string[] {
  const known = made.get(index);
  if (known) return known;
  // Set first, so that a question asked while the examples are made never makes them again.
  made.set(index, []);
  let asked = 0;
  const counted: Ask = (question) => {
    asked += 1;
    return ask(question);
  };
  const spent = () => asked >= MAX_QUESTIONS_ASKED;
  const documents = documentsToTry(index.letters);
  // Each example from another document, of another kind where the corpus has several, so that
  // together they show more of it: a document or a kind an example came from is tried last.
  const usedDocuments = new Set<string>();
  const usedKinds = new Set<string>();
  const fresh = () => freshFirst(documents, usedDocuments, usedKinds);
  const unused = () => fresh().filter((d) => !usedDocuments.has(d.id));
  const use = (from: Letter) => {
    usedDocuments.add(from.id);
    usedKinds.add(from.kind);
  };
  const formed: string[] = [];
  const formsUsed = new Set<Form>();
  const tryForms = (from: () => Letter[]) => {
    for (const form of FORMS) {
      if (formed.length >= EXAMPLES_OFFERED - 1 || spent()) break;
      if (formsUsed.has(form)) continue;
      const example = formExample(index, from(), form, counted, spent);
      if (example) {
        formed.push(example.question);
        formsUsed.add(form);
        use(example.from);
      }
    }
  };
  // Forms first from documents no example came from; a topic question is kept for last, so that
  // the examples show what the corpus is about too; a document used again only to fill them up.
  tryForms(unused);
  const topics: string[] = [];
  const words = new Set<string>();
  for (const document of fresh()) {
    if (formed.length + topics.length >= EXAMPLES_OFFERED || spent()) break;
    const example = exampleFrom(index, document, counted, words, spent);
    if (example) {
      topics.push(example.question);
      words.add(fold(example.word));
      use(document);
    }
  }
  if (formed.length + topics.length < EXAMPLES_OFFERED) tryForms(fresh);
  const examples = [...formed, ...topics].slice(0, EXAMPLES_OFFERED);
  made.set(index, examples);
  return examples;
}

/**
 * Questions about what documents say of the words they are most about, checked by `ask`: each
 * about another word, answered from the document it was made from.
 */
export function topicExamples(
  index: SearchIndex,
  ask: Ask,
  spent: () => boolean = () => false,
): string[] {
  const examples: string[] = [];
  // Each example about another word, so that together they show what the corpus is about.
  const words = new Set<string>();
  for (const document of documentsToTry(index.letters)) {
    if (spent()) break;
    const example = exampleFrom(index, document, ask, words, spent);
    if (example) {
      examples.push(example.question);
      words.add(fold(example.word));
    }
    if (examples.length >= EXAMPLES_OFFERED) break;
  }
  return examples;
}

/**
 * The newest documents first, one per kind, then one per author (then the rest), at most
 * `DOCUMENTS_TRIED`: a corpus of letters with a few speeches and reports is tried in each kind.
 */
function documentsToTry(documents: readonly Letter[]): Letter[] {
  const newestFirst = [...documents].sort((a, b) =>
    a.date < b.date ? 1 : a.date > b.date ? -1 : 0,
  );
  const kinds = new Set<string>();
  const authors = new Set<string>();
  const byKind: Letter[] = [];
  const byAuthor: Letter[] = [];
  const rest: Letter[] = [];
  for (const document of newestFirst) {
    const author = document.author ?? '';
    if (!kinds.has(document.kind)) byKind.push(document);
    else if (!authors.has(author)) byAuthor.push(document);
    else rest.push(document);
    kinds.add(document.kind);
    authors.add(author);
  }
  return [...byKind, ...byAuthor, ...rest].slice(0, DOCUMENTS_TRIED);
}

/**
 * `documents` in the order the next example is tried from them: those of a kind no example came
 * from yet first, then other documents no example came from, then those one did (each group in
 * its order).
 */
function freshFirst(
  documents: readonly Letter[],
  usedDocuments: ReadonlySet<string>,
  usedKinds: ReadonlySet<string>,
): Letter[] {
  const rank = (d: Letter) => (usedDocuments.has(d.id) ? 2 : usedKinds.has(d.kind) ? 1 : 0);
  return [...documents].sort((a, b) => rank(a) - rank(b));
}

/**
 * The first question made from `document` about a word not in `taken` that `ask` answers from
 * it, with its word; null when none is, or when the questions to ask are `spent`.
 */
function exampleFrom(
  index: SearchIndex,
  document: Letter,
  ask: Ask,
  taken: ReadonlySet<string>,
  spent: () => boolean,
): { question: string; word: string } | null {
  const questions = characteristicWords(index, document)
    .filter((word) => !taken.has(fold(word)))
    .flatMap((word) => questionsAbout(document, word).map((question) => ({ question, word })))
    .slice(0, QUESTIONS_PER_DOCUMENT);
  for (const example of questions) {
    if (spent()) return null;
    const answer = ask(example.question);
    if (!answer.abstained && answer.results[0]?.letterId === document.id) return example;
  }
  return null;
}

/** Lower-case words that join the words of one name: "Republic of Angola", "Day for Mine Awareness". */
const NAME_LINKS: ReadonlySet<string> = new Set([
  'of',
  'the',
  'for',
  'on',
  'de',
  'du',
  'des',
  'la',
]);
/**
 * Kinds of noun no one asks a document about: an amount ("million", "three") and a time
 * ("year", "November", "period").
 */
const NOT_A_TOPIC_KINDS: ReadonlySet<number> = new Set([LEX_FILE.quantity, LEX_FILE.time]);
/** Kinds of noun one points at (WordNet's lexicographer files): named in the singular, they take "the". */
const THINGS: ReadonlySet<number> = new Set([
  LEX_FILE.animal,
  LEX_FILE.artifact,
  LEX_FILE.body,
  LEX_FILE.location,
  LEX_FILE.object,
]);
/** Words a noun (or what stands before one) follows: articles, determiners, prepositions of place. */
const BEFORE_NOUNS: ReadonlySet<string> = new Set(
  'the a an of in to from by with at these those this their its our'.split(' '),
);
/** Words a noun follows and a verb never does: articles, demonstratives, possessives, "of". */
const NOUN_MARKERS: ReadonlySet<string> = new Set(
  'the a an of these those this their its our his her my your'.split(' '),
);
/** Words a verb follows and a noun seldom does: "to", auxiliaries and modals ("will plant", "has planted"). */
const VERB_MARKERS: ReadonlySet<string> = new Set(
  'to will would shall should can could may might must have has had'.split(' '),
);
/**
 * A word its document writes before "of" at least this share of the time heads what it is about
 * ("the realization of rights", "the implementation of the agreement"): tried after the others.
 */
const OF_HEAD_SHARE = 0.5;
/** A word its document writes after "the" at least this share of the time is asked about so. */
const ARTICLE_SHARE = 0.5;

/** How a document uses one word (all its forms, one concept). */
interface WordUses {
  /** Uses outside names: the word as a subject of its own. */
  free: number;
  /** Uses inside a name of several capitalized words ("Central African Republic"). */
  inNames: number;
  /** Free uses right after "the". */
  afterThe: number;
  /** Free uses right after a word a noun follows ("the", "of", "these"): a sign it is one. */
  afterDeterminer: number;
  /** Free uses right before "of": "the realization of", "the implementation of". */
  beforeOf: number;
  /** Free uses after a word only a noun follows ("the", "its", "of"). */
  asNoun: number;
  /** Free uses after a word a verb follows ("will", "has", "to"). */
  asVerb: number;
  /** The written forms of the free uses inside a sentence (a capital there is the word's own). */
  forms: Map<string, number>;
  /** The first form seen at a sentence's start, for a word used nowhere else. */
  opening: string;
}

/**
 * The words a document is most about, as one would ask about them: nouns (or words WordNet
 * lacks that the document uses as nouns: "landmine", "demining", "Lachin") it uses at least `MIN_WORD_USES`
 * times first, each tier by how often it uses them, how rare they are among the corpus's
 * passages (tf-idf: a word every document repeats, such as "Assembly" in speeches, is the
 * corpus's boilerplate) and how specific they are in general English ("city" and "people" say
 * less than "refugees"). Left out: stop words, figures, its author's own name, a time or an
 * amount ("year", "million"), and a word mostly used as a piece of a longer name ("Republic" of
 * "Central African Republic", "Council" of "Security Council"): asked about alone, it reads as a
 * fragment. A whole name used on its own ("Ukraine", "Lachin") stays. A singular noun the
 * document mostly writes after "the" is offered so ("the city").
 */
function characteristicWords(index: SearchIndex, document: Letter): string[] {
  const own = new Set(tokenize(document.author ?? '').map((t) => t.word));
  const uses = new Map<string, WordUses>();
  for (const passage of document.passages) {
    const { text } = passage;
    const tokens = tokenize(text);
    const capitalized = tokens.map((t) => /^\p{Lu}/u.test(text.slice(t.start, t.end)));
    const opening = tokens.map((t) =>
      /(?:^|[.!?:;"“([]|\s[—–-])\s*$/u.test(text.slice(0, t.start)),
    );
    /** Whether the nearest word that is no name link, `step` away from `i`, is part of a name. */
    const nameBeside = (i: number, step: 1 | -1): boolean => {
      let j = i + step;
      while (tokens[j] && !capitalized[j] && NAME_LINKS.has(tokens[j]?.word ?? '')) j += step;
      const t = tokens[j];
      return (
        t !== undefined &&
        capitalized[j] === true &&
        !isStopWord(t.word) &&
        (step === 1 || !opening[j])
      );
    };
    tokens.forEach(({ word, start, end }, i) => {
      if (word.length < MIN_EXAMPLE_WORD_LENGTH || !/^\p{L}+$/u.test(word)) return;
      if (isStopWord(word) || own.has(word)) return;
      const concept = conceptOf(word);
      let seen = uses.get(concept);
      if (!seen)
        uses.set(
          concept,
          (seen = {
            free: 0,
            inNames: 0,
            afterThe: 0,
            afterDeterminer: 0,
            beforeOf: 0,
            asNoun: 0,
            asVerb: 0,
            forms: new Map(),
            opening: '',
          }),
        );
      const form = text.slice(start, end);
      // The first part of a compound ("post" of "post-conflict") is no word of its own.
      if (/^[-‐]\p{L}/u.test(text.slice(end, end + 2))) return;
      if (capitalized[i] && (nameBeside(i, -1) || nameBeside(i, 1))) {
        seen.inNames += 1;
        return;
      }
      seen.free += 1;
      if (/\bthe\s+$/i.test(text.slice(Math.max(0, start - 5), start))) seen.afterThe += 1;
      const before = i > 0 ? (tokens[i - 1]?.word ?? '') : '';
      if (BEFORE_NOUNS.has(before)) seen.afterDeterminer += 1;
      if (NOUN_MARKERS.has(before)) seen.asNoun += 1;
      if (VERB_MARKERS.has(before)) seen.asVerb += 1;
      if (tokens[i + 1]?.word === 'of') seen.beforeOf += 1;
      if (opening[i]) seen.opening ||= form;
      else seen.forms.set(form, (seen.forms.get(form) ?? 0) + 1);
    });
  }
  const passages = Math.max(1, index.size);
  const scored: { word: string; score: number; tier: number }[] = [];
  for (const [concept, seen] of uses) {
    if (seen.free <= seen.inNames) continue;
    const word = seen.forms.size > 0 ? usualForm(seen.forms) : openingForm(seen.opening);
    if (!isTopic(word, seen.afterDeterminer > 0)) continue;
    // A noun that is a verb too, used here as a verb more than as a noun: "we will plant".
    if (seen.asVerb > seen.asNoun && isVerbToo(word)) continue;
    const id = index.conceptId(concept);
    if (id < 0) continue;
    const idf = Math.log(1 + passages / Math.max(1, index.documentFrequencyOf(id)));
    const specificity = specificityOfUsage(index.arrays.usage[id] ?? 0);
    const article = seen.afterThe >= seen.free * ARTICLE_SHARE && isSingular(word);
    scored.push({
      word: article ? `the ${word}` : word,
      score: seen.free * idf * specificity,
      tier:
        (seen.free >= MIN_WORD_USES ? 2 : 0) + (seen.beforeOf < seen.free * OF_HEAD_SHARE ? 1 : 0),
    });
  }
  return scored
    .sort((a, b) => b.tier - a.tier || b.score - a.score || (a.word < b.word ? -1 : 1))
    .slice(0, WORDS_TRIED)
    .map((s) => s.word);
}

/**
 * Whether a word, as written, is something to ask about: a noun (in its plural too:
 * "landmines") and no adjective ("deliberate", "European"), nor a time or an amount; or a word
 * WordNet lacks in every part of speech that the document uses as a noun (`asNoun`: after "the",
 * "of", "these"…): a field's own term ("landmine", "demining") or a place's name ("in Lachin"),
 * never a preposition WordNet lacks too ("during").
 */
function isTopic(written: string, asNoun: boolean): boolean {
  const wordnet = englishWordNet();
  const word = fold(written);
  const [lemma] = wordnet.baseForms(word, 'noun');
  if (lemma !== undefined)
    return !wordnet.hasLemma(lemma, 'adj') && !NOT_A_TOPIC_KINDS.has(wordnet.nounKind(word));
  return asNoun && PARTS_OF_SPEECH.every((pos) => wordnet.baseForms(word, pos).length === 0);
}

/**
 * A word seen only at the start of sentences, as it would be written inside one: in lower case
 * unless WordNet knows it mainly as a name ("Ukraine") or not at all ("Lachin").
 */
function openingForm(written: string): string {
  const wordnet = englishWordNet();
  const word = fold(written);
  const [lemma] = wordnet.baseForms(word, 'noun');
  return lemma === undefined || wordnet.isMainlyName(lemma) ? written : word;
}

/** Whether WordNet knows a word as a verb as well ("plant", "floods"). */
function isVerbToo(written: string): boolean {
  return englishWordNet().baseForms(fold(written), 'verb').length > 0;
}

/** Whether WordNet takes a noun as written for its own base form ("city", not "cities"). */
function isSingular(word: string): boolean {
  return englishWordNet().baseForms(fold(word), 'noun').includes(fold(word));
}

/**
 * Who speaks, as a question names them: with "the" where the document itself mostly writes the
 * name after "the" ("the Central African Republic", "the Philippines"); else without for a
 * State ("Norway") and with for a body or an office ("the Secretary-General").
 */
function speaker(author: string, document: Letter): string {
  if (/^the\s/i.test(author)) return author;
  const name = author.toLowerCase();
  let uses = 0;
  let afterThe = 0;
  for (const text of [document.title ?? '', ...document.passages.map((p) => p.text)]) {
    const lower = text.toLowerCase();
    for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + name.length)) {
      uses += 1;
      if (/\bthe\s+$/.test(lower.slice(Math.max(0, at - 5), at))) afterThe += 1;
    }
  }
  if (uses > 0) return afterThe >= uses * ARTICLE_SHARE ? `the ${author}` : author;
  return countries.getAlpha3Code(author, 'en') ? author : `the ${author}`;
}

/**
 * A word as its document writes it most often ("Ukraine", "landmines"), the shorter of two
 * forms written as often; its plural where the document writes that too ("landmines" for a
 * document that speaks of the "landmine threat" more often): what one asks about reads so.
 */
function usualForm(forms: ReadonlyMap<string, number>): string {
  let best = '';
  let most = 0;
  for (const [form, n] of forms)
    if (n > most || (n === most && form.length < best.length)) [best, most] = [form, n];
  return forms.has(`${best}s`) ? `${best}s` : forms.has(`${best}es`) ? `${best}es` : best;
}

/**
 * Questions about `word` in `document`, as people ask them: by who speaks and the year when the
 * author is a short name ("What did Norway say about refugees in 1997?"), by the document's kind
 * and date ("What does the letter of 24 August 2022 say about mines?"), and the word and year.
 */
function questionsAbout(document: Letter, written: string): string[] {
  const year = document.date.slice(0, 4);
  const word = withArticle(written);
  const questions: string[] = [];
  const author = document.author;
  if (author && !isLetter(document) && author.split(/\s+/).length <= MAX_NAME_WORDS / 2)
    questions.push(
      `What did ${speaker(author, document)} say about ${word}${year ? ` in ${year}` : ''}?`,
    );
  if (document.date)
    questions.push(
      `What does the ${document.kind} of ${formatUnDate(document.date)} say about ${word}?`,
    );
  questions.push(year ? `${written} in ${year}` : written);
  return questions;
}

/**
 * A topic as a question says it after "about": a thing one can count or point at, named in the
 * singular, takes "the" ("the ocean", "the border"); a plural, a name, an act or a state does not
 * ("mines", "Lachin", "peace").
 */
function withArticle(word: string): string {
  const wordnet = englishWordNet();
  const folded = fold(word);
  if (word !== folded || !isSingular(word) || wordnet.isMainlyName(folded)) return word;
  return THINGS.has(wordnet.nounKind(folded)) ? `the ${word}` : word;
}

/**
 * The forms of question the examples show, beside what a document says about a word: each a
 * different thing Annex finds in a passage.
 */
const FORMS = ['figure', 'signed', 'date', 'place'] as const;
type Form = (typeof FORMS)[number];
/** Questions of one form tried from one document, at most. */
const QUESTIONS_PER_FORM = 2;

/** A question, and what the passage that answers it must hold to count as answering it. */
interface Candidate {
  question: string;
  /** Words the answering excerpt holds: the figure, the signatory's name, the date, the place. */
  holds: string;
}

/**
 * The first question of `form`, made from one of `documents`, that `ask` answers from that
 * document with a passage holding what was asked for (the figure, the name, the date, the place);
 * null when none is.
 */
function formExample(
  index: SearchIndex,
  documents: readonly Letter[],
  form: Form,
  ask: Ask,
  spent: () => boolean,
): { question: string; from: Letter } | null {
  for (const document of documents) {
    for (const candidate of candidatesOf(index, document, form).slice(0, QUESTIONS_PER_FORM)) {
      if (spent()) return null;
      const answer = ask(candidate.question);
      const first = answer.results[0];
      if (answer.abstained || !first || first.letterId !== document.id) continue;
      if (fold(first.text).includes(fold(candidate.holds)))
        return { question: candidate.question, from: document };
    }
  }
  return null;
}

/** A figure before a word: "1,318 pieces", "314 people" (not a year, a date's day or a percentage). */
const FIGURE_BEFORE_WORD = /(?<![\d.,/-])(\d{1,3}(?:,\d{3})+|\d+)\s+(\p{L}{4,})\b/gu;
/** A place as texts write it after "in" or "near": one or two capitalized words. */
const PLACE_AFTER = /\b(?:in|near|at)\s+(?:the\s+)?(\p{Lu}\p{Ll}{3,}(?:\s\p{Lu}\p{Ll}+)?)\b/gu;

/** The questions of `form` that `document` could answer, most telling first. */
function candidatesOf(index: SearchIndex, document: Letter, form: Form): Candidate[] {
  const texts = document.passages.map((p) => p.text);
  const named =
    `the ${document.kind} of ${document.date ? formatUnDate(document.date) : ''}`.trim();
  switch (form) {
    case 'signed': {
      if (!document.date) return [];
      const seen = new Set<string>();
      return (isLetter(document) ? document.signatories : [])
        .filter((s) => !seen.has(s.name) && seen.add(s.name))
        .map((s) => ({
          question: `Who signed ${named}?`,
          holds: s.name.split(/\s+/).at(-1) ?? s.name,
        }));
    }
    case 'figure': {
      if (!document.date) return [];
      const found = new Map<string, { figure: string; rarity: number }>();
      for (const text of texts)
        for (const [, figure = '', noun = ''] of text.matchAll(FIGURE_BEFORE_WORD)) {
          const number = Number(figure.replace(/,/g, ''));
          if (/^(?:1[89]|20)\d\d$/.test(figure) || number < 2) continue;
          if (found.has(noun) || !isCountedNoun(noun)) continue;
          const id = index.conceptId(conceptOf(fold(noun)));
          if (id < 0) continue;
          found.set(noun, { figure, rarity: 1 / Math.max(1, index.documentFrequencyOf(id)) });
        }
      return [...found]
        .sort((a, b) => b[1].rarity - a[1].rarity || (a[0] < b[0] ? -1 : 1))
        .map(([noun, { figure }]) => ({
          // "How many cases does the report of 8 August 2025 give?", not "… report report?".
          question: `How many ${fold(noun)} does ${named} ${/\breport\b/i.test(named) ? 'give' : 'report'}?`,
          holds: figure,
        }));
    }
    case 'date': {
      const own = document.date;
      const dates: string[] = [];
      for (const text of texts)
        for (const match of text.matchAll(new RegExp(DATE_PATTERN.source, 'gi'))) {
          const [whole] = match;
          if (!dates.includes(whole) && !(own && formatUnDate(own) === whole)) dates.push(whole);
        }
      return dates.map((date) => ({ question: `What happened on ${date}?`, holds: date }));
    }
    case 'place': {
      const own = new Set(tokenize(document.author ?? '').map((t) => t.word));
      const places: string[] = [];
      for (const text of texts)
        for (const [, place = ''] of text.matchAll(PLACE_AFTER))
          if (!places.includes(place) && !own.has(fold(place)) && isPlaceName(place))
            places.push(place);
      return places.map((place) => ({ question: `What happened in ${place}?`, holds: place }));
    }
  }
}

/** Whether a word after a figure is what it counts: a plural noun, not a time or an amount ("years", "million"). */
function isCountedNoun(written: string): boolean {
  const wordnet = englishWordNet();
  const word = fold(written);
  const [lemma] = wordnet.baseForms(word, 'noun');
  if (lemma === undefined || lemma === word) return false;
  return !NOT_A_TOPIC_KINDS.has(wordnet.nounKind(word)) && !wordnet.hasLemma(lemma, 'adj');
}

/**
 * Whether capitalized words after "in" name a place: a country, or a name WordNet does not know
 * as a common word ("Lachin", "Khojavand"), not a month, an office or a title ("in September",
 * "in Geneva" is kept, "in Resolution" is not).
 */
function isPlaceName(written: string): boolean {
  if (countries.getAlpha3Code(written, 'en')) return true;
  const wordnet = englishWordNet();
  return written
    .split(/\s/)
    .every(
      (part) =>
        PARTS_OF_SPEECH.every((pos) => wordnet.baseForms(fold(part), pos).length === 0) ||
        wordnet.isMainlyName(fold(part)),
    );
}
