import { KubernetesInformerCache } from '@fdp/plugin-kubernetes-informer-cache-node';
import { VeleroSourceConfig } from '../../config';
import {
  BackupProvider,
  ProviderError,
  ProviderObservation,
  TargetSpec,
} from '../types';
import { isRunning, veleroBackup } from './veleroBackup';

/**
 * Velero: the `Backup` objects of each configured `Schedule` (label
 * `velero.io/schedule-name`) from the shared informer cache, which watches
 * them once for the whole backend. A cluster the cache cannot watch, or a
 * schedule that does not exist, is a repository error of its targets.
 */
export class VeleroProvider implements BackupProvider {
  readonly type = 'velero';
  readonly label = 'Velero';
  readonly name: string;
  readonly targets: readonly TargetSpec[];

  constructor(
    private readonly config: VeleroSourceConfig,
    private readonly cache: KubernetesInformerCache,
  ) {
    this.name = config.name;
    this.targets = config.schedules.map(s => ({
      name: s.target,
      policy: s.policy,
    }));
  }

  async observe(now: Date): Promise<Map<string, ProviderObservation>> {
    const { cluster, namespace } = this.config;
    const state = this.cache.getCluster(cluster);
    if (!state) {
      throw new ProviderError(`Cluster '${cluster}' is not configured`);
    }
    if (!state.synced) {
      // state.error names the API server's host:port: not for API answers
      throw new ProviderError(
        `Cluster '${cluster}' has not been read yet: its Kubernetes API server has not answered`,
      );
    }
    // a broken watch keeps the last good objects: evaluated, but marked
    const kinds = [state.kinds?.backups, state.kinds?.schedules];
    const stale = kinds.some(Boolean) ? kinds.some(k => k?.stale) : state.stale;
    const freshness: Pick<ProviderObservation, 'stale' | 'dataAsOf'> = stale
      ? { stale, ...(state.lastSyncAt ? { dataAsOf: state.lastSyncAt } : {}) }
      : {};
    const result = new Map<string, ProviderObservation>();
    for (const s of this.config.schedules) {
      if (!this.cache.get(cluster, 'schedules', namespace, s.schedule)) {
        result.set(s.target, {
          ...freshness,
          backups: [],
          repositoryError: `Velero schedule ${namespace}/${s.schedule} does not exist in cluster '${cluster}'`,
        });
        continue;
      }
      const objects = this.cache.list(cluster, 'backups', {
        namespace,
        labelSelector: { 'velero.io/schedule-name': s.schedule },
      });
      result.set(s.target, {
        ...freshness,
        backups: objects.flatMap(o => veleroBackup(o, now.getTime()) ?? []),
        backupInProgress: objects.some(isRunning),
      });
    }
    return result;
  }
}
