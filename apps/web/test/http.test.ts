/// <reference types="node" />
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, StoppedError, TransportError } from '../src/api/api-error.js';
import { requestJson, setCsrfToken, setUnauthorizedHandler } from '../src/api/http.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const realFetch = globalThis.fetch;
let server: Server;
let origin = '';
const seen: Seen[] = [];

// Responds by path, so each test picks the response it needs.
function respond(url: string, send: (status: number, type: string, body: string) => void): void {
  if (url === '/api/ok') send(200, 'application/json', '{"value":"9223372036854775807"}');
  else if (url === '/api/no-content') send(204, 'application/json', '');
  else if (url === '/api/gone') send(401, 'application/json', '{"error":{"code":"not_authenticated","message":"Sign in first."}}');
  else if (url === '/api/html') send(502, 'text/html', '<html>Bad gateway</html>');
  else if (url === '/api/odd') send(500, 'application/json', '{"oops":true}');
  else if (url === '/api/slow') setTimeout(() => send(200, 'application/json', '{}'), 2000);
  else send(404, 'application/json', '{"error":{"code":"not_found","message":"No such route."}}');
}

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      respond(request.url ?? '', (status, type, text) => {
        if (response.destroyed) return;
        response.writeHead(status, { 'content-type': type });
        response.end(text);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // The app calls relative paths, as a page does; send them to the test server.
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => realFetch(`${origin}${input}`, init));
});

afterAll(async () => {
  vi.unstubAllGlobals();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => {
  seen.length = 0;
  setCsrfToken(null);
  setUnauthorizedHandler(null);
});

describe('requestJson', () => {
  it('sends JSON with the CSRF token on POST', async () => {
    setCsrfToken('token-123');
    await requestJson('POST', '/api/ok', { body: { sql: 'SELECT 1' } });
    const request = seen[0];
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-csrf-token']).toBe('token-123');
    expect(request?.body).toBe('{"sql":"SELECT 1"}');
  });

  it('sends the CSRF token on DELETE too', async () => {
    setCsrfToken('token-456');
    await requestJson('DELETE', '/api/no-content');
    expect(seen[0]?.headers['x-csrf-token']).toBe('token-456');
  });

  it('sends no body or token on GET', async () => {
    setCsrfToken('token-123');
    const value = await requestJson<{ value: string }>('GET', '/api/ok');
    expect(value).toEqual({ value: '9223372036854775807' });
    expect(seen[0]?.headers['x-csrf-token']).toBeUndefined();
    expect(seen[0]?.body).toBe('');
  });

  it('returns undefined for 204', async () => {
    await expect(requestJson('DELETE', '/api/no-content')).resolves.toBeUndefined();
  });

  it('throws ApiError with the body details', async () => {
    const error = await requestJson('GET', '/api/missing').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).details).toEqual({ code: 'not_found', message: 'No such route.' });
  });

  it('reports a lost session once', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    await expect(requestJson('GET', '/api/gone')).rejects.toBeInstanceOf(ApiError);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('leaves a 401 to the caller on request', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    await expect(requestJson('GET', '/api/gone', { ignoreUnauthorized: true })).rejects.toBeInstanceOf(ApiError);
    expect(handler).not.toHaveBeenCalled();
  });

  it('throws TransportError for a body that is not JSON', async () => {
    const error = await requestJson('GET', '/api/html').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).status).toBe(502);
  });

  it('throws TransportError for JSON without an error object', async () => {
    const error = await requestJson('GET', '/api/odd').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).status).toBe(500);
  });

  it('throws StoppedError when aborted', async () => {
    const controller = new AbortController();
    const pending = requestJson('POST', '/api/slow', { body: {}, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toBeInstanceOf(StoppedError);
  });
});

describe('requestJson without a server', () => {
  it('throws TransportError without a status', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const toTestServer = globalThis.fetch;
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) => realFetch(`http://127.0.0.1:${port}${input}`, init));
    try {
      const error = await requestJson('GET', '/api/ok').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TransportError);
      expect((error as TransportError).status).toBeNull();
      expect((error as TransportError).message).toContain('fetch failed');
    } finally {
      vi.stubGlobal('fetch', toTestServer);
    }
  });
});
