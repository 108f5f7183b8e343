/** The resource types the simulator serves, with what discovery and routing need to know. */

export interface ResourceType {
  /** API group ('' for core). */
  group: string;
  version: string;
  /** Plural resource name used in URLs. */
  plural: string;
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  verbs: string[];
  /** Subresources served (e.g. `status`, `scale`, `log`). */
  subresources?: string[];
  /** Read-only resources computed by the simulator (metrics). */
  readOnly?: boolean;
}

const RW = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

function rt(
  group: string,
  version: string,
  plural: string,
  kind: string,
  namespaced: boolean,
  extra: Partial<ResourceType> = {},
): ResourceType {
  return {
    group,
    version,
    plural,
    singular: kind.toLowerCase(),
    kind,
    listKind: `${kind}List`,
    namespaced,
    verbs: RW,
    ...extra,
  };
}

const ALL = ['all'];

export const RESOURCE_TYPES: ResourceType[] = [
  rt('', 'v1', 'namespaces', 'Namespace', false, {
    shortNames: ['ns'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: ['status'],
  }),
  rt('', 'v1', 'nodes', 'Node', false, {
    shortNames: ['no'],
    subresources: ['status', 'proxy'],
  }),
  rt('', 'v1', 'pods', 'Pod', true, {
    shortNames: ['po'],
    categories: ALL,
    subresources: ['status', 'log'],
  }),
  rt('', 'v1', 'services', 'Service', true, {
    shortNames: ['svc'],
    categories: ALL,
    subresources: ['status'],
    verbs: RW.filter(v => v !== 'deletecollection'),
  }),
  rt('', 'v1', 'events', 'Event', true, { shortNames: ['ev'] }),
  rt('', 'v1', 'configmaps', 'ConfigMap', true, { shortNames: ['cm'] }),
  rt('', 'v1', 'serviceaccounts', 'ServiceAccount', true, {
    shortNames: ['sa'],
  }),
  rt('', 'v1', 'limitranges', 'LimitRange', true, { shortNames: ['limits'] }),
  rt('', 'v1', 'resourcequotas', 'ResourceQuota', true, {
    shortNames: ['quota'],
    subresources: ['status'],
  }),
  rt('apps', 'v1', 'deployments', 'Deployment', true, {
    shortNames: ['deploy'],
    categories: ALL,
    subresources: ['status', 'scale'],
  }),
  rt('apps', 'v1', 'replicasets', 'ReplicaSet', true, {
    shortNames: ['rs'],
    categories: ALL,
    subresources: ['status', 'scale'],
  }),
  rt('apps', 'v1', 'statefulsets', 'StatefulSet', true, {
    shortNames: ['sts'],
    categories: ALL,
    subresources: ['status', 'scale'],
  }),
  rt('apps', 'v1', 'daemonsets', 'DaemonSet', true, {
    shortNames: ['ds'],
    categories: ALL,
    subresources: ['status'],
  }),
  rt(
    'autoscaling',
    'v2',
    'horizontalpodautoscalers',
    'HorizontalPodAutoscaler',
    true,
    {
      shortNames: ['hpa'],
      categories: ALL,
      subresources: ['status'],
    },
  ),
  rt(
    'autoscaling.k8s.io',
    'v1',
    'verticalpodautoscalers',
    'VerticalPodAutoscaler',
    true,
    {
      shortNames: ['vpa'],
      subresources: ['status'],
    },
  ),
  rt('networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy', true, {
    shortNames: ['netpol'],
  }),
  rt('networking.k8s.io', 'v1', 'ingresses', 'Ingress', true, {
    shortNames: ['ing'],
    subresources: ['status'],
  }),
  rt('policy', 'v1', 'poddisruptionbudgets', 'PodDisruptionBudget', true, {
    shortNames: ['pdb'],
    subresources: ['status'],
  }),
  rt('batch', 'v1', 'jobs', 'Job', true, {
    categories: ALL,
    subresources: ['status'],
  }),
  rt('batch', 'v1', 'cronjobs', 'CronJob', true, {
    shortNames: ['cj'],
    categories: ALL,
    subresources: ['status'],
  }),
  rt('velero.io', 'v1', 'backups', 'Backup', true),
  rt('velero.io', 'v1', 'schedules', 'Schedule', true),
  rt('metrics.k8s.io', 'v1beta1', 'nodes', 'NodeMetrics', false, {
    verbs: ['get', 'list'],
    readOnly: true,
  }),
  rt('metrics.k8s.io', 'v1beta1', 'pods', 'PodMetrics', true, {
    verbs: ['get', 'list'],
    readOnly: true,
  }),
];

/** `apiVersion` string of a resource type ("v1", "apps/v1"). */
export function apiVersionOf(t: { group: string; version: string }): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** Unique key of a resource type ("pods", "deployments.apps"). */
export function resourceKey(t: { group: string; plural: string }): string {
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}

/** Group versions served, in discovery order. */
export function groupVersions(): { group: string; version: string }[] {
  const seen = new Map<string, { group: string; version: string }>();
  for (const t of RESOURCE_TYPES) {
    const k = apiVersionOf(t);
    if (!seen.has(k)) seen.set(k, { group: t.group, version: t.version });
  }
  return [...seen.values()];
}

/** Finds a resource type by group, version and plural. */
export function findResource(
  group: string,
  version: string,
  plural: string,
): ResourceType | undefined {
  return RESOURCE_TYPES.find(
    t => t.group === group && t.version === version && t.plural === plural,
  );
}

/** Finds the stored (non-metrics) resource type of a kind. */
export function findByKind(
  apiVersion: string,
  kind: string,
): ResourceType | undefined {
  return RESOURCE_TYPES.find(
    t => apiVersionOf(t) === apiVersion && t.kind === kind && !t.readOnly,
  );
}

/** Resource types backed by the object store. */
export const STORED_TYPES = RESOURCE_TYPES.filter(t => !t.readOnly);
