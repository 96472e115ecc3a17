import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { addConsoleUser } from '../../scripts/lib/local-stack.mjs';
import { signIn } from '../support/console';

const usersCli = resolve(import.meta.dirname, '../../apps/bff/dist/cli/users.js');

function dataDir(): string {
  const dir = process.env.CONSOLE_DATA_DIR;
  if (!dir) throw new Error('CONSOLE_DATA_DIR is missing: run the browser tests through playwright.config.ts.');
  return dir;
}

test('session ended while typing shows sign-in cleanly', async ({ page }) => {
  const account = { username: 'morgan', password: 'e2e-morgan-password-3' };
  await addConsoleUser(dataDir(), account.username, account.password, 'user');
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await signIn(page, account);
  await expect(page.locator('.monaco-editor')).toBeVisible();
  execFileSync(process.execPath, [usersCli, 'disable', account.username], {
    env: { ...process.env, DATA_DIR: join(dataDir(), 'bff') },
  });

  // Typing and running after the account was disabled: the next request meets the ended session.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('SELECT count(*) FROM tag');
  await page.keyboard.press('ControlOrMeta+Enter');

  await expect(page.getByTestId('signin-form')).toBeVisible();
  await expect(page.getByTestId('signin-form')).toContainText('session has ended');
  // Errors from requests still under way when the console closed would show up by now.
  await page.waitForTimeout(1000);
  expect(pageErrors).toEqual([]);
});

test('sign-out sends no request that fails', async ({ page }) => {
  const account = { username: 'casey', password: 'e2e-casey-password-4' };
  await addConsoleUser(dataDir(), account.username, account.password, 'user');
  await signIn(page, account);
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await expect(page.getByTestId('budget')).toBeVisible();

  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.request().method()} ${new URL(response.url()).pathname} ${response.status()}`);
  });
  await page.getByTestId('sign-out').click();

  await expect(page.getByTestId('signin-form')).toBeVisible();
  // A request that the console still had under way, or started while closing, would have ended by now.
  await page.waitForTimeout(1000);
  expect(failed).toEqual([]);
});
