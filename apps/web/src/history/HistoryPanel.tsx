import { SCHEMA_QUERY_SQL, type HistoryEntry } from '@console/shared-types';
import { useState } from 'react';
import { useConsoleActions } from '../app/console-actions.js';
import { ErrorMessage } from '../errors/ErrorMessage.js';
import { useDebouncedValue } from '../saved-queries/use-debounced-value.js';
import { PanelSearch } from '../sidebar/PanelSearch.js';
import { useHistory } from './history-api.js';
import { outcomeLabel, sqlExcerpt } from './outcome-text.js';
import { formatDuration, formatUtc, timeAgo } from './time-text.js';

function HistoryItem({ entry, now, onOpen }: { entry: HistoryEntry; now: number; onOpen: () => void }) {
  const failed = entry.outcome !== 'ok' && entry.outcome !== 'cached';
  return (
    <li>
      <button
        type="button"
        className="history-item"
        data-testid="history-item"
        data-outcome={entry.outcome}
        title={`${entry.sql}\n\nOpen in a new editor tab`}
        onClick={onOpen}
      >
        {entry.sql === SCHEMA_QUERY_SQL ? (
          <span className="history-sql" data-testid="history-schema-load">
            Table and column list for the Schema tab and autocomplete
          </span>
        ) : (
          <code className="history-sql">{sqlExcerpt(entry.sql)}</code>
        )}
        <span className="history-meta">
          <time dateTime={entry.startedAt} title={formatUtc(entry.startedAt)}>
            {timeAgo(entry.startedAt, now)}
          </time>
          <span>{formatDuration(entry.durationMs)}</span>
          {entry.rowCount !== null && <span>{entry.rowCount === 1 ? '1 row' : `${entry.rowCount} rows`}</span>}
          <span className={failed ? 'badge failed' : 'badge'} data-testid="history-outcome">
            {outcomeLabel(entry.outcome)}
            {failed && entry.errorCode !== null && entry.errorCode !== entry.outcome ? ` (${entry.errorCode})` : ''}
          </span>
        </span>
      </button>
    </li>
  );
}

/** Renders the History tab: the user's recent runs, searchable. A click or Enter opens one in a new editor tab. */
export function HistoryPanel() {
  const { openInNewTab } = useConsoleActions();
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search);
  const history = useHistory(term);
  const entries = history.data?.entries ?? [];
  const now = Date.now();

  return (
    <div className="panel-stack" data-testid="history-panel">
      <PanelSearch
        label="Search history"
        placeholder="Search past runs"
        testId="history-search"
        value={search}
        onChange={setSearch}
      />
      {history.isError && <ErrorMessage error={history.error} testId="history-error" />}
      {history.isPending && <p className="muted">Loading history…</p>}
      {history.isSuccess && entries.length === 0 && (
        <p className="muted" data-testid="history-empty">
          {term.trim() === ''
            ? 'No runs yet. Every query you run is listed here, newest first; click one to open it again.'
            : `No run matches “${term.trim()}”.`}
        </p>
      )}
      {entries.length > 0 && (
        <ul className="history-list" aria-label="Recent runs">
          {entries.map((entry) => (
            <HistoryItem key={entry.id} entry={entry} now={now} onOpen={() => openInNewTab(entry.sql, 'From history')} />
          ))}
        </ul>
      )}
    </div>
  );
}
