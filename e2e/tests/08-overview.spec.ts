import { expect, Page, test } from '@playwright/test';
import path from 'node:path';
import { advanceSimulatorTo } from './simClock';
import { useTheme } from './theme';

const shot = (name: string) =>
  path.join(__dirname, '..', 'artifacts', 'screenshots', `${name}.png`);
const BASE_URL = 'http://127.0.0.1:7017';

// The on-call engineers work in ap-northeast-2: times in the browser's zone.
test.use({ timezoneId: 'Asia/Seoul' });

async function signIn(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Enter' }).click();
}

/** The guest's token (devops in the development sign-in: may open incidents). */
async function guestToken(): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${BASE_URL}/api/auth/guest/refresh`, {
      method: 'POST',
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    if (res.ok) return (await res.json()).backstageIdentity.token as string;
    if (attempt === 60) throw new Error(`guest sign-in: ${res.status}`);
    await new Promise(r => setTimeout(r, 1000));
  }
}

/** Applies a scenario event now, through the simulator's control API. */
async function simEvent(event: Record<string, unknown>) {
  const res = await fetch(`${process.env.FDP_SIM_URL}/sim/events`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${process.env.FDP_SIM_TOKEN}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(event),
  });
  if (!res.ok) {
    throw new Error(`sim event: ${res.status} ${await res.text()}`);
  }
}

/** The overview in light and dark, at 1,400 × 900 and on a 390 px phone. */
async function shoot(page: Page, state: string) {
  for (const theme of ['light', 'dark'] as const) {
    await useTheme(page, theme);
    for (const [width, height] of [
      [1400, 900],
      [390, 844],
    ]) {
      await page.setViewportSize({ width, height });
      await expect(page.getByTestId('overview-backups')).toBeVisible();
      await expect(page.getByTestId('backups-loading')).toBeHidden();
      await page.screenshot({
        path: shot(`80-overview-${state}-${theme}-${width}`),
        fullPage: width < 1000,
      });
    }
  }
  await useTheme(page, 'light');
  await page.setViewportSize({ width: 1400, height: 900 });
}

test('the overview in four states, and trading-api with its status strip and Operations tab', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signIn(page, '/');
  await expect(
    page.getByRole('heading', { name: 'Operations overview' }),
  ).toBeVisible();
  const health = page.getByTestId('overview-clusterHealth');
  const incidents = page.getByTestId('overview-incidents');
  const backups = page.getByTestId('overview-backups');

  // 1. All fine: the scenario is calm from 1,800 s (general back to 45 % CPU
  // by 2,100 s, the NotReady node and the memory pressure over); the
  // ai-inference pool keeps its warning that all its GPUs are requested.
  await advanceSimulatorTo(2400);
  await expect(health).toContainText(/0 critical · \d+ warning/, {
    timeout: 60_000,
  });
  await expect(backups).toContainText(/targets? (not )?OK/, {
    timeout: 120_000,
  });
  await shoot(page, '1-fine');

  // 2. A pool critical: the general pool's CPU at 95 % (critical ≥ 85 %)
  await simEvent({
    type: 'ramp',
    target: { pool: 'general' },
    metric: 'cpu',
    to: 0.95,
    over: 0,
  });
  await advanceSimulatorTo(2460);
  await expect(health.getByTestId('clusterHealth-worst')).toContainText(
    /general.*Critical/,
    { timeout: 60_000 },
  );
  await expect(health).toContainText(/CPU at 9\d(\.\d)?%/);
  await shoot(page, '2-pool-critical');

  // 3. A P1 open past its response time (15 min): detected 20 minutes ago
  const token = await guestToken();
  const title = `e2e overview: trading-api down (${Date.now()})`;
  const res = await fetch(`${BASE_URL}/api/incidents/incidents`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      title,
      level: 'P1',
      entityRef: 'component:default/trading-api',
      detectedAt: new Date(Date.now() - 20 * 60_000).toISOString(),
    }),
  });
  expect(res.status).toBe(201);
  await expect(incidents.getByTestId('incidents-breached')).toContainText(
    /P1 response overdue by \d+m/,
    { timeout: 30_000 },
  );
  await shoot(page, '3-p1-breached');

  // 4. A backup overdue: trading-db's pgBackRest repository is not there in
  // the e2e backend, so it has no backup within its schedule (critical).
  await expect(backups.getByTestId('backups-trading-db')).toBeVisible({
    timeout: 120_000,
  });
  await expect(backups).toContainText(/\d+ targets not OK/);
  await shoot(page, '4-backup-overdue');

  // trading-api: the status strip leads its overview, then its Operations tab
  await page.goto('/catalog/default/component/trading-api');
  const strip = page.getByTestId('entity-status-strip');
  await expect(strip.getByTestId('strip-incidents')).toContainText(/\d+ open/, {
    timeout: 60_000,
  });
  await expect(strip.getByTestId('strip-health')).toContainText(
    /Healthy|Warning|Critical|Unknown/,
  );
  await page.screenshot({ path: shot('81-trading-api-overview-strip') });
  await useTheme(page, 'dark');
  await page.screenshot({ path: shot('81-trading-api-overview-strip-dark') });
  await useTheme(page, 'light');

  await page.goto('/catalog/default/component/trading-api/operations');
  await expect(page.getByText(title).first()).toBeVisible({ timeout: 60_000 });
  await page.screenshot({
    path: shot('82-trading-api-operations-tab'),
    fullPage: true,
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({
    path: shot('82-trading-api-operations-tab-390'),
    fullPage: true,
  });
});
