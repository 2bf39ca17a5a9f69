import { dayOfDate } from '../search/check-figures.ts';
import { COUNTED_WINDOW, figureBefore } from '../search/evidence.ts';
import { conceptOf, isStopWord, isYearAsWritten, type Token, tokenize } from '../search/analyze.ts';
import { describesNext, mostlyVerb } from '../search/answer-type.ts';
import { isLabelNumber } from '../search/labels.ts';
import { englishWordNet, type WordNet } from '../search/wordnet.ts';
import { ACTS, type CountKind, KINDS, kindAt } from './kinds.ts';

/**
 * Reading the figures of one sentence: which figure counts what, and of which kind. A figure
 * counts the word it stands right before ("314 citizens", "2,700 anti-personnel landmines",
 * "61 of whom have died", "40 killed"), or a word right before it in its clause ("the number of
 * landmine victims has reached 314"), or a thing a unit of count stands for ("landmines … amount
 * to 1,318 pieces") — the reading `countsOf` / `figureBefore` of the search make, which every
 * attachment here must pass too. Pure: no Discord, no index.
 */

/** Words that join a clause's next verb to it ("… and urged …"). */
const JOINS: ReadonlySet<string> = new Set(['and', 'but', 'while', 'whereas']);

/** What a chart asks to count, read from its words ("mine victims", "landmines detected"). */
export interface ChartTarget {
  /** The words as typed, trimmed. */
  what: string;
  /** The concept of the thing counted ("victim"), and the word as typed ("victims"). */
  head: string;
  headWord: string;
  /** Words that must be in the passage too ("mine" of "mine victims"). */
  qualifiers: readonly string[];
  /** Kinds the words name ("detected" of "landmines detected"); empty: every kind. */
  asked: readonly CountKind[];
  /** Kinds a count of the thing splits into (victims: killed, wounded). */
  parts: readonly CountKind[];
  /** Whether the thing counted is a person, so that "15 citizens … killed" counts among them. */
  person: boolean;
}

/** One figure of a sentence that counts what a chart asks for. */
export interface FigureReading {
  /** The figure's value, as a number. */
  value: number;
  /** The figure as the letter writes it, with a word of approximation before it ("over 500,000"). */
  written: string;
  /** Where the figure stands in the sentence. */
  start: number;
  end: number;
  /** The kind it counts; null: the thing asked about itself. */
  kind: CountKind | null;
  /** Where the word of its kind stands (for a date said of that act: "produced … in 2021"). */
  kindEnd: number | null;
}

/** Words before a figure that say it is a part of the figure before it, not a count of its own. */
const PART_OPENERS = new Set(['including', 'includes', 'include', 'included']);
/** Words before a figure that say it is approximate; kept in what the chart writes. */
const APPROXIMATE =
  /(?:\b(?:around|about|approximately|nearly|almost|over|some|more than|less than|fewer than|at least|up to|roughly|close to)\s+)$/i;
/** Units a count is given in ("1,318 pieces"), standing for the thing counted nearby. */
const COUNT_UNITS = new Set(['pieces', 'units', 'items']);
/** How far (in words) a count unit's thing may stand. */
const COUNT_UNIT_REACH = 25;
/** How near (in words) after the thing counted an act says what was done to it ("landmines planted"). */
const ACT_REACH = 2;
/** How near (in words) before a figure an act says what was done to what it counts ("the detection of over 500,000"). */
const ACT_BEFORE_REACH = 3;

/** Words between two figures that make them alternatives or a range ("15 or 18", "15 to 18"). */
const ALTERNATIVES = new Set(['or', 'to']);
/** Prepositions after which a word is no longer what the figure before them counts. */
const AGENT_WORDS = new Set([
  'by',
  'from',
  'with',
  'in',
  'on',
  'at',
  'to',
  'for',
  'during',
  'since',
  'after',
]);
const ALL_KINDS = [...KINDS.values()];

const NUMBER_VALUES: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
};
const MULTIPLIERS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

let wordnet: WordNet | null = null;
const english = () => (wordnet ??= englishWordNet());

const personCache = new Map<string, boolean>();
/** How many hypernym steps a noun may be from "person". */
const PERSON_DEPTH = 12;

/**
 * Whether general English (WordNet) knows `word` as a kind of person in its first senses:
 * "citizens", "civilians", "servicemen", "Azerbaijanis", "victims", "people".
 */
export function isPerson(word: string): boolean {
  let known = personCache.get(word);
  if (known !== undefined) return known;
  const wn = english();
  const person = new Set([
    ...wn.senses('person', 'noun').slice(0, 1),
    ...wn.senses('people', 'noun').slice(0, 1),
  ]);
  known = false;
  const seen = new Set<number>();
  let frontier = wn.baseForms(word, 'noun').flatMap((base) => wn.senses(base, 'noun').slice(0, 2));
  for (let depth = 0; depth < PERSON_DEPTH && frontier.length > 0 && !known; depth++) {
    const next: number[] = [];
    for (const offset of frontier) {
      if (person.has(offset)) known = true;
      if (seen.has(offset)) continue;
      seen.add(offset);
      for (const p of wn.synset(offset, 'noun').pointers)
        if ((p.symbol === '@' || p.symbol === '@i') && p.pos === 'noun') next.push(p.offset);
    }
    frontier = next;
  }
  personCache.set(word, known);
  return known;
}

/**
 * Whether `word` (folded) is the qualifier `qualifier` or a compound ending in it whose first part
 * is a noun of its own: "landmine" and "landmines" for "mine", not "determine".
 */
export function namesQualifier(word: string, qualifier: string): boolean {
  if (conceptOf(word) === conceptOf(qualifier)) return true;
  for (const ending of [qualifier, `${qualifier}s`, qualifier.replace(/s$/, '')]) {
    if (ending.length < 3 || !word.endsWith(ending) || word.length - ending.length < 3) continue;
    if (english().senses(word.slice(0, word.length - ending.length), 'noun').length > 0)
      return true;
  }
  return false;
}

/** Whether token `i` is a figure: digits that are not a year or a code, or a number word. */
function figureValue(text: string, tokens: readonly Token[], i: number): number | null {
  const token = tokens[i];
  if (!token) return null;
  const written = text.slice(token.start, token.end);
  const joined =
    /^-[\p{L}\p{N}]/u.test(text.slice(token.end, token.end + 2)) ||
    /[\p{L}\p{N}]-$/u.test(text.slice(Math.max(0, token.start - 2), token.start));
  if (joined || isLabelNumber(text, token.start)) return null;
  let value: number | null = null;
  if (/^\d+(?:\.\d+)?$/.test(token.word) && !isYearAsWritten(written)) value = Number(token.word);
  else if (token.word in NUMBER_VALUES) value = NUMBER_VALUES[token.word] ?? null;
  if (value === null) return null;
  // "between 1 and 19 July", "on 2 November": a day of a date, no figure.
  if (dayOfDate(text, token.start, token.end, value)) return null;
  const multiplier = MULTIPLIERS[tokens[i + 1]?.word ?? ''];
  return multiplier ? value * multiplier : value;
}

/** What a kind of count that befalls people counts when nothing else is named. */
const PEOPLE = 'people';

/** Words that ask for a count before the thing counted: "how many", "the (total) number of". */
const ASKS_FOR_A_COUNT = /^\s*(?:how\s+many|(?:the\s+)?(?:total\s+)?(?:number|count)\s+of)\s+/iu;

/** Reads what a chart asks to count from its words. */
export function readTarget(
  what: string,
  partsOf: (concept: string) => readonly CountKind[],
  kinds: readonly CountKind[],
): ChartTarget | null {
  // "how many mine victims", "the number of mine victims?": the thing counted is what follows.
  const counted = what.replace(ASKS_FOR_A_COUNT, '').replace(/[?.!\s]+$/u, '');
  const words = tokenize(counted).map((t) => t.word);
  const asked: CountKind[] = [];
  const content: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const found = kindAt(words, i, kinds);
    if (found) {
      if (!asked.includes(found.kind)) asked.push(found.kind);
      i += found.length - 1;
      continue;
    }
    const word = words[i] ?? '';
    if (!isStopWord(word) && !/^\d/.test(word)) content.push(word);
  }
  // The thing counted is the last word before a preposition's object ("people killed by mines").
  const byAt = words.findIndex((w) => ['by', 'from', 'of', 'in'].includes(w));
  const before = byAt > 0 ? content.filter((w) => words.indexOf(w) < byAt) : content;
  // A kind that befalls people named alone ("killed", "injured") counts people, as "people
  // killed" does; an act alone ("detected") names nothing it was done to.
  const befallsPeople = asked.length > 0 && asked.every((k) => !k.act);
  const headWord = before.at(-1) ?? content.at(-1) ?? (befallsPeople ? PEOPLE : undefined);
  if (!headWord) return null;
  const head = conceptOf(headWord);
  return {
    what: counted.trim(),
    head,
    headWord,
    qualifiers: content.filter((w) => w !== headWord),
    asked,
    parts: partsOf(head),
    person: isPerson(headWord),
  };
}

/**
 * The figures of `sentence` that count what `target` asks for, with their kinds. A figure after
 * "including" counts a part of the one before it and is skipped; one that counts something else
 * ("30 years", "9 civilians" within "15 citizens, including 9 civilians") is not read.
 */
export function readFigures(sentence: string, target: ChartTarget): FigureReading[] {
  const tokens = tokenize(sentence);
  const words = tokens.map((t) => t.word);
  const figures = new Map<number, number>();
  for (let i = 0; i < tokens.length; i++) {
    const value = figureValue(sentence, tokens, i);
    if (value !== null) figures.set(i, value);
  }
  // "including 50 civilians and 15 military personnel": parts, to the end of the clause.
  const parts = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (!PART_OPENERS.has(words[i] ?? '')) continue;
    for (let j = i + 1; j < tokens.length; j++) {
      const gap = between(j - 1, j);
      if (j > i + 1 && (/[.;]/.test(gap) || (/,\s*(?!and\b)/.test(gap) && !figures.has(j)))) break;
      if (figures.has(j)) parts.add(j);
    }
  }
  const kinds = [...new Set([...target.asked, ...target.parts, ...ACTS])];
  const personKinds = target.asked.length > 0 ? target.asked : target.parts;
  const readings: FigureReading[] = [];
  for (const [i, value] of figures) {
    if (parts.has(i)) continue;
    const found = countedBy(i, kinds, personKinds);
    if (!found) continue;
    const token = tokens[i] as Token;
    let start = token.start;
    // A multiplier ("2 million") belongs to the figure as written.
    let end = MULTIPLIERS[words[i + 1] ?? ''] ? (tokens[i + 1]?.end ?? token.end) : token.end;
    const approx = APPROXIMATE.exec(sentence.slice(Math.max(0, start - 20), start));
    if (approx) start -= approx[0].length;
    if (end < start) end = token.end;
    readings.push({
      value,
      written: sentence.slice(start, end),
      start,
      end,
      kind: found.kind,
      kindEnd: found.kindEnd,
    });
  }
  return readings;

  function between(a: number, b: number): string {
    return sentence.slice(tokens[a]?.end ?? 0, tokens[b]?.start ?? 0);
  }

  /** Whether tokens `a` < `b` are in one clause: no sentence stop or semicolon between them. */
  function oneClause(a: number, b: number): boolean {
    return !/[.;:]/.test(sentence.slice(tokens[a]?.end ?? 0, tokens[b]?.start ?? 0));
  }

  /** Other figures as `figureBefore` takes them: it must read this one, not another. */
  function others(i: number): string[] {
    return [...figures.keys()].filter((k) => k !== i).map((k) => words[k] ?? '');
  }

  /** Whether `figureBefore` reads figure `i` as counting the word at `at`. */
  function confirmed(i: number, at: number): boolean {
    return figureBefore(sentence, new Set([conceptOf(words[at] ?? '')]), others(i));
  }

  /** The act said of the thing counted at token `at` ("landmines planted", "landmines identified"). */
  function actAfter(at: number): { kind: CountKind; kindEnd: number } | null {
    for (let j = at + 1; j <= at + ACT_REACH && j < tokens.length; j++) {
      if (figures.has(j) || !oneClause(at, j)) return null;
      const found = kindAt(words, j, ACTS);
      if (found) return { kind: found.kind, kindEnd: tokens[j + found.length - 1]?.end ?? 0 };
    }
    return null;
  }

  /** The act said right before figure `i` ("placed 12,000 sandbags", "the detection of over 500"). */
  function actBefore(i: number): { kind: CountKind; kindEnd: number } | null {
    for (let j = i - 1; j >= Math.max(0, i - ACT_BEFORE_REACH); j--) {
      if (figures.has(j) || !oneClause(j, i)) return null;
      const found = kindAt(words, j, ACTS);
      if (found) return { kind: found.kind, kindEnd: tokens[j + found.length - 1]?.end ?? 0 };
    }
    return null;
  }

  /** What figure `i` counts, when it is something the chart asks for. */
  function countedBy(
    i: number,
    kinds: readonly CountKind[],
    personKinds: readonly CountKind[],
  ): { kind: CountKind | null; kindEnd: number | null } | null {
    // "15 or 18 people": the first figure counts what the second does, as its alternative.
    const alternative = i + 2;
    if (
      ALTERNATIVES.has(words[i + 1] ?? '') &&
      figures.has(alternative) &&
      oneClause(i, alternative)
    )
      return countedBy(alternative, kinds, personKinds);
    // The thing asked about or a kind of it, within reach ("2,700 anti-personnel landmines"),
    // before a preposition ("192 maimed by landmines" counts no landmines) or a kind of count not
    // asked about.
    for (let j = i + 1; j <= i + COUNTED_WINDOW && j < tokens.length; j++) {
      if (figures.has(j) || !oneClause(i, j) || (j > i + 1 && AGENT_WORDS.has(words[j] ?? '')))
        break;
      const kind = kindAt(words, j, kinds);
      if (!kind && kindAt(words, j, ALL_KINDS)) break;
      if (kind && !kind.kind.act && confirmed(i, j))
        return { kind: kind.kind, kindEnd: tokens[j + kind.length - 1]?.end ?? null };
      if (conceptOf(words[j] ?? '') === target.head && confirmed(i, j)) return headKind(j, i);
    }
    // Else the first word it stands before that is not a word describing the next one.
    let counted = -1;
    for (let j = i + 1; j <= i + COUNTED_WINDOW && j < tokens.length; j++) {
      if (figures.has(j) || !oneClause(i, j)) break;
      const word = words[j] ?? '';
      if (MULTIPLIERS[word] || isStopWord(word)) continue;
      if (kindAt(words, j, kinds)) {
        counted = j;
        break;
      }
      if (describesNext(words[j + 1]) && !figures.has(j + 1)) continue;
      counted = j;
      break;
    }
    if (counted >= 0) {
      const word = words[counted] ?? '';
      if (COUNT_UNITS.has(word)) {
        for (
          let j = Math.max(0, i - COUNT_UNIT_REACH);
          j < tokens.length && j <= i + COUNT_UNIT_REACH;
          j++
        )
          if (conceptOf(words[j] ?? '') === target.head && confirmed(i, j)) return headKind(j, i);
      }
      if (!target.person || !isPerson(word)) return null;
      if (confirmed(i, counted)) {
        // "15 citizens … have been killed", "314 citizens … have become mine victims".
        const next = [...figures.keys()].find((k) => k > i && !parts.has(k)) ?? tokens.length;
        for (let j = counted + 1; j < next; j++) {
          if (!oneClause(i, j)) break;
          // "212 detainees and urged the Government to extend the amnesty to the journalists": a
          // verb joined after them says what someone else did; what it names they are not (user
          // trial 32: the detainees were charted as journalists).
          if (JOINS.has(words[j] ?? '') && mostlyVerb(words[j + 1] ?? '')) break;
          const kind = kindAt(words, j, personKinds);
          if (kind) return { kind: kind.kind, kindEnd: tokens[j + kind.length - 1]?.end ?? null };
          if (conceptOf(words[j] ?? '') === target.head) return headKind(j, i);
        }
      }
    }
    // "the total number of landmine victims has reached 314 people": the thing before it.
    for (let j = i - 1; j >= Math.max(0, i - COUNTED_WINDOW); j--) {
      if (
        figures.has(j) ||
        !oneClause(j, i) ||
        /^(?:and|or|but|while|whereas)$/.test(words[j] ?? '')
      )
        break;
      if (/,/.test(between(j, i))) break;
      if (conceptOf(words[j] ?? '') === target.head && confirmed(i, j)) return headKind(j, i);
    }
    return null;
  }

  /**
   * The kind of a count of the thing asked about at token `at`, counted by figure `i`: an act
   * said right after it ("landmines planted"), or for people what befell them, before the next
   * figure ("314 people … have died" when the chart asks for the killed).
   */
  function headKind(at: number, i: number): { kind: CountKind | null; kindEnd: number | null } {
    const act = actAfter(at) ?? actBefore(i);
    if (act) return { kind: act.kind, kindEnd: act.kindEnd };
    if (target.person && target.asked.length > 0) {
      const next =
        [...figures.keys()].find((k) => k > Math.max(at, i) && !parts.has(k)) ?? tokens.length;
      for (let j = at + 1; j < next; j++) {
        if (j === i) continue;
        if (!oneClause(at, j)) break;
        const kind = kindAt(words, j, target.asked);
        if (kind) return { kind: kind.kind, kindEnd: tokens[j + kind.length - 1]?.end ?? null };
      }
    }
    return { kind: null, kindEnd: null };
  }
}
