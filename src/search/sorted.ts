/**
 * The first position in `values[lo, hi)`, sorted ascending, whose value is at least `value`
 * (`hi` when none is): where `value` is, or would go.
 */
export function lowerBound(
  values: ArrayLike<number>,
  value: number,
  lo = 0,
  hi = values.length,
): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
