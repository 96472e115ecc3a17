import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN } from '../support/accounts';
import { consoleUrl, gridCell, runSql, signIn } from '../support/console';

const screenshots = join(import.meta.dirname, '..', 'artifacts', 'screenshots');
mkdirSync(screenshots, { recursive: true });

type Scheme = 'light' | 'dark';

const backgroundOf = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).backgroundColor);

/** Returns the relative luminance (0 black to 1 white) of a computed `rgb()` colour. */
function luminance(color: string): number {
  const channels = /rgba?\((\d+), (\d+), (\d+)/.exec(color);
  if (channels === null) throw new Error(`Not an rgb() colour: ${color}`);
  const [red, green, blue] = channels.slice(1, 4).map((channel) => {
    const value = Number(channel) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (red ?? 0) + 0.7152 * (green ?? 0) + 0.0722 * (blue ?? 0);
}

interface ScreenColors {
  signIn: string;
  console: string;
  editor: string;
  errorPanel: string;
}

/** Walks through the main screens in one colour scheme, saving a screenshot of each, and returns their backgrounds. */
async function visitMainScreens(page: Page, scheme: Scheme): Promise<ScreenColors> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(consoleUrl());
  await expect(page.getByTestId('signin-form')).toBeVisible();
  const signInColor = await backgroundOf(page.locator('body'));
  await page.screenshot({ path: join(screenshots, `sign-in-${scheme}.png`) });

  await signIn(page, ADMIN);
  await runSql(page, 'SELECT * FROM conversation ORDER BY id LIMIT 20');
  await expect(gridCell(page, 0, 0)).toBeVisible();
  await expect(page.getByTestId('theme-switch')).toHaveValue('system');
  const consoleColor = await backgroundOf(page.locator('body'));
  const editorColor = await backgroundOf(page.locator('.monaco-editor .monaco-editor-background'));
  await page.screenshot({ path: join(screenshots, `console-results-${scheme}.png`) });

  await runSql(page, 'SELECT * FROM no_such_table');
  await expect(page.getByTestId('error-panel')).toBeVisible();
  const errorColor = await backgroundOf(page.getByTestId('error-panel'));
  await page.screenshot({ path: join(screenshots, `sql-error-${scheme}.png`) });

  return { signIn: signInColor, console: consoleColor, editor: editorColor, errorPanel: errorColor };
}

test('main screens follow the system scheme', async ({ page }) => {
  const light = await visitMainScreens(page, 'light');
  await page.getByTestId('sign-out').click();
  const dark = await visitMainScreens(page, 'dark');

  for (const screen of ['signIn', 'console', 'editor', 'errorPanel'] as const) {
    expect(dark[screen], `${screen} background`).not.toBe(light[screen]);
    expect(luminance(dark[screen]), `${screen}: dark ${dark[screen]}, light ${light[screen]}`).toBeLessThan(luminance(light[screen]));
  }
});

test('theme switch overrides and persists', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, ADMIN);
  await runSql(page, 'SELECT * FROM conversation ORDER BY id LIMIT 20');
  await expect(gridCell(page, 0, 0)).toBeVisible();
  const body = page.locator('body');
  const editor = page.locator('.monaco-editor .monaco-editor-background');
  const lightBody = await backgroundOf(body);
  const lightEditor = await backgroundOf(editor);

  await page.getByTestId('theme-switch').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => backgroundOf(body)).not.toBe(lightBody);
  await expect.poll(() => backgroundOf(editor)).not.toBe(lightEditor);
  expect(luminance(await backgroundOf(body))).toBeLessThan(luminance(lightBody));
  await page.screenshot({ path: join(screenshots, 'console-switched-to-dark.png') });

  await page.reload();
  await expect(page.getByTestId('theme-switch')).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  // Back to the system setting, which is light here.
  await page.getByTestId('theme-switch').selectOption('system');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect.poll(() => backgroundOf(body)).toBe(lightBody);
});

test('light choice wins over a dark system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await signIn(page, ADMIN);
  const body = page.locator('body');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const darkBody = await backgroundOf(body);

  await page.getByTestId('theme-switch').selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect.poll(async () => luminance(await backgroundOf(body))).toBeGreaterThan(luminance(darkBody));
});
