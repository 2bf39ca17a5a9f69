import { WEIGHTS } from './model.ts';
import type { SearchIndex } from './search-index.ts';
import { wordVectors } from './vectors.ts';

/**
 * Closeness in meaning between a question's words and the letters' concepts, from word vectors
 * (`vectors.ts`): each word's similarity to every concept of the index, read once per question.
 * It widens what a word finds ("car" finds "vehicle") and feeds the soft-match features.
 */

/** A word finds at most this many neighbours, each of a cosine of `WEIGHTS.neighbourSimilarity` or more. */
export const NEIGHBOURS = 5;

/** The cosine of a word's vector with each concept of the index (0 for concepts without one); null when the word has no vector. */
export function similarities(index: SearchIndex, word: string): Float32Array | null {
  const vector = wordVectors()?.vector(word);
  const dimensions = index.dimensions;
  if (!vector || dimensions !== vector.length) return null;
  let norm = 0;
  for (let d = 0; d < dimensions; d++) norm += (vector[d] as number) ** 2;
  norm = Math.sqrt(norm);
  const { conceptVectors, conceptNorms } = index.arrays;
  const out = new Float32Array(conceptNorms.length);
  if (norm === 0) return out;
  for (let id = 0, at = 0; id < out.length; id++, at += dimensions) {
    const length = conceptNorms[id] as number;
    if (length === 0) continue;
    let dot = 0;
    for (let d = 0; d < dimensions; d++)
      dot += (vector[d] as number) * (conceptVectors[at + d] as number);
    out[id] = dot / (norm * length);
  }
  return out;
}

/** The concepts closest in meaning, best first: at most `NEIGHBOURS`, each at least `WEIGHTS.neighbourSimilarity`. */
export function neighbours(
  index: SearchIndex,
  similarity: Float32Array,
): { concept: string; similarity: number }[] {
  const found: { id: number; similarity: number }[] = [];
  for (let id = 0; id < similarity.length; id++) {
    const s = similarity[id] as number;
    if (s >= WEIGHTS.neighbourSimilarity) found.push({ id, similarity: s });
  }
  return found
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, NEIGHBOURS)
    .map(({ id, similarity: s }) => ({ concept: index.vocabulary[id] as string, similarity: s }));
}
