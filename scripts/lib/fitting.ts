import { conjugateGradient } from 'fmin/index.js';
import type { Linear } from '../../src/search/model.ts';

/**
 * The two fits of `npm run fit`, on standardized inputs with an L2 penalty, minimized by conjugate
 * gradient (`fmin`): a listwise ranker (the softmax over a question's candidates of the passages
 * that answer it: the probability the model puts on an answering passage being first), and a
 * logistic regression (whether the best passage answers).
 */

/** The means and scales that standardize the columns of `rows` (scale 1 for a constant column). */
export function standardization(rows: readonly ArrayLike<number>[], width: number) {
  const mean = new Array<number>(width).fill(0);
  const square = new Array<number>(width).fill(0);
  for (const row of rows)
    for (let j = 0; j < width; j++) {
      const v = row[j] as number;
      mean[j] = (mean[j] as number) + v;
      square[j] = (square[j] as number) + v * v;
    }
  const n = Math.max(rows.length, 1);
  for (let j = 0; j < width; j++) mean[j] = (mean[j] as number) / n;
  const scale = mean.map((m, j) => {
    const variance = (square[j] as number) / n - m * m;
    return variance > 1e-12 ? Math.sqrt(variance) : 1;
  });
  return { mean, scale };
}

function standardize(row: ArrayLike<number>, mean: readonly number[], scale: readonly number[]) {
  return Float64Array.from(mean, (m, j) => ((row[j] as number) - m) / (scale[j] as number));
}

/** A question's candidates for the ranker: their feature rows and which answer it. */
export interface RankingGroup {
  rows: readonly ArrayLike<number>[];
  labels: readonly boolean[];
}

/**
 * Fits the listwise ranker: weights minimizing, over the groups that hold both an answering and
 * another passage, −log of the softmax share of the answering passages, plus `lambda`/2 ‖w‖².
 */
export function fitRanker(
  groups: readonly RankingGroup[],
  names: readonly string[],
  lambda: number,
): Linear {
  const usable = groups.filter((g) => g.labels.some((l) => l) && g.labels.some((l) => !l));
  const width = names.length;
  const { mean, scale } = standardization(
    usable.flatMap((g) => g.rows),
    width,
  );
  const data = usable.map((g) => ({
    rows: g.rows.map((r) => standardize(r, mean, scale)),
    labels: g.labels,
  }));
  const n = Math.max(data.length, 1);
  const loss = (w: number[], gradient: number[]) => {
    gradient.fill(0);
    let total = 0;
    const s = new Float64Array(256);
    for (const { rows, labels } of data) {
      const scores = rows.length <= s.length ? s : new Float64Array(rows.length);
      let max = -Infinity;
      let maxPositive = -Infinity;
      rows.forEach((row, i) => {
        let v = 0;
        for (let j = 0; j < width; j++) v += (w[j] as number) * (row[j] as number);
        scores[i] = v;
        max = Math.max(max, v);
        if (labels[i]) maxPositive = Math.max(maxPositive, v);
      });
      let all = 0;
      let positive = 0;
      for (let i = 0; i < rows.length; i++) {
        all += Math.exp((scores[i] as number) - max);
        if (labels[i]) positive += Math.exp((scores[i] as number) - maxPositive);
      }
      total -= maxPositive + Math.log(positive) - max - Math.log(all);
      rows.forEach((row, i) => {
        const p = Math.exp((scores[i] as number) - max) / all;
        const q = labels[i] ? Math.exp((scores[i] as number) - maxPositive) / positive : 0;
        const d = (p - q) / n;
        if (d !== 0)
          for (let j = 0; j < width; j++)
            gradient[j] = (gradient[j] as number) + d * (row[j] as number);
      });
    }
    let penalty = 0;
    for (let j = 0; j < width; j++) {
      penalty += (w[j] as number) ** 2;
      gradient[j] = (gradient[j] as number) + lambda * (w[j] as number);
    }
    return total / n + (lambda / 2) * penalty;
  };
  const { x } = conjugateGradient(loss, new Array<number>(width).fill(0), { maxIterations: 400 });
  return { features: [...names], mean, scale, weights: x, bias: 0 };
}

/**
 * Fits a logistic regression of `labels` on `rows`: weights and bias minimizing the mean log loss
 * plus `lambda`/2 ‖w‖² (the bias is not penalized).
 */
export function fitLogistic(
  rows: readonly ArrayLike<number>[],
  labels: readonly boolean[],
  names: readonly string[],
  lambda: number,
): Linear {
  const width = names.length;
  const { mean, scale } = standardization(rows, width);
  const data = rows.map((r) => standardize(r, mean, scale));
  const n = Math.max(data.length, 1);
  const loss = (w: number[], gradient: number[]) => {
    gradient.fill(0);
    let total = 0;
    data.forEach((row, i) => {
      let z = w[width] as number;
      for (let j = 0; j < width; j++) z += (w[j] as number) * (row[j] as number);
      const y = labels[i] ? 1 : 0;
      // log(1 + e^z) − y z, written to stay finite for large |z|.
      total += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y * z;
      const d = (1 / (1 + Math.exp(-z)) - y) / n;
      for (let j = 0; j < width; j++)
        gradient[j] = (gradient[j] as number) + d * (row[j] as number);
      gradient[width] = (gradient[width] as number) + d;
    });
    let penalty = 0;
    for (let j = 0; j < width; j++) {
      penalty += (w[j] as number) ** 2;
      gradient[j] = (gradient[j] as number) + lambda * (w[j] as number);
    }
    return total / n + (lambda / 2) * penalty;
  };
  const { x } = conjugateGradient(loss, new Array<number>(width + 1).fill(0), {
    maxIterations: 400,
  });
  return { features: [...names], mean, scale, weights: x.slice(0, width), bias: x[width] ?? 0 };
}
