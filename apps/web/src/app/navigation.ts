import { useSyncExternalStore } from 'react';

// pushState and replaceState fire no event, so navigate() announces its own changes.
const CHANGE_EVENT = 'console:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

function currentPath(): string {
  return window.location.pathname;
}

/** Returns the page's path, such as `/q/<id>` or `/audit`, and re-renders when it changes. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** Changes the address without a page load; `replace` keeps the Back button's entry as it is. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (window.location.pathname === path) return;
  if (options.replace === true) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}
