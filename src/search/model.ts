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
});
export type ModelFile = z.infer<typeof ModelFile>;

/** The model Annex ships with. */
export const MODEL: ModelFile = ModelFile.parse(fitted);

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
