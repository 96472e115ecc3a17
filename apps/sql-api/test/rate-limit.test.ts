import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RollingRateLimiter } from '../src/rate-limiter.js';
import { createFixture, errorOf, startTestServer, type Fixture, type TestServer } from './fixture.js';

describe('rate limit over HTTP', () => {
  let fixture: Fixture;
  let server: TestServer;

  beforeAll(async () => {
    fixture = await createFixture();
    server = await startTestServer(fixture.dataDir, { rateLimitPerMinute: 6 });
  });

  afterAll(async () => {
    await server.close();
    await fixture.remove();
  });

  it('answers the seventh request in a minute with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 6; index += 1) {
      statuses.push((await server.sql(fixture.tokens.alphaAdmin, 'alpha', 'SELECT 1')).status);
    }
    const limited = await server.sql(fixture.tokens.alphaAdmin, 'alpha', 'SELECT 1');

    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    expect(limited.status).toBe(429);
    expect(errorOf(limited).code).toBe('rate_limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(errorOf(limited).retry_after_seconds).toBe(retryAfter);
    expect(errorOf(limited).message).toContain(`Retry in ${retryAfter} s`);
  });

  it('counts each token separately', async () => {
    const response = await server.sql(fixture.tokens.alphaService, 'alpha', 'SELECT 1');

    expect(response.status).toBe(200);
  });

  it('counts rejected queries against the budget', async () => {
    for (let index = 0; index < 6; index += 1) {
      await server.sql(fixture.tokens.betaAdmin, 'beta', 'SELEC 1');
    }
    const response = await server.sql(fixture.tokens.betaAdmin, 'beta', 'SELECT 1');

    expect(response.status).toBe(429);
  });
});

describe('rate limit turned off', () => {
  it('lets many requests through with a limit of 0', async () => {
    const fixture = await createFixture();
    const server = await startTestServer(fixture.dataDir, { rateLimitPerMinute: 0 });
    try {
      const statuses = await Promise.all(
        Array.from({ length: 20 }, () => server.sql(fixture.tokens.alphaAdmin, 'alpha', 'SELECT 1').then((response) => response.status)),
      );
      expect(new Set(statuses)).toEqual(new Set([200]));
    } finally {
      await server.close();
      await fixture.remove();
    }
  });
});

describe('RollingRateLimiter', () => {
  it('frees a slot exactly one minute after the oldest request', () => {
    let now = 1_000_000;
    const limiter = new RollingRateLimiter(2, () => now);

    expect(limiter.take('t').allowed).toBe(true);
    now += 20_000;
    expect(limiter.take('t').allowed).toBe(true);
    now += 10_000;
    expect(limiter.take('t')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    now += 30_000;
    expect(limiter.take('t').allowed).toBe(true);
    expect(limiter.take('t')).toEqual({ allowed: false, retryAfterSeconds: 20 });
  });

  it('rounds the wait up to whole seconds', () => {
    let now = 0;
    const limiter = new RollingRateLimiter(1, () => now);
    limiter.take('t');
    now = 59_500;

    expect(limiter.take('t')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('does not extend the wait for rejected requests', () => {
    let now = 0;
    const limiter = new RollingRateLimiter(1, () => now);
    limiter.take('t');
    for (let second = 1; second < 60; second += 1) {
      now = second * 1000;
      limiter.take('t');
    }
    now = 60_000;

    expect(limiter.take('t').allowed).toBe(true);
  });
});
