import { useCallback, useEffect, useState } from 'react';
import {
  activateTab,
  addTab,
  closeTab,
  loadTabs,
  renameTab,
  saveTabs,
  updateTabSql,
  type TabsState,
} from './tabs.js';

export interface TabsApi {
  state: TabsState;
  activate: (id: string) => void;
  add: (sql?: string, title?: string) => void;
  close: (id: string) => void;
  rename: (id: string, title: string) => void;
  setSql: (id: string, sql: string) => void;
}

/**
 * Editor tabs kept in localStorage on every change, so a reload or a sign-in
 * after the session ended finds the text as it was.
 */
export function useTabs(): TabsApi {
  const [state, setState] = useState<TabsState>(() => loadTabs(localStorage));

  useEffect(() => {
    saveTabs(localStorage, state);
  }, [state]);

  return {
    state,
    activate: useCallback((id: string) => setState((current) => activateTab(current, id)), []),
    add: useCallback((sql?: string, title?: string) => setState((current) => addTab(current, sql, title)), []),
    close: useCallback((id: string) => setState((current) => closeTab(current, id)), []),
    rename: useCallback((id: string, title: string) => setState((current) => renameTab(current, id, title)), []),
    setSql: useCallback((id: string, sql: string) => setState((current) => updateTabSql(current, id, sql)), []),
  };
}
