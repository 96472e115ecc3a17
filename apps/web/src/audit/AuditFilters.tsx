import type { QueryOutcome } from '@console/shared-types';
import { outcomeLabel, QUERY_OUTCOMES } from '../history/outcome-text.js';
import type { AuditFilter } from './audit-filter.js';

interface AuditFiltersProps {
  value: AuditFilter;
  onChange: (value: AuditFilter) => void;
}

/** Renders the audit page's filter bar. Every change applies at once. */
export function AuditFilters({ value, onChange }: AuditFiltersProps) {
  const set = <K extends keyof AuditFilter>(key: K, next: AuditFilter[K]) => onChange({ ...value, [key]: next });
  return (
    <form className="audit-filters" role="search" aria-label="Filter the audit log" onSubmit={(event) => event.preventDefault()}>
      <label>
        User
        <input data-testid="audit-user" value={value.user} placeholder="exact username" onChange={(event) => set('user', event.target.value)} />
      </label>
      <label>
        Outcome
        <select
          data-testid="audit-outcome"
          value={value.outcome}
          onChange={(event) => set('outcome', event.target.value as QueryOutcome | '')}
        >
          <option value="">Any</option>
          {QUERY_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {outcomeLabel(outcome)}
            </option>
          ))}
        </select>
      </label>
      <label className="grow">
        SQL contains
        <input data-testid="audit-search" type="search" value={value.search} onChange={(event) => set('search', event.target.value)} />
      </label>
      <label>
        From (UTC)
        <input data-testid="audit-from" type="date" value={value.from} onChange={(event) => set('from', event.target.value)} />
      </label>
      <label>
        To (UTC)
        <input data-testid="audit-to" type="date" value={value.to} onChange={(event) => set('to', event.target.value)} />
      </label>
    </form>
  );
}
