import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { lintManifests, validateObject } from '@fdp/plugin-manifests-common';
import { parse } from 'yaml';
import { createRenderManifestsAction } from './renderManifests';

const catalog = catalogServiceMock({
  entities: [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'dev-team' },
      spec: { type: 'team', children: [] },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'trading-api' },
      spec: { type: 'service', lifecycle: 'production', owner: 'devops' },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'financial-data-platform' },
      spec: { owner: 'devops' },
    },
  ],
});

const input = {
  name: 'price-model',
  layer: 'inference' as const,
  namespace: 'dev',
  owner: 'dev-team',
  system: 'financial-data-platform',
  cluster: 'fdp-cluster',
  targetPath: 'k8s',
};

describe('platform:manifests:render', () => {
  let workspacePath: string;
  beforeEach(async () => {
    workspacePath = await fs.mkdtemp(path.join(os.tmpdir(), 'render-'));
  });
  afterEach(() => fs.rm(workspacePath, { recursive: true, force: true }));

  const action = createRenderManifestsAction({
    catalog,
    clusters: ['fdp-cluster'],
  });

  it('writes the seven valid, lint-clean manifests into k8s/', async () => {
    const ctx = createMockActionContext({ input, workspacePath });
    await action.handler(ctx);

    const files = (await fs.readdir(path.join(workspacePath, 'k8s'))).sort();
    expect(files).toEqual([
      'deployment.yaml',
      'horizontalpodautoscaler.yaml',
      'networkpolicy.yaml',
      'poddisruptionbudget.yaml',
      'service.yaml',
      'serviceaccount.yaml',
      'verticalpodautoscaler.yaml',
    ]);
    const objects = await Promise.all(
      files.map(async f =>
        parse(await fs.readFile(path.join(workspacePath, 'k8s', f), 'utf8')),
      ),
    );
    for (const o of objects) {
      expect(validateObject(o) ?? []).toEqual([]);
      expect(o.metadata.namespace).toBe('dev');
      expect(o.metadata.labels['backstage.io/kubernetes-id']).toBe(
        'price-model',
      );
    }
    expect(lintManifests(objects)).toEqual([]);
    const deployment = objects.find(o => o.kind === 'Deployment');
    expect(deployment.spec.template.spec.nodeSelector).toEqual({
      role: 'ai-inference',
    });
    expect(ctx.output).toHaveBeenCalledWith(
      'files',
      expect.arrayContaining(['k8s/deployment.yaml']),
    );
  });

  it.each([
    [{ name: 'Price_Model' }, /^name 'Price_Model' is not a DNS-1123 label/],
    [{ replicas: 6 }, /^replicas 6 is outside 1\.\.5 .*'ai-inference'/],
    [{ cluster: 'elsewhere' }, /^cluster 'elsewhere' is not a configured/],
    [
      { name: 'trading-api' },
      /^name 'trading-api' is taken: component:default\/trading-api is in the catalog/,
    ],
    [{ owner: 'nobody' }, /^owner 'nobody' is not in the catalog/],
    [{ system: 'nowhere' }, /^system 'nowhere' is not in the catalog/],
  ])('refuses %j naming the field, writing nothing', async (bad, message) => {
    const ctx = createMockActionContext({
      input: { ...input, ...bad },
      workspacePath,
    });
    await expect(action.handler(ctx)).rejects.toThrow(message);
    await expect(fs.readdir(workspacePath)).resolves.toEqual([]);
  });
});
