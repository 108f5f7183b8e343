import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClusterDetails } from '@backstage/plugin-kubernetes-node';
import { ServiceAccountTokenStrategy } from './ServiceAccountTokenStrategy';

const cluster = (
  authMetadata: Record<string, string> = {},
): ClusterDetails => ({
  name: 'c',
  url: 'https://k8s.example.com',
  authMetadata,
});

describe('ServiceAccountTokenStrategy', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-token-'));
  afterAll(() => fs.rmSync(dir, { recursive: true }));

  it('prefers the token in config', async () => {
    const strategy = new ServiceAccountTokenStrategy(path.join(dir, 'none'));
    await expect(
      strategy.getCredential(cluster({ serviceAccountToken: 'from-config' })),
    ).resolves.toEqual({ type: 'bearer token', token: 'from-config' });
  });

  it('reads the projected token, trimmed, and follows its rotation', async () => {
    const file = path.join(dir, 'token');
    fs.writeFileSync(file, 'first\n');
    const strategy = new ServiceAccountTokenStrategy(file);
    await expect(strategy.getCredential(cluster())).resolves.toEqual({
      type: 'bearer token',
      token: 'first',
    });
    fs.writeFileSync(`${file}.new`, 'second');
    fs.renameSync(`${file}.new`, file);
    await expect(strategy.getCredential(cluster())).resolves.toEqual({
      type: 'bearer token',
      token: 'second',
    });
  });

  it('says where it looked when there is no token', async () => {
    const missing = path.join(dir, 'missing');
    await expect(
      new ServiceAccountTokenStrategy(missing).getCredential(cluster()),
    ).rejects.toThrow(
      `serviceAccount: no serviceAccountToken in config and no projected token at ${missing} (ENOENT)`,
    );
  });
});
