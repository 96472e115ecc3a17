import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.js';
import { createSqlApiClient, type SqlApiClientOptions } from '../src/upstream/sql-api-client.js';
import { type FaultServer, SMALL_RESULT, createTestCertificate, expectNoToken, sendJson, startFaultServer } from './support/fault-server.js';
import { parseRows } from '../src/upstream/success-body.js';

const TOKEN = 'test-token-tls-4c81d0e2a6';
const certificate = createTestCertificate();

let server: FaultServer | undefined;

beforeAll(async () => {
  if (certificate) server = await startFaultServer(certificate);
  server?.handle((_request, response) => sendJson(response, 200, SMALL_RESULT));
});

afterAll(async () => {
  await server?.close();
  certificate?.remove();
});

function optionsFor(running: FaultServer): SqlApiClientOptions {
  return { baseUrl: running.url, orgId: 'demo', token: TOKEN, timeoutMs: 5_000, maxResponseBytes: 1_000_000 };
}

describe.skipIf(certificate === undefined)('SQL API client over TLS (needs openssl to make a test certificate)', () => {
  it('refuses a self-signed certificate and sends no query', async () => {
    if (!server) throw new Error('the TLS fault server did not start');
    const client = createSqlApiClient(optionsFor(server));

    const error = await client.query('SELECT 1').catch((thrown: unknown) => thrown);
    await client.close();

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('upstream_tls_failed');
    expect((error as AppError).message).toContain(`127.0.0.1:${server.port}`);
    expectNoToken(error, TOKEN);
    expect(server.requests).toHaveLength(0);
  });

  it('trusts the certificate once it is given as caFile', async () => {
    if (!server || !certificate) throw new Error('the TLS fault server did not start');
    const client = createSqlApiClient({ ...optionsFor(server), caFile: certificate.certPath });

    const result = await client.query('SELECT 1');
    await client.close();

    expect(parseRows(result)).toEqual(SMALL_RESULT.result);
    expect(server.requests.at(-1)?.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('rejects a caFile without a PEM certificate', () => {
    if (!server || !certificate) throw new Error('the TLS fault server did not start');
    const notCertificate = join(dirname(certificate.certPath), 'not-a-certificate.pem');
    writeFileSync(notCertificate, 'hello');

    expect(() => createSqlApiClient({ ...optionsFor(server as FaultServer), caFile: notCertificate })).toThrow(
      /contains no PEM certificate/,
    );
    expect(() => createSqlApiClient({ ...optionsFor(server as FaultServer), caFile: `${notCertificate}.missing` })).toThrow(
      /ENOENT/,
    );
  });
});
