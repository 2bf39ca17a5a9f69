import { isStopWord, MAX_WORD_LENGTH, NUMBER_WORDS, tokenize, type Token } from './analyze.ts';
import { WordNet } from './wordnet.ts';

/**
 * What a question asks for, read from its shape: the thing a "what/which X", "what is the X
 * of", "who is the X" or "how old" question wants; the verb of "who built …", "when did … start",
 * "how many … were injured"; a time for "when". A passage about the right subject that does not
 * state what is asked does not answer ("how old were the civilians killed in Khojavand?" is about
 * Khojavand, but no letter gives an age). Read with WordNet's parts of speech, no tagger: question
 * openings are few, and a tagger costs more to load than the whole CLI call is allowed.
 */

/** A word of the question and where it stands. */
export interface AskedWord {
  word: string;
  start: number;
  end: number;
  /** For the thing asked for: where its whole phrase stands ("agenda item number"). */
  phrase?: { start: number; end: number };
}

/** What the shape of a question asks for (see `readAsks`). */
export interface QuestionShape {
  /**
   * A clause asks "when" ("when did …", "since when?", not "when X talks about Y, …") or for a
   * date, day or year: a passage must state a time.
   */
  time: boolean;
  /**
   * The thing asked for: X of "what/which X …", "what is/was the X of …", "who is the X", "how
   * X" (an adjective: "how old"). A shown passage must hold it.
   */
  focus: AskedWord | null;
  /**
   * The verb of "who VERB …", "when/where did … VERB", "how many … were VERBed": the passage that
   * answers (the one stating the time, place or figure) must hold it.
   */
  predicate: AskedWord | null;
  /**
   * Which passages must hold the predicate: those giving the figure, the time, the thing asked
   * for ("which country produced …"), or any shown.
   */
  predicateOf: 'figure' | 'time' | 'focus' | 'any';
  /** A clause opens with "who" or "whom", not "who is the X": the answer names people. */
  person: boolean;
  /**
   * The verb of "what did X VERB": the letters must use it (or a word it relates to), though an
   * answer may say it in other words.
   */
  verb: AskedWord | null;
  /**
   * Whose words or response it asks for: X of "what did X say / think / claim …", "how did X
   * respond / react". When the letters never mention X, they cannot tell what X said.
   */
  speaker: AskedWord | null;
  /** X of "what did X do (about …)": what X did, a passage must name X to tell. */
  actor: AskedWord | null;
  /** How many clauses ask something ("how many … and how long …": two). */
  clauses: number;
}

/** Auxiliaries and modals: they stand between a question word and what it asks. */
const AUXILIARIES = new Set([
  'do',
  'does',
  'did',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'am',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'should',
  'shall',
  'may',
  'might',
  'must',
  'get',
  'got',
  'gets',
]);
const HAVE = new Set(['has', 'have', 'had']);
const COPULAS = new Set(['is', 'are', 'was', 'were', 'be', 'been']);
/** "Get" of the passive: "how many people got hurt" has no subject after it. */
const GETS = new Set(['get', 'got', 'gets']);
/** Words a clause may open with before its question word ("ok so when …", "under what law …"). */
const LEAD_INS = new Set([
  'and',
  'but',
  'so',
  'ok',
  'okay',
  'lol',
  'ngl',
  'tbh',
  'then',
  'also',
  'yo',
  'hey',
  'wait',
  'um',
  'like',
  'pls',
  'please',
  'in',
  'under',
  'from',
  'to',
  'by',
  'for',
  'on',
  'at',
  'with',
  'of',
  'into',
  'since',
  'until',
  'about',
]);
/** "what kind of X", "what body of law": the classifier is not what is asked, X is. */
const CLASSIFIERS = new Set([
  'kind',
  'kinds',
  'type',
  'types',
  'sort',
  'sorts',
  'form',
  'forms',
  'body',
  'bodies',
  'piece',
  'pieces',
  'part',
  'parts',
  'category',
  'categories',
  'class',
  'variety',
]);
/** Nouns for an answer to what happened ("what was Russia's response"). */
const RESPONSES = new Set([
  'response',
  'responses',
  'reaction',
  'reactions',
  'reply',
  'replies',
  'answer',
  'answers',
]);

/**
 * Nouns that frame a question rather than name what it is about ("from what starting point",
 * "in what way", "under what circumstances"): the answer need not repeat them.
 */
const FRAME_NOUNS = new Set([
  'point',
  'points',
  'way',
  'ways',
  'manner',
  'reason',
  'reasons',
  'circumstance',
  'circumstances',
  'extent',
  'degree',
  'basis',
  'grounds',
  'respect',
  'sense',
  'aspect',
  'aspects',
  'context',
  'terms',
  'light',
  // Someone's stance on something ("whats armenia's excuse", "azerbaijan's problem with …"):
  // any passage of theirs on it answers.
  'problem',
  'problems',
  'issue',
  'issues',
  'excuse',
  'excuses',
  'deal',
  'story',
  'stance',
  'position',
  'view',
  'views',
  'opinion',
  'argument',
  'arguments',
  'complaint',
  'complaints',
  'explanation',
  'justification',
  // What shows something ("what proof is there that Meridia did it"): the passage that shows it
  // rarely names itself proof.
  'proof',
  'evidence',
  // How two things relate ("what's the link between incidents and the maps"): passages about
  // both answer.
  'link',
  'links',
  'connection',
  'connections',
  'relationship',
  'relation',
  'difference',
  'differences',
  'similarity',
  'correlation',
  // Someone's answer to what happened: what they said is the answer.
  ...RESPONSES,
]);
/** "what number / share / total": a figure is asked for, which the figure checks handle. */
const MEASURES = new Set([
  'number',
  'numbers',
  'share',
  'percentage',
  'percent',
  'proportion',
  'fraction',
  'amount',
  'total',
  'figure',
  'figures',
  'count',
  'rate',
  'sum',
  'quantity',
  'many',
  'much',
]);
/** Nouns that name a document: "which letter …" is answered by a passage of that letter. */
const DOCUMENT_NOUNS = new Set([
  'letter',
  'letters',
  'document',
  'documents',
  'statement',
  'statements',
  'note',
  'notes',
  'nv',
  'release',
  'releases',
  'annex',
  'annexes',
  'text',
  'texts',
  'one',
  'ones',
]);
/** Words that ask for a time: "which year …", "what were the dates of …". */
const TIME_WORDS = new Set([
  'date',
  'dates',
  'day',
  'days',
  'time',
  'times',
  'year',
  'years',
  'month',
  'months',
  'period',
  'week',
  'weeks',
]);
/**
 * "how X": these ask for a figure, a duration or a frequency, which other checks handle; "how
 * did …" asks for a manner.
 */
const HOW_HANDLED = new Set([
  'many',
  'much',
  'long',
  'often',
  'frequently',
  'soon',
  'come',
  'about',
  ...AUXILIARIES,
]);
/** Longest run of words read as the thing asked for ("what international organizations"). */
const MAX_FOCUS_WORDS = 4;
/**
 * A clause: split at punctuation, dashes, and at "and" / "but" / "or" opening another question
 * ("when was it repaired and was there an inspection").
 */
const CLAUSE =
  /[^,;:?!()]+?(?=[,;:?!()]|\s[-–—]\s|\s(?:and|but|or)\s+(?:was|were|is|are|did|does|do|has|have|had|how|what|when|where|who|which|why)\b|$)/gi;

let wordnet: WordNet | null = null;
function english(): WordNet {
  wordnet ??= new WordNet();
  return wordnet;
}

const isNoun = (word: string) => english().baseForms(word, 'noun').length > 0;
const isVerb = (word: string) => english().baseForms(word, 'verb').length > 0;
/** A verb as a dictionary lists it ("count", and "lay", though also the past of "lie"). */
const isBaseVerb = (word: string) => english().hasLemma(word, 'verb');
/**
 * Whether a verb has so many senses ("give": 44, "bring": 11) that it says little alone: letters
 * may put it in words WordNet does not relate to it.
 */
function broadVerb(word: string): boolean {
  const senses = english()
    .baseForms(word, 'verb')
    .reduce((n, base) => Math.max(n, english().senses(base, 'verb').length), 0);
  return senses >= BROAD_VERB_SENSES;
}
const BROAD_VERB_SENSES = 10;

/** Only an adverb ("exactly", "again"): it qualifies, and names nothing asked about. */
const onlyAdverb = (word: string) =>
  english().hasLemma(word, 'adv') &&
  !isNoun(word) &&
  !isVerb(word) &&
  english().baseForms(word, 'adj').length === 0;
const isAdjective = (word: string) =>
  english().baseForms(word, 'adj').length > 0 || english().baseForms(word, 'adv').length > 0;
/** A verb in the past or a participle ("built", "injured", "found"), not a noun like "need". */
function isInflectedVerb(word: string): boolean {
  if (word.length > MAX_WORD_LENGTH) return false;
  const wn = english();
  if (wn.irregularBase(word, 'verb') !== undefined) return true;
  return /(?:ed|en)$/.test(word) && isVerb(word) && !wn.hasLemma(word, 'noun');
}
/** A verb in the present after its subject: "which company owns …", "which country makes …". */
const presentVerb = (word: string) =>
  /[^s]s$/.test(word) && isVerb(word) && (!isNoun(word) || mostlyVerb(word));
/** A word read as a verb in the past where WordNet does not know it (a typo: "acused"). */
const looksPast = (word: string) => /[a-z]ed$/.test(word) && !isNoun(word);
/** A plural noun ends the thing asked for: "which organizations help …". */
function isPluralNoun(word: string): boolean {
  return word.endsWith('s') && !english().hasLemma(word, 'noun') && isNoun(word);
}

/**
 * Whether a word followed by `next` describes it rather than names what is meant: `next` is a
 * noun, not a verb in the past ("landmine victims", not "landmines produced in Armenia"), nor
 * "members" ("22 crew members" are the crew).
 */
export function describesNext(next: string | undefined): boolean {
  return (
    next !== undefined &&
    !MEMBERS.has(next) &&
    !isStopWord(next) &&
    !/^\d/.test(next) &&
    isNoun(next) &&
    !isInflectedVerb(next)
  );
}

const MEMBERS = new Set(['member', 'members']);

/**
 * Whether general English uses a word mostly as a noun: at least as often as a noun as in any
 * other part of speech ("movie", "headphones"; not "good", "help" or "recommend").
 */
export function mostlyNoun(word: string): boolean {
  if (!/^\p{L}+$/u.test(word) || !isNoun(word)) return false;
  const counts = usesByPart(word);
  return counts.noun >= Math.max(counts.verb, counts.adj, counts.adv);
}

/**
 * Whether general English uses a word mostly as a verb, and often enough to tell: at least as
 * often as otherwise, and `MIN_VERB_USES` times ("tunnel", seen thrice, is not told).
 */
export function mostlyVerb(word: string): boolean {
  if (!/^\p{L}+$/u.test(word) || !isVerb(word)) return false;
  const counts = usesByPart(word);
  return (
    counts.verb >= MIN_VERB_USES && counts.verb >= Math.max(counts.noun, counts.adj, counts.adv)
  );
}
const MIN_VERB_USES = 10;

/** How often SemCor uses a word (any of its base forms) as each part of speech. */
function usesByPart(word: string): Record<'noun' | 'verb' | 'adj' | 'adv', number> {
  const wn = english();
  const uses = (pos: 'noun' | 'verb' | 'adj' | 'adv') =>
    wn.baseForms(word, pos).reduce((n, base) => Math.max(n, wn.posUsageCount(base, pos)), 0);
  return { noun: uses('noun'), verb: uses('verb'), adj: uses('adj'), adv: uses('adv') };
}

/**
 * Whether a word names a thing: a name English lacks ("Khojavand"), or a noun that general
 * English uses as a noun at least as often as a verb, or as a verb too rarely to tell
 * (`MIN_VERB_USES`): "troops", "tunnel", not "pull".
 */
export function namesAThing(word: string): boolean {
  if (!/^\p{L}+$/u.test(word)) return false;
  if (!english().isWord(word)) return true;
  if (!isNoun(word)) return false;
  // A verb counts against it only when seen often enough to tell ("tunnel": 1 noun, 2 verbs).
  const { noun, verb } = usesByPart(word);
  return verb < MIN_VERB_USES || noun >= verb;
}

/** Question words as people type them, contractions included ("whats", "who's" is "who"). */
function questionWord(word: string): string | null {
  const w = word === 'whats' ? 'what' : word === 'whos' ? 'who' : word;
  return ['what', 'which', 'who', 'whom', 'when', 'where', 'how'].includes(w) ? w : null;
}

const asked = (t: Token): AskedWord => ({ word: t.word, start: t.start, end: t.end });

/**
 * The head of the noun phrase that starts at `tokens[i]`: the last word of a run that ends
 * before an auxiliary, a stop word or a verb in the past, or after a plural noun; classifiers
 * ("kind of") are skipped. Null when the phrase names a document, a measure, or nothing, or
 * (`verbMayFollow`, right after "what") is a verb.
 */
function nounPhraseHead(
  tokens: readonly Token[],
  i: number,
  verbMayFollow = false,
): { head: Token; time: boolean; phrase: { start: number; end: number } } | null {
  let at = i;
  const run: Token[] = [];
  while (at < tokens.length && run.length < MAX_FOCUS_WORDS) {
    const t = tokens[at] as Token;
    if (CLASSIFIERS.has(t.word) && tokens[at + 1]?.word === 'of') {
      at += 2;
      continue;
    }
    // "the 3 countries", "the two letters": how many there are, not what.
    if (run.length === 0 && (/^\d+$/.test(t.word) || NUMBER_WORDS.has(t.word))) {
      at += 1;
      continue;
    }
    if (AUXILIARIES.has(t.word) || isStopWord(t.word) || /^\d/.test(t.word)) break;
    if (t.word === 'according') break;
    if (run.length > 0 && (isInflectedVerb(t.word) || looksPast(t.word) || presentVerb(t.word)))
      break;
    // "which letter talks about …": the document is what is asked for.
    if (run.length === 0 && DOCUMENT_NOUNS.has(t.word)) return null;
    run.push(t);
    at += 1;
    if (isPluralNoun(t.word)) break;
  }
  let head = run.at(-1);
  if (head && MEASURES.has(head.word)) head = run.at(-2);
  if (!head || DOCUMENT_NOUNS.has(head.word) || FRAME_NOUNS.has(head.word)) return null;
  // Right after "what", a word that may be a verb is one when neither an auxiliary nor a verb
  // follows it: "what shows that Armenia lied", but "what aims does …", "what company supplied …".
  // A participle before a noun describes it ("what stops displaced people"): it is no verb.
  const after = tokens[at];
  const beyond = tokens[at + 1];
  const describing =
    after !== undefined &&
    beyond !== undefined &&
    looksPast(after.word) &&
    content(beyond) &&
    namesAThing(beyond.word);
  if (
    verbMayFollow &&
    run.length === 1 &&
    isVerb(head.word) &&
    after?.word !== 'of' && // "what brand of car": "of" follows a noun.
    (!after || describing || (!AUXILIARIES.has(after.word) && !isInflectedVerb(after.word)))
  )
    return null;
  const phrase = { start: run[0]?.start ?? head.start, end: run.at(-1)?.end ?? head.end };
  return { head, time: TIME_WORDS.has(head.word), phrase };
}

/** "what did X do": the verb that asks what X did. */
const DOING: ReadonlySet<string> = new Set(['do', 'doing', 'done']);

/** Verbs that ask how someone answered what happened ("how did Armenia react"). */
const RESPONDING = new Set([
  'respond',
  'responded',
  'react',
  'reacted',
  'reply',
  'replied',
  'answer',
  'answered',
]);

/** Subjects that are no content word: after them, a clause's first content word is its verb. */
const PRONOUNS = new Set(['i', 'you', 'he', 'she', 'it', 'we', 'they']);

/** "how many of the (1,318) X were VERBed": the verb of the part counted. */
const PART_DONE =
  /\bhow many of (?:the|these|those|all)\b[^?;]*?\b(?:were|was|are|is|have been|has been|had been|got)\s+(\p{L}+)/iu;

/**
 * The speaker of "what did X say" / "how did X react": the last word of the subject between the
 * auxiliary at `tokens[from - 1]` and the first of `verbs`, when it is a content word.
 */
function speakerOf(
  tokens: readonly Token[],
  from: number,
  verbs: ReadonlySet<string>,
): Token | null {
  const at = tokens.findIndex((t, k) => k >= from && verbs.has(t.word));
  if (at <= from) return null;
  // "what does the letter to the Security Council say": the Council is written to, not writing.
  // ("What did the FM ask the SG to do": what the FM did is asked, not what the SG did.)
  const to =
    verbs === DOING ? -1 : tokens.findIndex((t, k) => k > from && k < at && t.word === 'to');
  const last = tokens[(to > from ? to : at) - 1] as Token;
  return content(last) ? last : null;
}

/** Who a clause asks the words or the response of: "what did X say", "did X reply". */
function saidBy(tokens: readonly Token[], from: number): Token | null {
  return speakerOf(tokens, from, SAYING) ?? speakerOf(tokens, from, RESPONDING);
}

/** Verbs that ask what was said or thought: what follows them is what was said. */
const SAYING = new Set([
  'say',
  'says',
  'said',
  'tell',
  'tells',
  'told',
  'think',
  'thinks',
  'thought',
  'mention',
  'mentions',
  'mentioned',
  'claim',
  'claims',
  'claimed',
  'state',
  'states',
  'stated',
  'believe',
  'believes',
  'mean',
  'means',
  'meant',
  'want',
  'wants',
  'wanted',
  'describe',
  'describes',
  'described',
  // Who is held to have done it ("who was blamed for planting the mine"): the letters tell who
  // did it, in their own words.
  'blame',
  'blames',
  'blamed',
  'accuse',
  'accuses',
  'accused',
]);

/**
 * Verbs of keeping count ("how many victims did Azerbaijan count / record"): the letters' figure
 * is the count, whatever verb they give it.
 */
const COUNTING = new Set([
  'count',
  'counts',
  'counted',
  'record',
  'records',
  'recorded',
  'register',
  'registers',
  'registered',
  'report',
  'reports',
  'reported',
  'tally',
  'tallied',
  'document',
  'documented',
]);

/** Whether a word may be the verb of a clause (not an auxiliary, a stop word or a figure). */
const content = (t: Token) =>
  !AUXILIARIES.has(t.word) && !isStopWord(t.word) && !/^\d/.test(t.word);

/**
 * The verb of a clause whose question word and auxiliary end before `from`. After a form of "be"
 * ("where was the mine that blew up the car manufactured"), the last participle; after "do" or a
 * modal ("when did Armenia start planting mines"), the first word past the subject's first that
 * is a verb (and not a noun, if any such word comes).
 */
function clauseVerb(
  text: string,
  tokens: readonly Token[],
  from: number,
  passive: boolean,
): Token | null {
  // "what does it say the provocations are meant to achieve": the verb is "say", which asks for
  // what was said, not for a word to find.
  const saying = tokens.slice(from).findIndex((t) => SAYING.has(t.word));
  const clause = saying < 0 ? tokens.slice(from) : tokens.slice(from, from + saying);
  if (saying >= 0 && !passive) return null;
  // The parts of a hyphenated word ("Secretary-General") are one word.
  const rest = clause.filter(
    (t, k) => content(t) && !(k > 0 && text.slice(clause[k - 1]?.end, t.start) === '-'),
  );
  // "who was driving the vehicle": right after the form of "be", a verb in -ing is the verb.
  const first = clause[0];
  if (passive && first && /ing$/.test(first.word) && isVerb(first.word)) return first;
  if (passive) return rest.filter((t) => isInflectedVerb(t.word)).at(-1) ?? null;
  // "what did they find": after a pronoun (no content word), the first content word is the verb;
  // so after "had to" ("how many people had to flee their homes").
  const candidates =
    first && (PRONOUNS.has(first.word) || first.word === 'to') ? rest : rest.slice(1);
  // "how many victims did the prosecutor count outside mapped areas", "when did the displaced
  // people return": after "do", the verb is in its base form; a participle describes a noun. A
  // question typed "when did they planted the mines" still has one, where no other word is
  // mostly a verb.
  const participle = (t: Token) => isInflectedVerb(t.word) && !isBaseVerb(t.word);
  const base = () => candidates.filter((t) => !participle(t) && !mostlyNoun(t.word));
  return (candidates.some(participle) && pickVerb(base())) || pickVerb(candidates);
}

/** The word of `candidates` most likely the verb of its clause, or null. */
function pickVerb(candidates: readonly Token[]): Token | null {
  return (
    candidates.find((t) => isInflectedVerb(t.word)) ??
    // "what did the mines near cemeteries show": "show" is used mostly as a verb, "near" not.
    candidates.find((t) => mostlyVerb(t.word)) ??
    candidates.find((t) => isVerb(t.word) && !isNoun(t.word)) ??
    // "when did the sabotage group leave": "group" is mostly a noun, "leave" mostly a verb.
    candidates.find((t) => isVerb(t.word) && !mostlyNoun(t.word)) ??
    candidates.find((t) => isVerb(t.word)) ??
    null
  );
}

/**
 * Words that open a clause of time, cause or source inside a "how many" question: what follows
 * qualifies the count but is not what is counted ("how many have been mine victims since the war
 * ended", "… after the ceasefire", "… according to the statement"), and letters word it their
 * own way ("in the post-conflict period").
 */
const SUBORDINATORS = new Set([
  'since',
  'after',
  'before',
  'until',
  'till',
  'when',
  'while',
  'whilst',
  'because',
  'although',
  'though',
  'once',
  'per',
  'according',
]);

/**
 * Where the clause that counts ends, from where the counted word ends: at a comma or other
 * break, at "and" (a second question), or at a clause of time, cause or source.
 */
export function countedClauseEnd(text: string, countedEnd: number): number {
  const rest = text.slice(countedEnd);
  const breakAt = /[,;:?!()]|\band\b/.exec(rest)?.index ?? rest.length;
  const sub = tokenize(rest).find((t) => SUBORDINATORS.has(t.word) && t.start < breakAt);
  return countedEnd + Math.min(breakAt, sub?.start ?? breakAt);
}

/**
 * Reads what a question asks for from its shape. `counted` is where the counted word of a
 * "how many" question ends (its verb comes after it), or null.
 */
export function readShape(
  text: string,
  countedEnd: number | null = null,
  spelled: ReadonlyMap<string, string> = new Map(),
): QuestionShape {
  const shape: QuestionShape = {
    time: false,
    focus: null,
    predicate: null,
    predicateOf: 'any',
    person: false,
    verb: null,
    speaker: null,
    actor: null,
    clauses: 0,
  };
  const setPredicate = (verb: Token, of: QuestionShape['predicateOf']) => {
    if (shape.predicate) return;
    shape.predicate = asked(verb);
    shape.predicateOf = of;
  };
  for (const m of text.matchAll(CLAUSE)) {
    const tokens = tokenize(m[0]).map((t) => ({
      ...t,
      word: spelled.get(t.word) ?? t.word,
      start: t.start + m.index,
      end: t.end + m.index,
    }));
    let i = 0;
    while (i < tokens.length && LEAD_INS.has((tokens[i] as Token).word)) i += 1;
    const first = tokens[i];
    const wh = first ? questionWord(first.word) : null;
    // ("I need to know how many …": a question may open later in its clause.)
    if ((first && AUXILIARIES.has(first.word)) || tokens.some((t) => questionWord(t.word)))
      shape.clauses += 1;
    // "when exactly did the occupation start", "what exactly did they say": the adverb stands
    // between the question word and its verb. ("How often" asks for something else.)
    while (wh && wh !== 'how' && tokens[i + 1] && onlyAdverb((tokens[i + 1] as Token).word))
      tokens.splice(i + 1, 1);
    // "did the SG reply to Bayramov", "has Armenia said …": a yes-or-no question about words.
    if (!wh && first && AUXILIARIES.has(first.word) && !COPULAS.has(first.word)) {
      const speaker = saidBy(tokens, i + 1);
      if (speaker) shape.speaker ??= asked(speaker);
      // "did the Secretary-General visit the territories": letters that never say "visit" (nor
      // a word it relates to) cannot tell. A verb of many senses ("give", "bring", "break") may
      // be said in a phrase WordNet does not relate ("hand over", "in breach of").
      const v = clauseVerb(text, tokens, i + 1, false);
      // ("did the SG reply": whose words are asked for is checked instead.)
      if (v && !speaker && !broadVerb(v.word)) shape.verb ??= asked(v);
    }
    if (!wh || !first) continue;
    const next = tokens[i + 1];
    // "what's the X of …", "whats the X": the contraction stands for "what is".
    const written = m[0].slice(first.start - m.index, first.end - m.index);
    const contracted = written.toLowerCase() !== wh;
    const copula = contracted || (next !== undefined && COPULAS.has(next.word));
    /** After "what is" / "what's": where "the X" starts. */
    const afterCopula = contracted ? i + 1 : i + 2;
    // "what is the X", and "what is ANAMA's X": the possessor is not what is asked for.
    const possessive = (t: Token | undefined) =>
      t !== undefined && /['’]s$/i.test(text.slice(t.start, t.end));
    const thePhrase = (from: number) =>
      tokens[from]?.word === 'the' || possessive(tokens[from])
        ? nounPhraseHead(tokens, from + 1)
        : null;
    // "when did …", "since when?": a question; "When Azerbaijan talks about …, what …" is not.
    if (wh === 'when' && (!next || AUXILIARIES.has(next.word))) shape.time = true;
    if (wh === 'what' || wh === 'which') {
      if (next?.word === 'of') continue; // "which of the letters …": one of the documents.
      const phrase = copula
        ? thePhrase(afterCopula)
        : next && !AUXILIARIES.has(next.word)
          ? nounPhraseHead(tokens, i + 1, wh === 'what')
          : null;
      // "what was the peacekeepers' response": whose words are asked for.
      const response = copula ? tokens.findIndex((t, k) => k > i && RESPONSES.has(t.word)) : -1;
      const responder = response > 0 ? tokens[response - 1] : undefined;
      if (responder && content(responder) && responder.word !== 'the')
        shape.speaker ??= asked(responder);
      if (phrase?.time) shape.time = true;
      else if (phrase && !isInflectedVerb(phrase.head.word)) {
        shape.focus ??= { ...asked(phrase.head), phrase: phrase.phrase };
        // "which country produced the mine": the verb the thing asked for did.
        const after = tokens.find((t) => t.start >= phrase.phrase.end);
        if (
          !copula &&
          after &&
          (isInflectedVerb(after.word) || presentVerb(after.word)) &&
          !SAYING.has(after.word)
        )
          setPredicate(after, 'focus');
      }
      // "what did the Secretary-General reply": the letters must say it at all.
      if (wh === 'what' && next && AUXILIARIES.has(next.word) && !copula) {
        const v = clauseVerb(text, tokens, i + 2, false);
        if (v) shape.verb ??= asked(v);
        const speaker = saidBy(tokens, i + 2);
        if (speaker) shape.speaker ??= asked(speaker);
        const actor = speakerOf(tokens, i + 2, DOING);
        if (actor) shape.actor ??= asked(actor);
      }
    } else if (wh === 'who' || wh === 'whom') {
      shape.person = true;
      const phrase = copula ? thePhrase(afterCopula) : null;
      if (phrase) {
        if (!phrase.time) shape.focus ??= { ...asked(phrase.head), phrase: phrase.phrase };
      } else if (next && AUXILIARIES.has(next.word)) {
        // "who was driving the vehicle", "who was the mine planted by", "who did …".
        if (copula && tokens[afterCopula]?.word === 'the') continue;
        const v = clauseVerb(text, tokens, i + 2, COPULAS.has(next.word));
        if (v) setPredicate(v, 'any');
      } else if (next && isVerb(next.word)) {
        // "who commands the contingent", "who built the tunnel".
        setPredicate(next, 'any');
      }
    } else if (wh === 'when' || wh === 'where') {
      const v =
        next && AUXILIARIES.has(next.word)
          ? clauseVerb(text, tokens, i + 2, COPULAS.has(next.word))
          : null;
      if (v) setPredicate(v, wh === 'when' ? 'time' : 'any');
    } else if (wh === 'how' && next && AUXILIARIES.has(next.word)) {
      const speaker = speakerOf(tokens, i + 2, RESPONDING);
      if (speaker) shape.speaker ??= asked(speaker);
    } else if (wh === 'how' && next) {
      if (!HOW_HANDLED.has(next.word) && isAdjective(next.word) && !isVerb(next.word))
        shape.focus ??= asked(next);
    }
  }
  // "how many of the 1,318 mines were defused": the part is what the verb did to the whole.
  const part = PART_DONE.exec(text);
  if (countedEnd === null && part?.[1] !== undefined && isInflectedVerb(part[1].toLowerCase())) {
    const start = part.index + part[0].length - part[1].length;
    setPredicate({ word: part[1].toLowerCase(), start, end: start + part[1].length }, 'any');
  }
  if (countedEnd !== null) {
    // "how many people has ANAMA trained", "how many were injured": the verb after what is counted.
    const clause = text.slice(countedEnd, countedClauseEnd(text, countedEnd));
    const all = tokenize(clause).map((t) => ({
      ...t,
      word: spelled.get(t.word) ?? t.word,
      start: t.start + countedEnd,
      end: t.end + countedEnd,
    }));
    // "how many mines did Azerbaijan clear": after "did" and its subject, the verb's base form.
    // "how many have been cleared": the participle after "been", as without an auxiliary.
    const aux = all.findIndex((t) => AUXILIARIES.has(t.word) && !COPULAS.has(t.word));
    const passive =
      aux >= 0 && (GETS.has(all[aux]?.word ?? '') || COPULAS.has(all[aux + 1]?.word ?? ''));
    // "how many percent of incidents happened outside the mapped areas": the verb is the first
    // one ("happened", which names nothing to find); "mapped" describes the areas.
    // "how many IDPs have returned home": "have" and a participle, with no subject between.
    const perfect =
      aux >= 0 && HAVE.has(all[aux]?.word ?? '') && isInflectedVerb(all[aux + 1]?.word ?? '');
    const verb =
      aux >= 0 && !passive && !perfect
        ? clauseVerb(text, all, aux + 1, false)
        : all.find((t) => !AUXILIARIES.has(t.word) && isInflectedVerb(t.word));
    if (verb && content(verb) && !COUNTING.has(verb.word)) setPredicate(verb, 'figure');
  }
  return shape;
}
