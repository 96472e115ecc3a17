import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { AppError } from '../../src/errors.js';

/** One request as the fake SQL API received it. */
export interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
  receivedAt: number;
}

export type FaultHandler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

/**
 * A fake SQL API on 127.0.0.1 whose response each test chooses with `handle`.
 * It records every request and, by default, responds as the contract describes.
 */
export interface FaultServer {
  /** Base URL to pass as `baseUrl`, e.g. `http://127.0.0.1:40123`. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  handle(handler: FaultHandler): void;
  close(): Promise<void>;
}

export interface TlsKeyPair {
  key: string;
  cert: string;
  certPath: string;
}

export async function startFaultServer(tls?: TlsKeyPair): Promise<FaultServer> {
  const requests: RecordedRequest[] = [];
  let handler: FaultHandler = (_request, response) => sendJson(response, 200, SMALL_RESULT);

  const listener = (incoming: IncomingMessage, response: ServerResponse): void => {
    void (async () => {
      const request = await record(incoming);
      requests.push(request);
      await handler(request, response);
    })().catch((error: unknown) => {
      // A broken test handler shows up as a 500 that names the cause.
      if (!response.headersSent) sendText(response, 500, 'text/plain', `fault server handler failed: ${String(error)}`);
      else response.destroy();
    });
  };
  const server: Server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, listener) : createHttpServer(listener);

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    handle(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function record(incoming: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming as AsyncIterable<Buffer>) chunks.push(chunk);
  return {
    method: incoming.method ?? '',
    url: incoming.url ?? '',
    authorization: incoming.headers.authorization,
    contentType: incoming.headers['content-type'],
    body: Buffer.concat(chunks).toString('utf8'),
    receivedAt: Date.now(),
  };
}

export const SMALL_RESULT = {
  execution_time_ms: 12,
  truncated: false,
  columns: [
    { name: 'id', type: 'STRING' },
    { name: 'n', type: 'INT' },
  ],
  result: [
    ['a1', 1],
    ['b2', 2],
  ],
};

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendText(response, status, 'application/json', JSON.stringify(body), headers);
}

export function sendText(
  response: ServerResponse,
  status: number,
  contentType: string,
  text: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

/** Returns a free port on 127.0.0.1 with nothing listening on it. */
export async function closedPort(): Promise<number> {
  const server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Makes a throwaway self-signed certificate for 127.0.0.1 with `openssl`, or
 * returns undefined when `openssl` is not installed. Nothing is kept on disk
 * beyond the returned temporary directory, which `remove` deletes.
 */
export function createTestCertificate(): (TlsKeyPair & { remove(): void }) | undefined {
  const directory = mkdtempSync(join(tmpdir(), 'bff-test-tls-'));
  const keyPath = join(directory, 'test-only-key.pem');
  const certPath = join(directory, 'test-only-cert.pem');
  try {
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', keyPath, '-out', certPath, '-days', '1',
        '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
  } catch {
    rmSync(directory, { recursive: true, force: true });
    return undefined;
  }
  return {
    key: readFileSync(keyPath, 'utf8'),
    cert: readFileSync(certPath, 'utf8'),
    certPath,
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}

/**
 * Asserts that `token` appears nowhere in an error: not in its message, stack
 * or HTTP body, nor in those of any error in its `cause` chain.
 */
export function expectNoToken(error: unknown, token: string): void {
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current instanceof Error; depth += 1) {
    expect(current.message).not.toContain(token);
    expect(current.stack ?? '').not.toContain(token);
    if (current instanceof AppError) expect(JSON.stringify(current.toBody())).not.toContain(token);
    current = current.cause;
  }
}

/** Awaits a promise that must reject with an `AppError`, and returns that error. */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}
