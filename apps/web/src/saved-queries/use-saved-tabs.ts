import type { SavedQueryDetail, Snapshot } from '@console/shared-types';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TabsApi } from '../editor/use-tabs.js';
import {
  linkTab,
  loadTabLinks,
  pruneTabLinks,
  saveTabLinks,
  tabOfSavedQuery,
  unlinkSavedQuery,
  type TabLinks,
} from './tab-links.js';

/** A saved result shown in a tab until the user runs the query. */
export interface TabSnapshot {
  savedId: string;
  snapshot: Snapshot;
  ownerName: string;
}

export interface SavedTabs {
  links: TabLinks;
  /** Saved results per tab id. */
  snapshots: Readonly<Record<string, TabSnapshot>>;
  /** Puts a saved query in a tab: the tab already linked to it, or a new one, and shows its snapshot. */
  open: (query: SavedQueryDetail) => void;
  /** Links a tab to a saved query, after the tab was saved as one. */
  link: (tabId: string, savedId: string) => void;
  /** Forgets a deleted saved query: its tabs stay open but are no longer linked. */
  forget: (savedId: string) => void;
  /** Id of the saved query that `open` last handled, so a share link already open is not fetched twice. */
  lastOpenedId: () => string | null;
}

/**
 * Links between editor tabs and saved queries, and the saved results shown in
 * tabs. `TabsApi.add` does not return the new tab's id, so a new tab is linked
 * in an effect after it appears.
 */
export function useSavedTabs(tabs: TabsApi): SavedTabs {
  const [links, setLinks] = useState<TabLinks>(() => loadTabLinks(localStorage));
  const [snapshots, setSnapshots] = useState<Record<string, TabSnapshot>>({});
  const pending = useRef<{ query: SavedQueryDetail; knownTabs: Set<string> } | null>(null);
  const opened = useRef<string | null>(null);
  const tabsRef = useRef(tabs.state);
  tabsRef.current = tabs.state;
  const linksRef = useRef(links);
  linksRef.current = links;

  useEffect(() => saveTabLinks(localStorage, links), [links]);

  const showSnapshot = useCallback((tabId: string, query: SavedQueryDetail) => {
    const { snapshot } = query;
    setSnapshots((current) => {
      if (snapshot === null) {
        if (!(tabId in current)) return current;
        const { [tabId]: _dropped, ...rest } = current;
        return rest;
      }
      return { ...current, [tabId]: { savedId: query.id, snapshot, ownerName: query.owner.username } };
    });
  }, []);

  // Link the tab that `open` added, once it exists, and drop links and snapshots of closed tabs.
  const tabIds = tabs.state.tabs.map((tab) => tab.id);
  const tabIdsKey = tabIds.join('\n');
  useEffect(() => {
    const waiting = pending.current;
    const added = waiting === null ? undefined : tabIds.find((id) => !waiting.knownTabs.has(id));
    if (waiting !== null && added !== undefined) {
      pending.current = null;
      setLinks((current) => linkTab(current, added, waiting.query.id));
      showSnapshot(added, waiting.query);
    }
    setLinks((current) => pruneTabLinks(current, tabIds));
    setSnapshots((current) => {
      const kept = Object.entries(current).filter(([id]) => tabIds.includes(id));
      return kept.length === Object.keys(current).length ? current : Object.fromEntries(kept);
    });
    // tabIdsKey stands for tabIds, which is a new array on every render.
  }, [tabIdsKey, showSnapshot]);

  const { activate, add } = tabs;
  const open = useCallback(
    (query: SavedQueryDetail) => {
      opened.current = query.id;
      const state = tabsRef.current;
      const current = linksRef.current;

      // The active tab already contains this query (e.g. after a reload): keep the user's text.
      if (current[state.activeId] === query.id) {
        showSnapshot(state.activeId, query);
        return;
      }
      // Another tab contains the same text: switch to it rather than opening a copy.
      const linkedId = tabOfSavedQuery(current, query.id);
      const linked = state.tabs.find((tab) => tab.id === linkedId && tab.sql === query.sql);
      if (linked !== undefined) {
        activate(linked.id);
        showSnapshot(linked.id, query);
        return;
      }
      pending.current = { query, knownTabs: new Set(state.tabs.map((tab) => tab.id)) };
      add(query.sql, query.title);
    },
    [activate, add, showSnapshot],
  );

  const link = useCallback((tabId: string, savedId: string) => setLinks((current) => linkTab(current, tabId, savedId)), []);
  const forget = useCallback((savedId: string) => {
    setLinks((current) => unlinkSavedQuery(current, savedId));
    setSnapshots((current) => {
      const kept = Object.entries(current).filter(([, value]) => value.savedId !== savedId);
      return kept.length === Object.keys(current).length ? current : Object.fromEntries(kept);
    });
  }, []);
  const lastOpenedId = useCallback(() => opened.current, []);

  return useMemo(
    () => ({ links, snapshots, open, link, forget, lastOpenedId }),
    [links, snapshots, open, link, forget, lastOpenedId],
  );
}
