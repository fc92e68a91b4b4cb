// Small statistics for the benchmark report: percentiles (nearest rank) and medians over millisecond samples.

/** Nearest-rank percentile: the smallest sample with at least p% of the samples at or below it. */
export function percentile(samples, p) {
  if (samples.length === 0) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export const median = (samples) => percentile(samples, 50);

export function summarize(samples) {
  return {
    n: samples.length,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    max: round(samples.length ? Math.max(...samples) : undefined),
    min: round(samples.length ? Math.min(...samples) : undefined),
  };
}

export function round(value, digits = 1) {
  if (value === undefined || Number.isNaN(value)) return undefined;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
