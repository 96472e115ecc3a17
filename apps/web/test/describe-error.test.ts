import { ERROR_CODES, type BudgetStatus } from '@console/shared-types';
import { describe, expect, it } from 'vitest';
import { ApiError, StoppedError, TransportError } from '../src/api/api-error.js';
import { describeError, describeErrorBody, formatWait } from '../src/errors/describe-error.js';

const budget: BudgetStatus = {
  user: { limit: 6, remaining: 0, resetInSeconds: 12, windowSeconds: 60 },
  shared: { limit: 6, remaining: 3, resetInSeconds: 0, windowSeconds: 60 },
  upstreamPausedForSeconds: 0,
};

describe('describeErrorBody', () => {
  it('has its own title for every error code', () => {
    for (const code of ERROR_CODES) {
      const description = describeErrorBody({ code, message: 'server words' });
      expect(description.title, code).not.toBe('server words');
      expect(description.title.length, code).toBeGreaterThan(5);
    }
  });

  it('keeps the engine message for sql_error', () => {
    const description = describeErrorBody({
      code: 'sql_error',
      message: 'Catalog Error: Table with name conversaton does not exist!',
      position: { line: 1, column: 15 },
    });
    expect(description.title).toBe('The SQL engine rejected the query.');
    expect(description.detail).toBe('Catalog Error: Table with name conversaton does not exist!');
  });

  it('keeps the refusal reason for not_read_only', () => {
    const description = describeErrorBody({ code: 'not_read_only', message: 'INSERT is not allowed (line 1, column 1).' });
    expect(description.detail).toBe('INSERT is not allowed (line 1, column 1).');
    expect(description.hint).toContain('SELECT');
  });

  it('hides messages that repeat the wording', () => {
    const description = describeErrorBody({ code: 'upstream_timeout', message: 'timeout after 31000 ms' });
    expect(description.detail).toBeNull();
    expect(description.hint).toContain('Try again');
  });

  it('names the limit hit by a 429', () => {
    const user = describeErrorBody({
      code: 'user_rate_limited',
      message: 'You have used your 6 queries per 60 seconds.',
      retryAfterSeconds: 12,
      limit: 'user',
      budget,
    });
    expect(user.hint).toContain('your own limit');
    const shared = describeErrorBody({ code: 'budget_exhausted', message: 'x', retryAfterSeconds: 3, limit: 'shared' });
    expect(shared.hint).toContain('shared by everyone');
    const upstream = describeErrorBody({ code: 'upstream_rate_limited', message: 'x', retryAfterSeconds: 3, limit: 'upstream' });
    expect(upstream.hint).toContain('SQL API');
  });

  it('falls back to the message for an unknown code', () => {
    const details = { code: 'brand_new_code', message: 'Something new happened.' } as unknown as Parameters<
      typeof describeErrorBody
    >[0];
    expect(describeErrorBody(details)).toEqual({ title: 'Something new happened.', detail: null, hint: null });
  });
});

describe('describeError', () => {
  it('unwraps an ApiError', () => {
    const error = new ApiError(401, { code: 'invalid_credentials', message: 'Wrong username or password.' });
    expect(describeError(error).title).toBe('The username or password is wrong.');
  });

  it('says a stopped query may still finish', () => {
    const description = describeError(new StoppedError());
    expect(description.title).toContain('Stopped waiting');
    expect(description.hint).toContain('may still finish on the server');
  });

  it('tells an unreachable server from a bad answer', () => {
    expect(describeError(new TransportError('fetch failed', null)).title).toContain('could not be reached');
    expect(describeError(new TransportError('not JSON', 502)).title).toContain('HTTP 502');
  });

  it('describes a programming error without crashing', () => {
    const description = describeError(new TypeError('x is undefined'));
    expect(description.detail).toBe('x is undefined');
  });
});

describe('formatWait', () => {
  it('rounds up to whole seconds', () => {
    expect(formatWait(0.2)).toBe('1 s');
    expect(formatWait(12)).toBe('12 s');
  });

  it('uses minutes past a minute', () => {
    expect(formatWait(60)).toBe('1 min');
    expect(formatWait(125)).toBe('2 min 5 s');
  });

  it('never goes below zero', () => {
    expect(formatWait(-4)).toBe('0 s');
  });
});
