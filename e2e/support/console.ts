import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** Returns the console's address, set by the global setup. */
export function consoleUrl(): string {
  const url = process.env.CONSOLE_URL;
  if (!url) throw new Error('CONSOLE_URL is missing: run the browser tests through playwright.config.ts.');
  return url;
}

/** Returns the SQL API token the BFF uses, read from the file the global setup created. */
export function sqlApiToken(): string {
  const file = process.env.CONSOLE_TOKEN_FILE;
  if (!file) throw new Error('CONSOLE_TOKEN_FILE is missing: run the browser tests through playwright.config.ts.');
  return readFileSync(file, 'utf8').trim();
}

/** Signs in on the console of the global setup, or on another one at `url`. */
export async function signIn(
  page: Page,
  account: { username: string; password: string },
  url: string = consoleUrl(),
): Promise<void> {
  await page.goto(url);
  await page.getByTestId('signin-username').fill(account.username);
  await page.getByTestId('signin-password').fill(account.password);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('user-name')).toHaveText(account.username);
}

/** Replaces the editor's text. `insertText` avoids Monaco's auto-closing of quotes and brackets. */
export async function setSql(page: Page, sql: string): Promise<void> {
  const editor = page.getByTestId('sql-editor');
  await expect(editor.locator('.monaco-editor')).toBeVisible();
  await editor.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
}

export async function runSql(page: Page, sql: string): Promise<void> {
  await setSql(page, sql);
  await page.getByTestId('run-button').click();
}

/** Returns the locator of one visible grid cell, by 0-based row and column. */
export function gridCell(page: Page, row: number, column: number) {
  return page.getByTestId('results-grid').locator(`[data-row="${row}"][data-col="${column}"]`);
}
