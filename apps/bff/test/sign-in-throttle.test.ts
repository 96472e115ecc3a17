import { afterEach, describe, expect, it } from 'vitest';
import { addUser, type Harness, signInResponse, startHarness } from './support/bff-harness.js';
import { unusedQueryService } from './support/unused-query-service.js';

const PASSWORD = 'correct horse battery';
let harness: Harness;

afterEach(async () => {
  await harness.close();
});

async function start(): Promise<Harness> {
  harness = await startHarness({ queryService: unusedQueryService });
  await addUser(harness, 'alice', PASSWORD);
  return harness;
}

async function timeSignIn(username: string, password: string): Promise<number> {
  const started = process.hrtime.bigint();
  await signInResponse(harness.app, username, password);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

describe('sign-in failures', () => {
  it('answer the same for an unknown user and a wrong password', async () => {
    await start();
    const unknown = await signInResponse(harness.app, 'mallory', PASSWORD);
    const wrongPassword = await signInResponse(harness.app, 'alice', 'not the password');

    expect(unknown.statusCode).toBe(401);
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrongPassword.json());
    expect(unknown.json().error.code).toBe('invalid_credentials');
    expect(unknown.headers['content-length']).toBe(wrongPassword.headers['content-length']);
  });

  it('take comparable time for an unknown user and a wrong password', async () => {
    await start();
    await timeSignIn('warmup', 'warmup password');
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      unknown.push(await timeSignIn(`nobody${round}`, 'some password'));
      wrong.push(await timeSignIn('alice', `wrong password ${round}`));
    }
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('throttle an account after five failures, with Retry-After', async () => {
    await start();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await signInResponse(harness.app, 'alice', 'wrong password')).statusCode).toBe(401);
    }
    const throttled = await signInResponse(harness.app, 'alice', PASSWORD);

    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().error.code).toBe('sign_in_throttled');
    expect(throttled.json().error.limit).toBe('sign_in');
    const retryAfter = Number(throttled.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(throttled.json().error.retryAfterSeconds).toBe(retryAfter);
  });

  it('throttle an unknown username the same way', async () => {
    await start();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await signInResponse(harness.app, 'mallory', 'wrong password');
      await signInResponse(harness.app, 'alice', 'wrong password');
    }
    const unknownAccount = await signInResponse(harness.app, 'mallory', 'wrong password');
    const knownAccount = await signInResponse(harness.app, 'alice', 'wrong password');

    expect(unknownAccount.statusCode).toBe(429);
    expect(unknownAccount.json()).toEqual(knownAccount.json());
  });

  it('allow the account again once the window has passed', async () => {
    await start();
    for (let attempt = 0; attempt < 5; attempt += 1) await signInResponse(harness.app, 'alice', 'wrong password');
    expect((await signInResponse(harness.app, 'alice', PASSWORD)).statusCode).toBe(429);

    harness.clock.advance(15 * 60_000 + 1000);
    expect((await signInResponse(harness.app, 'alice', PASSWORD)).statusCode).toBe(200);
  });

  it('throttle a client address after twenty failures across accounts', async () => {
    await start();
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await signInResponse(harness.app, `guess${attempt % 4}`, `wrong password ${attempt}`);
    }
    const response = await signInResponse(harness.app, 'alice', PASSWORD);
    expect(response.statusCode).toBe(429);
    expect(response.json().error.code).toBe('sign_in_throttled');
  });
});
