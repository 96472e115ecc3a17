import { useState } from 'react';
import { ErrorMessage } from '../errors/ErrorMessage.js';
import type { RunState } from '../query/run-state.js';
import { CachedAge } from './CachedAge.js';
import { CsvButton } from './CsvButton.js';
import { ResultTable } from './ResultTable.js';
import { RunningNotice } from './RunningNotice.js';
import { TimeZoneSwitch } from './TimeZoneSwitch.js';
import type { TimeZoneMode } from './timestamp.js';
import { TruncatedNotice } from './TruncatedNotice.js';

interface ResultsPanelProps {
  state: RunState;
  /** Title of the tab the result belongs to, for the CSV file name. */
  title: string | undefined;
  onRunFresh: () => void;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Formats whole milliseconds with thousands separators. Done by hand because
 * the first toLocaleString call loads locale data, which cost about 15 ms on
 * the way to the first result in Chromium.
 */
export function formatMilliseconds(ms: number): string {
  return String(Math.round(ms)).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** Everything under the editor: the empty state, errors, the result's facts and the grid. */
export function ResultsPanel({ state, title, onRunFresh }: ResultsPanelProps) {
  const [timeZone, setTimeZone] = useState<TimeZoneMode>('utc');
  const running = state.phase === 'running';
  const failed = state.phase === 'failed' || state.phase === 'stopped';
  const view = state.result;

  return (
    <section className="results" aria-label="Results" aria-busy={running}>
      {failed && <ErrorMessage error={state.error} retryDeadline={state.retryDeadline} />}

      {view === null && !failed && (
        <div className="empty-state" data-testid="results-empty">
          {running ? (
            <RunningNotice />
          ) : (
            <>
              <p className="empty-title">Write a query and press Ctrl+Enter (⌘+Enter on a Mac) to run it.</p>
              <p className="muted">
                The results appear here. Each query is one read-only SELECT; the SQL API returns at most 1000 rows.
              </p>
            </>
          )}
        </div>
      )}

      {view !== null && (
        <>
          <div className={running ? 'result-meta stale' : 'result-meta'}>
            <span data-testid="row-count">{plural(view.response.rowCount, 'row', 'rows')}</span>
            <span data-testid="execution-time">
              {formatMilliseconds(view.response.executionTimeMs)} ms on the SQL API
            </span>
            {view.response.cached !== null && (
              <CachedAge
                ageSeconds={view.response.cached.ageSeconds}
                receivedAt={view.receivedAt}
                onRunFresh={onRunFresh}
                running={running}
              />
            )}
            {running && <span className="muted">Showing the previous result while the new one runs.</span>}
            <span className="spacer" />
            <TimeZoneSwitch value={timeZone} onChange={setTimeZone} />
            <CsvButton columns={view.response.columns} rows={view.response.rows} title={title} />
          </div>
          {view.response.truncated && <TruncatedNotice shownRows={view.response.rows.length} />}
          {view.response.columns.length === 0 ? (
            <p className="empty-state">The query ran and returned no columns.</p>
          ) : (
            <ResultTable
              key={`${view.response.runId}-${view.receivedAt}`}
              columns={view.response.columns}
              rows={view.response.rows}
              timeZone={timeZone}
            />
          )}
          {view.response.rows.length === 0 && view.response.columns.length > 0 && (
            <p className="muted no-rows">The query ran and returned no rows.</p>
          )}
        </>
      )}
    </section>
  );
}
