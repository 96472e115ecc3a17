// One row of the results table: a measured figure, the reference measured in
// the same run, how the two compare, and the target with its pass or miss.
import { pairwise, summarize } from './stats.mjs';

/** Comparisons of a value with its reference, computed run by run. */
const comparisons = {
  ratio: { unit: () => 'x', combine: (value, reference) => value / reference },
  /** Reference over value: how many times faster the value is. */
  speedup: { unit: () => 'x', combine: (value, reference) => reference / value },
  difference: { unit: (unit) => unit, combine: (value, reference) => value - reference },
  percent: { unit: () => '%', combine: (value, reference) => (100 * value) / reference },
};

const comparators = {
  '<=': (subject, limit) => subject <= limit,
  '<': (subject, limit) => subject < limit,
  '>=': (subject, limit) => subject >= limit,
};

/**
 * Builds a figure.
 *
 * - `samples`: one number per run; `referenceSamples` the reference's, taken in the same runs.
 * - `compare`: 'ratio', 'speedup' (reference / value), 'difference' (value minus
 *   reference) or 'percent' (value as a share of the reference), computed run by run.
 * - `target`: { on: 'value' | 'comparison', op: '<=' | '<' | '>=', limit, text }; the
 *   median of `on` is checked. Leave it out for a figure that is only shown.
 */
export function figure({ id, label, unit, samples, reference, compare, target, note }) {
  const value = summarize(samples);
  let comparison = null;
  if (reference && compare) {
    const comparisonKind = comparisons[compare];
    if (!comparisonKind) throw new Error(`Unknown comparison ${JSON.stringify(compare)} in figure ${id}.`);
    comparison = { kind: compare, unit: comparisonKind.unit(unit), ...summarize(pairwise(samples, reference.samples, comparisonKind.combine)) };
  }

  let checked = null;
  if (target) {
    const subject = target.on === 'comparison' ? comparison?.median : value.median;
    const test = comparators[target.op];
    if (!test) throw new Error(`Unknown target operator ${JSON.stringify(target.op)} in figure ${id}.`);
    checked = {
      text: target.text,
      on: target.on,
      op: target.op,
      limit: target.limit,
      pass: subject === undefined || !Number.isFinite(subject) ? false : test(subject, target.limit),
    };
  }

  return {
    id,
    label,
    unit,
    value: { ...value, samples },
    reference: reference ? { label: reference.label, unit: reference.unit ?? unit, ...summarize(reference.samples), samples: reference.samples } : null,
    comparison,
    target: checked,
    note: note ?? null,
  };
}

/** Returns the row for a benchmark that could not run, so the table still shows it. */
export function failedFigure(benchmarkName, error) {
  return {
    id: `${benchmarkName}-failed`,
    label: benchmarkName,
    error: error instanceof Error ? error.message : String(error),
  };
}
