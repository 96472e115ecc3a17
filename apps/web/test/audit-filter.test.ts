import { describe, expect, it } from 'vitest';
import { auditQueryString, dateRangeProblem, EMPTY_AUDIT_FILTER, nextDay } from '../src/audit/audit-filter.js';

describe('audit filter', () => {
  it('blank filters give no query string', () => {
    expect(auditQueryString(EMPTY_AUDIT_FILTER)).toBe('');
    expect(auditQueryString({ ...EMPTY_AUDIT_FILTER, user: '  ', search: ' ' })).toBe('');
  });

  it('every filter is sent, trimmed and encoded', () => {
    const query = auditQueryString({ user: ' riley ', outcome: 'rate_limited', search: "a&b = 'c'", from: '2026-12-01', to: '2026-12-04' });
    const params = new URLSearchParams(query.slice(1));
    expect(query.startsWith('?')).toBe(true);
    expect(params.get('user')).toBe('riley');
    expect(params.get('outcome')).toBe('rate_limited');
    expect(params.get('search')).toBe("a&b = 'c'");
    expect(params.get('from')).toBe('2026-12-01');
  });

  it('end day is included by asking for the next midnight', () => {
    const params = new URLSearchParams(auditQueryString({ ...EMPTY_AUDIT_FILTER, to: '2026-12-04' }).slice(1));
    expect(params.get('to')).toBe('2026-12-05');
  });

  it('next day crosses months, years and leap days', () => {
    expect(nextDay('2026-01-31')).toBe('2026-02-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2027-02-28')).toBe('2027-03-01');
  });

  it('half-typed dates are left out', () => {
    expect(auditQueryString({ ...EMPTY_AUDIT_FILTER, from: '2026-12', to: 'x' })).toBe('');
  });

  it('reversed range is reported', () => {
    expect(dateRangeProblem({ ...EMPTY_AUDIT_FILTER, from: '2026-12-05', to: '2026-12-04' })).toContain('swap the dates');
    expect(dateRangeProblem({ ...EMPTY_AUDIT_FILTER, from: '2026-12-04', to: '2026-12-04' })).toBeNull();
    expect(dateRangeProblem({ ...EMPTY_AUDIT_FILTER, from: '2026-12-04' })).toBeNull();
  });
});
