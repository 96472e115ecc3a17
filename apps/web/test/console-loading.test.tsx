// @vitest-environment jsdom
import type { SessionResponse } from '@console/shared-types';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, Suspense, type ComponentType } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app/App.js';
import { consoleShownBefore, rememberConsoleShown } from '../src/app/console-chunk.js';
import { ConsoleErrorBoundary } from '../src/app/ConsoleErrorBoundary.js';
import { chunkLoader, lazyFromChunk, loadOnce } from '../src/app/load-once.js';
import { SESSION_QUERY_KEY } from '../src/session/session-api.js';
import { mountRoot, waitFor, type TestRoot } from './support/dom-root.js';

// Counts evaluations of the console module, which only a dynamic import causes.
const consoleModule = vi.hoisted(() => ({ evaluations: 0 }));
vi.mock('../src/app/ConsolePage.js', () => {
  consoleModule.evaluations += 1;
  return { ConsolePage: ({ session }: { session: SessionResponse }) => <p data-testid="console-stub">{session.user.username}</p> };
});

const session: SessionResponse = { user: { id: 1, username: 'demo', role: 'admin' }, csrfToken: 'token' };

describe('loadOnce', () => {
  it('shares one load between callers', async () => {
    const load = vi.fn(() => Promise.resolve('chunk'));
    const loadChunk = loadOnce(load);
    expect(await Promise.all([loadChunk(), loadChunk()])).toEqual(['chunk', 'chunk']);
    expect(await loadChunk()).toBe('chunk');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('starts again after a failed load', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce('chunk');
    const loadChunk = loadOnce(load);
    await expect(loadChunk()).rejects.toThrow('offline');
    await expect(loadChunk()).resolves.toBe('chunk');
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('console hint', () => {
  beforeEach(() => localStorage.clear());

  it('is absent in a new browser profile', () => {
    expect(consoleShownBefore()).toBe(false);
  });

  it('is present once the console was shown', () => {
    rememberConsoleShown();
    expect(consoleShownBefore()).toBe(true);
  });
});

describe('App', () => {
  let root: TestRoot;
  let queryClient: QueryClient;

  beforeEach(() => {
    localStorage.clear();
    root = mountRoot();
    queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    // A known session state, so the app sends no GET /api/session.
    queryClient.setQueryData<SessionResponse | null>(SESSION_QUERY_KEY, null);
  });

  afterEach(() => {
    root.cleanup();
    queryClient.clear();
  });

  it('loads console only after typing', async () => {
    root.render(
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>,
    );
    expect(root.byTestId('signin-form')).not.toBeNull();
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(consoleModule.evaluations).toBe(0);

    const username = root.byTestId('signin-username');
    if (username === null) throw new Error('the sign-in page has no username field');
    act(() => {
      username.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await waitFor(() => consoleModule.evaluations > 0, 1000);
    expect(consoleModule.evaluations).toBe(1);
    expect(consoleShownBefore()).toBe(false);

    act(() => {
      queryClient.setQueryData<SessionResponse | null>(SESSION_QUERY_KEY, session);
    });
    await waitFor(() => root.byTestId('console-stub') !== null);
    expect(root.byTestId('console-stub')?.textContent).toBe('demo');
    expect(consoleShownBefore()).toBe(true);
    expect(consoleModule.evaluations).toBe(1);
  });

  it('drops the previous user data on session end', async () => {
    queryClient.setQueryData<SessionResponse | null>(SESSION_QUERY_KEY, session);
    queryClient.setQueryData(['history'], [{ sql: 'SELECT 1' }]);
    root.render(
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>,
    );
    await waitFor(() => root.byTestId('console-stub') !== null);
    expect(queryClient.getQueryData(['history'])).toHaveLength(1);

    act(() => {
      queryClient.setQueryData<SessionResponse | null>(SESSION_QUERY_KEY, null);
    });
    await waitFor(() => root.byTestId('signin-form') !== null);
    expect(queryClient.getQueryData(['history'])).toBeUndefined();
    expect(queryClient.getQueryData(SESSION_QUERY_KEY)).toBeNull();
  });
});

describe('lazyFromChunk', () => {
  let root: TestRoot;

  beforeEach(() => {
    root = mountRoot();
  });

  afterEach(() => root.cleanup());

  const pageChunk = () => chunkLoader(async () => ({ Page: () => <p data-testid="page">ready</p> }));

  function renderInSuspense(Page: ComponentType): void {
    act(() => {
      root.render(
        <Suspense fallback={<p data-testid="fallback">waiting</p>}>
          <Page />
        </Suspense>,
      );
    });
  }

  it('renders a loaded chunk at once', async () => {
    const chunk = pageChunk();
    await chunk.load();
    renderInSuspense(lazyFromChunk(chunk, (module) => module.Page));
    expect(root.byTestId('page')?.textContent).toBe('ready');
    expect(root.byTestId('fallback')).toBeNull();
  });

  it('shows fallback until chunk arrives', async () => {
    renderInSuspense(lazyFromChunk(pageChunk(), (module) => module.Page));
    expect(root.byTestId('fallback')).not.toBeNull();
    await waitFor(() => root.byTestId('page') !== null);
    expect(root.byTestId('page')?.textContent).toBe('ready');
  });
});

describe('ConsoleErrorBoundary', () => {
  let root: TestRoot;

  beforeEach(() => {
    root = mountRoot();
    // React reports the caught error on the console; the test checks the page instead.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    root.cleanup();
    vi.restoreAllMocks();
  });

  it('shows failure and Reload button', () => {
    function FailedChunk(): never {
      throw new TypeError('Failed to fetch dynamically imported module: /assets/ConsolePage.js');
    }
    root.render(
      <ConsoleErrorBoundary>
        <FailedChunk />
      </ConsoleErrorBoundary>,
    );
    expect(root.byTestId('console-failed')).not.toBeNull();
    expect(root.byTestId('error-panel')?.textContent).toContain('Failed to fetch dynamically imported module');
    expect(root.container.querySelector('button')?.textContent).toBe('Reload');
  });
});
