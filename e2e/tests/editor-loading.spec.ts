import { expect, test } from '@playwright/test';
import { ADMIN } from '../support/accounts';
import { signIn } from '../support/console';

test('tab rename keeps focus while Monaco loads', async ({ page }) => {
  // Monaco's chunk is held back, so the rename starts before the editor mounts.
  let releaseMonaco = (): void => undefined;
  const monacoHeld = new Promise<void>((resolve) => {
    releaseMonaco = resolve;
  });
  await page.route(/\/assets\/monaco-[^/]*\.js$/, async (route) => {
    await monacoHeld;
    await route.continue();
  });

  await signIn(page, ADMIN);
  await expect(page.getByText('Loading the editor…')).toBeVisible();
  const activeTab = page.locator('[data-testid="editor-tab"][aria-selected="true"]');
  await activeTab.dblclick();
  const tabName = page.getByLabel('Tab name');
  await tabName.fill('Renamed while loading');

  releaseMonaco();
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await expect(tabName).toBeFocused();
  await tabName.press('Enter');
  await expect(activeTab).toHaveText('Renamed while loading');
});
