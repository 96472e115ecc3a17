/**
 * Links between editor tabs and the saved queries they were opened from or
 * saved as, so "Save" updates the saved query instead of making a new one.
 * Kept in localStorage next to the tabs, so the link survives a reload.
 */
export type TabLinks = Readonly<Record<string, string>>;

export const TAB_LINKS_STORAGE_KEY = 'sql-console.saved-links.v1';

/** Reads stored links; anything unreadable gives no links rather than an error. */
export function parseTabLinks(raw: string | null): TabLinks {
  if (raw === null) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const links: Record<string, string> = {};
  for (const [tabId, savedId] of Object.entries(value)) {
    if (typeof savedId === 'string' && savedId !== '') links[tabId] = savedId;
  }
  return links;
}

export function linkTab(links: TabLinks, tabId: string, savedId: string): TabLinks {
  return links[tabId] === savedId ? links : { ...links, [tabId]: savedId };
}

/** Drops the links of the given saved query, e.g. after it was deleted. */
export function unlinkSavedQuery(links: TabLinks, savedId: string): TabLinks {
  const kept = Object.entries(links).filter(([, id]) => id !== savedId);
  return kept.length === Object.keys(links).length ? links : Object.fromEntries(kept);
}

/** Keeps only the links of tabs that still exist. */
export function pruneTabLinks(links: TabLinks, tabIds: readonly string[]): TabLinks {
  const open = new Set(tabIds);
  const kept = Object.entries(links).filter(([tabId]) => open.has(tabId));
  return kept.length === Object.keys(links).length ? links : Object.fromEntries(kept);
}

/** Returns the first tab linked to the saved query, or null. */
export function tabOfSavedQuery(links: TabLinks, savedId: string): string | null {
  return Object.entries(links).find(([, id]) => id === savedId)?.[0] ?? null;
}

export function loadTabLinks(storage: Pick<Storage, 'getItem'>): TabLinks {
  try {
    return parseTabLinks(storage.getItem(TAB_LINKS_STORAGE_KEY));
  } catch {
    return {};
  }
}

export function saveTabLinks(storage: Pick<Storage, 'setItem'>, links: TabLinks): void {
  try {
    storage.setItem(TAB_LINKS_STORAGE_KEY, JSON.stringify(links));
  } catch {
    // Storage full or blocked: the links last until the page closes.
  }
}
