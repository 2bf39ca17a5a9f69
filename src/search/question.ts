import { DATE_PATTERN, monthIndex } from '../corpus/dates.ts';
import { analyze, fold, type Term } from './analyze.ts';
import type { SearchIndex } from './search-index.ts';

/** A span of dates a question refers to, and whether it asks "by then" or "at that time". */
export interface DateHint {
  from: string;
  to: string;
  /** "by September 2023", "before 2022": anything up to `to` will do, the closer the better. */
  upTo: boolean;
  /** The words that named the time ("September 2023"). */
  words: string;
}

/** One thing the question asks about: a concept, how it was written, and how much it counts. */
export interface QueryConcept {
  concept: string;
  /** The word as the user wrote it. */
  word: string;
  /** The corpus word it was corrected to, when the user's word is not in the letters. */
  correctedTo: string | null;
  /** Relative weight: 1, less for corrected spellings and for years that name a time. */
  weight: number;
}

/** A question, analyzed for searching. */
export interface ParsedQuestion {
  text: string;
  concepts: QueryConcept[];
  /** Quoted phrases, folded, that a passage must contain verbatim. */
  phrases: string[];
  /** "How many / how much / number of": prefer passages with figures. */
  wantsFigure: boolean;
  /** "How long": prefer passages that state a duration. */
  wantsDuration: boolean;
  /** "When …", "on what date": prefer passages that state a day. */
  wantsDate: boolean;
  /** "Who signed / wrote …": answer with the signatures of the letters the rest names. */
  wantsSignatory: boolean;
  date: DateHint | null;
}

const PHRASE = /"([^"]+)"|“([^”]+)”/g;
const WANTS_FIGURE = /\bhow (?:many|much)\b|\bnumber of\b|\bwhat (?:number|total)\b/i;
const WANTS_DATE = /\bwhen\b|\b(?:what|which) (?:date|day)\b/i;
const WANTS_SIGNATORY =
  /\bwho (?:signed|wrote|sent|authored)\b|\bsigned by\b|\b(?:author|signatory|signatories|signer)s? of\b/i;
const WANTS_DURATION = /\bhow long\b|\bfor how many (?:years|months|days)\b/i;
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
/** A month and year, with the day when given ("24 August 2022", "August 24, 2022"). */
const MONTH_YEAR = new RegExp(
  `\\b(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?)?(${DATE_PATTERN.source.match(/\(([a-z|]+)\)/i)?.[1]})\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?(\\d{4})\\b`,
  'gi',
);
const YEAR = /\b(19\d{2}|20\d{2})\b/;
const UP_TO =
  /\b(?:by|before|until|up to|as of)\s+(?:the end of\s+)?(?:\d{1,2}\s+)?(?:[a-z]+\s+)?(?:19|20)\d{2}\b/i;

function endOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month + 1, 0)).toISOString().slice(0, 10);
}

/**
 * Reads the time a question refers to: a month and year, or a year. Two months ("between
 * November 2020 and February 2021") make a span from the first to the end of the last.
 */
export function parseDateHint(text: string): DateHint | null {
  const upTo = UP_TO.test(text);
  const months = [...text.matchAll(MONTH_YEAR)].map((m) => {
    const year = Number(m[2]);
    const month = monthIndex(m[1] ?? '');
    return {
      from: `${year}-${String(month + 1).padStart(2, '0')}-01`,
      to: endOfMonth(year, month),
      words: m[0],
    };
  });
  if (months.length > 0) {
    const sorted = [...months].sort((a, b) => a.from.localeCompare(b.from));
    return {
      from: sorted[0]?.from ?? '',
      to: sorted.at(-1)?.to ?? '',
      upTo,
      words: months.map((m) => m.words).join(' '),
    };
  }
  const y = YEAR.exec(text);
  if (y?.[1]) return { from: `${y[1]}-01-01`, to: `${y[1]}-12-31`, upTo, words: y[1] };
  return null;
}

/** Edit distance allowed when correcting a word of this length: none for short words. */
function allowedDistance(word: string): number {
  if (word.length >= 8) return 2;
  if (word.length >= 5) return 1;
  return 0;
}

/** The corpus word closest to `word` by edit distance (ties go to the commoner one), or null. */
function correctSpelling(
  index: SearchIndex,
  word: string,
): { word: string; concept: string } | null {
  const distance = allowedDistance(word);
  if (distance === 0 || /^\d/.test(word)) return null;
  let best: { word: string; concept: string; distance: number; df: number } | null = null;
  for (const [candidate, [concept, d]] of index.surfaceWords.fuzzyGet(word, distance)) {
    const df = index.documentFrequency(concept);
    if (!best || d < best.distance || (d === best.distance && df > best.df)) {
      best = { word: candidate, concept, distance: d, df };
    }
  }
  return best;
}

/** Weight of a term the user misspelled and we corrected: it counts, but less than an exact word. */
export const CORRECTED_WEIGHT = 0.8;
/** Weight of a month or year word that names the question's time: the date preference does that work. */
export const DATE_WORD_WEIGHT = 0.25;

/** Analyzes a question against `index`: concepts (spelling corrected), phrases, intent and time. */
export function parseQuestion(index: SearchIndex, text: string): ParsedQuestion {
  const phrases = [...text.matchAll(PHRASE)]
    .map((m) =>
      fold(m[1] ?? m[2] ?? '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
  const date = parseDateHint(text);
  const concepts = new Map<string, QueryConcept>();
  const add = (term: Term, concept: string, correctedTo: string | null, weight: number) => {
    const existing = concepts.get(concept);
    if (!existing || existing.weight < weight)
      concepts.set(concept, { concept, word: term.word, correctedTo, weight });
  };
  const wantsDuration = WANTS_DURATION.test(text);
  const dateWords = new Set(date ? fold(date.words).split(/[^\p{L}\p{N}]+/u) : []);
  for (const term of analyze(text)) {
    if (wantsDuration && DURATION_VERBS.has(term.word)) continue;
    if (dateWords.has(term.word)) {
      // The date preference does the work; a date word no passage contains is not missing.
      if (index.documentFrequency(term.concept) > 0)
        add(term, term.concept, null, DATE_WORD_WEIGHT);
      continue;
    }
    if (index.documentFrequency(term.concept) > 0) {
      add(term, term.concept, null, 1);
      continue;
    }
    const correction = term.word.includes(' ') ? null : correctSpelling(index, term.word);
    if (correction) add(term, correction.concept, correction.word, CORRECTED_WEIGHT);
    else add(term, term.concept, null, 1);
  }
  return {
    text,
    concepts: [...concepts.values()],
    phrases,
    wantsFigure: WANTS_FIGURE.test(text),
    wantsDuration,
    wantsDate: WANTS_DATE.test(text),
    wantsSignatory: WANTS_SIGNATORY.test(text),
    date,
  };
}
