// @vitest-environment jsdom
/// <reference types="node" />
import type { SavedQueryDetail, SchemaResponse } from '@console/shared-types';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveQueryDialog } from '../src/saved-queries/SaveQueryDialog.js';
import { loadSchemaOnce } from '../src/schema/schema-api.js';
import { useShareRoute, type ShareRouteState } from '../src/share/use-share-route.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Recorded {
  method: string;
  path: string;
  body: unknown;
}

function detail(id: string, overrides: Partial<SavedQueryDetail> = {}): SavedQueryDetail {
  return {
    id,
    title: 'Daily counts',
    description: '',
    sql: 'SELECT 1',
    visibility: 'private',
    owner: { id: 1, username: 'demo' },
    createdAt: '2026-12-04T12:00:00Z',
    updatedAt: '2026-12-04T12:00:00Z',
    hasSnapshot: false,
    snapshot: null,
    ...overrides,
  };
}

const schema: SchemaResponse = {
  tables: [{ schema: 'main', name: 'conversation', columns: [{ name: 'id', type: 'BIGINT' }] }],
  fetchedAt: '2026-12-04T12:00:00Z',
  cached: false,
};

/** A stand-in for the BFF's saved-query and schema routes on 127.0.0.1, recording every request. */
const requests: Recorded[] = [];
let schemaStatus = 200;
const realFetch = globalThis.fetch;
let server: Server;

function respond(method: string, path: string, body: unknown): [number, unknown] {
  if (path.startsWith('/api/schema')) {
    return schemaStatus === 200 ? [200, schema] : [schemaStatus, { error: { code: 'upstream_unavailable', message: 'down' } }];
  }
  if (method === 'POST' && path === '/api/saved-queries') return [201, detail('new-1', body as Partial<SavedQueryDetail>)];
  const match = /^\/api\/saved-queries\/([^/]+)(\/snapshot)?$/.exec(path);
  const id = match?.[1];
  if (id === undefined || id === 'gone') return [404, { error: { code: 'not_found', message: 'The saved query was not found.' } }];
  if (id === 'broken') return [500, { error: { code: 'internal_error', message: 'Something failed.' } }];
  if (method === 'DELETE') return [204, null];
  if (method === 'PUT') return [200, detail(id, { hasSnapshot: true })];
  if (method === 'PATCH') return [200, detail(id, body as Partial<SavedQueryDetail>)];
  return [200, detail(id)];
}

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      const method = request.method ?? 'GET';
      const path = request.url ?? '/';
      const body: unknown = text === '' ? undefined : JSON.parse(text);
      requests.push({ method, path, body });
      const [status, value] = respond(method, path, body);
      if (status === 204) {
        response.writeHead(204).end();
        return;
      }
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => realFetch(`${origin}${input}`, init));
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let container: HTMLDivElement;
let root: Root;
let queryClient: QueryClient;

beforeEach(() => {
  requests.length = 0;
  schemaStatus = 200;
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function render(node: ReactNode): void {
  act(() => root.render(<QueryClientProvider client={queryClient}>{node}</QueryClientProvider>));
}

async function waitFor(check: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100 && !check(); attempt++) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  expect(check()).toBe(true);
}

function byTestId<T extends HTMLElement>(id: string): T {
  const element = container.querySelector<T>(`[data-testid="${id}"]`);
  if (element === null) throw new Error(`no element with data-testid="${id}"`);
  return element;
}

/** Sets an input's value the way React notices it. */
function type(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const tab = { tabId: 'tab-1', title: 'Query 1', sql: 'SELECT 42', savedId: null, runId: 'run-7' };

describe('save dialog', () => {
  it('creates the query, then attaches the result by runId', async () => {
    const saved = vi.fn();
    render(<SaveQueryDialog existing={null} tab={tab} onClose={() => undefined} onSaved={saved} />);
    type(byTestId('save-title'), '  Answer  ');
    act(() => byTestId('visibility-shared').click());
    act(() => byTestId('save-include-result').click());
    act(() => byTestId('save-submit').click());
    await waitFor(() => saved.mock.calls.length === 1);

    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /api/saved-queries',
      'PUT /api/saved-queries/new-1/snapshot',
    ]);
    expect(requests[0]?.body).toEqual({ title: 'Answer', description: '', visibility: 'shared', sql: 'SELECT 42' });
    expect(requests[1]?.body).toEqual({ runId: 'run-7' });
    expect((saved.mock.calls[0]?.[0] as SavedQueryDetail).hasSnapshot).toBe(true);
  });

  it('updates a linked query and attaches nothing unasked', async () => {
    const saved = vi.fn();
    render(<SaveQueryDialog existing={detail('abc')} tab={{ ...tab, savedId: 'abc' }} onClose={() => undefined} onSaved={saved} />);
    expect(byTestId<HTMLInputElement>('save-title').value).toBe('Daily counts');
    act(() => byTestId('save-submit').click());
    await waitFor(() => saved.mock.calls.length === 1);

    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual(['PATCH /api/saved-queries/abc']);
    expect(requests[0]?.body).toEqual({ title: 'Daily counts', description: '', visibility: 'private', sql: 'SELECT 42' });
  });

  it('editing from the list leaves the SQL alone', async () => {
    const saved = vi.fn();
    render(<SaveQueryDialog existing={detail('abc')} tab={null} onClose={() => undefined} onSaved={saved} />);
    expect(container.querySelector('[data-testid="save-include-result"]')).toBeNull();
    act(() => byTestId('visibility-shared').click());
    act(() => byTestId('save-submit').click());
    await waitFor(() => saved.mock.calls.length === 1);
    expect(requests[0]?.body).toEqual({ title: 'Daily counts', description: '', visibility: 'shared' });
  });

  it('removes the saved result when asked', async () => {
    const saved = vi.fn();
    render(<SaveQueryDialog existing={detail('abc', { hasSnapshot: true })} tab={null} onClose={() => undefined} onSaved={saved} />);
    act(() => byTestId('save-remove-result').click());
    act(() => byTestId('save-submit').click());
    await waitFor(() => saved.mock.calls.length === 1);
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'PATCH /api/saved-queries/abc',
      'DELETE /api/saved-queries/abc/snapshot',
    ]);
    expect((saved.mock.calls[0]?.[0] as SavedQueryDetail).hasSnapshot).toBe(false);
  });

  it('blank title cannot be saved', () => {
    render(<SaveQueryDialog existing={null} tab={tab} onClose={() => undefined} onSaved={() => undefined} />);
    type(byTestId('save-title'), '   ');
    expect(byTestId<HTMLButtonElement>('save-submit').disabled).toBe(true);
  });

  it('result option needs a run first', () => {
    render(<SaveQueryDialog existing={null} tab={{ ...tab, runId: null }} onClose={() => undefined} onSaved={() => undefined} />);
    expect(byTestId<HTMLInputElement>('save-include-result').disabled).toBe(true);
    expect(byTestId('save-dialog').textContent).toContain('run the query first');
  });

  it('failed save shows the error and keeps the dialog', async () => {
    const saved = vi.fn();
    render(<SaveQueryDialog existing={detail('gone')} tab={{ ...tab, savedId: 'gone' }} onClose={() => undefined} onSaved={saved} />);
    act(() => byTestId('save-submit').click());
    await waitFor(() => container.querySelector('[data-testid="save-error"]') !== null);
    expect(saved).not.toHaveBeenCalled();
    expect(byTestId('save-dialog')).toBeTruthy();
  });
});

function ShareProbe({ id, open, onState }: { id: string | null; open: (query: SavedQueryDetail) => void; onState: (state: ShareRouteState) => void }) {
  onState(useShareRoute(id, { open, alreadyOpened: () => null }));
  return null;
}

describe('share route', () => {
  let state: ShareRouteState = { status: 'none' };
  const record = (next: ShareRouteState) => {
    state = next;
  };

  it('opens a visible query without running it', async () => {
    const open = vi.fn();
    render(<ShareProbe id="abc" open={open} onState={record} />);
    await waitFor(() => state.status === 'opened');
    expect(open).toHaveBeenCalledTimes(1);
    expect((open.mock.calls[0]?.[0] as SavedQueryDetail).id).toBe('abc');
    expect(requests.every((request) => request.method === 'GET' && request.path === '/api/saved-queries/abc')).toBe(true);
  });

  it('404 is "not found" and opens nothing', async () => {
    const open = vi.fn();
    render(<ShareProbe id="gone" open={open} onState={record} />);
    await waitFor(() => state.status === 'not-found');
    expect(open).not.toHaveBeenCalled();
  });

  it('other failures can be retried', async () => {
    const open = vi.fn();
    render(<ShareProbe id="broken" open={open} onState={record} />);
    await waitFor(() => state.status === 'failed');
    const count = requests.length;
    act(() => {
      if (state.status === 'failed') state.retry();
    });
    await waitFor(() => requests.length > count && state.status === 'failed');
    expect(open).not.toHaveBeenCalled();
  });

  it('no id means no request', async () => {
    render(<ShareProbe id={null} open={vi.fn()} onState={record} />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
    expect(state.status).toBe('none');
    expect(requests).toEqual([]);
  });
});

describe('schema loading', () => {
  it('fetches once, then reads the cache', async () => {
    const first = await loadSchemaOnce(queryClient);
    const second = await loadSchemaOnce(queryClient);
    expect(first?.tables[0]?.name).toBe('conversation');
    expect(second).toBe(first);
    expect(requests.map((request) => request.path)).toEqual(['/api/schema']);
  });

  it('does not try again by itself after a failure', async () => {
    schemaStatus = 502;
    await expect(loadSchemaOnce(queryClient)).rejects.toThrow();
    schemaStatus = 200;
    expect(await loadSchemaOnce(queryClient)).toBeUndefined();
    expect(requests).toHaveLength(1);
  });
});
