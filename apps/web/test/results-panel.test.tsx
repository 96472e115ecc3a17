// @vitest-environment jsdom
import type { QueryResponse } from '@console/shared-types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/api-error.js';
import { IDLE_RUN, type RunState } from '../src/query/run-state.js';
import { formatMilliseconds, ResultsPanel } from '../src/results/ResultsPanel.js';
import { mountRoot, type TestRoot } from './support/dom-root.js';

const response: QueryResponse = {
  runId: 'run-1',
  columns: [
    { name: 'id', type: 'BIGINT' },
    { name: 'note', type: 'STRING' },
  ],
  rows: [
    ['9007199254740993', null],
    ['1', ''],
  ],
  rowCount: 2,
  truncated: false,
  executionTimeMs: 1234,
  fetchedAt: '2026-12-04T12:00:00Z',
  cached: null,
  budget: {
    user: { limit: 6, remaining: 5, resetInSeconds: 0, windowSeconds: 60 },
    shared: { limit: 6, remaining: 5, resetInSeconds: 0, windowSeconds: 60 },
    upstreamPausedForSeconds: 0,
  },
};

function done(overrides: Partial<QueryResponse> = {}): RunState {
  const request = { sql: 'SELECT 1', origin: { tabId: 't', line: 1, column: 1 } };
  return {
    ...IDLE_RUN,
    phase: 'done',
    request,
    startedAt: Date.now(),
    result: { response: { ...response, ...overrides }, receivedAt: Date.now(), request },
  };
}

let root: TestRoot;

beforeEach(() => {
  root = mountRoot();
});

afterEach(() => root.cleanup());

function render(state: RunState): void {
  root.render(<ResultsPanel state={state} title="Query 1" onRunFresh={() => undefined} />);
}

function byTestId(id: string): HTMLElement | null {
  return root.byTestId(id);
}

describe('ResultsPanel', () => {
  it('tells a new user how to run a query', () => {
    render(IDLE_RUN);
    expect(byTestId('results-empty')?.textContent).toContain('Ctrl+Enter');
    expect(byTestId('results-grid')).toBeNull();
  });

  it('shows row count, time and the grid', () => {
    render(done());
    expect(byTestId('row-count')?.textContent).toBe('2 rows');
    expect(byTestId('execution-time')?.textContent).toContain('1,234 ms');
    expect(byTestId('results-grid')).not.toBeNull();
    expect(byTestId('truncated-notice')).toBeNull();
    expect(byTestId('cached-notice')).toBeNull();
  });

  it('explains a truncated result', () => {
    render(done({ truncated: true }));
    const notice = byTestId('truncated-notice')?.textContent ?? '';
    expect(notice).toContain('Only the first 2 rows are shown');
    expect(notice).toContain('Delta Sharing');
  });

  it('shows the age of a cached result', () => {
    render(done({ cached: { ageSeconds: 7 } }));
    expect(byTestId('cached-notice')?.textContent).toContain('Cached result from 7 s ago');
    expect(byTestId('run-fresh')).not.toBeNull();
  });

  it('shows an engine error in words', () => {
    const error = new ApiError(400, { code: 'sql_error', message: 'Catalog Error: Table with name nope does not exist!' });
    render({ ...IDLE_RUN, phase: 'failed', error });
    const panel = byTestId('error-panel')?.textContent ?? '';
    expect(panel).toContain('The SQL engine rejected the query.');
    expect(panel).toContain('Table with name nope does not exist!');
  });

  it('counts down after a rate limit', () => {
    const error = new ApiError(429, {
      code: 'budget_exhausted',
      message: 'The shared budget is used up.',
      retryAfterSeconds: 30,
      limit: 'shared',
    });
    render({ ...IDLE_RUN, phase: 'failed', error, retryDeadline: Date.now() + 30_000 });
    expect(byTestId('error-panel')?.textContent).toContain('shared by everyone');
    expect(byTestId('retry-countdown')?.textContent).toMatch(/You can try again in (29|30) s\./);
  });
});

describe('formatMilliseconds', () => {
  it('groups thousands', () => {
    expect(formatMilliseconds(0)).toBe('0');
    expect(formatMilliseconds(999)).toBe('999');
    expect(formatMilliseconds(1234)).toBe('1,234');
    expect(formatMilliseconds(1234567.4)).toBe('1,234,567');
  });
});
