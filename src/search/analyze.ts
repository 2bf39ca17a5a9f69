import { eng as ENGLISH_STOP_WORDS } from 'stopword';
import porter2 from 'wink-porter2-stemmer';
import { GLOSSARY } from './glossary.ts';
import { WEIGHTS } from './model.ts';
import { englishWordNet, PARTS_OF_SPEECH, type WordNet } from './wordnet.ts';

/**
 * English analysis shared by the index and the questions: Unicode and case folding, numbers as
 * written (`1,318` → `1318`), stop words, Porter2 (Snowball English) stems, hyphenated
 * compounds, and the glossary's abbreviations and terms ("IDPs" also stands for "internally
 * displaced persons"). A question is read the same way, less the words that only phrase it.
 */

/** Question words that carry intent; they are read for it, then dropped like stop words. */
const INTENT_WORDS = new Set(['how', 'many', 'much', 'long', 'when', 'where', 'who', 'whom']);
/**
 * Function words the `stopword` list lacks ("its", "will", "upon"; not "may", a month), and
 * contractions typed without their apostrophe. They never carry what a question asks about.
 */
const EXTRA_STOP_WORDS = [
  'its',
  'itself',
  // Reflexive pronouns ("how do they describe themselves"): who is meant is in the question.
  'myself',
  'yourself',
  'herself',
  'oneself',
  'ourselves',
  'yourselves',
  'themselves',
  'themself',
  // "re el salvador": regarding.
  're',
  // Conjunctions and prepositions of time or concession the list lacks: "how long until
  // Halvesk is cleared" asks about Halvesk, and "until" is rarer in the documents than any name.
  'until',
  'till',
  'during',
  'unless',
  'although',
  'though',
  'whereas',
  'theirs',
  'hers',
  'ours',
  'will',
  'shall',
  'upon',
  'per',
  'via',
  'within',
  'however',
  'therefore',
  'thus',
  'whose',
  'why',
  'dated',
  'does',
  'doing',
  'done',
  'say',
  'says',
  'saying',
  'tell',
  'please',
  'know',
  'explain',
  'describe',
  'happen',
  'happened',
  'happens',
  'happening',
  'cant',
  'cannot',
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'wont',
  'wouldnt',
  'couldnt',
  'shouldnt',
  'hasnt',
  'havent',
  'hadnt',
  'whats',
  'whos',
  'hows',
  'wheres',
  'whens',
  'thats',
  'theres',
  'theyre',
  'theyve',
  'youre',
  'youve',
  'im',
  'ive',
  'id',
  'ill',
  'lets',
  'yet',
  'ever',
  'even',
  'also',
  'either',
  'neither',
  'whether',
  'else',
  // Prepositions of place and manner: "fencing around the minefields" is about the fencing.
  'around',
  'along',
  'across',
  'toward',
  'towards',
  'behind',
  'beyond',
  'throughout',
  'onto',
  'amid',
  'amidst',
  'among',
  'amongst',
  'beside',
  'despite',
  'unto',
  'underneath',
  'beneath',
];
const STOP_WORDS = new Set<string>([
  ...ENGLISH_STOP_WORDS,
  ...INTENT_WORDS,
  ...EXTRA_STOP_WORDS,
  's',
]);

/** Whether a figure, as the text writes it, is a year: "2021" is, "2,021" and "1,940" are not. */
export function isYearAsWritten(written: string): boolean {
  return /^(?:19|20)\d{2}$/.test(written);
}

const FUNCTION_WORDS = new Set<string>(ENGLISH_STOP_WORDS);
/**
 * Whether a folded word is a function word of general English (`stopword`'s list: "what",
 * "about", "in"), not one of the words that only phrase a question here ("happened", "tell").
 */
export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word);
}

/** Whether a folded word is a stop word (never searched for). */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/**
 * A word, or a number with its thousands separators and decimals (`1,318`, `2.5`, `500k`), or an
 * ordinal in digits (`13th`, `735th`: the number; "th" is no word of its own to match).
 */
const TOKEN = /\d+(?:[.,]\d+)*(?:k\b|(?:st|nd|rd|th)\b)?|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/giu;
/** The ending of an ordinal in digits. */
const ORDINAL_ENDING = /(?<=\d)(?:st|nd|rd|th)$/;
/** A figure written the casual way, in thousands: "500k", "2.7k". */
const THOUSANDS = /^([1-9]\d*(?:\.\d+)?)k$/;
const COMBINING_MARKS = /\p{M}+/gu;

const ASCII = /^\p{ASCII}*$/u;

/** Lower-cases and strips accents. */
export function fold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** A word as it appears in the text, and where. */
export interface Token {
  /** Folded surface form, numbers without separators (`1318`). */
  word: string;
  /** Offsets of the token in the original string. */
  start: number;
  end: number;
}

/** Splits `text` into folded words and numbers with their offsets. Possessive `'s` is dropped. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const lower = ASCII.test(text) ? text.toLowerCase() : null;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const end = start + m[0].length;
    let word = lower ? lower.slice(start, end) : fold(m[0]);
    const first = word.charCodeAt(0);
    if (first >= 48 && first <= 57) {
      if (word.includes(',')) word = word.replace(/,(?=\d{3}\b)/g, '');
      const thousands = THOUSANDS.exec(word);
      if (thousands) word = String(Math.round(Number(thousands[1]) * 1000));
      else if (word.endsWith('k')) word = word.slice(0, -1);
      else word = word.replace(ORDINAL_ENDING, '');
    } else if (word.includes("'") || word.includes('’')) {
      word = word.replace(/['’]s$/, '').replace(/['’]/g, '');
    }
    if (word) tokens.push({ word, start, end });
  }
  return tokens;
}

const stemCache = new Map<string, string>();
/** At most this many words' concepts are remembered (`conceptOf`). */
const STEM_CACHE_SIZE = 200_000;

/**
 * Remembers the concepts of words whose concept is known (an index's words: the concept it
 * stored for each is what `conceptOf` gives), up to half of what `conceptOf` remembers, so that
 * reading a passage for the first time does not stem its words again (at 10,000 speeches, a
 * third of reading a passage).
 */
export function rememberConcepts(known: Iterable<[string, string]>): void {
  for (const [word, concept] of known) {
    if (stemCache.size >= STEM_CACHE_SIZE / 2) return;
    stemCache.set(word, concept);
  }
}

/** What knows the concepts of some words already (`useKnownConcepts`). */
export interface KnownConcepts {
  get(word: string): string | undefined;
}
let knownConcepts: KnownConcepts | null = null;

/**
 * Where `conceptOf` looks a word up before it works the word's concept out: an index's words,
 * whose concepts it holds as `conceptOf` gave them (`SearchIndex.surfaceWords`). A one-off CLI
 * call then stems, and asks WordNet about, only the words its index lacks, not every word of the
 * glossary and of the passages it reads. Not for a server: looking words up one by one in that
 * tree made the General Debate Corpus's first questions slower than its copying them into a map
 * at start (`rememberConcepts`).
 */
export function useKnownConcepts(known: KnownConcepts): void {
  knownConcepts = known;
}

/**
 * No English word is this long: a longer "word" is taken as it is, neither stemmed (the
 * stemmer's time grows with the square of its length) nor spelling-corrected.
 */
export const MAX_WORD_LENGTH = 40;

/**
 * The concept a folded word stands for: a number or an over-long "word" as written, otherwise its
 * Porter2 stem — except an adverb in -ly that WordNet does not derive from a word of that stem:
 * "namely" is not "name", though "indiscriminately" is "indiscriminate".
 */
export function conceptOf(word: string): string {
  let concept = stemCache.get(word);
  if (concept === undefined) {
    concept = knownConcepts?.get(word) ?? workOutConcept(word);
    if (stemCache.size < STEM_CACHE_SIZE) stemCache.set(word, concept);
  }
  return concept;
}

/** `conceptOf`, worked out. */
function workOutConcept(word: string): string {
  const first = word.charCodeAt(0);
  const concept =
    (first >= 48 && first <= 57) || word.length > MAX_WORD_LENGTH ? word : porter2(word);
  if (word.endsWith('ly') && concept !== word && !derivedFromItsStem(word, concept)) return word;
  if (concept !== word && stemIsAnotherWord(word, concept)) return word;
  return concept;
}

let wordnet: WordNet | null = null;
/**
 * Whether WordNet derives the adverb `word` from an adjective with the stem `stem` (its
 * "pertainym"), or does not know it as an adverb at all.
 */
function derivedFromItsStem(word: string, stem: string): boolean {
  wordnet ??= englishWordNet();
  const senses = wordnet.senses(word, 'adv');
  if (senses.length === 0) return true;
  return senses.some((offset) =>
    wordnet?.synset(offset, 'adv').pointers.some((p) => {
      if (p.symbol !== '\\') return false;
      const target = wordnet?.synset(p.offset, p.pos).words[p.target - 1];
      return target !== undefined && porter2(target) === stem;
    }),
  );
}

/**
 * Whether `word` is a name whose stem is a common word of its own: "France" would be one with
 * "francs". Not a form of a common word that is also a name ("marks": "Marks" is a name, and
 * the plural of "mark"), nor a name whose stem is no word ("Philippines" and "Philippine" share one).
 */
function stemIsAnotherWord(word: string, stem: string): boolean {
  wordnet ??= englishWordNet();
  const wn = wordnet;
  return (
    wn.isNameOnly(word) &&
    wn.isWord(stem) &&
    !wn.isNameOnly(stem) &&
    !PARTS_OF_SPEECH.some((pos) => wn.baseForms(word, pos).some((base) => base !== word))
  );
}

/** A token with the concept it stands for, and the word of the text it belongs to. */
export interface Term extends Token {
  concept: string;
  /**
   * Which word the term stands for: a word's own term, the parts of its hyphenated compound and
   * what a glossary entry says it means share one unit. A question asks once per unit.
   */
  unit: number;
  /** 1 for a word as written; less for a compound's part or a glossary meaning's word. */
  weight: number;
}

/**
 * The values of number words ("six": 6), one place for every reader of figures in words: the
 * check's figures, a chart's running totals ("during the last thirty years").
 */
export const NUMBER_VALUES: ReadonlyMap<string, number> = new Map([
  ...'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((word, value) => [word, value] as const),
  ...Object.entries({
    thirty: 30,
    forty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
    hundred: 100,
  }),
]);

/** Number words, so that "two civilians" states a figure as "2 civilians" does. */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(
  'two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds thousand thousands million millions billion billions dozens'.split(
    ' ',
  ),
);

/** A passage read once for excerpts and figures: its tokens and its terms. */
export interface PassageReading {
  tokens: readonly Token[];
  terms: readonly Term[];
  /** Filled in by the excerpt picker on first use. */
  sentences?: readonly { start: number; end: number }[];
  /** Each token's concept, stop words included, for runs of a question's words (ranking fills it in). */
  keys?: readonly string[];
  /** The concepts of its terms (ranking fills it in). */
  concepts?: ReadonlySet<string>;
  /** Per term, the index of its sentence in `sentences` (ranking fills it in). */
  termSentence?: Uint16Array;
}

/**
 * Passages read for excerpts and figures, kept while they are asked about again: in two
 * generations, the readings of this one and of the one before. A reading used again moves to the
 * current one; when it is full, it becomes the one before and the oldest go. (Moving a reading
 * to the end of one map at every use, as a strict least-recently-used order would, made the map
 * rebuild its table every few hundred uses: a reading is asked for a dozen times per candidate.)
 */
let readings = new Map<string, PassageReading>();
let readingsBefore = new Map<string, PassageReading>();
/** At most this many passage readings are kept (the least recently used go first). */
const READING_CACHE_SIZE = 4096;

/**
 * A passage's tokens and terms (as `analyze` gives them), from a bounded cache: the same
 * passages answer many questions, and reading one costs more than ranking it.
 */
export function readPassage(text: string): PassageReading {
  let reading = readings.get(text);
  if (reading) return reading;
  reading = readingsBefore.get(text) ?? { tokens: tokenize(text), terms: analyze(text) };
  if (readings.size >= READING_CACHE_SIZE / 2) {
    readingsBefore = readings;
    readings = new Map();
  }
  readings.set(text, reading);
  return reading;
}

/** Whether a concept is a glossary entry's ("§idp") rather than a word's. */
export function isGlossaryConcept(concept: string): boolean {
  return concept.startsWith('§');
}

/** A glossary phrase: an entry's form or meaning as concepts, word for word (stop words too). */
interface GlossaryPhrase {
  keys: readonly string[];
  /** The entry's own concept, shared by all its forms and meanings ("§idp"). */
  concept: string;
}

/** Concepts of each word of `text`, stop words included, for matching glossary phrases. */
function wordKeys(text: string): string[] {
  return tokenize(text).map((t) => conceptOf(t.word));
}

function byFirstKey<T extends { keys: readonly string[] }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const first = item.keys[0] ?? '';
    map.set(first, [...(map.get(first) ?? []), item]);
  }
  for (const list of map.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return map;
}

let compiled: {
  phrases: Map<string, GlossaryPhrase[]>;
  phrasing: Map<string, { keys: string[] }[]>;
} | null = null;

/**
 * Every word of the glossary (its entries' forms and meanings, its phrasing) with its concept,
 * as `conceptOf` gives it. An index saves them (`SavedIndexJson.glossaryWords`) and opening it
 * remembers them (`rememberConcepts`): otherwise the first document name read works each out
 * again, asking WordNet about most (three quarters of a CLI call's reads of WordNet's files).
 */
export function glossaryWords(): [string, string][] {
  const texts = [...GLOSSARY.terms.flatMap((t) => [...t.forms, ...t.means]), ...GLOSSARY.phrasing];
  const words = new Set(texts.flatMap((text) => tokenize(text).map((t) => t.word)));
  return [...words].map((word) => [word, conceptOf(word)]);
}

/** The glossary with its forms and meanings as concept sequences, compiled on first use. */
function glossary() {
  if (compiled) return compiled;
  const phrases: GlossaryPhrase[] = [];
  for (const term of GLOSSARY.terms) {
    // A form of one word ("ppl" → "people") is that word; otherwise the entry has a concept of
    // its own, which each of its phrases stands for.
    const meanings = term.means.map(wordKeys);
    const first = meanings[0]?.[0];
    const oneWord = meanings.every((m) => m.length === 1 && m[0] === first) ? first : undefined;
    const concept = oneWord ?? `§${wordKeys(term.forms[0] ?? '').join('-')}`;
    for (const keys of [...term.forms.map(wordKeys), ...(oneWord ? [] : meanings)]) {
      if (keys.length > 0) phrases.push({ keys, concept });
    }
  }
  compiled = {
    phrases: byFirstKey(phrases),
    phrasing: byFirstKey(GLOSSARY.phrasing.map((p) => ({ keys: wordKeys(p) }))),
  };
  return compiled;
}

/**
 * Whether a word opens one of the glossary's phrasing entries ("tldr", "summary" of "summary of",
 * "kind" of "kind of"): words of how a question is put, never of a name.
 */
export function opensPhrasing(word: string): boolean {
  const [key] = wordKeys(word);
  return key !== undefined && glossary().phrasing.has(key);
}

/** The longest item of `candidates` whose keys match `keys` from position `i`, or undefined. */
function matchAt<T extends { keys: readonly string[] }>(
  candidates: readonly T[] | undefined,
  keys: readonly string[],
  i: number,
): T | undefined {
  return candidates?.find((c) => c.keys.every((k, j) => keys[i + j] === k));
}

/**
 * Told of each term `analyzeEach` finds, in order: what `analyze` would make a `Term` of, without
 * making one (indexing a large corpus reads tens of millions of terms).
 */
export type TermVisitor = (
  word: string,
  start: number,
  end: number,
  concept: string,
  unit: number,
  weight: number,
) => void;

/**
 * The terms of `text`, as `analyze` gives them, each handed to `visit` (see `analyze`). With
 * `question`, words that only phrase a question are dropped.
 */
export function analyzeEach(text: string, question: boolean, visit: TermVisitor): void {
  const tokens = tokenize(text);
  const count = tokens.length;
  const keys = new Array<string>(count);
  for (let i = 0; i < count; i++) keys[i] = conceptOf((tokens[i] as Token).word);
  const g = glossary();
  let unit = 0;
  /** While inside a glossary phrase (tokens before `phraseEnd`), its words take its unit. */
  let phraseUnit = 0;
  let phraseEnd = 0;
  for (let i = 0; i < count;) {
    const token = tokens[i] as Token;
    const key = keys[i] as string;
    if (question) {
      const phrasing = matchAt(g.phrasing.get(key), keys, i);
      if (phrasing) {
        i += phrasing.keys.length;
        continue;
      }
    }
    // Phrases may nest ("anti-personnel landmines" holds "landmines"): a phrase inside another
    // takes the outer one's unit.
    const phrase = matchAt(g.phrases.get(key), keys, i);
    if (phrase) {
      const last = tokens[i + phrase.keys.length - 1] as Token;
      if (i >= phraseEnd) {
        unit += 1;
        phraseUnit = unit;
      }
      phraseEnd = Math.max(phraseEnd, i + phrase.keys.length);
      const word = tokens
        .slice(i, i + phrase.keys.length)
        .map((t) => t.word)
        .join(' ');
      visit(word, token.start, last.end, phrase.concept, phraseUnit, 1);
    }
    const inPhrase = i < phraseEnd;
    const next = tokens[i + 1];
    const compound =
      next !== undefined &&
      text.charCodeAt(token.end) === HYPHEN &&
      next.start === token.end + 1 &&
      !isDigit(token.word) &&
      !isDigit(next.word);
    if (!inPhrase) unit += 1;
    const own = inPhrase ? phraseUnit : unit;
    if (compound) {
      const joined = token.word + next.word;
      visit(joined, token.start, next.end, conceptOf(joined), own, 1);
      if (!STOP_WORDS.has(token.word))
        visit(token.word, token.start, token.end, key, own, WEIGHTS.compoundPart);
      if (!STOP_WORDS.has(next.word))
        visit(next.word, next.start, next.end, keys[i + 1] as string, own, WEIGHTS.compoundPart);
      i += 2;
      continue;
    }
    if (!STOP_WORDS.has(token.word) && !isPronounUs(text, tokens, i))
      visit(token.word, token.start, token.end, key, own, 1);
    i += 1;
  }
}

/**
 * Whether token `i` is the pronoun "us" ("help us rebuild"), no word of what a text is about; the
 * United States is written "US", or "the us" as people type it (user trial 31: "The US pledged 50
 * million" was checked against "the international community to help us").
 */
function isPronounUs(text: string, tokens: readonly Token[], i: number): boolean {
  const token = tokens[i] as Token;
  if (token.word !== 'us' || text.slice(token.start, token.end) === 'US') return false;
  return tokens[i - 1]?.word !== 'the';
}

const HYPHEN = 0x2d;
/** Whether a word starts with a digit. */
function isDigit(word: string): boolean {
  const first = word.charCodeAt(0);
  return first >= 48 && first <= 57;
}

/**
 * Analyzes text into terms: content words and numbers, each with its concept and unit.
 * A hyphenated compound is one unit: the joined word (`anti-personnel` → `antipersonnel`) and
 * its parts at `WEIGHTS.compoundPart`. A glossary phrase — a form ("IDPs", "AT mines") or a
 * meaning ("internally displaced persons") of an entry — adds the entry's concept, placed on
 * the phrase, and its words share one unit: a question asks for it once, and a passage that
 * says it either way holds it.
 * With `question`, words that only phrase a question ("lol", "tell me about") are dropped.
 * With `keep`, only the terms whose concept it accepts are returned (saves allocating the rest).
 */
export function analyze(
  text: string,
  options: { question?: boolean; keep?: (concept: string) => boolean } = {},
): Term[] {
  const { question = false, keep } = options;
  const terms: Term[] = [];
  analyzeEach(text, question, (word, start, end, concept, unit, weight) => {
    if (!keep || keep(concept)) terms.push({ word, start, end, concept, unit, weight });
  });
  return terms;
}
