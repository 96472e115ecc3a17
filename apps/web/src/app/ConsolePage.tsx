import type { SessionResponse } from '@console/shared-types';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api/api-error.js';
import { AuditLink, AUDIT_PATH } from '../audit/AuditLink.js';
import { AuditPage } from '../audit/AuditPage.js';
import { BudgetDisplay } from '../budget/BudgetDisplay.js';
import { BUDGET_QUERY_KEY } from '../budget/budget-store.js';
import type { EditorHandle } from '../editor/editor-handle.js';
import { EditorPane } from '../editor/EditorPane.js';
import { toEditorPosition } from '../editor/positions.js';
import { ShortcutsHelp } from '../editor/ShortcutsHelp.js';
import { activeTab } from '../editor/tabs.js';
import { useTabs } from '../editor/use-tabs.js';
import { HISTORY_KEY } from '../history/history-api.js';
import { HistoryPanel } from '../history/HistoryPanel.js';
import { IDLE_RUN } from '../query/run-state.js';
import { useQueryRun } from '../query/use-query-run.js';
import { ResultsPanel } from '../results/ResultsPanel.js';
import { SaveCurrentDialog } from '../saved-queries/SaveCurrentDialog.js';
import { SavedQueriesPanel } from '../saved-queries/SavedQueriesPanel.js';
import { SavedQueryActionsContext, type SavedQueryActions } from '../saved-queries/saved-query-actions.js';
import { useSaveShortcut } from '../saved-queries/use-save-shortcut.js';
import { useSavedTabs } from '../saved-queries/use-saved-tabs.js';
import { SchemaBrowser } from '../schema/SchemaBrowser.js';
import { useSignOut } from '../session/use-session.js';
import { QueryNotFound } from '../share/QueryNotFound.js';
import { shareIdFromPath } from '../share/share-link.js';
import { ShareLinkFailed } from '../share/ShareLinkFailed.js';
import { SnapshotResults } from '../share/SnapshotResults.js';
import { useShareRoute } from '../share/use-share-route.js';
import { Sidebar } from '../sidebar/Sidebar.js';
import { ThemeSwitch } from '../theme/ThemeSwitch.js';
import { useTheme } from '../theme/use-theme.js';
import { ConsoleActionsContext, type ConsoleActions } from './console-actions.js';
import { usePath } from './navigation.js';

interface ConsolePageProps {
  session: SessionResponse;
}

const SIDEBAR_PANELS = { schema: <SchemaBrowser />, saved: <SavedQueriesPanel />, history: <HistoryPanel /> };

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
  const [saveOpen, setSaveOpen] = useState(false);
  const queryClient = useQueryClient();
  const path = usePath();
  const savedTabs = useSavedTabs(tabs);
  const shareId = shareIdFromPath(path);
  const share = useShareRoute(shareId, { open: savedTabs.open, alreadyOpened: savedTabs.lastOpenedId });
  const isAdmin = session.user.role === 'admin';
  const onAuditPage = path === AUDIT_PATH;

  const currentTab = activeTab(tabs.state);
  const runState = runs.states[currentTab.id] ?? IDLE_RUN;
  const snapshot = savedTabs.snapshots[currentTab.id];

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
      editorRef.current?.closeSuggestions();
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

  // Each finished run adds a history entry. A failed run may have spent a call,
  // and its error carries no budget reading, so the budget is read again.
  useEffect(() => {
    if (runState.phase === 'done' || runState.phase === 'failed') void queryClient.invalidateQueries({ queryKey: HISTORY_KEY });
    if (runState.phase === 'failed') void queryClient.invalidateQueries({ queryKey: BUDGET_QUERY_KEY });
  }, [runState.phase, queryClient]);

  const requestSave = useCallback(() => setSaveOpen(true), []);
  useSaveShortcut(requestSave);

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

  const { rename: renameTab } = tabs;
  const savedActions = useMemo<SavedQueryActions>(
    () => ({
      user: session.user,
      activeTab: () => ({
        tabId: currentTab.id,
        title: currentTab.title,
        sql: currentTab.sql,
        savedId: savedTabs.links[currentTab.id] ?? null,
        runId: runState.result?.response.runId ?? null,
      }),
      open: savedTabs.open,
      linkTab: (tabId, savedId, title) => {
        savedTabs.link(tabId, savedId);
        renameTab(tabId, title);
      },
      forget: savedTabs.forget,
      requestSave,
    }),
    [session.user, currentTab, savedTabs, runState.result, renameTab, requestSave],
  );

  const shareMissing = (path.startsWith('/q/') && shareId === null) || share.status === 'not-found';

  const closeTab = (id: string) => {
    runs.forget(id);
    tabs.close(id);
  };

  const workspace = (
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
      {snapshot !== undefined && runState.phase === 'idle' ? (
        <SnapshotResults saved={snapshot} title={currentTab.title} onRun={() => runActive(false)} />
      ) : (
        <ResultsPanel state={runState} title={currentTab.title} onRunFresh={() => runActive(true)} />
      )}
    </main>
  );

  // The audit page replaces sidebar and workspace; a share link that fails replaces the workspace only.
  let body: ReactNode;
  if (onAuditPage) body = isAdmin ? <AuditPage /> : <QueryNotFound what="page" />;
  else if (shareMissing) body = <QueryNotFound what="query" />;
  else if (share.status === 'failed') body = <ShareLinkFailed error={share.error} onRetry={share.retry} />;
  else body = workspace;

  return (
    <ConsoleActionsContext.Provider value={actions}>
      <SavedQueryActionsContext.Provider value={savedActions}>
        <div className="console">
          <header className="app-header">
            <h1 className="app-title">SQL Console</h1>
            <BudgetDisplay />
            <span className="spacer" />
            {isAdmin && <AuditLink onAuditPage={onAuditPage} />}
            <ThemeSwitch />
            <span className="user-name" data-testid="user-name">
              {session.user.username}
            </span>
            <button type="button" data-testid="sign-out" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
              Sign out
            </button>
          </header>
          {!onAuditPage && <Sidebar panels={SIDEBAR_PANELS} />}
          {body}
          {shortcutsOpen && <ShortcutsHelp onClose={() => setShortcutsOpen(false)} />}
          {saveOpen && <SaveCurrentDialog onClose={() => setSaveOpen(false)} onSaved={() => setSaveOpen(false)} />}
        </div>
      </SavedQueryActionsContext.Provider>
    </ConsoleActionsContext.Provider>
  );
}
