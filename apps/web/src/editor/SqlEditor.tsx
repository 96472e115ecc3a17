import type { SchemaTable } from '@console/shared-types';
import Editor, { type OnMount } from '@monaco-editor/react';
import { useCallback, useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { Theme } from '../theme/theme.js';
import type { EditorHandle, RunnableSql } from './editor-handle.js';
import { formatSql } from './format-sql.js';
import { monaco } from './monaco-setup.js';
import { spacedInsertion, underlineRange } from './positions.js';
import { registerSqlCompletion, setCompletionTables } from './sql-completion.js';
import { statementAt } from './statement-at-cursor.js';

type CodeEditor = Parameters<OnMount>[0];

const MARKER_OWNER = 'sql-console';

// One object for every render: @monaco-editor/react calls updateOptions whenever this changes identity.
const EDITOR_OPTIONS = {
  ariaLabel: 'SQL editor',
  minimap: { enabled: false },
  fontSize: 13,
  lineNumbersMinChars: 3,
  scrollBeyondLastLine: false,
  automaticLayout: true,
  tabSize: 2,
  fixedOverflowWidgets: true,
  renderLineHighlight: 'line',
  wordWrap: 'off',
  quickSuggestions: { other: true, comments: false, strings: false },
  // Suggestions pop up while typing, so Enter must stay a line break: after
  // `FROM conversation c` it would otherwise accept CASE. Tab accepts.
  acceptSuggestionOnEnter: 'off',
} as const;

const LOADING = <div className="editor-loading">Loading the editor…</div>;

export interface SqlEditorProps {
  tabId: string;
  /** The tab's text when its editor model is first created. */
  initialSql: string;
  /** Every open tab, so the models of closed tabs can be freed. */
  tabIds: readonly string[];
  theme: Theme;
  /** Tables and columns offered by autocomplete; empty until the schema arrives. */
  schemaTables: readonly SchemaTable[];
  onChange: (tabId: string, sql: string) => void;
  onRun: (fresh: boolean) => void;
  onFormatFailed: (message: string) => void;
  handleRef: Ref<EditorHandle>;
}

export function modelUri(tabId: string): string {
  return `inmemory://sql-console/${tabId}.sql`;
}

/** Returns the selection when there is one, otherwise the statement under the cursor. */
function runnableSql(editor: CodeEditor): RunnableSql {
  const model = editor.getModel();
  if (model === null) return { sql: '', line: 1, column: 1 };
  const selection = editor.getSelection();
  if (selection !== null && !selection.isEmpty()) {
    return {
      sql: model.getValueInRange(selection),
      line: selection.startLineNumber,
      column: selection.startColumn,
    };
  }
  const position = editor.getPosition();
  const offset = position === null ? 0 : model.getOffsetAt(position);
  const statement = statementAt(model.getValue(), offset);
  if (statement === null) return { sql: '', line: 1, column: 1 };
  const start = model.getPositionAt(statement.start);
  return { sql: statement.text, line: start.lineNumber, column: start.column };
}

async function formatInEditor(editor: CodeEditor, onFailed: (message: string) => void): Promise<void> {
  const model = editor.getModel();
  if (model === null) return;
  const selection = editor.getSelection();
  const range = selection !== null && !selection.isEmpty() ? selection : model.getFullModelRange();
  try {
    const formatted = await formatSql(model.getValueInRange(range));
    editor.pushUndoStop();
    editor.executeEdits('format', [{ range, text: formatted }]);
    editor.pushUndoStop();
  } catch (error) {
    onFailed(error instanceof Error ? error.message : String(error));
  }
}

/** Renders the Monaco SQL editor. This module and Monaco load lazily, after the first screen. */
export default function SqlEditor(props: SqlEditorProps) {
  const { tabId, initialSql, tabIds, theme, schemaTables, handleRef } = props;
  const editorRef = useRef<CodeEditor | null>(null);
  // Monaco commands are registered once, so they read the latest callbacks through this ref.
  const latest = useRef(props);
  latest.current = props;

  useImperativeHandle(
    handleRef,
    (): EditorHandle => ({
      getRunnableSql: () => {
        const editor = editorRef.current;
        return editor === null ? { sql: latest.current.initialSql, line: 1, column: 1 } : runnableSql(editor);
      },
      closeSuggestions: () => editorRef.current?.trigger('console', 'hideSuggestWidget', null),
      showError: (targetTabId, position, message) => {
        const model = monaco.editor.getModel(monaco.Uri.parse(modelUri(targetTabId)));
        if (model === null) return;
        if (position === null) {
          monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
          return;
        }
        const line = Math.min(Math.max(1, position.line), model.getLineCount());
        const word = model.getWordAtPosition({ lineNumber: line, column: Math.max(1, position.column) });
        const range = underlineRange(
          { line, column: position.column },
          model.getLineLength(line),
          position.length,
          word === null ? null : word.endColumn,
        );
        monaco.editor.setModelMarkers(model, MARKER_OWNER, [
          { ...range, message, severity: monaco.MarkerSeverity.Error },
        ]);
        editorRef.current?.revealRangeInCenterIfOutsideViewport(range);
      },
      format: async () => {
        const editor = editorRef.current;
        if (editor !== null) await formatInEditor(editor, latest.current.onFormatFailed);
      },
      insertText: (text) => {
        const editor = editorRef.current;
        const selection = editor?.getSelection() ?? null;
        const model = editor?.getModel() ?? null;
        if (editor === null || selection === null || model === null) return;
        const start = selection.getStartPosition();
        const end = selection.getEndPosition();
        const before = model.getLineContent(start.lineNumber).slice(0, start.column - 1);
        const after = model.getLineContent(end.lineNumber).slice(end.column - 1);
        const spaced = spacedInsertion(before, text, after);
        editor.executeEdits('insert', [{ range: selection, text: spaced, forceMoveMarkers: true }]);
        editor.focus();
      },
      focus: () => editorRef.current?.focus(),
    }),
    [],
  );

  useEffect(() => {
    registerSqlCompletion();
  }, []);

  useEffect(() => {
    setCompletionTables(schemaTables);
  }, [schemaTables]);

  // Free the models of closed tabs.
  useEffect(() => {
    const open = new Set(tabIds.map(modelUri));
    for (const model of monaco.editor.getModels()) {
      const uri = model.uri.toString();
      if (uri.startsWith('inmemory://sql-console/') && !open.has(uri)) model.dispose();
    }
  }, [tabIds]);

  // Stable, because @monaco-editor/react subscribes again whenever onChange changes identity.
  const onChange = useCallback((value: string | undefined) => {
    latest.current.onChange(latest.current.tabId, value ?? '');
  }, []);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    const { KeyMod, KeyCode } = monaco;
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.Enter, () => latest.current.onRun(false));
    editor.addCommand(KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.Enter, () => latest.current.onRun(true));
    editor.addCommand(KeyMod.Shift | KeyMod.Alt | KeyCode.KeyF, () => {
      void formatInEditor(editor, latest.current.onFormatFailed);
    });
    // Monaco loads after the page, so the user may already be typing elsewhere,
    // for example in a tab's name. The editor takes the focus only from the page body.
    if (nothingFocused()) editor.focus();
  };

  return (
    <Editor
      path={modelUri(tabId)}
      defaultValue={initialSql}
      defaultLanguage="sql"
      theme={theme === 'dark' ? 'vs-dark' : 'vs'}
      onMount={onMount}
      onChange={onChange}
      loading={LOADING}
      options={EDITOR_OPTIONS}
    />
  );
}

function nothingFocused(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body;
}
