import SearchableMap from 'minisearch/SearchableMap';
import type { Letter, PartKind, Passage } from '../corpus/schema.ts';
import { dayNumber } from '../corpus/dates.ts';
import { sentenceSpans } from '../corpus/sentences.ts';
import { glossaryWords, readPassage, rememberConcepts } from './analyze.ts';
import { type Link, type Related, relationWeight } from './lexicon.ts';
import { WEIGHTS } from './model.ts';
import { DocumentCatalog, nameKey } from './catalog.ts';
import { spelledOut } from './acronyms.ts';
import { lowerBound } from './sorted.ts';
import {
  headingStarts,
  type IndexedPassage,
  isHeading,
  PART_CODES,
  type PassageColumns,
} from './index-entries.ts';
import { assignHeadingGroups, headingPostingsOf, partFactsOf } from './heading-groups.ts';
import {
  buildIndex,
  FLAG_DATE,
  FLAG_DURATION,
  FLAG_FIGURE,
  FLAG_FREQUENCY,
  FLAG_NOT_ALONE,
  FLAG_SECTION_HEADING,
} from './index-build.ts';
import {
  type IndexArrays,
  type KeyedLists,
  type SavedIndexJson,
  savedLexicon,
  saveTree,
} from './saved-index.ts';

/** Bumped whenever analysis or the saved layout changes, so an old saved index is rebuilt. */
export const INDEX_FORMAT = 60;

/** At most this many passages' concept ids are kept (`passageConceptIds`). */
const CONCEPTS_READ_KEPT = 4096;

/**
 * The searchable form of a corpus.
 * - Typed postings lists for every concept, scored term-at-a-time.
 * - Each concept's document frequency, per-passage lengths and flags, the concepts of each
 *   letter part's headings.
 * - The corpus's own words (folded surface forms) in MiniSearch's `SearchableMap`, for
 *   correcting a question's spelling, and the expansions (`lexicon.ts`): what a user's word
 *   relates to among the letters' concepts.
 */
export class SearchIndex {
  readonly letters: readonly Letter[];
  readonly surfaceWords: SearchableMap<string>;
  readonly expansions: KeyedLists<Link>;
  /** What the letters' nouns are kinds of (`buildKinds`). */
  readonly kinds: KeyedLists<string>;
  readonly vocabulary: readonly string[];
  readonly arrays: IndexArrays;
  /** Mean number of terms per passage, for BM25 length normalization. */
  readonly averageLength: number;
  /** When the index was built (a saved index keeps it), for `/help`, footers and `/healthz`. */
  readonly builtAt: Date;
  /** The documents by their metadata: id, symbol, date, author, kind (`catalog.ts`). */
  readonly catalog: DocumentCatalog;
  /** Per letter (in `letters` order): its heading groups (its parts). */
  private readonly groupsByLetter: number[][];
  private readonly conceptIds: Map<string, number>;
  /** Per passage: the group of passages under the same headings (one letter part). */
  private readonly headingGroupOf: Uint32Array;
  /** Per heading group: its letter and which annex (-1 for the letter itself). */
  readonly headingGroups: readonly { letter: Letter; annexIndex: number }[];
  /**
   * Per heading group (letter part), for finding the parts a question names: its letter's day
   * and its annex's day (YYYYMMDD, 0 when none), and `PART_*` flags.
   */
  readonly partFacts: { letterDay: Uint32Array; annexDay: Uint32Array; flags: Uint8Array };
  /** Per letter (in `letters` order): the id of its first passage; one more entry ends the last. */
  readonly letterStart: Uint32Array;
  private readonly letterIndex: Map<Letter, number>;
  /** Per passage: its letter's date as YYYYMMDD (ranking reads it without touching objects). */
  readonly passageDay: Uint32Array;
  /** Per concept id: 1 when the concept occurs in some heading of the corpus. */
  private readonly inHeadingFlags: Uint8Array;
  /** Scratch per heading group for ranking: the question's slots in its headings, valid when `stamp` is this query's `epoch`. */
  readonly groupScratch: { bits: Uint32Array; stamp: Uint32Array; epoch: number };
  /** Per concept id: passages whose headings hold it (`reach`). */
  private readonly headingReach: Uint32Array;
  /** Per passage id: the index of its letter in `letters`. */
  private readonly letterOfPassage: Uint32Array;
  /** Every passage's part, as columns (`PassageColumns`). */
  private readonly columns: PassageColumns;
  /**
   * The entries asked for so far, by id (`passage`): an entry is made when it is first asked
   * for, not for every passage when the index opens.
   */
  private readonly entryCache = new Map<number, IndexedPassage>();
  /** Per passage: the id of its section's heading (`sectionHeadingOf`), or -1. */
  private readonly sectionHeadings: Int32Array;
  /**
   * Per letter (in `letters` order): its headings (`headingsOf`), worked out once at build and
   * saved with the index, so that loading reads no letter's text.
   */
  readonly headingLists: readonly (readonly Passage[])[];
  /** Per letter: the id of its first heading (headings follow every passage); one more entry ends the last. */
  private readonly headingStart: Uint32Array;
  /** Per concept id: the heading groups whose headings hold it, [offsets[id], offsets[id+1]). */
  private readonly headingPostingOffsets: Uint32Array;
  private readonly headingPostings: Uint32Array;
  /** Scratch space for ranking, one slot per passage, reused by every query. */
  readonly scratch: {
    score: Float64Array;
    evidence: Float64Array;
    seen: Uint8Array;
    mask: Uint32Array;
    touched: Uint32Array;
    live: Uint32Array;
  };

  private constructor(
    letters: readonly Letter[],
    headings: readonly (readonly Passage[])[],
    columns: PassageColumns,
    vocabulary: string[],
    arrays: IndexArrays,
    surfaceWords: SearchableMap<string>,
    expansions: KeyedLists<Link>,
    kinds: KeyedLists<string>,
    builtAt: Date = new Date(),
  ) {
    this.letters = letters;
    this.vocabulary = vocabulary;
    this.arrays = arrays;
    this.surfaceWords = surfaceWords;
    this.expansions = expansions;
    this.kinds = kinds;
    this.conceptIds = new Map();
    vocabulary.forEach((c, i) => this.conceptIds.set(c, i));
    this.columns = columns;
    this.letterStart = columns.letterStart;
    this.sectionHeadings = sectionHeadings(columns, arrays.flags);
    this.letterIndex = new Map(letters.map((l, i) => [l, i]));
    this.headingLists = headings;
    this.headingStart = headingStarts(columns, headings);
    const count = this.headingStart[letters.length] ?? 0;
    this.passageDay = new Uint32Array(count);
    this.letterOfPassage = new Uint32Array(count);
    letters.forEach((letter, i) => {
      const day = dayNumber(letter.date);
      for (const starts of [this.letterStart, this.headingStart]) {
        this.passageDay.fill(day, starts[i], starts[i + 1]);
        this.letterOfPassage.fill(i, starts[i], starts[i + 1]);
      }
    });
    const grouping = assignHeadingGroups(letters, columns, headings);
    this.headingGroupOf = grouping.groupOf;
    this.headingGroups = grouping.groups;
    const groupCount = grouping.groups.length;
    this.catalog = new DocumentCatalog(letters, columns);
    this.groupsByLetter = letters.map(() => []);
    grouping.groups.forEach(({ letter }, g) => {
      this.groupsByLetter[this.letterIndex.get(letter) ?? 0]?.push(g);
    });
    this.partFacts = partFactsOf(grouping.groups);
    this.inHeadingFlags = new Uint8Array(vocabulary.length);
    for (const cid of arrays.headingConcepts) this.inHeadingFlags[cid] = 1;
    const headingPostings = headingPostingsOf(
      arrays,
      this.headingGroupOf,
      groupCount,
      vocabulary.length,
    );
    this.headingReach = headingPostings.reach;
    this.headingPostingOffsets = headingPostings.offsets;
    this.headingPostings = headingPostings.postings;
    let total = 0;
    for (const length of arrays.passageLength) total += length;
    this.averageLength = count > 0 ? total / count : 1;
    this.builtAt = builtAt;
    const n = count;
    this.groupScratch = {
      bits: new Uint32Array(grouping.groups.length),
      stamp: new Uint32Array(grouping.groups.length),
      epoch: 0,
    };
    this.scratch = {
      score: new Float64Array(n),
      evidence: new Float64Array(n),
      seen: new Uint8Array(n),
      mask: new Uint32Array(n),
      touched: new Uint32Array(n),
      live: new Uint32Array(n),
    };
  }

  /** Number of the letters' passages (the headings, also indexed, not counted). */
  get passageCount(): number {
    return this.letterStart[this.letters.length] ?? 0;
  }

  /** Number of entries indexed: passages and headings. */
  get size(): number {
    return this.letterOfPassage.length;
  }

  /** The passage with id `id` (its position in letter order) and its letter; undefined past the end. */
  passage(id: number): IndexedPassage | undefined {
    let entry = this.entryCache.get(id);
    if (entry || !(Number.isInteger(id) && id >= 0 && id < this.size)) return entry;
    const l = this.letterOfPassage[id] as number;
    const letter = this.letters[l] as Letter;
    const passage =
      id < this.passageCount
        ? letter.passages[id - (this.letterStart[l] as number)]
        : this.headingLists[l]?.[id - (this.headingStart[l] as number)];
    if (!passage) return undefined;
    entry = { letter, passage };
    this.entryCache.set(id, entry);
    return entry;
  }

  /** The letter of the passage (or heading) with id `id`, without making its entry. */
  letterOf(id: number): Letter | undefined {
    return id >= 0 && id < this.size ? this.letters[this.letterOfPassage[id] as number] : undefined;
  }

  /** The parts (heading groups) of the documents whose own kind is `kind`, ascending. */
  groupsOfKind(kind: string): readonly number[] {
    return this.catalog.ofKind(nameKey(kind)).flatMap((i) => this.groupsOfLetter(i));
  }

  /** The position in `letters` of the document of the passage (or heading) with id `id`, or -1. */
  documentOf(id: number): number {
    return id >= 0 && id < this.size ? (this.letterOfPassage[id] as number) : -1;
  }

  /** The part of the passage (or heading) with id `id`, without making its entry. */
  partOf(id: number): PartKind | undefined {
    if (id >= 0 && id < this.passageCount) return PART_CODES[this.columns.part[id] as number];
    const l = this.letterOfPassage[id];
    return l === undefined
      ? undefined
      : this.headingLists[l]?.[id - (this.headingStart[l] ?? 0)]?.part;
  }

  /** The letters some heading groups (parts) are of, each once, in the groups' order. */
  lettersOfGroups(groups: Iterable<number>): Letter[] {
    const letters = new Set<Letter>();
    for (const g of groups) {
      const letter = this.headingGroups[g]?.letter;
      if (letter) letters.add(letter);
    }
    return [...letters];
  }

  /** The heading groups (parts) of the letter at `letterIndex` in `letters`. */
  groupsOfLetter(letterIndex: number): readonly number[] {
    return this.groupsByLetter[letterIndex] ?? [];
  }

  /** Ids of a letter's headings (`headingsOf`). */
  headingsOfLetter(letter: Letter): readonly number[] {
    const i = this.letterIndex.get(letter);
    const ids: number[] = [];
    if (i !== undefined)
      for (let id = this.headingStart[i] ?? 0; id < (this.headingStart[i + 1] ?? 0); id++)
        ids.push(id);
    return ids;
  }

  /** Number of passages that contain the concept with id `cid`. */
  documentFrequencyOf(cid: number): number {
    return this.arrays.documentFrequency[cid] ?? 0;
  }

  /** Ids of the passages that contain the concept with id `cid`, ascending. */
  postings(cid: number): Uint32Array {
    const { postingOffsets, postingPassages } = this.arrays;
    return postingPassages.subarray(postingOffsets[cid] ?? 0, postingOffsets[cid + 1] ?? 0);
  }

  /** The id of a concept, or -1 when no passage contains it. */
  conceptId(concept: string): number {
    return this.conceptIds.get(concept) ?? -1;
  }

  /**
   * Number of passages that contain `concept`, plus half of those whose headings do (at most all
   * of them): how common a word is in what a reader sees. "United Nations", in every letter's
   * title, says little about which passage answers, however rarely a passage repeats it; but a
   * title in one letter's headings ("Chargé d'affaires") still tells that letter from the others.
   */
  reach(concept: string): number {
    const id = this.conceptId(concept);
    if (id < 0) return 0;
    return Math.min(
      this.size,
      (this.arrays.documentFrequency[id] ?? 0) +
        Math.round((this.headingReach[id] ?? 0) * WEIGHTS.headingShare),
    );
  }

  /** Number of passages that contain `concept` (0 when none does). */
  documentFrequency(concept: string): number {
    const id = this.conceptId(concept);
    return id < 0 ? 0 : this.documentFrequencyOf(id);
  }

  /**
   * Whether every document holds `concept` in some passage ("letters" in a corpus of letters).
   * Read from its postings, which are in passage order, so a document's run is counted once.
   */
  inEveryDocument(concept: string): boolean {
    const id = this.conceptId(concept);
    if (id < 0 || this.documentFrequencyOf(id) < this.letters.length) return false;
    let documents = 0;
    let last = -1;
    for (const passage of this.postings(id)) {
      const letter = this.letterOfPassage[passage] as number;
      if (letter !== last) [documents, last] = [documents + 1, letter];
    }
    return documents >= this.letters.length;
  }

  /** What a user's word (its concept, or a multi-word key) relates to in the letters. */
  related(key: string): readonly Related[] {
    return (this.expansions.get(key) ?? []).map((r) => ({
      concept: r.concept,
      weight: relationWeight(r.relation),
    }));
  }

  /** The letters' concepts for nouns that are a kind of `key` ("person" → "citizen", …). */
  kindsOf(key: string): readonly string[] {
    return this.kinds.get(key) ?? [];
  }

  /**
   * Whether a letter's passages or headings hold the concept with id `cid`: each is a run of
   * ids, so one binary search each in the concept's postings tells.
   */
  letterHolds(letter: Letter, cid: number): boolean {
    const i = this.letterIndex.get(letter);
    if (i === undefined || cid < 0) return false;
    const postings = this.postings(cid);
    const within = (first: number, end: number) => {
      const at = lowerBound(postings, first);
      return at < postings.length && (postings[at] as number) < end;
    };
    return (
      within(this.letterStart[i] ?? 0, this.letterStart[i + 1] ?? 0) ||
      within(this.headingStart[i] ?? 0, this.headingStart[i + 1] ?? 0)
    );
  }

  /** Ids of the passages of `letter`: [first, end). */
  passageRange(letter: Letter): [number, number] {
    const i = this.letterIndex.get(letter) ?? -1;
    return i < 0 ? [0, 0] : [this.letterStart[i] ?? 0, this.letterStart[i + 1] ?? 0];
  }

  /**
   * The id of the section heading the passage `id` stands under (`Passage.role` "heading": "II.
   * Methodology", "Article 7 Right of return"): the last before it in its part, or -1.
   */
  sectionHeadingOf(id: number): number {
    return this.sectionHeadings[id] ?? -1;
  }

  /** The heading group of a passage: passages of one letter part share their headings. */
  headingGroup(passageId: number): number {
    return this.headingGroupOf[passageId] ?? 0;
  }

  /** Ids of the concepts in a heading group's headings (the letter's title and its annex's title). */
  headingConceptIds(group: number): Uint32Array {
    const { headingOffsets, headingConcepts } = this.arrays;
    return headingConcepts.subarray(headingOffsets[group] ?? 0, headingOffsets[group + 1] ?? 0);
  }

  /** The heading groups whose headings hold the concept with id `cid`. */
  groupsWithHeading(cid: number): Uint32Array {
    return this.headingPostings.subarray(
      this.headingPostingOffsets[cid] ?? 0,
      this.headingPostingOffsets[cid + 1] ?? 0,
    );
  }

  /** Whether `concept` occurs in some heading of the corpus. */
  inHeadings(concept: string): boolean {
    const id = this.conceptId(concept);
    return id >= 0 && this.inHeadingFlags[id] === 1;
  }

  /**
   * Ids of the concepts a passage holds, read from its text (a candidate's text is read for its
   * features anyway): an index of every passage's concepts beside the postings doubled the index
   * on disk and in memory and its load time.
   */
  passageConceptIds(passageId: number): Uint32Array {
    let ids = this.conceptsRead.get(passageId);
    if (ids) return ids;
    const reading = readPassage(this.passage(passageId)?.passage.text ?? '');
    reading.concepts ??= new Set(reading.terms.map((t) => t.concept));
    const found: number[] = [];
    for (const concept of reading.concepts) {
      const id = this.conceptId(concept);
      if (id >= 0) found.push(id);
    }
    ids = Uint32Array.from(found);
    if (this.conceptsRead.size >= CONCEPTS_READ_KEPT) this.conceptsRead.clear();
    this.conceptsRead.set(passageId, ids);
    return ids;
  }
  /** The concept ids of the passages read lately (`passageConceptIds`). */
  private readonly conceptsRead = new Map<number, Uint32Array>();

  /** Dimensions of the concept vectors (0 when the index has none). */
  get dimensions(): number {
    return this.vocabulary.length === 0
      ? 0
      : this.arrays.conceptVectors.length / this.vocabulary.length;
  }

  /** Number of terms in a passage. */
  passageLength(passageId: number): number {
    return this.arrays.passageLength[passageId] ?? 0;
  }

  /** The sentences of an indexed passage or heading, as `sentenceSpans` splits its text. */
  sentences(passageId: number): { start: number; end: number }[] {
    const { sentenceOffsets, sentenceBounds } = this.arrays;
    const from = sentenceOffsets[passageId] ?? 0;
    const to = sentenceOffsets[passageId + 1] ?? 0;
    if (from === to) return sentenceSpans(this.passage(passageId)?.passage.text ?? '');
    const spans: { start: number; end: number }[] = [];
    for (let i = from; i < to; i++)
      spans.push({ start: sentenceBounds[2 * i] ?? 0, end: sentenceBounds[2 * i + 1] ?? 0 });
    return spans;
  }

  /** The id of an indexed passage (its position in `passages`). */
  passageId(entry: IndexedPassage): number {
    if (isHeading(entry.passage))
      return (
        this.headingsOfLetter(entry.letter).find(
          (id) => this.passage(id)?.passage.start === entry.passage.start,
        ) ?? -1
      );
    const [first] = this.passageRange(entry.letter);
    return first + entry.letter.passages.indexOf(entry.passage);
  }

  /**
   * What the letters write in full for an abbreviation they never use (`"ndmo"` → "National
   * Disaster Management Office"), the form they write most, or null: from the table built with
   * the index (`acronyms.ts`). With `proper`, only a name (capitalized words).
   */
  spelledOut(initials: string, proper: boolean): string | null {
    const { abbreviationHashes, abbreviationPassages, abbreviationStarts, abbreviationEnds } =
      this.arrays;
    return spelledOut(
      {
        hashes: abbreviationHashes,
        passages: abbreviationPassages,
        starts: abbreviationStarts,
        ends: abbreviationEnds,
      },
      (id) => this.passage(id)?.passage.text ?? '',
      initials,
      proper,
    );
  }

  /** True when a passage states a figure other than a year ("314", "1,318", "two"). */
  hasFigure(passageId: number): boolean {
    return ((this.arrays.flags[passageId] ?? 0) & FLAG_FIGURE) !== 0;
  }

  /** True when a passage states a duration ("30 years", "three decades"). */
  hasDuration(passageId: number): boolean {
    return ((this.arrays.flags[passageId] ?? 0) & FLAG_DURATION) !== 0;
  }

  /** True when a passage states a frequency ("almost daily", "every year"). */
  hasFrequency(passageId: number): boolean {
    return ((this.arrays.flags[passageId] ?? 0) & FLAG_FREQUENCY) !== 0;
  }

  /** True when a passage states a day ("10 November 2020", "September 19, 2023"). */
  hasDate(passageId: number): boolean {
    return ((this.arrays.flags[passageId] ?? 0) & FLAG_DATE) !== 0;
  }

  /**
   * Whether an entry may be quoted as an answer or a closest passage: not a document's section
   * heading or salutation, nor a heading of a document that is no letter (`FLAG_NOT_ALONE`).
   */
  quotableAlone(passageId: number): boolean {
    return ((this.arrays.flags[passageId] ?? 0) & FLAG_NOT_ALONE) === 0;
  }

  /** Indexes `letters`, analyzing each passage once, and reads WordNet for the expansions (`buildIndex`). */
  static build(letters: readonly Letter[]): SearchIndex {
    const built = buildIndex(letters);
    return new SearchIndex(
      letters,
      built.headings,
      built.columns,
      built.vocabulary,
      built.arrays,
      built.surfaceWords,
      built.expansions,
      built.kinds,
    );
  }

  /**
   * The index as saved: its JSON part and its arrays (saved as binary). The words' tree is
   * saved as a tree made by adding the words one by one in the order this one lists them, as
   * loading an index did before the tree itself was saved, so a loaded index corrects a typo as
   * it did then.
   */
  toSaved(): { json: SavedIndexJson; arrays: IndexArrays } {
    const replayed = new SearchableMap<string>();
    for (const [word, concept] of this.surfaceWords) replayed.set(word, concept);
    const surface = saveTree(replayed, (concept) => Math.max(0, this.conceptId(concept)));
    return {
      json: {
        format: INDEX_FORMAT,
        vocabulary: [...this.vocabulary],
        surfaceLabels: surface.labels,
        expansionKeys: [...this.expansions.keys()],
        kindKeys: [...this.kinds.keys()],
        glossaryWords: glossaryWords(),
      },
      arrays: { ...this.arrays, surfaceShape: surface.shape, surfaceConcepts: surface.concepts },
    };
  }

  /**
   * Restores an index saved with `toSaved` (`json`, `arrays`) for the same `letters`, their
   * passages' `columns` and their saved `headings` (`headingLists`), built at `builtAt`.
   */
  static fromSaved(
    letters: readonly Letter[],
    headings: readonly (readonly Passage[])[],
    columns: PassageColumns,
    json: SavedIndexJson,
    arrays: IndexArrays,
    builtAt?: Date,
  ): SearchIndex {
    const { vocabulary } = json;
    // Before the catalog reads the documents' names, which compiles the glossary.
    rememberConcepts(json.glossaryWords);
    const { surfaceWords, expansions, kinds } = savedLexicon(json, arrays);
    return new SearchIndex(
      letters,
      headings,
      columns,
      vocabulary,
      arrays,
      surfaceWords,
      expansions,
      kinds,
      builtAt,
    );
  }
}

/**
 * For each passage, the id of the section heading it stands under (`FLAG_SECTION_HEADING`): the
 * last before it in its document's part, or -1. One pass over the columns, at build and at load.
 */
function sectionHeadings(columns: PassageColumns, flags: Uint8Array): Int32Array {
  const { letterStart, part, partIndex } = columns;
  const count = letterStart[letterStart.length - 1] ?? 0;
  const out = new Int32Array(count).fill(-1);
  for (let l = 0; l + 1 < letterStart.length; l++) {
    let current = -1;
    for (let id = letterStart[l] ?? 0; id < (letterStart[l + 1] ?? 0); id++) {
      if (
        id > (letterStart[l] ?? 0) &&
        (part[id] !== part[id - 1] || partIndex[id] !== partIndex[id - 1])
      )
        current = -1;
      out[id] = current;
      if (((flags[id] ?? 0) & FLAG_SECTION_HEADING) !== 0) current = id;
    }
  }
  return out;
}
