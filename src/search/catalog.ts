import { dayNumber, lastDayNumber } from '../corpus/dates.ts';
import { letterKey } from '../corpus/identify.ts';
import { symbolForms } from '../corpus/masthead.ts';
import {
  type DocumentNoun,
  documentNoun,
  isLetter,
  type Letter,
  type PartKind,
} from '../corpus/schema.ts';
import { editDistance } from '../corpus/edit-distance.ts';
import { readSpeaker, withoutHonorific } from '../corpus/meeting-record.ts';
import { countries } from './countries.ts';
import { analyze, conceptOf, isGlossaryConcept, tokenize } from './analyze.ts';
import { lowerBound } from './sorted.ts';
import { englishWordNet, LEX_FILE } from './wordnet.ts';

/**
 * The documents of an index by their metadata, for what a question or a filter names without
 * reading any passage: by id or symbol, by date (sorted, with running passage counts, so a date
 * filter is two binary searches), by author (the names in its `author`), by kind. Made once per
 * index from the documents' metadata (a few milliseconds at 10,000 documents).
 */

/**
 * What a search with some filters covers: documents, passages, the earliest and latest date, and
 * what to call the documents (`documentNoun` of the whole corpus: "letter" only while every
 * document is a letter), so that whatever says what was searched says it in the same word.
 */
export interface Coverage {
  letters: number;
  passages: number;
  from: string | null;
  to: string | null;
  noun: DocumentNoun;
}

/** Filters a catalog can describe: a document, dates from and to, a part. */
export interface CatalogFilters {
  letter?: string;
  from?: string;
  to?: string;
  part?: PartKind;
}

const PARTS: readonly PartKind[] = ['letter', 'annex', 'enclosure'];
/** A partial date ("1997") spans at most a year: 10000 in YYYYMMDD. */
const LONGEST_DATE_SPAN = 10000;
/** Words that join the names of an author's title ("Permanent Representative of Azerbaijan to the United Nations"). */
const NAME_BREAK = /^(?:of|to|at|the|for|and|in|on|by|a|an|de|du|la|le|les|et|del|des)$/i;
/** Whether a word is the name of a place as WordNet has it, and nothing else ("Brunei", not "United"). */
function isPlaceName(word: string): boolean {
  const wordnet = englishWordNet();
  const lower = word.toLowerCase();
  return wordnet.isNameOnly(lower) && wordnet.nounKind(lower) === LEX_FILE.location;
}

/** Names are looked up by up to this many words. */
export const MAX_NAME_WORDS = 6;

/** Where a title turns from whom its holder speaks for to where they serve ("… to the United Nations"). */
export const POSTED = /\s(?:to|at)\s/i;

/**
 * The names an author's text holds, as keys (`nameKey`): the whole of it, each run of
 * capitalized words in it ("Permanent Representative", "Azerbaijan"), and the glossary's concept
 * for a run that is a glossary term ("Secretary-General": the SG). What follows "to" or "at" is
 * where the author is posted ("… of Azerbaijan to the United Nations Office at Geneva"): the
 * United Nations do not speak in Azerbaijan's letters, so "UN staff … in 2024" names none of them.
 */
export function authorNames(author: string): string[] {
  const names = new Set<string>();
  const whole = nameKey(author);
  if (whole) names.add(whole);
  const speaking = author.split(POSTED)[0] ?? author;
  // The glossary's abbreviation of the whole name ("DRC": the Democratic Republic of the Congo).
  for (const term of analyze(speaking))
    if (isGlossaryConcept(term.concept)) names.add(term.concept);
  let run: string[] = [];
  const close = () => {
    if (run.length === 0) return;
    const text = run.join(' ');
    const key = nameKey(text);
    if (key) names.add(key);
    // A State's name that opens with a place's own name is called by it alone: "Brunei" of
    // "Brunei Darussalam", "Trinidad" of "Trinidad and Tobago" (WordNet's places).
    const [first] = run;
    if (run.length > 1 && first && isPlaceName(first)) names.add(nameKey(first));
    for (const term of analyze(text)) if (isGlossaryConcept(term.concept)) names.add(term.concept);
    run = [];
  };
  for (const word of speaking.split(/[\s,;:()]+/)) {
    if (!word) continue;
    if (NAME_BREAK.test(word) || !/^\p{Lu}/u.test(word)) close();
    else run.push(word);
  }
  close();
  return [...names];
}

/** A name's words in any order, folded: "Micronesia, Federated States of" is "Federated States of Micronesia". */
const wordsKey = (name: string) =>
  name
    .toLowerCase()
    .split(/[^\p{L}']+/u)
    .filter((w) => w !== '' && w !== 'of' && w !== 'the')
    .sort()
    .join(' ');

let alpha2ByWords: Map<string, string> | null = null;
/** The alpha-2 code of the State whose ISO name (or another name the ISO list has) has `name`'s words. */
function alpha2OfWords(name: string): string | undefined {
  if (!alpha2ByWords) {
    alpha2ByWords = new Map();
    const all = countries.getNames('en', { select: 'all' }) as Record<string, string[]>;
    for (const [code, names] of Object.entries(all))
      for (const n of names) alpha2ByWords.set(wordsKey(n), code);
  }
  return alpha2ByWords.get(wordsKey(name));
}

/**
 * The ISO 3166 alpha-3 and alpha-2 codes of an author that is a State ("Jordan": JOR, JO), else
 * none. The author may be named as the ISO list has it, with its words in another order
 * ("Federated States of Micronesia"), or by a name WordNet gives the same State ("Laos": "Lao
 * People's Democratic Republic").
 */
export function isoCodes(author: string): string[] {
  const name = author.replace(/^the\s+/i, '');
  let alpha2 = countries.getAlpha2Code(name, 'en') ?? alpha2OfWords(name);
  if (alpha2 === undefined) {
    // The fullest name first: WordNet's Zaire is "Democratic Republic of the Congo" and "Congo",
    // and "Congo" alone is the other State.
    const wordnet = englishWordNet();
    for (const sense of wordnet.senses(name.toLowerCase().replace(/\s+/g, '_'), 'noun'))
      for (const synonym of [...wordnet.synset(sense, 'noun').words].sort(
        (a, b) => b.split(' ').length - a.split(' ').length,
      ))
        alpha2 ??= countries.getAlpha2Code(synonym, 'en') ?? alpha2OfWords(synonym);
  }
  const alpha3 = alpha2 === undefined ? undefined : countries.alpha2ToAlpha3(alpha2);
  return [alpha3, alpha2].filter((code): code is string => typeof code === 'string');
}

/** Names shorter than this are not read as a typo of an author's name ("niger" is not "nigeria"). */
const MIN_TYPO_NAME = 6;

/** The key a name is found by: its words' concepts, space-separated ("new zealand" → "new zealand"). */
export function nameKey(text: string): string {
  return tokenize(text)
    .map((t) => conceptOf(t.word))
    .join(' ');
}

/** The documents of an index by their metadata. */
export class DocumentCatalog {
  private readonly byId = new Map<string, number>();
  /** The first document of each id, in lower case (`find`). */
  private readonly byLowerId = new Map<string, number>();
  private readonly bySymbol = new Map<string, number[]>();
  /** The first document of each front matter `url` (`withUrl`). */
  private readonly byUrl = new Map<string, number>();
  /** Dated documents by date (as written, which sorts them by their first day). */
  private readonly dated: number[];
  private readonly firstDays: Uint32Array;
  private readonly lastDays: Uint32Array;
  /** The last day (YYYYMMDD) any document's date reaches, or 0 when none is dated. */
  readonly lastDay: number;
  /** Running passage counts over `dated`, per part and in all: [part][k] for the first k. */
  private readonly running: Uint32Array[];
  /** Undated documents, and their passages per part and in all. */
  private readonly undated: number[];
  private readonly undatedPassages: Uint32Array;
  private readonly byName = new Map<string, number[]>();
  /** Per first word of an author name's key, the most words a name starting with it has. */
  private readonly longestByFirstWord = new Map<string, number>();
  /** The keys of authors' whole names ("jordan"), beside those of the runs inside them ("state" of "the State of Palestine"). */
  private readonly wholeNames = new Set<string>();
  /** Documents by their author's ISO 3166 codes ("JOR", "JO" for Jordan), for a State's author. */
  private readonly byCode = new Map<string, number[]>();
  private readonly byKind = new Map<string, number[]>();
  private readonly kindNames: string[] = [];
  /** Per document: its kind's key (`nameKey`), as `ofKind` takes it. */
  private readonly kindKeys: string[] = [];
  /**
   * Per document: its passages per part and in all (`PARTS` order, then the total). The main
   * text of a document that is no letter (a speech) is counted in no part: it is no letter.
   */
  private readonly passageCounts: Uint32Array;
  /** What to call the documents: "letter" while every one is a letter, else "document". */
  readonly noun: DocumentNoun;

  /**
   * `passages`: each letter's first passage id (one more entry ends the last) and each passage's
   * part (`PARTS` order), so that counting reads no passage object (`PassageColumns`).
   */
  constructor(
    readonly letters: readonly Letter[],
    passages: { letterStart: Uint32Array; part: Uint8Array },
  ) {
    this.passageCounts = new Uint32Array(letters.length * 4);
    this.noun = documentNoun(letters);
    // Many documents share an author and a kind ("Norway", "speech"): each is read once.
    const namesOf = new Map<string, string[]>();
    const codesOf = new Map<string, string[]>();
    const kindKeys = new Map<string, string>();
    letters.forEach((letter, i) => {
      const id = letterKey(letter.id);
      if (!this.byId.has(id)) this.byId.set(id, i);
      const lowerId = letter.id.toLowerCase();
      if (!this.byLowerId.has(lowerId)) this.byLowerId.set(lowerId, i);
      const symbols = new Set(
        [letter.symbol, ...letter.symbols].flatMap((s) => (s ? symbolForms(s) : [])),
      );
      for (const symbol of symbols) push(this.bySymbol, symbol, i);
      if (letter.url !== null && !this.byUrl.has(letter.url)) this.byUrl.set(letter.url, i);
      const first = passages.letterStart[i] ?? 0;
      const end = passages.letterStart[i + 1] ?? 0;
      const letterPart = isLetter(letter);
      for (let id = first; id < end; id++) {
        const part = passages.part[id] ?? 0;
        if (part === 0 && !letterPart) continue;
        const at = i * 4 + part;
        this.passageCounts[at] = (this.passageCounts[at] ?? 0) + 1;
      }
      this.passageCounts[i * 4 + 3] = end - first;
      if (letter.author) {
        let names = namesOf.get(letter.author);
        if (!names) {
          namesOf.set(letter.author, (names = authorNames(letter.author)));
          this.wholeNames.add(nameKey(letter.author));
        }
        for (const name of names) push(this.byName, name, i);
        let codes = codesOf.get(letter.author);
        if (!codes) codesOf.set(letter.author, (codes = isoCodes(letter.author)));
        for (const code of codes) push(this.byCode, code, i);
      }
      // Who signed a part names the document as its author does: "what did Jeyhun Bayramov say"
      // asks of the letters he signed, not of passages that name him.
      for (const signatory of letter.signatories) {
        const words = signatory.name.split(/\s+/);
        for (const name of new Set([signatory.name, words.at(-1) ?? ''])) {
          const key = nameKey(name);
          if (key && !this.byName.get(key)?.includes(i)) push(this.byName, key, i);
        }
      }
      // Who speaks in a meeting's record speaks in that document, as its author does: "what did
      // France say" asks of the record where "Ms. Dubois (France)" has a turn, as of France's letters.
      for (const { name, on } of turnSpeakers(letter)) {
        const key = nameKey(name);
        if (key && !this.byName.get(key)?.includes(i)) push(this.byName, key, i);
        if (on === null) continue;
        for (const author of authorNames(on))
          if (!this.byName.get(author)?.includes(i)) push(this.byName, author, i);
        for (const code of isoCodes(on))
          if (!this.byCode.get(code)?.includes(i)) push(this.byCode, code, i);
      }
      let kind = kindKeys.get(letter.kind);
      if (kind === undefined) {
        kindKeys.set(letter.kind, (kind = nameKey(letter.kind)));
        this.kindNames.push(letter.kind);
      }
      push(this.byKind, kind, i);
      this.kindKeys.push(kind);
    });
    for (const key of this.byName.keys()) {
      const words = key.split(' ');
      const first = words[0] ?? '';
      this.longestByFirstWord.set(
        first,
        Math.max(this.longestByFirstWord.get(first) ?? 0, words.length),
      );
    }
    this.undated = [];
    this.dated = [];
    letters.forEach((letter, i) => (letter.date ? this.dated : this.undated).push(i));
    this.dated.sort((a, b) => {
      const x = letters[a]?.date ?? '';
      const y = letters[b]?.date ?? '';
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    this.firstDays = Uint32Array.from(this.dated, (i) => dayNumber(letters[i]?.date ?? ''));
    this.lastDays = Uint32Array.from(this.dated, (i) => lastDayNumber(letters[i]?.date ?? ''));
    this.lastDay = this.lastDays.reduce((a, b) => Math.max(a, b), 0);
    this.running = [0, 1, 2, 3].map((part) => {
      const sums = new Uint32Array(this.dated.length + 1);
      this.dated.forEach((i, k) => {
        sums[k + 1] = (sums[k] ?? 0) + (this.passageCounts[i * 4 + part] ?? 0);
      });
      return sums;
    });
    this.undatedPassages = new Uint32Array(4);
    for (const i of this.undated)
      for (let part = 0; part < 4; part++)
        this.undatedPassages[part] =
          (this.undatedPassages[part] ?? 0) + (this.passageCounts[i * 4 + part] ?? 0);
  }

  /** The documents `key` names (an id, or a symbol whole or in part, in any case), by id first. */
  named(key: string): number[] {
    const wanted = letterKey(key);
    const byId = this.byId.get(wanted);
    const bySymbol = this.bySymbol.get(wanted) ?? [];
    return byId === undefined ? bySymbol : [...new Set([byId, ...bySymbol])].sort((a, b) => a - b);
  }

  /**
   * The document `key` names, as `findLetterByKey` finds it (by id first, then by symbol), by two
   * map look-ups; -1 when none.
   */
  find(key: string): number {
    const wanted = letterKey(key);
    return this.byLowerId.get(wanted) ?? this.bySymbol.get(wanted)?.[0] ?? -1;
  }

  /** The first document whose front matter `url` is `url`, exactly; -1 when none. */
  withUrl(url: string): number {
    return this.byUrl.get(url) ?? -1;
  }

  /** The documents an author name's key (`nameKey`, or a glossary concept) names. */
  byAuthorName(key: string): readonly number[] {
    return this.byName.get(key) ?? [];
  }

  /**
   * The most words of an author name's key whose first word is `word` (a concept); 0 when no
   * name starts with it. A question's run of more words than that from `word` names no author.
   */
  longestNameFrom(word: string): number {
    const space = word.indexOf(' ');
    return this.longestByFirstWord.get(space < 0 ? word : word.slice(0, space)) ?? 0;
  }

  /** The documents of the State whose ISO 3166 code this is, written in capitals ("JOR", "PH"). */
  byAuthorCode(code: string): readonly number[] {
    return this.byCode.get(code) ?? [];
  }

  /**
   * The ISO 3166 code of the State a name names, when the index has documents of that State
   * ("russia": RUS, whose documents' author is "Russian Federation"); else null.
   */
  stateCode(name: string): string | null {
    const [alpha3] = isoCodes(name);
    return alpha3 !== undefined && this.byAuthorCode(alpha3).length > 0 ? alpha3 : null;
  }

  /**
   * Whether `name` names a State (ISO's name, or WordNet's other name of one) that no document of
   * the index is by, under any of its names ("kenya" in a corpus without Kenya's documents).
   */
  isStateWithoutDocuments(name: string): boolean {
    const [alpha3, alpha2] = isoCodes(name);
    if (alpha3 === undefined || alpha2 === undefined || this.byAuthorCode(alpha3).length > 0)
      return false;
    const official = countries.getName(alpha2, 'en') ?? name;
    return (
      this.byAuthorName(nameKey(name)).length === 0 &&
      this.byAuthorName(nameKey(official)).length === 0
    );
  }

  /** The ISO list's English name of the State `name` names ("uk": "United Kingdom"); null when none. */
  stateName(name: string): string | null {
    const [, alpha2] = isoCodes(name);
    return (alpha2 && countries.getName(alpha2, 'en')) || null;
  }

  /**
   * The ISO 3166 code of the State a name is one of the ISO list's English names of, when the
   * index has documents of that State ("turkey" of "Türkiye", "ivory coast" of "Côte d'Ivoire"); no
   * other name WordNet gives ("the States" is no State's name here).
   */
  stateCodeByIsoName(name: string): string | null {
    // A look-up in the names read once (`alpha2OfWords`): asked for every run of a question's
    // words, `getAlpha3Code` would scan the whole list each time.
    const alpha2 = alpha2OfWords(name);
    const alpha3 = alpha2 === undefined ? undefined : countries.alpha2ToAlpha3(alpha2);
    return alpha3 !== undefined && this.byAuthorCode(alpha3).length > 0 ? alpha3 : null;
  }

  /**
   * The author's whole name `key` is one typo from ("columbia" of "colombia"), when just one is,
   * the name is long enough for a typo to be told from another name, and `key` is no State's
   * name itself; else null.
   */
  nearlyNamed(key: string): string | null {
    if (key.length < MIN_TYPO_NAME) return null;
    let found: string | null = null;
    for (const name of this.wholeNames) {
      if (Math.abs(name.length - key.length) > 1 || editDistance(name, key) !== 1) continue;
      if (found !== null) return null;
      found = name;
    }
    // A State's own name is no typo of another's ("iceland" of "ireland"). Asked last: the ISO
    // list's look-up reads every name it holds, the loop above a few.
    return found !== null && isoCodes(key).length === 0 ? found : null;
  }

  /** Whether `key` is an author's whole name, not only a run of words inside one. */
  isWholeName(key: string): boolean {
    return this.wholeNames.has(key);
  }

  /** The documents of a kind (its `nameKey`: "speech", "note verbal"). */
  ofKind(key: string): readonly number[] {
    return this.byKind.get(key) ?? [];
  }

  /**
   * The kind of document `i` (its `nameKey`, as `ofKind` takes it): to keep some documents to a
   * kind, ask each of them, rather than list the kind's (all 10,952 speeches of a corpus of them).
   */
  kindOf(i: number): string | undefined {
    return this.kindKeys[i];
  }

  /** The kinds of the documents, as their metadata writes them ("letter", "speech"). */
  kinds(): string[] {
    return [...this.kindNames];
  }

  /** How many documents there are of each kind (as the metadata of its first writes it), most first. */
  kindCounts(): { kind: string; documents: number }[] {
    const seen = new Set<string>();
    const counts: { kind: string; documents: number }[] = [];
    for (const kind of this.kindNames) {
      const key = nameKey(kind);
      if (seen.has(key)) continue;
      seen.add(key);
      counts.push({ kind, documents: this.ofKind(key).length });
    }
    return counts.sort((a, b) => b.documents - a.documents);
  }

  /** Positions in `dated` of the documents that may fall within days `from`–`to` (YYYYMMDD). */
  private datedWithin(from: number, to: number): { lo: number; hi: number; before: number[] } {
    const firstAtLeast = (day: number) => lowerBound(this.firstDays, day);
    const hi = firstAtLeast(to + 1);
    const lo = Math.min(hi, firstAtLeast(from));
    // A partial date that starts before `from` may still reach it ("1997" for September 1997).
    const before: number[] = [];
    for (let k = firstAtLeast(from - LONGEST_DATE_SPAN); k < lo; k++)
      if ((this.lastDays[k] as number) >= from) before.push(k);
    return { lo, hi, before };
  }

  /** The documents dated within days `from`–`to` (YYYYMMDD): a partial date when its span overlaps them. */
  datedBetween(from: number, to: number): number[] {
    const { lo, hi, before } = this.datedWithin(from, to);
    return [...before.map((k) => this.dated[k] as number), ...this.dated.slice(lo, hi)];
  }

  /**
   * What a search of some documents (`ids`) covers, as `describe` says it of a filter's: those
   * of them the filters' dates allow, their passages of the part filtered to, and their dates.
   */
  describeDocuments(ids: Iterable<number>, filters: CatalogFilters): Coverage {
    const part = filters.part ? PARTS.indexOf(filters.part) : 3;
    const dateBound = Boolean(filters.from || filters.to);
    const from = filters.from ? dayNumber(filters.from) : 0;
    const to = filters.to ? dayNumber(filters.to) : 99_999_999;
    let letters = 0;
    let passages = 0;
    let first: string | null = null;
    let last: string | null = null;
    for (const i of ids) {
      const letter = this.letters[i] as Letter;
      const date = letter.date;
      if (dateBound && (date === '' || lastDayNumber(date) < from || dayNumber(date) > to))
        continue;
      letters += 1;
      passages += this.passageCounts[i * 4 + part] ?? 0;
      if (date === '') continue;
      if (first === null || date < first) first = date;
      if (last === null || date > last) last = date;
    }
    return { letters, passages, from: first, to: last, noun: this.noun };
  }

  /** What a search with these filters covers, without looking at any document the filters leave out. */
  describe(filters: CatalogFilters): Coverage {
    if (filters.letter) return this.describeDocuments(this.named(filters.letter), filters);
    const part = filters.part ? PARTS.indexOf(filters.part) : 3;
    const dateBound = Boolean(filters.from || filters.to);
    const from = filters.from ? dayNumber(filters.from) : 0;
    const to = filters.to ? dayNumber(filters.to) : 99_999_999;
    const { lo, hi, before } = dateBound
      ? this.datedWithin(from, to)
      : { lo: 0, hi: this.dated.length, before: [] };
    const running = this.running[part] as Uint32Array;
    let passages = (running[hi] ?? 0) - (running[lo] ?? 0);
    for (const k of before)
      passages += this.passageCounts[(this.dated[k] as number) * 4 + part] ?? 0;
    let letters = hi - lo + before.length;
    if (!dateBound) {
      letters += this.undated.length;
      passages += this.undatedPassages[part] ?? 0;
    }
    const firstK = before[0] ?? (hi > lo ? lo : -1);
    const dateAt = (k: number) =>
      k < 0 ? null : (this.letters[this.dated[k] as number]?.date ?? null);
    return {
      letters,
      passages,
      from: dateAt(firstK),
      to: dateAt(hi > lo ? hi - 1 : (before.at(-1) ?? -1)),
      noun: this.noun,
    };
  }
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) {
    if (list.at(-1) !== value) list.push(value);
  } else map.set(key, [value]);
}

/**
 * The people who have turns in a meeting's record (`Letter.speakers`): their name without an
 * honorific ("Dubois"; none for an office, "The President") and whom they speak for ("France"),
 * or null when the record does not say (`readSpeaker`).
 */
function turnSpeakers(letter: Letter): { name: string; on: string | null }[] {
  return (letter.speakers ?? []).flatMap((speaker) => {
    const { who, on } = readSpeaker(speaker);
    // An office ("The President") is no one's name; whom it speaks for is a State that speaks.
    const office = /^The\s/.test(who);
    return office && !on ? [] : [{ name: office ? '' : withoutHonorific(who), on }];
  });
}
