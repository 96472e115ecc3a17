import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN } from '../support/accounts';
import { consoleUrl, gridCell, runSql, signIn, sqlApiToken } from '../support/console';

const screenshots = join(import.meta.dirname, '..', 'artifacts', 'screenshots');
mkdirSync(screenshots, { recursive: true });

test('sign-in page is shown before the console', async ({ page }) => {
  await page.goto(consoleUrl());
  await expect(page.getByTestId('signin-form')).toBeVisible();
  await page.screenshot({ path: join(screenshots, 'sign-in.png') });
});

test('wrong password is rejected with a readable message', async ({ page }) => {
  await page.goto(consoleUrl());
  await page.getByTestId('signin-username').fill(ADMIN.username);
  await page.getByTestId('signin-password').fill('not-the-password');
  await page.getByTestId('signin-submit').click();
  await expect(page.getByRole('alert')).toContainText(/username or password is wrong/i);
  await expect(page.getByTestId('user-name')).toHaveCount(0);
});

test('query shows ten conversation rows', async ({ page }) => {
  await signIn(page, ADMIN);
  await runSql(page, 'SELECT * FROM conversation LIMIT 10');

  await expect(page.getByTestId('row-count')).toContainText('10');
  await expect(page.getByTestId('execution-time')).toBeVisible();
  await expect(gridCell(page, 0, 0)).toBeVisible();
  await expect(gridCell(page, 9, 0)).toBeVisible();
  await expect(gridCell(page, 10, 0)).toHaveCount(0);
  await expect(page.getByTestId('truncated-notice')).toHaveCount(0);
  await page.screenshot({ path: join(screenshots, 'console-results.png') });
});

test('Ctrl+Enter runs the query', async ({ page }) => {
  await signIn(page, ADMIN);
  await runSql(page, 'SELECT 41 + 1 AS answer');
  await expect(gridCell(page, 0, 0)).toHaveText('42');

  await page.getByTestId('sql-editor').locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('SELECT 6 * 7 AS answer, 1 AS second');
  await page.keyboard.press('Control+Enter');
  await expect(gridCell(page, 0, 1)).toHaveText('1');
});

test('more than 1000 rows shows the truncated notice', async ({ page }) => {
  await signIn(page, ADMIN);
  await runSql(page, 'SELECT * FROM message LIMIT 1500');

  await expect(page.getByTestId('truncated-notice')).toBeVisible();
  await expect(page.getByTestId('truncated-notice')).toContainText('1000');
  await expect(page.getByTestId('truncated-notice')).toContainText('Delta Sharing');
  await expect(page.getByTestId('row-count')).toContainText('1000');
  await page.screenshot({ path: join(screenshots, 'truncated.png') });
});

test('bad SQL shows the engine message', async ({ page }) => {
  await signIn(page, ADMIN);
  await runSql(page, 'SELECT * FROM no_such_table');

  const panel = page.getByTestId('error-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('no_such_table');
  await page.screenshot({ path: join(screenshots, 'sql-error.png') });
});

test('big numbers and NULL render exactly', async ({ page }) => {
  await signIn(page, ADMIN);
  await runSql(
    page,
    "SELECT CAST('9007199254740993' AS BIGINT) AS big, CAST('12345678901234567890123456789.123456789' AS DECIMAL(38,9)) AS amount, NULL AS nothing, '' AS empty",
  );

  await expect(gridCell(page, 0, 0)).toHaveText('9007199254740993');
  await expect(gridCell(page, 0, 1)).toHaveText('12345678901234567890123456789.123456789');
  await expect(gridCell(page, 0, 2)).toHaveText('NULL');
  await expect(gridCell(page, 0, 3)).not.toHaveText('NULL');
});

test('browser talks only to the console and never sees the token', async ({ page }) => {
  const token = sqlApiToken();
  const origin = new URL(consoleUrl()).origin;
  const foreignRequests: string[] = [];
  const leaks: string[] = [];
  const bodyReads: Promise<void>[] = [];
  const policyViolations: string[] = [];

  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
  });
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreignRequests.push(url);
  });
  const missingFiles: string[] = [];
  page.on('response', (response) => {
    // The page's own files (favicon included) must all be there; API errors are expected here.
    if (response.status() >= 400 && !new URL(response.url()).pathname.startsWith('/api/')) missingFiles.push(response.url());
    const headers = JSON.stringify(response.headers());
    if (headers.includes(token)) leaks.push(`headers of ${response.url()}`);
    bodyReads.push(
      response
        .body()
        .then((body) => {
          if (body.toString('utf8').includes(token)) leaks.push(`body of ${response.url()}`);
        })
        .catch(() => undefined),
    );
  });

  await signIn(page, ADMIN);
  await runSql(page, 'SELECT * FROM conversation LIMIT 10');
  await expect(page.getByTestId('row-count')).toContainText('10');
  await runSql(page, 'SELECT * FROM no_such_table');
  await expect(page.getByTestId('error-panel')).toBeVisible();
  await runSql(page, 'DELETE FROM conversation');
  await expect(page.getByTestId('error-panel')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('user-name')).toHaveText(ADMIN.username);
  await Promise.all(bodyReads);

  const cookies = JSON.stringify(await page.context().cookies());
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(foreignRequests).toEqual([]);
  expect(policyViolations).toEqual([]);
  expect(missingFiles).toEqual([]);
  expect(leaks).toEqual([]);
  expect(cookies.includes(token)).toBe(false);
  expect(storage.includes(token)).toBe(false);
  expect(await page.content()).not.toContain(token);

  const logFile = process.env.CONSOLE_LOG_FILE;
  if (!logFile) throw new Error('CONSOLE_LOG_FILE is missing: run the browser tests through playwright.config.ts.');
  // Both servers' log lines: neither may write the token.
  const serverLog = readFileSync(logFile, 'utf8');
  expect(serverLog).toContain('[bff]');
  expect(serverLog.includes(token)).toBe(false);
});
