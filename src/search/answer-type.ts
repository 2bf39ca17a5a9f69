import { isStopWord, NUMBER_WORDS, tokenize, type Token } from './analyze.ts';
import { englishWordNet, LEX_FILE, type WordNet } from './wordnet.ts';
import { SYMBOL_PATTERN } from '../corpus/masthead.ts';

/**
 * What a question asks for, classified into a small closed set of answer types, and the words
 * that play a part in it: the thing counted ("how many X"), the thing asked for ("what X",
 * "who is the X"), the verb the answer must tell of, whose words are asked for ("what did X
 * say"). Read from the question's opening (its question word and what follows) with WordNet's
 * parts of speech and kinds of noun. The features decide what the answer is; this only says
 * what kind of statement would be one.
 */

/** The kinds of answer a question may ask for. */
export type AnswerType =
  | 'count'
  | 'quantity'
  | 'money'
  | 'share'
  | 'time'
  | 'duration'
  | 'person'
  | 'place'
  | 'document'
  | 'reason'
  | 'description';

/** A span of the question: where a word that plays a part in it stands. */
export interface Span {
  start: number;
  end: number;
}

/** What a question asks for. */
export interface Frame {
  type: AnswerType;
  /**
   * What a passage must state to answer, by the names of the features that read it (`STATES` in
   * `features.ts`): a figure for a count, a day for a time, a name for a person, …
   */
  asked: ReadonlySet<string>;
  /** The thing counted: X of "how many X". */
  counted: Span | null;
  /** The thing asked for: X of "what X", "which X", "what is the X of", "who is the X", "how X". */
  focus: Span | null;
  /** The verb the answer tells of: "who built", "when did … start", "how many were injured". */
  predicate: Span | null;
  /** Whose words are asked for: X of "what did X say", "how did X react". */
  speaker: Span | null;
  /** Whom the question cites for it: X of "according to X", "per X" (a name: "per day" is no one). */
  source: Span | null;
  /** "In total", "altogether": a count that adds up parts. */
  total: boolean;
  /**
   * "How much" of nothing named, by a verb of no giving or paying ("how much did Norway promise"):
   * an amount, which a sum of money states as well as a measure.
   */
  amount: boolean;
  /** "Who signed …": only a signature block answers (a note verbale is unsigned). */
  signed: boolean;
  /** How many clauses ask something ("how many … and when …": two). */
  clauses: number;
  /**
   * Clauses that ask nothing and tell of the asker ("I'm writing a piece on the South Caucasus:
   * per the 2022 letter, how many …"): they set the scene, and are no part of what is asked.
   */
  scene: Span[];
  /**
   * Where the question asks about a document's own making ("when was the Lachin letter sent",
   * "who wrote the NV", "what date was the note verbale sent"): the verb of writing or sending
   * and the noun of time it asks for. The heading, opening or signature of the document answers,
   * not a passage that uses these words.
   */
  documentAct: Span[];
}

/** Auxiliaries and modals: they stand between a question word and what it asks. */
const AUXILIARIES = new Set(
  'do does did is are was were be been being am has have had will would can could should shall may might must get got gets'.split(
    ' ',
  ),
);
const COPULAS = new Set(['is', 'are', 'was', 'were', 'be', 'been']);
/** Words a clause may open with before its question word ("ok so when …", "in what year …"). */
const LEAD_INS = new Set(
  'and but so ok okay lol ngl tbh then also yo hey wait um like pls please in under from to by for on at with of into since until about'.split(
    ' ',
  ),
);
/**
 * Verbs that ask for someone's words or response: "what did X say", "how did X react", "what did
 * X propose".
 */
const SAYING = new Set(
  'say says said tell tells told think thinks thought claim claims claimed state states stated mention mentions mentioned want wants wanted describe describes described respond responded react reacted reply replied answer answered blame blames blamed accuse accuses accused talk talks talked talking speak speaks spoke spoken speaking discuss discusses discussed propose proposes proposed suggest suggests suggested urge urges urged demand demands demanded warn warns warned announce announces announced declare declares declared argue argues argued insist insists insisted recommend recommends recommended'.split(
    ' ',
  ),
);
/**
 * Verbs of signing or writing: "who signed / wrote it" asks for its signature block (or the
 * heading that names its author); "who sent it", for the sender its heading and opening name.
 */
const SIGNING = new Set(
  'sign signs signed signing write writes wrote written author authored'.split(' '),
);
/**
 * Verbs of sending a document: "who sent the letter" asks, as "who signed it" does, for whom its
 * heading, opening and signature name; "who sent rescue teams" asks for no document.
 */
const SENDING = new Set(
  'send sends sent sending date dates dated issue issues issued submit submits submitted transmit transmits transmitted forward forwards forwarded deliver delivers delivered distribute distributes distributed circulate circulates circulated publish publishes published adopt adopts adopted'.split(
    ' ',
  ),
);
/** The participles of making a document, wherever they stand ("what date was the note sent"). */
const MADE = new Set(
  'signed written wrote authored sent dated issued submitted transmitted forwarded delivered distributed circulated published adopted'.split(
    ' ',
  ),
);
/** Nouns that name a document: "which letter …" asks for a document. */
const DOCUMENTS = new Set(
  'letter letters document documents statement statements speech speeches note notes nv release releases report reports resolution resolutions annex annexes one ones'.split(
    ' ',
  ),
);
/** Nouns that ask for a time: "which year", "what date". */
const TIMES = new Set(
  'date dates day days time times year years month months period week'.split(' '),
);
/** Nouns that ask for a share of a whole. */
const SHARES = new Set('percentage percent share proportion fraction rate'.split(' '));
/** Nouns that ask for a figure: "what number of …". */
const FIGURES = new Set('number numbers figure figures total amount count sum quantity'.split(' '));
/** "what kind of X": the classifier is not what is asked, X is. */
const CLASSIFIERS = new Set('kind kinds type types sort sorts form forms category'.split(' '));
/** Words for money itself ("how much money", "how much cash"). */
const MONEY = new Set('money cash funds funding dollars budget cost costs price'.split(' '));
/** A clause: up to punctuation, a dash, or "and" / "but" / "or" opening another question. */
const CLAUSE =
  /(?:[^,;:?!()]|(?<=\d),(?=\d{3}))+?(?=(?<!\d),|,(?!\d{3})|[;:?!()]|\s[-–—]\s|\s(?:and|but|or)\s+(?:was|were|is|are|did|does|do|has|have|had|how|what|when|where|who|which|why)\b|$)/gi;
const TOTAL = /\b(?:in total|in all|altogether|all together|combined|total number|all told)\b/i;
const FUTURE = /\bwhen (?:will|shall)\b|\bhow long will\b|\bexpected to\b|\bby when\b/i;
const CLOCK = /\btime of (?:the )?day\b|\bwhat time\b|\bwhat hour\b/i;
/** WordNet's lexicographer files for kinds of noun (`WordNet.nounKind`). */
const KIND_TYPES: Readonly<Record<number, AnswerType>> = {
  [LEX_FILE.group]: 'person',
  [LEX_FILE.location]: 'place',
  [LEX_FILE.motive]: 'reason',
  [LEX_FILE.person]: 'person',
  [LEX_FILE.quantity]: 'quantity',
  [LEX_FILE.time]: 'time',
};

let wordnet: WordNet | null = null;
const english = () => (wordnet ??= englishWordNet());
const isNoun = (w: string) => english().baseForms(w, 'noun').length > 0;
const isVerb = (w: string) => english().baseForms(w, 'verb').length > 0;
const isAdjective = (w: string) => english().baseForms(w, 'adj').length > 0;

/**
 * Whether general English uses a word mostly as a verb ("leave", "show"; not "group", nor
 * "near", a preposition WordNet has as a rare verb).
 */
export function mostlyVerb(word: string): boolean {
  if (!/^\p{L}+$/u.test(word) || !isVerb(word)) return false;
  const { noun, verb, adj, adv } = english().partUses(word);
  return verb > 0 && verb >= noun && verb >= adj && verb >= adv;
}

/** A verb in the past or a participle ("built", "injured", "found"), not a noun like "need". */
function isPastVerb(word: string): boolean {
  const wn = english();
  if (wn.irregularBase(word, 'verb') !== undefined) return true;
  return /(?:ed|en)$/.test(word) && isVerb(word) && !wn.hasLemma(word, 'noun');
}

/**
 * Whether `word` and the noun after it name the same people: "620 police personnel" counts
 * police, "22 crew members" the crew, "40 women workers" women; but "300 refugee families"
 * counts families, not refugees (a group of people, after a person), and "mine victims" victims;
 * "42 diplomatic officials" counts diplomats, as "diplomatic" describes them.
 */
function samePeople(word: string, next: string): boolean {
  const after = english().nounKind(next);
  if (after !== LEX_FILE.person && after !== LEX_FILE.group) return false;
  // "42 diplomatic officials" are diplomats: an adjective no noun, made from one for a person.
  if (!isNoun(word)) return english().describesPeople(word);
  const kind = english().nounKind(word);
  return kind === LEX_FILE.group || (kind === LEX_FILE.person && after === LEX_FILE.person);
}

/**
 * Whether a word followed by `next` describes it ("landmine victims"): `next` is a noun, not a
 * number word ("shelters, two learning centres"), not a verb in the past, nor "members", nor a
 * noun that names the same people as `word` does (`samePeople`).
 */
export function describesNext(next: string | undefined, word?: string): boolean {
  return (
    next !== undefined &&
    next !== 'member' &&
    next !== 'members' &&
    !isStopWord(next) &&
    !/^\d/.test(next) &&
    !NUMBER_WORDS.has(next) &&
    isNoun(next) &&
    !isPastVerb(next) &&
    !(word !== undefined && samePeople(word, next))
  );
}

/** Whether a token can be a content word of the clause (no auxiliary, stop word or figure). */
const content = (t: Token) =>
  !AUXILIARIES.has(t.word) && !isStopWord(t.word) && !/^\d/.test(t.word);

/**
 * The head of the noun phrase from `tokens[i]`: the last word of a run that ends before an
 * auxiliary, a stop word, a figure or a verb in the past, or after a plural noun. "kind of" is
 * skipped, and so is a figure first ("the 3 countries").
 */
function nounPhraseHead(tokens: readonly Token[], i: number): Token | null {
  const run: Token[] = [];
  for (let at = i; at < tokens.length; at++) {
    const t = tokens[at] as Token;
    if (CLASSIFIERS.has(t.word) && tokens[at + 1]?.word === 'of') {
      at += 1;
      continue;
    }
    if (run.length === 0 && (/^\d+$/.test(t.word) || NUMBER_WORDS.has(t.word) || t.word === 'the'))
      continue;
    // A verb ends the phrase ("how many people face …"), unless what precedes it can only
    // modify a noun ("how many military bases": "bases" is the noun, not the verb).
    const before = run.at(-1);
    const modifier = before !== undefined && english().mainUse(before.word) === 'adj';
    if (!content(t) || (before && !modifier && isVerbAfter(t.word))) break;
    run.push(t);
    if (t.word.endsWith('s') && !english().hasLemma(t.word, 'noun') && isNoun(t.word)) break;
  }
  return run.at(-1) ?? null;
}

/**
 * Whether `word`, after a noun, is its verb: in the past or a participle ("injured"), in the
 * present after one ("mentions"), or in the form that follows many ("how many people live
 * there", "how many children die"): a word used mostly as a verb. The noun before it is plural
 * when many are counted, so a base form there is no head of a compound noun.
 */
function isVerbAfter(word: string): boolean {
  return (
    isPastVerb(word) || presentVerb(word) || (mostlyVerb(word) && english().hasLemma(word, 'verb'))
  );
}

/** The prepositions that name what a figure is of: "number of deaths", "figures for / on victims". */
const FIGURE_OF = new Set(['of', 'for', 'on', 'about']);

/**
 * The thing counted by a figure noun at `tokens[at]`: the noun phrase after the first preposition
 * that names what it is of ("what number of people died", "what figures does it give for mine
 * victims"); none when no such preposition follows ("what are the casualty figures").
 */
function countedAfter(tokens: readonly Token[], at: number): Token | null {
  const of = tokens.findIndex((t, k) => k > at && FIGURE_OF.has(t.word));
  return of > at ? nounPhraseHead(tokens, of + 1) : null;
}

/**
 * Where a phrase's opening noun phrase has its figure noun: after other nouns ("victim count"),
 * or first and followed by "of" ("number of victims"; "sum up the letter" is no figure); -1 if
 * none.
 */
function openingFigure(tokens: readonly Token[]): number {
  for (const [at, t] of tokens.entries()) {
    if (!content(t) || isPastVerb(t.word) || presentVerb(t.word)) return -1;
    if (FIGURES.has(t.word) && (at > 0 || tokens[at + 1]?.word === 'of')) return at;
  }
  return -1;
}

/** A verb in the present after its subject: "which letter mentions …", "which company owns …". */
const presentVerb = (word: string) => /[^s]s$/.test(word) && isVerb(word) && mostlyVerb(word);

/**
 * Whether "how much" without a noun asks for a sum: its verb is one of giving, paying or owning
 * ("how much did the UN give", "how much does it pay"), or of costing ("cost" itself names money).
 */
function amountIsMoney(tokens: readonly Token[], from: number): boolean {
  if (tokens.slice(from).some((t) => MONEY.has(t.word) && isVerb(t.word))) return true;
  const verb = tokens
    .slice(from)
    .find(
      (t) =>
        content(t) &&
        !SAYING.has(t.word) &&
        !AUXILIARIES.has(t.word) &&
        (isPastVerb(t.word) || mostlyVerb(t.word)),
    );
  if (!verb) return true;
  return english().verbKinds(verb.word).includes(LEX_FILE.possession);
}

/**
 * Whether the verb that follows the subject at `head` is one of saying ("which State at the 1986
 * debate said …"); not when an auxiliary comes first ("which State did Norway blame": an object).
 */
function saidBy(tokens: readonly Token[], head: number): boolean {
  for (const t of tokens.slice(head + 1)) {
    if (SAYING.has(t.word)) return true;
    if (AUXILIARIES.has(t.word) || (content(t) && (isPastVerb(t.word) || mostlyVerb(t.word))))
      return false;
  }
  return false;
}

/** The verb of a clause past its question word, auxiliary and subject: the first word mostly a verb. */
function clauseVerb(tokens: readonly Token[], from: number): Token | null {
  // "what did turkey say about the mines": what was said is asked, no verb to find.
  if (tokens.slice(from).some((t) => SAYING.has(t.word))) return null;
  const rest = tokens.slice(from).filter(content);
  const past = rest.find((t) => isPastVerb(t.word));
  if (past) return actOf(tokens, past);
  // "did explosions happen near …": a light verb is the clause's, and tells nothing to find
  // (not "near", which WordNet also has as a verb).
  const light = (t: Token) => !AUXILIARIES.has(t.word) && isStopWord(t.word) && mostlyVerb(t.word);
  if (tokens.slice(from).some(light)) return null;
  return (
    rest.slice(1).find((t) => mostlyVerb(t.word)) ??
    rest.find((t) => mostlyVerb(t.word)) ??
    rest.slice(1).find((t) => isVerb(t.word)) ??
    null
  );
}

/** Words before a noun: a word of saying after one is a noun ("the State of Palestine"). */
const DETERMINERS: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'this',
  'that',
]);

/** The forms of "be", which make a participle after them passive. */
const BE: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/**
 * X of "what did X say": the last content word before the first verb of saying. A word of saying
 * right before another, or after an article, is part of the name that speaks ("what did the
 * United States say", "what did the State of Palestine say"); one after another verb is not
 * what the question asks X to do ("what did haldria offer to settle the debris claim": "offer").
 */
function speakerOf(tokens: readonly Token[], from: number): Token | null {
  const at = tokens.findIndex(
    (t, k) =>
      k >= from &&
      SAYING.has(t.word) &&
      !SAYING.has(tokens[k + 1]?.word ?? '') &&
      !DETERMINERS.has(tokens[k - 1]?.word ?? ''),
  );
  if (at <= from) return null;
  // "how long was the state of emergency declared for": after a form of "be", a participle of
  // saying is passive, and what comes between is what was said, not who said it.
  if (BE.has(tokens[from - 1]?.word ?? '') && /(?:ed|said|told)$/.test((tokens[at] as Token).word))
    return null;
  // The words right before it name who speaks ("the united states say"); a verb before them asks
  // something else of the subject.
  let name = at;
  while (name > from && !isStopWord((tokens[name - 1] as Token).word)) name -= 1;
  if (tokens.slice(from, name).some((t) => !AUXILIARIES.has(t.word) && mostlyVerb(t.word)))
    return null;
  const last = tokens[at - 1] as Token;
  return content(last) ? last : null;
}

/** X of "according to X" or of "per X" when X is a name ("per Santos"; "per day" cites no one). */
function sourceOf(tokens: readonly Token[]): Token | null {
  for (let i = 0; i < tokens.length; i++) {
    const word = (tokens[i] as Token).word;
    const at =
      word === 'per' ? i + 1 : word === 'according' && tokens[i + 1]?.word === 'to' ? i + 2 : -1;
    if (at < 0) continue;
    const head = nounPhraseHead(tokens, at);
    if (!head || !content(head)) continue;
    if (word === 'per' && english().isWord(head.word) && !english().isNameOnly(head.word)) continue;
    return head;
  }
  return null;
}

/** The answer type a noun asks for ("which country": a person, as a State speaks and acts). */
function typeOfNoun(word: string): AnswerType {
  if (TIMES.has(word)) return 'time';
  if (DOCUMENTS.has(word)) return 'document';
  if (SHARES.has(word)) return 'share';
  if (FIGURES.has(word)) return 'count';
  if (MONEY.has(word) || english().isSum(word)) return 'money';
  if (english().isMagnitude(word)) return 'quantity';
  return KIND_TYPES[english().nounKind(word)] ?? 'description';
}

const EVIDENCE: Readonly<Record<AnswerType, readonly string[]>> = {
  count: ['count', 'figure'],
  quantity: ['measure'],
  money: ['money'],
  share: ['percentage'],
  time: ['time'],
  duration: ['duration'],
  person: ['person'],
  place: ['place'],
  document: [],
  reason: ['reason'],
  description: [],
};

/** Question words as people type them, contractions included ("whats", "whos"). */
const QUESTION_WORDS = new Set(
  'what which who whom whose when where why how whats whos wheres whens'.split(' '),
);
const isQuestionWord = (word: string) => QUESTION_WORDS.has(word);

const span = (t: Token | null): Span | null => (t ? { start: t.start, end: t.end } : null);

/**
 * The verb a copula's participle makes of `tokens[i]` ("is stopping", "was found"), when a word
 * follows it: then "what" is its subject. Not a noun ("what is mining", "what is the meeting").
 */
/**
 * The act a participle tells of: its own, or the verb of an infinitive after it ("supposed to set
 * up the fund", "forced to flee"), which says how the act stands (user trial 32: "who is supposed
 * to set up the trust fund" looked for who was supposed, not who establishes it). Null for an
 * infinitive of no content ("supposed to do").
 */
function actOf(tokens: readonly Token[], verb: Token): Token | null {
  const at = tokens.indexOf(verb);
  const then = tokens[at + 1]?.word === 'to' ? tokens[at + 2] : undefined;
  // "dispatched to the area": "to" of a place, no infinitive.
  if (!then || !isVerb(then.word)) return verb;
  return content(then) ? then : null;
}

function participle(tokens: readonly Token[], i: number): Token | null {
  const t = tokens[i];
  if (!t || !tokens[i + 1] || !content(t)) return null;
  const ing = /ing$/.test(t.word) && mostlyVerb(t.word);
  return ing || isPastVerb(t.word) ? t : null;
}

/**
 * The verb `tokens[i]` is when "what" or "which" is its subject ("what stops refugees from going
 * home", "what caused the explosion"): a verb in the past or of the third person that people
 * use as a verb more than as a noun, not followed by an auxiliary ("what weapons were found",
 * "what damage did the mines do": a noun the question asks for).
 */
function subjectVerb(tokens: readonly Token[], i: number): Token | null {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (!t || !content(t) || (next && (AUXILIARIES.has(next.word) || COPULAS.has(next.word))))
    return null;
  return isPastVerb(t.word) || (/[^s]s$/.test(t.word) && mostlyVerb(t.word)) ? t : null;
}

/**
 * The kinds of noun that have a length, not a duration (WordNet's lexicographer files): an
 * artifact ("road", "wall"), a place ("border", "corridor"), a natural object ("river").
 */
const PHYSICAL_KINDS: ReadonlySet<number> = new Set([
  LEX_FILE.artifact,
  LEX_FILE.location,
  LEX_FILE.object,
]);

/**
 * Whether "how long …", read from `at` (after "long"), asks for a length: a unit of length is
 * asked for ("in km"; a unit of time is no length), or what "is" long is a thing ("how long is
 * the road"), not an event ("how long was the blockade", "how long did the war last").
 */
function isLength(tokens: readonly Token[], at: number): boolean {
  // A unit after "in", not one of time ("in minutes" asks how long it took).
  const unit = (t: Token | undefined) =>
    t !== undefined && english().isUnit(t.word) && !english().isTimeUnit(t.word);
  if (tokens.some((t, k) => k >= at && t.word === 'in' && unit(tokens[k + 1]))) return true;
  if (!COPULAS.has(tokens[at]?.word ?? '')) return false;
  const head = nounPhraseHead(tokens, at + 1);
  if (head === null || !PHYSICAL_KINDS.has(english().nounKind(head.word))) return false;
  // "how long was the corridor closed", "how long was the plant out of action": how long it
  // stayed so, a time (user trial 31). A thing's length ends the question, or goes on with more
  // of its name ("the road tunnel") or with where it runs ("the border between them").
  const after = tokens[tokens.indexOf(head) + 1];
  return (
    after === undefined ||
    WHERE_IT_RUNS.has(after.word) ||
    (!isPastVerb(after.word) && PHYSICAL_KINDS.has(english().nounKind(after.word)))
  );
}

/** Words after a thing that say where it runs, as a length question goes on ("the road from …"). */
const WHERE_IT_RUNS: ReadonlySet<string> = new Set([
  'between',
  'from',
  'to',
  'along',
  'across',
  'through',
  'of',
  'in',
  'at',
  'near',
  'that',
  'which',
]);

/** The wholes "how many of …" may name by a pronoun ("how many of them"). */
const PRONOUNS: ReadonlySet<string> = new Set(['them', 'these', 'those']);

/**
 * What "how many of the X …" counts, X read from `at`: the Y of "how many of the X were Y",
 * a part of the whole ("how many of the victims were children"), else X ("how many of the
 * victims were killed", "how many of them died").
 */
function partCounted(tokens: readonly Token[], at: number): Token | null {
  const whole = PRONOUNS.has(tokens[at]?.word ?? '') ? tokens[at] : nounPhraseHead(tokens, at);
  if (!whole) return null;
  return partOf(tokens, whole) ?? (content(whole) ? whole : null);
}

/**
 * The Y of "X were Y" after a counted X, a noun that is a part of X ("how many mine victims were
 * women", "how many of the victims were children"), else null ("were killed", "were there",
 * "were anti-personnel", "were hit").
 */
function partOf(tokens: readonly Token[], whole: Token): Token | null {
  const after = tokens.indexOf(whole) + 1;
  if (!COPULAS.has(tokens[after]?.word ?? '')) return null;
  const part = nounPhraseHead(tokens, after + 1);
  // "were hit", "were hurt": a participle that is also the verb's base form, used mostly as a verb.
  return part &&
    isNoun(part.word) &&
    !isPastVerb(part.word) &&
    !isAdjective(part.word) &&
    !mostlyVerb(part.word)
    ? part
    : null;
}

/** Words by which askers speak of themselves. */
const FIRST_PERSON: ReadonlySet<string> = new Set(['i', 'im', 'me', 'my', 'ive', 'id']);

/** Classifies what `text` (a question, already normalized) asks for. */
export function readFrame(text: string): Frame {
  let type: AnswerType = 'description';
  const extra = new Set<string>();
  let counted: Token | null = null;
  let focus: Token | null = null;
  let predicate: Token | null = null;
  let speaker: Token | null = null;
  let clauses = 0;
  let open = false;
  const scene: Span[] = [];
  for (const m of text.matchAll(CLAUSE)) {
    const tokens = tokenize(m[0]).map((t) => ({
      ...t,
      start: t.start + m.index,
      end: t.end + m.index,
    }));
    let i = 0;
    while (i < tokens.length && LEAD_INS.has((tokens[i] as Token).word)) i += 1;
    // "I need to know how many …", "altogether how many …": the question word further on.
    if (
      tokens[i] &&
      !AUXILIARIES.has((tokens[i] as Token).word) &&
      !isQuestionWord((tokens[i] as Token).word)
    ) {
      const later = tokens.findIndex((t, k) => k > i && isQuestionWord(t.word));
      if (later > 0) i = later;
    }
    const first = tokens[i];
    if (!first) continue;
    const word =
      { whats: 'what', whos: 'who', wheres: 'where', whens: 'when' }[first.word] ?? first.word;
    const next = tokens[i + 1];
    // "whats", "what's" (read as "what"), "what is": what follows is asked of.
    const contracted =
      first.word !== word || /^[\p{L}]+['’]s\b/u.test(text.slice(first.start, first.end + 2));
    const copula = contracted || (next !== undefined && COPULAS.has(next.word));
    const setType = (t: AnswerType) => {
      if (type === 'description') type = t;
    };
    if (AUXILIARIES.has(word)) {
      // A yes-or-no question ("did Armenia say …", "did the UN send deminers").
      clauses += 1;
      speaker ??= speakerOf(tokens, i + 1);
      predicate ??= clauseVerb(tokens, i + 1);
      continue;
    }
    if (!isQuestionWord(word)) {
      if (tokens.some((t) => FIRST_PERSON.has(t.word)))
        scene.push({ start: m.index, end: m.index + m[0].length });
      continue;
    }
    clauses += 1;
    const afterAux = next && AUXILIARIES.has(next.word) ? i + 2 : null;
    if (word === 'how') {
      const how = next?.word ?? '';
      if ((how === 'many' || how === 'much') && SHARES.has(tokens[i + 2]?.word ?? '')) {
        setType('share'); // "how many percent"
      } else if (how === 'many' || how === 'much') {
        let at = i + 2;
        while (tokens[at]?.word === 'more' || tokens[at]?.word === 'of') at += 1;
        const head = tokens[i + 2]?.word === 'of' ? null : nounPhraseHead(tokens, at);
        counted ??= head ? (partOf(tokens, head) ?? head) : partCounted(tokens, at);
        // "how much did the UN give / did it cost": a sum; "how much did prices rise", "how much
        // rain fell": an amount, of something not counted (a mass noun) but measured.
        const money =
          how === 'much' &&
          (counted === null ? amountIsMoney(tokens, i + 2) : typeOfNoun(counted.word) === 'money');
        const amount = how === 'much' && !money;
        if (amount && counted === null) open = true;
        if (amount) {
          setType('quantity');
          extra.add('figure');
        } else setType(money ? 'money' : 'count');
        if (counted && money) counted = null;
        const after = tokens.findIndex((t) => t.start >= (counted?.end ?? next?.end ?? 0));
        predicate ??= after >= 0 ? clauseVerb(tokens, after) : null;
        if (amount) counted = null;
      } else if (how === 'long') {
        setType(isLength(tokens, i + 2) ? 'quantity' : 'duration');
      } else if (how === 'often' || how === 'frequently') {
        setType('time');
        extra.add('frequency');
      } else if (afterAux !== null) {
        speaker ??= speakerOf(tokens, afterAux);
      } else if (next && isAdjective(next.word) && !isVerb(next.word)) {
        // "how deep", "how fast": a measure; "how bad", "how serious": what it was like.
        if (english().isMeasuredBy(next.word)) setType('quantity');
        focus ??= next;
      }
    } else if (word === 'when') {
      setType('time');
      if (afterAux !== null) predicate ??= clauseVerb(tokens, afterAux);
    } else if (word === 'where') {
      setType('place');
      if (afterAux !== null) predicate ??= clauseVerb(tokens, afterAux);
    } else if (word === 'why') {
      setType('reason');
      if (afterAux !== null) predicate ??= clauseVerb(tokens, afterAux);
    } else if (word === 'who' || word === 'whom' || word === 'whose') {
      // "who said / talked about X", as "which country said X": whose document says it.
      setType(
        !copula && afterAux === null && next && SAYING.has(next.word) ? 'document' : 'person',
      );
      // "who was driving the vehicle", "who was killed": the copula's participle is the verb.
      const verb = copula ? participle(tokens, i + (contracted ? 1 : 2)) : null;
      if (verb) predicate ??= actOf(tokens, verb);
      else if (copula) focus ??= nounPhraseHead(tokens, i + (contracted ? 1 : 2));
      else if (afterAux !== null) predicate ??= clauseVerb(tokens, afterAux);
      else if (next && content(next)) predicate ??= next;
      if (predicate && SIGNING.has(predicate.word)) extra.add('signature asked');
    } else if (next?.word === 'of') {
      setType('document'); // "which of the letters …"
    } else {
      // what / which: "what is the X", "what X did …", "what did X say".
      const from = copula ? i + (contracted ? 1 : 2) : i + 1;
      // "what is stopping people …", "what was found in Lachin", "what stops refugees …": the
      // question word is the verb's subject, and what follows the verb is no thing asked for.
      const verb = copula
        ? participle(tokens, from)
        : afterAux === null
          ? subjectVerb(tokens, from)
          : null;
      if (verb) predicate ??= verb;
      let head = (afterAux !== null && !copula) || verb ? null : nounPhraseHead(tokens, from);
      // "what is the international community supposed to do", "what was the road used for": a
      // participle after the thing makes it the verb's subject; what it does is asked, not who.
      const acted = head && copula ? tokens[tokens.indexOf(head) + 1] : undefined;
      if (head && acted && isPastVerb(acted.word)) {
        // "supposed to do": the verb after "to" is asked of, and "do" is no verb to find.
        predicate ??= actOf(tokens, acted);
        head = null;
      }
      // "what is the press release about", "what was the 2022 letter about": a preposition left
      // at the clause's end makes the thing its object; what it is about is asked, not a kind.
      const about = head && copula && tokens.at(-1)?.word === 'about' ? head : null;
      if (about) {
        focus ??= about;
        head = null;
      }
      if (head) {
        let kind = typeOfNoun(head.word);
        // "which country said …": who says it is whose document it is, not a name in the text.
        if (
          (kind === 'person' || kind === 'place') &&
          afterAux === null &&
          saidBy(tokens, tokens.indexOf(head))
        )
          kind = 'document';
        setType(kind);
        if (kind === 'count') counted ??= countedAfter(tokens, tokens.indexOf(head));
        else if (kind !== 'time' && kind !== 'document') focus ??= head;
      }
      if (afterAux !== null && !copula) {
        speaker ??= speakerOf(tokens, afterAux);
        predicate ??= clauseVerb(tokens, afterAux);
      }
    }
    // "how many refugees did Costa Rica say …": the one who says it, after the auxiliary.
    const aux = tokens.findIndex((t, k) => k > i && AUXILIARIES.has(t.word));
    if (aux > i) speaker ??= speakerOf(tokens, aux + 1);
  }
  // "victim count in 2024", "number of mine victims in 2023": a phrase without a question word
  // that opens on a figure noun asks for the figure.
  if (clauses === 0) {
    const tokens = tokenize(text);
    const figure = openingFigure(tokens);
    if (figure >= 0) {
      type = 'count';
      counted ??= countedAfter(tokens, figure);
    }
  }
  // "who sent the 2023 letter", "when was the Khojavand letter written", "what date was the note
  // verbale sent", "what's the date on the NV": the document's making, not what it tells of.
  const all = tokenize(text);
  const asks = type as AnswerType;
  // A document noun, or a symbol ("when was A/76/930 distributed"), names the document.
  const ofDocument =
    SYMBOL_PATTERN.test(text) ||
    all.some((t) => DOCUMENTS.has(t.word) && t.word !== 'one' && t.word !== 'ones');
  const verb =
    ofDocument && predicate && (SIGNING.has(predicate.word) || SENDING.has(predicate.word))
      ? predicate
      : null;
  if (verb && asks === 'person') extra.add('signature asked');
  const act = verb ?? (ofDocument ? (all.find((t) => MADE.has(t.word)) ?? null) : null);
  const documentAct =
    asks === 'person' && verb
      ? [verb]
      : asks === 'time' && ofDocument
        ? [...(act ? [act] : []), ...all.filter((t) => TIMES.has(t.word))]
        : [];
  if (FUTURE.test(text)) extra.add('future');
  if (CLOCK.test(text)) extra.add('clock');
  if (speaker) extra.add('speaker');
  if (focus && (type as AnswerType) !== 'quantity') extra.add('focus');
  return {
    type,
    asked: new Set([...EVIDENCE[type], ...extra]),
    counted: span(counted),
    focus: span(focus),
    predicate: span(predicate && !SAYING.has(predicate.word) ? predicate : null),
    speaker: span(speaker),
    source: span(sourceOf(tokenize(text))),
    total: TOTAL.test(text),
    amount: open,
    signed: extra.has('signature asked') && predicate !== null && /^sign/.test(predicate.word),
    clauses,
    // A request that asks in no clause ("give me the exact wording on the mine maps") is all asked.
    scene: clauses > 0 ? scene : [],
    documentAct: documentAct.map((t) => ({ start: t.start, end: t.end })),
  };
}
