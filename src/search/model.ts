import * as z from 'zod';
import fitted from './model.json' with { type: 'json' };

/**
 * The fitted model, as `npm run fit` writes it to `model.json`: a linear ranker over the
 * candidate features (`features.ts`) and a logistic model of whether the best passage answers,
 * over the decision features (`decide.ts`), each with the means and scales it standardizes its
 * inputs by, and the threshold chosen on held-out data. Nothing is trained at run time.
 */

/** A linear model over named, standardized inputs. */
const Linear = z
  .object({
    features: z.array(z.string()),
    mean: z.array(z.number()),
    scale: z.array(z.number().positive()),
    weights: z.array(z.number()),
    bias: z.number(),
  })
  .refine(
    (m) => [m.mean.length, m.scale.length, m.weights.length].every((n) => n === m.features.length),
    'features, mean, scale and weights must be of one length',
  );
export type Linear = z.infer<typeof Linear>;

/** The largest BM25 term saturation (k1) a model may set: BM25's usual range is 1.2 to 2. */
export const BM25_SATURATION_MAX = 3;

/** A weight between a related match and an exact one: above 0, below 1. */
const Share = z.number().gt(0).lt(1);

/**
 * How much a match that is not the word typed counts against one that is, chosen by `npm run fit`
 * (`--tune`) for the best out-of-fold ranking: the first stage and the features read them.
 */
export const Weights = z.object({
  /** Two spellings of a name the documents use ("Khojavand", "Khojavend"). */
  variant: Share,
  /** A synonym (a word sharing one of the word's usual senses), a capital for its country. */
  synonym: Share,
  /** A derivationally related word ("reconstruction" ~ "reconstruct"), or a verb's cause ("kill" ~ "die"). */
  derived: Share,
  /** The word for what a word of the documents is a kind of ("vote" for "plebiscite"). */
  kind: Share,
  /** A synonym of a derivationally related word ("find" for the documents' "detection"). */
  derivedSynonym: Share,
  /** A word the user misspelled, read as its correction. */
  corrected: Share,
  /** A word that names which documents to search (a month or year, the author in its own documents). */
  namingWord: Share,
  /** A word found only in a passage's headings (its document's title, its annex's title). */
  headingShare: Share,
  /** The least word-vector cosine at which a concept is a word's neighbour in meaning. */
  neighbourSimilarity: Share,
  /** How fast a word's weight falls with its use in general English (`specificityOfUsage`). */
  commonness: Share,
  /** A part of a hyphenated word against the whole word ("tank" of "anti-tank"). */
  compoundPart: Share,
  /** BM25's term saturation (k1): how fast a word's repeats in a passage stop adding to its score. */
  bm25Saturation: z.number().gt(0).max(BM25_SATURATION_MAX),
  /** BM25's length normalization (b): how much a long passage's words count for less. */
  bm25Length: Share,
});
export type Weights = z.infer<typeof Weights>;

/** The model file. */
export const ModelFile = z.object({
  /** How it was fitted: the data, the regularization, the cross-validated figures. */
  about: z.string(),
  ranker: Linear,
  /** The ranker's L2 penalty, chosen by cross-validation (the ablation refits with it). */
  penalty: z.number().nonnegative(),
  /**
   * Whether one passage answers its question, over the same features: a probability comparable
   * across questions (the ranker's scores only order one question's passages).
   */
  passage: Linear,
  answers: Linear,
  /** Annex answers when the probability that the best passage answers is at least this. */
  threshold: z.number().min(0).max(1),
  weights: Weights,
});
export type ModelFile = z.infer<typeof ModelFile>;

/** The model Annex ships with. */
export const MODEL: ModelFile = ModelFile.parse(fitted);

/**
 * The weights in force: the model's. Only `npm run fit` changes them, while it searches for
 * the best ones (`tryWeights`); everything that answers reads them here, when it runs.
 */
export const WEIGHTS: Weights = { ...MODEL.weights };

/** Puts `weights` in force (for `npm run fit`'s search). */
export function tryWeights(weights: Weights): void {
  Object.assign(WEIGHTS, Weights.parse(weights));
}

/**
 * The scoring function of a linear model for input rows whose values follow `names` (the model
 * may use fewer of them): its weights and means placed once, in the rows' order.
 */
export function scorer(
  model: Linear,
  names: readonly string[],
): (row: ArrayLike<number>) => number {
  const weights = new Float64Array(names.length);
  let bias = model.bias;
  for (const [i, name] of model.features.entries()) {
    const at = names.indexOf(name);
    if (at < 0) continue;
    const w = (model.weights[i] as number) / (model.scale[i] as number);
    weights[at] = w;
    bias -= w * (model.mean[i] as number);
  }
  return (row) => {
    let score = bias;
    for (let i = 0; i < weights.length; i++) score += (weights[i] as number) * (row[i] as number);
    return score;
  };
}

/** The logistic function. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
