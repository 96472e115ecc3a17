import type { SavedQueryDetail, User } from '@console/shared-types';
import { createContext, useContext } from 'react';

/** The editor tab a save applies to. */
export interface ActiveTabInfo {
  tabId: string;
  title: string;
  sql: string;
  /** The saved query this tab was opened from or saved as. */
  savedId: string | null;
  /** runId of the tab's result on screen, which can be attached as a snapshot; null without a fresh result. */
  runId: string | null;
}

/** Console page operations for the Saved panel and the share link. */
export interface SavedQueryActions {
  user: User;
  activeTab: () => ActiveTabInfo;
  /** Opens a saved query in a tab and shows its snapshot, without running it. */
  open: (query: SavedQueryDetail) => void;
  /** Links a tab to a saved query and gives the tab the query's title. */
  linkTab: (tabId: string, savedId: string, title: string) => void;
  /** Opens the dialog that saves the active tab's query (also Ctrl+S). */
  requestSave: () => void;
  /** Unlinks the tabs of a deleted saved query. */
  forget: (savedId: string) => void;
}

export const SavedQueryActionsContext = createContext<SavedQueryActions | null>(null);

export function useSavedQueryActions(): SavedQueryActions {
  const actions = useContext(SavedQueryActionsContext);
  if (actions === null) throw new Error('useSavedQueryActions must be called inside the console page');
  return actions;
}
