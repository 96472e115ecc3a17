import { useState } from 'react';
import { ErrorMessage } from '../errors/ErrorMessage.js';
import { outcomeLabel } from '../history/outcome-text.js';
import { formatDuration, formatUtc } from '../history/time-text.js';
import { useDebouncedValue } from '../saved-queries/use-debounced-value.js';
import { useAuditLog } from './audit-api.js';
import { auditQueryString, dateRangeProblem, EMPTY_AUDIT_FILTER, type AuditFilter } from './audit-filter.js';
import { AuditFilters } from './AuditFilters.js';

// The BFF returns at most this many entries per page, but the CSV contains more.
const PAGE_LIMIT = 1000;

/** Renders the admins' audit page: every query attempt by every user, filtered, with a CSV download of the same filter. */
export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>(EMPTY_AUDIT_FILTER);
  const applied = useDebouncedValue(filter, 300);
  const problem = dateRangeProblem(applied);
  const query = auditQueryString(applied);
  const audit = useAuditLog(query, problem === null);
  const entries = audit.data?.entries ?? [];

  return (
    <main className="audit-page" aria-labelledby="audit-title" data-testid="audit-page">
      <div className="audit-heading">
        <h2 id="audit-title">Audit log</h2>
        <span className="muted">Every query attempt by every user, newest first.</span>
        <span className="spacer" />
        <a className="button-link" href={`/api/audit.csv${query}`} download data-testid="audit-csv">
          Download CSV
        </a>
      </div>
      <AuditFilters value={filter} onChange={setFilter} />
      {problem !== null && <p className="notice">{problem}</p>}
      {audit.isError && <ErrorMessage error={audit.error} testId="audit-error" />}
      {audit.isSuccess && entries.length === 0 && (
        <p className="empty-state muted" data-testid="audit-empty">
          No query attempt matches these filters. Clear a filter or widen the dates.
        </p>
      )}
      {entries.length > 0 && (
        <>
          <p className="muted audit-count" data-testid="audit-count">
            {entries.length >= PAGE_LIMIT
              ? `Showing the newest ${PAGE_LIMIT} attempts; the CSV holds every match.`
              : `${entries.length} ${entries.length === 1 ? 'attempt' : 'attempts'}`}
          </p>
          <div className="audit-scroll">
            <table className="audit-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">Time (UTC)</th>
                  <th scope="col">User</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Rows</th>
                  <th scope="col">Duration</th>
                  <th scope="col">SQL</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id} data-testid="audit-row" data-outcome={entry.outcome}>
                    <td className="nowrap">{formatUtc(entry.startedAt).replace(' UTC', '')}</td>
                    <td data-testid="audit-row-user">{entry.user.username}</td>
                    <td className="nowrap">
                      {outcomeLabel(entry.outcome)}
                      {entry.errorCode !== null && entry.errorCode !== entry.outcome && (
                        <span className="muted"> ({entry.errorCode})</span>
                      )}
                    </td>
                    <td className="number">{entry.rowCount ?? ''}</td>
                    <td className="number nowrap">{formatDuration(entry.durationMs)}</td>
                    <td>
                      <code className="audit-sql" title={entry.sql} tabIndex={0}>
                        {entry.sql}
                      </code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </main>
  );
}
