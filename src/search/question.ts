import {
  analyze,
  conceptOf,
  fold,
  isGlossaryConcept,
  isStopWord,
  MAX_WORD_LENGTH,
  type Term,
  type Token,
  tokenize,
} from './analyze.ts';
import { FORM_WEIGHT, SYNONYM_WEIGHT } from './lexicon.ts';
import { GLOSSARY } from './glossary.ts';
import { DOCUMENT_WORDS, parseLetterReference, type LetterReference } from './letter-reference.ts';
import { type AskedWord, countedClauseEnd, mostlyNoun, namesAThing, readShape } from './asks.ts';
import { type DateHint, MONTH_NAME, parseDateHint } from './time.ts';
import type { SearchIndex } from './search-index.ts';
import { PARTS_OF_SPEECH, WordNet } from './wordnet.ts';
import { spelledOut } from './acronyms.ts';

/** A concept of the letters that answers for a word of the question, and how much it counts. */
export interface Alternative {
  concept: string;
  /** 1 for the word itself; less for a related word, a corrected spelling, a glossary meaning. */
  weight: number;
}

/** One thing the question asks about: a word as the user wrote it, and what finds it. */
export interface Slot {
  /** The word (or glossary form, or compound) as the user wrote it, folded. */
  word: string;
  /** The concept of the word as written: no alternative counts as more specific than it. */
  concept: string;
  /** Concepts the letters contain that stand for it, best first; empty when none does. */
  alternatives: Alternative[];
  /** The corpus word it was corrected to, when the user's word is no English word. */
  correctedTo: string | null;
  /** Where the word stands in the question. */
  start: number;
  end: number;
  /** For a word the letters lack: whether it names a thing (a noun, or a name WordNet lacks). */
  nominal: boolean;
}

/**
 * What a question asks for, which the passages shown must state for Annex to answer: a
 * passage about the right subject that does not state it does not answer.
 */
export interface Asks {
  /** "How many X" where the letters never mention X ("how many children …"). */
  countedMissing: boolean;
  /** A clause opens with "when" (or asks for a date or year): a passage must state a time. */
  time: boolean;
  /**
   * The slot of the thing asked for ("what were the names of …", "which company …", "who is the
   * minister of …", "how old …"), which a shown passage must hold; null when the question's shape
   * names none (`readShape`).
   */
  focus: number | null;
  /** Slots of the words of the thing asked for ("agenda item number"): not what it is about. */
  focusPhrase: number[];
  /**
   * The slot of the verb ("who built …", "when did … start", "how many were injured"), which the
   * passage that answers (the one stating the figure or the time) must hold; null when none.
   */
  predicate: number | null;
  /**
   * Which passages must hold the predicate: those giving the figure, the time, the thing asked
   * for ("which country produced …"), or any shown.
   */
  predicateOf: 'figure' | 'time' | 'focus' | 'any';
  /** The slot of the verb of "what did X VERB", which the letters must use; null when none. */
  verb: number | null;
  /** A name the letters never mention: a word neither English nor a typo of an English word. */
  missingName: string | null;
  /**
   * When the question names things ("a good movie for tonight") and the letters hold none of
   * them, the first: what matches is only its verbs and adjectives, not its subject.
   */
  missingThing: string | null;
  /**
   * The slot of X in "what did X say", "how did X react": a shown passage must come from what X
   * sent or signed, or report X's words.
   */
  speaker: number | null;
  /** X as typed, a name of two words whole ("New Zealand"). */
  speakerName: string | null;
  /** The slot of X in "what did X do (about …)": a shown passage must name X. */
  actor: number | null;
  /**
   * Slots of the other things that clause names ("how many servicemen were injured in the tunnel
   * explosion"): a figure answers only in a passage about most of them (by value).
   */
  things: number[];
  /** A clause opens with "who" or "whom" (not "who is the X"): the answer names people. */
  person: boolean;
  /** How many clauses ask something: "how many fishers … and how long …" asks two things. */
  clauses: number;
  /**
   * Slots of the names that the clause of a "how many" question uses after what it counts, which
   * the letters hold but English lacks (places, agencies: "Kalbajar", "ANAMA"): a figure answers
   * "how many" only for them.
   */
  names: number[];
}

/** A question, analyzed for searching. */
export interface ParsedQuestion {
  /** The question as read: as asked, with typos of words that only shape it put right. */
  text: string;
  /** What it asks about, one slot per word (including those the letters lack). */
  slots: Slot[];
  /** Quoted phrases, folded, that a passage must contain verbatim. */
  phrases: string[];
  /** "How many / how much / number of": prefer passages with figures. */
  wantsFigure: boolean;
  /** "How long": prefer passages that state a duration. */
  wantsDuration: boolean;
  /** "How often": prefer passages that state a frequency ("almost daily"). */
  wantsFrequency: boolean;
  /**
   * "How many X": the slot of X, the thing counted; a passage with a figure right before X
   * ("85 citizens", "2,700 anti-personnel landmines") answers it. Null when the question
   * counts nothing it names.
   */
  counted: number | null;
  /** For "how many of the X were Y": the slot of X, whose words do not count Y. */
  countedWhole: number | null;
  /** "how strong / big / high …": a measure is asked for, a figure with its unit. */
  wantsMeasure: boolean;
  /** The measure asked for is a size ("how big is the area"): a share of a whole gives it. */
  wantsSize: boolean;
  /** "how much did X give / pay / spend": the slots of X, who must be named with the sum. */
  payer: number[];
  /**
   * The slot of the word that says which of the counted is meant ("how many evacuation
   * centres"): a count of other centres ("six health centres") is not the answer.
   */
  countedModifier: number | null;
  /**
   * "How many … in total / altogether / combined": the count asked for adds up parts, so a
   * passage that lists the parts ("two civilians and four servicemen") or says it gives a total
   * comes before one that counts one part ("2 civilians were killed").
   */
  wantsTotal: boolean;
  /**
   * When the thing counted is an abbreviation's phrase of several words ("AT mines",
   * "anti-personnel landmines"): the phrase's concepts. A figure counts the phrase, not its last word alone:
   * "2,700 anti-personnel landmines" are not anti-tank mines. Null otherwise.
   */
  countedAs: string[] | null;
  /**
   * Per slot, the concepts of the abbreviation's phrase of several words it is ("AT mines" →
   * §at-mine), or null: where it matters which thing a passage is about, it holds such a slot
   * only by the phrase, not by its last word.
   */
  slotPhrases: (readonly string[] | null)[];
  /** "What percentage / how many percent": a passage must state one ("25 per cent", "55%"). */
  wantsPercentage: boolean;
  /** "How much did it cost / pay / spend", "how much money": a passage must state a sum of money. */
  wantsMoney: boolean;
  /** "What time of day", "at what time": a passage must state a time of day ("at 14:30", "at night"). */
  wantsClock: boolean;
  /**
   * "When will …", "how long will … take": a time to come. A passage must state one: a year
   * after its letter's, or "within the next five years", "by the end of 2030".
   */
  wantsFuture: boolean;
  /**
   * The figure of the whole a "how many of the 61 dead were civilians" counts a part of: the
   * passage that gives the part must be about that whole, so it names the figure. Null otherwise.
   */
  wholeFigure: string | null;
  /** Figures the question itself states ("of the 314 victims"): not what it asks for. */
  statedFigures: string[];
  /** "When …", "on what date": prefer passages that state a day. */
  wantsDate: boolean;
  /** "Who signed / wrote …": answer with the signatures of the letters the rest names. */
  wantsSignatory: boolean;
  /** A clause opens with "who" or "whom": prefer passages that name people. */
  wantsPerson: boolean;
  date: DateHint | null;
  /** The letters the question names as people name them ("the feb 2021 cover letter"). */
  letters: LetterReference | null;
  asks: Asks;
}

const PHRASE = /"([^"]+)"|“([^”]+)”/g;
const WANTS_FIGURE =
  /\bhow (?:many|much)\b|\bnumber of\b|\bwhat (?:number|total|percentage|share|figure)\b|\bby how much\b|\bhow often\b/i;
const WANTS_DATE = /\b(?:what|which) (?:date|day)\b/i;
const WANTS_SIGNATORY =
  /\bwho (?:signed|wrote|sent|authored)\b|\bsigned by\b|\b(?:author|signatory|signatories|signer)s? of\b|\bsign(?:ed|s)? (?:the|this|that|a) (?:[\w-]+ ){0,3}(?:letter|note|annex)\b/i;
const WANTS_DURATION =
  /\bhow long\b|\bfor how many (?:years|months|weeks|days|decades)\b|\bhow many (?:years|months|weeks|days|decades) (?:did|does|do|will|would|was|were|has|have|had)\b/i;
const WANTS_PERCENTAGE =
  /\b(?:percentage|percent|per cent)\s+of\b|\b(?:what|which|how many)\s+(?:percentage|percent|per cent|%)/i;
const WANTS_MONEY =
  /\bhow much (?:money\b|(?:do|does|did|will|would|has|have|had|is|was)\b.*\b(?:pay|paid|cost|costs|spend|spent|worth|fund|funded|invest|invested|donate|donated|budget|give|gave|given|allocate|allocated|pledge|pledged|contribute|contributed|raise|raised)\b)|\bwhat (?:was|is|were|are|did) (?:the )?(?:cost|price|budget)\b|\bhow expensive\b/i;
/** Words for money itself, not for what it is spent on. */
const MONEY_WORDS: ReadonlySet<string> = new Set(['money', 'cash', 'funds', 'funding', 'dollars']);
const WANTS_FUTURE =
  /\bwhen (?:will|shall)\b|\bwhen (?:is|are)\b.*\b(?:going to|expected to|due to|planned to)\b|\bhow (?:long|many \w+) will\b/i;
/** "what percentage / share of X were …": what follows is what the part is said to be. */
const PERCENTAGE_OF_X_WERE =
  /\b(?:percentage|percent|per cent|share|proportion|fraction)\s+of\s+[^?;]*?\b(?:were|are|was|is)\s+/iu;
const WANTS_CLOCK = /\btime of (?:the )?day\b|\b(?:at )?what time\b|\bwhat hour\b/i;
const WANTS_TOTAL =
  /\b(?:in total|in all|altogether|all together|combined|total number|all told)\b/i;
const WANTS_FREQUENCY = /\bhow (?:often|frequently)\b|\bhow many times\b/i;
/** "how many of the (500,000) …": a part of a whole is counted. */
const PARTITIVE = /^of\s+(?:the|these|those|all)\s+(?:([\d,.]*\d)\s+)?/i;
/** The figure of the whole in "how many of the 61 dead …", as the letters may write it. */
function wholeFigureOf(text: string): string | null {
  const m = HOW_MANY.exec(text);
  const figure = m ? PARTITIVE.exec(text.slice(m.index + m[0].length))?.[1] : undefined;
  return figure ?? null;
}
/** "how many (more) (of the 314) X …": what follows names the thing counted. */
const HOW_MANY = /\bhow (?:many|much)\s+(?:more\s+)?/i;
/** In "how long did X last?", the verb is part of the question form, not something to find. */
const DURATION_VERBS = new Set([
  'last',
  'lasted',
  'take',
  'took',
  'continue',
  'continued',
  'go',
  'went',
]);

/** Edit distance allowed when correcting a word of this length: none for short words. */
function allowedDistance(word: string): number {
  if (word.length >= 8) return 2;
  if (word.length >= 5) return 1;
  return 0;
}

/**
 * The corpus word closest to `word` by edit distance, counting two swapped neighbours as one
 * edit ("recrods" → "records"); ties go to the commoner word. Null when none is close enough,
 * or when an English word is closer than the corpus word is.
 */
function correctSpelling(
  index: SearchIndex,
  word: string,
): { word: string; concept: string } | null {
  let known = corrections.get(index);
  if (!known) corrections.set(index, (known = new Map()));
  let correction = known.get(word);
  if (correction === undefined) {
    correction = closestWord(index, word);
    if (known.size < 10_000) known.set(word, correction);
  }
  return correction;
}

/** Corrections already worked out, per index (a misspelling is rarely typed only once). */
const corrections = new WeakMap<
  SearchIndex,
  Map<string, { word: string; concept: string } | null>
>();

function closestWord(index: SearchIndex, word: string): { word: string; concept: string } | null {
  const distance = allowedDistance(word);
  if (distance === 0 || word.length > MAX_WORD_LENGTH || /\d/.test(word)) return null;
  const candidates: [string, string, number][] = [];
  for (const [candidate, [concept, d]] of index.surfaceWords.fuzzyGet(word, distance))
    candidates.push([candidate, concept, d]);
  for (let i = 0; i + 1 < word.length; i++) {
    const swapped = word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
    const concept = index.surfaceWords.get(swapped);
    if (concept !== undefined && swapped !== word) candidates.push([swapped, concept, 1]);
  }
  let best: { word: string; concept: string; distance: number; df: number } | null = null;
  for (const [candidate, concept, d] of candidates) {
    const df = index.documentFrequency(concept);
    if (!best || d < best.distance || (d === best.distance && df > best.df)) {
      best = { word: candidate, concept, distance: d, df };
    }
  }
  // "presidnt" is one edit from "president", two from the letters' "present": a typo of a
  // word the letters lack, not of theirs.
  if (best && best.distance > 1 && nearEnglishWord(word)) return null;
  return best;
}

let wordnet: WordNet | null = null;
/** Whether `word` is short enough to look up and WordNet says `test` of it (opened on first use). */
function wordnetSays(word: string, test: (english: WordNet, word: string) => boolean): boolean {
  wordnet ??= new WordNet();
  return word.length <= MAX_WORD_LENGTH && test(wordnet, word);
}

/** Whether `word` is English (WordNet knows it, or a form of it): such a word is never "corrected". */
export const isEnglishWord = (word: string): boolean => wordnetSays(word, (w, x) => w.isWord(x));

/**
 * A test of WordNet that walks its is-a hierarchy, answered once per word: passages are read
 * with it while ranking.
 */
function remembered(test: (english: WordNet, word: string) => boolean): (word: string) => boolean {
  const known = new Map<string, boolean>();
  return (word) => {
    let answer = known.get(word);
    if (answer === undefined) known.set(word, (answer = wordnetSays(word, test)));
    return answer;
  };
}

/** Whether WordNet knows `word` as a unit of money ("soms", "manats"). */
export const isMoneyWord = remembered((w, x) => w.isMoney(x));

/** Whether WordNet knows the noun `word` as a magnitude ("speed", "depth"). */
const isMagnitudeWord = (word: string): boolean =>
  /^\p{L}+$/u.test(word) && wordnetSays(word, (w, x) => w.isMagnitude(x));

/** Whether WordNet knows `word` as one of size ("big", "extent"). */
const isSizeWord = (word: string): boolean => wordnetSays(word, (w, x) => w.measuresSize(x));

/** Whether WordNet knows `word` as a sum of money ("compensation", "budget"). */
const isSumWord = (word: string): boolean => wordnetSays(word, (w, x) => w.isSum(x));
/** "how much compensation": the noun after "how much". */
const HOW_MUCH_X = /\bhow much\s+(\p{L}+)/iu;

/** Whether WordNet knows `word` as a unit of measurement ("metres", "hectares"). */
export const isUnitWord = remembered((w, x) => w.isUnit(x));

/** Whether WordNet knows the adjective `word` as a value of an attribute ("strong", "big"). */
export const isMeasureWord = (word: string): boolean => wordnetSays(word, (w, x) => w.isMeasure(x));

/** Whether WordNet knows `word` only as a name ("Georgia", "Moscow"): a place or person. */
function isNameOnly(word: string): boolean {
  wordnet ??= new WordNet();
  return wordnet.isNameOnly(word);
}

/**
 * Whether a word may name who said something: a name English lacks, or a noun for a person,
 * group, organization or country ("what did Turkey say"; not "what does the refusal say about").
 */
function maySpeak(word: string): boolean {
  if (!isEnglishWord(word) || canSpeak(word)) return true;
  // "SG": what a glossary form stands for ("Secretary-General").
  return GLOSSARY.terms.some(
    (t) =>
      t.forms.some((f) => fold(f) === word) && t.means.some((m) => canSpeak(m.replace(/-/g, ' '))),
  );
}

/** Whether WordNet knows a phrase as a person, group, organization or country ("New Zealand"). */
function canSpeak(phrase: string): boolean {
  wordnet ??= new WordNet();
  return wordnet.canSpeak(phrase);
}

let oneThings: ReadonlySet<string> | null = null;
/**
 * Whether a glossary concept is an abbreviation's: one thing, named by a phrase ("AT mines",
 * "anti-tank mines"), not a term that lists several ("killed and injured" for "casualties").
 */
function namesOneThing(concept: string): boolean {
  oneThings ??= new Set(
    GLOSSARY.terms
      .filter((t) => t.kind === 'abbreviation')
      .flatMap((t) => analyze(t.forms[0] ?? ''))
      .map((t) => t.concept)
      .filter(isGlossaryConcept),
  );
  return oneThings.has(concept);
}

/** WordNet's detachment rules for nouns and verbs, tried on a word the letters lack ("died" → "die"). */
const DETACHMENTS: readonly (readonly [string, string])[] = [
  ['ies', 'y'],
  ['es', 'e'],
  ['es', ''],
  ['s', ''],
  ['ed', 'e'],
  ['ed', ''],
  ['ing', 'e'],
  ['ing', ''],
];

/** Weight of a term the user misspelled and we corrected: it counts, but less than an exact word. */
export const CORRECTED_WEIGHT = 0.8;
/** Weight of a month or year word that names the question's time: the date preference does that work. */
export const DATE_WORD_WEIGHT = 0.25;

/** Adds `concept` at `weight` unless it is already there at least as heavy. */
function offer(alternatives: Map<string, number>, concept: string, weight: number): void {
  if ((alternatives.get(concept) ?? 0) < weight) alternatives.set(concept, weight);
}

/**
 * The concepts that stand for one term: itself when the letters hold it, and, for a word the
 * user typed (not a glossary meaning or a compound's part), what it relates to; a word that
 * stands for nothing is tried in its base forms ("died" → "die").
 */
function alternativesOf(index: SearchIndex, term: Term, into: Map<string, number>): void {
  const known = (concept: string) =>
    index.documentFrequency(concept) > 0 || index.inHeadings(concept);
  const relate = (key: string, weight: number) => {
    for (const r of index.related(key))
      if (known(r.concept)) offer(into, r.concept, weight * r.weight);
  };
  if (known(term.concept)) offer(into, term.concept, term.weight);
  if (term.weight < 1) return;
  relate(term.concept, term.weight);
  if (into.size > 0 || /\d/.test(term.word) || term.word.length < 4) return;
  for (const [suffix, replacement] of DETACHMENTS) {
    if (!term.word.endsWith(suffix) || term.word.length <= suffix.length + 2) continue;
    const base = conceptOf(term.word.slice(0, -suffix.length) + replacement);
    if (base === term.concept) continue;
    if (known(base)) offer(into, base, term.weight * FORM_WEIGHT);
    relate(base, term.weight * FORM_WEIGHT);
  }
}

/**
 * Where the thing a "how many" question counts is named: the last word of the run of words
 * after "how many" ("how many ANAMA employees were …" → "employees"), which ends at a stop
 * word or a verb in the past ("how many Azerbaijanis lost …"). For "how many of the 500,000
 * landmines were anti-tank mines", the part counted ("mines" of "anti-tank mines") and the
 * whole it is part of ("landmines"); "how many of the 314 victims died" counts no thing it
 * names. Null positions for other questions.
 */
function countedWordAt(
  text: string,
  inPhrase: (at: number) => boolean,
): { counted: number | null; whole: number | null } {
  const none = { counted: null, whole: null };
  const m = HOW_MANY.exec(text);
  if (!m) return none;
  const lastOfRun = (from: number): number | null => {
    let at: number | null = null;
    for (const token of tokenize(text.slice(from))) {
      // "how many AT mines": a stop word inside a glossary phrase does not end the run.
      const stop = isStopWord(token.word) && !inPhrase(from + token.start);
      if (stop || /\d/.test(token.word) || isPastTense(token.word)) break;
      at = from + token.start;
    }
    return at;
  };
  const after = m.index + m[0].length;
  const partitive = PARTITIVE.exec(text.slice(after));
  if (!partitive) return { counted: lastOfRun(after), whole: null };
  const whole = lastOfRun(after + partitive[0].length);
  const copula = /\b(?:were|are|was|is)\s+/i.exec(text.slice(whole ?? after));
  if (!copula || whole === null) return none;
  return { counted: lastOfRun(whole + copula.index + copula[0].length), whole };
}

/** Whether the question asks "how ADJ" of an adjective that names a measure ("how strong"). */
function asksMeasure(text: string, word: string): boolean {
  return (
    /^\p{L}+$/u.test(word) &&
    new RegExp(`\\bhow\\s+${word}\\b`, 'iu').test(text) &&
    isMeasureWord(word)
  );
}

/** "how much did X give": X, between the auxiliary and a verb of paying. */
const PAID_BY =
  /\bhow much (?:money )?(?:did|does|do|has|have|had|will|would)\s+(.+?)\s+(?:pay|paid|spend|spent|give|gave|given|allocate|allocated|donate|donated|contribute|contributed|pledge|pledged|provide|provided|raise|raised|invest|invested)\b/i;

/** The slots of who paid in "how much did X give / pay / spend", or none. */
function payerOf(text: string, slots: readonly Slot[]): number[] {
  const m = PAID_BY.exec(text);
  if (!m?.[1]) return [];
  const from = m.index + m[0].indexOf(m[1]);
  const to = from + m[1].length;
  return slots.flatMap((s, i) =>
    s.start >= from && s.end <= to && s.alternatives.length > 0 ? [i] : [],
  );
}

/**
 * The slot of the word right before the counted word, after "how many" ("evacuation" in "how
 * many evacuation centres"), when the letters hold it as written; null when there is none.
 */
function modifierOf(text: string, slots: readonly Slot[], counted: number): number | null {
  const how = HOW_MANY.exec(text);
  const thing = slots[counted];
  if (!how || !thing) return null;
  const at = slots.findIndex(
    (s, i) =>
      i !== counted &&
      s.start >= how.index + how[0].length &&
      s.end <= thing.start &&
      /^[\s-]+$/.test(text.slice(s.end, thing.start)),
  );
  const modifier = slots[at];
  return modifier && !/\d/.test(modifier.word) && (modifier.alternatives[0]?.weight ?? 0) >= 1
    ? at
    : null;
}

/** Whether a word is a verb in the past ("lost", "died", "planted"): it ends what was counted. */
function isPastTense(word: string): boolean {
  wordnet ??= new WordNet();
  return (
    (word.endsWith('ed') && !wordnet.hasLemma(word, 'noun')) ||
    wordnet.irregularBase(word, 'verb') !== undefined
  );
}

/** Words that may end a multi-word lemma ("drive out", "hand over", "blow up"). */
const PARTICLES = new Set([
  'out',
  'up',
  'over',
  'off',
  'down',
  'away',
  'back',
  'in',
  'on',
  'through',
]);

/**
 * Multi-word lemmas in the question ("driven out", "hand over") that relate to the letters'
 * words, as extra alternatives for the unit of their first word.
 */
function phraseAlternatives(index: SearchIndex, text: string): Map<number, Map<string, number>> {
  const tokens = tokenize(text);
  const byStart = new Map<number, Map<string, number>>();
  const relate = (words: readonly Token[]) => {
    const related = index.related(words.map((t) => conceptOf(t.word)).join(' '));
    if (related.length === 0) return false;
    const found = new Map<string, number>();
    for (const r of related) offer(found, r.concept, r.weight);
    byStart.set((words[0] as Token).start, found);
    return true;
  };
  for (let i = 0; i + 1 < tokens.length; i++) {
    const first = tokens[i] as Token;
    const adjacent = [3, 2].some((length) => {
      const words = tokens.slice(i, i + length);
      return words.length === length && PARTICLES.has(words.at(-1)?.word ?? '') && relate(words);
    });
    if (adjacent) continue;
    // "pull all its troops out": the particle a few words on, in the same clause.
    for (let j = i + 2; j < Math.min(tokens.length, i + 2 + PARTICLE_REACH); j++) {
      const particle = tokens[j] as Token;
      if (/[,;:.?!()]/.test(text.slice(first.end, particle.start))) break;
      if (PARTICLES.has(particle.word) && relate([first, particle])) break;
    }
  }
  return byStart;
}

/** A particle right after a word ("leave out", "hand over"). */
const PARTICLE_NEXT = new RegExp(`^\\s+(?:${[...PARTICLES].join('|')})\\b`, 'i');

/** A figure said in words as people say it: "half a million", "a thousand", "2.7 thousand". */
const SCALED = /\b(half an?|an?|one|\d+(?:\.\d+)?)\s+(thousand|million)\b/gi;
const SCALES: Readonly<Record<string, number>> = { thousand: 1_000, million: 1_000_000 };

/** The question with figures said in words written as the letters write them ("500,000"). */
function figuresInWords(text: string): string {
  return text.replace(SCALED, (whole, amount: string, scale: string) => {
    const lead = amount.toLowerCase();
    const times = lead.startsWith('half') ? 0.5 : /^\d/.test(lead) ? Number(lead) : 1;
    const value = Math.round(times * (SCALES[scale.toLowerCase()] ?? 1));
    return Number.isFinite(value) ? value.toLocaleString('en-US') : whole;
  });
}

/** What joins two things counted together ("how many UXO and mines"). */
const COORDINATED = /^\s*(?:and|or|&|\/)\s*/i;

/** How many words may stand between a verb and its particle ("pull all its troops out"). */
const PARTICLE_REACH = 4;

/**
 * What a question sets aside ("apart from the ceasefire deal", "other than Lachin"): up to the
 * end of its clause, not what it asks about.
 */
const SET_ASIDE =
  /\b(?:apart from|aside from|besides|except(?: for)?|other than|not counting|excluding)\b[^,;:?!()]*/gi;

/**
 * Analyzes a question against `index`: one slot per word, each with the concepts of the letters
 * that answer for it (the word, its other forms, related words and glossary meanings, or a
 * spelling correction for a word that is no English word), plus phrases, intent and time.
 */
export function parseQuestion(index: SearchIndex, asked: string): ParsedQuestion {
  const text = figuresInWords(
    spellOutAbbreviations(index, splitCompounds(index, fixFunctionWordTypos(index, asked))),
  );
  const phrases = [...text.matchAll(PHRASE)]
    .map((m) =>
      fold(m[1] ?? m[2] ?? '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
  const date = parseDateHint(text);
  const letters = parseLetterReference(text, (c) => index.inHeadings(c));
  const wantsDuration = WANTS_DURATION.test(text);
  const dateWords = new Set(date ? fold(date.words).split(/[^\p{L}\p{N}]+/u) : []);
  const setAside = [...text.matchAll(SET_ASIDE)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  const analyzed = analyze(text, { question: true }).filter(
    (t) =>
      !(wantsDuration && DURATION_VERBS.has(t.word)) &&
      !setAside.some((s) => t.start >= s.start && t.end <= s.end),
  );
  // The words that name a letter only narrow the search, unless they are all the question asks
  // ("which letter is a press release"): then they are what to find in it.
  const naming = letters?.spans ?? [];
  const searched = analyzed.filter(
    (t) => !naming.some((s) => t.start >= s.start && t.end <= s.end),
  );
  const terms = searched.length > 0 ? searched : analyzed;
  const units = new Map<number, Term[]>();
  for (const t of terms) units.set(t.unit, [...(units.get(t.unit) ?? []), t]);
  const lemmaPhrases = phraseAlternatives(index, text);
  const phraseSpans = analyzed.filter((t) => isGlossaryConcept(t.concept) && t.word.includes(' '));
  const { counted: countedAt, whole: wholeAt } = countedWordAt(text, (at) =>
    phraseSpans.some((t) => t.start <= at && at < t.end),
  );
  /** Per slot key: the concepts of the glossary phrases of several words its unit holds. */
  const phrasesOf = new Map<string, string[]>();
  let countedKey: string | null = null;
  let countedEndAt: number | null = null;
  let wholeKey: string | null = null;
  const slots = new Map<string, Slot>();
  for (const unit of units.values()) {
    const head =
      unit.find((t) => t.weight === 1 && !isGlossaryConcept(t.concept)) ??
      unit.find((t) => t.weight === 1) ??
      (unit[0] as Term);
    const alternatives = new Map<string, number>();
    for (const term of unit) alternativesOf(index, term, alternatives);
    for (const [concept, weight] of lemmaPhrases.get(head.start) ?? [])
      offer(alternatives, concept, weight);
    let correctedTo: string | null = null;
    const single = unit.length === 1 && !head.word.includes(' ');
    if (alternatives.size === 0 && single) {
      // "what does Baku want": a capital the letters do not name stands for its country.
      wordnet ??= new WordNet();
      for (const country of wordnet.countriesOfCapital(head.word))
        alternativesOf(
          index,
          { ...head, word: country, concept: conceptOf(country) },
          alternatives,
        );
      for (const [c, w] of alternatives) alternatives.set(c, w * SYNONYM_WEIGHT);
    }
    if (alternatives.size === 0 && single && !isStopWord(head.word) && !isEnglishWord(head.word)) {
      const correction = correctSpelling(index, head.word);
      if (correction) {
        correctedTo = correction.word;
        const corrected = { ...head, word: correction.word, concept: correction.concept };
        alternativesOf(index, corrected, alternatives);
        for (const [c, w] of alternatives) alternatives.set(c, w * CORRECTED_WEIGHT);
      }
    }
    if (dateWords.has(head.word)) {
      // The date preference does the work; a date word counts little, and none when no passage holds it.
      if (alternatives.size === 0) continue;
      for (const [c, w] of alternatives) alternatives.set(c, w * DATE_WORD_WEIGHT);
    }
    const sorted = [...alternatives]
      .map(([concept, weight]) => ({ concept, weight }))
      .sort((a, b) => b.weight - a.weight || a.concept.localeCompare(b.concept));
    const key = sorted.length > 0 ? sorted.map((a) => a.concept).join(' ') : `?${head.word}`;
    if (!slots.has(key)) {
      const nominal = sorted.length === 0 && isNominal(head.word);
      const start = Math.min(...unit.map((t) => t.start));
      const end = Math.max(...unit.map((t) => t.end));
      slots.set(key, {
        word: head.word,
        concept: correctedTo === null ? head.concept : (sorted[0]?.concept ?? head.concept),
        alternatives: sorted,
        correctedTo,
        start,
        end,
        nominal,
      });
    }
    const phraseConcepts = unit
      .filter((t) => t.word.includes(' ') && namesOneThing(t.concept))
      .map((t) => t.concept);
    if (phraseConcepts.length > 0) phrasesOf.set(key, phraseConcepts);
    if (countedAt !== null && unit.some((t) => t.start <= countedAt && countedAt < t.end)) {
      countedKey = key;
      countedEndAt = Math.max(...unit.map((t) => t.end));
    }
    if (wholeAt !== null && unit.some((t) => t.start <= wholeAt && wholeAt < t.end)) wholeKey = key;
  }
  const slotList = [...slots.values()];
  let counted = countedKey === null ? -1 : [...slots.keys()].indexOf(countedKey);
  // "how many UXO and mines": when the letters lack the first thing counted, count the next.
  const joined = countedEndAt === null ? null : COORDINATED.exec(text.slice(countedEndAt));
  if (joined && countedEndAt !== null && slotList[counted]?.alternatives.length === 0) {
    const next = countedEndAt + joined[0].length;
    const other = slotList.findIndex((s) => s.start === next && s.alternatives.length > 0);
    if (other >= 0) {
      counted = other;
      countedEndAt = slotList[other]?.end ?? countedEndAt;
    }
  }
  // "how much money did they set aside": the sum asked for is written in a currency ("150
  // million soms"), not as "money"; the money check reads it.
  // "how much compensation", "how much is the budget": a sum of money by WordNet.
  const sum = HOW_MUCH_X.exec(text)?.[1]?.toLowerCase();
  const sumAsked = sum !== undefined && isSumWord(sum);
  const wantsMoney = WANTS_MONEY.test(text) || sumAsked;
  if (wantsMoney && (MONEY_WORDS.has(slotList[counted]?.word ?? '') || sumAsked)) counted = -1;
  const whole = wholeKey === null ? -1 : [...slots.keys()].indexOf(wholeKey);
  const countedPhrase = counted < 0 ? undefined : phrasesOf.get([...slots.keys()][counted] ?? '');
  const asks = whatItAsks(text, slotList, counted, countedEndAt);
  const focusWord = asks.focus === null ? '' : (slotList[asks.focus]?.word ?? '');
  const wantsMeasure =
    asks.focus !== null && (asksMeasure(text, focusWord) || isMagnitudeWord(focusWord));
  return {
    text,
    slots: slotList,
    phrases,
    wantsFigure: WANTS_FIGURE.test(text),
    wantsDuration,
    wantsFrequency: WANTS_FREQUENCY.test(text),
    // "for how many years were the lands occupied" asks how long, not for a count of years.
    counted: counted >= 0 && !asks.countedMissing && !wantsDuration ? counted : null,
    countedWhole: whole >= 0 && whole !== counted ? whole : null,
    countedModifier: counted >= 0 ? modifierOf(text, slotList, counted) : null,
    payer: payerOf(text, slotList),
    wantsMeasure,
    wantsSize: wantsMeasure && isSizeWord(focusWord),
    wantsTotal: counted >= 0 && WANTS_TOTAL.test(text),
    wholeFigure: counted >= 0 ? wholeFigureOf(text) : null,
    countedAs: countedPhrase ?? null,
    slotPhrases: [...slots.keys()].map((key) => phrasesOf.get(key) ?? null),
    wantsPercentage: WANTS_PERCENTAGE.test(text),
    wantsMoney,
    wantsFuture: WANTS_FUTURE.test(text),
    wantsClock: WANTS_CLOCK.test(text),
    statedFigures: tokenize(text)
      .map((t) => t.word)
      .filter((w) => /^\d/.test(w)),
    wantsDate: asks.time || WANTS_DATE.test(text),
    wantsSignatory: WANTS_SIGNATORY.test(text),
    wantsPerson: asks.person,
    date,
    letters,
    asks,
  };
}

/** The slot a span of the question falls in, or -1. */
function slotAt(slots: readonly Slot[], start: number, end: number): number {
  return slots.findIndex((s) => s.start <= start && end <= s.end);
}

/** Reads what the question asks for (see `Asks`) from its shape and its slots. */
function whatItAsks(
  text: string,
  slots: readonly Slot[],
  counted: number,
  countedEnd: number | null,
): Asks {
  // Misspelled words are read as the words they were corrected to ("evacuted" is a verb).
  const spelled = new Map(
    slots.flatMap((s) => (s.correctedTo === null ? [] : [[s.word, s.correctedTo] as const])),
  );
  const shape = readShape(text, countedEnd, spelled);
  const slotOf = (w: AskedWord | null) => {
    if (!w) return null;
    const at = slotAt(slots, w.start, w.end);
    return at >= 0 ? at : null;
  };
  /**
   * A word the letters lack that is a typo of some English word ("percentige"): what it asks
   * for is unknown, so its absence says nothing; a word spelt right, or a name, is missing.
   */
  const unread = (at: number | null) => {
    const slot = at === null ? undefined : slots[at];
    return (
      slot !== undefined &&
      slot.alternatives.length === 0 &&
      !isEnglishWord(slot.word) &&
      nearEnglishWord(slot.word)
    );
  };
  const countedMissing =
    counted >= 0 && (slots[counted]?.alternatives.length ?? 0) === 0 && !unread(counted);
  const focus = slotOf(shape.focus);
  const missingName =
    slots.find(
      (s) =>
        s.alternatives.length === 0 &&
        /^\p{L}{4,}$/u.test(s.word) &&
        s.word.length <= MAX_WORD_LENGTH &&
        ((!isEnglishWord(s.word) && !nearEnglishWord(s.word)) || isNameOnly(s.word)),
    )?.word ?? null;
  // A thing the question names: a word mostly used as a noun, or a name English lacks.
  const thing = (s: Slot) => mostlyNoun(s.correctedTo ?? s.word);
  const named = (s: Slot) => thing(s) || !isEnglishWord(s.correctedTo ?? s.word);
  // Held as written, in another form or spelling — not only through a related word ("hamlet"
  // is not the letters' "village").
  const held = (s: Slot) => (s.alternatives[0]?.weight ?? 0) >= CORRECTED_WEIGHT;
  // The thing lacked first: most questions lack none, and then no usage counts are read.
  const lacked = slots.find(
    (s) => s.alternatives.length === 0 && isEnglishWord(s.word) && thing(s),
  );
  // "what did Turkey say about the mines": the letters cannot tell what someone they never
  // mention said, whatever else they hold.
  // "what did New Zealand say": a name of two words ("Zealand" alone is an island).
  const before = shape.speaker && /(\p{L}+)\s+$/u.exec(text.slice(0, shape.speaker.start));
  const wholeName =
    shape.speaker && before && canSpeak(`${before[1] ?? ''} ${shape.speaker.word}`)
      ? text.slice(before.index, shape.speaker.end)
      : null;
  const speaker =
    shape.speaker && (wholeName || maySpeak(shape.speaker.word)) ? slotOf(shape.speaker) : null;
  const speakerName =
    wholeName ?? (shape.speaker ? text.slice(shape.speaker.start, shape.speaker.end) : null);
  const silent = speaker === null ? undefined : slots[speaker];
  const missingSpeaker =
    silent && silent.alternatives.length === 0 && isEnglishWord(silent.word) && thing(silent)
      ? silent.word
      : null;
  // "how many mine victims were women": what the counted are said to be, the letters lack.
  // So for "what percentage of mine victims were children".
  const from = countedEnd ?? 0;
  const copula =
    countedEnd !== null
      ? /^\s+(?:were|are|was|is)\s+/u.exec(text.slice(countedEnd))
      : PERCENTAGE_OF_X_WERE.exec(text);
  const complement = copula ? from + copula.index + copula[0].length : null;
  const unsaid =
    complement === null
      ? undefined
      : slots.find(
          (s) =>
            s.start === complement &&
            s.alternatives.length === 0 &&
            isEnglishWord(s.word) &&
            thing(s),
        );
  const missingThing =
    missingSpeaker ??
    unsaid?.word ??
    (lacked && !slots.some((s) => held(s) && named(s)) ? lacked.word : null);
  // The names of the clause that counts ("how many mines were found in Lachin, and who …").
  const clause =
    countedEnd === null ? null : { start: countedEnd, end: countedClauseEnd(text, countedEnd) };
  const inClause = (s: Slot) =>
    clause !== null && s.start >= clause.start && s.end <= clause.end && s.alternatives.length > 0;
  const names = slots.flatMap((s, i) =>
    inClause(s) && s.correctedTo === null && /^\p{L}{3,}$/u.test(s.word) && !isEnglishWord(s.word)
      ? [i]
      : [],
  );
  const things = slots.flatMap((s, i) =>
    inClause(s) &&
    !names.includes(i) &&
    s.correctedTo === null &&
    (s.alternatives[0]?.weight ?? 0) >= 1 &&
    namesAThing(s.word)
      ? [i]
      : [],
  );
  return {
    countedMissing,
    time: shape.time,
    focus: unread(focus) ? null : focus,
    focusPhrase: shape.focus?.phrase
      ? slots.flatMap((s, i) =>
          s.start >= (shape.focus?.phrase?.start ?? 0) && s.end <= (shape.focus?.phrase?.end ?? 0)
            ? [i]
            : [],
        )
      : [],
    predicate: slotOf(shape.predicate),
    predicateOf: shape.predicateOf,
    // "what did the maps leave out": a verb with its particle means what neither says alone.
    verb: shape.verb && PARTICLE_NEXT.test(text.slice(shape.verb.end)) ? null : slotOf(shape.verb),
    missingName,
    missingThing,
    speaker,
    speakerName: speaker === null ? null : speakerName,
    actor: slotOf(shape.actor),
    names,
    things,
    person: shape.person,
    clauses: shape.clauses,
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Whether one edit (a letter dropped, added, changed, or two swapped) makes `word` English: a typo, not a name. */
function nearEnglishWord(word: string): boolean {
  let near = nearEnglish.get(word);
  if (near === undefined) {
    near = false;
    for (const edit of oneEditAway(word)) {
      if (isEnglishWord(edit)) {
        near = true;
        break;
      }
    }
    if (nearEnglish.size >= 10_000) nearEnglish.clear();
    nearEnglish.set(word, near);
  }
  return near;
}
/** Words already tried by `nearEnglishWord` (a misspelling is rarely typed only once). */
const nearEnglish = new Map<string, boolean>();

/** Every word one edit from `word`: a letter dropped, added or changed, or two swapped. */
function oneEditAway(word: string): Set<string> {
  const edits = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) edits.add(head + tail.slice(1));
    if (tail.length > 1) edits.add(head + tail.charAt(1) + tail.charAt(0) + tail.slice(2));
    for (const c of LETTERS) {
      edits.add(head + c + tail);
      if (tail) edits.add(head + c + tail.slice(1));
    }
  }
  edits.delete(word);
  return edits;
}

/** Words that only shape a question, which a typo must not turn into words to search for. */
let functionWords: Set<string> | null = null;
function isFunctionWord(word: string): boolean {
  functionWords ??= new Set([
    ...[...GLOSSARY.phrasing, ...MONTH_NAME.split('|'), ...DOCUMENT_WORDS].flatMap((p) =>
      tokenize(p).map((t) => t.word),
    ),
  ]);
  return isStopWord(word) || functionWords.has(word);
}

/** Shorthand for the small words of a question (`glossary.json`), by the word as typed. */
const SHORTHAND: ReadonlyMap<string, string> = new Map(Object.entries(GLOSSARY.shorthand));

/** The glossary's one-word forms ("ceasefire", "formulars"): a typo of one is put right too. */
let glossaryWords: Set<string> | null = null;
function isGlossaryWord(word: string): boolean {
  glossaryWords ??= new Set(
    GLOSSARY.terms.flatMap((t) =>
      t.forms.map((f) => tokenize(f)).flatMap((ts) => (ts.length === 1 ? [ts[0]?.word ?? ''] : [])),
    ),
  );
  return word.length >= 5 && glossaryWords.has(word);
}

/**
 * The word that only shapes a question, or the glossary word, a typo stands for, or null
 * (remembered per word). Two letters swapped ("mnay" → "many") is the likelier typo, then one
 * letter changed, then one dropped or added ("mnay" is not "may").
 */
function functionWordTypo(word: string): string | null {
  let intended = typosOfFunctionWords.get(word);
  if (intended === undefined) {
    const sorted = [...word].sort().join('');
    const rank = (edit: string) =>
      [...edit].sort().join('') === sorted ? 0 : edit.length === word.length ? 1 : 2;
    intended =
      [...oneEditAway(word)]
        .filter((edit) => isFunctionWord(edit) || isGlossaryWord(edit))
        .sort((a, b) => rank(a) - rank(b))[0] ?? null;
    if (typosOfFunctionWords.size >= 10_000) typosOfFunctionWords.clear();
    typosOfFunctionWords.set(word, intended);
  }
  return intended;
}
const typosOfFunctionWords = new Map<string, string | null>();

/**
 * The question with shorthand spelt out ("what r the …" → "what are the …") and typos of words
 * that only shape it put right ("acording to the sept 2023 leter" → "according to the sept 2023
 * letter", "ceasfire" → "ceasefire"), so that they are read as such. A typo is a word of four
 * letters or more that is no English word, not a word of the letters, and one edit from a stop
 * word, a question phrasing, a month, a document noun or a one-word glossary form. Each fix
 * keeps the question's other words where they were.
 */
function fixFunctionWordTypos(index: SearchIndex, text: string): string {
  let fixed = '';
  let at = 0;
  for (const t of tokenize(text)) {
    // "what r the agenda items", "wat happened": shorthand, unless part of "U.S." and the like.
    const full = SHORTHAND.get(t.word);
    if (full !== undefined && text[t.end] !== '.' && text[t.start - 1] !== '.') {
      fixed += text.slice(at, t.start) + full;
      at = t.end;
      continue;
    }
    if (
      t.word.length < 4 ||
      t.word.length > MAX_WORD_LENGTH ||
      !/^\p{L}+$/u.test(t.word) ||
      isFunctionWord(t.word) ||
      index.surfaceWords.has(t.word) ||
      isEnglishWord(t.word)
    )
      continue;
    const intended = functionWordTypo(t.word);
    if (!intended) continue;
    fixed += text.slice(at, t.start) + intended;
    at = t.end;
  }
  return fixed + text.slice(at);
}

/**
 * "what was the windspeed": two English words typed as one, which neither WordNet nor the letters
 * know and which is no typo of the letters' words, are read apart ("wind speed"): into words a
 * dictionary lists as they are, or one such word and a word of the letters.
 */
function splitCompounds(index: SearchIndex, text: string): string {
  let out = '';
  let at = 0;
  for (const t of tokenize(text)) {
    if (
      t.word.length < 2 * MIN_COMPOUND_PART ||
      !/^\p{L}+$/u.test(t.word) ||
      index.surfaceWords.has(t.word) ||
      isEnglishWord(t.word) ||
      correctSpelling(index, t.word)
    )
      continue;
    // The split of most words as a dictionary lists them ("wind speed", not "winds peed").
    let best: { parts: string; score: number } | null = null;
    for (let cut = MIN_COMPOUND_PART; cut <= t.word.length - MIN_COMPOUND_PART; cut++) {
      const parts = [t.word.slice(0, cut), t.word.slice(cut)];
      if (parts.some((w) => !isEnglishWord(w) || isStopWord(w))) continue;
      const score =
        2 * parts.filter(isLemma).length + parts.filter((w) => index.surfaceWords.has(w)).length;
      if (score >= MIN_COMPOUND_SCORE && (!best || score > best.score))
        best = { parts: parts.join(' '), score };
    }
    if (!best) continue;
    out += text.slice(at, t.start) + best.parts;
    at = t.end;
  }
  return out + text.slice(at);
}
/** Whether a dictionary lists `word` as it is (not only a form of it: "winds", "peed"). */
const isLemma = (word: string): boolean =>
  wordnetSays(word, (w, x) => PARTS_OF_SPEECH.some((pos) => w.hasLemma(x, pos)));
/** A split counts 2 per word a dictionary lists as it is, 1 per word of the letters: 3 at least. */
const MIN_COMPOUND_SCORE = 3;
/** Each word of a compound read apart has this many letters at least. */
const MIN_COMPOUND_PART = 3;

/**
 * "what did the NDMO say": an abbreviation the letters never use, written out as they write
 * its words ("National Disaster Management Office"). A word typed in capitals is taken as one; a
 * word in lower case only when it is no English word and no typo of the letters' words.
 */
function spellOutAbbreviations(index: SearchIndex, text: string): string {
  let out = '';
  let at = 0;
  for (const t of tokenize(text)) {
    const written = text.slice(t.start, t.end);
    if (!/^\p{L}{3,8}$/u.test(written) || index.surfaceWords.has(t.word) || isStopWord(t.word))
      continue;
    const capitals = written === written.toUpperCase();
    // In lower case, a typo of the letters' words is more likely than initials ("cyclon").
    if (!capitals && (isEnglishWord(t.word) || correctSpelling(index, t.word))) continue;
    // The glossary's own abbreviations ("IDPs", "MFA") are read by the analysis.
    if (analyze(written).some((term) => isGlossaryConcept(term.concept))) continue;
    // A name first ("Regional Relief Fund"); words in lower case only for four capitals or
    // more: three initials would match words that happen to follow each other.
    const full =
      spelledOut(index, t.word, true) ??
      (capitals && written.length >= 4 ? spelledOut(index, t.word, false) : null);
    if (full === null) continue;
    out += text.slice(at, t.start) + full;
    at = t.end;
  }
  return out + text.slice(at);
}

/** Whether a word names a thing: WordNet knows it as a noun, or does not know it (a name). */
function isNominal(word: string): boolean {
  wordnet ??= new WordNet();
  return !wordnet.isWord(word) || wordnet.baseForms(word, 'noun').length > 0;
}
