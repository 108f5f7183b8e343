/*
 * The Velero provider through the shared informer cache, watching the
 * platform simulator's default scenario over HTTPS (its Backups and
 * Schedules, velero.io/v1) at a fixed scenario start, so the schedule
 * `0 1 * * *` (Asia/Seoul) lines up with the scenario's backups: completed,
 * failed, partially failed and expired backups evaluated against the GFS
 * retention, a schedule that stops producing backups going overdue, and new
 * failed runs created through the API.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  KubernetesInformerCache,
  kubernetesInformerCacheServiceRef,
} from '@fdp/plugin-kubernetes-informer-cache-node';
import {
  loadScenario,
  RunningSimulator,
  startSimulator,
} from '@fdp/platform-sim';
import { parseBackupsConfig } from './config';
import { VeleroProvider } from './providers/velero/VeleroProvider';
import { BackupsService } from './service/BackupsService';

jest.setTimeout(60_000);

const HOUR = 3600_000;
// 12:00 UTC: the scenario's daily backups (now-20h, -44h, …) start at 16:00
// UTC, i.e. 01:00 in Seoul, exactly when the schedule runs
const START = Date.parse('2026-11-20T12:00:00Z');

describe('velero provider with the simulator', () => {
  let sim: RunningSimulator;
  let cache: KubernetesInformerCache;
  let backend: { stop(): Promise<void> };
  let now: Date;
  let service: BackupsService;

  beforeAll(async () => {
    const scenario = loadScenario('default');
    sim = await startSimulator({
      scenario: {
        ...scenario,
        cluster: {
          ...scenario.cluster,
          startTime: new Date(START).toISOString(),
        },
      },
      port: 0,
      clock: 'manual',
    });
    backend = await startTestBackend({
      features: [
        createBackendPlugin({
          pluginId: 'capture',
          register(env) {
            env.registerInit({
              deps: { c: kubernetesInformerCacheServiceRef },
              async init({ c }) {
                c.register({
                  kinds: ['backups', 'schedules'],
                  detail: 'trimmed',
                });
                cache = c;
              },
            });
          },
        }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [
                { type: 'config', clusters: [sim.backstageCluster] },
              ],
            },
          },
        }),
      ],
    });
    await cache.ready();
    const config = parseBackupsConfig({
      // as app-config.yaml configures the demo's 15-minute schedule
      policies: {
        'volume-snapshots': {
          kind: 'snapshot',
          schedule: '*/15 * * * *',
          gracePeriod: '5m',
          retention: { hourly: 1, daily: 0, weekly: 0, monthly: 0 },
        },
      },
      velero: [
        {
          name: 'sim',
          cluster: sim.backstageCluster.name,
          schedules: [
            { target: 'cluster-snapshots', schedule: 'daily-backup' },
            { target: 'gone', schedule: 'no-such-schedule' },
            {
              target: 'trading-volumes',
              schedule: 'trading-volumes',
              policy: 'volume-snapshots',
            },
          ],
        },
      ],
    });
    service = new BackupsService({
      policies: config.policies,
      providers: config.velero.map(c => new VeleroProvider(c, cache)),
      logger: mockServices.logger.mock(),
      now: () => now,
    });
  });
  afterAll(async () => {
    await backend?.stop();
    await sim?.stop();
  });

  const codes = (name: string) =>
    service.getTarget(name)!.violations.map(v => `${v.code}:${v.severity}`);

  it('evaluates completed, failed, partially failed and expired backups against the GFS retention', async () => {
    now = new Date(START);
    await service.refresh();
    const backups = service.getBackups('cluster-snapshots')!;
    expect(backups.map(b => [b.id, b.status])).toEqual([
      ['daily-backup-3', 'completed'],
      ['daily-backup-2', 'partiallyFailed'],
      ['daily-backup-1', 'completed'],
      ['daily-backup-0', 'failed'],
      ['daily-backup-expired', 'expired'],
    ]);
    const target = service.getTarget('cluster-snapshots')!;
    expect(target.lastFull?.id).toBe('daily-backup-3');
    // restorable: the two completed ones (not the partial, failed or expired)
    expect(target.recoveryWindow).toEqual({
      from: new Date(START - 68 * HOUR).toISOString(),
      to: new Date(START - 20 * HOUR).toISOString(),
      toBasis: 'backup',
    });
    expect(target.rpoMs).toBe(20 * HOUR);
    const shortfall = target.violations.filter(
      v => v.code === 'RETENTION_SHORTFALL',
    );
    // daily 7: the schedule ran on each of the 4 days back to the first
    // backup, only 2 of those days have a restorable snapshot
    expect(shortfall.map(v => v.params)).toContainEqual(
      expect.objectContaining({ retention: 'daily', kept: 2 }),
    );
    // the documented hourly 24 cannot be met by a daily schedule: said, not failed
    expect(codes('cluster-snapshots')).toContain('POLICY_INCONSISTENT:warning');
    expect(codes('cluster-snapshots')).not.toContain(
      'FULL_BACKUP_OVERDUE:warning',
    );
    expect(codes('cluster-snapshots')).not.toContain(
      'LAST_BACKUP_FAILED:critical',
    );
  });

  it('says FULL_BACKUP_OVERDUE when the schedule stops producing backups', async () => {
    now = new Date(START + 8 * HOUR); // past the next 01:00 run + grace: one missed
    await service.refresh();
    expect(codes('cluster-snapshots')).toContain('FULL_BACKUP_OVERDUE:warning');
    now = new Date(START + 30 * HOUR); // two missed
    await service.refresh();
    expect(codes('cluster-snapshots')).toContain(
      'FULL_BACKUP_OVERDUE:critical',
    );
    expect(service.getTarget('cluster-snapshots')!.status).toBe('critical');
  });

  it('lets the demo’s 15-minute schedule go overdue minutes after the start', async () => {
    now = new Date(START);
    await service.refresh();
    expect(service.getTarget('trading-volumes')!.status).toBe('ok');
    now = new Date(START + 10 * 60_000); // the 12:00 run is 5 minutes late
    await service.refresh();
    expect(codes('trading-volumes')).toEqual(['FULL_BACKUP_OVERDUE:warning']);
    now = new Date(START + 25 * 60_000); // and the 12:15 one
    await service.refresh();
    expect(codes('trading-volumes')).toEqual(['FULL_BACKUP_OVERDUE:critical']);
  });

  it('says LAST_BACKUP_FAILED for a new failed or partially failed run', async () => {
    const create = async (name: string, phase: string, startedAt: number) => {
      const response = await fetch(
        `${sim.url}/apis/velero.io/v1/namespaces/velero/backups`,
        {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${sim.token}`,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify({
            apiVersion: 'velero.io/v1',
            kind: 'Backup',
            metadata: {
              name,
              namespace: 'velero',
              labels: { 'velero.io/schedule-name': 'daily-backup' },
            },
            status: {
              phase,
              startTimestamp: new Date(startedAt).toISOString(),
              completionTimestamp: new Date(startedAt + HOUR).toISOString(),
              expiration: new Date(startedAt + 720 * HOUR).toISOString(),
            },
          }),
        },
      );
      expect(response.status).toBe(201);
      const deadline = Date.now() + 10_000;
      while (!cache.get(sim.backstageCluster.name, 'backups', 'velero', name)) {
        if (Date.now() > deadline) throw new Error(`${name} never cached`);
        await new Promise(r => setTimeout(r, 50));
      }
    };
    now = new Date(START + 8 * HOUR);
    await create('daily-backup-4', 'PartiallyFailed', START + 4 * HOUR);
    await service.refresh();
    expect(codes('cluster-snapshots')).toContain('LAST_BACKUP_FAILED:warning');

    now = new Date(START + 32 * HOUR);
    await create('daily-backup-5', 'Failed', START + 28 * HOUR);
    await service.refresh();
    expect(codes('cluster-snapshots')).toContain('LAST_BACKUP_FAILED:critical');
  });

  it('gives a missing schedule a repository error and still answers for the others', async () => {
    now = new Date(START);
    await service.refresh();
    const error = service
      .getTarget('gone')!
      .violations.find(v => v.code === 'REPOSITORY_ERROR');
    expect(error?.severity).toBe('critical');
    expect(error?.message).toMatch(
      /Velero schedule velero\/no-such-schedule does not exist/,
    );
    expect(service.getBackups('cluster-snapshots')!.length).toBeGreaterThan(0);
  });
});
