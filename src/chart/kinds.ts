import * as z from 'zod';
import { conceptOf, tokenize } from '../search/analyze.ts';
import data from './kinds.json' with { type: 'json' };

/**
 * The kinds of count a chart keeps apart (`kinds.json`), as data and validated once when the
 * module loads: which words say that a figure counts the killed, the wounded, mines detected…
 */

const Kind = z.object({
  /** How a series of this kind is named on the chart. */
  label: z.string().min(1),
  /** Single words, lower case, as the letters write them. */
  words: z.array(z.string().regex(/^[a-z]+$/, 'one lower-case word')),
  /** Runs of words ("lost their lives"), lower case. */
  phrases: z.array(z.string().min(1)),
});

/** The shape of `kinds.json`. */
export const KindsFile = z
  .object({
    about: z.string(),
    kinds: z.record(z.string(), Kind),
    parts: z.record(z.string(), z.array(z.string())),
    acts: z.array(z.string()),
  })
  .superRefine((file, ctx) => {
    const known = new Set(Object.keys(file.kinds));
    for (const name of [...Object.values(file.parts).flat(), ...file.acts])
      if (!known.has(name)) ctx.addIssue({ code: 'custom', message: `unknown kind "${name}"` });
  });

const FILE = KindsFile.parse(data);

/** A kind of count: its id in `kinds.json`, its label, and how it is stated. */
export interface CountKind {
  id: string;
  label: string;
  /** Concepts of its single words. */
  concepts: ReadonlySet<string>;
  /** Its phrases as folded words. */
  phrases: readonly (readonly string[])[];
  /** Whether it says what was done to a thing (an act), rather than what befell a person. */
  act: boolean;
}

/** Every kind, by id. */
export const KINDS: ReadonlyMap<string, CountKind> = new Map(
  Object.entries(FILE.kinds).map(([id, k]) => [
    id,
    {
      id,
      label: k.label,
      concepts: new Set(k.words.map(conceptOf)),
      phrases: k.phrases.map((p) => tokenize(p).map((t) => t.word)),
      act: FILE.acts.includes(id),
    },
  ]),
);

const PARTS: ReadonlyMap<string, readonly CountKind[]> = new Map(
  Object.entries(FILE.parts).map(([word, ids]) => [
    conceptOf(word),
    ids.map((id) => KINDS.get(id) as CountKind),
  ]),
);

/** The kinds a count of `concept` splits into in the letters (a victim: killed, wounded); none for most. */
export function partsOf(concept: string): readonly CountKind[] {
  return PARTS.get(concept) ?? [];
}

/** The kinds that say what was done to a thing counted. */
export const ACTS: readonly CountKind[] = [...KINDS.values()].filter((k) => k.act);

/**
 * The kind stated by the words from token `i` on (`words` folded, as `tokenize` gives them) and
 * how many tokens state it; null when none does.
 */
export function kindAt(
  words: readonly string[],
  i: number,
  among: readonly CountKind[],
): { kind: CountKind; length: number } | null {
  const word = words[i];
  if (word === undefined) return null;
  for (const kind of among) {
    for (const phrase of kind.phrases)
      if (phrase.every((w, k) => words[i + k] === w)) return { kind, length: phrase.length };
    if (kind.concepts.has(conceptOf(word))) return { kind, length: 1 };
  }
  return null;
}
