// One row of the results table: a measured figure, the reference measured in
// the same run, how the two compare, and the target with its pass or miss.
import { difference, pairwise, ratio, summarize } from './stats.mjs';

const comparators = {
  '<=': (subject, limit) => subject <= limit,
  '<': (subject, limit) => subject < limit,
  '>=': (subject, limit) => subject >= limit,
};

/**
 * Builds a figure.
 *
 * - `samples`: one number per run; `referenceSamples` the reference's, taken in the same runs.
 * - `compare`: 'ratio' or 'difference' (value minus reference), computed run by run.
 * - `target`: { on: 'value' | 'comparison', op: '<=' | '<' | '>=', limit, text }; the
 *   median of `on` is checked. Leave it out for a figure that is only shown.
 */
export function figure({ id, label, unit, samples, reference, compare, target, note }) {
  const value = summarize(samples);
  let comparison = null;
  if (reference && compare) {
    const combine = compare === 'ratio' ? ratio : difference;
    comparison = { kind: compare, unit: compare === 'ratio' ? 'x' : unit, ...summarize(pairwise(samples, reference.samples, combine)) };
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
    value,
    reference: reference ? { label: reference.label, unit: reference.unit ?? unit, ...summarize(reference.samples) } : null,
    comparison,
    target: checked,
    note: note ?? null,
  };
}

/** A row for a benchmark that could not run, so the table still shows it. */
export function failedFigure(benchmarkName, error) {
  return {
    id: `${benchmarkName}-failed`,
    label: benchmarkName,
    error: error instanceof Error ? error.message : String(error),
  };
}
