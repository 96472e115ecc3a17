// @vitest-environment jsdom
/// <reference types="node" />
import type { QueryResponse } from '@console/shared-types';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { act } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoppedError } from '../src/api/api-error.js';
import type { RunRequest } from '../src/query/run-state.js';
import { useQueryRun, type QueryRuns } from '../src/query/use-query-run.js';
import { mountRoot, waitFor, type TestRoot } from './support/dom-root.js';

const budget = {
  user: { limit: 6, remaining: 5, resetInSeconds: 0, windowSeconds: 60 },
  shared: { limit: 6, remaining: 5, resetInSeconds: 0, windowSeconds: 60 },
  upstreamPausedForSeconds: 0,
};

function answer(sql: string): QueryResponse {
  return {
    runId: `run-${sql}`,
    columns: [{ name: 'sql', type: 'STRING' }],
    rows: [[sql]],
    rowCount: 1,
    truncated: false,
    executionTimeMs: 5,
    fetchedAt: '2026-12-04T12:00:00Z',
    cached: null,
    budget,
  };
}

const realFetch = globalThis.fetch;
let server: Server;

beforeAll(async () => {
  // SQL text decides the response: "slow" waits, "limit" is a 429, anything else returns its text as a row.
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const { sql } = JSON.parse(body) as { sql: string };
      const send = (status: number, value: unknown) => {
        if (response.destroyed) return;
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(value));
      };
      if (sql === 'limit') {
        send(429, { error: { code: 'user_rate_limited', message: 'Too many.', retryAfterSeconds: 20, limit: 'user', budget } });
      } else {
        setTimeout(() => send(200, answer(sql)), sql === 'slow' ? 500 : 0);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => realFetch(`${origin}${input}`, init));
});

afterAll(async () => {
  vi.unstubAllGlobals();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let root: TestRoot;
let runs: QueryRuns | null = null;

function Probe() {
  runs = useQueryRun();
  return null;
}

function current(): QueryRuns {
  if (runs === null) throw new Error('the probe component has not rendered');
  return runs;
}

function request(tabId: string, sql: string): RunRequest {
  return { sql, origin: { tabId, line: 1, column: 1 } };
}

beforeEach(() => {
  root = mountRoot();
  root.render(
    <QueryClientProvider client={new QueryClient()}>
      <Probe />
    </QueryClientProvider>,
  );
});

afterEach(() => {
  root.cleanup();
  runs = null;
});

describe('useQueryRun', () => {
  it('keeps results per tab', async () => {
    act(() => current().run(request('a', 'first')));
    act(() => current().run(request('b', 'second')));
    await waitFor(() => current().states['a']?.phase === 'done' && current().states['b']?.phase === 'done');
    expect(current().states['a']?.result?.response.rows).toEqual([['first']]);
    expect(current().states['b']?.result?.response.rows).toEqual([['second']]);
  });

  it('stops waiting on Stop', async () => {
    act(() => current().run(request('a', 'slow')));
    expect(current().states['a']?.phase).toBe('running');
    act(() => current().stop('a'));
    expect(current().states['a']?.phase).toBe('stopped');
    expect(current().states['a']?.error).toBeInstanceOf(StoppedError);
    // The aborted response never lands later.
    await act(() => new Promise((resolve) => setTimeout(resolve, 700)));
    expect(current().states['a']?.phase).toBe('stopped');
  });

  it('lets a newer run replace a pending one', async () => {
    act(() => current().run(request('a', 'slow')));
    act(() => current().run(request('a', 'quick')));
    await waitFor(() => current().states['a']?.phase === 'done');
    expect(current().states['a']?.result?.response.rows).toEqual([['quick']]);
  });

  it('sets a retry deadline on a 429', async () => {
    const before = Date.now();
    act(() => current().run(request('a', 'limit')));
    await waitFor(() => current().states['a']?.phase === 'failed');
    const deadline = current().states['a']?.retryDeadline ?? 0;
    expect(deadline).toBeGreaterThanOrEqual(before + 20_000);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 20_000);
  });

  it('drops a closed tab', async () => {
    act(() => current().run(request('a', 'first')));
    await waitFor(() => current().states['a']?.phase === 'done');
    act(() => current().forget('a'));
    expect(current().states['a']).toBeUndefined();
  });
});
