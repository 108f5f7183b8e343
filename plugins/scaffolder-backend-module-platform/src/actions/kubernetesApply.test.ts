import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  createAuthStrategies,
  readClusters,
} from '@fdp/plugin-kubernetes-informer-cache-node';
import { renderService } from '@fdp/plugin-manifests-common';
import { RunningSimulator, startSimulator } from '@fdp/platform-sim';
import { stringify } from 'yaml';
import { createKubernetesApplyAction } from './kubernetesApply';

describe('kubernetes:apply against the platform simulator', () => {
  let sim: RunningSimulator;
  let workspacePath: string;
  let action: ReturnType<typeof createKubernetesApplyAction>;

  const get = async (p: string) =>
    fetch(`${sim.url}${p}`, {
      headers: { Authorization: `Bearer ${sim.token}` },
    });

  beforeAll(async () => {
    sim = await startSimulator({
      scenario: 'default',
      port: 0,
      clock: 'manual',
    });
    const config = new ConfigReader({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'sim',
                url: sim.httpsUrl,
                caData: Buffer.from(sim.caCert).toString('base64'),
                authProvider: 'serviceAccount',
                serviceAccountToken: sim.token,
              },
            ],
          },
        ],
      },
    });
    const strategies = createAuthStrategies({
      config,
      logger: mockServices.logger.mock(),
    });
    action = createKubernetesApplyAction({
      clusters: readClusters(config, strategies),
    });
  });
  afterAll(() => sim.stop());

  beforeEach(async () => {
    workspacePath = await fs.mkdtemp(path.join(os.tmpdir(), 'apply-'));
    await fs.mkdir(path.join(workspacePath, 'k8s'));
  });
  afterEach(() => fs.rm(workspacePath, { recursive: true, force: true }));

  const render = async (name: string, namespace = 'dev') => {
    for (const o of renderService({ name, layer: 'api', namespace })) {
      await fs.writeFile(
        path.join(workspacePath, 'k8s', `${o.kind.toLowerCase()}.yaml`),
        stringify(o),
      );
    }
  };
  // createMockActionContext takes neither isDryRun nor checkpoint
  const context = (input: Record<string, unknown>, extra = {}) => ({
    ...createMockActionContext({
      input: { cluster: 'sim', namespace: 'dev', path: 'k8s', ...input },
      workspacePath,
    }),
    ...extra,
  });
  const results = (ctx: ReturnType<typeof context>) =>
    (ctx.output as jest.Mock).mock.calls
      .find(([key]) => key === 'applied')[1]
      .map((a: any) => `${a.kind} ${a.result}`);

  it('creates every object, then a re-apply changes nothing', async () => {
    await render('quotes-api');
    const first = context({});
    await action.handler(first);
    expect(results(first)).toEqual(
      expect.arrayContaining([
        'Deployment created',
        'ServiceAccount created',
        'PodDisruptionBudget created',
        'VerticalPodAutoscaler created',
      ]),
    );
    const res = await get(
      '/apis/apps/v1/namespaces/dev/deployments/quotes-api',
    );
    expect(res.status).toBe(200);
    const deployment = await res.json();
    expect(deployment.metadata.managedFields[0].manager).toBe(
      'fdp-portal-scaffolder',
    );
    expect(deployment.metadata.managedFields[0].operation).toBe('Apply');

    const again = context({});
    await action.handler(again);
    expect(new Set(results(again).map((r: string) => r.split(' ')[1]))).toEqual(
      new Set(['unchanged']),
    );
    const after = await (
      await get('/apis/apps/v1/namespaces/dev/deployments/quotes-api')
    ).json();
    expect(after.metadata.generation).toBe(deployment.metadata.generation);
  });

  it('names the other field manager and its fields on a conflict', async () => {
    await render('orders-api');
    await action.handler(context({}));
    // someone else changes spec.replicas with their own field manager
    const res = await fetch(
      `${sim.url}/apis/apps/v1/namespaces/dev/deployments/orders-api?fieldManager=kubectl-ops`,
      {
        method: 'PATCH',
        headers: {
          Authorization: `Bearer ${sim.token}`,
          'Content-Type': 'application/merge-patch+json',
        },
        body: JSON.stringify({ spec: { replicas: 7 } }),
      },
    );
    expect(res.status).toBe(200);
    await expect(action.handler(context({}))).rejects.toThrow(
      /Deployment dev\/orders-api: apply conflicts with another field manager: field manager "kubectl-ops" owns \.spec\.replicas/,
    );
  });

  it.each([
    ['a dry-run task', {}, { isDryRun: true }],
    ['dryRun: true', { dryRun: true }, {}],
  ])('%s asks the API server and creates nothing', async (_, input, extra) => {
    await render('dry-api');
    const ctx = context(input, extra);
    await action.handler(ctx);
    expect(results(ctx)).toContain('Deployment created');
    expect(
      (await get('/apis/apps/v1/namespaces/dev/deployments/dry-api')).status,
    ).toBe(404);
  });

  it('a retried task does not apply again (checkpoint)', async () => {
    await render('retry-api');
    const state = new Map<string, unknown>();
    const checkpoint = jest.fn(async ({ key, fn }: any) => {
      if (!state.has(key)) state.set(key, await fn());
      return state.get(key);
    });
    await action.handler(context({}, { checkpoint }));
    const before = await (
      await get('/apis/apps/v1/namespaces/dev/deployments/retry-api')
    ).json();
    const retry = context({}, { checkpoint });
    await action.handler(retry);
    expect(results(retry)).toContain('Deployment created');
    const after = await (
      await get('/apis/apps/v1/namespaces/dev/deployments/retry-api')
    ).json();
    expect(after.metadata.resourceVersion).toBe(
      before.metadata.resourceVersion,
    );
  });

  it('refuses an unknown cluster and a foreign namespace before writing', async () => {
    await render('stray-api', 'trading');
    await expect(action.handler(context({ cluster: 'nope' }))).rejects.toThrow(
      "cluster 'nope' is not a configured cluster (sim)",
    );
    await expect(action.handler(context({}))).rejects.toThrow(
      /is in namespace 'trading', not the input namespace 'dev'/,
    );
    expect(
      (await get('/api/v1/namespaces/trading/serviceaccounts/stray-api'))
        .status,
    ).toBe(404);
  });
});
