import type { SqlPosition } from '@console/shared-types';

/** The SQL to run and where it starts in the editor text, 1-based. */
export interface RunnableSql {
  sql: string;
  line: number;
  column: number;
}

/** Operations the console page calls on the loaded editor. */
export interface EditorHandle {
  /** The selection when there is one, otherwise the statement under the cursor. */
  getRunnableSql: () => RunnableSql;
  /** Closes the suggestion list, which would otherwise stay open over the editor during a run. */
  closeSuggestions: () => void;
  /** Underlines `position` in the tab's text; null clears every underline. */
  showError: (tabId: string, position: SqlPosition | null, message: string) => void;
  /** Formats the selection, or the whole text when nothing is selected. */
  format: () => Promise<void>;
  /** Inserts text at the cursor, replacing the selection. */
  insertText: (text: string) => void;
  focus: () => void;
}
