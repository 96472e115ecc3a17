import type { Cell, Column } from '@console/shared-types';
import { describe, expect, it } from 'vitest';
import { cellToText, toTsv } from '../src/results/tsv.js';

const columns: Column[] = [
  { name: 'id', type: 'BIGINT' },
  { name: 'note', type: 'STRING' },
];

describe('toTsv', () => {
  it('copies one cell without a line end', () => {
    expect(toTsv(null, [['hello']])).toBe('hello');
  });

  it('copies a row as tab-separated fields', () => {
    expect(toTsv(null, [['18446744073709551615', 'a', 1.5, true, null]])).toBe('18446744073709551615\ta\t1.5\ttrue\t');
  });

  it('separates rows with CRLF', () => {
    expect(toTsv(null, [['a', 'b'], ['c', 'd']])).toBe('a\tb\r\nc\td');
  });

  it('adds a header row when given columns', () => {
    expect(toTsv(columns, [['1', 'x']])).toBe('id\tnote\r\n1\tx');
  });

  it('writes one field per column when given columns', () => {
    expect(toTsv(columns, [['1'], ['2', 'y', 'extra']])).toBe('id\tnote\r\n1\t\r\n2\ty');
  });

  it('writes NULL and the empty string as empty fields', () => {
    expect(toTsv(null, [[null, '', 'x']])).toBe('\t\tx');
  });

  it('quotes values with tabs or line breaks', () => {
    expect(toTsv(null, [['a\tb', 'line\nbreak', 'cr\rhere', 'say "hi"\n']])).toBe(
      '"a\tb"\t"line\nbreak"\t"cr\rhere"\t"say ""hi""\n"',
    );
  });

  it('quotes a value that starts with a quote', () => {
    expect(toTsv(null, [['"quoted"', 'mid "quote"']])).toBe('"""quoted"""\tmid "quote"');
  });

  it('keeps formula text and numbers raw', () => {
    expect(toTsv(null, [['=SUM(A1)', -0, 0.1, '-5']])).toBe('=SUM(A1)\t-0\t0.1\t-5');
  });

  it('writes nested values as compact JSON', () => {
    const cell: Cell = { id: '9007199254740993', tags: ['a', 'b'] };
    expect(toTsv(null, [[cell]])).toBe('{"id":"9007199254740993","tags":["a","b"]}');
  });

  it('writes nothing for no rows and no columns', () => {
    expect(toTsv(null, [])).toBe('');
  });
});

describe('cellToText', () => {
  it('returns strings exactly', () => {
    expect(cellToText('  spaced\tand\nbroken "text"  ')).toBe('  spaced\tand\nbroken "text"  ');
    expect(cellToText('2025-01-20T12:34:56.123456Z')).toBe('2025-01-20T12:34:56.123456Z');
  });

  it('returns NULL as empty text', () => {
    expect(cellToText(null)).toBe('');
  });

  it('returns numbers and booleans as text', () => {
    expect(cellToText(123456789.123)).toBe('123456789.123');
    expect(cellToText(-0)).toBe('-0');
    expect(cellToText(false)).toBe('false');
  });

  it('indents nested values', () => {
    expect(cellToText({ a: [1, null], b: { c: 'x' } })).toBe(
      '{\n  "a": [\n    1,\n    null\n  ],\n  "b": {\n    "c": "x"\n  }\n}',
    );
  });
});
