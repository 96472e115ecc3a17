import { lazy } from 'react';
import { loadOnce } from './load-once.js';

/**
 * Starts loading the console's chunk (`ConsolePage` and what it imports, but not
 * the lazy editor), or returns the load already under way. The sign-in page
 * starts it when the user types, so the chunk has usually arrived before sign-in ends.
 */
export const loadConsole = loadOnce(() => import('./ConsolePage.js'));

export const LazyConsolePage = lazy(async () => ({ default: (await loadConsole()).ConsolePage }));

// A hint and not a secret, because the editor's tabs stay in localStorage after sign-out too.
const CONSOLE_SHOWN_KEY = 'sql-console.console-shown';

/** Records that this browser profile has shown the console, so later page loads fetch it before the session check ends. */
export function rememberConsoleShown(): void {
  try {
    localStorage.setItem(CONSOLE_SHOWN_KEY, '1');
  } catch {
    // Storage can be switched off, and then the console loads after the session check.
  }
}

/** Returns whether this browser profile has shown the console before. */
export function consoleShownBefore(): boolean {
  try {
    return localStorage.getItem(CONSOLE_SHOWN_KEY) !== null;
  } catch {
    return false;
  }
}
