import { describe, expect, it } from 'vitest';
import { createRunStore } from '../src/query/run-store.js';
import type { UpstreamResult } from '../src/upstream/sql-api-client.js';
import { resultFromRows } from '../src/upstream/success-body.js';

function resultOf(sizeBytes: number): UpstreamResult {
  return resultFromRows({ columns: [{ name: 'v', type: 'INT' }], truncated: false, executionTimeMs: 1, sizeBytes }, [[1]]);
}

function storeWith(maxPerUser: number, maxBytes: number) {
  const clock = { now: 0 };
  const store = createRunStore({ keepMs: 60_000, maxPerUser, maxBytes, now: () => clock.now });
  return { store, clock };
}

describe('run store', () => {
  it('keeps the newest runs per user', () => {
    const { store } = storeWith(3, 1_000_000);
    const ids = [1, 2, 3, 4].map(() => store.add(1, 'SELECT 1', resultOf(10), new Date(0)));
    const other = store.add(2, 'SELECT 2', resultOf(10), new Date(0));

    expect(store.get(ids[0] ?? '', 1)).toBeUndefined();
    expect(ids.slice(1).map((id) => store.get(id, 1)?.runId)).toEqual(ids.slice(1));
    expect(store.get(other, 2)?.sql).toBe('SELECT 2');
  });

  it('drops the oldest runs past the byte bound', () => {
    const { store } = storeWith(3, 250);
    const first = store.add(1, 'SELECT 1', resultOf(100), new Date(0));
    const second = store.add(2, 'SELECT 2', resultOf(100), new Date(0));
    const third = store.add(3, 'SELECT 3', resultOf(100), new Date(0));

    expect(store.get(first, 1)).toBeUndefined();
    expect(store.get(second, 2)?.runId).toBe(second);
    expect(store.get(third, 3)?.runId).toBe(third);
  });

  it('keeps a newest run larger than the bound', () => {
    const { store } = storeWith(3, 50);
    const older = store.add(1, 'SELECT 1', resultOf(10), new Date(0));
    const big = store.add(1, 'SELECT 2', resultOf(500), new Date(0));

    expect(store.get(older, 1)).toBeUndefined();
    expect(store.get(big, 1)?.sql).toBe('SELECT 2');
  });

  it('forgets runs after the keep time', () => {
    const { store, clock } = storeWith(3, 1_000_000);
    const runId = store.add(1, 'SELECT 1', resultOf(10), new Date(0));
    clock.now = 59_999;
    expect(store.get(runId, 1)).toBeDefined();
    clock.now = 60_000;
    expect(store.get(runId, 1)).toBeUndefined();
  });
});
