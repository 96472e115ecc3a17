import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../src/results/compare-cells.js';
import { toCsv } from '../src/results/csv.js';

const SAMPLES = [
  '-5', '+3.2', '-1.5E-3', '-5.', '+.5', '-.', '-', '+', '-e5', '-1e', '-1e+', '-1e+7', '-0', '+0.000',
  '-Infinity', '-infinity', '-NaN', '+1 (555) 010-0199', '-5% off', '-12345678901234567890.123456789', '- 5', '-5 ', '--5', '-0x1F',
];

function written(text: string): string {
  const csv = toCsv([{ name: 'v', type: 'STRING' }], [[text]], { bom: false });
  return csv.split('\r\n')[1] ?? '';
}

describe('formula protection of signed text', () => {
  it.each(SAMPLES)('agrees with parseDecimal for %j', (text) => {
    const isPlainNumber = parseDecimal(text)?.kind === 'finite';
    const field = written(text);
    expect(field.startsWith("'") || field.startsWith(`"'`)).toBe(!isPlainNumber);
  });
});
