import { describe, expect, it } from 'vitest';
import { outcomeLabel, QUERY_OUTCOMES, sqlExcerpt } from '../src/history/outcome-text.js';
import { formatDuration, formatUtc, timeAgo } from '../src/history/time-text.js';

const NOW = Date.parse('2026-12-04T12:00:00Z');

describe('time text', () => {
  it('UTC time drops milliseconds and says UTC', () => {
    expect(formatUtc('2026-12-04T09:05:03.123Z')).toBe('2026-12-04 09:05:03 UTC');
    expect(formatUtc('2026-12-04T10:05:03+01:00')).toBe('2026-12-04 09:05:03 UTC');
    expect(formatUtc('not a time')).toBe('not a time');
  });

  it('age is in whole units', () => {
    expect(timeAgo('2026-12-04T11:59:30Z', NOW)).toBe('just now');
    expect(timeAgo('2026-12-04T11:55:00Z', NOW)).toBe('5 min ago');
    expect(timeAgo('2026-12-04T09:00:00Z', NOW)).toBe('3 h ago');
    expect(timeAgo('2026-12-03T11:00:00Z', NOW)).toBe('1 day ago');
    expect(timeAgo('2026-11-30T12:00:00Z', NOW)).toBe('4 days ago');
  });

  it('future time reads as now', () => {
    expect(timeAgo('2026-12-04T12:10:00Z', NOW)).toBe('just now');
  });

  it('durations pick their unit', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(849.6)).toBe('850 ms');
    expect(formatDuration(2400)).toBe('2.4 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
  });
});

describe('outcome text', () => {
  it('every outcome has a label', () => {
    expect(QUERY_OUTCOMES).toHaveLength(6);
    for (const outcome of QUERY_OUTCOMES) expect(outcomeLabel(outcome)).not.toBe('');
    expect(outcomeLabel('cached')).toBe('From cache');
  });

  it('excerpt flattens whitespace and cuts long SQL', () => {
    expect(sqlExcerpt('SELECT *\n  FROM t\twhere x = 1  ')).toBe('SELECT * FROM t where x = 1');
    const long = sqlExcerpt(`SELECT ${'a, '.repeat(100)}b`, 20);
    expect(long).toHaveLength(20);
    expect(long.endsWith('…')).toBe(true);
  });
});
