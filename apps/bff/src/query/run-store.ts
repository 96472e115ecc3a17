import { randomUUID } from 'node:crypto';
import { estimateBytes } from '../cache/result-cache.js';
import type { UpstreamResult } from '../upstream/sql-api-client.js';

/** A result a user received, kept for a short while so it can be saved as a snapshot. */
export interface StoredRun {
  runId: string;
  userId: number;
  sql: string;
  result: UpstreamResult;
  fetchedAt: Date;
}

export interface RunStoreOptions {
  keepMs: number;
  /** Runs kept per user. Older ones are dropped first. */
  maxPerUser: number;
  /** Bound on the estimated size of all kept results together. The oldest runs go first. */
  maxBytes: number;
  now: () => number;
}

interface KeptRun extends StoredRun {
  storedAt: number;
  bytes: number;
}

/**
 * Recent runs, each visible only to the user who ran it. Results are shared
 * with the result cache by reference, so keeping a run costs little memory
 * while its result is still cached; the byte bound counts them anyway, so
 * that results evicted from the cache cannot pile up here.
 */
export function createRunStore(options: RunStoreOptions) {
  // A Map iterates in insertion order, so the oldest run is always first.
  const runs = new Map<string, KeptRun>();
  // Each user's run ids, oldest first, so adding a run never scans other users' runs.
  const runIdsByUser = new Map<number, string[]>();
  let totalBytes = 0;

  function remove(run: KeptRun): void {
    runs.delete(run.runId);
    totalBytes -= run.bytes;
    const ids = runIdsByUser.get(run.userId);
    if (ids === undefined) return;
    const index = ids.indexOf(run.runId);
    if (index !== -1) ids.splice(index, 1);
    if (ids.length === 0) runIdsByUser.delete(run.userId);
  }

  function dropExpired(at: number): void {
    for (const run of runs.values()) {
      if (at - run.storedAt < options.keepMs) break;
      remove(run);
    }
  }

  function add(userId: number, sql: string, result: UpstreamResult, fetchedAt: Date): string {
    const at = options.now();
    dropExpired(at);

    const runId = randomUUID();
    const bytes = estimateBytes(result);
    runs.set(runId, { runId, userId, sql, result, fetchedAt, storedAt: at, bytes });
    totalBytes += bytes;
    const ids = runIdsByUser.get(userId) ?? [];
    ids.push(runId);
    runIdsByUser.set(userId, ids);

    while (ids.length > options.maxPerUser) {
      const oldest = runs.get(ids[0] ?? '');
      if (oldest === undefined) break;
      remove(oldest);
    }
    // The run just added stays even when it alone passes the bound, so the user can still save it.
    for (const run of runs.values()) {
      if (totalBytes <= options.maxBytes || run.runId === runId) break;
      remove(run);
    }
    return runId;
  }

  function get(runId: string, userId: number): StoredRun | undefined {
    dropExpired(options.now());
    const run = runs.get(runId);
    if (!run || run.userId !== userId) return undefined;
    return { runId: run.runId, userId: run.userId, sql: run.sql, result: run.result, fetchedAt: run.fetchedAt };
  }

  return { add, get };
}
