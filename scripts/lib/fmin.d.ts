/** The parts of `fmin` (function minimization) that `npm run fit` uses. */
declare module 'fmin/index.js' {
  /** Minimizes `f` by Polak–Ribière conjugate gradient; `f` returns the loss and writes its gradient. */
  export function conjugateGradient(
    f: (x: number[], gradient: number[]) => number,
    initial: number[],
    params?: { maxIterations?: number },
  ): { x: number[]; fx: number };
}
