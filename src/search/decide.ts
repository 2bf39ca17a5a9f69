import { fromCapitals } from '../corpus/capitals.ts';
import { analyze, conceptOf, isGlossaryConcept, tokenize } from './analyze.ts';
import { answerPair, answerSentence, FEATURE_NAMES } from './features.ts';
import { type Linear, MODEL, scorer, sigmoid } from './model.ts';
import {
  isEnglishWord,
  isNameOnly,
  isMissing,
  isNamingSlot,
  nearEnglishWord,
  type Slot,
  UNKNOWN_NAME_LENGTH,
} from './question.ts';
import { type Prepared, type Ranked, unknownSymbol } from './rank.ts';
import { englishWordNet } from './wordnet.ts';
import type { SearchIndex } from './search-index.ts';
import type { DocumentNoun, Letter } from '../corpus/schema.ts';

/**
 * Whether the best passages answer the question, or Annex abstains: a fitted probability over
 * features of the question and of its best passages, against a threshold chosen on held-out
 * data. A hard veto only where no answer is possible: the question asks for a figure, a sum of
 * money, a share, a time of day or a time, and no candidate states one; or it names documents
 * and a name it asks about is in none of them. The reason shown with
 * "not found" is read from what failed.
 */

/** A word that may be a name: letters only, three or more ("Kibeho", not "th" of "8th" or "2016"). */
const NAME_WORD = /^\p{L}{3,}$/u;

/**
 * Whether a question's word is a name, as typed: one WordNet knows only as a name ("Eritrea"),
 * or a longer word WordNet lacks that no one edit makes English ("Kibeho", not "genral"), unless
 * typed as English words joined by hyphens.
 */
function isName(slot: Slot, text: string): boolean {
  const { word } = slot;
  if (slot.correctedTo !== null || !NAME_WORD.test(word)) return false;
  // "secretary-general", "self-driving": parts that are English words make a compound, not a name.
  const parts = text
    .slice(slot.start, slot.end)
    .toLowerCase()
    .split(/[-‐‑–]+/);
  if (parts.length > 1 && parts.every((p) => isEnglishWord(p))) return false;
  if (isNameOnly(word)) return true;
  return word.length >= UNKNOWN_NAME_LENGTH && !isEnglishWord(word) && !nearEnglishWord(word);
}

/**
 * Whether the question writes a word as a name that WordNet knows first as one ("the Congo",
 * "China"): capitalized, and not as the question's first word. WordNet also has a tea called
 * "congo", so a word is not a name by its dictionary alone.
 */
function writtenAsName(text: string, slot: Slot): boolean {
  if (slot.correctedTo !== null || slot.start === 0 || !NAME_WORD.test(slot.word)) return false;
  if (!/^\p{Lu}/u.test(text.slice(slot.start, slot.end))) return false;
  return englishWordNet().isMainlyName(slot.word);
}

/**
 * Whether one edit makes a name another English word than its own people's or adjective, one the
 * documents hold: "makin" is "making" mistyped (WordNet knows Makin as an atoll), "georgia" is no
 * typo of "georgian"; and "suez" is no typo of "sued" where no document says "sued" (user trial
 * 21: typed in lower case, a name the documents lack had been searched for as a typo).
 */
function nearOtherWord(index: SearchIndex, word: string): boolean {
  const wordnet = englishWordNet();
  return nearEnglishWord(
    word,
    (edit) =>
      wordnet.pertainsTo(edit).includes(word) || index.documentFrequency(conceptOf(edit)) === 0,
  );
}

/**
 * Whether the question writes a word as a whole name (`writtenAsName`), not in capitals only as
 * shorthand is ("AZ" of Azerbaijan is Arizona to WordNet, "RU", "TS").
 */
function writtenWhole(text: string, slot: Slot): boolean {
  const typed = text.slice(slot.start, slot.end);
  return typed !== typed.toUpperCase() && writtenAsName(text, slot);
}

/** Whether a question's word is in a clause that only tells of the asker (`Frame.scene`). */
const inScene = (prepared: Prepared, s: Slot) =>
  prepared.q.frame.scene.some((a) => s.start >= a.start && s.end <= a.end);

/** Why Annex abstains when what matches is only vocabulary all the documents share ("letters" of letters). */
export const commonWordsOnly = (noun: DocumentNoun = 'letter'): string =>
  `only words common to all the ${noun}s match`;

/** Why Annex abstains on "who signed …?" when the documents it names carry no signature. */
export const unsigned = (noun: DocumentNoun = 'letter'): string =>
  `the ${noun}s it names are not signed`;

/** Whether a reason is `unsigned`'s, of several documents or of one by its kind (`unsignedNamed`). */
export const isUnsigned = (reason: string | null): boolean =>
  reason !== null && /^the .+ it names (?:is|are) not signed$/.test(reason);

/** How many of the best passages the decision reads (those shown by default). */
export const SHOWN = 3;

/** What a question must have stated, by the feature that reads it, and why it abstains if no candidate does. */
const IMPOSSIBLE_WITHOUT: readonly (readonly [string, string])[] = [
  ['figure', 'no passage gives a figure'],
  ['money', 'no passage gives a sum of money'],
  ['percentage', 'no passage gives a percentage'],
  ['clock', 'no passage gives a time of day'],
  ['time', 'no passage gives a time'],
];

/** Why the passages shown may not answer, by the answer-type feature none of them has. */
const LACKS: Readonly<Record<string, string>> = {
  count: 'no passage gives that figure',
  figure: 'no passage gives a figure',
  time: 'no passage gives a time for it',
  duration: 'no passage says how long',
  frequency: 'no passage says how often',
  money: 'no passage gives a sum of money',
  percentage: 'no passage gives a percentage',
  measure: 'no passage gives that measure',
  clock: 'no passage gives a time of day',
  future: 'no passage says when it will be',
  person: 'no passage names who',
  place: 'no passage names where',
  reason: 'no passage says why',
  speaker: 'no passage is from them or reports what they said',
  focus: 'no passage states what it asks for',
  // Said of the documents searched, by their noun (`unsigned`).
  'signature asked': unsigned(),
};
/**
 * The answer types whose absence the decision weighs: all but a place. Places are read from the
 * names WordNet and the country list know, so a passage naming a town they lack ("in Dunmere")
 * states no place; fitted with it, "no passage names where" weighed for answering (+0.15), and
 * without it the out-of-fold decisions were as good (AUC 0.828 either way).
 */
const ANSWER_TYPES = Object.keys(LACKS).filter((t) => t !== 'place');

const COLUMNS = new Map(FEATURE_NAMES.map((name, i) => [name, i]));
const column = (name: string) => COLUMNS.get(name) ?? -1;

/** Whether any of `rows` states what the feature `name` reads (its value is above 0). */
const anyStates = (rows: readonly Ranked[], name: string) => {
  const i = column(name);
  return rows.some((r) => (r.row[i] ?? 0) > 0);
};
const COVERAGE = column('coverage');
const EXACT = column('exact coverage');
const CONTEXT_COVERAGE = column('context coverage');
const VERBS_HELD = column('verbs held');
const COUNT_BY_VERB = column('count by verb');
const EVIDENCE = column('evidence');

/** The share of the answer types `asked` that `top` states less the share it does not, from -1 to 1; 0 when none is asked. */
function statedBalance(asked: ReadonlySet<string>, top: Ranked | undefined): number {
  const types = ANSWER_TYPES.filter((t) => asked.has(t));
  if (types.length === 0) return 0;
  const stated = types.filter((t) => top !== undefined && anyStates([top], t)).length;
  return (2 * stated - types.length) / types.length;
}

/** The largest of some numbers (0 for none). */
const most = (values: readonly number[]) => values.reduce((a, b) => Math.max(a, b), 0);

/**
 * How well a candidate holds one of the question's words: 1 when its text or headings hold it
 * (or a form or relative of it), else its closeness in meaning to the passage's closest word.
 * 1 when there is no such word.
 */
function matchOf(prepared: Prepared, r: Ranked | undefined, slot: number | null): number {
  if (slot === null) return 1;
  if (!r) return 0;
  const bit = prepared.set.slots.find((x) => x.slot === slot)?.bit ?? 0;
  if (bit !== 0 && ((r.candidate.mask | r.candidate.headingMask) & bit) !== 0) return 1;
  const similarity = prepared.q.slots[slot]?.similarity;
  let closest = 0;
  if (similarity)
    for (const id of prepared.context.index.passageConceptIds(r.candidate.id))
      closest = Math.max(closest, similarity[id] ?? 0);
  return closest;
}

/** How well a candidate holds the names the question asks about: its weakest (`matchOf`), 1 with none. */
const namesMatch = (prepared: Prepared, r: Ranked | undefined) =>
  Math.min(1, ...prepared.context.nameSlots.map((slot) => matchOf(prepared, r, slot)));

/**
 * The word of the question a candidate most lacks, weighed by how specific the word is: 1 when it
 * holds them all; a missing word of little weight ("stuff") takes little off.
 */
function weakestMatch(prepared: Prepared, r: Ranked | undefined): number {
  const { soft } = prepared.context;
  const largest = most(soft.map((w) => w.value));
  if (largest === 0) return 1;
  let weakest = 1;
  for (const [i, word] of soft.entries())
    weakest = Math.min(weakest, 1 - (word.value / largest) * (1 - matchOf(prepared, r, i)));
  return weakest;
}

/**
 * How far the words the letters lack are from the letters' own: for each, 1 less its closeness in
 * meaning to the closest word of the letters (`meaning.ts`), summed over them and divided by the
 * question's words; 0 when the letters lack none. A word far from all of theirs ("laptop",
 * "movie") weighs as one missing; one near ("gunmen" of "hijackers") as a fraction of one. Read
 * as a closeness, 1 both when none was missing and when the missing one was near, it had a
 * weight the wrong way round ("recommend a good movie for tonight" answered at p 0.47).
 */
function missingDistance(prepared: Prepared): number {
  const words = prepared.q.slots.length;
  if (words === 0) return 0;
  let distance = 0;
  for (const s of prepared.q.slots.filter(isMissing)) {
    let best = 0;
    for (const v of s.similarity ?? [0]) best = Math.max(best, v);
    distance += 1 - best;
  }
  return distance / words;
}

/** The decision features of the question and its best passages, in the order the model's weights follow. */
const DECISION_BASE = [
  'passage probability',
  'answer sentence',
  'answer sentence shown',
  'answer pair shown',
  'counted match',
  'focus match',
  'verb match',
  'names match',
  // The names asked about held by the best passage itself: "how much did Azerbaijan pay" is not
  // answered by what Testland spent, though a passage shown below it names Azerbaijan.
  'top names match',
  'weakest match',
  'top share',
  'top coverage',
  'top context coverage',
  'top verbs held',
  'top count by verb',
  'top exact coverage',
  'best evidence',
  'missing share',
  // The same, each word by how specific it is (a word the documents lack as specific as any):
  // "best pizza in new york" lacks its one telling word, though three of its four are held.
  'missing weight',
  'missing names',
  'missing distance',
  'counted missing',
  'focus missing',
  'verb missing',
  'name missing',
  'time missing',
  // The same of the best passage alone: "how many trucks crossed in 2023" is not answered by
  // figures for 2024, though a passage shown below it names 2023.
  'top time missing',
  // How much of the answer types asked the best passage states, from -1 (none) to 1 (all): "how
  // many died" is not answered by "The losses were enormous", though a passage below it gives a
  // figure. 0 when none is asked, between the two: a question that asks for nothing ("recommend
  // a good movie") has no type its passage states.
  'top stated balance',
  'names letter',
] as const;

/** The scoring function of each linear model over its rows, made once. */
const scorers = new WeakMap<Linear, (row: ArrayLike<number>) => number>();
function scorerOf(model: Linear, names: readonly string[]) {
  let score = scorers.get(model);
  if (!score) scorers.set(model, (score = scorer(model, names)));
  return score;
}

/** What the decision reads of a question and its best passages (`SHOWN`). */
function readDecision(
  prepared: Prepared,
  ranked: readonly Ranked[],
  passage: Linear,
): Record<(typeof DECISION_BASE)[number], number> {
  const { q, context } = prepared;
  const { roles } = q;
  const [top] = ranked;
  const shown = ranked.slice(0, SHOWN);
  const passageScore = scorerOf(passage, FEATURE_NAMES);
  let sum = 0;
  for (const r of ranked) sum += Math.exp(r.score - (top?.score ?? 0));
  // A word the documents lack that names them by another name is understood, not missing.
  // The words of the scene the asker sets are no part of what is asked (`Frame.scene`).
  const words = q.slots.filter((s) => !inScene(prepared, s));
  const missing = words.filter(isMissing);
  const specificity = (slots: readonly Slot[]) =>
    slots.reduce((sum, s) => sum + (context.soft[q.slots.indexOf(s)]?.value ?? 0), 0);
  const weightShare = (part: readonly Slot[], whole: readonly Slot[]) => {
    const total = specificity(whole);
    return total > 0 ? specificity(part) / total : whole.length > 0 ? 0 : 1;
  };
  const lacks = (slot: number | null) => {
    const s = slot === null ? undefined : q.slots[slot];
    return s !== undefined && isMissing(s);
  };
  const best = (read: (r: Ranked) => number) => most(shown.map(read));
  return {
    'passage probability': best((r) => sigmoid(passageScore(r.row))),
    'answer sentence': top ? answerSentence(context, top.candidate).score : 0,
    'answer sentence shown': best((r) => answerSentence(context, r.candidate).score),
    'answer pair shown': best((r) => answerPair(context, r.candidate)),
    'counted match': best((r) => matchOf(prepared, r, roles.counted)),
    'focus match': best((r) => matchOf(prepared, r, roles.focus)),
    'verb match': best((r) => matchOf(prepared, r, roles.predicate)),
    'names match': best((r) => namesMatch(prepared, r)),
    'top names match': namesMatch(prepared, top),
    'weakest match': best((r) => weakestMatch(prepared, r)),
    'top share': top ? 1 / sum : 0,
    'top coverage': top?.row[COVERAGE] ?? 0,
    'top context coverage': top?.row[CONTEXT_COVERAGE] ?? 0,
    // "how many were injured" of a passage that counts the killed: the thing counted, another verb.
    'top verbs held': top?.row[VERBS_HELD] ?? 0,
    'top count by verb': top?.row[COUNT_BY_VERB] ?? 0,
    'top exact coverage': top?.row[EXACT] ?? 0,
    'best evidence': best((r) => r.row[EVIDENCE] ?? 0),
    'missing share': words.length > 0 ? missing.length / words.length : 1,
    'missing weight': weightShare(missing, words),
    'missing names': missing.filter((s) => s.nominal).length,
    'missing distance': missingDistance(prepared),
    'counted missing': lacks(roles.counted) ? 1 : 0,
    'focus missing': lacks(roles.focus) ? 1 : 0,
    'verb missing': lacks(roles.predicate) ? 1 : 0,
    'name missing': context.nameSlots.some(lacks) ? 1 : 0,
    'time missing': q.date !== null && !q.date.upTo && !anyStates(shown, 'time held') ? 1 : 0,
    'top time missing':
      q.date !== null && !q.date.upTo && !anyStates(top ? [top] : [], 'time held') ? 1 : 0,
    'top stated balance': statedBalance(context.asked, top),
    'names letter': prepared.scope.groups ? 1 : 0,
  };
}

/**
 * The decision features: the question's and its best passages' (`readDecision`), then, per
 * answer type, whether it is asked and stated by none of the passages shown (a figure missing for
 * "how many" says more than a reason missing for "why", which letters give in many ways), and
 * whether it is asked at all: how often the letters answer a question depends on what it asks
 * for ("how many" of a near place or year is a common miss). With them, the out-of-fold decisions
 * served 1,045 tuning questions well rather than 1,035 (answerable ones with an answer shown, and
 * unanswerable ones abstained on).
 */
export const DECISION_FEATURES: readonly string[] = [
  ...DECISION_BASE,
  ...ANSWER_TYPES.map((t) => `unstated ${t}`),
  ...ANSWER_TYPES.map((t) => `asks ${t}`),
];

/** The decision features of a question and its ranked candidates. */
export function decisionRow(
  prepared: Prepared,
  ranked: readonly Ranked[],
  passageModel: Linear = MODEL.passage,
): Float64Array {
  const values = readDecision(prepared, ranked, passageModel);
  const shown = ranked.slice(0, SHOWN);
  const { asked } = prepared.context;
  const unstated = ANSWER_TYPES.map((t) => (asked.has(t) && !anyStates(shown, t) ? 1 : 0));
  const asks = ANSWER_TYPES.map((t) => (asked.has(t) ? 1 : 0));
  return Float64Array.from([...DECISION_BASE.map((name) => values[name]), ...unstated, ...asks]);
}

/** The decision: answer or abstain, how likely the best passage answers, and why not. */
export interface Decision {
  answers: boolean;
  probability: number;
  reason: string | null;
}

/**
 * Why no passage can answer, or null: none was found; the question asks for a figure, a sum of
 * money, a share, a time of day or a time and no candidate states one; or it asks who signed
 * and no candidate is a signature block.
 */
export function veto(prepared: Prepared, ranked: readonly Ranked[]): string | null {
  // "S/2023/123": a symbol no document has names nothing Annex could quote.
  const { catalog } = prepared.context.index;
  const unknown = unknownSymbol(prepared);
  if (unknown) return `no ${catalog.noun} has the symbol ${unknown}`;
  if (ranked.length === 0)
    return prepared.q.phrases.length > 0
      ? `no passage holds ${prepared.q.phrases.map((p) => `"${p}"`).join(' and ')} word for word`
      : 'no passage answers the question';
  for (const [name, reason] of IMPOSSIBLE_WITHOUT)
    if (prepared.context.asked.has(name) && !anyStates(ranked, name)) return reason;
  // "what did Kenya say in 2001": a State that no document is by, and whose words no candidate
  // reports ("Armenia claimed …"), said none of their words: quoting what others said of it
  // would put their words in its mouth.
  const silent = anyStates(ranked, 'speaker') ? null : silentState(prepared);
  if (silent) return `no ${catalog.noun} is by ${silent}`;
  // "what did Rwanda say about Kibeho in 1995": a name the documents named never hold is not
  // what any of their passages is about (a common word may be said otherwise; a name is not).
  // The one the question cites ("per Santos") or has say it ("did Trudeau say") speaks; a
  // speech seldom names its speaker.
  const { source, speaker } = prepared.q.roles;
  const { noun } = prepared.context.index.catalog;
  // Only what the question asks counts, not the scene the asker sets ("I'm writing a piece on
  // the South Caucasus: per the 2022 letter, how many …").
  const asks = (s: Slot) => !inScene(prepared, s);
  const unheld = prepared.q.slots.find(
    (s, i) =>
      asks(s) &&
      s.outOfScope &&
      (isName(s, prepared.q.text) || writtenAsName(prepared.q.text, s)) &&
      i !== source &&
      i !== speaker,
  );
  if (unheld) return `${namedNever(prepared)} "${asTyped(prepared, unheld)}"`;
  // "how many voters … in Paraguay": a name WordNet knows only as a name (a place, a body), which
  // no document holds, nor another name of it, is not what any passage is about; a passage on
  // Uruguay, its neighbour in meaning, answers nothing of Paraguay (user trial 17). A word WordNet
  // lacks, or one an edit away from another English word, may be a typo or shorthand ("legit",
  // "makin" of "making", which WordNet knows as an atoll), and is weighed by the model instead,
  // unless written as a whole name ("in Mali", not "male" nor "AZ").
  const absent = prepared.q.slots.find(
    (s, i) =>
      asks(s) &&
      isMissing(s) &&
      s.correctedTo === null &&
      NAME_WORD.test(s.word) &&
      isNameOnly(s.word) &&
      (writtenWhole(prepared.q.text, s) || !nearOtherWord(prepared.context.index, s.word)) &&
      i !== source &&
      i !== speaker,
  );
  if (absent) return `the ${noun}s never mention "${asTyped(prepared, absent)}"`;
  // "norway 2001 on landmines": the documents named hold none of what it asks about.
  // Who speaks is not what is asked about ("what did the Japanese representative say"), nor the
  // one beside them who speaks for them ("what did the speaker from Brazil say").
  const speaking = (s: Slot, i: number) =>
    i === speaker ||
    (speaker !== null &&
      Math.abs(i - speaker) === 1 &&
      englishWordNet().speaksForOthers(s.correctedTo ?? s.word));
  const asked = prepared.q.slots.filter(
    (s, i) => asks(s) && i !== source && !speaking(s, i) && !isNamingSlot(s) && !s.names,
  );
  if (asked.length > 0 && asked.every((s) => s.outOfScope))
    return `${namedNever(prepared)} "${asTyped(prepared, asked[0])}"`;
  // "how many iraqi refugees in jordan 2012": what the documents named never mention, nor any
  // word related to it, they count nowhere.
  const counted = prepared.q.roles.counted;
  const thing = counted === null ? undefined : prepared.q.slots[counted];
  if (thing?.outOfScope && asks(thing) && !isNamingSlot(thing) && !thing.names)
    return `${namedNever(prepared)} "${asTyped(prepared, thing)}"`;
  // "piracy gulf of guinea 2022": no document holds any of what it asks about, nor a word
  // WordNet or the glossary relates to one; only the time or the documents' names match. An
  // adverb ("back" of "back in 2021") tells how or when, and an adjective ("bayramov's own
  // letter") of what, not what it is about.
  const about = asked.filter((s) => {
    const use = s.known ? null : englishWordNet().mainUse(s.word);
    return use !== 'adv' && use !== 'adj';
  });
  if (about.length > 0 && about.every((s) => !s.known))
    return `the ${noun}s never mention "${asTyped(prepared, about[0])}"`;
  // "who signed the note verbale": a note is unsigned; no other passage tells who signed it.
  if (prepared.q.frame.signed && !anyStates(ranked, 'signature asked'))
    return unsignedNamed(prepared);
  return null;
}

/**
 * The State the question has speak ("what did Kenya say", "what did south africa say about …"),
 * written as a name is (`fromCapitals`), when no document is by it
 * (`DocumentCatalog.isStateWithoutDocuments`); else null.
 */
function silentState(prepared: Prepared): string | null {
  const { speaker } = prepared.q.frame;
  if (!speaker) return null;
  const text = prepared.q.text;
  const tokens = tokenize(text);
  const last = tokens.findIndex((t) => t.start >= speaker.start && t.end <= speaker.end);
  if (last < 0) return null;
  // The longest run of words ending at the speaker's that names a State ("south africa").
  for (let from = Math.max(0, last - 2); from <= last; from++) {
    const name = text.slice(tokens[from]?.start, tokens[last]?.end);
    // Initials the glossary reads otherwise ("the PR": a Permanent Representative, "the GA": the
    // General Assembly, not WordNet's Georgia) name no State.
    const bare = name.replace(/^the\s+/i, '');
    if (/^\p{Lu}{2,3}$/u.test(bare) && analyze(bare).some((t) => isGlossaryConcept(t.concept)))
      continue;
    const { catalog } = prepared.context.index;
    if (!catalog.isStateWithoutDocuments(name)) continue;
    // Named as the question writes it ("south africa": South Africa), an abbreviation by the ISO
    // list's name ("the UK": United Kingdom, not "The Uk").
    return (/^\p{L}{2,3}$/u.test(bare) && catalog.stateName(bare)) || fromCapitals(bare);
  }
  return null;
}

/** The one document the question names, when it names exactly one (`Scope.groups`). */
function onlyNamed(prepared: Prepared): Letter | null {
  const named = new Set(prepared.context.index.lettersOfGroups(prepared.scope.groups ?? []));
  const [only] = named;
  return named.size === 1 && only ? only : null;
}

/**
 * "the documents it names never mention", or of one document "the speech it names never
 * mentions" (its kind), as a reason begins when the question names the documents searched.
 */
function namedNever(prepared: Prepared): string {
  const only = onlyNamed(prepared);
  return only
    ? `the ${only.kind} it names never mentions`
    : `the ${prepared.context.index.catalog.noun}s it names never mention`;
}

/** `unsigned`, or of one document named "the note verbale it names is not signed" (its kind). */
function unsignedNamed(prepared: Prepared): string {
  const only = onlyNamed(prepared);
  return only
    ? `the ${only.kind} it names is not signed`
    : unsigned(prepared.context.index.catalog.noun);
}

/**
 * A question's word as the question writes it, for a reason shown to the user: "secretary-general",
 * not the folded "secretarygeneral" that is looked up; lower case, as reasons quote words.
 */
function asTyped(prepared: Prepared, slot: Slot | undefined): string {
  if (!slot) return '';
  const written = prepared.q.text.slice(slot.start, slot.end).trim();
  return written.length > 0 ? written.toLowerCase() : slot.word;
}

/** Decides whether the ranked candidates answer the question. */
export function decide(
  prepared: Prepared,
  ranked: readonly Ranked[],
  model: { answers: Linear; passage: Linear; threshold: number } = MODEL,
): Decision {
  const impossible = veto(prepared, ranked);
  if (impossible) return { answers: false, probability: 0, reason: impossible };
  const row = decisionRow(prepared, ranked, model.passage);
  const probability = sigmoid(scorerOf(model.answers, DECISION_FEATURES)(row));
  if (probability >= model.threshold) return { answers: true, probability, reason: null };
  return { answers: false, probability, reason: reasonFor(prepared, ranked) };
}

/** The reason shown with "not found": what failed. */
function reasonFor(prepared: Prepared, ranked: readonly Ranked[]): string {
  const { q, context } = prepared;
  const { noun } = context.index.catalog;
  // A word that names the documents searched by another name ("Tanganyika") is no word they lack.
  const missing = q.slots.filter((s) => isMissing(s) && s.nominal && !inScene(prepared, s));
  if (missing.length > 0 && 2 * missing.length >= q.slots.length)
    return `most of what it names is not in the ${noun}s`;
  const never = prepared.scope.groups ? namedNever(prepared) : `the ${noun}s never mention`;
  // The most specific word the documents lack ("headphones", not "back" of "back in 2021"), else
  // one the documents named never hold, though others do ("disarmament" in a speech on aid).
  const { soft } = context;
  const specific = (a: Slot, b: Slot) =>
    (soft[q.slots.indexOf(b)]?.value ?? 0) - (soft[q.slots.indexOf(a)]?.value ?? 0);
  const unheld =
    [...missing].sort(specific)[0] ??
    q.slots.find((s, i) => s.outOfScope && !s.names && i !== q.roles.source);
  if (unheld) return `${never} "${asTyped(prepared, unheld)}"`;
  const shown = ranked.slice(0, SHOWN);
  for (const name of context.asked)
    if (!anyStates(shown, name))
      return name === 'signature asked'
        ? unsignedNamed(prepared)
        : (LACKS[name] ?? 'no passage states what it asks for');
  // What the passages shown hold of the question: words every document may hold ("letters" of
  // letters), or words of some documents only, too few of them together.
  const { index, set } = context;
  let mask = 0;
  for (const r of shown) mask |= r.candidate.mask | r.candidate.headingMask;
  const held = set.slots.filter((s) => (mask & s.bit) !== 0);
  const common =
    held.length > 0 &&
    held.every((s) => s.alternatives.some((a) => index.inEveryDocument(a.concept)));
  return common ? commonWordsOnly(noun) : TOO_LITTLE;
}

/** Why Annex abstains when the best passages hold some of a question's own words, too few together. */
export const TOO_LITTLE = 'no passage holds enough of what it asks';
