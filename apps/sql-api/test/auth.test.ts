import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, errorOf, startTestServer, type Fixture, type TestServer } from './fixture.js';

let fixture: Fixture;
let server: TestServer;

beforeAll(async () => {
  fixture = await createFixture();
  server = await startTestServer(fixture.dataDir);
});

afterAll(async () => {
  await server.close();
  await fixture.remove();
});

const SELECT_ONE = { sql_query: 'SELECT 1', async_query: false };

describe('authentication', () => {
  it('rejects a request without a token with 401', async () => {
    const response = await server.query(undefined, 'alpha', SELECT_ONE);

    expect(response.status).toBe(401);
    expect(errorOf(response).code).toBe('unauthorized');
    expect(errorOf(response).message).toContain('Authorization: Bearer');
  });

  it('rejects an unknown token with 401', async () => {
    const response = await server.query('sqlapi_not-a-real-token', 'alpha', SELECT_ONE);

    expect(response.status).toBe(401);
    expect(errorOf(response).code).toBe('unauthorized');
  });

  it('rejects a Basic authorization header with 401', async () => {
    const response = await fetch(`${server.url}/v1/alpha/admin/sql_query`, {
      method: 'POST',
      headers: { authorization: `Basic ${fixture.tokens.alphaAdmin}`, 'content-type': 'application/json' },
      body: JSON.stringify(SELECT_ONE),
    });

    expect(response.status).toBe(401);
  });

  it('never echoes the token in an error', async () => {
    const response = await server.query(fixture.tokens.alphaAnalyst, 'alpha', SELECT_ONE);

    expect(JSON.stringify(response.body)).not.toContain(fixture.tokens.alphaAnalyst);
  });

  it('accepts tokens created while the server runs', async () => {
    const { createToken } = await import('../src/index.js');
    const token = await createToken(fixture.dataDir, { org: 'alpha', role: 'service', name: 'late' });

    const response = await server.query(token, 'alpha', SELECT_ONE);

    expect(response.status).toBe(200);
  });
});

describe('authorization', () => {
  it('lets admin and service tokens query', async () => {
    const admin = await server.query(fixture.tokens.alphaAdmin, 'alpha', SELECT_ONE);
    const service = await server.query(fixture.tokens.alphaService, 'alpha', SELECT_ONE);

    expect(admin.status).toBe(200);
    expect(service.status).toBe(200);
  });

  it('rejects an analyst token with 403', async () => {
    const response = await server.query(fixture.tokens.alphaAnalyst, 'alpha', SELECT_ONE);

    expect(response.status).toBe(403);
    expect(errorOf(response).code).toBe('forbidden');
    expect(errorOf(response).message).toContain('"analyst"');
  });

  it("rejects another organization's path with 403", async () => {
    const response = await server.query(fixture.tokens.alphaAdmin, 'beta', { sql_query: 'SELECT * FROM secret' });

    expect(response.status).toBe(403);
    expect(errorOf(response).code).toBe('forbidden');
    expect(JSON.stringify(response.body)).not.toContain('beta only');
  });

  it('rejects an organization without a database with 404', async () => {
    const response = await server.query(fixture.tokens.gammaAdmin, 'gamma', SELECT_ONE);

    expect(response.status).toBe(404);
    expect(errorOf(response).code).toBe('org_not_found');
  });

  it('rejects an unknown route with 404 in the error shape', async () => {
    const response = await fetch(`${server.url}/v1/alpha/admin/other`, { method: 'POST' });
    const body = (await response.json()) as { error: { code: string } };

    expect(response.status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });
});

describe('organization isolation', () => {
  it("cannot read another organization's table by name", async () => {
    const response = await server.sql(fixture.tokens.alphaAdmin, 'alpha', 'SELECT * FROM secret');

    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe('sql_error');
    expect(errorOf(response).message).toContain('secret');
  });

  it('cannot name the other database as a catalog', async () => {
    const response = await server.sql(fixture.tokens.alphaAdmin, 'alpha', 'SELECT * FROM beta.main.secret');

    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).not.toContain('beta only');
  });

  it('sees only its own tables in information_schema', async () => {
    const alpha = await server.sql(fixture.tokens.alphaAdmin, 'alpha', 'SELECT table_catalog, table_name FROM information_schema.tables ORDER BY table_name');
    const beta = await server.sql(fixture.tokens.betaAdmin, 'beta', 'SELECT table_catalog, table_name FROM information_schema.tables ORDER BY table_name');

    expect(alpha.body.result).toEqual([
      ['alpha', 'item'],
      ['alpha', 'numbers'],
    ]);
    expect(beta.body.result).toEqual([
      ['beta', 'item'],
      ['beta', 'secret'],
    ]);
  });

  it('returns different rows for the same table name', async () => {
    const alpha = await server.sql(fixture.tokens.alphaAdmin, 'alpha', 'SELECT count(*) FROM item');
    const beta = await server.sql(fixture.tokens.betaAdmin, 'beta', 'SELECT id, name FROM item');

    expect(alpha.body.result).toEqual([['3']]);
    expect(beta.body.result).toEqual([['42', 'beta item']]);
  });

  it('lists only its own database in duckdb_databases()', async () => {
    const response = await server.sql(fixture.tokens.alphaAdmin, 'alpha', "SELECT database_name FROM duckdb_databases() WHERE NOT internal");

    expect(response.body.result).toEqual([['alpha']]);
  });
});
