import { describe, expect, it } from 'vitest';
import {
  linkTab,
  loadTabLinks,
  parseTabLinks,
  pruneTabLinks,
  saveTabLinks,
  TAB_LINKS_STORAGE_KEY,
  tabOfSavedQuery,
  unlinkSavedQuery,
} from '../src/saved-queries/tab-links.js';

describe('tab links', () => {
  it('survive a write and a read', () => {
    const stored = new Map<string, string>();
    const storage = { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => void stored.set(key, value) };
    saveTabLinks(storage, { 'tab-1': 'abc', 'tab-2': 'def' });
    expect(stored.has(TAB_LINKS_STORAGE_KEY)).toBe(true);
    expect(loadTabLinks(storage)).toEqual({ 'tab-1': 'abc', 'tab-2': 'def' });
  });

  it('unreadable storage gives no links', () => {
    expect(parseTabLinks(null)).toEqual({});
    expect(parseTabLinks('{not json')).toEqual({});
    expect(parseTabLinks('[1,2]')).toEqual({});
    expect(parseTabLinks('"text"')).toEqual({});
    expect(loadTabLinks({ getItem: () => { throw new Error('blocked'); } })).toEqual({});
  });

  it('entries that are not ids are dropped', () => {
    expect(parseTabLinks('{"tab-1":"abc","tab-2":5,"tab-3":"","tab-4":null}')).toEqual({ 'tab-1': 'abc' });
  });

  it('a failing write is ignored', () => {
    expect(() => saveTabLinks({ setItem: () => { throw new Error('quota'); } }, { a: 'b' })).not.toThrow();
  });

  it('linking keeps the object when nothing changes', () => {
    const links = { 'tab-1': 'abc' };
    expect(linkTab(links, 'tab-1', 'abc')).toBe(links);
    expect(linkTab(links, 'tab-1', 'xyz')).toEqual({ 'tab-1': 'xyz' });
    expect(linkTab(links, 'tab-2', 'abc')).toEqual({ 'tab-1': 'abc', 'tab-2': 'abc' });
  });

  it('a deleted query loses every link', () => {
    const links = { 'tab-1': 'abc', 'tab-2': 'abc', 'tab-3': 'def' };
    expect(unlinkSavedQuery(links, 'abc')).toEqual({ 'tab-3': 'def' });
    expect(unlinkSavedQuery(links, 'zzz')).toBe(links);
  });

  it('closed tabs lose their links', () => {
    const links = { 'tab-1': 'abc', 'tab-2': 'def' };
    expect(pruneTabLinks(links, ['tab-2', 'tab-9'])).toEqual({ 'tab-2': 'def' });
    expect(pruneTabLinks(links, ['tab-1', 'tab-2'])).toBe(links);
  });

  it('finds the tab of a saved query', () => {
    const links = { 'tab-1': 'abc', 'tab-2': 'def' };
    expect(tabOfSavedQuery(links, 'def')).toBe('tab-2');
    expect(tabOfSavedQuery(links, 'nope')).toBeNull();
  });
});
