/** One editor tab: its own SQL text, kept across reloads. */
export interface EditorTab {
  id: string;
  title: string;
  sql: string;
}

export interface TabsState {
  tabs: EditorTab[];
  activeId: string;
}

export const TABS_STORAGE_KEY = 'sql-console.tabs.v1';

export const FIRST_TAB_SQL = 'SELECT * FROM conversation LIMIT 10';

/** Makes a tab id that is unique within this browser profile. */
export function newTabId(): string {
  return `tab-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Returns the next free "Query N" title. */
export function nextTabTitle(tabs: readonly EditorTab[]): string {
  const used = new Set(tabs.map((tab) => tab.title));
  let number = tabs.length + 1;
  while (used.has(`Query ${number}`)) number++;
  return `Query ${number}`;
}

export function initialTabs(makeId: () => string = newTabId): TabsState {
  const id = makeId();
  return { tabs: [{ id, title: 'Query 1', sql: FIRST_TAB_SQL }], activeId: id };
}

function isTab(value: unknown): value is EditorTab {
  if (typeof value !== 'object' || value === null) return false;
  const { id, title, sql } = value as Record<string, unknown>;
  return typeof id === 'string' && id !== '' && typeof title === 'string' && typeof sql === 'string';
}

/**
 * Reads tabs saved by `serializeTabs`. Anything unreadable (another version,
 * hand-edited storage) gives the initial single tab instead of an error.
 */
export function parseTabs(raw: string | null, makeId: () => string = newTabId): TabsState {
  if (raw === null) return initialTabs(makeId);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return initialTabs(makeId);
  }
  if (typeof value !== 'object' || value === null) return initialTabs(makeId);

  const { tabs, activeId } = value as { tabs?: unknown; activeId?: unknown };
  if (!Array.isArray(tabs)) return initialTabs(makeId);
  const seen = new Set<string>();
  const valid = tabs.filter(isTab).filter((tab) => !seen.has(tab.id) && seen.add(tab.id));
  const first = valid[0];
  if (first === undefined) return initialTabs(makeId);

  const active = valid.some((tab) => tab.id === activeId) ? (activeId as string) : first.id;
  return { tabs: valid.map(({ id, title, sql }) => ({ id, title, sql })), activeId: active };
}

export function serializeTabs(state: TabsState): string {
  return JSON.stringify(state);
}

export function activeTab(state: TabsState): EditorTab {
  const found = state.tabs.find((tab) => tab.id === state.activeId) ?? state.tabs[0];
  if (found === undefined) throw new Error('tabs state has no tabs');
  return found;
}

export function addTab(state: TabsState, sql = '', title?: string, makeId: () => string = newTabId): TabsState {
  const id = makeId();
  const tab = { id, title: title ?? nextTabTitle(state.tabs), sql };
  return { tabs: [...state.tabs, tab], activeId: id };
}

/** Closes a tab and activates its neighbour; closing the last tab leaves one empty tab. */
export function closeTab(state: TabsState, id: string, makeId: () => string = newTabId): TabsState {
  const index = state.tabs.findIndex((tab) => tab.id === id);
  if (index === -1) return state;
  const tabs = state.tabs.filter((tab) => tab.id !== id);
  if (tabs.length === 0) {
    const fresh = { id: makeId(), title: 'Query 1', sql: '' };
    return { tabs: [fresh], activeId: fresh.id };
  }
  if (state.activeId !== id) return { tabs, activeId: state.activeId };
  const neighbour = tabs[Math.min(index, tabs.length - 1)];
  return { tabs, activeId: neighbour?.id ?? tabs[0]?.id ?? '' };
}

export function activateTab(state: TabsState, id: string): TabsState {
  return state.tabs.some((tab) => tab.id === id) ? { ...state, activeId: id } : state;
}

export function updateTabSql(state: TabsState, id: string, sql: string): TabsState {
  return { ...state, tabs: state.tabs.map((tab) => (tab.id === id && tab.sql !== sql ? { ...tab, sql } : tab)) };
}

/** Renames a tab; a blank title is ignored. */
export function renameTab(state: TabsState, id: string, title: string): TabsState {
  const trimmed = title.trim();
  if (trimmed === '') return state;
  return { ...state, tabs: state.tabs.map((tab) => (tab.id === id ? { ...tab, title: trimmed } : tab)) };
}

/** Reads the saved tabs; storage that throws (privacy mode) gives the initial tab. */
export function loadTabs(storage: Pick<Storage, 'getItem'>): TabsState {
  try {
    return parseTabs(storage.getItem(TABS_STORAGE_KEY));
  } catch {
    return initialTabs();
  }
}

/** Writes the tabs; returns false when the browser refused, e.g. storage full. */
export function saveTabs(storage: Pick<Storage, 'setItem'>, state: TabsState): boolean {
  try {
    storage.setItem(TABS_STORAGE_KEY, serializeTabs(state));
    return true;
  } catch {
    return false;
  }
}
