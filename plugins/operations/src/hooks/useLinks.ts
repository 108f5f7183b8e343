import { useRouteRef } from '@backstage/frontend-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  nodePoolRouteRef,
  rootRouteRef as clusterHealthRootRouteRef,
} from '@fdp/plugin-cluster-health';
import { rootRouteRef as alertsRootRouteRef } from '@fdp/plugin-alerts';
import {
  incidentRouteRef,
  rootRouteRef as incidentsRootRouteRef,
} from '@fdp/plugin-incidents';
import {
  rootRouteRef as backupsRootRouteRef,
  targetRouteRef,
} from '@fdp/plugin-backups';

/** `?key=value&…` of the defined values, or '' when there are none. */
export function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value) {
      search.set(key, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Links into the feature plugins' pages, each undefined where the app has
 * not mounted that page.
 */
export function useLinks() {
  const clusterHealth = useRouteRef(clusterHealthRootRouteRef);
  const nodePool = useRouteRef(nodePoolRouteRef);
  const alerts = useRouteRef(alertsRootRouteRef);
  const incidents = useRouteRef(incidentsRootRouteRef);
  const incident = useRouteRef(incidentRouteRef);
  const backups = useRouteRef(backupsRootRouteRef);
  const target = useRouteRef(targetRouteRef);
  const entity = useRouteRef(entityRouteRef);
  return {
    clusterHealth: clusterHealth?.(),
    nodePool: (cluster: string, pool: string) => nodePool?.({ cluster, pool }),
    /** The alerts page with the filters it reads (`state`, `priority`, `entityRef`). */
    alerts: (filters: Record<string, string | undefined> = {}) =>
      alerts ? `${alerts()}${query(filters)}` : undefined,
    /** The incidents page with the filters it reads (`status`, `level`, `entityRef`). */
    incidents: (filters: Record<string, string | undefined> = {}) =>
      incidents ? `${incidents()}${query(filters)}` : undefined,
    incident: (id: string) => incident?.({ id }),
    backups: backups?.(),
    target: (name: string) => target?.({ name }),
    /** The entity's page, plus a tab path such as `/cluster-health`. */
    entity: (entityRef: string, tab = '') => {
      if (!entity) {
        return undefined;
      }
      const { kind, namespace, name } = parseEntityRef(entityRef);
      return `${entity({
        kind: kind.toLocaleLowerCase('en-US'),
        namespace: namespace.toLocaleLowerCase('en-US'),
        name,
      })}${tab}`;
    },
  };
}
