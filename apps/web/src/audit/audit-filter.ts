import type { QueryOutcome } from '@console/shared-types';

/** The audit page's filters as typed; dates are `YYYY-MM-DD` days in UTC, both ends included. */
export interface AuditFilter {
  user: string;
  outcome: QueryOutcome | '';
  search: string;
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTER: AuditFilter = { user: '', outcome: '', search: '', from: '', to: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Returns the day after a `YYYY-MM-DD` day, because the BFF's `to` excludes its own instant. */
export function nextDay(day: string): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  return new Date(time + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Builds the query string shared by `GET /api/audit` and `GET /api/audit.csv`,
 * so the download has exactly the rows on screen. Blank filters are left out.
 */
export function auditQueryString(filter: AuditFilter): string {
  const params = new URLSearchParams();
  if (filter.user.trim() !== '') params.set('user', filter.user.trim());
  if (filter.outcome !== '') params.set('outcome', filter.outcome);
  if (filter.search.trim() !== '') params.set('search', filter.search.trim());
  if (DAY.test(filter.from)) params.set('from', filter.from);
  if (DAY.test(filter.to)) params.set('to', nextDay(filter.to));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Returns a message when the date range cannot match anything, otherwise null. */
export function dateRangeProblem(filter: AuditFilter): string | null {
  if (DAY.test(filter.from) && DAY.test(filter.to) && filter.from > filter.to) {
    return `The range starts (${filter.from}) after it ends (${filter.to}): swap the dates.`;
  }
  return null;
}
