import { dayNumber } from '../corpus/dates.ts';
import {
  analyze,
  conceptOf,
  isGlossaryConcept,
  opensPhrasing,
  isStopWord,
  tokenize,
  type Token,
} from './analyze.ts';
import { MAX_NAME_WORDS, nameKey } from './catalog.ts';
import { senderState } from './cite.ts';
import { DOCUMENT_WORDS, modifiersFrom, ordinalOf } from './letter-reference.ts';
import { isEnglishWord, type ParsedQuestion, UNKNOWN_NAME_LENGTH } from './question.ts';
import type { SearchIndex } from './search-index.ts';
import { type DateHint, timesOf, writtenAt } from './time.ts';
import { englishWordNet } from './wordnet.ts';

/**
 * Documents a question names by who speaks in them, as people name them: "what did norway say in
 * 1997", "the Armenian speech at the 2023 general debate", "according to New Zealand", "ukraine's
 * 2014 speech", "the SG's report". A name counts where it names who speaks, never where it is what
 * the question is about ("French agents sank the ship"): as the speaker of "what did X say", after
 * "according to", or beside a noun for a document ("speech", "statement", "report", the corpus's
 * own kinds and their synonyms). It is read against the index's catalog (`catalog.ts`): the
 * documents' authors, by their names, by the adjectives and peoples WordNet derives from those
 * names ("Norwegian" → Norway) and by their capitals ("Kyiv" → Ukraine); then narrowed to the
 * year the question names and the kind of document it names, where some of them are of those.
 */

/** Whether a time is said of a kind of document named right after it ("the 2025 letter", "2025 letters"). */
function datesKind(text: string, date: DateHint, kinds: ReadonlySet<string>): boolean {
  const written = date.words.trim();
  if (!written) return false;
  const at = text.toLowerCase().indexOf(written.toLowerCase());
  if (at < 0) return false;
  const after = /^\s+(\p{L}+(?:\s+\p{L}+)?)/u.exec(text.slice(at + written.length))?.[1] ?? '';
  const words = after.split(/\s+/);
  return [words[0] ?? '', words.join(' ')].some((w) => kinds.has(nameKey(w.replace(/s$/, ''))));
}

/** What a question names, as documents of the index (their positions in `index.letters`). */
export interface NamedDocuments {
  /** The documents of the authors named, narrowed by time and kind where that leaves some. */
  documents: number[];
  /** The author names found, as catalog keys. */
  authors: string[];
  /** Where the question names them: these words only say which documents to search. */
  spans: { start: number; end: number }[];
  /** Named by their kind alone ("the press release"): documents named otherwise stand beside them. */
  byKind?: true;
  /** Named by their kind with no time or order ("the report", not "the 2025 report"). */
  kindOnly?: true;
  /**
   * Set when the question names a time none of the authors' documents is of ("what did
   * Yugoslavia say in 1999"): `documents` are then all of theirs, of other times.
   */
  undated?: Undated;
}

/** An author named with a time none of their documents is of: who, and the time as written. */
export interface Undated {
  author: string;
  time: string;
}

/**
 * A time as a notice says it after "from": a whole year as its four digits ("in 99" is 1999),
 * a decade as "the 1990s", else the words that named it without their preposition ("march 2021").
 */
function timeAsSaid(date: DateHint): string {
  const year = date.from.slice(0, 4);
  if (date.from === `${year}-01-01` && date.to === `${year}-12-31`) return year;
  const decade = date.to.slice(0, 4);
  if (/0-01-01$/.test(date.from) && date.to === `${decade}-12-31` && +decade - +year === 9)
    return `the ${year}s`;
  return date.words.replace(/^(?:in|from|of|during|at|on|by)\s+/i, '');
}

/** Words that end a naming phrase: the question goes on about something else. */
const BREAK = /[,;:?!()–—"“”]|\s-\s/;

/** A span of the question's tokens, [from, to). */
interface TokenSpan {
  from: number;
  to: number;
}

/** Whether there is a clause break between two tokens. */
function breakBetween(text: string, a: Token, b: Token): boolean {
  return BREAK.test(text.slice(a.end, b.start));
}

/** Words that join two names into one phrase of speakers. */
const COORDINATING = new Set(['and', 'or', 'vs', 'versus']);

/**
 * The noun phrase that ends at token `k`: back over the words before it that are no stop words,
 * over an "of" or "of the" between two of them ("the Republic of Korea"), and over an "and"
 * between two ("fiji and ghana").
 */
function phraseEndingAt(text: string, tokens: readonly Token[], k: number): TokenSpan {
  let from = k;
  while (from > 0) {
    const before = tokens[from - 1] as Token;
    if (breakBetween(text, before, tokens[from] as Token)) break;
    // "of" or "of the" between two words of a name: "Republic of Korea", "Republic of the Congo".
    const of =
      before.word === 'of' ? 1 : before.word === 'the' && tokens[from - 2]?.word === 'of' ? 2 : 0;
    // Not of a question's phrasing: "tldr of the GA resolution", "summary of the SG report".
    const head = (tokens[from - of - 1] as Token | undefined)?.word ?? '';
    const name = of > 0 && from > of && !isStopWord(head) && !opensPhrasing(head);
    // "and", "or", "vs" between two names: both speak ("what did fiji and ghana say").
    const joined =
      COORDINATING.has(before.word) && from > 1 && !isStopWord((tokens[from - 2] as Token).word);
    if (isStopWord(before.word) && !name && !joined) break;
    from -= name ? of + 1 : 1;
  }
  return { from, to: k + 1 };
}

/** The words after token `k` up to a stop word or a clause break ("by Norway", "of the Republic of Testland"). */
function phraseAfter(text: string, tokens: readonly Token[], k: number): TokenSpan {
  let to = k + 1;
  // Articles and "of" inside a name ("the Republic of Testland") are part of it.
  while (to < tokens.length && to - k <= MAX_NAME_WORDS + 2) {
    const next = tokens[to] as Token;
    if (breakBetween(text, tokens[to - 1] as Token, next)) break;
    if (isStopWord(next.word) && next.word !== 'the' && next.word !== 'of') break;
    to += 1;
  }
  return { from: k + 1, to };
}

/**
 * Whether a word among the modifiers of the document noun at `k` asks for the first or the
 * latest of the documents ("its first-ever General Assembly address", "Norway's latest speech"),
 * and where the words from it to the noun stand (they name the document).
 */
function orderBefore(
  text: string,
  tokens: readonly Token[],
  k: number,
): { order: 'first' | 'latest'; start: number; end: number } | null {
  const end = (tokens[k] as Token).end;
  for (let j = modifiersFrom(text, tokens, k); j < k; j++) {
    const t = tokens[j] as Token;
    const order = ordinalOf(t.word);
    if (order) return { order, start: t.start, end };
  }
  return null;
}

/** The words a question asking who or which opens its question with. */
const QUESTION_WORDS: ReadonlySet<string> = new Set(['who', 'whom', 'whose', 'which', 'what']);

/** Words that name whose a document is after a document noun: "the speech by Norway". */
const OF_AUTHOR = new Set(['by', 'from', 'of']);

/** Per index: the concepts of the nouns that name its documents (`documentNouns`). */
const nounsOf = new WeakMap<SearchIndex, Map<string, string | null>>();

/**
 * The concepts of the nouns that name a document of this index, each with the kind it names
 * (null for a noun of the letters' own, "letter", "note verbale", "annex"): the document nouns
 * every index knows, the words of its documents' kinds, and the synonyms of a kind's usual
 * sense ("address" for "speech").
 */
function documentNouns(index: SearchIndex): Map<string, string | null> {
  let nouns = nounsOf.get(index);
  if (nouns) return nouns;
  nouns = new Map<string, string | null>();
  for (const word of DOCUMENT_WORDS) nouns.set(conceptOf(word), null);
  const wordnet = englishWordNet();
  for (const kind of index.catalog.kinds()) {
    const key = nameKey(kind);
    for (const t of tokenize(kind)) nouns.set(conceptOf(t.word), key);
    const [usual] = wordnet.senses(kind.replace(/\s+/g, '_'), 'noun');
    if (usual === undefined) continue;
    for (const synonym of wordnet.synset(usual, 'noun').words)
      if (!synonym.includes(' '))
        nouns.set(conceptOf(synonym), nouns.get(conceptOf(synonym)) ?? key);
  }
  nounsOf.set(index, nouns);
  return nouns;
}

/**
 * The author names in a span of the question, as catalog keys: the longest run of words that is
 * an author's name, else a word or two WordNet relates to one (a people's adjective, a capital),
 * and any glossary term in it that names one ("SG").
 */
function authorsIn(
  index: SearchIndex,
  text: string,
  tokens: readonly Token[],
  span: TokenSpan,
  tokenWords: readonly string[],
  spans: { start: number; end: number }[],
): string[] {
  const { catalog } = index;
  /** The names found, each where it stands, in the order they are found. */
  const at: { key: string; start: number; end: number }[] = [];
  const wordnet = englishWordNet();
  for (let i = span.from; i < span.to;) {
    const found: string[] = [];
    let matched = 0;
    // Past two words, a run can only be an author's name as a whole: none is longer than this.
    const longest = catalog.longestNameFrom(conceptOf(tokenWords[i] ?? ''));
    for (let n = Math.min(MAX_NAME_WORDS, span.to - i); n >= 1 && matched === 0; n--) {
      const words = tokenWords.slice(i, i + n);
      if (n === 1 && isStopWord(words[0] ?? '')) break;
      const lemma = words.join(' ');
      // A State's English name in the ISO list that its documents' author does not write
      // ("turkey" of "Türkiye", "republic of korea" of "South Korea").
      const code = catalog.stateCodeByIsoName(lemma);
      if (code !== null) {
        found.push(code);
        matched = n;
        break;
      }
      if (n > 2 && n > longest) continue;
      const key = words.map(conceptOf).join(' ');
      const written = text.slice((tokens[i] as Token).start, (tokens[i] as Token).end);
      // A State's ISO code in capitals ("JOR at the 55th UNGA"), when it is no small word.
      if (n === 1 && isStateCode(index, written)) {
        found.push(written);
        matched = 1;
        break;
      }
      // One word of a longer name counts when it is a name: "Palestine" of "the State of
      // Palestine", not "state".
      const nameWord =
        n > 1 || catalog.isWholeName(key) || !wordnet.isWord(lemma) || wordnet.isMainlyName(lemma);
      if (nameWord && catalog.byAuthorName(key).length > 0) {
        found.push(key);
        matched = n;
        break;
      }
      if (n > 2) continue;
      for (const name of relatedNames(lemma, i > 0 && /^\p{Lu}/u.test(written))) {
        const nameAsKey = nameKey(name);
        // The name as an author writes it, else the State it is a name of ("russia" of the
        // "Russian Federation").
        const key =
          catalog.byAuthorName(nameAsKey).length > 0 ? nameAsKey : catalog.stateCode(name);
        if (key !== null && !found.includes(key)) {
          found.push(key);
          matched = n;
        }
      }
      // A name one typo from an author's ("columbia" of Colombia: WordNet's Columbia is British
      // Columbia's, part of Canada).
      const near = matched === 0 && n === 1 ? catalog.nearlyNamed(key) : null;
      if (near !== null) {
        found.push(near);
        matched = n;
      }
      // A part of a State, or a State of old now part of another ("Tanganyika", "Scotland"):
      // the State whose whole name it is part of, when no nearer name matched. A short word
      // may be shorthand for one ("co" of "co-chaired" is WordNet's Colorado). A town names no
      // State ("per santos" is Colombia's president, not Brazil's port; a capital is read above,
      // for its government).
      if (
        matched === 0 &&
        lemma.length >= UNKNOWN_NAME_LENGTH &&
        wordnet.isNameOnly(lemma) &&
        !wordnet.isTown(lemma)
      )
        for (const whole of wordnet.wholesOf(lemma.replace(/ /g, '_'))) {
          const wholeKey = nameKey(whole);
          if (catalog.isWholeName(wholeKey) && catalog.byAuthorName(wholeKey).length > 0) {
            found.push(wholeKey);
            matched = n;
          }
        }
    }
    if (matched > 0) {
      const start = (tokens[i] as Token).start;
      const end = (tokens[i + matched - 1] as Token).end;
      for (const key of found) at.push({ key, start, end });
    }
    i += Math.max(1, matched);
  }
  const from = tokens[span.from];
  const last = tokens[span.to - 1];
  if (from && last)
    for (const term of analyze(text.slice(from.start, last.end)))
      if (
        (isGlossaryConcept(term.concept) || catalog.isWholeName(term.concept)) &&
        catalog.byAuthorName(term.concept).length > 0
      )
        at.push({
          key: term.concept,
          start: from.start + term.start,
          end: from.start + term.end,
        });
  // A name inside a longer one is part of it ("Congo" of "DR Congo"), and the glossary's reading
  // of a name wins over WordNet's of the same words ("East Timor": Timor-Leste since 2002, not
  // the part of Indonesia WordNet has); in the order the question names them, the first may be
  // taken for the speaker.
  const glossary = (a: (typeof at)[number]) => isGlossaryConcept(a.key);
  const whole = at.filter(
    (a) =>
      !at.some(
        (b) =>
          b !== a &&
          b.start <= a.start &&
          a.end <= b.end &&
          (b.end - b.start > a.end - a.start || (glossary(b) && !glossary(a))),
      ),
  );
  at.length = 0;
  at.push(...whole);
  at.sort((a, b) => a.start - b.start);
  for (const { start, end } of at) spans.push({ start, end });
  return at.map((a) => a.key);
}

/**
 * `relatedNames` already worked out, by lemma and whether it is written as a name (questions
 * name the same States again and again).
 */
const relatedOf = new Map<string, readonly string[]>();
/** At most this many lemmas' related names are remembered (then the memory starts afresh). */
const MAX_REMEMBERED_RELATED = 50_000;

/**
 * The names WordNet relates a word or two of a question to, that may be an author's: the nouns
 * a people's adjective or noun pertains to ("Norwegian" → Norway), the countries of a capital
 * ("Kyiv" → Ukraine; a capital that is also a common noun, "Manila", only `writtenAsName`) and a
 * place's other names ("Burma" → Myanmar, "the Soviet Union" → Russia). None
 * for an abbreviation the glossary reads otherwise ("GA": the General Assembly, no State) or for
 * what is not letters and spaces.
 */
export function relatedNames(lemma: string, writtenAsName: boolean): readonly string[] {
  const key = `${writtenAsName ? 'N' : 'w'}${lemma}`;
  let names = relatedOf.get(key);
  if (names) return names;
  const wordnet = englishWordNet();
  names =
    !/^[\p{L} ]+$/u.test(lemma) || analyze(lemma).some((t) => isGlossaryConcept(t.concept))
      ? []
      : [
          ...wordnet.pertainsTo(lemma),
          ...wordnet.countriesOfCapital(lemma.replace(/ /g, '_'), writtenAsName),
          ...wordnet.otherNamesOf(lemma.replace(/ /g, '_')),
        ];
  if (relatedOf.size >= MAX_REMEMBERED_RELATED) relatedOf.clear();
  relatedOf.set(key, names);
  return names;
}

/**
 * Whether a word, as written, is the ISO 3166 code of an author of the index: in capitals, two or
 * three letters, no word that shapes a question ("IN", "IS" are read as words) and no glossary
 * abbreviation.
 */
export function isStateCode(index: SearchIndex, written: string): boolean {
  return (
    /^\p{Lu}{2,3}$/u.test(written) &&
    !isStopWord(written.toLowerCase()) &&
    // The glossary's abbreviations read as it has them: "SG" is the Secretary-General, not
    // Singapore; "GA" the General Assembly, not Gabon.
    !analyze(written).some((t) => isGlossaryConcept(t.concept)) &&
    index.catalog.byAuthorCode(written).length > 0
  );
}

/** Words after which a name is what is spoken of: "say about Iran", "on Iraq", "regarding Cuba". */
const TOPIC: ReadonlySet<string> = new Set(['about', 'on', 'regarding', 'concerning', 're']);

/** A year written with two digits ("89"), read as one only after an author's name. */
const TWO_DIGITS = /^\d{2}$/;
/** Words that may stand between a name and its year: "tanganyika in 63". */
const YEAR_LINKS: ReadonlySet<string> = new Set(['in', 'at']);

/** How many words back from "in 78" an author's name may stand: "what did brazil say in 78 about debt". */
const YEAR_AUTHOR_REACH = 4;

/**
 * A year written with two digits right after the name of an author who has documents of that
 * year ("costa rica 89 - how many years of democracy", "tanganyika in 63 said …"), or after "in"
 * a few words after it, when no word the figure could count follows ("what did brazil say in 78
 * about debt", not "… in 20 districts"): people name a speech so. Anywhere else two digits may
 * count ("in 63 cases", "item 73"), so only the index's own authors and dates make them a year;
 * of 19xx and 20xx, the one the author has documents of, the later first.
 */
export function yearAfterAuthor(index: SearchIndex, text: string): DateHint | null {
  const tokens = tokenize(text);
  const words = tokens.map((t) => t.word);
  for (let k = 1; k < tokens.length; k++) {
    const digits = tokens[k] as Token;
    if (!TWO_DIGITS.test(digits.word) || /^[%\p{L}\d]/u.test(text.slice(digits.end))) continue;
    const end = YEAR_LINKS.has(words[k - 1] ?? '') ? k - 1 : k;
    const spans: { start: number; end: number }[] = [];
    const keys = authorsIn(
      index,
      text,
      tokens,
      { from: Math.max(0, end - MAX_NAME_WORDS), to: end },
      words,
      spans,
    );
    const last = tokens[end - 1];
    const at = spans.findIndex((span) => span.end === last?.end);
    const key =
      keys[at] ?? (end < k ? authorBefore(index, text, tokens, words, end, k) : undefined);
    if (key === undefined) continue;
    const { catalog } = index;
    const documents = new Set([...catalog.byAuthorName(key), ...catalog.byAuthorCode(key)]);
    for (const century of ['20', '19']) {
      const year = `${century}${digits.word}`;
      const from = `${year}-01-01`;
      const to = `${year}-12-31`;
      if (catalog.datedBetween(dayNumber(from), dayNumber(to)).some((i) => documents.has(i)))
        return { from, to, upTo: false, words: digits.word };
    }
  }
  return null;
}

/**
 * The author named a few words before "in" and a two-digit figure (`YEAR_AUTHOR_REACH`), the
 * nearest, when the figure counts nothing: no word follows it but a small one ("about", "on").
 */
function authorBefore(
  index: SearchIndex,
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
  link: number,
  digits: number,
): string | undefined {
  const next = words[digits + 1];
  if (next !== undefined && !isStopWord(next)) return undefined;
  const spans: { start: number; end: number }[] = [];
  const from = Math.max(0, link - YEAR_AUTHOR_REACH - MAX_NAME_WORDS);
  return authorsIn(index, text, tokens, { from, to: link }, words, spans).at(-1);
}

/** What "per" divides by, not whose words: "per cent", "per capita", "per person", "per day". */
const PER_UNIT: ReadonlySet<string> = new Set(
  'cent centum capita head person people household family annum year month week day hour minute second unit kilo kilogram tonne ton litre liter se'.split(
    ' ',
  ),
);

/**
 * The documents a question names by their author (see the module comment), or null when it
 * names no author of the index.
 */
export function namedDocuments(index: SearchIndex, q: ParsedQuestion): NamedDocuments | null {
  const text = q.text;
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  const nouns = documentNouns(index);
  const spans: TokenSpan[] = [];
  const kinds = new Set<string>();
  const speaker = q.frame.speaker;
  if (speaker) {
    const k = tokens.findIndex((t) => t.start >= speaker.start && t.end <= speaker.end);
    if (k >= 0) spans.push(phraseEndingAt(text, tokens, k));
  }
  // "which speech praised Norway": the question asks for a document, whoever it names.
  let asksWhich = false;
  let order = null as ReturnType<typeof orderBefore>;
  /** The document nouns not asked for ("its 1997 GA speech", not "which speech"). */
  const documentNounsAt: number[] = [];
  tokens.forEach((t, k) => {
    if (t.word === 'according' && tokens[k + 1]?.word === 'to')
      spans.push(phraseAfter(text, tokens, k + 1));
    // "how many venezuelans have left per chile in 2019": "per" names whose words they are, as
    // "according to" does, not "per cent", "per capita" nor "per person".
    if (t.word === 'per' && !PER_UNIT.has(tokens[k + 1]?.word ?? ''))
      spans.push(phraseAfter(text, tokens, k));
    const concept = conceptOf(t.word);
    if (!nouns.has(concept)) return;
    if (['which', 'what'].includes(tokens[k - 1]?.word ?? '')) asksWhich = true;
    else documentNounsAt.push(k);
    const kind = nouns.get(concept);
    if (kind) kinds.add(kind);
    order ??= orderBefore(text, tokens, k);
    spans.push(phraseEndingAt(text, tokens, k));
    if (OF_AUTHOR.has(tokens[k + 1]?.word ?? '')) spans.push(phraseAfter(text, tokens, k + 1));
  });
  // A misspelt name is read as the question's reading corrected it ("bangaldesh").
  const words = tokens.map(
    (t) => q.slots.find((s) => s.correctedTo && s.start === t.start)?.correctedTo ?? t.word,
  );
  const named: { start: number; end: number }[] = [];
  let authors = [
    ...new Set(spans.flatMap((span) => authorsIn(index, text, tokens, span, words, named))),
  ];
  const date = q.date && !q.date.upTo ? q.date : null;
  // Anywhere else, a name names whose documents to search when the question also names their
  // time ("norway at the 62nd session", "colombia 2016 - the farc deal") and the author has
  // documents of that time; a name alone may be what the question is about, and so it is in a
  // question that asks who or which document ("which country at the 1982 GA blamed Britain"),
  // unless it stands before the question word, which asks of it ("FSM at UNGA 60 - who did
  // they back").
  const asksWho = q.frame.type === 'person' || q.frame.type === 'document' || asksWhich;
  const before = asksWho
    ? Math.max(
        0,
        tokens.findIndex((t) => QUESTION_WORDS.has(t.word)),
      )
    : -1;
  const loose = authors.length === 0 && date !== null && before !== 0;
  if (loose) {
    // Of several States named so, the first is the speaker ("JOR at the 55th UNGA - sanctions
    // against iraq"): the others are what it speaks of. Where the question names a speaker who
    // is no author, a State it speaks "about" is what is spoken of ("what did Obama say about
    // Iran in 2009"), not one a person speaks for ("what did Stoltenberg say Norway did").
    const to = before > 0 ? before : tokens.length;
    const found: { start: number; end: number }[] = [];
    const all = authorsIn(index, text, tokens, { from: 0, to }, words, found);
    const first = all.findIndex((_, k) => {
      const at = tokens.findIndex((t) => t.start === found[k]?.start);
      return speaker === null || !TOPIC.has(tokens[at - 1]?.word ?? '');
    });
    authors = first >= 0 ? all.slice(first, first + 1) : [];
    if (first >= 0) named.push(found[first] as { start: number; end: number });
  }
  if (authors.length === 0) return namedByKind(index, text, kinds, date, order);
  // One author's list taken as it is (copied): spread into a Set with the others', every
  // document of a State that wrote them all (10,000 letters) cost a question a millisecond or two.
  const lists = authors
    .flatMap((a) => [index.catalog.byAuthorName(a), index.catalog.byAuthorCode(a)])
    .filter((list) => list.length > 0);
  let documents = lists.length === 1 ? [...(lists[0] ?? [])] : [...new Set(lists.flat())];
  // Narrowed to the kind of document the question names ("speech"), then to the time it names
  // ("in 1997"), where some of the author's documents are of those. A time none of the documents
  // of the kind named is of may be the time of what they tell: "how many deminers were killed in
  // 2019 according to the SG report" asks the report of 2020, not the SG's press release of 2019.
  let undated: Undated | undefined;
  let ofKind = false;
  if (kinds.size > 0) {
    const kept = documents.filter((i) => kinds.has(index.catalog.kindOf(i) ?? ''));
    if (kept.length > 0) [documents, ofKind] = [kept, true];
  }
  if (date) {
    const kept = ofTime(index, documents, date);
    if (kept.length > 0) documents = kept;
    // Named loosely, a State may be what the question is about ("mines in Norway in 2001"),
    // unless it leads the question as its speaker does ("iceland 2020 on plastics").
    else if (loose && named[0]?.start !== tokens[0]?.start) return null;
    // A time after every document ("norway emissions target 2030") is what they tell of. A time
    // said of the kind itself ("azerbaijan's 2025 letter") is the documents' own, though the
    // kind was named (user trial 32: the 2024 letter's signature was shown with no word that none
    // is of 2025).
    else if (
      (!ofKind || datesKind(text, date, kinds)) &&
      dayNumber(date.from) <= index.catalog.lastDay
    ) {
      const first = index.letters[documents[0] ?? -1];
      // A letter's sender by the State it speaks for ("Marvonia", not "Permanent Representative
      // of Marvonia to the United Nations"), as lists name it.
      const by = first?.author ?? '';
      undated = { author: senderState(by) ?? (by || authors[0]) ?? '', time: timeAsSaid(date) };
    }
  }
  documents = inOrder(index, documents, order);
  // Of several names, the first is taken for the speaker's ("what did Bangladesh say about the
  // Pakistani families"): the others are what it speaks of, and keep their weight.
  const [speaking] = named.sort((a, b) => a.start - b.start);
  const naming = speaking && authors.length > 1 ? [speaking] : named;
  const written = writtenAt(text, date);
  const whenWritten = written ? [written] : [];
  return {
    documents: documents.sort((a, b) => a - b),
    authors,
    ...(undated ? { undated } : {}),
    spans: [
      ...naming,
      ...(order ? [{ start: order.start, end: order.end }] : []),
      ...nounUnits(documentNounsAt)
        .filter(([from, to]) =>
          namesTheDocument(text, tokens, from, to, [...naming, ...whenWritten]),
        )
        .map(([from, to]) => ({
          start: (tokens[from] as Token).start,
          end: (tokens[to] as Token).end,
        })),
    ],
  };
}

/**
 * The documents dated within a time the question names: any of them, when it names several
 * ("the philippines on the law of the sea in 1974 vs 1996": the documents of either year).
 */
export function datedWithin(index: SearchIndex, date: DateHint): number[] {
  return [
    ...new Set(
      timesOf(date).flatMap((t) => index.catalog.datedBetween(dayNumber(t.from), dayNumber(t.to))),
    ),
  ];
}

/** Those of `documents` dated within the time `date` names (`datedWithin`). */
function ofTime(index: SearchIndex, documents: readonly number[], date: DateHint): number[] {
  const within = new Set(datedWithin(index, date));
  return documents.filter((i) => within.has(i));
}

/**
 * "its first-ever General Assembly address", "Norway's latest speech": the earliest or the latest
 * of `documents` by date (dates of the same day keep them all); all of them without an order.
 */
function inOrder(
  index: SearchIndex,
  documents: number[],
  order: ReturnType<typeof orderBefore>,
): number[] {
  if (!order || documents.length <= 1) return documents;
  const dateOf = (i: number) => index.letters[i]?.date ?? '';
  const dates = documents
    .map(dateOf)
    .filter((d) => d !== '')
    .sort();
  const wanted = order.order === 'first' ? dates[0] : dates.at(-1);
  return wanted === undefined ? documents : documents.filter((i) => dateOf(i) === wanted);
}

/** The kinds the letters' own nouns name ("letter", "note verbale"). */
const LETTERS_OWN: ReadonlySet<string> = new Set(['letter', 'note verbale'].map(nameKey));

/** Words before a kind that make it one document of that kind: "the press release", "this report". */
const DEFINITE = /\b(?:the|this|that)\s+(?:[\p{L}\d'.-]+\s+){0,2}?$/iu;

/**
 * Whether a word (lower case) before a document's noun tells when it is or which of a series: a
 * figure, an order ("latest", "first") or a word of the time the question names ("the 2019
 * report", "the latest statement", "the august letters").
 */
function tellsWhenOrWhich(word: string, date: DateHint | null): boolean {
  const time = date?.words.toLowerCase() ?? '';
  return /\d/.test(word) || ordinalOf(word) !== null || (time !== '' && time.includes(word));
}

/**
 * Whether the words between "the" and a kind ("the spokesperson statement") may say which of the
 * documents of the kind `key` is meant: each word the documents hold (not a time, an order or a
 * figure) is held by one of that kind. "The spokesperson statement about the CAR attack", where
 * only a press release holds "spokesperson", names no statement (user trial 17: it searched the
 * one statement, on another subject). Reads the word's postings, not every document of the kind.
 */
function saysWhichOf(
  index: SearchIndex,
  definite: RegExpExecArray,
  date: DateHint | null,
  key: string,
): boolean {
  const { catalog } = index;
  for (const t of analyze(definite[0])) {
    const word = definite[0].slice(t.start, t.end).toLowerCase();
    if (tellsWhenOrWhich(word, date)) continue;
    const cid = index.conceptId(t.concept);
    if (cid < 0) continue;
    const postings = index.postings(cid);
    const headings = index.groupsWithHeading(cid);
    if (postings.length === 0 && headings.length === 0) continue;
    let held = false;
    for (let i = 0; i < postings.length && !held; i++)
      held = catalog.kindOf(index.documentOf(postings[i] as number)) === key;
    for (let i = 0; i < headings.length && !held; i++) {
      const letter = index.headingGroups[headings[i] as number]?.letter;
      held = letter !== undefined && nameKey(letter.kind) === key;
    }
    if (!held) return false;
  }
  return true;
}

/**
 * Whether a word between "the" and a kind's noun says what the documents are about ("mine" of
 * "the mine records"), not who made them or when: no time, order or figure, no name, no word of
 * the glossary's ("GA", "UNSC") and no people's adjective ("the Norwegian statements").
 */
function describedBefore(definite: string, date: DateHint | null): boolean {
  const wordnet = englishWordNet();
  return definite
    .split(/\s+/)
    .slice(1)
    .map((w) => w.toLowerCase())
    .some(
      (w) =>
        /^\p{L}+$/u.test(w) &&
        !tellsWhenOrWhich(w, date) &&
        isEnglishWord(w) &&
        !wordnet.isMainlyName(w) &&
        !isGlossaryConcept(conceptOf(w)) &&
        !wordnet.pertainsTo(w).some((n) => wordnet.isMainlyName(n)),
    );
}

/**
 * The documents a question names by their kind alone, no author: "what did the press release say
 * about mines", "the 2019 report" — a kind not the letters' own, written in full after "the",
 * "this" or "that", narrowed to the time named where that leaves some. Null when it names none.
 * `kinds` are the kinds its document nouns name.
 */
function namedByKind(
  index: SearchIndex,
  text: string,
  kinds: ReadonlySet<string>,
  date: DateHint | null,
  order: ReturnType<typeof orderBefore>,
): NamedDocuments | null {
  const spans: { start: number; end: number }[] = [];
  let documents: number[] = [];
  for (const kind of index.catalog.kinds()) {
    const key = nameKey(kind);
    // "the letter", "the note verbale": letter references say which (`letter-reference.ts`).
    if (!kinds.has(key) || LETTERS_OWN.has(key)) continue;
    const words = kind
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+');
    for (const m of text.matchAll(new RegExp(`\\b${words}s?\\b`, 'giu'))) {
      const definite = DEFINITE.exec(text.slice(0, m.index));
      if (!definite || !saysWhichOf(index, definite, date, key)) continue;
      // "the mine records", "the police reports": plural after a word of what they hold, the
      // kind's noun is the common one, not the documents of that kind (user trial 31: "do the
      // mine records cover" searched the one meeting record).
      if (m[0].length > kind.length && describedBefore(definite[0], date)) continue;
      spans.push({ start: m.index, end: m.index + m[0].length });
      documents.push(...index.catalog.ofKind(key));
    }
  }
  if (documents.length === 0) return null;
  documents = [...new Set(documents)];
  if (date) {
    const kept = ofTime(index, documents, date);
    if (kept.length > 0) documents = kept;
  }
  documents = inOrder(index, documents, order);
  return {
    documents: documents.sort((a, b) => a - b),
    authors: [],
    spans,
    byKind: true,
    ...(date === null && order === null ? { kindOnly: true as const } : {}),
  };
}

/** Words that make the document noun after them name a document of the one they stand for. */
const POSSESSIVES: ReadonlySet<string> = new Set([
  'its',
  'his',
  'her',
  'their',
  'our',
  'my',
  'your',
]);

/**
 * Whether the document noun from `k` to `last` only says which document is meant, so that it is
 * a naming word like the author's name beside it: "its 1997 GA speech", "Norway's speech", "in his
 * address", "the speech by Norway" (every word before it in its phrase names the author or the
 * time, a possessive stands before it, or the author follows it); not "freedom of speech" or
 * "hate speech", where it is what the question asks about.
 */
function namesTheDocument(
  text: string,
  tokens: readonly Token[],
  k: number,
  last: number,
  naming: readonly { start: number; end: number }[],
): boolean {
  const within = (t: Token | undefined) =>
    t !== undefined && naming.some((s) => t.start >= s.start && t.end <= s.end);
  const phrase = phraseEndingAt(text, tokens, k);
  const modifiers = tokens.slice(phrase.from, k);
  if (modifiers.length > 0) return modifiers.every(within);
  return (
    POSSESSIVES.has(tokens[k - 1]?.word ?? '') ||
    (OF_AUTHOR.has(tokens[last + 1]?.word ?? '') &&
      within(tokens.slice(last + 2).find((t) => !isStopWord(t.word))))
  );
}

/**
 * The document nouns at token indexes `at` (ascending), those side by side taken together as one
 * noun of several words ("note verbale", "press release"): each as its first and last index.
 */
function nounUnits(at: readonly number[]): [number, number][] {
  const units: [number, number][] = [];
  for (const k of at) {
    const unit = units.at(-1);
    if (unit && unit[1] === k - 1) unit[1] = k;
    else units.push([k, k]);
  }
  return units;
}
