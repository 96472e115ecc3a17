import { describe, expect, it } from 'vitest';
import {
  activeTab,
  addTab,
  closeTab,
  FIRST_TAB_SQL,
  loadTabs,
  nextTabTitle,
  parseTabs,
  renameTab,
  saveTabs,
  serializeTabs,
  TABS_STORAGE_KEY,
  updateTabSql,
  type TabsState,
} from '../src/editor/tabs.js';

function counterIds(): () => string {
  let next = 0;
  return () => `id-${++next}`;
}

/** An in-memory Storage, so persistence is tested through the same interface the browser offers. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

const twoTabs: TabsState = {
  tabs: [
    { id: 'a', title: 'Query 1', sql: 'SELECT 1' },
    { id: 'b', title: 'Revenue', sql: 'SELECT 2' },
  ],
  activeId: 'b',
};

describe('tab persistence', () => {
  it('round-trips through storage', () => {
    const storage = new MemoryStorage();
    expect(saveTabs(storage, twoTabs)).toBe(true);
    expect(loadTabs(storage)).toEqual(twoTabs);
  });

  it('keeps text with quotes, newlines and emoji', () => {
    const state: TabsState = { tabs: [{ id: 'x', title: 'Ünïcode 🎉', sql: "SELECT 'a\"b'\n-- é 🚀\n" }], activeId: 'x' };
    expect(parseTabs(serializeTabs(state))).toEqual(state);
  });

  it('starts with one example tab when nothing is stored', () => {
    const state = parseTabs(null, counterIds());
    expect(state).toEqual({ tabs: [{ id: 'id-1', title: 'Query 1', sql: FIRST_TAB_SQL }], activeId: 'id-1' });
  });

  it('starts fresh from unreadable storage', () => {
    for (const raw of ['not json', '42', '{"tabs":"x"}', '{"tabs":[]}', '{"tabs":[{"id":1}]}', 'null']) {
      const state = parseTabs(raw, counterIds());
      expect(state.tabs, raw).toHaveLength(1);
      expect(state.activeId, raw).toBe('id-1');
    }
  });

  it('drops invalid and duplicate tabs and repairs the active id', () => {
    const raw = JSON.stringify({
      tabs: [{ id: 'a', title: 'A', sql: '1' }, { id: 'a', title: 'dup', sql: '2' }, { id: 'b', title: 5 }, { id: 'c', title: 'C', sql: '3', extra: true }],
      activeId: 'gone',
    });
    expect(parseTabs(raw)).toEqual({
      tabs: [
        { id: 'a', title: 'A', sql: '1' },
        { id: 'c', title: 'C', sql: '3' },
      ],
      activeId: 'a',
    });
  });

  it('reports a refused write instead of throwing', () => {
    const full = {
      setItem: () => {
        throw new DOMException('quota exceeded', 'QuotaExceededError');
      },
    };
    expect(saveTabs(full, twoTabs)).toBe(false);
  });

  it('reads the initial tab when storage throws', () => {
    const blocked = {
      getItem: (): string | null => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    expect(loadTabs(blocked).tabs).toHaveLength(1);
  });

  it('stores under a versioned key', () => {
    const storage = new MemoryStorage();
    saveTabs(storage, twoTabs);
    expect([...storage.items.keys()]).toEqual([TABS_STORAGE_KEY]);
  });
});

describe('tab changes', () => {
  it('adds a tab with the next free title and activates it', () => {
    const state = addTab(twoTabs, 'SELECT 3', undefined, counterIds());
    expect(state.tabs.map((tab) => tab.title)).toEqual(['Query 1', 'Revenue', 'Query 3']);
    expect(activeTab(state)).toEqual({ id: 'id-1', title: 'Query 3', sql: 'SELECT 3' });
  });

  it('skips titles already taken', () => {
    expect(nextTabTitle([{ id: 'a', title: 'Query 2', sql: '' }])).toBe('Query 3');
  });

  it('activates the neighbour of a closed active tab', () => {
    const state = closeTab(twoTabs, 'b');
    expect(state.tabs.map((tab) => tab.id)).toEqual(['a']);
    expect(state.activeId).toBe('a');
  });

  it('keeps the active tab when closing another', () => {
    expect(closeTab(twoTabs, 'a').activeId).toBe('b');
  });

  it('leaves one empty tab after closing the last', () => {
    const single: TabsState = { tabs: [{ id: 'a', title: 'Query 1', sql: 'SELECT 1' }], activeId: 'a' };
    expect(closeTab(single, 'a', counterIds())).toEqual({ tabs: [{ id: 'id-1', title: 'Query 1', sql: '' }], activeId: 'id-1' });
  });

  it('updates the text of one tab only', () => {
    const state = updateTabSql(twoTabs, 'a', 'SELECT 42');
    expect(state.tabs[0]?.sql).toBe('SELECT 42');
    expect(state.tabs[1]).toBe(twoTabs.tabs[1]);
  });

  it('ignores a blank rename', () => {
    expect(renameTab(twoTabs, 'a', '   ')).toBe(twoTabs);
    expect(renameTab(twoTabs, 'a', ' Daily ').tabs[0]?.title).toBe('Daily');
  });
});
