import { describe, expect, it } from 'vitest';
import { createResultCache } from '../src/cache/result-cache.js';
import type { UpstreamResult } from '../src/upstream/sql-api-client.js';
import { parseRows, resultFromRows } from '../src/upstream/success-body.js';

function resultWith(text: string): UpstreamResult {
  return resultFromRows({ columns: [{ name: 'v', type: 'STRING' }], truncated: false, executionTimeMs: 5 }, [[text]]);
}

function cacheAt(clock: { now: number }, overrides: { ttlMs?: number; maxEntries?: number; maxBytes?: number } = {}) {
  return createResultCache({ ttlMs: 60_000, maxEntries: 10, maxBytes: 1_000_000, now: () => clock.now, ...overrides });
}

describe('result cache', () => {
  it('returns a stored result with its fetch time', () => {
    const clock = { now: 1_000 };
    const cache = cacheAt(clock);
    const result = resultWith('a');

    cache.set('select 1', { result, fetchedAt: 900 });

    expect(cache.get('select 1')).toEqual({ result, fetchedAt: 900 });
    expect(cache.get('select 2')).toBeUndefined();
  });

  it('forgets a result once the time to live has passed', () => {
    const clock = { now: 0 };
    const cache = cacheAt(clock, { ttlMs: 60_000 });
    cache.set('q', { result: resultWith('a'), fetchedAt: 0 });

    clock.now = 59_999;
    expect(cache.get('q')).toBeDefined();

    clock.now = 60_000;
    expect(cache.get('q')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('stores nothing when the time to live is 0', () => {
    const cache = cacheAt({ now: 0 }, { ttlMs: 0 });

    cache.set('q', { result: resultWith('a'), fetchedAt: 0 });

    expect(cache.get('q')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the least recently used entry past maxEntries', () => {
    const cache = cacheAt({ now: 0 }, { maxEntries: 2 });
    cache.set('a', { result: resultWith('a'), fetchedAt: 0 });
    cache.set('b', { result: resultWith('b'), fetchedAt: 0 });
    cache.get('a');

    cache.set('c', { result: resultWith('c'), fetchedAt: 0 });

    expect(cache.get('a')).toBeDefined();
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('drops old entries to stay within maxBytes', () => {
    const big = 'x'.repeat(400);
    const cache = cacheAt({ now: 0 }, { maxBytes: 1_000 });
    cache.set('a', { result: resultWith(big), fetchedAt: 0 });
    cache.set('b', { result: resultWith(big), fetchedAt: 0 });

    cache.set('c', { result: resultWith(big), fetchedAt: 0 });

    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('does not store a result larger than maxBytes', () => {
    const cache = cacheAt({ now: 0 }, { maxBytes: 100 });
    cache.set('small', { result: resultWith('s'), fetchedAt: 0 });

    cache.set('huge', { result: resultWith('x'.repeat(500)), fetchedAt: 0 });

    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('small')).toBeDefined();
  });

  it('replaces the result stored under the same key', () => {
    const cache = cacheAt({ now: 10 });
    cache.set('q', { result: resultWith('old'), fetchedAt: 0 });

    cache.set('q', { result: resultWith('new'), fetchedAt: 10 });

    expect(cache.size).toBe(1);
    const entry = cache.get('q');
    if (entry === undefined) throw new Error('expected an entry under the key');
    expect(parseRows(entry.result)).toEqual([['new']]);
  });
});
