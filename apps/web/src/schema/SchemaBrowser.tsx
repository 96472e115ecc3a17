import { useEffect, useState } from 'react';
import { useConsoleActions } from '../app/console-actions.js';
import { useNow } from '../budget/use-now.js';
import { quoteIdentifier } from '../editor/completion/quote-identifier.js';
import { ErrorMessage } from '../errors/ErrorMessage.js';
import { timeAgo } from '../history/time-text.js';
import { PanelSearch } from '../sidebar/PanelSearch.js';
import { filterTables } from './filter-tables.js';
import { useSchema } from './schema-api.js';
import { SchemaTableItem } from './SchemaTableItem.js';

/**
 * Renders the Schema tab: tables and their columns with types. It fetches the schema
 * the first time it is shown, never on page load, because a miss in the BFF's
 * cache spends a call of the shared budget.
 */
export function SchemaBrowser() {
  const { insertText } = useConsoleActions();
  const schema = useSchema();
  const { load } = schema;
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<unknown>(null);
  const now = useNow(true, 30_000);

  useEffect(() => load(), [load]);

  const refresh = async () => {
    setRefreshing(true);
    setRefreshError(null);
    try {
      await schema.refresh();
    } catch (error) {
      setRefreshError(error);
    } finally {
      setRefreshing(false);
    }
  };

  const toggle = (key: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const tables = schema.data?.tables ?? [];
  const matches = filterTables(tables, filter);
  const loading = schema.isFetching || refreshing;
  return (
    <div className="panel-stack" data-testid="schema-browser">
      <div className="panel-row">
        <PanelSearch
          label="Filter tables and columns"
          placeholder="Filter schema"
          testId="schema-filter"
          value={filter}
          onChange={setFilter}
        />
        <button
          type="button"
          data-testid="schema-refresh"
          title="Read the tables again from the SQL API (spends one call of the shared budget)"
          disabled={loading}
          onClick={() => void refresh()}
        >
          Refresh
        </button>
      </div>
      {schema.data !== undefined && (
        <p className="muted schema-age" data-testid="schema-fetched">
          {tables.length} {tables.length === 1 ? 'table' : 'tables'}, fetched {timeAgo(schema.data.fetchedAt, now)}. Click a name
          to insert it at the cursor.
        </p>
      )}
      {loading && <p className="muted">Reading the tables…</p>}
      {schema.isError && refreshError === null && <ErrorMessage error={schema.error} testId="schema-error" />}
      {refreshError !== null && <ErrorMessage error={refreshError} testId="schema-error" />}
      {schema.isSuccess && tables.length === 0 && (
        <p className="muted" data-testid="schema-empty">
          The SQL API lists no tables. Press Refresh after tables are added.
        </p>
      )}
      {tables.length > 0 && matches.length === 0 && <p className="muted">No table or column matches “{filter.trim()}”.</p>}
      {matches.length > 0 && (
        <ul className="schema-list" aria-label="Tables">
          {matches.map((match) => {
            const key = `${match.table.schema}.${match.table.name}`;
            return (
              <SchemaTableItem
                key={key}
                match={match}
                expanded={expanded.has(key) || match.matchedColumns}
                onToggle={() => toggle(key)}
                onInsert={insertText}
                quote={(name) => quoteIdentifier(name)}
              />
            );
          })}
        </ul>
      )}
    </div>
  );
}
