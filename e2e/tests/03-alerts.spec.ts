import { expect, Page, test } from '@playwright/test';
import path from 'node:path';
import { horizontalOverflows } from './layout';
import { advanceSimulator } from './simClock';
import { useTheme } from './theme';

const shot = (name: string) =>
  path.join(__dirname, '..', 'artifacts', 'screenshots', `${name}.png`);

async function signIn(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Enter' }).click();
}

// Runs after the cluster-health spec (scenario time 430 s). The demo's second
// CPU wave keeps the general pool above 70 % long enough (for: 15m) for the
// documented low-priority CPU rule to fire, from the repo's own rule files.
test('the demo CPU alert fires and a silence round trip works from the UI', async ({
  page,
}) => {
  await advanceSimulator(700); // scenario time 1130 s
  await signIn(page, '/alerts');

  const row = page
    .getByRole('row')
    .filter({ hasText: 'NodeCpuUsageHigh' })
    .filter({ hasText: 'general-1' });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row).toContainText(/low/i);
  // its entity as a link to the catalog
  await expect(row.locator('a[href^="/catalog/"]').first()).toBeVisible();
  // labels and receivers behind a count
  await row.getByLabel('Labels and receivers of NodeCpuUsageHigh').hover();
  await expect(page.getByRole('tooltip')).toContainText('node=general-1');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: shot('20-alerts-firing'), fullPage: true });

  // Silence it from the UI
  await row.getByRole('button', { name: 'Silence NodeCpuUsageHigh' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Matchers')).toHaveValue(
    /alertname="NodeCpuUsageHigh"/,
  );
  await dialog
    .getByLabel('Comment')
    .fill('e2e: adding nodes to the general pool');
  await page.screenshot({
    path: shot('21-alerts-silence-dialog'),
    fullPage: true,
  });
  await dialog.getByRole('button', { name: 'Silence', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect(row).toContainText(/silenced/i, { timeout: 30_000 });
  await expect(row).toContainText('user:default/guest');
  await page.screenshot({ path: shot('22-alerts-silenced'), fullPage: true });

  // The inventory shows the creator and an expiry countdown; expire it
  await page.goto('/alerts/silences');
  const silence = page
    .getByRole('row')
    .filter({ hasText: 'e2e: adding nodes to the general pool' });
  await expect(silence).toContainText('user:default/guest');
  // (the simulator's clock runs ahead of the wall clock after advancing, so
  // its Alertmanager may start the silence "in the future")
  await expect(silence).toContainText(
    /(expires|starts) in \d+ (hours?|minutes?)/i,
  );
  await page.screenshot({ path: shot('23-alerts-silences'), fullPage: true });
  await silence.getByRole('button', { name: /Expire silence/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Expire' })
    .click();

  await page.goto('/alerts');
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row).not.toContainText(/silenced/i, { timeout: 30_000 });
  await page.screenshot({ path: shot('24-alerts-back'), fullPage: true });
});

test('the alerts, silences and rules tables fit 1,280 px, a phone and the dark theme', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, '/alerts');
  const silenceButton = page.getByRole('button', { name: /^Silence / }).first();
  await expect(silenceButton).toBeVisible({ timeout: 30_000 });
  // the action column is on screen, nothing scrolls sideways
  expect((await silenceButton.boundingBox())!.x).toBeLessThan(1280 - 40);
  expect(await horizontalOverflows(page)).toEqual([]);
  await page.screenshot({ path: shot('25-alerts-1280'), fullPage: true });

  for (const tab of ['silences', 'rules']) {
    await page.goto(`/alerts/${tab}`);
    await expect(page.getByRole('table')).toBeVisible();
    expect(await horizontalOverflows(page)).toEqual([]);
    await page.screenshot({
      path: shot(`26-alerts-${tab}-1280`),
      fullPage: true,
    });
  }

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/alerts');
  await expect(silenceButton).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: shot('27-alerts-390'), fullPage: true });

  await page.setViewportSize({ width: 1400, height: 900 });
  await useTheme(page, 'dark');
  await expect(silenceButton).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: shot('28-alerts-dark'), fullPage: true });
});
