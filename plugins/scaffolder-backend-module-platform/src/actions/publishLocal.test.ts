import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import git from 'isomorphic-git';
import { createPublishLocalAction } from './publishLocal';

describe('platform:publish:local', () => {
  let root: string;
  let workspacePath: string;
  let publishDir: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'publish-'));
    workspacePath = path.join(root, 'workspace');
    publishDir = path.join(root, 'repos');
    await fs.mkdir(path.join(workspacePath, 'k8s'), { recursive: true });
    await fs.writeFile(
      path.join(workspacePath, 'catalog-info.yaml'),
      'kind: Component\n',
    );
    await fs.writeFile(path.join(workspacePath, 'k8s', 'a.yaml'), 'a: 1\n');
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it('commits the workspace to a new repository with one commit', async () => {
    const action = createPublishLocalAction({ publishDir });
    const ctx = createMockActionContext({
      input: { name: 'ticks' },
      workspacePath,
    });
    await action.handler(ctx);

    const dir = path.join(publishDir, 'ticks');
    const log = await git.log({ fs: require('node:fs'), dir });
    expect(log).toHaveLength(1);
    expect(log[0].commit.message).toBe('Initial commit\n');
    const files = await git.listFiles({ fs: require('node:fs'), dir });
    expect(files.sort()).toEqual(['catalog-info.yaml', 'k8s/a.yaml']);
    expect(await git.currentBranch({ fs: require('node:fs'), dir })).toBe(
      'main',
    );

    const output = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
    expect(fileURLToPath(output.repoUrl)).toBe(dir);
    expect(fileURLToPath(output.catalogInfoUrl)).toBe(
      path.join(dir, 'catalog-info.yaml'),
    );
    expect(output.commitHash).toBe(log[0].oid);
  });

  it('never overwrites an existing repository', async () => {
    const action = createPublishLocalAction({ publishDir });
    await fs.mkdir(path.join(publishDir, 'ticks'), { recursive: true });
    await fs.writeFile(path.join(publishDir, 'ticks', 'keep'), 'x');
    const ctx = createMockActionContext({
      input: { name: 'ticks' },
      workspacePath,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      "name: repository 'ticks' already exists",
    );
    expect(await fs.readdir(path.join(publishDir, 'ticks'))).toEqual(['keep']);
  });
});
