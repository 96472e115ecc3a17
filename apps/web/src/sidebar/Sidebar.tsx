import { useState, type KeyboardEvent, type ReactNode } from 'react';

export type SidebarTab = 'schema' | 'saved' | 'history';

const TABS: { id: SidebarTab; label: string }[] = [
  { id: 'schema', label: 'Schema' },
  { id: 'saved', label: 'Saved' },
  { id: 'history', label: 'History' },
];

interface SidebarProps {
  /** The content of each tab; a tab without content shows its empty state. */
  panels?: Partial<Record<SidebarTab, ReactNode>>;
}

function EmptyPanel({ tab }: { tab: SidebarTab }) {
  switch (tab) {
    case 'schema':
      return (
        <p className="muted">
          Tables and their columns will be listed here. Until then, try <code>SELECT * FROM conversation LIMIT 10</code>.
        </p>
      );
    case 'saved':
      return <p className="muted">No saved queries yet. Queries you save, and queries others share, will appear here.</p>;
    case 'history':
      return <p className="muted">No runs yet. Every query you run is listed here, so you can open it again.</p>;
  }
}

/** Renders the left sidebar with the Schema, Saved and History tabs. */
export function Sidebar({ panels = {} }: SidebarProps) {
  // Saved first: showing the Schema tab fetches the schema, which can spend a call of the shared budget.
  const [current, setCurrent] = useState<SidebarTab>('saved');

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    let step = 0;
    if (event.key === 'ArrowDown' || event.key === 'ArrowRight') step = 1;
    if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') step = -1;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length];
    if (next === undefined) return;
    setCurrent(next.id);
    document.getElementById(`sidebar-tab-${next.id}`)?.focus();
  };

  return (
    <aside className="sidebar" aria-label="Sidebar" data-testid="sidebar">
      <div role="tablist" aria-label="Sidebar sections" className="sidebar-tabs">
        {TABS.map((tab, index) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`sidebar-tab-${tab.id}`}
            data-testid={`sidebar-tab-${tab.id}`}
            aria-selected={current === tab.id}
            aria-controls={`sidebar-panel-${tab.id}`}
            tabIndex={current === tab.id ? 0 : -1}
            onClick={() => setCurrent(tab.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        className="sidebar-panel"
        role="tabpanel"
        id={`sidebar-panel-${current}`}
        aria-labelledby={`sidebar-tab-${current}`}
        data-testid={`sidebar-panel-${current}`}
      >
        {panels[current] ?? <EmptyPanel tab={current} />}
      </div>
    </aside>
  );
}
