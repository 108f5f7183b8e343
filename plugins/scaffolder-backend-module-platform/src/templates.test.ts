import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEFAULT_PLATFORM_POOLS,
  LAYER_DEFAULTS,
  Layer,
  lintManifests,
  validateObject,
} from '@fdp/plugin-manifests-common';
import { RunningSimulator, startSimulator } from '@fdp/platform-sim';
import {
  FieldFormatEntityPolicy,
  SchemaValidEntityPolicy,
} from '@backstage/catalog-model';
import request from 'supertest';
import { parse } from 'yaml';
import { scaffolderModulePlatform } from './module';

const TEMPLATES_DIR = path.resolve(__dirname, '../../../templates');
const TEMPLATES: Array<[string, Layer]> = [
  ['collector-service', 'collector'],
  ['stream-processing-service', 'stream-processing'],
  ['inference-service', 'inference'],
  ['api-service', 'api'],
];

async function filesOf(dir: string, prefix = ''): Promise<string[]> {
  const entries = await fs.readdir(path.join(dir, prefix), {
    withFileTypes: true,
  });
  const nested = await Promise.all(
    entries.map(e =>
      e.isDirectory()
        ? filesOf(dir, path.join(prefix, e.name))
        : [path.join(prefix, e.name)],
    ),
  );
  return nested.flat();
}

/** What the template editor sends: the template and its directory's files. */
async function dryRunBody(name: string, values: Record<string, unknown>) {
  const dir = path.join(TEMPLATES_DIR, name);
  const template = parse(
    await fs.readFile(path.join(dir, 'template.yaml'), 'utf8'),
  );
  const directoryContents = await Promise.all(
    (
      await filesOf(dir)
    ).map(async p => ({
      path: p,
      base64Content: (await fs.readFile(path.join(dir, p))).toString('base64'),
    })),
  );
  return { template, values, directoryContents };
}

describe('the templates through the scaffolder dry-run API', () => {
  let sim: RunningSimulator;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let publishDir: string;

  beforeAll(async () => {
    sim = await startSimulator({
      scenario: 'default',
      port: 0,
      clock: 'manual',
    });
    publishDir = await fs.mkdtemp(path.join(os.tmpdir(), 'templates-'));
    ({ server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModulePlatform,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Group',
              metadata: { name: 'dev-team' },
              spec: { type: 'team', children: [] },
            },
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'System',
              metadata: { name: 'financial-data-platform' },
              spec: { owner: 'devops' },
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
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
  }, 60_000);
  afterAll(async () => {
    await sim.stop();
    await fs.rm(publishDir, { recursive: true, force: true });
  });

  const dryRun = async (name: string, values: Record<string, unknown>) =>
    request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send(await dryRunBody(name, values));

  const valid = (name: string) => ({
    name: `new-${name}`.slice(0, 40),
    owner: 'group:default/dev-team',
    system: 'system:default/financial-data-platform',
    cluster: 'fdp-cluster',
    namespace: 'dev',
    replicas: 2,
  });

  it.each(TEMPLATES)(
    '%s renders valid, lint-clean manifests and a catalog entity; nothing is published or applied',
    async (template, layer) => {
      const values = valid(template);
      const res = await dryRun(template, values);
      expect(res.status).toBe(200);

      const files = new Map<string, string>(
        res.body.directoryContents.map((f: any) => [
          f.path,
          Buffer.from(f.base64Content, 'base64').toString('utf8'),
        ]),
      );
      const manifests = [...files]
        .filter(([p]) => p.startsWith('k8s/'))
        .map(([, text]) => parse(text));
      expect(manifests.map(m => m.kind).sort()).toEqual([
        'Deployment',
        'HorizontalPodAutoscaler',
        'NetworkPolicy',
        'PodDisruptionBudget',
        'Service',
        'ServiceAccount',
        'VerticalPodAutoscaler',
      ]);
      for (const m of manifests) expect(validateObject(m) ?? []).toEqual([]);
      expect(lintManifests(manifests)).toEqual([]);
      const deployment = manifests.find(m => m.kind === 'Deployment');
      const pool = DEFAULT_PLATFORM_POOLS.find(
        p => p.name === LAYER_DEFAULTS[layer].pool,
      )!;
      expect(deployment.spec.template.spec.nodeSelector).toEqual(pool.selector);

      const entity = parse(files.get('catalog-info.yaml')!);
      // what the catalog checks before it takes an entity
      await expect(
        new SchemaValidEntityPolicy().enforce(entity),
      ).resolves.toBeDefined();
      await expect(
        new FieldFormatEntityPolicy().enforce(entity),
      ).resolves.toBeDefined();
      expect(entity.metadata.name).toBe(values.name);
      expect(entity.spec).toMatchObject({
        owner: values.owner,
        system: values.system,
      });
      expect(entity.metadata.annotations).toMatchObject({
        'backstage.io/kubernetes-id': values.name,
        'prometheus.io/labels': `service=${values.name}`,
      });
      for (const f of [
        'src/index.js',
        'package.json',
        'Dockerfile',
        'README.md',
        'alerts/rules.yaml',
      ]) {
        expect(files.get(f)).not.toContain('${{');
      }
      expect(parse(files.get('alerts/rules.yaml')!).groups[0].name).toBe(
        values.name,
      );

      const messages = res.body.log.map((l: any) => l.body.message).join('\n');
      expect(messages).toContain(
        'Skipping because platform:publish:local does not support dry-run',
      );
      expect(messages).toMatch(
        /Deployment dev\/\S+ created \(server dry run\)/,
      );
      const deployed = await fetch(
        `${sim.url}/apis/apps/v1/namespaces/dev/deployments/${values.name}`,
        { headers: { Authorization: `Bearer ${sim.token}` } },
      );
      expect(deployed.status).toBe(404);
      expect(await fs.readdir(publishDir)).toEqual([]);
    },
  );

  it('offers replicas up to the maximum size of the layer’s pool', async () => {
    for (const [template, layer] of TEMPLATES) {
      const { template: t } = await dryRunBody(template, {});
      const replicas = t.spec.parameters[1].properties.replicas;
      const pool = DEFAULT_PLATFORM_POOLS.find(
        p => p.name === LAYER_DEFAULTS[layer].pool,
      )!;
      expect([template, replicas.maximum]).toEqual([template, pool.maxSize]);
      expect(replicas.default).toBe(LAYER_DEFAULTS[layer].replicas);
    }
  });

  it.each([
    [{ name: 'Bad_Name' }, 400, /instance\.name does not match pattern/],
    [
      { replicas: 6 },
      400,
      /instance\.replicas must be less than or equal to 5/,
    ],
    [{ cluster: 'moon' }, 400, /cluster 'moon' is not a configured cluster/],
    [
      { owner: 'group:default/nobody' },
      400,
      /owner 'group:default\/nobody' is not in the catalog/,
    ],
  ])(
    'inference-service refuses %j naming the field, before anything is written',
    async (bad, status, message) => {
      const res = await dryRun('inference-service', {
        ...valid('inference-service'),
        ...bad,
      });
      expect(res.status).toBe(status);
      expect(JSON.stringify(res.body)).toMatch(message);
      expect(await fs.readdir(publishDir)).toEqual([]);
    },
  );
});
