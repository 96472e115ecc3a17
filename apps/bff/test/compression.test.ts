import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, signIn } from './support/bff-harness.js';
import { type Stack, startStack } from './support/local-sql-api.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
  await addUser(stack.harness, 'alice', 'correct horse battery');
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

describe('query responses', () => {
  it('are compressed for a 1000 by 100 result', async () => {
    const columns = Array.from({ length: 100 }, (_, index) => `range * ${index + 1} AS c${index}`).join(', ');
    const session = await signIn(stack.harness.app, 'alice', 'correct horse battery');
    const response = await stack.harness.app.inject({
      method: 'POST',
      url: '/api/query',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'accept-encoding': 'br, gzip' },
      payload: { sql: `SELECT ${columns} FROM range(1000)` },
    });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    const body = JSON.parse(brotliDecompressSync(response.rawPayload).toString('utf8'));
    expect(body.rows).toHaveLength(1000);
    expect(body.rows[0]).toHaveLength(100);
    expect(response.rawPayload.length * 2).toBeLessThan(JSON.stringify(body).length);
  });
});
