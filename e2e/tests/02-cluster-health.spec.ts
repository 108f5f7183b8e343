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

test('the cluster health page shows the three seed pools, and the CPU ramp turns general warning then critical', async ({
  page,
}) => {
  await signIn(page, '/cluster-health');
  const general = page.getByTestId('pool-general');
  await expect(general).toBeVisible();
  await expect(page.getByTestId('pool-ai-inference')).toBeVisible();
  await expect(page.getByTestId('pool-data-processing')).toBeVisible();
  await expect(general).toContainText('c5.2xlarge');
  await expect(general).toContainText(/healthy/i);
  await page.screenshot({
    path: shot('10-cluster-health-healthy'),
    fullPage: true,
  });

  // Scenario time 200 s: the general pool's CPU has ramped to ~78 % (warning >= 70 %)
  await advanceSimulator(200);
  await expect(general).toContainText(/warning/i, { timeout: 20_000 });
  await expect(general).toContainText(
    /CPU at (7\d|8[0-4])(\.\d)?% \(warning ≥ 70%\)/,
  );
  await page.screenshot({
    path: shot('11-cluster-health-warning'),
    fullPage: true,
  });

  // Scenario time 430 s: ~90 % (critical >= 85 %), the NotReady node is back
  await advanceSimulator(230);
  await expect(general).toContainText(/critical/i, { timeout: 20_000 });
  await expect(general).toContainText(
    /CPU at (8[5-9]|9\d)(\.\d)?% \(critical ≥ 85%\)/,
  );
  await page.screenshot({
    path: shot('12-cluster-health-critical'),
    fullPage: true,
  });
});

test('a pool page lists its nodes', async ({ page }) => {
  await signIn(page, '/cluster-health/fdp-cluster/pools/general');
  for (const node of ['general-1', 'general-2', 'general-3']) {
    await expect(
      page.getByRole('cell', { name: node, exact: true }),
    ).toBeVisible();
  }
  await page.screenshot({
    path: shot('13-cluster-health-pool-general'),
    fullPage: true,
  });
});

test("trading-api's Health tab shows its deployment, HPA and VPA", async ({
  page,
}) => {
  await signIn(page, '/catalog/default/component/trading-api/cluster-health');
  await expect(page.getByText('trading-api-hpa').first()).toBeVisible();
  await expect(page.getByText('trading-api-vpa').first()).toBeVisible();
  await expect(
    page
      .getByText(/HPA scales on CPU while VPA|work against each other/)
      .first(),
  ).toBeVisible();
  await page.screenshot({
    path: shot('14-trading-api-health-tab'),
    fullPage: true,
  });
});

test('the pool page fits 1,280 px, a phone and the dark theme', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, '/cluster-health/fdp-cluster/pools/general');
  const firstNode = page.getByRole('cell', { name: 'general-1', exact: true });
  await expect(firstNode).toBeVisible();
  // one line per node: the status with its most severe reason, no sentences
  const row = page.getByRole('row').filter({ has: firstNode });
  expect((await row.boundingBox())!.height).toBeLessThan(80);
  expect(await horizontalOverflows(page)).toEqual([]);
  await page.screenshot({
    path: shot('15-cluster-health-pool-1280'),
    fullPage: true,
  });

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(firstNode).toBeVisible();
  await page.screenshot({
    path: shot('16-cluster-health-pool-390'),
    fullPage: true,
  });

  await page.setViewportSize({ width: 1400, height: 900 });
  await useTheme(page, 'dark');
  await expect(
    page.getByRole('cell', { name: 'general-1', exact: true }),
  ).toBeVisible();
  await page.screenshot({
    path: shot('17-cluster-health-pool-dark'),
    fullPage: true,
  });
});
