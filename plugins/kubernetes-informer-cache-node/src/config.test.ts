import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createAuthStrategies } from './auth/authStrategies';
import { readClusters, readSettings } from './config';

const strategies = createAuthStrategies({
  config: new ConfigReader({}),
  logger: mockServices.logger.mock(),
});

const kubeconfig = `apiVersion: v1
kind: Config
clusters:
- name: c1
  cluster: { server: 'https://10.0.0.1:6443' }
- name: c2
  cluster: { server: 'https://10.0.0.2:6443' }
users:
- name: u
  user: { token: secret-token }
contexts:
- name: ctx-a
  context: { cluster: c1, user: u }
- name: fdp-cluster
  context: { cluster: c2, user: u }
current-context: ctx-a
`;

describe('readClusters', () => {
  it('reads config clusters and kubeconfig contexts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'knc-'));
    const file = path.join(dir, 'kubeconfig');
    fs.writeFileSync(file, kubeconfig);
    const warnings: string[] = [];
    const clusters = readClusters(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            { type: 'catalog' },
            {
              type: 'config',
              clusters: [
                {
                  name: 'fdp-cluster',
                  url: 'https://k8s.example.com',
                  authProvider: 'serviceAccount',
                  serviceAccountToken: 't',
                },
                {
                  name: 'g',
                  url: 'https://g.example.com',
                  authProvider: 'google',
                },
                {
                  name: 'sa',
                  url: 'https://sa.example.com',
                  authProvider: 'serviceAccount',
                },
                {
                  name: 'meta',
                  url: 'https://m.example.com',
                  authMetadata: {
                    'kubernetes.io/auth-provider': 'serviceAccount',
                    serviceAccountToken: 'meta-token',
                  },
                },
                {
                  name: 'eks',
                  url: 'https://eks.example.com',
                  authProvider: 'aws',
                },
                {
                  name: 'custom',
                  url: 'https://c.example.com',
                  authProvider: 'vault',
                },
              ],
            },
          ],
        },
        kubernetesInformerCache: { kubeconfig: file },
      }),
      strategies,
      m => warnings.push(m),
    );
    expect(
      clusters.map(c => [c.name, c.authProvider, c.url, !!c.authenticate]),
    ).toEqual([
      ['fdp-cluster', 'serviceAccount', 'https://k8s.example.com', true],
      ['g', 'google', 'https://g.example.com', false],
      // no token in config: the pod's projected token
      ['sa', 'serviceAccount', 'https://sa.example.com', true],
      ['meta', 'serviceAccount', 'https://m.example.com', true],
      ['eks', 'aws', 'https://eks.example.com', true],
      ['custom', 'vault', 'https://c.example.com', false],
      ['ctx-a', 'kubeconfig', 'https://10.0.0.1:6443', true],
    ]);
    expect(clusters[1].reason).toMatch(
      /needs server-side auth .*'google' signs requests with the signed-in user's own token/,
    );
    expect(clusters[5].reason).toMatch(
      /'vault' is not one of the Kubernetes backend's auth strategies \(aks, aws,/,
    );
    expect(warnings).toEqual([
      expect.stringContaining("duplicate cluster name 'fdp-cluster'"),
    ]);
    expect((await clusters[0].authenticate!()).headers).toEqual({
      Authorization: 'Bearer t',
    });
    expect((await clusters[3].authenticate!()).headers).toEqual({
      Authorization: 'Bearer meta-token',
    });
    expect((await clusters[6].authenticate!()).headers).toEqual({
      Authorization: 'Bearer secret-token',
    });
    fs.rmSync(dir, { recursive: true });
  });

  it('warns about an unreadable kubeconfig', () => {
    const warnings: string[] = [];
    expect(
      readClusters(
        new ConfigReader({
          kubernetesInformerCache: { kubeconfig: '/nonexistent' },
        }),
        strategies,
        m => warnings.push(m),
      ),
    ).toEqual([]);
    expect(warnings[0]).toMatch(/cannot read kubeconfig/);
  });
});

describe('readSettings', () => {
  it('uses defaults and reads overrides', () => {
    expect(readSettings(new ConfigReader({}))).toMatchObject({
      metricsIntervalMs: 30_000,
      statsConcurrency: 16,
      statsMaxNodesPerRound: 500,
      podQueryIdleMs: 300_000,
      backoff: { initialMs: 1000, maxMs: 30_000 },
    });
    const warn = jest.fn();
    expect(
      readSettings(
        new ConfigReader({
          kubernetesInformerCache: {
            metricsInterval: { seconds: 10 },
            resyncInterval: '1h',
            watchTimeout: { minutes: 2 },
            statsSummary: { concurrency: 4, maxNodesPerRound: 50 },
            backoff: { initial: '500ms', max: { seconds: 5 } },
            podMetrics: { idleTimeout: 'PT1M' },
          },
        }),
        warn,
      ),
    ).toMatchObject({
      metricsIntervalMs: 10_000,
      resyncIntervalMs: 3_600_000,
      watchTimeoutSeconds: 120,
      statsConcurrency: 4,
      statsMaxNodesPerRound: 50,
      podQueryIdleMs: 60_000,
      backoff: { initialMs: 500, maxMs: 5000 },
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it('still reads the former number keys, each with a deprecation warning', () => {
    const warnings: string[] = [];
    expect(
      readSettings(
        new ConfigReader({
          kubernetesInformerCache: {
            metricsIntervalSeconds: 10,
            resyncIntervalSeconds: 0,
            watchTimeoutSeconds: 60,
            backoff: { initialMs: 200, maxMs: 5000 },
            podMetrics: { idleSeconds: 60 },
          },
        }),
        m => warnings.push(m),
      ),
    ).toMatchObject({
      metricsIntervalMs: 10_000,
      resyncIntervalMs: 0,
      watchTimeoutSeconds: 60,
      podQueryIdleMs: 60_000,
      backoff: { initialMs: 200, maxMs: 5000 },
    });
    expect(warnings).toHaveLength(6);
    expect(warnings[0]).toBe(
      "kubernetesInformerCache.metricsIntervalSeconds is deprecated: use kubernetesInformerCache.metricsInterval, a duration such as { seconds: 10 } or '10s'",
    );
  });
});
