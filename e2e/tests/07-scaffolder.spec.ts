import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

const shot = (name: string) =>
  path.join(__dirname, '..', 'artifacts', 'screenshots', `${name}.png`);
const BASE_URL = 'http://127.0.0.1:7017';

/**
 * The default scenario's ai-inference pool has 2 GPU nodes, both taken by
 * model-serving; two more (through the simulator's control API, only for
 * this spec) give the new service's pods room without changing what the
 * earlier specs saw of that pool.
 */
async function addGpuRoom() {
  const res = await fetch(`${process.env.FDP_SIM_URL}/sim/events`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${process.env.FDP_SIM_TOKEN}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ type: 'scalePool', pool: 'ai-inference', count: 4 }),
  });
  if (!res.ok) {
    throw new Error(`scalePool failed: ${res.status} ${await res.text()}`);
  }
}

/** Waits until the test-user sign-in resolves the catalog user. */
async function waitForCatalogUser(user: string) {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${BASE_URL}/api/auth/test-user/refresh`, {
      method: 'POST',
      headers: {
        'X-Requested-With': 'XMLHttpRequest',
        'x-fdp-test-user': user,
      },
    });
    if (res.ok) return;
    if (attempt === 60) throw new Error(`test-user sign-in: ${res.status}`);
    await new Promise(r => setTimeout(r, 1000));
  }
}

// team-lead: the catalog's dev-team member, allowed to apply to dev.
test('a dev-team member creates an inference-service from the Create page, and its pods run on ai-inference', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await addGpuRoom();
  await waitForCatalogUser('team-lead');
  await page.addInitScript(() =>
    window.localStorage.setItem('fdp.testUser', 'team-lead'),
  );

  await page.goto('/create');
  const card = page.getByText('Inference service', { exact: true });
  await expect(card).toBeVisible({ timeout: 60_000 });
  await page
    .locator('[class*="MuiCard-root"]', { has: card })
    .getByRole('button', { name: /choose/i })
    .click();

  await page.getByLabel('Name').fill('price-model');
  const owner = page.getByRole('textbox', { name: 'Owner' });
  await owner.click();
  await owner.fill('dev-team');
  // OwnerPicker keeps the typed ref when its list has not opened yet
  const option = page.getByRole('option', { name: /dev-team/i }).first();
  const listed = await option
    .waitFor({ state: 'visible', timeout: 5_000 })
    .then(
      () => true,
      () => false,
    );
  if (listed) {
    await option.click();
  } else {
    await owner.press('Tab');
  }
  await page.screenshot({ path: shot('50-scaffolder-form') });
  await page.getByRole('button', { name: 'Next' }).click();
  // the Deployment step: namespace dev (the default) and 2 replicas
  await expect(page.getByText('Namespace').first()).toBeVisible();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  const openInCatalog = page.getByRole('link', { name: /Open in catalog/ });
  await expect(openInCatalog).toBeVisible({ timeout: 60_000 });
  await page.screenshot({
    path: shot('51-scaffolder-task-log'),
    fullPage: true,
  });
  // committed to the local repository (scaffolder.platform.publishDir)
  const repo = path.join(process.env.FDP_E2E_PUBLISH_DIR!, 'price-model');
  expect(fs.existsSync(path.join(repo, '.git'))).toBe(true);
  expect(fs.existsSync(path.join(repo, 'catalog-info.yaml'))).toBe(true);

  // applied to the simulator: its pods run on ai-inference nodes
  const pods = await fetch(
    `${process.env.FDP_SIM_URL}/api/v1/namespaces/dev/pods?labelSelector=app%3Dprice-model`,
    { headers: { Authorization: `Bearer ${process.env.FDP_SIM_TOKEN}` } },
  ).then(r => r.json());
  expect(pods.items).toHaveLength(2);
  for (const pod of pods.items) {
    expect(pod.spec.nodeName).toMatch(/^ai-inference-/);
  }

  // registered: the entity page with the cluster-health card
  await openInCatalog.click();
  await expect(
    page.getByRole('heading', { name: 'price-model' }),
  ).toBeVisible();
  // the overview's cluster-health card (not the sidebar's item)
  await expect(
    page.locator('[class*="MuiCardHeader-root"]', {
      hasText: 'Cluster health',
    }),
  ).toBeVisible({ timeout: 60_000 });
  await page.screenshot({
    path: shot('52-scaffolder-new-entity'),
    fullPage: true,
  });

  // the official Kubernetes tab shows its 2 pods
  await page.getByRole('button', { name: 'Deployment' }).click();
  await page.getByRole('menuitemradio', { name: 'Kubernetes' }).click();
  const clusterButton = page.getByRole('button', {
    name: /fdp-cluster\s+Cluster/,
  });
  await expect(clusterButton).toBeVisible({ timeout: 60_000 });
  await expect(clusterButton).toContainText('No pods with errors');
  // past the Deployment menu's fade-out
  await expect(page.getByRole('menu')).toBeHidden();
  await page.screenshot({ path: shot('53-scaffolder-new-entity-kubernetes') });
  await expect(clusterButton).toContainText('2 pods');
});
