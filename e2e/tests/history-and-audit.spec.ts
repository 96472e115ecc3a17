import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, SECOND_USER } from '../support/accounts';
import { consoleUrl, gridCell, runSql, setSql, signIn } from '../support/console';

const screenshots = join(import.meta.dirname, '..', 'artifacts', 'screenshots');
mkdirSync(screenshots, { recursive: true });

function utcDay(offsetDays = 0): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** Returns the editor text of the active tab as Monaco renders it. */
async function editorText(page: Page): Promise<string> {
  return (await page.getByTestId('sql-editor').locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
}

test('history lists a run and reopens it', async ({ page }) => {
  await signIn(page, ADMIN);
  const sql = 'SELECT 314 AS history_probe';
  await runSql(page, sql);
  await expect(gridCell(page, 0, 0)).toHaveText('314');
  // The same text again is returned from the BFF's cache.
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('cached-notice')).toBeVisible();

  await page.getByTestId('sidebar-tab-history').click();
  const items = page.getByTestId('history-item').filter({ hasText: 'history_probe' });
  await expect(items).toHaveCount(2);
  await expect(items.nth(0).getByTestId('history-outcome')).toHaveText('From cache');
  await expect(items.nth(1).getByTestId('history-outcome')).toHaveText('OK');
  await expect(items.nth(1)).toContainText('1 row');

  await page.getByTestId('history-search').fill('no_such_probe_text');
  await expect(page.getByTestId('history-empty')).toContainText('No run matches');
  await page.getByTestId('history-search').fill('history_probe');
  await expect(page.getByTestId('history-item')).toHaveCount(2);

  // A click opens the SQL in a new tab; so does Enter.
  await setSql(page, 'SELECT 0');
  const tabs = page.getByTestId('editor-tab');
  const before = await tabs.count();
  await items.nth(1).click();
  await expect(tabs).toHaveCount(before + 1);
  await expect.poll(() => editorText(page)).toBe(sql);
  await items.nth(0).focus();
  await page.keyboard.press('Enter');
  await expect(tabs).toHaveCount(before + 2);
  await expect.poll(() => editorText(page)).toBe(sql);
});

test('audit page is for admins and lists another user\'s run', async ({ browser }) => {
  const riley = await (await browser.newContext()).newPage();
  await signIn(riley, SECOND_USER);
  await runSql(riley, 'SELECT 2718 AS riley_audit_probe');
  await expect(gridCell(riley, 0, 0)).toHaveText('2718');

  // Not for a user: no link, no page, and the BFF refuses the data.
  await expect(riley.getByTestId('audit-link')).toHaveCount(0);
  await riley.goto(new URL('/audit', consoleUrl()).toString());
  await expect(riley.getByTestId('page-not-found')).toBeVisible();
  await expect(riley.getByTestId('audit-page')).toHaveCount(0);
  const refused = await riley.request.get(new URL('/api/audit', consoleUrl()).toString());
  expect(refused.status()).toBe(403);

  const admin = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await signIn(admin, ADMIN);
  await admin.getByTestId('audit-link').click();
  await expect(admin).toHaveURL(/\/audit$/);
  const rows = admin.getByTestId('audit-row');
  const rileyRow = rows.filter({ hasText: 'riley_audit_probe' });
  await expect(rileyRow).toHaveCount(1);
  await expect(rileyRow.getByTestId('audit-row-user')).toHaveText(SECOND_USER.username);
  await expect(rileyRow).toContainText('OK');

  // Filters: user, text, outcome and a date range, all applied together.
  await admin.getByTestId('audit-user').fill(SECOND_USER.username);
  await expect(rows.getByTestId('audit-row-user').filter({ hasNotText: SECOND_USER.username })).toHaveCount(0);
  await admin.getByTestId('audit-search').fill('riley_audit_probe');
  await expect(rows).toHaveCount(1);
  await admin.getByTestId('audit-outcome').selectOption('sql_error');
  await expect(admin.getByTestId('audit-empty')).toBeVisible();
  await admin.getByTestId('audit-outcome').selectOption('ok');
  await expect(rows).toHaveCount(1);
  await admin.getByTestId('audit-from').fill(utcDay(-1));
  await admin.getByTestId('audit-to').fill(utcDay(-1));
  await expect(admin.getByTestId('audit-empty')).toBeVisible();
  await admin.getByTestId('audit-to').fill(utcDay(0));
  await expect(rows).toHaveCount(1);

  // The CSV link carries the same filters.
  const csvLink = admin.getByTestId('audit-csv');
  await expect(csvLink).toHaveAttribute('href', /user=riley/);
  const [download] = await Promise.all([admin.waitForEvent('download'), csvLink.click()]);
  const path = await download.path();
  const csv = readFileSync(path, 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('id,started_at,user_id,username,outcome,error_code,duration_ms,row_count,sql');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(',riley,ok,');
  expect(lines[1]).toContain('SELECT 2718 AS riley_audit_probe');

  // With every filter cleared, the link (set from the applied filter) has no query string.
  await admin.getByTestId('audit-user').fill('');
  await admin.getByTestId('audit-search').fill('');
  await admin.getByTestId('audit-outcome').selectOption('');
  await admin.getByTestId('audit-from').fill('');
  await admin.getByTestId('audit-to').fill('');
  await expect(csvLink).toHaveAttribute('href', '/api/audit.csv');
  await expect(rileyRow).toHaveCount(1);
  for (const theme of ['light', 'dark'] as const) {
    await admin.getByTestId('theme-switch').selectOption(theme);
    await admin.screenshot({ path: join(screenshots, `audit-${theme}.png`) });
  }
  await admin.getByTestId('theme-switch').selectOption('system');

  await admin.getByTestId('console-link').click();
  await expect(admin.getByTestId('sql-editor')).toBeVisible();

  await riley.context().close();
  await admin.context().close();
});

test('schema browser lists columns and inserts a name', async ({ page }) => {
  const schemaCalls: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/schema') schemaCalls.push(request.url());
  });
  await signIn(page, ADMIN);
  await expect(page.getByTestId('sql-editor').locator('.monaco-editor')).toBeVisible();
  // Loading the page fetches no schema: only the Schema tab or a completion request does.
  expect(schemaCalls).toEqual([]);

  await page.getByTestId('sidebar-tab-schema').click();
  const conversation = page.locator('[data-testid="schema-table"][data-table="conversation"]');
  await expect(conversation).toBeVisible();
  await expect(page.getByTestId('schema-fetched')).toContainText('fetched');
  expect(schemaCalls).toHaveLength(1);

  await conversation.getByTestId('schema-toggle').click();
  await expect(conversation.getByTestId('schema-toggle')).toHaveAttribute('aria-expanded', 'true');
  const columns = conversation.getByTestId('schema-column');
  await expect(columns.first()).toBeVisible();
  const firstColumn = (await columns.first().locator('span').first().innerText()).trim();

  await page.getByTestId('schema-filter').fill(firstColumn);
  await expect(conversation).toBeVisible();

  // Completions while typing use the loaded schema and fetch nothing more.
  await setSql(page, 'SELECT  FROM conversation');
  expect(schemaCalls).toHaveLength(1);

  // Put the cursor after "SELECT " and insert the column by clicking it.
  await page.getByTestId('sql-editor').locator('.view-lines').click();
  await page.keyboard.press('Home');
  for (let step = 0; step < 'SELECT '.length; step++) await page.keyboard.press('ArrowRight');
  await conversation.getByTestId('schema-column').filter({ hasText: firstColumn }).first().click();
  await expect.poll(() => editorText(page)).toBe(`SELECT ${firstColumn} FROM conversation`);

  await page.getByTestId('schema-refresh').click();
  await expect.poll(() => schemaCalls.some((url) => url.includes('refresh=1'))).toBe(true);
  await expect(page.getByTestId('schema-fetched')).toContainText('just now');

  // The schema load is in the history under a plain name, not as SQL the user never typed.
  await page.getByTestId('sidebar-tab-history').click();
  await expect(page.getByTestId('history-schema-load').first()).toContainText('Table and column list');
});
