import { describe, expect, it } from 'vitest';
import { errorOf, useFixtureServer } from './fixture.js';

const context = useFixtureServer();

describe('bad SQL', () => {
  it('returns the binder message with its line and column', async () => {
    const response = await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', 'SELECT *\nFROM item\nWHERE idd = 1');

    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe('sql_error');
    expect(errorOf(response).message).toContain('Binder Error: Referenced column "idd" not found');
    expect(errorOf(response).message).not.toContain('LINE 3');
    expect(errorOf(response).position).toEqual({ line: 3, column: 7 });
  });

  it('returns the parser message with its position', async () => {
    const response = await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', 'SELECT 1,\n  FROM FROM item');

    expect(response.status).toBe(400);
    expect(errorOf(response).message).toContain('Parser Error: syntax error at or near "FROM"');
    expect(errorOf(response).position).toEqual({ line: 2, column: 8 });
  });

  it('counts columns past an emoji as editors do', async () => {
    const response = await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', "SELECT '🙂' AS a, nope FROM item");

    expect(errorOf(response).position).toEqual({ line: 1, column: 19 });
  });

  it('returns a conversion error from execution', async () => {
    const response = await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', "SELECT 'abc'::INTEGER");

    expect(response.status).toBe(400);
    expect(errorOf(response).message).toContain("Conversion Error: Could not convert string 'abc'");
  });

  it('returns an unknown table error naming the table', async () => {
    const response = await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', 'SELECT * FROM missing_table');

    expect(response.status).toBe(400);
    expect(errorOf(response).message).toContain('missing_table');
  });
});

describe('invalid requests', () => {
  it('rejects async_query true with 400', async () => {
    const response = await context.server.query(context.fixture.tokens.alphaAdmin, 'alpha', { sql_query: 'SELECT 1', async_query: true });

    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe('async_not_supported');
    expect(errorOf(response).message).toContain('Only synchronous queries are supported');
  });

  it('accepts a body without async_query', async () => {
    const response = await context.server.query(context.fixture.tokens.alphaAdmin, 'alpha', { sql_query: 'SELECT 1' });

    expect(response.status).toBe(200);
  });

  it.each([
    ['a missing sql_query', { async_query: false }, '"sql_query" must be a string'],
    ['a numeric sql_query', { sql_query: 42 }, '"sql_query" must be a string'],
    ['an empty sql_query', { sql_query: '   ' }, '"sql_query" is empty'],
    ['a string async_query', { sql_query: 'SELECT 1', async_query: 'false' }, '"async_query" must be true or false'],
    ['an array body', [1, 2], 'expected a JSON object'],
    ['malformed JSON', '{"sql_query": ', 'not valid JSON'],
  ])('rejects %s with 400', async (_label, body, expected) => {
    const response = await context.server.query(context.fixture.tokens.alphaAdmin, 'alpha', body);

    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe('invalid_request');
    expect(errorOf(response).message).toContain(expected);
  });

  it('rejects a non-JSON content type with 415', async () => {
    const response = await fetch(`${context.server.url}/v1/alpha/admin/sql_query`, {
      method: 'POST',
      headers: { authorization: `Bearer ${context.fixture.tokens.alphaAdmin}`, 'content-type': 'text/plain' },
      body: 'SELECT 1',
    });
    const body = (await response.json()) as { error: { code: string; message: string } };

    expect(response.status).toBe(415);
    expect(body.error.code).toBe('unsupported_media_type');
    expect(body.error.message).toContain('"text/plain"');
  });

  it('rejects a body over 1 MiB with 413', async () => {
    const response = await context.server.query(context.fixture.tokens.alphaAdmin, 'alpha', { sql_query: `SELECT '${'x'.repeat(1_100_000)}'` });

    expect(response.status).toBe(413);
    expect(errorOf(response).code).toBe('payload_too_large');
  });
});
