import { describe, expect, it } from 'vitest';

import { notReadOnly } from '../src/errors.js';
import { checkReadOnly } from '../src/sql/read-only-check.js';
import { loadCorpus } from './fixtures/read-only-corpus/load-corpus.js';

const corpus = loadCorpus();

describe('read-only corpus', () => {
  it('holds at least 150 cases with unique ids and sources', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    expect(new Set(corpus.map((c) => c.id)).size).toBe(corpus.length);
    for (const c of corpus) expect(c.source.length, c.id).toBeGreaterThan(0);
  });

  it('has both accepted and rejected cases', () => {
    expect(corpus.filter((c) => c.expected === 'accept').length).toBeGreaterThanOrEqual(60);
    expect(corpus.filter((c) => c.expected === 'reject').length).toBeGreaterThanOrEqual(60);
  });

  const named = (expected: 'accept' | 'reject') =>
    corpus.filter((c) => c.expected === expected).map((c) => [`${c.file} ${c.id}`, c] as const);

  it.each(named('accept'))('%s is accepted', (_, c) => {
    expect(checkReadOnly(c.sql)).toEqual({ ok: true });
  });

  it.each(named('reject'))('%s is rejected', (_, c) => {
    const result = checkReadOnly(c.sql);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.found).toBe(c.found);
    expect({ line: result.position.line, column: result.position.column }).toEqual({ line: c.line, column: c.column });
  });
});

describe('rejection position', () => {
  it('reads well inside the error message', () => {
    const result = checkReadOnly('SELECT 1; DELETE FROM t');
    expect(result).toEqual({ ok: false, found: 'a second statement', position: { line: 1, column: 11, length: 6 } });
    if (result.ok) return;
    expect(notReadOnly(result.found, result.position).message).toBe(
      'Only a single read-only SELECT query can run here, but a second statement was found at line 1, column 11.',
    );
  });

  it('counts lines and tab columns', () => {
    const result = checkReadOnly('SELECT a\n\tFROM t;\n\tDROP TABLE t');
    expect(result).toEqual({ ok: false, found: 'a second statement', position: { line: 3, column: 2, length: 4 } });
  });

  it('counts columns in UTF-16 units as Monaco does', () => {
    const result = checkReadOnly("SELECT '\u{1F600}'; DELETE FROM t");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.position).toEqual({ line: 1, column: 14, length: 6 });
  });

  it('underlines the opening quote of an unterminated string', () => {
    expect(checkReadOnly("SELECT a\nFROM t WHERE b = 'x")).toEqual({
      ok: false,
      found: 'an unterminated string',
      position: { line: 2, column: 18, length: 1 },
    });
  });

  it('names the earliest problem when there are several', () => {
    const result = checkReadOnly("UPDATE t SET a = 'x; DELETE FROM u");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.found).toBe('an UPDATE statement');
    expect(result.position.column).toBe(1);
  });
});

describe('zero-width characters', () => {
  const invisible = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u202E'];

  it.each(invisible.map((c) => [c.codePointAt(0)?.toString(16), c]))('U+%s inside DELETE is rejected', (_, c) => {
    const result = checkReadOnly(`SELECT 1 FROM t; DEL${c}ETE FROM t`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.found).toMatch(/^a zero-width character \(U\+[0-9A-F]{4}\) inside a word$/);
    expect(result.position).toEqual({ line: 1, column: 21, length: 1 });
  });

  it.each(invisible.map((c) => [c.codePointAt(0)?.toString(16), c]))('U+%s between tokens is whitespace', (_, c) => {
    expect(checkReadOnly(`${c}SELECT${c}*${c}FROM${c}(VALUES 1)${c};${c}`)).toEqual({ ok: true });
  });

  it('rejects one between two words, which then look like one word', () => {
    const result = checkReadOnly('SELECT a\u200BFROM t');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.found).toBe('a zero-width character (U+200B) inside a word');
  });

  it.each(invisible.map((c) => [c.codePointAt(0)?.toString(16), c]))('U+%s inside a string is text', (_, c) => {
    expect(checkReadOnly(`SELECT 'DEL${c}ETE' AS word`)).toEqual({ ok: true });
  });
});

describe('large and deep input', () => {
  function bigQuery(): string {
    const lines = ['SELECT'];
    let size = 0;
    for (let i = 0; size < 100 * 1024; i++) {
      const line = `  col_${i} AS "alias ${i}", 'delete; drop table t' AS s${i}, -- note ${i}: update later\n`;
      lines.push(line);
      size += line.length;
    }
    lines.push('  1 AS last\nFROM events /* the end; insert nothing */');
    return lines.join('\n');
  }

  it('accepts a 100 KB query', () => {
    const sql = bigQuery();
    expect(sql.length).toBeGreaterThan(100 * 1024);
    expect(checkReadOnly(sql)).toEqual({ ok: true });
  });

  it('finds a statement after a 100 KB query', () => {
    const sql = `${bigQuery()};\nDELETE FROM events`;
    const result = checkReadOnly(sql);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.found).toBe('a second statement');
    expect(result.position.line).toBe(sql.split('\n').length);
    expect(result.position.column).toBe(1);
  });

  it('handles 20,000 nested parentheses', () => {
    const sql = `SELECT ${'('.repeat(20_000)}1${')'.repeat(20_000)}`;
    expect(checkReadOnly(sql)).toEqual({ ok: true });
  });

  it('handles 3,000 nested WITH clauses', () => {
    const depth = 3_000;
    const sql = `SELECT * FROM ${'(WITH a AS (SELECT 1) SELECT * FROM '.repeat(depth)}a${')'.repeat(depth)}`;
    expect(checkReadOnly(sql)).toEqual({ ok: true });
  });

  it('finds a write in the deepest of 3,000 WITH clauses', () => {
    const depth = 3_000;
    const sql = `SELECT * FROM ${'(WITH a AS (SELECT 1) SELECT * FROM '.repeat(depth)}(DELETE FROM a)${')'.repeat(depth)}`;
    const result = checkReadOnly(sql);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.found).toBe('a DELETE statement');
  });

  it('handles 20,000 nested comments', () => {
    const sql = `${'/*'.repeat(20_000)} DELETE ${'*/'.repeat(20_000)} SELECT 1`;
    expect(checkReadOnly(sql)).toEqual({ ok: true });
  });
});

describe('statement start', () => {
  it('quotes a long unknown first word as written', () => {
    const result = checkReadOnly('thisWordIsLongerThanAnyKeyword FROM t');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.found).toBe('a statement that starts with thisWordIsLongerThanAnyKeyword');
  });

  it('suggests a typo for an unknown keyword', () => {
    const result = checkReadOnly('SELEC * FROM conversation');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.found).toBe('a statement that starts with SELEC (not a query keyword: check the spelling)');
  });

  it('quotes a symbol at the start', () => {
    const result = checkReadOnly('* FROM t');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.found).toBe('a statement that starts with *');
  });
});
