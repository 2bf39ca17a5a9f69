import SearchableMap from 'minisearch/SearchableMap';
import type { Expansions, Link } from './lexicon.ts';

/**
 * A saved index as it lies on disk: the JSON part's shape, the typed arrays beside it and how
 * they are packed into one binary file, and the structures an index opened from them uses
 * without unpacking them into objects (the corpus words' tree, lists by key), the lexicon among
 * them (`lexiconArrays` writes it, `savedLexicon` reads it). `index-build.ts` builds an index,
 * `search-index.ts` queries it; `cache.ts` writes and reads these files.
 */

/** The numeric parts of an index, kept in typed arrays (saved as one binary file). */
export interface IndexArrays {
  /** Per concept id: its number of passages. */
  documentFrequency: Uint32Array;
  /** Per passage: its number of terms (for BM25 length normalization). */
  passageLength: Uint16Array;
  /** Per passage: `FLAG_FIGURE`, `FLAG_DURATION`, `FLAG_DATE`, `FLAG_FREQUENCY`. */
  flags: Uint8Array;
  /** Postings: concept id → passages [postingOffsets[id], postingOffsets[id+1]), ascending. */
  postingOffsets: Uint32Array;
  postingPassages: Uint32Array;
  /** Times the concept occurs in that passage (at most 255). */
  postingCounts: Uint8Array;
  /** Concepts of each heading group's headings: group → [headingOffsets[g], headingOffsets[g+1]). */
  headingOffsets: Uint32Array;
  headingConcepts: Uint32Array;
  /**
   * Per concept id: the most its BM25 term factor, (k1 + 1)·tf / (tf + k1·norm), reaches in any
   * passage, so that ranking can bound what a passage not yet seen could still score (MaxScore).
   */
  maxTermFactor: Float32Array;
  /** Per concept id: how often general English uses the word (`buildUsage`), SemCor's count. */
  usage: Float32Array;
  /**
   * Per concept id: its word vector (`vectors.ts`), the mean of its words' as signed bytes,
   * `dimensions` each (all zero when the vectors lack its words); and that vector's length.
   */
  conceptVectors: Int8Array;
  conceptNorms: Float32Array;
  /**
   * The lexicon as saved (`toSaved`; its JSON keeps the keys): the corpus words' tree
   * (`SavedIndexJson.surfaceLabels`): each node's number of entries, node by node in preorder,
   * and each word's concept id in the same order; each expansion key's related concept ids and
   * weights, and each kind key's concept ids, [offsets[k], offsets[k+1]). Numbers, not strings:
   * a 10,000-document index's JSON took seconds to parse when it spelled every concept out. Only
   * a saved index holds the words' (an index in use has its `surfaceWords`).
   */
  surfaceShape: Uint32Array;
  surfaceConcepts: Uint32Array;
  expansionOffsets: Uint32Array;
  expansionConcepts: Uint32Array;
  expansionRelations: Uint8Array;
  kindOffsets: Uint32Array;
  kindConcepts: Uint32Array;
  /** The abbreviations the letters spell out (`acronyms.ts`): hashes of their keys, sorted, and where each form stands. */
  abbreviationHashes: Uint32Array;
  abbreviationPassages: Uint32Array;
  abbreviationStarts: Uint32Array;
  abbreviationEnds: Uint32Array;
  /**
   * Each entry's sentences: start and end pairs within its text, entry `id`'s pairs in
   * [sentenceOffsets[id], sentenceOffsets[id+1]) (`SearchIndex.sentences`).
   */
  sentenceOffsets: Uint32Array;
  sentenceBounds: Uint16Array;
}

/** The JSON part of a saved index; the arrays are saved beside it as binary. */
export interface SavedIndexJson {
  format: number;
  vocabulary: string[];
  /**
   * The corpus's words as their tree (`SearchableMap`) holds them: the label of each entry of
   * each node, in preorder ("" for a word's end); the nodes' sizes are `IndexArrays.surfaceShape`
   * and the words' concepts `IndexArrays.surfaceConcepts`. Restoring the tree entry by entry
   * took a fifth of the time that adding 82,000 words one by one did.
   */
  surfaceLabels: string[];
  /** The expansions' keys and the kinds' keys; what they hold is in the arrays. */
  expansionKeys: string[];
  kindKeys: string[];
  /** The glossary's words and their concepts (`glossaryWords`), remembered when it is opened. */
  glossaryWords: [string, string][];
}

/** Lists by key, as the lexicon holds them (`expansions`, `kinds`): a map, or `SavedLists`. */
export type KeyedLists<T> = Pick<ReadonlyMap<string, readonly T[]>, 'get' | 'keys'>;

/**
 * Lists by key as a saved index holds them: each key's items at [offsets[k], offsets[k+1]) of
 * the saved arrays, made into a list when the key is first asked for. A question asks for a few
 * keys of tens of thousands, so opening the index makes none.
 */
export class SavedLists<T> implements KeyedLists<T> {
  private readonly position: Map<string, number>;
  private readonly made = new Map<string, readonly T[]>();
  constructor(
    private readonly savedKeys: readonly string[],
    private readonly offsets: Uint32Array,
    private readonly item: (at: number) => T,
  ) {
    this.position = new Map(savedKeys.map((key, k) => [key, k]));
  }

  get(key: string): readonly T[] | undefined {
    let list = this.made.get(key);
    if (list) return list;
    const k = this.position.get(key);
    if (k === undefined) return undefined;
    const items: T[] = [];
    for (let at = this.offsets[k] ?? 0; at < (this.offsets[k + 1] ?? 0); at++)
      items.push(this.item(at));
    this.made.set(key, (list = items));
    return list;
  }

  keys(): MapIterator<string> {
    return this.savedKeys.values();
  }
}

/** A node of a `SearchableMap`'s tree: its entries, a word's end ("") holding the word's value. */
type TreeNode = Map<string, unknown>;

/**
 * A `SearchableMap`'s tree, as `SavedIndexJson.surfaceLabels`, `IndexArrays.surfaceShape` and
 * `surfaceConcepts` hold it (`id` gives a value's concept id).
 */
export function saveTree(
  map: SearchableMap<string>,
  id: (concept: string) => number,
): { labels: string[]; shape: Uint32Array; concepts: Uint32Array } {
  const labels: string[] = [];
  const shape: number[] = [];
  const concepts: number[] = [];
  const walk = (node: TreeNode) => {
    shape.push(node.size);
    for (const [label, child] of node) {
      labels.push(label);
      if (label === '') concepts.push(id(child as string));
      else walk(child as TreeNode);
    }
  };
  walk(map._tree as unknown as TreeNode);
  return { labels, shape: Uint32Array.from(shape), concepts: Uint32Array.from(concepts) };
}

/**
 * The `SearchableMap` `saveTree` saved, entry by entry in the saved order: the same tree, so
 * the same words in the same order, without searching it for where each word goes.
 */
export function restoreTree(
  labels: readonly string[],
  shape: Uint32Array,
  value: (leaf: number) => string,
): SearchableMap<string> {
  let label = 0;
  let node = 0;
  let leaf = 0;
  const restore = (): TreeNode => {
    const tree: TreeNode = new Map();
    const size = shape[node++] ?? 0;
    for (let i = 0; i < size; i++) {
      const key = labels[label++] ?? '';
      tree.set(key, key === '' ? value(leaf++) : restore());
    }
    return tree;
  };
  const tree = shape.length > 0 ? restore() : new Map();
  return new SearchableMap<string>(tree as ConstructorParameters<typeof SearchableMap<string>>[0]);
}

/**
 * The lexicon as arrays of concept ids (`IndexArrays.expansionOffsets` …), in the order of the
 * keys `SearchIndex.toSaved` writes.
 */
export function lexiconArrays(
  conceptIds: ReadonlyMap<string, number>,
  expansions: Expansions,
  kinds: ReadonlyMap<string, readonly string[]>,
) {
  const id = (concept: string) => conceptIds.get(concept) ?? 0;
  const expansionOffsets = new Uint32Array(expansions.size + 1);
  const expansionConcepts: number[] = [];
  const expansionRelations: number[] = [];
  let k = 0;
  for (const related of expansions.values()) {
    for (const r of related) {
      expansionConcepts.push(id(r.concept));
      expansionRelations.push(r.relation);
    }
    expansionOffsets[++k] = expansionConcepts.length;
  }
  const kindOffsets = new Uint32Array(kinds.size + 1);
  const kindConcepts: number[] = [];
  k = 0;
  for (const concepts of kinds.values()) {
    for (const c of concepts) kindConcepts.push(id(c));
    kindOffsets[++k] = kindConcepts.length;
  }
  return {
    expansionOffsets,
    expansionConcepts: Uint32Array.from(expansionConcepts),
    expansionRelations: Uint8Array.from(expansionRelations),
    kindOffsets,
    kindConcepts: Uint32Array.from(kindConcepts),
  };
}

/**
 * The corpus's words, the expansions and the kinds of a saved index (`lexiconArrays`,
 * `saveTree`), read from its arrays by concept id.
 */
export function savedLexicon(
  json: SavedIndexJson,
  arrays: IndexArrays,
): {
  surfaceWords: SearchableMap<string>;
  expansions: SavedLists<Link>;
  kinds: SavedLists<string>;
} {
  const { vocabulary } = json;
  const concept = (id: number) => vocabulary[id] ?? '';
  const surfaceWords = restoreTree(json.surfaceLabels, arrays.surfaceShape, (leaf) =>
    concept(arrays.surfaceConcepts[leaf] ?? 0),
  );
  const expansions = new SavedLists<Link>(json.expansionKeys, arrays.expansionOffsets, (at) => ({
    concept: concept(arrays.expansionConcepts[at] ?? 0),
    relation: arrays.expansionRelations[at] ?? 0,
  }));
  const kinds = new SavedLists<string>(json.kindKeys, arrays.kindOffsets, (at) =>
    concept(arrays.kindConcepts[at] ?? 0),
  );
  return { surfaceWords, expansions, kinds };
}

const ARRAY_ORDER = [
  'maxTermFactor',
  'usage',
  'headingOffsets',
  'headingConcepts',
  'documentFrequency',
  'postingOffsets',
  'postingPassages',
  'passageLength',
  'postingCounts',
  'flags',
  'conceptVectors',
  'conceptNorms',
  'surfaceShape',
  'surfaceConcepts',
  'expansionOffsets',
  'expansionConcepts',
  'expansionRelations',
  'kindOffsets',
  'kindConcepts',
  'abbreviationHashes',
  'abbreviationPassages',
  'abbreviationStarts',
  'abbreviationEnds',
  'sentenceOffsets',
  'sentenceBounds',
] as const;
const ARRAY_TYPES = {
  maxTermFactor: Float32Array,
  usage: Float32Array,
  headingOffsets: Uint32Array,
  headingConcepts: Uint32Array,
  documentFrequency: Uint32Array,
  postingOffsets: Uint32Array,
  postingPassages: Uint32Array,
  passageLength: Uint16Array,
  postingCounts: Uint8Array,
  flags: Uint8Array,
  conceptVectors: Int8Array,
  conceptNorms: Float32Array,
  surfaceShape: Uint32Array,
  surfaceConcepts: Uint32Array,
  expansionOffsets: Uint32Array,
  expansionConcepts: Uint32Array,
  expansionRelations: Uint8Array,
  kindOffsets: Uint32Array,
  kindConcepts: Uint32Array,
  abbreviationHashes: Uint32Array,
  abbreviationPassages: Uint32Array,
  abbreviationStarts: Uint32Array,
  abbreviationEnds: Uint32Array,
  sentenceOffsets: Uint32Array,
  sentenceBounds: Uint16Array,
} as const;

/** A typed array of numbers, as the saved index holds them. */
export type NumberArray =
  Float64Array | Float32Array | Uint32Array | Uint16Array | Uint8Array | Int8Array;
type NumberArrayType =
  | Float64ArrayConstructor
  | Float32ArrayConstructor
  | Uint32ArrayConstructor
  | Uint16ArrayConstructor
  | Uint8ArrayConstructor
  | Int8ArrayConstructor;

/** Every array of a packed buffer starts at a multiple of this many bytes (a Float64Array's size). */
const PACK_ALIGNMENT = 8;
/** Bytes of padding that bring `length` to a multiple of `PACK_ALIGNMENT`. */
const padding = (length: number) => (PACK_ALIGNMENT - (length % PACK_ALIGNMENT)) % PACK_ALIGNMENT;

/** Packs typed arrays into one buffer (an 8-byte-aligned layout: lengths first, then the arrays). */
export function packTyped(arrays: readonly NumberArray[]): Buffer {
  const header = new Uint32Array(arrays.length);
  const parts: Buffer[] = [];
  for (const [i, a] of arrays.entries()) {
    header[i] = a.length;
    const bytes = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    parts.push(bytes, Buffer.alloc(padding(bytes.length)));
  }
  const head = Buffer.from(header.buffer);
  return Buffer.concat([head, Buffer.alloc(padding(head.length)), ...parts]);
}

/**
 * Unpacks what `packTyped` wrote, given the arrays' types in order; the arrays view the buffer's
 * own bytes (copied only when misaligned).
 */
export function unpackTyped(buffer: Buffer, types: readonly NumberArrayType[]): NumberArray[] {
  let copy = buffer.buffer as ArrayBuffer;
  let offset = buffer.byteOffset;
  if (offset % PACK_ALIGNMENT !== 0) {
    copy = new ArrayBuffer(buffer.length);
    new Uint8Array(copy).set(buffer);
    offset = 0;
  }
  const header = new Uint32Array(copy, offset, types.length);
  offset += types.length * 4;
  offset += padding(offset);
  return types.map((Type, i) => {
    const length = header[i] ?? 0;
    const array = new Type(copy, offset, length);
    offset += length * Type.BYTES_PER_ELEMENT;
    offset += padding(offset);
    return array;
  });
}

/** Packs the index arrays into one buffer (`packTyped`, in `ARRAY_ORDER`). */
export function packArrays(arrays: IndexArrays): Buffer {
  return packTyped(ARRAY_ORDER.map((name) => arrays[name]));
}

/** Unpacks what `packArrays` wrote. */
export function unpackArrays(buffer: Buffer): IndexArrays {
  const arrays = unpackTyped(
    buffer,
    ARRAY_ORDER.map((name) => ARRAY_TYPES[name]),
  );
  return Object.fromEntries(
    ARRAY_ORDER.map((name, i) => [name, arrays[i]]),
  ) as unknown as IndexArrays;
}
