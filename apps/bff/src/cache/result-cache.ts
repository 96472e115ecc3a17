import type { UpstreamResult } from '../upstream/sql-api-client.js';

export interface ResultCacheOptions {
  /** How long a result is served from the cache. 0 turns the cache off. */
  ttlMs: number;
  maxEntries: number;
  /** Bound on the estimated size of all cached results together. */
  maxBytes: number;
  now?: () => number;
}

export interface CachedResult {
  result: UpstreamResult;
  /** When the SQL API sent the result, in epoch milliseconds. */
  fetchedAt: number;
}

/**
 * Recent results of the SQL API, keyed by the normalized SQL text. Every user
 * shares it, because every query runs with the same token on the same data.
 * The least recently used result goes first when a bound is reached.
 */
export interface ResultCache {
  get(key: string): CachedResult | undefined;
  set(key: string, entry: CachedResult): void;
  readonly size: number;
}

export const DEFAULT_CACHE_MAX_ENTRIES = 200;
export const DEFAULT_CACHE_MAX_BYTES = 32 * 1024 * 1024;

interface Entry extends CachedResult {
  bytes: number;
}

export function createResultCache(options: ResultCacheOptions): ResultCache {
  const now = options.now ?? (() => Date.now());
  // A Map iterates in insertion order, and `get` re-inserts, so the first key is the least recently used.
  const entries = new Map<string, Entry>();
  let totalBytes = 0;

  function remove(key: string, entry: Entry): void {
    entries.delete(key);
    totalBytes -= entry.bytes;
  }

  function isFresh(entry: Entry, at: number): boolean {
    return at - entry.fetchedAt < options.ttlMs;
  }

  function get(key: string): CachedResult | undefined {
    const entry = entries.get(key);
    if (!entry) return undefined;

    remove(key, entry);
    if (!isFresh(entry, now())) return undefined;
    entries.set(key, entry);
    totalBytes += entry.bytes;
    return { result: entry.result, fetchedAt: entry.fetchedAt };
  }

  function set(key: string, cached: CachedResult): void {
    if (options.ttlMs <= 0) return;
    const bytes = estimateBytes(cached.result);
    if (bytes > options.maxBytes) return;

    const previous = entries.get(key);
    if (previous) remove(key, previous);

    const at = now();
    for (const [staleKey, entry] of entries) {
      if (!isFresh(entry, at)) remove(staleKey, entry);
    }
    for (const [oldestKey, entry] of entries) {
      if (entries.size < options.maxEntries && totalBytes + bytes <= options.maxBytes) break;
      remove(oldestKey, entry);
    }

    entries.set(key, { ...cached, bytes });
    totalBytes += bytes;
  }

  return {
    get,
    set,
    get size() {
      return entries.size;
    },
  };
}

/**
 * Estimates a result's memory as the size of its JSON text, which is close
 * enough to bound the cache. The SQL API's body size is used when known.
 */
export function estimateBytes(result: UpstreamResult): number {
  if (result.sizeBytes !== undefined) return result.sizeBytes;
  return JSON.stringify(result.columns).length + result.rowsJson.length;
}
