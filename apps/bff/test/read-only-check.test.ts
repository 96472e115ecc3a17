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
