import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A React root in a fresh container attached to the jsdom document. */
export interface TestRoot {
  container: HTMLDivElement;
  render: (node: ReactNode) => void;
  /** Unmounts the tree and removes the container; call it in afterEach. */
  cleanup: () => void;
  byTestId: (id: string) => HTMLElement | null;
}

export function mountRoot(): TestRoot {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  return {
    container,
    render: (node) => act(() => root.render(node)),
    cleanup: () => {
      act(() => root.unmount());
      container.remove();
    },
    byTestId: (id) => container.querySelector(`[data-testid="${id}"]`),
  };
}

/** Waits, letting React and timers run, until `check` holds; fails after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
}
