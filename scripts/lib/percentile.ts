/** The `p`th percentile (nearest rank) of ascending `sorted`, in its unit, to 0.01; 0 when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  const value = sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return Math.round(value * 100) / 100;
}
