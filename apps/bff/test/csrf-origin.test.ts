import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, type Harness, OWN_ORIGIN, type SignedIn, signIn, startHarness } from './support/bff-harness.js';
import { unusedQueryService } from './support/unused-query-service.js';

const PASSWORD = 'correct horse battery';
const newQuery = JSON.stringify({ title: 'Recent conversations', sql: 'SELECT 1' });
let harness: Harness;
let session: SignedIn;

beforeEach(async () => {
  harness = await startHarness({ queryService: unusedQueryService });
  await addUser(harness, 'alice', PASSWORD);
  session = await signIn(harness.app, 'alice', PASSWORD);
});

afterEach(async () => {
  await harness.close();
});

function createSavedQuery(headers: Record<string, string>, payload = newQuery) {
  return harness.app.inject({
    method: 'POST',
    url: '/api/saved-queries',
    headers: { cookie: session.cookie, ...headers },
    payload,
  });
}

describe('CSRF token', () => {
  it('accepts a state-changing call that carries it', async () => {
    const response = await createSavedQuery({
      'x-csrf-token': session.csrfToken,
      'content-type': 'application/json',
      origin: OWN_ORIGIN,
    });
    expect(response.statusCode).toBe(201);
  });

  it('rejects a call without it', async () => {
    const response = await createSavedQuery({ 'content-type': 'application/json', origin: OWN_ORIGIN });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
  });

  it('rejects a call with a wrong one', async () => {
    const wrong = `${session.csrfToken.slice(0, -1)}${session.csrfToken.endsWith('A') ? 'B' : 'A'}`;
    const response = await createSavedQuery({ 'x-csrf-token': wrong, 'content-type': 'application/json' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
  });

  it('rejects another session token', async () => {
    await addUser(harness, 'bob', PASSWORD);
    const bob = await signIn(harness.app, 'bob', PASSWORD);
    const response = await createSavedQuery({ 'x-csrf-token': bob.csrfToken, 'content-type': 'application/json' });
    expect(response.statusCode).toBe(403);
  });

  it('is required for sign-out', async () => {
    const response = await harness.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: session.cookie } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
  });

  it('is not needed for reads', async () => {
    const response = await harness.app.inject({ method: 'GET', url: '/api/saved-queries', headers: { cookie: session.cookie } });
    expect(response.statusCode).toBe(200);
  });
});

describe('Origin check', () => {
  it('rejects a foreign Origin even with the right token', async () => {
    const response = await createSavedQuery({
      'x-csrf-token': session.csrfToken,
      'content-type': 'application/json',
      origin: 'https://evil.example',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('origin_rejected');
  });

  it('rejects the null Origin of sandboxed pages', async () => {
    const response = await createSavedQuery({
      'x-csrf-token': session.csrfToken,
      'content-type': 'application/json',
      origin: 'null',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('origin_rejected');
  });

  it('requires an Origin at sign-in', async () => {
    const response = await harness.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'alice', password: PASSWORD },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('origin_rejected');
  });

  it('rejects sign-in from another origin', async () => {
    const response = await harness.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { origin: 'http://localhost:9999' },
      payload: { username: 'alice', password: PASSWORD },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('origin_rejected');
  });
});

describe('content type', () => {
  it.each([
    ['text/plain', newQuery],
    ['application/x-www-form-urlencoded', 'title=x&sql=SELECT+1'],
    ['multipart/form-data; boundary=x', '--x--'],
  ])('rejects %s bodies with 415', async (contentType, payload) => {
    const response = await createSavedQuery(
      { 'x-csrf-token': session.csrfToken, 'content-type': contentType, origin: OWN_ORIGIN },
      payload,
    );
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('unsupported_media_type');
    expect(response.json().error.message).toContain(contentType.split(';')[0]);
  });

  it('accepts JSON with a charset', async () => {
    const response = await createSavedQuery({
      'x-csrf-token': session.csrfToken,
      'content-type': 'application/json; charset=utf-8',
    });
    expect(response.statusCode).toBe(201);
  });

  it('accepts an empty body labelled as JSON', async () => {
    const response = await harness.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(204);
  });

  it('rejects a prototype-polluting body', async () => {
    const response = await createSavedQuery(
      { 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
      '{"title": "x", "sql": "SELECT 1", "__proto__": {"admin": true}}',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_request');
  });

  it('answers invalid JSON with invalid_request', async () => {
    const response = await createSavedQuery(
      { 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
      '{"title": ',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_request');
  });
});
