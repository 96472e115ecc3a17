import { useState } from 'react';
import { formatUtc } from '../history/time-text.js';
import { CsvButton } from '../results/CsvButton.js';
import { ResultTable } from '../results/ResultTable.js';
import { TimeZoneSwitch } from '../results/TimeZoneSwitch.js';
import type { TimeZoneMode } from '../results/timestamp.js';
import { TruncatedNotice } from '../results/TruncatedNotice.js';
import type { TabSnapshot } from '../saved-queries/use-saved-tabs.js';

interface SnapshotResultsProps {
  saved: TabSnapshot;
  title: string;
  onRun: () => void;
}

/** Shows a saved query's stored result, read from the BFF's database: no SQL API call until Run. */
export function SnapshotResults({ saved, title, onRun }: SnapshotResultsProps) {
  const [timeZone, setTimeZone] = useState<TimeZoneMode>('utc');
  const { snapshot } = saved;
  return (
    <section className="results" aria-label="Saved result">
      <div className="snapshot-banner" role="status" data-testid="snapshot-banner">
        <span>
          Result from <time dateTime={snapshot.fetchedAt}>{formatUtc(snapshot.fetchedAt)}</time>, saved by{' '}
          <strong>{saved.ownerName}</strong>. Running the query again spends the shared budget.
        </span>
        <button type="button" className="primary" data-testid="snapshot-run" onClick={onRun}>
          Run
        </button>
      </div>
      <div className="result-meta">
        <span data-testid="row-count">
          {snapshot.rowCount} {snapshot.rowCount === 1 ? 'row' : 'rows'}
        </span>
        <span className="muted">saved result, kept until {formatUtc(snapshot.expiresAt)}</span>
        <span className="spacer" />
        <TimeZoneSwitch value={timeZone} onChange={setTimeZone} />
        <CsvButton columns={snapshot.columns} rows={snapshot.rows} title={title} />
      </div>
      {snapshot.truncated && <TruncatedNotice shownRows={snapshot.rows.length} />}
      {snapshot.columns.length > 0 && <ResultTable columns={snapshot.columns} rows={snapshot.rows} timeZone={timeZone} />}
      {snapshot.rows.length === 0 && <p className="muted no-rows">The saved result has no rows.</p>}
    </section>
  );
}
