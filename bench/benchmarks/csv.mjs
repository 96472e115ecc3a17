// CSV of a 1000 x 100 result of tricky values: the web app's writer against
// papaparse.unparse on the same data, both protecting formula-like text.
import { join } from 'node:path';
import Papa from 'papaparse';
import { figure } from '../lib/figure.mjs';
import { importTypeScript } from '../lib/import-typescript.mjs';
import { root } from '../lib/paths.mjs';
import { trickyResult } from '../lib/tricky-data.mjs';

function timeOnce(write) {
  const started = performance.now();
  const text = write();
  const elapsed = performance.now() - started;
  if (text.length === 0) throw new Error('A CSV writer returned an empty text.');
  return elapsed;
}

export default {
  name: 'csv',
  async run(context) {
    const { toCsv } = await importTypeScript(join(root, 'apps/web/src/results/csv.ts'));
    const { columns, rows } = trickyResult(1000, 100);
    const fields = columns.map((column) => column.name);

    const ours = () => toCsv(columns, rows);
    const reference = () => Papa.unparse({ fields, data: rows }, { escapeFormulae: true, newline: '\r\n' });

    // Warm both up so the JIT has compiled them before the timed runs.
    for (let i = 0; i < context.repeat(5, 1); i += 1) {
      ours();
      reference();
    }

    const samples = [];
    const referenceSamples = [];
    for (let run = 0; run < context.repeat(15, 3); run += 1) {
      // Alternate the order, so neither writer always runs on a warmer heap.
      if (run % 2 === 0) {
        samples.push(timeOnce(ours));
        referenceSamples.push(timeOnce(reference));
      } else {
        referenceSamples.push(timeOnce(reference));
        samples.push(timeOnce(ours));
      }
    }

    return [
      figure({
        id: 'csv-1000x100',
        label: 'CSV of 1000 x 100 tricky values',
        unit: 'ms',
        samples,
        reference: { label: 'papaparse.unparse', samples: referenceSamples },
        compare: 'ratio',
        target: { on: 'comparison', op: '<=', limit: 1.0, text: 'ratio <= 1.0' },
      }),
    ];
  },
};
