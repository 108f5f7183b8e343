import { useApi } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { useLiveData, type LiveData } from '@fdp/live-data-react';
import { alertsApiRef, isAlertsAvailable } from '@fdp/plugin-alerts';
import {
  ALERTS_SIGNAL_CHANNEL,
  priorityRank,
  type AlertPriority,
} from '@fdp/plugin-alerts-common';
import {
  BACKUPS_SIGNAL_CHANNEL,
  backupTargetNames,
  backupsApiRef,
} from '@fdp/plugin-backups';
import type { TargetStatus } from '@fdp/plugin-backups-common';
import {
  clusterHealthApiRef,
  isClusterHealthAvailable,
} from '@fdp/plugin-cluster-health';
import {
  CLUSTER_HEALTH_SIGNAL_CHANNEL,
  worstStatus,
  type HealthStatus,
} from '@fdp/plugin-cluster-health-common';
import { incidentsApiRef } from '@fdp/plugin-incidents';
import {
  INCIDENTS_SIGNAL_CHANNEL,
  LIMITS,
  compareLevelIds,
} from '@fdp/plugin-incidents-common';

/** Nothing to load: the entity is not tied to that source. */
const NOT_TRACKED = async (): Promise<null> => null;

/** The entity's workloads' worst health, or undefined when it has none. */
export function useEntityHealth(entity: Entity): LiveData<HealthStatus | null> {
  const api = useApi(clusterHealthApiRef);
  const ref = stringifyEntityRef(entity);
  const tracked = isClusterHealthAvailable(entity);
  return useLiveData(
    CLUSTER_HEALTH_SIGNAL_CHANNEL,
    tracked
      ? async () => {
          const { workloads, errors } = await api.getWorkloads(ref);
          return worstStatus([
            ...workloads.map(w => w.status),
            ...(errors.length ? (['unknown'] as const) : []),
          ]);
        }
      : NOT_TRACKED,
    [api, ref, tracked],
  );
}

/** How many alerts fire for the entity, and the highest priority among them. */
export function useEntityAlerts(
  entity: Entity,
): LiveData<{ firing: number; worst?: AlertPriority } | null> {
  const api = useApi(alertsApiRef);
  const ref = stringifyEntityRef(entity);
  const tracked = isAlertsAvailable(entity);
  return useLiveData(
    ALERTS_SIGNAL_CHANNEL,
    tracked
      ? async () => {
          const { alerts } = await api.getAlerts({
            entityRef: ref,
            state: 'firing',
          });
          const [worst] = alerts
            .map(a => a.priority)
            .sort((a, b) => priorityRank(a) - priorityRank(b));
          return { firing: alerts.length, worst };
        }
      : NOT_TRACKED,
    [api, ref, tracked],
  );
}

/** The entity's open incidents and the most severe level among them. */
export function useEntityIncidents(
  entity: Entity,
): LiveData<{ open: number; more: boolean; worst?: string }> {
  const api = useApi(incidentsApiRef);
  const ref = stringifyEntityRef(entity);
  return useLiveData(
    INCIDENTS_SIGNAL_CHANNEL,
    async () => {
      const page = await api.listIncidents({
        entityRef: ref,
        status: 'open',
        limit: LIMITS.pageSize,
      });
      const [worst] = page.items.map(i => i.level).sort(compareLevelIds);
      return {
        open: page.items.length,
        more: Boolean(page.nextCursor),
        worst,
      };
    },
    [api, ref],
  );
}

/** The entity's backup targets that are not OK, worst status first. */
export function useEntityBackups(
  entity: Entity,
): LiveData<{ notOk: number; worst: TargetStatus } | null> {
  const api = useApi(backupsApiRef);
  const names = backupTargetNames(entity).join(',');
  return useLiveData(
    BACKUPS_SIGNAL_CHANNEL,
    names
      ? async () => {
          const wanted = new Set(names.split(','));
          const targets = (await api.listTargets()).filter(target =>
            wanted.has(target.name),
          );
          const notOk = targets.filter(target => target.status !== 'ok');
          return {
            notOk: notOk.length,
            worst: notOk.some(target => target.status === 'critical')
              ? 'critical'
              : notOk[0]?.status ?? 'ok',
          };
        }
      : NOT_TRACKED,
    [api, names],
  );
}
