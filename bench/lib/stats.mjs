// Summaries of repeated measurements. Quantiles interpolate linearly between
// the two nearest samples, so a median of an even count is the mean of the middle two.

/** Returns the q-quantile (0..1) of numbers sorted in ascending order. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const lower = sorted[below];
  const upper = sorted[above];
  return lower + (upper - lower) * (position - below);
}

/** Summarizes samples as median, p25, p75, p99, min, max and count. */
export function summarize(samples) {
  const sorted = samples.filter((sample) => Number.isFinite(sample)).sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    p99: quantile(sorted, 0.99),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    n: sorted.length,
  };
}

/** Divides pairs of samples taken in the same round, so slow rounds cancel out. */
export function pairwise(values, references, combine) {
  const count = Math.min(values.length, references.length);
  const results = [];
  for (let i = 0; i < count; i += 1) results.push(combine(values[i], references[i]));
  return results;
}

/** Returns the q-quantile (0..1) of unsorted numbers. */
export function percentile(values, q) {
  return quantile([...values].sort((a, b) => a - b), q);
}

export const median = (values) => percentile(values, 0.5);
