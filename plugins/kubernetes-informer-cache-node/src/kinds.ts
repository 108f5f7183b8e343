import { CachedKind } from './types';

/** Where a cached kind lives in the Kubernetes API. */
export interface KindDefinition {
  kind: CachedKind;
  /** API group, '' for the core group */
  group: string;
  version: string;
  plural: string;
  /** the `kind` of one object, e.g. `Pod` */
  objectKind: string;
  namespaced: boolean;
}

const def = (
  kind: CachedKind,
  group: string,
  version: string,
  objectKind: string,
  namespaced = true,
): KindDefinition => ({
  kind,
  group,
  version,
  plural: kind,
  objectKind,
  namespaced,
});

/** Every kind the cache can watch and the API version it watches. */
export const KIND_DEFINITIONS: Readonly<Record<CachedKind, KindDefinition>> = {
  nodes: def('nodes', '', 'v1', 'Node', false),
  pods: def('pods', '', 'v1', 'Pod'),
  services: def('services', '', 'v1', 'Service'),
  configmaps: def('configmaps', '', 'v1', 'ConfigMap'),
  limitranges: def('limitranges', '', 'v1', 'LimitRange'),
  resourcequotas: def('resourcequotas', '', 'v1', 'ResourceQuota'),
  deployments: def('deployments', 'apps', 'v1', 'Deployment'),
  replicasets: def('replicasets', 'apps', 'v1', 'ReplicaSet'),
  statefulsets: def('statefulsets', 'apps', 'v1', 'StatefulSet'),
  daemonsets: def('daemonsets', 'apps', 'v1', 'DaemonSet'),
  horizontalpodautoscalers: def(
    'horizontalpodautoscalers',
    'autoscaling',
    'v2',
    'HorizontalPodAutoscaler',
  ),
  verticalpodautoscalers: def(
    'verticalpodautoscalers',
    'autoscaling.k8s.io',
    'v1',
    'VerticalPodAutoscaler',
  ),
  ingresses: def('ingresses', 'networking.k8s.io', 'v1', 'Ingress'),
  jobs: def('jobs', 'batch', 'v1', 'Job'),
  cronjobs: def('cronjobs', 'batch', 'v1', 'CronJob'),
  // Velero's backups and their schedules (the backups plugin)
  backups: def('backups', 'velero.io', 'v1', 'Backup'),
  schedules: def('schedules', 'velero.io', 'v1', 'Schedule'),
};

/** All kinds the cache knows. */
export const CACHED_KINDS = Object.keys(KIND_DEFINITIONS) as CachedKind[];

/** The cached kind served at `group`/`version`/`plural`, if any. */
export function findCachedKind(
  group: string,
  version: string,
  plural: string,
): CachedKind | undefined {
  return CACHED_KINDS.find(k => {
    const d = KIND_DEFINITIONS[k];
    return d.group === group && d.version === version && d.plural === plural;
  });
}

/** The collection path of a kind, across namespaces unless one is given. */
export function collectionPath(d: KindDefinition, namespace?: string): string {
  const base = d.group ? `/apis/${d.group}/${d.version}` : `/api/${d.version}`;
  const ns =
    namespace && d.namespaced
      ? `/namespaces/${encodeURIComponent(namespace)}`
      : '';
  return `${base}${ns}/${d.plural}`;
}

/** The store key of an object: `namespace/name`, or `name` when cluster scoped. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}
