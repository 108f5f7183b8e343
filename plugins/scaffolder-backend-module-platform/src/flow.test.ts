/*
 * The whole flow on a test backend with the real catalog and scaffolder:
 * a task from the inference-service template commits the service to a local
 * git repository, registers it (file location, the module's credentials),
 * and applies it to the platform simulator, whose scheduler puts its pods on
 * ai-inference nodes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isResourcePermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createScaffolderActionConditionalDecision,
  scaffolderActionConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import {
  loadScenario,
  RunningSimulator,
  startSimulator,
} from '@fdp/platform-sim';
import git from 'isomorphic-git';
import request from 'supertest';
import platformModules from './index';

jest.setTimeout(60_000);

const REPO_ROOT = path.resolve(__dirname, '../../..');

/** A member of dev-team: the policy lets it apply in dev and staging only. */
const DEV_MEMBER = 'user:default/dev-member';
const isDevTeam = (credentials: BackstageCredentials) =>
  (credentials.principal as { userEntityRef?: string }).userEntityRef ===
  DEV_MEMBER;

/**
 * The decision packages/backend/src/permissions/decide.ts gives dev-team on
 * `scaffolder.action.execute` (that package depends on this one, not the
 * other way round): any action but kubernetes:apply outside dev and staging.
 */
const devTeamActionDecision = (
  permission: ResourcePermission<'scaffolder-action'>,
) =>
  createScaffolderActionConditionalDecision(permission, {
    anyOf: [
      {
        not: scaffolderActionConditions.hasActionId({
          actionId: 'kubernetes:apply',
        }),
      },
      ...['dev', 'staging'].map(value =>
        scaffolderActionConditions.hasStringProperty({
          key: 'namespace',
          value,
        }),
      ),
    ],
  });

/** The owner and system the template asks for. */
const ORG = `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: dev-team }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: financial-data-platform }
spec: { owner: dev-team }
`;

describe('inference-service from template to cluster and catalog', () => {
  let sim: RunningSimulator;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let publishDir: string;

  beforeAll(async () => {
    // the documented cluster with two more GPU nodes (the pool grows to 5):
    // model-serving already holds the two GPUs it starts with
    const scenario = loadScenario('default');
    scenario.nodePools = scenario.nodePools.map(pool =>
      pool.name === 'ai-inference' ? { ...pool, count: 4 } : pool,
    );
    sim = await startSimulator({ scenario, port: 0 });
    publishDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flow-'));
    const orgFile = path.join(
      publishDir,
      '..',
      `${path.basename(publishDir)}-org.yaml`,
    );
    fs.writeFileSync(orgFile, ORG);
    ({ server } = await startTestBackend({
      features: [
        catalogPlugin,
        scaffolderEntityModel,
        scaffolderPlugin,
        platformModules,
        mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(() => ({ result: AuthorizeResult.ALLOW })),
          authorizeConditional: async (requests, options) =>
            requests.map(({ permission }) =>
              isResourcePermission(permission, 'scaffolder-action') &&
              isDevTeam(options.credentials)
                ? devTeamActionDecision(permission)
                : { result: AuthorizeResult.ALLOW },
            ),
        }).factory,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [
                {
                  allow: [
                    'Component',
                    'Group',
                    'User',
                    'System',
                    'Template',
                    'Location',
                  ],
                },
              ],
              locations: [
                { type: 'file', target: orgFile },
                {
                  type: 'file',
                  target: path.join(
                    REPO_ROOT,
                    'templates/inference-service/template.yaml',
                  ),
                },
              ],
            },
            scaffolder: { platform: { publishDir } },
            kubernetes: {
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'fdp-cluster',
                      url: sim.httpsUrl,
                      caData: Buffer.from(sim.caCert).toString('base64'),
                      authProvider: 'serviceAccount',
                      serviceAccountToken: sim.token,
                    },
                  ],
                },
              ],
            },
          },
        }),
      ],
    }));
  });
  afterAll(async () => {
    await sim.stop();
    fs.rmSync(publishDir, { recursive: true, force: true });
    fs.rmSync(`${publishDir}-org.yaml`, { force: true });
  });

  const api = (user = DEV_MEMBER) => ({
    get: (p: string) =>
      request(server)
        .get(p)
        .set('Authorization', mockCredentials.user.header(user)),
    post: (p: string) =>
      request(server)
        .post(p)
        .set('Authorization', mockCredentials.user.header(user)),
  });

  async function eventually<T>(fn: () => Promise<T | undefined>, ms: number) {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await fn();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise(r => setTimeout(r, 200));
    }
  }

  it('commits, registers and applies a new service for a dev-team member', async () => {
    // the catalog has read the template, the owner and the system
    await eventually(async () => {
      for (const ref of [
        'template/default/inference-service',
        'group/default/dev-team',
        'system/default/financial-data-platform',
      ]) {
        const res = await api().get(`/api/catalog/entities/by-name/${ref}`);
        if (res.status !== 200) return undefined;
      }
      return true;
    }, 20_000);

    const started = Date.now();
    const created = await api()
      .post('/api/scaffolder/v2/tasks')
      .send({
        templateRef: 'template:default/inference-service',
        values: {
          name: 'price-model',
          owner: 'group:default/dev-team',
          system: 'system:default/financial-data-platform',
          cluster: 'fdp-cluster',
          namespace: 'dev',
          replicas: 2,
        },
      });
    expect(created.status).toBe(201);
    const task = await eventually(async () => {
      const res = await api().get(
        `/api/scaffolder/v2/tasks/${created.body.id}`,
      );
      return ['completed', 'failed'].includes(res.body.status)
        ? res.body
        : undefined;
    }, 40_000);
    if (task.status !== 'completed') {
      const events = await api().get(
        `/api/scaffolder/v2/tasks/${created.body.id}/events`,
      );
      throw new Error(events.body.map((e: any) => e.body.message).join('\n'));
    }
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(15);

    // committed: one commit with the skeleton and the manifests
    const dir = path.join(publishDir, 'price-model');
    const log = await git.log({ fs, dir });
    expect(log).toHaveLength(1);
    const files = await git.listFiles({ fs, dir });
    expect(files).toEqual(
      expect.arrayContaining([
        'catalog-info.yaml',
        'k8s/deployment.yaml',
        'src/index.js',
        'Dockerfile',
        'alerts/rules.yaml',
      ]),
    );

    // registered: the entity is in the catalog with its owner
    const entity = await api().get(
      '/api/catalog/entities/by-name/component/default/price-model',
    );
    expect(entity.status).toBe(200);
    expect(entity.body.spec.owner).toBe('group:default/dev-team');
    const events = await api().get(
      `/api/scaffolder/v2/tasks/${created.body.id}/events`,
    );
    const completion = events.body.find((e: any) => e.type === 'completion');
    expect(completion.body.output.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entityRef: 'component:default/price-model' }),
      ]),
    );

    // applied: its pods run on ai-inference nodes
    const pods = await eventually(async () => {
      const res = await fetch(
        `${sim.url}/api/v1/namespaces/dev/pods?labelSelector=app%3Dprice-model`,
        { headers: { Authorization: `Bearer ${sim.token}` } },
      );
      const list = await res.json();
      return list.items.length === 2 &&
        list.items.every((p: any) => p.spec.nodeName)
        ? list.items
        : undefined;
    }, 10_000);
    for (const pod of pods) {
      expect(pod.spec.nodeName).toMatch(/^ai-inference-/);
    }
  });

  it('refuses a dev-team member the production namespace before anything is written', async () => {
    const created = await api()
      .post('/api/scaffolder/v2/tasks')
      .send({
        templateRef: 'template:default/inference-service',
        values: {
          name: 'prod-model',
          owner: 'group:default/dev-team',
          system: 'system:default/financial-data-platform',
          cluster: 'fdp-cluster',
          namespace: 'production',
          replicas: 2,
        },
      });
    expect(created.status).toBe(201);
    const task = await eventually(async () => {
      const res = await api().get(
        `/api/scaffolder/v2/tasks/${created.body.id}`,
      );
      return ['completed', 'failed'].includes(res.body.status)
        ? res.body
        : undefined;
    }, 40_000);
    expect(task.status).toBe('failed');
    const events = await api().get(
      `/api/scaffolder/v2/tasks/${created.body.id}/events`,
    );
    const log = events.body.map((e: any) => e.body.message).join('\n');
    expect(log).toContain('Unauthorized action: kubernetes:apply');
    expect(log).toContain(
      'Skipping step publish because a previous step failed',
    );
    expect(fs.existsSync(path.join(publishDir, 'prod-model'))).toBe(false);
    expect(
      (
        await api().get(
          '/api/catalog/entities/by-name/component/default/prod-model',
        )
      ).status,
    ).toBe(404);
  });
});
