import type { QueryOutcome } from '@console/shared-types';

const LABELS: Record<QueryOutcome, string> = {
  ok: 'OK',
  cached: 'From cache',
  refused: 'Rejected',
  rate_limited: 'Rate limited',
  sql_error: 'SQL error',
  upstream_error: 'SQL API error',
};

/** Names a query outcome in words for lists and filters. */
export function outcomeLabel(outcome: QueryOutcome): string {
  return LABELS[outcome];
}

export const QUERY_OUTCOMES = Object.keys(LABELS) as QueryOutcome[];

/** Returns the first line of a query, whitespace collapsed, cut to `max` characters with an ellipsis. */
export function sqlExcerpt(sql: string, max = 120): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
