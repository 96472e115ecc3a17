import { randomUUID } from 'node:crypto';
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
  now: () => number;
}

/**
 * Recent runs, each visible only to the user who ran it. Results are shared
 * with the result cache by reference, so keeping a run costs little memory
 * while its result is still cached.
 */
export function createRunStore(options: RunStoreOptions) {
  const runs = new Map<string, StoredRun & { storedAt: number }>();

  function dropExpired(at: number): void {
    // Runs are inserted in time order, so the expired ones are at the front.
    for (const [runId, run] of runs) {
      if (at - run.storedAt < options.keepMs) break;
      runs.delete(runId);
    }
  }

  function add(userId: number, sql: string, result: UpstreamResult, fetchedAt: Date): string {
    const at = options.now();
    dropExpired(at);

    const runId = randomUUID();
    runs.set(runId, { runId, userId, sql, result, fetchedAt, storedAt: at });

    const ownRuns = [...runs.values()].filter((run) => run.userId === userId);
    for (const run of ownRuns.slice(0, Math.max(0, ownRuns.length - options.maxPerUser))) runs.delete(run.runId);
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
