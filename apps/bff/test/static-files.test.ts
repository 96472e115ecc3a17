import { brotliCompressSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './support/bff-harness.js';
import { unusedQueryService } from './support/unused-query-service.js';

let harness: Harness;

afterEach(async () => {
  await harness.close();
});

describe('web app files', () => {
  it('serve index.html at / with no-cache', async () => {
    harness = await startHarness({ queryService: unusedQueryService });
    const response = await harness.app.inject({ method: 'GET', url: '/' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toContain('<div id="root">');
  });

  it('serve hashed assets as immutable for a year', async () => {
    harness = await startHarness({ queryService: unusedQueryService });
    const response = await harness.app.inject({ method: 'GET', url: '/assets/index-3f9a1c.js' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('compress assets for clients that accept it', async () => {
    harness = await startHarness({ queryService: unusedQueryService });
    const response = await harness.app.inject({
      method: 'GET',
      url: '/assets/index-3f9a1c.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.headers['content-encoding']).toBe('gzip');
  });

  it('send the build\'s precompressed copy as it is', async () => {
    harness = await startHarness({ queryService: unusedQueryService });
    const response = await harness.app.inject({
      method: 'GET',
      url: '/assets/styles-5b2e0d.css',
      headers: { 'accept-encoding': 'br, gzip' },
    });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.rawPayload.equals(brotliCompressSync('body { color: black; }\n'.repeat(100)))).toBe(true);
  });

  it('revalidate other files at the root', async () => {
    harness = await startHarness({ queryService: unusedQueryService });
    const response = await harness.app.inject({ method: 'GET', url: '/favicon.svg' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it.each(['/q/AbCdEfGhIjKlMnOpQrStUv', '/history', '/saved/'])('answer the app page for %s', async (url) => {
    harness = await startHarness({ queryService: unusedQueryService });
    const response = await harness.app.inject({ method: 'GET', url });

    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toContain('<div id="root">');
  });

  it.each(['/assets/missing-123.js', '/missing.png'])('answer 404 for the missing file %s', async (url) => {
    harness = await startHarness({ queryService: unusedQueryService });
    const response = await harness.app.inject({ method: 'GET', url });

    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });

  it('answer unknown API routes with a JSON 404', async () => {
    harness = await startHarness({ queryService: unusedQueryService });
    const response = await harness.app.inject({ method: 'GET', url: '/api/no-such-route' });

    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });

  it('say how to build the web app when there is no build', async () => {
    harness = await startHarness({ queryService: unusedQueryService, webBuild: false });
    const response = await harness.app.inject({ method: 'GET', url: '/' });

    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npm run build');
    expect(response.body).toContain('WEB_ROOT');
  });

  it('answer /healthz', async () => {
    harness = await startHarness({ queryService: unusedQueryService });
    const response = await harness.app.inject({ method: 'GET', url: '/healthz' });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });
});
