/**
 * The simulator serving Velero Schedules and their Backups in bulk, in its
 * own process (the bench's event loop and heap stay the bench's). Run with
 * the Backstage node transform:
 *
 *   node -r @backstage/cli/config/nodeTransform.cjs bench/lib/veleroSim.ts SCHEDULES BACKUPS_EACH
 *
 * Prints one JSON line `{ cluster, loadMs }` (cluster: a
 * `kubernetes.clusterLocatorMethods` entry) once it serves them. The objects
 * go in as scenario manifests: a YAML scenario file of 250,000 objects would
 * take the YAML parser minutes.
 */
import { startSimulator } from '../../packages/platform-sim/src';
import { scenarioSchema } from '../../packages/platform-sim/src/scenario/schema';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SEOUL_OFFSET = 9 * HOUR;

/** Daily 01:00 Seoul runs back from now: mostly completed, every 50th failed, every 97th partially failed. */
function backups(schedule: string, count: number, now: number) {
  let day = Math.floor((now + SEOUL_OFFSET) / DAY) * DAY - SEOUL_OFFSET + HOUR;
  if (day > now - HOUR) day -= DAY;
  return Array.from({ length: count }, (_, i) => {
    const start = day - i * DAY;
    let phase = 'Completed';
    if (i % 50 === 49) phase = 'Failed';
    else if (i % 97 === 96) phase = 'PartiallyFailed';
    return {
      apiVersion: 'velero.io/v1',
      kind: 'Backup',
      metadata: {
        name: `${schedule}-${new Date(start)
          .toISOString()
          .replace(/[-:T]/g, '')
          .slice(0, 14)}`,
        namespace: 'velero',
        labels: {
          'velero.io/schedule-name': schedule,
          'velero.io/storage-location': 'default',
        },
      },
      spec: {
        ttl: '26280h0m0s',
        includedNamespaces: ['*'],
        storageLocation: 'default',
      },
      status: {
        phase,
        startTimestamp: new Date(start).toISOString(),
        completionTimestamp: new Date(start + 40 * 60_000).toISOString(),
        expiration: new Date(start + 3 * 365 * DAY).toISOString(),
        version: 1,
      },
    };
  });
}

async function main() {
  const schedules = Number(process.argv[2]);
  const each = Number(process.argv[3]);
  const now = Date.now();
  const manifests: object[] = [];
  for (let s = 1; s <= schedules; s++) {
    const name = `cluster-${s}`;
    manifests.push({
      apiVersion: 'velero.io/v1',
      kind: 'Schedule',
      metadata: { name, namespace: 'velero' },
      spec: {
        schedule: '0 1 * * *',
        template: { ttl: '26280h0m0s', includedNamespaces: ['*'] },
      },
      status: { phase: 'Enabled' },
    });
    manifests.push(...backups(name, each, now));
  }
  const started = Date.now();
  const sim = await startSimulator({
    scenario: scenarioSchema.parse({
      name: 'backups-bench',
      cluster: { name: 'fdp-cluster', token: 'fdp-bench-backups-token' },
      nodePools: [
        {
          name: 'general',
          instanceType: 'c5.2xlarge',
          count: 1,
          capacity: { cpu: 8, memory: '16Gi', pods: 110 },
        },
      ],
      namespaces: ['velero'],
      simulation: { watchHistorySize: 1000 },
      manifests,
    }),
    port: 0,
    rulesDir: false,
    alertmanagerConfig: false,
    prometheusConfig: false,
  });
  process.stdout.write(
    `${JSON.stringify({
      cluster: sim.backstageCluster,
      loadMs: Date.now() - started,
    })}\n`,
  );
  process.once('SIGTERM', () => sim.stop().then(() => process.exit(0)));
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
