import { stemmer } from 'stemmer';
import { eng as ENGLISH_STOP_WORDS } from 'stopword';
import { PHRASE_CONCEPTS, STEM_CONCEPTS } from './synonyms.ts';

/**
 * English analysis shared by the index and the questions: Unicode and case folding, numbers as
 * written (`1,318` → `1318`), stop words, Porter stems, and the domain concepts of `synonyms.ts`.
 */

/** Question words that carry intent; they are read for it, then dropped like stop words. */
const INTENT_WORDS = new Set(['how', 'many', 'much', 'long', 'when', 'where', 'who', 'whom']);
/**
 * Beyond the stop word list: function words it lacks ("its", "will", "upon"; not "may", a
 * month), how people phrase a question ("why", "tell me", "what happened"), and contractions
 * without their apostrophe. A letter never answers them, so counting them would only make a
 * good passage look like it misses part of the question.
 */
const EXTRA_STOP_WORDS = [
  'its',
  'itself',
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
  'whats',
  'whos',
  'hows',
  'wheres',
  'whens',
];
const STOP_WORDS = new Set<string>([
  ...ENGLISH_STOP_WORDS,
  ...INTENT_WORDS,
  ...EXTRA_STOP_WORDS,
  's',
]);

/** A word, or a number with its thousands separators and decimals (`1,318`, `2.5`). */
const TOKEN = /\d+(?:[.,]\d+)*|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const COMBINING_MARKS = /\p{M}+/gu;

const ASCII = /^\p{ASCII}*$/u;

/** Lower-cases and strips accents. */
export function fold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** Domain phrases by their first word, so each token is checked only against phrases it can start. */
const PHRASES_BY_FIRST_WORD = new Map<string, (typeof PHRASE_CONCEPTS)[number][]>();
for (const phrase of PHRASE_CONCEPTS) {
  const first = phrase.words[0] ?? '';
  PHRASES_BY_FIRST_WORD.set(first, [...(PHRASES_BY_FIRST_WORD.get(first) ?? []), phrase]);
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
    } else if (word.includes("'") || word.includes('’')) {
      word = word.replace(/['’]s$/, '').replace(/['’]/g, '');
    }
    if (word) tokens.push({ word, start, end });
  }
  return tokens;
}

const stemCache = new Map<string, string>();

/** The concept a single folded word stands for: its stem, mapped through the synonym table. */
export function conceptOf(word: string): string {
  let concept = stemCache.get(word);
  if (concept === undefined) {
    const first = word.charCodeAt(0);
    const stem = first >= 48 && first <= 57 ? word : stemmer(word);
    concept = STEM_CONCEPTS[stem] ?? stem;
    if (stemCache.size < 200_000) stemCache.set(word, concept);
  }
  return concept;
}

/** A token with the concept it stands for. */
export interface Term extends Token {
  concept: string;
}

/**
 * Analyzes text into terms: content words and numbers, each with its concept; hyphenated
 * compounds also yield the joined word (`anti-personnel` → `antipersonnel`); domain phrases
 * yield their concept (`lost their lives` → `kill`), placed on the phrase's last word.
 * With `keep`, only the terms whose concept it accepts are returned (saves allocating the rest).
 */
export function analyze(text: string, keep?: (concept: string) => boolean): Term[] {
  const tokens = tokenize(text);
  const terms: Term[] = [];
  for (const [i, token] of tokens.entries()) {
    for (const { words, concept } of PHRASES_BY_FIRST_WORD.get(token.word) ?? []) {
      if (words.every((w, k) => tokens[i + k]?.word === w)) {
        const last = tokens[i + words.length - 1] as Token;
        if (!keep || keep(concept))
          terms.push({ word: words.join(' '), start: token.start, end: last.end, concept });
      }
    }
    const next = tokens[i + 1];
    const compound = next && text[token.end] === '-' && next.start === token.end + 1;
    if (next && compound && !/^\d/.test(token.word) && !/^\d/.test(next.word)) {
      const joined = token.word + next.word;
      const concept = conceptOf(joined);
      if (!keep || keep(concept))
        terms.push({ word: joined, start: token.start, end: next.end, concept });
    }
    if (STOP_WORDS.has(token.word)) continue;
    const concept = conceptOf(token.word);
    if (!keep || keep(concept))
      terms.push({ word: token.word, start: token.start, end: token.end, concept });
  }
  return terms;
}
