import { expect, test, type Locator, type Page, type Response } from '@playwright/test';
import { ADMIN, SECOND_USER } from '../support/accounts';
import { gridCell, signIn } from '../support/console';
import { startOwnStack, type OwnStack } from '../support/own-stack';
import { nextQueryResponse } from '../support/query-result';

// This file runs a console of its own with a budget of 2 queries a minute,
// shared and per user, and a one-second wait in the queue.
let stack: OwnStack | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  stack = await startOwnStack({ BUDGET_LIMIT: '2', USER_LIMIT: '2', QUEUE_MAX_WAIT_SECONDS: '1' });
  await stack.addUser(SECOND_USER, 'user');
});

test.afterAll(async () => {
  await stack?.stop();
});

function stackUrl(): string {
  if (stack === undefined) throw new Error('The console of this file did not start; see the beforeAll error.');
  return stack.url;
}

/**
 * Opens the console with one editor tab per query, as kept from an earlier
 * visit. Typing would make the editor fetch the schema for autocomplete,
 * which spends a call of the budget that these tests count.
 */
async function openWithTabs(page: Page, queries: string[]): Promise<void> {
  const tabs = queries.map((sql, index) => ({ id: `budget-tab-${index}`, title: `Budget ${index + 1}`, sql }));
  await page.evaluate((state) => localStorage.setItem('sql-console.tabs.v1', JSON.stringify(state)), {
    tabs,
    activeId: tabs[0]?.id,
  });
  await page.reload();
  await expect(page.getByTestId('editor-tab')).toHaveCount(queries.length);
}

/** Runs the query of the tab at `index` with the Run button and returns the page's own `/api/query` response. */
async function runTab(page: Page, index: number): Promise<Response> {
  await page.getByTestId('editor-tab').nth(index).click();
  await expect(page.getByTestId('sql-editor').locator('.monaco-editor')).toBeVisible();
  const response = nextQueryResponse(page);
  await page.getByTestId('run-button').click();
  return response;
}

/** Reads the whole seconds of "… in 42 s" or "… in 1 min 5 s". */
function secondsIn(text: string | null): number {
  const match = /\bin (?:(\d+) min)?\s*(?:(\d+) s)?/.exec(text ?? '');
  if (match === null || (match[1] === undefined && match[2] === undefined)) return Number.NaN;
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

/** Checks that a countdown shows a wait and that the wait goes down while the page is open. */
async function expectLiveCountdown(countdown: Locator, maxSeconds: number): Promise<void> {
  const first = secondsIn(await countdown.textContent());
  expect(first, `countdown text: ${await countdown.textContent()}`).toBeGreaterThan(0);
  expect(first).toBeLessThanOrEqual(maxSeconds);
  await expect.poll(async () => secondsIn(await countdown.textContent()), { timeout: 5000 }).toBeLessThan(first);
}

async function errorBody(response: Response): Promise<{ code: string; limit?: string; retryAfterSeconds?: number }> {
  const body = (await response.json()) as { error?: { code: string; limit?: string; retryAfterSeconds?: number } };
  if (body.error === undefined) throw new Error(`Expected an error body, got ${JSON.stringify(body)}`);
  return body.error;
}

test('third query shows the limit hit and a countdown', async ({ page }) => {
  await signIn(page, ADMIN, stackUrl());
  await openWithTabs(page, ['SELECT 1 AS first_query', 'SELECT 2 AS second_query', 'SELECT 3 AS third_query']);
  const userBudget = page.getByTestId('budget-user');
  const sharedBudget = page.getByTestId('budget-shared');
  await expect(userBudget).toHaveText('You: 2 of 2 left');
  await expect(sharedBudget).toHaveText('Everyone: 2 of 2 left');

  expect((await runTab(page, 0)).status()).toBe(200);
  await expect(gridCell(page, 0, 0)).toHaveText('1');
  await expect(userBudget).toHaveText('You: 1 of 2 left');
  await expect(sharedBudget).toHaveText('Everyone: 1 of 2 left');

  expect((await runTab(page, 1)).status()).toBe(200);
  await expect(gridCell(page, 0, 0)).toHaveText('2');

  const refused = await runTab(page, 2);
  expect(refused.status()).toBe(429);
  const retryAfter = Number(refused.headers()['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(await errorBody(refused)).toMatchObject({ code: 'user_rate_limited', limit: 'user' });

  const panel = page.getByTestId('error-panel');
  await expect(panel).toContainText('You have run too many queries this minute.');
  await expect(panel).toContainText('your own limit of queries per minute');
  await expectLiveCountdown(page.getByTestId('retry-countdown'), retryAfter);

  await expect(userBudget).toContainText('You: 0 of 2 left');
  await expect(sharedBudget).toContainText('Everyone: 0 of 2 left');
  await expectLiveCountdown(userBudget, 60);
});

test('another user sees the shared budget used up', async ({ page }) => {
  await signIn(page, SECOND_USER, stackUrl());
  await openWithTabs(page, ['SELECT 4 AS fourth_query']);
  const userBudget = page.getByTestId('budget-user');
  const sharedBudget = page.getByTestId('budget-shared');
  await expect(userBudget).toHaveText('You: 2 of 2 left');
  await expect(sharedBudget).toContainText('Everyone: 0 of 2 left');

  const refused = await runTab(page, 0);
  expect(refused.status()).toBe(429);
  expect(await errorBody(refused)).toMatchObject({ code: 'budget_exhausted', limit: 'shared' });

  const panel = page.getByTestId('error-panel');
  await expect(panel).toContainText('The shared query budget is used up for now.');
  await expect(panel).toContainText('shared by everyone using the console');
  await expectLiveCountdown(page.getByTestId('retry-countdown'), 60);
  // The refused query cost this user nothing.
  await expect(userBudget).toHaveText('You: 2 of 2 left');
  await expectLiveCountdown(sharedBudget, 60);
});
