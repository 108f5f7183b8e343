import { expect, Page, test } from '@playwright/test';
import path from 'node:path';
import { useTheme } from './theme';

const shot = (name: string) =>
  path.join(__dirname, '..', 'artifacts', 'screenshots', `${name}.png`);

async function signIn(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Enter' }).click();
}

// The simulator's Velero Schedule daily-backup (cluster-snapshots) with its
// completed, partially failed and failed runs; trading-db's pgBackRest
// source is a file the e2e backend does not have, so it is loud about it.
// The backend's first refresh may run before the cluster cache is filled:
// the next one (backups.refreshSeconds, 60 s) reaches the page by signal.
test('the backups page, a target with its runbook, and trading-api’s backup card', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page, '/backups');

  const snapshots = page.getByTestId('target-cluster-snapshots');
  await expect(snapshots).toBeVisible({ timeout: 60_000 });
  await expect(snapshots.getByRole('alert')).toBeHidden({ timeout: 120_000 });
  await expect(snapshots).toContainText('Recovery window');
  await expect(snapshots).toContainText('RPO');
  const db = page.getByTestId('target-trading-db');
  await expect(db).toBeVisible();
  await expect(db.getByRole('alert')).toContainText(
    /Repository unreadable|No backups/,
  );
  await page.screenshot({ path: shot('60-backups'), fullPage: true });

  // A target: its backups, its calendar and its restore procedure
  await snapshots.getByRole('link', { name: 'cluster-snapshots' }).click();
  await expect(page).toHaveURL(/\/backups\/cluster-snapshots$/);
  await expect(
    page.getByRole('cell', { name: 'daily-backup-3' }),
  ).toBeVisible();
  const failed = page.getByRole('row').filter({ hasText: 'daily-backup-0' });
  await expect(failed).toContainText('failed');
  await expect(page.getByText('Last 30 days')).toBeVisible();
  await expect(page.getByTestId('runbook-velero')).toContainText(
    'velero restore create --from-backup daily-backup-3 --wait',
  );
  await page.screenshot({ path: shot('61-backups-target'), fullPage: true });

  // trading-db's runbook: nothing to restore from
  await page.goto('/backups/trading-db');
  await expect(page.getByText('Restore procedure')).toBeVisible();
  await expect(
    page.getByText(
      'There is no restorable full backup: a pgBackRest restore is not possible.',
    ),
  ).toBeVisible();

  // trading-api names both targets in fdp.io/backup-targets
  await page.goto('/catalog/default/component/trading-api');
  const card = page
    .locator('[class*="MuiCard-root"]')
    .filter({ hasText: 'Backup targets this entity depends on' });
  await expect(card.getByTestId('target-trading-db')).toBeVisible({
    timeout: 60_000,
  });
  await expect(card.getByTestId('target-cluster-snapshots')).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('62-backups-entity-card') });

  // Narrow screens: the page still reads
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/backups');
  await expect(page.getByTestId('target-cluster-snapshots')).toBeVisible();
  await page.screenshot({ path: shot('63-backups-narrow'), fullPage: true });
  await page.goto('/backups/cluster-snapshots');
  await expect(page.getByTestId('runbook-velero')).toBeVisible();
  await page.screenshot({
    path: shot('64-backups-target-narrow'),
    fullPage: true,
  });

  // 1,280 px: the backups table of a target fits without scrolling
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(
    page.getByRole('cell', { name: 'daily-backup-3' }),
  ).toBeVisible();
  const overflow = await page.evaluate(() =>
    Math.max(
      document.documentElement.scrollWidth - window.innerWidth,
      ...Array.from(document.querySelectorAll('table')).map(
        table => table.getBoundingClientRect().right - window.innerWidth,
      ),
    ),
  );
  expect(overflow).toBeLessThanOrEqual(0);

  // The dark theme: status colours from its palette
  await useTheme(page, 'dark');
  await expect(page.getByTestId('runbook-velero')).toBeVisible();
  await page.screenshot({
    path: shot('66-backups-target-dark'),
    fullPage: true,
  });
  await page.goto('/backups');
  await expect(page.getByTestId('target-cluster-snapshots')).toBeVisible();
  await page.screenshot({ path: shot('66-backups-dark'), fullPage: true });
});
