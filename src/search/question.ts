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
import { FORM_WEIGHT } from './lexicon.ts';
import { WEIGHTS } from './model.ts';
import { GLOSSARY } from './glossary.ts';
import {
  DOCUMENT_WORDS,
  type LetterReference,
  ordinalOf,
  parseLetterReference,
} from './letter-reference.ts';
import { isStateCode, yearAfterAuthor } from './document-names.ts';
import { type Frame, readFrame } from './answer-type.ts';
import { type DateHint, MONTH_NAME, parseDateHint, writtenAt } from './time.ts';
import type { SearchIndex } from './search-index.ts';
import { englishWordNet, MAIN_USES_KEPT, PARTS_OF_SPEECH, type WordNet } from './wordnet.ts';
import { neighbours, similarities } from './meaning.ts';
import { wordVectors } from './vectors.ts';
import { MIN_LOWER_CASE_INITIALS } from './acronyms.ts';

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
  /** Whether the letters hold the word, another form of it, or a word WordNet or the glossary relates to it (not only a neighbour in meaning). */
  known: boolean;
  /** The word's closeness in meaning to each concept of the index (`meaning.ts`); null for a name, a figure, or a word without a vector. */
  similarity: Float32Array | null;
  /**
   * Set when the question names the documents to search and none of them holds the word (nor any
   * alternative of it), though other documents do (`rank.ts`).
   */
  outOfScope?: true;
  /**
   * Set on a word the documents lack that names the documents searched by another name of their
   * author ("Tanganyika" of Tanzania's speeches): it is understood, not missing.
   */
  names?: true;
}

/** A question, analyzed for searching. */
export interface ParsedQuestion {
  /** The question as read: as asked, with typos of words that only shape it put right. */
  text: string;
  /** What it asks about, one slot per word (including those the letters lack). */
  slots: Slot[];
  /** Quoted phrases, folded, that a passage must contain verbatim. */
  phrases: string[];
  /**
   * Phrases in single quotes, folded: as often a claim in other words ('they said the road was
   * closed') as a quotation, so a passage must hold them only when some passage does (`prepare`).
   */
  quoted: string[];
  /** Figures the question itself states ("of the 314 victims"): not what it asks for. */
  statedFigures: string[];
  date: DateHint | null;
  /** The letters the question names as people name them ("the feb 2021 cover letter"). */
  letters: LetterReference | null;
  /** What it asks for (`answer-type.ts`). */
  frame: Frame;
  /** The slots of the words that play a part in what it asks for, or null. */
  roles: Record<'counted' | 'focus' | 'predicate' | 'speaker' | 'source', number | null>;
}

/** A quoted phrase, in double quotes, curly or straight. */
const PHRASE = /"([^"]+)"|“([^”]+)”/g;
/** The text with its quoted phrases' quotation marks taken off: their words, to be found loosely. */
export const withoutQuotes = (text: string): string =>
  text.replace(PHRASE, (_, straight?: string, curly?: string) => straight ?? curly ?? '');
/**
 * A phrase in single quotes ('mind the gap'), curly or straight: they open after a space and not
 * before a figure, and close before a space, so that an apostrophe ("the UN's", "'99") is none.
 */
const SINGLE_QUOTED = /(?<![\p{L}\p{N}'])['‘](?!\d)([^'‘’]+)['’](?![\p{L}\p{N}])/gu;
/** The phrases `pattern` finds in `text`, folded. */
const phrasesIn = (text: string, pattern: RegExp): string[] =>
  [...text.matchAll(pattern)]
    .map((m) =>
      fold(m[1] ?? m[2] ?? '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
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
  prefer?: (concept: string) => boolean,
): { word: string; concept: string } | null {
  if (prefer) return closestWord(index, word, prefer);
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

/**
 * The corpus word closest to `word` (see `correctSpelling`); of those as close, one `prefer`
 * says yes to first (a word of the documents a question names: "toilts" in a speech on
 * sanitation is "toilets", not the commoner "toils").
 */
function closestWord(
  index: SearchIndex,
  word: string,
  prefer: (concept: string) => boolean = () => false,
): { word: string; concept: string } | null {
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
  let best: {
    word: string;
    concept: string;
    distance: number;
    preferred: boolean;
    df: number;
  } | null = null;
  for (const [candidate, concept, d] of candidates) {
    const df = index.documentFrequency(concept);
    const preferred = prefer(concept);
    if (
      !best ||
      d < best.distance ||
      (d === best.distance && (preferred !== best.preferred ? preferred : df > best.df))
    ) {
      best = { word: candidate, concept, distance: d, preferred, df };
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
  wordnet ??= englishWordNet();
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

/** Whether WordNet knows `word` as a unit of measurement ("metres", "hectares"). */
export const isUnitWord = remembered((w, x) => w.isUnit(x));

/** Whether WordNet knows `word` only as a name ("Georgia", "Moscow"): a place or person. */
export function isNameOnly(word: string): boolean {
  wordnet ??= englishWordNet();
  return wordnet.isNameOnly(word);
}

/**
 * Whether a word names people: English uses it most as a noun (or SemCor never saw it), and that noun's usual sense is a
 * person or people ("civilians", "servicemen", "persons").
 */
export function isPersonNoun(word: string): boolean {
  let found = PEOPLE.get(word);
  if (found === undefined) {
    wordnet ??= englishWordNet();
    const use = wordnet.mainUse(word);
    found = (use === null || use === 'noun') && wordnet.isPeople(word);
    if (PEOPLE.size < MAIN_USES_KEPT) PEOPLE.set(word, found);
  }
  return found;
}
/** `isPersonNoun`'s readings, kept: it is asked of each word before a verb in the passages ranked. */
const PEOPLE = new Map<string, boolean>();

/** WordNet's detachment rules for nouns and verbs, tried on a word the letters lack ("died" → "die"). */
const DETACHMENTS: readonly (readonly [string, string])[] = [
  ['ies', 'y'],
  ['es', 'e'],
  ['es', ''],
  ['s', ''],
  ['men', 'man'],
  ['ed', 'e'],
  ['ed', ''],
  ['ing', 'e'],
  ['ing', ''],
];

/**
 * Whether a slot only names documents or a time: its words weighted as `WEIGHTS.namingWord`, as a
 * month or year the date preference does the work of, or an author the scope narrows to ("what
 * did Ghana say about apartheid in 1965": in Ghana's speech, "Ghana" tells its passages apart no
 * more than "say" does). (A term the user misspelled counts as its correction at
 * `WEIGHTS.corrected`.)
 */
export const isNamingSlot = (slot: Slot): boolean =>
  slot.alternatives.length > 0 && slot.alternatives.every((a) => a.weight <= WEIGHTS.namingWord);

/**
 * Whether the documents lack a word of the question: neither it nor a relative of it is in them,
 * and it did not name them by another name of their author (`names`).
 */
export const isMissing = (slot: Slot): boolean => !slot.known && !slot.names;

/** The question with the words in `spans` weighted as naming words (`WEIGHTS.namingWord`). */
export function withNamingWords(
  q: ParsedQuestion,
  spans: readonly { start: number; end: number }[],
): ParsedQuestion {
  const naming = (slot: Slot) => spans.some((s) => slot.start >= s.start && slot.end <= s.end);
  if (!q.slots.some(naming)) return q;
  return {
    ...q,
    slots: q.slots.map((slot) =>
      naming(slot)
        ? {
            ...slot,
            alternatives: slot.alternatives.map((a) => ({
              ...a,
              weight: a.weight * WEIGHTS.namingWord,
            })),
            ...(slot.known ? {} : { names: true as const }),
          }
        : slot,
    ),
  };
}

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

/** A character that ends a clause, for a particle that belongs to a verb further back. */
const CLAUSE_END = /[,;:.?!()]/;

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
  // Each token's clause, counted once (a scan per pair was quadratic in a long question's text).
  const clause: number[] = [];
  let boundaries = 0;
  let read = 0;
  for (const t of tokens) {
    for (; read < t.start; read++) if (CLAUSE_END.test(text.charAt(read))) boundaries++;
    clause.push(boundaries);
    read = Math.max(read, t.end);
  }
  for (let i = 0; i + 1 < tokens.length; i++) {
    const first = tokens[i] as Token;
    const adjacent = [3, 2].some((length) => {
      const words = tokens.slice(i, i + length);
      return words.length === length && PARTICLES.has(words.at(-1)?.word ?? '') && relate(words);
    });
    if (adjacent) continue;
    // "pull all its troops out": the particle further on, in the same clause.
    for (let j = i + 2; j < tokens.length; j++) {
      const particle = tokens[j] as Token;
      if (clause[j] !== clause[i]) break;
      if (PARTICLES.has(particle.word) && relate([first, particle])) break;
    }
  }
  return byStart;
}

/** A figure said in words as people say it: "half a million", "a thousand", "2.7 thousand". */
const SCALED = /\b(half an?|an?|one|\d+(?:\.\d+)?)\s+(thousand|million)\b/gi;
const SCALES: Readonly<Record<string, number>> = { thousand: 1_000, million: 1_000_000 };

/**
 * The question with figures said in words written as the documents write them: "half a million"
 * as "500,000" where a passage states 500,000 (`written` says whether one does). A figure no
 * passage writes in digits stays as said ("40 million", as speeches write it), and a quoted
 * phrase stays word for word.
 */
function figuresInWords(text: string, written: (figure: string) => boolean): string {
  const quotes = [...text.matchAll(PHRASE)].map((m) => [m.index, m.index + m[0].length]);
  return text.replace(SCALED, (whole, amount: string, scale: string, at: number) => {
    if (quotes.some(([start, end]) => at >= (start as number) && at < (end as number)))
      return whole;
    const lead = amount.toLowerCase();
    const times = lead.startsWith('half') ? 0.5 : /^\d/.test(lead) ? Number(lead) : 1;
    const value = Math.round(times * (SCALES[scale.toLowerCase()] ?? 1));
    return Number.isFinite(value) && written(String(value)) ? value.toLocaleString('en-US') : whole;
  });
}

/**
 * What a question sets aside ("apart from the ceasefire deal", "other than Lachin"): up to the
 * end of its clause or the verb or question word that goes on with what it asks about ("apart
 * from the six, were any observers arrested").
 */
const SET_ASIDE =
  /\b(?:apart from|aside from|besides|except(?: for)?|other than|not counting|excluding)\b[^,;:?!()]*?(?=[,;:?!()]|\b(?:is|are|was|were|did|do|does|has|have|had|can|could|will|would|what|which|who|how|when|where|why)\b|$)/gi;

/**
 * Analyzes a question against `index`: one slot per word, each with the concepts of the letters
 * that answer for it (the word, its other forms, related words and glossary meanings, or a
 * spelling correction for a word that is no English word), plus phrases, intent and time.
 */
export function parseQuestion(
  index: SearchIndex,
  asked: string,
  options: {
    meaning?: boolean;
    /** Of corrections as close, the one of a word this says yes to (`closestWord`). */
    prefer?: (concept: string) => boolean;
  } = {},
): ParsedQuestion {
  const text = figuresInWords(
    spellOutAbbreviations(index, splitCompounds(index, fixFunctionWordTypos(index, asked))),
    (figure) => index.documentFrequency(conceptOf(figure)) > 0,
  );
  const phrases = phrasesIn(text, PHRASE);
  const quoted = phrasesIn(text, SINGLE_QUOTED);
  const date = parseDateHint(text) ?? yearAfterAuthor(index, text);
  const letters = parseLetterReference(
    text,
    (c) => index.inHeadings(c),
    (c) => index.documentFrequency(c) > 0 && !index.inEveryDocument(c),
  );
  const frame = readFrame(text);
  const dateWords = new Set(date ? fold(date.words).split(/[^\p{L}\p{N}]+/u) : []);
  // Where the time is written: its words there, "50" and "th" of "50th" too, are date words.
  const written = writtenAt(text, date);
  // "the latest letter", "the first speech": an ordinal names documents by their dates, as a time
  // does, and they need not say "latest".
  const ordinal = (t: Term) =>
    ordinalOf(t.word) !== null &&
    (letters?.spans ?? []).some((s) => t.start >= s.start && t.end <= s.end);
  const inDate = (t: Term) =>
    dateWords.has(t.word) ||
    (written !== null && t.start >= written.start && t.end <= written.end) ||
    ordinal(t);
  const setAside = [...text.matchAll(SET_ASIDE)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  const analyzed = analyze(text, { question: true }).filter(
    (t) => !setAside.some((s) => t.start >= s.start && t.end <= s.end),
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
      // "what does Baku want": a capital the letters do not name stands for its country; so does
      // a people's adjective that WordNet derives from no word of the letters ("Argentine
      // sovereignty", where they say "Argentina"; user trial 30).
      wordnet ??= englishWordNet();
      const names = wordnet.pertainsTo(head.word).filter((n) => wordnet?.isMainlyName(n));
      for (const country of [...wordnet.countriesOfCapital(head.word), ...names])
        alternativesOf(
          index,
          { ...head, word: country, concept: conceptOf(country) },
          alternatives,
        );
      for (const [c, w] of alternatives) alternatives.set(c, w * WEIGHTS.synonym);
    }
    if (alternatives.size === 0 && single && !isStopWord(head.word) && !isEnglishWord(head.word)) {
      const correction = correctSpelling(index, head.word, options.prefer);
      if (correction) {
        correctedTo = correction.word;
        const corrected = { ...head, word: correction.word, concept: correction.concept };
        alternativesOf(index, corrected, alternatives);
        for (const [c, w] of alternatives) alternatives.set(c, w * WEIGHTS.corrected);
      } else {
        // A typo of a word the letters lack ("reliabel"): read as that word, which then finds
        // its synonyms and neighbours in meaning among the letters' words as a word typed right.
        const english = englishSpelling(head.word);
        if (english) {
          correctedTo = english;
          alternativesOf(
            index,
            { ...head, word: english, concept: conceptOf(english) },
            alternatives,
          );
          for (const [c, w] of alternatives) alternatives.set(c, w * WEIGHTS.corrected);
        }
      }
    }
    const known = alternatives.size > 0;
    // A word of general English finds its neighbours in meaning; a name stands for itself.
    const meant = correctedTo ?? head.word;
    const similarity =
      options.meaning !== false &&
      single &&
      !known &&
      /^\p{L}+$/u.test(meant) &&
      isEnglishWord(meant) &&
      !isNameOnly(meant)
        ? similarities(index, meant)
        : null;
    if (similarity)
      for (const n of neighbours(index, similarity))
        offer(alternatives, n.concept, WEIGHTS.synonym * n.similarity);
    if (inDate(head)) {
      // The date preference does the work; a date word counts little, and none when no passage holds it.
      if (alternatives.size === 0) continue;
      for (const [c, w] of alternatives) alternatives.set(c, w * WEIGHTS.namingWord);
    }
    const sorted = [...alternatives]
      .map(([concept, weight]) => ({ concept, weight }))
      .sort((a, b) => b.weight - a.weight || a.concept.localeCompare(b.concept));
    const key = sorted.length > 0 ? sorted.map((a) => a.concept).join(' ') : `?${head.word}`;
    if (!slots.has(key)) {
      const nominal = !known && isNominal(head.word);
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
        known,
        similarity,
      });
    }
  }
  const slotList = [...slots.values()];
  const role = (at: { start: number; end: number } | null) => {
    if (!at) return null;
    const i = slotList.findIndex((x) => x.start <= at.start && at.end <= x.end);
    return i >= 0 ? i : null;
  };
  return {
    text,
    slots: slotList,
    phrases,
    quoted,
    statedFigures: tokenize(text)
      .map((t) => t.word)
      .filter((w) => /^\d/.test(w)),
    date,
    letters,
    frame,
    roles: {
      counted: role(frame.counted),
      focus: role(frame.focus),
      predicate: role(frame.predicate),
      speaker: role(frame.speaker),
      source: role(frame.source),
    },
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A word WordNet lacks is taken for a name from this length: shorter ones are as often shorthand ("econ"). */
export const UNKNOWN_NAME_LENGTH = 5;

/**
 * Whether one edit (a letter dropped, added, changed, or two swapped) makes `word` English: a
 * typo, not a name. `unless` sets aside the English words that do not count ("georgian" for
 * "georgia", its own people's word).
 */
export function nearEnglishWord(word: string, unless?: (edit: string) => boolean): boolean {
  const english = (edit: string) => isEnglishWord(edit) && !(unless?.(edit) ?? false);
  if (unless) return [...oneEditAway(word)].some(english);
  let near = nearEnglish.get(word);
  if (near === undefined) {
    near = [...oneEditAway(word)].some(english);
    if (nearEnglish.size >= 10_000) nearEnglish.clear();
    nearEnglish.set(word, near);
  }
  return near;
}
/** Words already tried by `nearEnglishWord` (a misspelling is rarely typed only once). */
const nearEnglish = new Map<string, boolean>();

/**
 * The English word one edit from `word` (long enough to be read as a typo at all) that general
 * English uses most (SemCor's counts of its base forms), or null: "reliabel" → "reliable".
 */
export function englishSpelling(word: string): string | null {
  if (allowedDistance(word) === 0 || word.length > MAX_WORD_LENGTH || /\d/.test(word)) return null;
  if (isEnglishWord(word)) return null;
  // The word vectors' vocabulary (English's 200,000 commonest words, in memory) is asked first:
  // WordNet, read in place by a command-line call, is slow to ask of hundreds of edits.
  const vectors = wordVectors();
  const found = [...oneEditAway(word)].filter(
    (edit) =>
      (vectors === null || vectors.vector(edit) !== null) &&
      isEnglishWord(edit) &&
      !isFunctionWord(edit),
  );
  if (found.length <= 1) return found[0] ?? null;
  // Of several, the commonest (SemCor's counts are read only then: their first read is slow);
  // of those as common, the first in alphabetical order.
  wordnet ??= englishWordNet();
  const english = wordnet;
  let best = { edit: '', use: -1 };
  for (const edit of found.sort()) {
    const use = english.wordUsage(edit);
    if (use > best.use) best = { edit, use };
  }
  return best.edit;
}

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
    // A letter alone is shorthand only in lower case ("cows n goats", not "N Korea", "U Thant").
    const typed = text.slice(t.start, t.end);
    const full = t.word.length > 1 || typed === t.word ? SHORTHAND.get(t.word) : undefined;
    // A full stop after it and a space is the shorthand's own ("acc. to the 2024 statement").
    const stop = /^\.(?:\s|$)/.test(text.slice(t.end, t.end + 2));
    if (full !== undefined && (text[t.end] !== '.' || stop) && text[t.start - 1] !== '.') {
      fixed += text.slice(at, t.start) + full;
      at = stop ? t.end + 1 : t.end;
      continue;
    }
    if (
      t.word.length < 4 ||
      t.word.length > MAX_WORD_LENGTH ||
      !/^\p{L}+$/u.test(t.word) ||
      isFunctionWord(t.word) ||
      // A glossary form is no typo of another ("UNHCR" of "UNHRC").
      GLOSSARY_FORMS.has(t.word) ||
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
    // The split of most words as a dictionary lists them as they are ("wind speed", not "winds
    // peed"), then of most words of the letters; one of the two listed so at least, and the
    // other too or a word of the letters.
    let best: { parts: string; lemmas: number; used: number } | null = null;
    for (let cut = MIN_COMPOUND_PART; cut <= t.word.length - MIN_COMPOUND_PART; cut++) {
      const parts = [t.word.slice(0, cut), t.word.slice(cut)];
      if (parts.some((w) => !isEnglishWord(w) || isStopWord(w))) continue;
      const lemmas = parts.filter(isLemma).length;
      const used = parts.filter((w) => index.surfaceWords.has(w)).length;
      if (lemmas === 0 || (lemmas === 1 && used === 0)) continue;
      if (!best || lemmas > best.lemmas || (lemmas === best.lemmas && used > best.used))
        best = { parts: parts.join(' '), lemmas, used };
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
/** Each word of a compound read apart has this many letters at least. */
const MIN_COMPOUND_PART = 3;

/**
 * "what did the NDMO say": an abbreviation the letters never use, written out as they write
 * its words ("National Disaster Management Office"). A word typed in capitals is taken as one; a
 * word in lower case only when it is no English word and no typo of the letters' words.
 */
/** The one-word forms of the glossary's terms, folded ("ppl", "idps"). */
const GLOSSARY_FORMS = new Set(
  GLOSSARY.terms
    .flatMap((t) => t.forms)
    .filter((f) => !/\s/.test(f))
    .map((f) => fold(f)),
);

function spellOutAbbreviations(index: SearchIndex, text: string): string {
  let out = '';
  let at = 0;
  // "what has WHO sent": a small word in capitals, in a question not all in capitals, may be
  // initials ("who"); the letters spelling it out as a name decide.
  const shouting = text === text.toUpperCase();
  for (const t of tokenize(text)) {
    const written = text.slice(t.start, t.end);
    const capitals = written === written.toUpperCase();
    if (!/^\p{L}{3,8}$/u.test(written)) continue;
    // "the CAR attack": an English word in capitals, in a question not all in capitals, is
    // initials when the letters spell out a name with them ("Central African Republic"),
    // whatever the letters or the glossary make of the word ("car": a vehicle); an author's State
    // code ("LUX") names the State.
    const name =
      capitals && !shouting && isEnglishWord(t.word) && !isStateCode(index, written)
        ? index.spelledOut(t.word, true)
        : null;
    if (name !== null) {
      out += text.slice(at, t.start) + name;
      at = t.end;
      continue;
    }
    const stop = isStopWord(t.word);
    if (!(stop && capitals && !shouting) && (stop || index.surfaceWords.has(t.word))) continue;
    // In lower case, a typo of the letters' words is more likely than initials ("cyclon").
    if (!capitals && (isEnglishWord(t.word) || correctSpelling(index, t.word))) continue;
    // The glossary's own abbreviations ("IDPs", "MFA", "ppl") are read by the analysis, and a
    // State's code ("JPN") names the State.
    if (analyze(written).some((term) => isGlossaryConcept(term.concept))) continue;
    if (GLOSSARY_FORMS.has(t.word) || isStateCode(index, written)) continue;
    // A name first ("Regional Relief Fund"); words in lower case only for four capitals or
    // more: three initials would match words that happen to follow each other.
    const full =
      index.spelledOut(t.word, true) ??
      (capitals && written.length >= MIN_LOWER_CASE_INITIALS
        ? index.spelledOut(t.word, false)
        : null);
    if (full === null) continue;
    out += text.slice(at, t.start) + full;
    at = t.end;
  }
  return out + text.slice(at);
}

/**
 * Whether a word names a thing: general English uses it most as a noun ("houses", not "back" or
 * "comes", which WordNet also has as nouns), or, when SemCor never saw it, WordNet knows it as a
 * noun, or does not know it (a name).
 */
function isNominal(word: string): boolean {
  wordnet ??= englishWordNet();
  const use = wordnet.mainUse(word);
  if (use !== null) return use === 'noun';
  return !wordnet.isWord(word) || wordnet.baseForms(word, 'noun').length > 0;
}
