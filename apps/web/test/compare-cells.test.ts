import type { Cell } from '@console/shared-types';
import { describe, expect, it } from 'vitest';
import { compareCells, compareCodePoints, parseDecimal } from '../src/results/compare-cells.js';

function sign(value: number): number {
  return Math.sign(value) + 0;
}

/** Returns -1, 0 or 1 for `a` against `b` in an ascending sort of the given column type. */
function order(a: Cell, b: Cell, type: string): number {
  return sign(compareCells(a, b, type));
}

// A fixed seed keeps failures reproducible.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Returns -1, 0 or 1 for two reference values compared with `<`. */
function ordered<T extends bigint | number>(a: T, b: T): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

function digits(next: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += String(Math.floor(next() * 10));
  return text;
}

describe('compareCells numbers', () => {
  it('orders integers sent as strings by value', () => {
    expect(order('18446744073709551615', '9007199254740993', 'BIGINT')).toBe(1);
    expect(order('9007199254740993', '9007199254740992', 'BIGINT')).toBe(1);
    expect(order('-10', '-9', 'BIGINT')).toBe(-1);
    expect(order('10', '9', 'BIGINT')).toBe(1);
    expect(order('-18446744073709551615', '-18446744073709551614', 'DECIMAL(38,0)')).toBe(-1);
  });

  it('orders decimals sent as strings by value', () => {
    expect(order('-0.000000001', '0', 'DECIMAL(38,9)')).toBe(-1);
    expect(order('0.000000001', '0', 'DECIMAL(38,9)')).toBe(1);
    expect(order('12345678901234567890123456789.000000001', '12345678901234567890123456789', 'DECIMAL(38,9)')).toBe(
      1,
    );
    expect(order('0.45', '0.5', 'DECIMAL(10,2)')).toBe(-1);
    expect(order('-0.45', '-0.5', 'DECIMAL(10,2)')).toBe(1);
  });

  it('treats equal values in different spellings as equal', () => {
    expect(order('0.10', '0.1', 'DECIMAL(10,2)')).toBe(0);
    expect(order('007', '7', 'INT')).toBe(0);
    expect(order('1e3', '1000', 'DOUBLE')).toBe(0);
    expect(order('1.0E-5', '0.00001', 'DOUBLE')).toBe(0);
    expect(order('-0', '0.000', 'DOUBLE')).toBe(0);
    expect(order('+3.2', '3.2', 'DOUBLE')).toBe(0);
  });

  it('compares JavaScript numbers with numeric strings exactly', () => {
    expect(order(9007199254740992, '9007199254740993', 'BIGINT')).toBe(-1);
    expect(order(0.1, '0.1', 'DOUBLE')).toBe(0);
    expect(order(0.1, '0.10000000000000001', 'DOUBLE')).toBe(-1);
    expect(order(1e21, '999999999999999999999', 'DOUBLE')).toBe(1);
    expect(order(-5, '-5.0', 'INT')).toBe(0);
  });

  it('orders JavaScript numbers by value', () => {
    expect(order(2, 10, 'INT')).toBe(-1);
    expect(order(-0, 0, 'DOUBLE')).toBe(0);
    expect(order(5e-324, 0, 'DOUBLE')).toBe(1);
  });

  it('puts infinities and NaN where Spark does', () => {
    const values: Cell[] = ['NaN', 'Infinity', '1', '-Infinity', '-1e308', Number.NaN, Infinity, -Infinity];
    const sorted = [...values].sort((a, b) => compareCells(a, b, 'DOUBLE'));
    expect(sorted.map(String)).toEqual(['-Infinity', '-Infinity', '-1e308', '1', 'Infinity', 'Infinity', 'NaN', 'NaN']);
  });

  it('puts non-numeric text after numbers in a numeric column', () => {
    expect(order('n/a', '99999999999999999999', 'BIGINT')).toBe(1);
    expect(order('n/a', 5, 'BIGINT')).toBe(1);
    expect(order('1 000', '2', 'BIGINT')).toBe(1);
  });

  it('agrees with BigInt on random integers', () => {
    const next = random(42);
    for (let i = 0; i < 2000; i++) {
      const texts = [0, 1].map(() => {
        const minus = next() < 0.5 ? '-' : next() < 0.2 ? '+' : '';
        const zeros = next() < 0.1 ? '00' : '';
        return minus + zeros + digits(next, 1 + Math.floor(next() * 40));
      });
      const [a = '', b = ''] = texts;
      const expected = ordered(BigInt(a), BigInt(b));
      expect(order(a, b, 'DECIMAL(38,0)'), `${a} vs ${b}`).toBe(expected);
    }
  });

  it('agrees with BigInt on random integers that share a prefix', () => {
    const next = random(99);
    for (let i = 0; i < 1000; i++) {
      const base = digits(next, 19);
      const a = `${next() < 0.5 ? '-' : ''}${base}${digits(next, Math.floor(next() * 3))}`;
      const b = `${next() < 0.5 ? '-' : ''}${base}${digits(next, Math.floor(next() * 3))}`;
      const expected = ordered(BigInt(a), BigInt(b));
      expect(order(a, b, 'BIGINT'), `${a} vs ${b}`).toBe(expected);
    }
  });

  it('agrees with scaled BigInt on random decimals', () => {
    const next = random(7);
    for (let i = 0; i < 2000; i++) {
      const parts = [0, 1].map(() => ({
        negative: next() < 0.5,
        whole: digits(next, 1 + Math.floor(next() * 20)),
        fraction: digits(next, Math.floor(next() * 12)),
      }));
      const [a, b] = parts.map((p) => `${p.negative ? '-' : ''}${p.whole}${p.fraction ? `.${p.fraction}` : ''}`);
      const scaled = parts.map((p) => {
        const magnitude = BigInt(p.whole + p.fraction.padEnd(12, '0'));
        return p.negative ? -magnitude : magnitude;
      });
      const [x = 0n, y = 0n] = scaled;
      const expected = ordered(x, y);
      expect(order(a ?? '', b ?? '', 'DECIMAL(38,12)'), `${a} vs ${b}`).toBe(expected);
    }
  });

  it('agrees with number order on random doubles', () => {
    const next = random(3);
    for (let i = 0; i < 2000; i++) {
      const a = (next() - 0.5) * 10 ** Math.floor(next() * 40 - 20);
      const b = next() < 0.1 ? a : (next() - 0.5) * 10 ** Math.floor(next() * 40 - 20);
      const expected = ordered(a, b);
      expect(order(String(a), String(b), 'DOUBLE'), `${a} vs ${b}`).toBe(expected);
      expect(order(a, String(b), 'DOUBLE'), `${a} vs "${b}"`).toBe(expected);
    }
  });
});

describe('compareCells NULL', () => {
  it('puts NULL last in ascending order', () => {
    expect(order(null, '1', 'BIGINT')).toBe(1);
    expect(order('1', null, 'BIGINT')).toBe(-1);
    expect(order(null, null, 'BIGINT')).toBe(0);
  });

  it('puts NULL last in descending order too', () => {
    const values: Cell[] = [null, '2', '10', null, '-1'];
    const sorted = [...values].sort((a, b) => compareCells(a, b, 'INT', 'desc'));
    expect(sorted).toEqual(['10', '2', '-1', null, null]);
  });

  it('sorts NULL after the empty string', () => {
    const sorted = ['b', null, '', 'a'].sort((a, b) => compareCells(a, b, 'STRING'));
    expect(sorted).toEqual(['', 'a', 'b', null]);
  });
});

describe('compareCells text', () => {
  it('orders strings by code point', () => {
    expect(order('B', 'a', 'STRING')).toBe(-1);
    expect(order('a', 'ab', 'STRING')).toBe(-1);
    expect(order('é', 'z', 'STRING')).toBe(1);
    expect(order('same', 'same', 'STRING')).toBe(0);
  });

  it('orders emoji after the last BMP characters', () => {
    // UTF-16 code units would put U+1F600 (0xD83D...) before U+FF5E.
    expect(order('\uFF5E', '😀', 'STRING')).toBe(-1);
    expect(sign(compareCodePoints('😀', '\uE000'))).toBe(1);
    expect(sign(compareCodePoints('😀', '😁'))).toBe(-1);
  });

  it('compares numeric strings as text in a text column', () => {
    expect(order('10', '9', 'STRING')).toBe(-1);
  });

  it('puts numbers before text in a text column', () => {
    expect(order(10, 'a', 'STRING')).toBe(-1);
  });
});

describe('compareCells dates and timestamps', () => {
  it('orders a whole second before its fractions', () => {
    // Plain text order gets this wrong because "Z" sorts after ".".
    expect(order('2025-01-20T12:34:56Z', '2025-01-20T12:34:56.5Z', 'TIMESTAMP')).toBe(-1);
    expect(order('2025-01-20T12:34:56.999999Z', '2025-01-20T12:34:57Z', 'TIMESTAMP')).toBe(-1);
  });

  it('orders fractions of different lengths by value', () => {
    expect(order('2025-01-20T12:34:56.000001Z', '2025-01-20T12:34:56.00001Z', 'TIMESTAMP')).toBe(-1);
    expect(order('2025-01-20T12:34:56.5Z', '2025-01-20T12:34:56.450Z', 'TIMESTAMP')).toBe(1);
    expect(order('2025-01-20T12:34:56.50Z', '2025-01-20T12:34:56.5Z', 'TIMESTAMP')).toBe(0);
  });

  it('takes offsets into account', () => {
    expect(order('2025-01-20T12:00:00+02:00', '2025-01-20T11:00:00Z', 'TIMESTAMP')).toBe(-1);
    expect(order('2025-01-20T12:00:00+0200', '2025-01-20T10:00:00Z', 'TIMESTAMP')).toBe(0);
    expect(order('2025-01-20T12:00:00-05', '2025-01-20T16:59:59Z', 'TIMESTAMP')).toBe(1);
  });

  it('reads the space form and dates', () => {
    expect(order('2025-01-20 12:34:56', '2025-01-20T12:34:56Z', 'TIMESTAMP_NTZ')).toBe(0);
    expect(order('2025-01-02', '2025-01-10', 'DATE')).toBe(-1);
    expect(order('2025-01-20', '2025-01-20T00:00:01Z', 'TIMESTAMP')).toBe(-1);
  });

  it('orders early and long years by value', () => {
    expect(order('0099-01-01', '1999-01-01', 'DATE')).toBe(-1);
    expect(order('+10000-01-01', '9999-12-31', 'DATE')).toBe(1);
  });

  it('orders infinite timestamps at the ends', () => {
    const values = ['2025-01-20T12:34:56Z', 'infinity', '-infinity', '1969-12-31T23:59:59.999999Z'];
    const sorted = [...values].sort((x, y) => compareCells(x, y, 'TIMESTAMP'));
    expect(sorted).toEqual(['-infinity', '1969-12-31T23:59:59.999999Z', '2025-01-20T12:34:56Z', 'infinity']);
    expect(order('infinity', 'infinity', 'DATE')).toBe(0);
  });

  it('puts unreadable values after timestamps', () => {
    expect(order('not a time', '2025-01-20T12:34:56Z', 'TIMESTAMP')).toBe(1);
  });

  it('agrees with Date on random instants', () => {
    const next = random(11);
    for (let i = 0; i < 1000; i++) {
      const a = Math.floor(next() * 4e12);
      const b = next() < 0.1 ? a : Math.floor(next() * 4e12);
      const expected = ordered(a, b);
      const textA = new Date(a).toISOString().replace('.000Z', 'Z');
      const textB = new Date(b).toISOString();
      expect(order(textA, textB, 'TIMESTAMP'), `${textA} vs ${textB}`).toBe(expected);
    }
  });
});

describe('compareCells other types', () => {
  it('puts false before true', () => {
    expect(order(false, true, 'BOOLEAN')).toBe(-1);
    expect(order(true, true, 'BOOLEAN')).toBe(0);
    expect(order('true', false, 'BOOLEAN')).toBe(1);
  });

  it('compares nested values by JSON text', () => {
    expect(order([1, 2], [1, 3], 'ARRAY<INT>')).toBe(-1);
    expect(order({ a: 'x' }, { a: 'x' }, 'STRUCT<a: STRING>')).toBe(0);
    expect(order({ a: 'y' }, { a: 'x', b: 1 }, 'STRUCT<a: STRING, b: INT>')).toBe(1);
  });

  it('keeps a mixed column in a consistent order', () => {
    const values: Cell[] = ['b', 3, null, true, '2025-01-01', [1], '1', false, 'a', 0.5];
    for (const type of ['STRING', 'BIGINT', 'TIMESTAMP', 'BOOLEAN', 'ARRAY<INT>']) {
      const sorted = [...values].sort((a, b) => compareCells(a, b, type));
      for (let i = 1; i < sorted.length; i++) {
        expect(compareCells(sorted[i - 1] ?? null, sorted[i] ?? null, type), type).toBeLessThanOrEqual(0);
      }
      for (const a of values) {
        for (const b of values) {
          expect(sign(compareCells(a, b, type)), `${type}: ${String(a)} vs ${String(b)}`).toBe(
            sign(-compareCells(b, a, type)),
          );
        }
      }
    }
  });
});

describe('parseDecimal', () => {
  it('rejects text that is not a plain number', () => {
    for (const text of ['', '-', '+', '.', '1e', '1e+', '1 ', ' 1', '1,000', '0x1F', '1.2.3', '--1', 'abc']) {
      expect(parseDecimal(text), JSON.stringify(text)).toBeNull();
    }
  });

  it('normalises digits and exponent', () => {
    expect(parseDecimal('-0012.3400')).toEqual({ kind: 'finite', sign: -1, digits: '1234', exponent: 2 });
    expect(parseDecimal('0.00050')).toEqual({ kind: 'finite', sign: 1, digits: '5', exponent: -3 });
    expect(parseDecimal('-0.0')).toEqual({ kind: 'finite', sign: 0, digits: '', exponent: 0 });
    expect(parseDecimal('-inf')).toEqual({ kind: 'infinity', sign: -1 });
  });
});
