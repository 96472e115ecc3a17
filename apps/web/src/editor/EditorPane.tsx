import type { SchemaTable } from '@console/shared-types';
import { Suspense, type Ref } from 'react';
import { useSchema } from '../schema/schema-api.js';
import type { Theme } from '../theme/theme.js';
import { LazySqlEditor as SqlEditor } from './editor-chunk.js';
import type { EditorHandle } from './editor-handle.js';
import { RunToolbar } from './RunToolbar.js';
import { TabBar } from './TabBar.js';
import { activeTab, type TabsState } from './tabs.js';

interface EditorPaneProps {
  tabs: TabsState;
  onActivateTab: (id: string) => void;
  onAddTab: () => void;
  onCloseTab: (id: string) => void;
  onRenameTab: (id: string, title: string) => void;
  onChangeSql: (tabId: string, sql: string) => void;
  theme: Theme;
  running: boolean;
  startedAt: number | null;
  onRun: (fresh: boolean) => void;
  onStop: () => void;
  onFormat: () => void;
  onFormatFailed: (message: string) => void;
  onShowShortcuts: () => void;
  notice: string | null;
  handleRef: Ref<EditorHandle>;
}

const NO_TABLES: readonly SchemaTable[] = [];

export function EditorPane(props: EditorPaneProps) {
  const tab = activeTab(props.tabs);
  const schema = useSchema();
  return (
    <section className="editor-pane" aria-label="SQL editor">
      <TabBar
        state={props.tabs}
        onActivate={props.onActivateTab}
        onAdd={props.onAddTab}
        onClose={props.onCloseTab}
        onRename={props.onRenameTab}
      />
      <div className="editor-host" role="tabpanel" aria-labelledby={`editor-tab-${tab.id}`} data-testid="sql-editor">
        <Suspense fallback={<div className="editor-loading">Loading the editor…</div>}>
          <SqlEditor
            tabId={tab.id}
            initialSql={tab.sql}
            tabIds={props.tabs.tabs.map((each) => each.id)}
            theme={props.theme}
            schemaTables={schema.data?.tables ?? NO_TABLES}
            onChange={props.onChangeSql}
            onRun={props.onRun}
            onFormatFailed={props.onFormatFailed}
            handleRef={props.handleRef}
          />
        </Suspense>
      </div>
      <RunToolbar
        running={props.running}
        startedAt={props.startedAt}
        onRun={() => props.onRun(false)}
        onStop={props.onStop}
        onFormat={props.onFormat}
        onShowShortcuts={props.onShowShortcuts}
        notice={props.notice}
      />
    </section>
  );
}
