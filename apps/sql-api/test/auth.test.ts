import { describe, expect, it } from 'vitest';
import { errorOf, useFixtureServer } from './fixture.js';

const context = useFixtureServer();

const SELECT_ONE = { sql_query: 'SELECT 1', async_query: false };

describe('authentication', () => {
  it('rejects a request without a token with 401', async () => {
    const response = await context.server.query(undefined, 'alpha', SELECT_ONE);

    expect(response.status).toBe(401);
    expect(errorOf(response).code).toBe('unauthorized');
    expect(errorOf(response).message).toContain('Authorization: Bearer');
  });

  it('rejects an unknown token with 401', async () => {
    const response = await context.server.query('sqlapi_not-a-real-token', 'alpha', SELECT_ONE);

    expect(response.status).toBe(401);
    expect(errorOf(response).code).toBe('unauthorized');
  });

  it('rejects a Basic authorization header with 401', async () => {
    const response = await fetch(`${context.server.url}/v1/alpha/admin/sql_query`, {
      method: 'POST',
      headers: { authorization: `Basic ${context.fixture.tokens.alphaAdmin}`, 'content-type': 'application/json' },
      body: JSON.stringify(SELECT_ONE),
    });

    expect(response.status).toBe(401);
  });

  it('never echoes the token in an error', async () => {
    const response = await context.server.query(context.fixture.tokens.alphaAnalyst, 'alpha', SELECT_ONE);

    expect(JSON.stringify(response.body)).not.toContain(context.fixture.tokens.alphaAnalyst);
  });

  it('accepts tokens created while the server runs', async () => {
    const { createToken } = await import('../src/index.js');
    const token = await createToken(context.fixture.dataDir, { org: 'alpha', role: 'service', name: 'late' });

    const response = await context.server.query(token, 'alpha', SELECT_ONE);

    expect(response.status).toBe(200);
  });
});

describe('authorization', () => {
  it('lets admin and service tokens query', async () => {
    const admin = await context.server.query(context.fixture.tokens.alphaAdmin, 'alpha', SELECT_ONE);
    const service = await context.server.query(context.fixture.tokens.alphaService, 'alpha', SELECT_ONE);

    expect(admin.status).toBe(200);
    expect(service.status).toBe(200);
  });

  it('rejects an analyst token with 403', async () => {
    const response = await context.server.query(context.fixture.tokens.alphaAnalyst, 'alpha', SELECT_ONE);

    expect(response.status).toBe(403);
    expect(errorOf(response).code).toBe('forbidden');
    expect(errorOf(response).message).toContain('"analyst"');
  });

  it("rejects another organization's path with 403", async () => {
    const response = await context.server.query(context.fixture.tokens.alphaAdmin, 'beta', { sql_query: 'SELECT * FROM secret' });

    expect(response.status).toBe(403);
    expect(errorOf(response).code).toBe('forbidden');
    expect(JSON.stringify(response.body)).not.toContain('beta only');
  });

  it('rejects an organization without a database with 404', async () => {
    const response = await context.server.query(context.fixture.tokens.gammaAdmin, 'gamma', SELECT_ONE);

    expect(response.status).toBe(404);
    expect(errorOf(response).code).toBe('org_not_found');
  });

  it('rejects an unknown route with 404 in the error shape', async () => {
    const response = await fetch(`${context.server.url}/v1/alpha/admin/other`, { method: 'POST' });
    const body = (await response.json()) as { error: { code: string } };

    expect(response.status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });
});

describe('organization isolation', () => {
  it("cannot read another organization's table by name", async () => {
    const response = await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', 'SELECT * FROM secret');

    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe('sql_error');
    expect(errorOf(response).message).toContain('secret');
  });

  it('cannot name the other database as a catalog', async () => {
    const response = await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', 'SELECT * FROM beta.main.secret');

    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).not.toContain('beta only');
  });

  it('sees only its own tables in information_schema', async () => {
    const alpha = await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', 'SELECT table_catalog, table_name FROM information_schema.tables ORDER BY table_name');
    const beta = await context.server.sql(context.fixture.tokens.betaAdmin, 'beta', 'SELECT table_catalog, table_name FROM information_schema.tables ORDER BY table_name');

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
    const alpha = await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', 'SELECT count(*) FROM item');
    const beta = await context.server.sql(context.fixture.tokens.betaAdmin, 'beta', 'SELECT id, name FROM item');

    expect(alpha.body.result).toEqual([['3']]);
    expect(beta.body.result).toEqual([['42', 'beta item']]);
  });

  it('lists only its own database in duckdb_databases()', async () => {
    const response = await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', "SELECT database_name FROM duckdb_databases() WHERE NOT internal");

    expect(response.body.result).toEqual([['alpha']]);
  });
});
