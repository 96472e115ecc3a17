import { useState, type KeyboardEvent } from 'react';
import type { TabsState } from './tabs.js';

interface TabBarProps {
  state: TabsState;
  onActivate: (id: string) => void;
  onAdd: () => void;
  onClose: (id: string) => void;
  onRename: (id: string, title: string) => void;
}

/** Editor tabs: click to switch, double-click to rename, × to close. */
export function TabBar({ state, onActivate, onAdd, onClose, onRename }: TabBarProps) {
  const [editingId, setEditingId] = useState<string | null>(null);

  const onTabKeyDown = (event: KeyboardEvent, index: number) => {
    let step = 0;
    if (event.key === 'ArrowRight') step = 1;
    if (event.key === 'ArrowLeft') step = -1;
    if (step === 0) return;
    event.preventDefault();
    const next = state.tabs[(index + step + state.tabs.length) % state.tabs.length];
    if (next === undefined) return;
    onActivate(next.id);
    document.getElementById(`editor-tab-${next.id}`)?.focus();
  };

  return (
    <div className="tab-bar">
      <div role="tablist" aria-label="Query tabs" className="tab-list">
        {state.tabs.map((tab, index) => {
          const active = tab.id === state.activeId;
          return (
            <div key={tab.id} className={active ? 'tab active' : 'tab'}>
              {editingId === tab.id ? (
                <input
                  className="tab-rename"
                  aria-label="Tab name"
                  defaultValue={tab.title}
                  autoFocus
                  onBlur={(event) => {
                    onRename(tab.id, event.target.value);
                    setEditingId(null);
                  }}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') event.currentTarget.blur();
                    if (event.key === 'Escape') setEditingId(null);
                  }}
                />
              ) : (
                <button
                  type="button"
                  role="tab"
                  id={`editor-tab-${tab.id}`}
                  data-testid="editor-tab"
                  aria-selected={active}
                  tabIndex={active ? 0 : -1}
                  title="Double-click or press F2 to rename"
                  onClick={() => onActivate(tab.id)}
                  onDoubleClick={() => setEditingId(tab.id)}
                  onKeyDown={(event) => {
                    if (event.key === 'F2') setEditingId(tab.id);
                    else onTabKeyDown(event, index);
                  }}
                >
                  {tab.title}
                </button>
              )}
              <button
                type="button"
                className="tab-close"
                data-testid="close-tab"
                aria-label={`Close ${tab.title}`}
                onClick={() => onClose(tab.id)}
              >
                ×
              </button>
            </div>
          );
        })}
      </div>
      <button type="button" className="tab-add" data-testid="new-tab" aria-label="New tab" title="New tab" onClick={onAdd}>
        +
      </button>
    </div>
  );
}
