import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { renderService } from '@fdp/plugin-manifests-common';
import { stringify } from 'yaml';
import { createLintManifestsAction } from './lintManifests';

describe('platform:manifests:lint', () => {
  let workspacePath: string;
  beforeEach(async () => {
    workspacePath = await fs.mkdtemp(path.join(os.tmpdir(), 'lint-'));
    await fs.mkdir(path.join(workspacePath, 'k8s'));
  });
  afterEach(() => fs.rm(workspacePath, { recursive: true, force: true }));

  const action = createLintManifestsAction();
  const write = (objects: unknown[]) =>
    fs.writeFile(
      path.join(workspacePath, 'k8s', 'all.yaml'),
      objects.map(o => stringify(o)).join('---\n'),
    );

  it('passes rendered manifests with no finding', async () => {
    await write(renderService({ name: 'ticks', layer: 'collector' }));
    const ctx = createMockActionContext({
      input: { path: 'k8s' },
      workspacePath,
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('findings', []);
  });

  it('fails on an error finding and logs and outputs every finding', async () => {
    const objects = renderService({ name: 'ticks', layer: 'collector' });
    const deployment: any = objects.find(o => o.kind === 'Deployment');
    // runs as root (error) and has no probes (warning)
    delete deployment.spec.template.spec.securityContext;
    const container = deployment.spec.template.spec.containers[0];
    delete container.securityContext;
    delete container.readinessProbe;
    delete container.livenessProbe;
    await write(objects);

    const ctx = createMockActionContext({
      input: { path: 'k8s' },
      workspacePath,
    });
    const error = jest.spyOn(ctx.logger, 'error');
    const warn = jest.spyOn(ctx.logger, 'warn');
    await expect(action.handler(ctx)).rejects.toThrow(
      /k8s: 1 lint error: RUNS_AS_ROOT Deployment\/ticks/,
    );
    expect(error).toHaveBeenCalledWith(
      expect.stringMatching(/^error RUNS_AS_ROOT Deployment\/ticks: .*fix:/),
    );
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/^warning PROBES_MISSING Deployment\/ticks/),
    );
    const [, findings] = (ctx.output as jest.Mock).mock.calls[0];
    expect(findings.map((f: any) => f.ruleId)).toEqual([
      'RUNS_AS_ROOT',
      'PROBES_MISSING',
    ]);
  });

  it('refuses a workspace without manifests', async () => {
    const ctx = createMockActionContext({
      input: { path: 'k8s' },
      workspacePath,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      'k8s: no manifests in the workspace',
    );
  });
});
