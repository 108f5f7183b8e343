import { expect, test } from '@playwright/test';
import path from 'node:path';

const shot = (name: string) =>
  path.join(__dirname, '..', 'artifacts', 'screenshots', `${name}.png`);

test('a guest signs in, finds trading-api in the catalog and sees its relations', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();

  // Home page of the portal: the operations overview
  await expect(
    page.getByRole('heading', { name: 'Operations overview' }),
  ).toBeVisible();
  await page.screenshot({ path: shot('01-home') });

  // Catalog: the platform's components are there
  await page.goto('/catalog?filters[kind]=component&filters[user]=all');
  const table = page.getByRole('table');
  await expect(table.getByRole('link', { name: 'Collector 1' })).toBeVisible();
  await page.getByPlaceholder('Search').first().fill('trading');
  await expect(table.getByRole('link', { name: 'Trading API' })).toBeVisible();
  await page.screenshot({ path: shot('02-catalog') });

  // trading-api: owner, APIs and its relations graph
  await table.getByRole('link', { name: 'Trading API' }).click();
  await expect(
    page.getByRole('heading', { name: 'Trading API' }),
  ).toBeVisible();
  await expect(page.getByText('Trading REST API').first()).toBeVisible();
  const graph = page
    .locator('svg#dependency-graph, [data-testid="dependency-graph"], svg')
    .filter({
      hasText: 'trading-rest-api',
    });
  await graph.first().scrollIntoViewIfNeeded();
  await expect(graph.first()).toBeVisible();
  await expect(graph.first()).toContainText('trading-team');
  await expect(graph.first()).toContainText('financial-data-platform');
  await page.screenshot({ path: shot('03-trading-api'), fullPage: true });
});

test('the official Kubernetes tab of trading-api shows its 3 pods from the simulator', async ({
  page,
}) => {
  // The official tab sits in the entity page's "Deployment" group, beside
  // cluster health's "Health" tab.
  await page.goto('/catalog/default/component/trading-api');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByRole('button', { name: 'Deployment' }).click();
  await page.getByRole('menuitemradio', { name: 'Kubernetes' }).click();

  const cluster = page.getByRole('button', { name: /fdp-cluster\s+Cluster/ });
  await expect(cluster).toBeVisible();
  await expect(cluster).toContainText('3 pods');
  await expect(cluster).toContainText('No pods with errors');
  await page.screenshot({ path: shot('04-trading-api-kubernetes') });

  await cluster.click();
  // The deployment with its HPA (3..10 at 70% CPU) and the VPA custom resource
  await expect(
    page.getByText('min replicas 3 / max replicas 10'),
  ).toBeVisible();
  await expect(page.getByText('target CPU usage: 70%')).toBeVisible();
  await expect(page.getByText('trading-api-vpa')).toBeVisible();
  await expect(page.getByText('VerticalPodAutoscaler')).toBeVisible();
  await page
    .getByText('min replicas 3 / max replicas 10')
    .scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('05-trading-api-kubernetes-expanded') });
});
