import type { ServerResponse } from 'node:http';
import type { LookupFunction } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.js';
import { createSqlApiClient, type SqlApiClient, type SqlApiClientOptions } from '../src/upstream/sql-api-client.js';
import {
  type FaultServer,
  type RecordedRequest,
  SMALL_RESULT,
  appErrorOf,
  closedPort,
  expectNoToken,
  sendJson,
  sendText,
  startFaultServer,
} from './support/fault-server.js';

const TOKEN = 'test-token-faults-8d2e41b7c9';

let server: FaultServer;
let client: SqlApiClient;
const extraClients: SqlApiClient[] = [];

function clientFor(overrides: Partial<SqlApiClientOptions>): SqlApiClient {
  const created = createSqlApiClient({
    baseUrl: server.url,
    orgId: 'demo',
    token: TOKEN,
    timeoutMs: 5_000,
    maxResponseBytes: 1_000_000,
    ...overrides,
  });
  extraClients.push(created);
  return created;
}

/** Runs a query that must fail, checks the token is in no part of the error, and returns it. */
async function failure(sql = 'SELECT 1', using: SqlApiClient = client): Promise<AppError> {
  const error = await appErrorOf(using.query(sql));
  expectNoToken(error, TOKEN);
  return error;
}

/** Responds like a careless gateway: the request's Authorization header is echoed in the body. */
function echo(request: RecordedRequest): string {
  return `received ${request.authorization ?? 'no header'}`;
}

beforeAll(async () => {
  server = await startFaultServer();
  client = clientFor({});
});

afterAll(async () => {
  await Promise.all(extraClients.map((created) => created.close()));
  await server.close();
});

afterEach(() => {
  server.requests.length = 0;
});

describe('SQL API client connection faults', () => {
  it('reports a refused connection as upstream_unreachable', async () => {
    const port = await closedPort();
    const error = await failure('SELECT 1', clientFor({ baseUrl: `http://127.0.0.1:${port}` }));

    expect(error.code).toBe('upstream_unreachable');
    expect(error.statusCode).toBe(502);
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).toContain('SQL_API_BASE_URL');
  });

  it('reports a host name that does not resolve as upstream_dns_failed', async () => {
    // The resolver replaces the system's so that no DNS query leaves the machine;
    // it fails the way dns.lookup does for a name under the reserved .invalid domain.
    const resolved: string[] = [];
    const lookup: LookupFunction = (hostname, _options, callback) => {
      resolved.push(hostname);
      const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
        code: 'ENOTFOUND',
        syscall: 'getaddrinfo',
        hostname,
      });
      callback(error, '', 4);
    };
    const error = await failure('SELECT 1', clientFor({ baseUrl: 'https://sql-api.example.invalid', lookup }));

    expect(resolved).toEqual(['sql-api.example.invalid']);
    expect(error.code).toBe('upstream_dns_failed');
    expect(error.message).toContain('sql-api.example.invalid');
  });

  it('reports TLS spoken to a plain HTTP server as upstream_tls_failed', async () => {
    const error = await failure('SELECT 1', clientFor({ baseUrl: server.url.replace('http:', 'https:') }));

    expect(error.code).toBe('upstream_tls_failed');
    expect(error.message).toContain(`127.0.0.1:${server.port}`);
  });

  it('gives up after the total timeout when no response comes', async () => {
    server.handle(() => {
      // Keeps the connection open without a response.
    });
    const started = Date.now();
    const error = await failure('SELECT 1', clientFor({ timeoutMs: 300 }));

    expect(error.code).toBe('upstream_timeout');
    expect(error.statusCode).toBe(504);
    expect(error.message).toContain('0.3 seconds');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('gives up after the total timeout when the body trickles', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"columns": [');
      const timer = setInterval(() => response.write(' '), 50);
      response.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    const error = await failure('SELECT 1', clientFor({ timeoutMs: 400 }));

    expect(error.code).toBe('upstream_timeout');
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

describe('SQL API client status faults', () => {
  const statusCases: Array<{ status: number; code: string; mentions: string[] }> = [
    { status: 401, code: 'upstream_unauthorized', mentions: ['SQL_API_TOKEN'] },
    { status: 403, code: 'upstream_forbidden', mentions: ['SQL_API_TOKEN', 'SQL_API_ORG_ID', 'switched on'] },
    { status: 404, code: 'upstream_not_found', mentions: ['SQL_API_ORG_ID', 'switched on'] },
  ];

  for (const { status, code, mentions } of statusCases) {
    it(`maps ${status} to ${code} with what to check`, async () => {
      server.handle((request, response) => sendJson(response, status, { error: { message: echo(request) } }));

      const error = await failure();

      expect(error.code).toBe(code);
      expect(error.statusCode).toBe(502);
      for (const mention of mentions) expect(error.message).toContain(mention);
    });
  }

  it('maps 429 to upstream_rate_limited with Retry-After seconds', async () => {
    server.handle((request, response) =>
      sendJson(response, 429, { error: { code: 'rate_limited', message: echo(request), retry_after_seconds: 40 } }, { 'retry-after': '17' }),
    );

    const error = await failure();

    expect(error.code).toBe('upstream_rate_limited');
    expect(error.statusCode).toBe(429);
    expect(error.retryAfterSeconds).toBe(17);
    expect(error.limit).toBe('upstream');
  });

  it('reads an HTTP date in Retry-After', async () => {
    const inThirtySeconds = new Date(Date.now() + 30_000).toUTCString();
    server.handle((_request, response) => sendText(response, 429, 'text/plain', 'slow down', { 'retry-after': inThirtySeconds }));

    const error = await failure();

    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(28);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(31);
  });

  it('falls back to retry_after_seconds when Retry-After is missing', async () => {
    server.handle((_request, response) => sendJson(response, 429, { error: { code: 'rate_limited', message: 'wait', retry_after_seconds: 25 } }));

    expect((await failure()).retryAfterSeconds).toBe(25);
  });

  it('waits 60 seconds when a 429 says nothing readable', async () => {
    server.handle((_request, response) => sendText(response, 429, 'text/html', '<html>Too many</html>', { 'retry-after': 'soon' }));

    expect((await failure()).retryAfterSeconds).toBe(60);
  });

  for (const status of [500, 502, 503]) {
    it(`maps ${status} with an HTML page to upstream_server_error`, async () => {
      server.handle((request, response) =>
        sendText(response, status, 'text/html', `<!DOCTYPE html><html><body><h1>Bad gateway</h1><p>${echo(request)}</p></body></html>`),
      );

      const error = await failure();

      expect(error.code).toBe('upstream_server_error');
      expect(error.message).toContain(String(status));
      expect(error.message).not.toContain('<');
    });
  }

  it('does not follow a redirect', async () => {
    server.handle((_request, response) => sendText(response, 302, 'text/plain', '', { location: `${server.url}/elsewhere` }));

    const error = await failure();

    expect(error.code).toBe('upstream_bad_response');
    expect(error.message).toContain('redirect');
    expect(server.requests.map((request) => request.url)).toEqual(['/v1/demo/admin/sql_query']);
  });
});

describe('SQL API client query errors', () => {
  const sql = 'SELECT *\nFROM nope';
  const bodyShapes: Array<{ shape: string; send: (request: RecordedRequest, response: ServerResponse) => void }> = [
    {
      shape: '{"error": {"message"}}',
      send: (request, response) => sendJson(response, 400, { error: { code: 'sql_error', message: `Table nope not found; ${echo(request)}` } }),
    },
    { shape: '{"message"}', send: (request, response) => sendJson(response, 400, { message: `Table nope not found; ${echo(request)}` }) },
    { shape: '{"error": "text"}', send: (request, response) => sendJson(response, 400, { error: `Table nope not found; ${echo(request)}` }) },
    { shape: '{"detail"}', send: (request, response) => sendJson(response, 400, { detail: `Table nope not found; ${echo(request)}` }) },
    {
      shape: '{"detail": [{"msg"}]}',
      send: (request, response) => sendJson(response, 400, { detail: [{ msg: `Table nope not found; ${echo(request)}` }] }),
    },
    { shape: 'plain text', send: (request, response) => sendText(response, 400, 'text/plain', `Table nope not found; ${echo(request)}`) },
  ];

  for (const { shape, send } of bodyShapes) {
    it(`reads the engine message from ${shape}`, async () => {
      server.handle(send);

      const error = await failure(sql);

      expect(error.code).toBe('sql_error');
      expect(error.statusCode).toBe(400);
      expect(error.message).toContain('Table nope not found');
      expect(error.message).toContain('[redacted]');
    });
  }

  it('passes a line and column position on', async () => {
    server.handle((_request, response) =>
      sendJson(response, 400, { error: { code: 'sql_error', message: 'Table nope not found', position: { line: 2, column: 6 } } }),
    );

    expect((await failure(sql)).position).toEqual({ line: 2, column: 6 });
  });

  it('turns a character offset into a line and column', async () => {
    server.handle((_request, response) => sendJson(response, 400, { error: { message: 'Table nope not found', position: '14' } }));

    expect((await failure(sql)).position).toEqual({ line: 2, column: 6 });
  });

  it('says so when a 400 gives no reason', async () => {
    server.handle((_request, response) => sendText(response, 400, 'text/html', '<html><body>Bad Request</body></html>'));

    const error = await failure(sql);

    expect(error.code).toBe('sql_error');
    expect(error.message).toContain('no reason');
  });

  it('maps a timeout reported by the API to query_timeout', async () => {
    server.handle((_request, response) =>
      sendJson(response, 408, { error: { code: 'query_timeout', message: 'The query was interrupted after 30 s.' } }),
    );

    const error = await failure(sql);

    expect(error.code).toBe('query_timeout');
    expect(error.statusCode).toBe(504);
    expect(error.message).toContain('interrupted after 30 s');
  });

  it('maps a timeout code on another status to query_timeout', async () => {
    server.handle((_request, response) => sendJson(response, 400, { error: { code: 'QUERY_TIMED_OUT', message: 'Too slow' } }));

    expect((await failure(sql)).code).toBe('query_timeout');
  });
});

describe('SQL API client unreadable responses', () => {
  const badBodies: Array<{ name: string; body: string; mentions: string }> = [
    { name: 'JSON of an unknown shape', body: '{"data": {"items": []}}', mentions: '"columns"' },
    { name: 'a JSON array', body: '[1, 2]', mentions: 'JSON object' },
    { name: 'invalid JSON', body: '{"columns": [}', mentions: 'invalid or incomplete JSON' },
    { name: 'an HTML page with status 200', body: '<html><body>Maintenance</body></html>', mentions: 'HTML' },
    { name: 'an empty body', body: '', mentions: 'empty' },
    {
      name: 'a column without a type',
      body: '{"truncated": false, "columns": [{"name": "a"}], "result": [[1]]}',
      mentions: 'column 1',
    },
    {
      name: 'a row of the wrong length',
      body: '{"truncated": false, "columns": [{"name": "a", "type": "INT"}], "result": [[1], [1, 2]]}',
      mentions: 'row 2 has 2 cells for 1 columns',
    },
    {
      name: 'a row that is not an array',
      body: '{"truncated": false, "columns": [{"name": "a", "type": "INT"}], "result": [{"a": 1}]}',
      mentions: 'row 1',
    },
    {
      name: 'a truncated flag that is not a boolean',
      body: '{"truncated": "no", "columns": [], "result": []}',
      mentions: '"truncated"',
    },
  ];

  for (const { name, body, mentions } of badBodies) {
    it(`maps ${name} to upstream_bad_response`, async () => {
      server.handle((_request, response) => sendText(response, 200, 'application/json', body));

      const error = await failure();

      expect(error.code).toBe('upstream_bad_response');
      expect(error.message).toContain(mentions);
    });
  }

  it('maps a body cut short of its Content-Length to upstream_bad_response', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
      response.write(JSON.stringify(SMALL_RESULT).slice(0, 40));
      setTimeout(() => response.destroy(), 20);
    });

    const error = await failure();

    expect(error.code).toBe('upstream_bad_response');
    expect(error.message).toContain('closed before the response was complete');
  });

  it('maps a chunked body cut short to upstream_bad_response', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write(JSON.stringify(SMALL_RESULT).slice(0, 40));
      setTimeout(() => response.destroy(), 20);
    });

    expect((await failure()).code).toBe('upstream_bad_response');
  });

  it('drops a streamed body larger than the cap', async () => {
    let bytesSent = 0;
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"truncated": false, "columns": [{"name": "a", "type": "STRING"}], "result": [');
      const row = `["${'x'.repeat(1000)}"],`;
      const timer = setInterval(() => {
        // Stops writing after about 20 MB, so a client that reads on past the cap times out and fails the checks below.
        if (bytesSent > 20_000_000) clearInterval(timer);
        bytesSent += row.length * 100;
        response.write(row.repeat(100));
      }, 1);
      response.on('close', () => clearInterval(timer));
    });

    const error = await failure('SELECT 1', clientFor({ maxResponseBytes: 256 * 1024 }));

    expect(error.code).toBe('upstream_response_too_large');
    expect(error.message).toContain(String(256 * 1024));
    expect(bytesSent).toBeLessThan(20_000_000);
  });

  it('drops a body whose Content-Length is over the cap before reading it', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10_000_000) });
      response.write('{');
    });

    expect((await failure('SELECT 1', clientFor({ maxResponseBytes: 1024 }))).code).toBe('upstream_response_too_large');
  });

  it('never lets the token into a message, whatever the fault', async () => {
    const sends = [
      (request: RecordedRequest, response: ServerResponse) => sendText(response, 400, 'text/plain', echo(request).repeat(300)),
      (request: RecordedRequest, response: ServerResponse) => sendJson(response, 422, { detail: echo(request) }),
      (request: RecordedRequest, response: ServerResponse) => sendJson(response, 418, { message: echo(request) }),
      (request: RecordedRequest, response: ServerResponse) => sendText(response, 200, 'application/json', `{"oops": "${echo(request)}"`),
      (request: RecordedRequest, response: ServerResponse) => sendJson(response, 200, { columns: echo(request) }),
    ];

    for (const send of sends) {
      server.handle(send);
      const error = await failure();
      expect(error.message).not.toContain(TOKEN);
    }
    expect(server.requests.every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });
});
