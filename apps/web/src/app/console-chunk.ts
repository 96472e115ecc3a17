import { editorChunk } from '../editor/editor-chunk.js';
import { chunkLoader, lazyFromChunk } from './load-once.js';

const consoleChunk = chunkLoader(() => import('./ConsolePage.js'));

/**
 * Starts loading the console's chunk (`ConsolePage` and what it imports, but
 * not the editor), or returns the load already under way. The sign-in page
 * starts it when the user types, so it has usually arrived before sign-in ends.
 */
export const loadConsole = consoleChunk.load;

/**
 * Starts loading the editor's chunk with Monaco. The sign-in page starts it on
 * submit and not while the user types, because evaluating Monaco blocks the
 * main thread for a moment.
 */
export function loadEditor(): void {
  editorChunk.load().catch(() => undefined);
}

export const LazyConsolePage = lazyFromChunk(consoleChunk, (module) => module.ConsolePage);

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
