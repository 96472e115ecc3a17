import type { SessionResponse } from '@console/shared-types';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { BudgetDisplay } from '../budget/BudgetDisplay.js';
import type { EditorHandle } from '../editor/editor-handle.js';
import { EditorPane } from '../editor/EditorPane.js';
import { toEditorPosition } from '../editor/positions.js';
import { ShortcutsHelp } from '../editor/ShortcutsHelp.js';
import { activeTab } from '../editor/tabs.js';
import { useTabs } from '../editor/use-tabs.js';
import { IDLE_RUN } from '../query/run-state.js';
import { useQueryRun } from '../query/use-query-run.js';
import { ResultsPanel } from '../results/ResultsPanel.js';
import { useSignOut } from '../session/use-session.js';
import { Sidebar } from '../sidebar/Sidebar.js';
import { ThemeSwitch } from '../theme/ThemeSwitch.js';
import { useTheme } from '../theme/use-theme.js';
import { ConsoleActionsContext, type ConsoleActions } from './console-actions.js';

interface ConsolePageProps {
  session: SessionResponse;
}

function isInsideEditor(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.monaco-editor') !== null;
}

/** Renders the signed-in console: sidebar, editor with tabs, results and budget. */
export function ConsolePage({ session }: ConsolePageProps) {
  const tabs = useTabs();
  const runs = useQueryRun();
  const { run } = runs;
  const { theme } = useTheme();
  const signOut = useSignOut();
  const editorRef = useRef<EditorHandle | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);

  const currentTab = activeTab(tabs.state);
  const runState = runs.states[currentTab.id] ?? IDLE_RUN;

  // Callbacks registered once (Monaco commands, document listeners) read these.
  const tabsRef = useRef(tabs.state);
  tabsRef.current = tabs.state;
  const runningRef = useRef(false);
  runningRef.current = runState.phase === 'running';

  const runActive = useCallback(
    (fresh: boolean) => {
      if (runningRef.current) return;
      const tab = activeTab(tabsRef.current);
      const runnable = editorRef.current?.getRunnableSql() ?? { sql: tab.sql, line: 1, column: 1 };
      if (runnable.sql.trim() === '') {
        setNotice('Write a query first, then press Run.');
        return;
      }
      setNotice(null);
      editorRef.current?.showError(tab.id, null, '');
      run({ sql: runnable.sql, origin: { tabId: tab.id, line: runnable.line, column: runnable.column }, fresh });
    },
    [run],
  );

  // Underline the place the BFF or the engine pointed at.
  useEffect(() => {
    const { phase, error, request } = runState;
    if (phase !== 'failed' || !(error instanceof ApiError) || request === null) return;
    const position = error.details.position;
    if (position === undefined) return;
    const mapped = toEditorPosition(request.origin, position);
    editorRef.current?.showError(request.origin.tabId, { ...position, ...mapped }, error.details.message);
  }, [runState]);

  // Ctrl/Cmd+Enter also runs when the focus is outside the editor, e.g. on the grid.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
      if (event.defaultPrevented || isInsideEditor(event.target)) return;
      event.preventDefault();
      runActive(event.shiftKey);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [runActive]);

  const { add: addTab } = tabs;
  const actions = useMemo<ConsoleActions>(
    () => ({
      openInNewTab: (sql, title) => addTab(sql, title),
      insertText: (text) => editorRef.current?.insertText(text),
      activeQuery: () => {
        const tab = activeTab(tabsRef.current);
        return { title: tab.title, sql: tab.sql };
      },
      result: runState.result,
    }),
    [addTab, runState.result],
  );

  const closeTab = (id: string) => {
    runs.forget(id);
    tabs.close(id);
  };

  return (
    <ConsoleActionsContext.Provider value={actions}>
      <div className="console">
        <header className="app-header">
          <h1 className="app-title">SQL Console</h1>
          <BudgetDisplay />
          <span className="spacer" />
          <ThemeSwitch />
          <span className="user-name" data-testid="user-name">
            {session.user.username}
          </span>
          <button type="button" data-testid="sign-out" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            Sign out
          </button>
        </header>
        <Sidebar />
        <main className="workspace">
          <EditorPane
            tabs={tabs.state}
            onActivateTab={tabs.activate}
            onAddTab={() => tabs.add()}
            onCloseTab={closeTab}
            onRenameTab={tabs.rename}
            onChangeSql={tabs.setSql}
            theme={theme}
            running={runState.phase === 'running'}
            startedAt={runState.startedAt}
            onRun={runActive}
            onStop={() => runs.stop(currentTab.id)}
            onFormat={() => void editorRef.current?.format()}
            onFormatFailed={(message) => setNotice(`Could not format this SQL: ${message}`)}
            onShowShortcuts={() => setShortcutsOpen(true)}
            notice={notice}
            handleRef={editorRef}
          />
          <ResultsPanel state={runState} title={currentTab.title} onRunFresh={() => runActive(true)} />
        </main>
        {shortcutsOpen && <ShortcutsHelp onClose={() => setShortcutsOpen(false)} />}
      </div>
    </ConsoleActionsContext.Provider>
  );
}
