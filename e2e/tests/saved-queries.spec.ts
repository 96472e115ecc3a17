import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN, SECOND_USER } from '../support/accounts';
import { consoleUrl, gridCell, runSql, setSql, signIn } from '../support/console';

const screenshots = join(import.meta.dirname, '..', 'artifacts', 'screenshots');
mkdirSync(screenshots, { recursive: true });

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  return context.newPage();
}

interface SaveOptions {
  title: string;
  shared: boolean;
  includeResult?: boolean;
}

/** Saves the active tab through the Saved tab's dialog and returns the saved query's list item. */
async function saveQuery(page: Page, options: SaveOptions) {
  await page.getByTestId('sidebar-tab-saved').click();
  await page.getByTestId('save-query').click();
  const dialog = page.getByTestId('save-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('save-title').fill(options.title);
  await dialog.getByTestId(options.shared ? 'visibility-shared' : 'visibility-private').check();
  if (options.includeResult === true) await dialog.getByTestId('save-include-result').check();
  await dialog.getByTestId('save-submit').click();
  await expect(dialog).toHaveCount(0);
  const item = page.getByTestId('saved-query-item').filter({ hasText: options.title });
  await expect(item).toHaveCount(1);
  return item;
}

/** Clicks "Copy link" and returns what landed on the clipboard. */
async function copyLink(page: Page, item: ReturnType<Page['getByTestId']>): Promise<string> {
  await item.getByTestId('saved-query-copy-link').click();
  await expect(page.getByTestId('saved-status')).toContainText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(new RegExp(`^${consoleUrl().replace(/\/$/, '')}/q/[A-Za-z0-9_-]{20,}$`));
  return link;
}

async function setVisibility(page: Page, item: ReturnType<Page['getByTestId']>, shared: boolean): Promise<void> {
  await item.getByTestId('saved-query-edit').click();
  const dialog = page.getByTestId('save-dialog');
  await dialog.getByTestId(shared ? 'visibility-shared' : 'visibility-private').check();
  await dialog.getByTestId('save-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(item.getByTestId('saved-query-visibility')).toHaveText(shared ? 'Shared' : 'Private');
}

/**
 * Counts the audit log's query attempts of `username`, read through an admin's
 * page. Every attempt is recorded, cached or not, so an unchanged count means
 * that the user ran nothing and spent no budget.
 */
async function auditCount(admin: Page, username: string): Promise<number> {
  const url = new URL('/api/audit', consoleUrl());
  url.searchParams.set('user', username);
  const response = await admin.request.get(url.toString());
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { entries: unknown[] };
  return body.entries.length;
}

async function screenshotBothThemes(page: Page, name: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.getByTestId('theme-switch').selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.screenshot({ path: join(screenshots, `${name}-${theme}.png`) });
  }
}

test('shared result opens without spending the budget', async ({ browser }) => {
  const owner = await newPage(browser);
  await signIn(owner, ADMIN);
  await runSql(owner, "SELECT 7 AS seven, 'kept' AS label, 9007199254740993 AS big");
  await expect(gridCell(owner, 0, 0)).toHaveText('7');
  const item = await saveQuery(owner, { title: 'E2E snapshot seven', shared: true, includeResult: true });
  await expect(item).toContainText('with result');
  const link = await copyLink(owner, item);

  const reader = await newPage(browser);
  await signIn(reader, SECOND_USER);
  const calls: string[] = [];
  reader.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path === '/api/query' || path === '/api/schema') calls.push(`${request.method()} ${path}`);
  });

  const attemptsBefore = await auditCount(owner, SECOND_USER.username);
  await reader.goto(link);
  const banner = reader.getByTestId('snapshot-banner');
  await expect(banner).toContainText('Result from');
  await expect(banner).toContainText(`saved by ${ADMIN.username}`);
  await expect(gridCell(reader, 0, 0)).toHaveText('7');
  await expect(gridCell(reader, 0, 1)).toHaveText('kept');
  await expect(gridCell(reader, 0, 2)).toHaveText('9007199254740993');
  await expect(reader.getByTestId('editor-tab').filter({ hasText: 'E2E snapshot seven' })).toBeVisible();
  // Give a late call the time to show up before concluding there was none.
  await reader.waitForTimeout(1500);
  expect(await auditCount(owner, SECOND_USER.username)).toBe(attemptsBefore);
  expect(calls).toEqual([]);
  await screenshotBothThemes(reader, 'shared-with-result');

  // Run replaces the saved rows with a fresh result.
  await reader.getByTestId('snapshot-run').click();
  await expect(reader.getByTestId('snapshot-banner')).toHaveCount(0);
  await expect(gridCell(reader, 0, 0)).toHaveText('7');
  expect(calls).toContain('POST /api/query');

  await owner.context().close();
  await reader.context().close();
});

test('share link works for a second user until unshared or deleted', async ({ browser }) => {
  const owner = await newPage(browser);
  await signIn(owner, ADMIN);
  await setSql(owner, 'SELECT 42 AS shared_answer');
  const item = await saveQuery(owner, { title: 'E2E shared answer', shared: true });
  await expect(item.getByTestId('saved-query-owner')).toHaveText('by you');
  await expect(item.getByTestId('saved-query-visibility')).toHaveText('Shared');
  const link = await copyLink(owner, item);

  // A signed-out visitor gets the sign-in page, and signing in returns to the link.
  const reader = await newPage(browser);
  await reader.goto(link);
  await expect(reader.getByTestId('signin-form')).toBeVisible();
  await expect(reader.getByTestId('signin-hint')).toHaveText('Sign in with your console account to open the shared query.');
  await reader.getByTestId('signin-username').fill(SECOND_USER.username);
  await reader.getByTestId('signin-password').fill(SECOND_USER.password);
  await reader.getByTestId('signin-submit').click();
  await expect(reader.getByTestId('user-name')).toHaveText(SECOND_USER.username);
  expect(reader.url()).toBe(link);
  await expect(reader.getByTestId('editor-tab').filter({ hasText: 'E2E shared answer' })).toBeVisible();
  await expect(reader.getByTestId('sql-editor')).toContainText('SELECT 42 AS shared_answer');

  // The second user sees it in the Saved tab, by its owner, without Edit or Delete.
  const readerItem = reader.getByTestId('saved-query-item').filter({ hasText: 'E2E shared answer' });
  await expect(readerItem.getByTestId('saved-query-owner')).toHaveText(`by ${ADMIN.username}`);
  await expect(readerItem.getByTestId('saved-query-edit')).toHaveCount(0);
  await expect(readerItem.getByTestId('saved-query-delete')).toHaveCount(0);

  // A reload opens it again.
  await reader.reload();
  await expect(reader.getByTestId('sql-editor')).toContainText('SELECT 42 AS shared_answer');

  // Unshared: the link shows "not found" and never the query.
  await screenshotBothThemes(owner, 'saved-queries-sidebar');
  await owner.getByTestId('theme-switch').selectOption('system');
  await setVisibility(owner, item, false);
  await reader.goto(link);
  await expect(reader.getByTestId('query-not-found')).toContainText('Query not found');
  await expect(reader.getByTestId('sql-editor')).toHaveCount(0);
  await expect(reader.getByTestId('saved-query-item').filter({ hasText: 'E2E shared answer' })).toHaveCount(0);

  // Shared again, then deleted: the link fails for both users.
  await setVisibility(owner, item, true);
  await reader.goto(link);
  await expect(reader.getByTestId('sql-editor')).toContainText('SELECT 42 AS shared_answer');
  await item.getByTestId('saved-query-delete').click();
  await item.getByTestId('saved-query-delete-confirm').click();
  await expect(owner.getByTestId('saved-status')).toContainText('Deleted');
  await expect(item).toHaveCount(0);
  await reader.goto(link);
  await expect(reader.getByTestId('query-not-found')).toBeVisible();
  await owner.goto(link);
  await expect(owner.getByTestId('query-not-found')).toBeVisible();

  // An unknown id reads the same.
  await reader.goto(new URL('/q/AAAAAAAAAAAAAAAAAAAAAA', consoleUrl()).toString());
  await expect(reader.getByTestId('query-not-found')).toBeVisible();

  await owner.context().close();
  await reader.context().close();
});

test('saved query is renamed, duplicated and updated from its tab', async ({ page }) => {
  await signIn(page, ADMIN);
  await setSql(page, 'SELECT 1 AS first_version');
  const item = await saveQuery(page, { title: 'E2E edit me', shared: false });

  await item.getByTestId('saved-query-edit').click();
  await page.getByTestId('save-title').fill('E2E renamed');
  await page.getByTestId('save-description').fill('Checks renaming');
  await page.getByTestId('save-submit').click();
  const renamed = page.getByTestId('saved-query-item').filter({ hasText: 'E2E renamed' });
  await expect(renamed).toHaveCount(1);

  await renamed.getByTestId('saved-query-duplicate').click();
  await expect(page.getByTestId('saved-query-item').filter({ hasText: 'E2E renamed (copy)' })).toHaveCount(1);

  // The tab stays linked to the saved query, so Save changes it instead of adding one.
  await setSql(page, 'SELECT 2 AS second_version');
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByTestId('save-title')).toHaveValue('E2E renamed');
  await page.getByTestId('save-submit').click();
  await expect(page.getByTestId('save-dialog')).toHaveCount(0);
  await expect(page.getByTestId('saved-query-item').filter({ hasText: 'E2E renamed' })).toHaveCount(2);

  await page.getByTestId('saved-search').fill('second_version');
  await expect(page.getByTestId('saved-query-item')).toHaveCount(1);
  await expect(page.getByTestId('saved-query-item')).toContainText('E2E renamed');
  await page.getByTestId('saved-search').fill('no such saved query text');
  await expect(page.getByTestId('saved-empty')).toContainText('No saved query matches');
});
