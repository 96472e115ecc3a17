import { createContext, useContext } from 'react';
import type { ResultView } from '../query/run-state.js';

/**
 * Console operations for the sidebar panels (schema browser, saved queries,
 * history): put SQL into the editor and read the active tab and result.
 */
export interface ConsoleActions {
  /** Opens SQL in a new editor tab. */
  openInNewTab: (sql: string, title?: string) => void;
  /** Inserts text at the editor's cursor, e.g. a table name from the schema browser. */
  insertText: (text: string) => void;
  /** Returns the active tab's title and full SQL text. */
  activeQuery: () => { title: string; sql: string };
  /** The result on screen, e.g. to save as a snapshot by its runId. */
  result: ResultView | null;
}

export const ConsoleActionsContext = createContext<ConsoleActions | null>(null);

export function useConsoleActions(): ConsoleActions {
  const actions = useContext(ConsoleActionsContext);
  if (actions === null) throw new Error('useConsoleActions must be called inside the console page');
  return actions;
}
