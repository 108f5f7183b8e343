/*
 * The backups plugin with Velero targets on a controlled informer cache:
 * the first round waits for the cache's first lists (no REPOSITORY_ERROR
 * for a cluster still being listed), and data of a cluster whose watch is
 * broken is served marked stale, at once (a cache event triggers a round).
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  CacheEvent,
  CachedObject,
  ClusterCacheState,
  KubernetesInformerCache,
  kubernetesInformerCacheServiceRef,
} from '@fdp/plugin-kubernetes-informer-cache-node';
import request from 'supertest';
import { backupsPlugin } from './plugin';

jest.setTimeout(60_000);

const HOUR = 3600_000;

/** A cache of one cluster whose sync and watch health the test sets. */
class ControlledCache implements Partial<KubernetesInformerCache> {
  state: ClusterCacheState = {
    name: 'fdp-cluster',
    authProvider: 'serviceAccount',
    synced: false,
    stale: false,
  };
  private listeners = new Set<(event: CacheEvent) => void>();
  private synced!: () => void;
  private readonly readyPromise = new Promise<void>(r => {
    this.synced = r;
  });
  readonly schedule: CachedObject = {
    metadata: { name: 'daily', namespace: 'velero' },
    spec: { schedule: '0 * * * *' },
  };
  readonly backup: CachedObject = {
    metadata: {
      name: 'daily-1',
      namespace: 'velero',
      labels: { 'velero.io/schedule-name': 'daily' },
    },
    status: {
      phase: 'Completed',
      startTimestamp: new Date(Date.now() - HOUR / 2).toISOString(),
      completionTimestamp: new Date(Date.now() - HOUR / 3).toISOString(),
    },
  };

  register() {}
  getCluster = (name: string) =>
    name === this.state.name ? { ...this.state } : undefined;
  get = (_c: string, kind: string, _ns: string | undefined, name: string) =>
    kind === 'schedules' && name === 'daily' ? this.schedule : undefined;
  list = (_c: string, kind: string) =>
    kind === 'backups' ? [this.backup] : [];
  subscribe = (listener: (event: CacheEvent) => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  ready = () => this.readyPromise;

  sync() {
    this.state = {
      ...this.state,
      synced: true,
      lastSyncAt: new Date().toISOString(),
    };
    this.synced();
    this.emit({ type: 'SYNCED', cluster: this.state.name });
  }
  breakWatch() {
    this.state = {
      ...this.state,
      stale: true,
      error: 'watch backups: connect ECONNREFUSED 10.0.0.1:6443',
      kinds: {
        backups: { synced: true, stale: true, detail: 'trimmed', count: 1 },
        schedules: { synced: true, stale: false, detail: 'trimmed', count: 1 },
      },
    };
    this.emit({ type: 'STALE', cluster: this.state.name, kind: 'backups' });
  }
  private emit(event: CacheEvent) {
    for (const l of this.listeners) l(event);
  }
}

describe('backups plugin: Velero targets and the informer cache', () => {
  const cache = new ControlledCache();
  const auth = { Authorization: mockCredentials.user.header() };
  let server: any;

  let startedMs = 0;

  beforeAll(async () => {
    // the cluster's first list completes while the backend starts (the
    // test scheduler runs each task once at start-up and waits for it)
    const started = Date.now();
    setTimeout(() => cache.sync(), 1500);
    ({ server } = await startTestBackend({
      features: [
        backupsPlugin,
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => ({ publish: async () => {} }),
        }),
        createServiceFactory({
          service: kubernetesInformerCacheServiceRef,
          deps: {},
          factory: () => cache as unknown as KubernetesInformerCache,
        }),
        mockServices.rootConfig.factory({
          data: {
            backups: {
              // rounds come from cache events here, not from the clock
              refreshSeconds: 3600,
              policies: {
                hourly: {
                  kind: 'snapshot',
                  schedule: '0 * * * *',
                  retention: { hourly: 1, daily: 0, weekly: 0, monthly: 0 },
                },
              },
              velero: [
                {
                  name: 'fdp-cluster',
                  cluster: 'fdp-cluster',
                  schedules: [
                    {
                      target: 'snapshots',
                      schedule: 'daily',
                      policy: 'hourly',
                    },
                  ],
                },
              ],
            },
          },
        }),
      ],
    }));
    startedMs = Date.now() - started;
  });

  const targets = async () =>
    (await request(server).get('/api/backups/targets').set(auth)).body as any[];

  async function eventually<T>(fn: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const value = await fn();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise(r => setTimeout(r, 50));
    }
  }

  it('does not report a cluster still being listed as a repository error: the first round waits for its sync', async () => {
    // the first round waited for the list instead of reading an unsynced cluster
    expect(startedMs).toBeGreaterThanOrEqual(1500);
    const [target] = await targets();
    expect(target).toMatchObject({
      name: 'snapshots',
      status: 'ok',
      backupCount: 1,
      stale: false,
    });
    expect(target.violations).toEqual([]);
    expect(target.dataAsOf).toBeUndefined();
  });

  it('marks the data of a cluster whose watch broke as stale, at once', async () => {
    cache.breakWatch();
    const target = await eventually(async () => {
      const [t] = await targets();
      return t.stale ? t : undefined;
    });
    // the last good data, still evaluated, and as of when
    expect(target).toMatchObject({
      status: 'ok',
      backupCount: 1,
      stale: true,
      dataAsOf: cache.state.lastSyncAt,
    });
    // the cache's error names the API server: not for the API
    expect(JSON.stringify(target)).not.toContain('10.0.0.1');
  });
});
