import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DECISION_FEATURES } from '../../src/search/decide.ts';
import { FEATURE_NAMES } from '../../src/search/features.ts';
import { type Linear, MODEL, ModelFile, scorer, sigmoid } from '../../src/search/model.ts';

/**
 * The fitted model (`model.ts`, `model.json`): a file `npm run fit` writes and Annex reads. A
 * model that names a feature the code no longer computes would weigh it silently as nothing.
 */

const MODEL_FILE = path.resolve(import.meta.dirname, '../../src/search/model.json');

describe('model.json', () => {
  it('parses as a model file, with a threshold between 0 and 1', () => {
    const parsed = ModelFile.safeParse(JSON.parse(readFileSync(MODEL_FILE, 'utf8')));
    expect(parsed.success).toBe(true);
    expect(MODEL.threshold).toBeGreaterThan(0);
    expect(MODEL.threshold).toBeLessThan(1);
  });

  it('weighs only features the code computes', () => {
    expect(MODEL.ranker.features.filter((f) => !FEATURE_NAMES.includes(f))).toEqual([]);
    expect(MODEL.passage.features.filter((f) => !FEATURE_NAMES.includes(f))).toEqual([]);
    expect(MODEL.answers.features.filter((f) => !DECISION_FEATURES.includes(f))).toEqual([]);
  });

  it('rejects a model whose weights do not match its features', () => {
    const broken = {
      ...MODEL,
      ranker: { ...MODEL.ranker, weights: MODEL.ranker.weights.slice(1) },
    };
    expect(ModelFile.safeParse(broken).success).toBe(false);
    const zeroScale = {
      ...MODEL,
      answers: { ...MODEL.answers, scale: MODEL.answers.scale.map(() => 0) },
    };
    expect(ModelFile.safeParse(zeroScale).success).toBe(false);
  });
});

describe('scorer', () => {
  const model: Linear = {
    features: ['a', 'b', 'c'],
    mean: [1, 2, 3],
    scale: [1, 2, 4],
    weights: [0.5, -1, 2],
    bias: 0.25,
  };
  /** The score by hand: bias + Σ weight × (value − mean) / scale. */
  const byHand = (a: number, b: number, c: number) =>
    0.25 + 0.5 * (a - 1) + (-1 * (b - 2)) / 2 + (2 * (c - 3)) / 4;

  it('standardizes each input by its mean and scale', () => {
    expect(scorer(model, ['a', 'b', 'c'])([3, 5, 7])).toBeCloseTo(byHand(3, 5, 7), 12);
    // At the means every input adds nothing: the score is the bias.
    expect(scorer(model, ['a', 'b', 'c'])([1, 2, 3])).toBeCloseTo(0.25, 12);
  });

  it('scores the same whatever order the rows’ values come in', () => {
    const forward = scorer(model, ['a', 'b', 'c']);
    const shuffled = scorer(model, ['c', 'a', 'b']);
    expect(shuffled([7, 3, 5])).toBeCloseTo(forward([3, 5, 7]), 12);
  });

  it('ignores inputs the model does not weigh', () => {
    const wider = scorer(model, ['x', 'a', 'b', 'y', 'c']);
    expect(wider([100, 3, 5, -100, 7])).toBeCloseTo(byHand(3, 5, 7), 12);
    expect(wider([-3, 3, 5, 42, 7])).toBeCloseTo(byHand(3, 5, 7), 12);
  });

  it('sigmoid maps scores to probabilities', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(10)).toBeGreaterThan(0.99);
    expect(sigmoid(-10)).toBeLessThan(0.01);
  });
});
