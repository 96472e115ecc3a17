import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './support/bff-harness.js';
import { unusedQueryService } from './support/unused-query-service.js';

let harness: Harness;

afterEach(async () => {
  await harness.close();
});

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );
}

describe('security headers', () => {
  it.each(['/', '/api/session', '/healthz'])('carry a strict CSP on %s', async (url) => {
    harness = await startHarness({ queryService: unusedQueryService });
    const response = await harness.app.inject({ method: 'GET', url });
    const csp = directives(String(response.headers['content-security-policy']));

    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('worker-src')).toBe("'self'");
    expect(csp.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(csp.get('img-src')).toBe("'self' data:");
    expect(csp.get('font-src')).toBe("'self' data:");
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'self'");
  });

  it('include nosniff, no-referrer and frame denial', async () => {
    harness = await startHarness({ queryService: unusedQueryService });
    const response = await harness.app.inject({ method: 'GET', url: '/' });

    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('cover files, errors and API routes', async () => {
    harness = await startHarness({ queryService: unusedQueryService });
    const expected = {
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'DENY',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    };
    const responses = [
      await harness.app.inject({ method: 'GET', url: '/' }),
      await harness.app.inject({ method: 'GET', url: '/api/no-such-route' }),
      await harness.app.inject({ method: 'POST', url: '/api/query', payload: { sql: 'SELECT 1' } }),
    ];
    for (const response of responses) {
      for (const [name, value] of Object.entries(expected)) expect(response.headers[name], name).toBe(value);
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  it('keep API replies out of caches', async () => {
    harness = await startHarness({ queryService: unusedQueryService });
    const api = await harness.app.inject({ method: 'GET', url: '/api/session' });
    const page = await harness.app.inject({ method: 'GET', url: '/' });
    expect(api.headers['cache-control']).toBe('no-store');
    expect(page.headers['cache-control']).not.toBe('no-store');
  });

  it('leave out HSTS over plain http', async () => {
    harness = await startHarness({ queryService: unusedQueryService });
    const response = await harness.app.inject({ method: 'GET', url: '/' });
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('send HSTS when the request came over TLS', async () => {
    harness = await startHarness({ queryService: unusedQueryService, env: { TRUST_PROXY: 'true' } });
    const response = await harness.app.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('ignore a forwarded protocol from an untrusted client', async () => {
    harness = await startHarness({ queryService: unusedQueryService });
    const response = await harness.app.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });
});
