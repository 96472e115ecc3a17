import type { SchemaTable } from '@console/shared-types';
import { demandSchemaTables } from '../schema/schema-demand.js';
import { completeSql, type CompletionKind } from './completion/complete-sql.js';
import { monaco } from './monaco-setup.js';

let currentTables: readonly SchemaTable[] = [];
let registered = false;

/** Sets the tables that completions offer; called whenever the schema arrives or is refreshed. */
export function setCompletionTables(tables: readonly SchemaTable[]): void {
  currentTables = tables;
}

const KINDS: Record<CompletionKind, monaco.languages.CompletionItemKind> = {
  table: monaco.languages.CompletionItemKind.Struct,
  column: monaco.languages.CompletionItemKind.Field,
  alias: monaco.languages.CompletionItemKind.Variable,
  schema: monaco.languages.CompletionItemKind.Module,
  function: monaco.languages.CompletionItemKind.Function,
  keyword: monaco.languages.CompletionItemKind.Keyword,
};

/** Registers the schema-aware SQL completion provider, once per page. */
export function registerSqlCompletion(): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerCompletionItemProvider('sql', {
    triggerCharacters: ['.', '`'],
    async provideCompletionItems(model, position) {
      // The schema costs budget, so the first completion request is what fetches it.
      const tables = currentTables.length > 0 ? currentTables : await demandSchemaTables();
      // The editor can be gone by the time the schema arrives: the session may have ended meanwhile.
      if (model.isDisposed()) return { suggestions: [] };
      const text = model.getValue();
      const result = completeSql(tables, text, model.getOffsetAt(position));
      const start = model.getPositionAt(result.replaceStart);
      const end = model.getPositionAt(result.replaceEnd);
      const range = new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
      return {
        suggestions: result.items.map((item) => ({
          label: item.label,
          kind: KINDS[item.kind],
          detail: item.detail,
          insertText: item.insertText,
          sortText: item.sortText,
          insertTextRules: item.isSnippet === true ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
          range,
        })),
      };
    },
  });
}
