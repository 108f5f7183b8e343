import {
  createTranslationRef,
  type TranslationFunction,
  type TranslationRef,
} from '@backstage/frontend-plugin-api';

/**
 * Every user-facing string of the cluster health plugin, in English; Korean
 * in `translations/ko.ts`, loaded when the app's language is Korean.
 *
 * @public
 */
export const clusterHealthTranslationRef = createTranslationRef({
  id: 'cluster-health',
  messages: {
    page: {
      title: 'Cluster health',
      subtitle: 'Clusters, node pools and nodes',
      allClusters: '← All clusters',
    },
    status: {
      healthy: 'Healthy',
      warning: 'Warning',
      critical: 'Critical',
      unknown: 'Unknown',
    },
    reason: {
      CLUSTER_STALE: 'Data is stale',
      CLUSTER_SYNCING: 'Synchronising',
      CLUSTER_UNREACHABLE: 'Cluster unreachable',
      NO_NODES: 'No nodes',
      READY_BELOW_MIN: 'Ready nodes below minimum',
      NODE_NOT_READY: 'Node not ready',
      NODE_PRESSURE: 'Node under pressure',
      NODES_CORDONED: 'Nodes cordoned',
      ABOVE_MAX_SIZE: 'Above maximum size',
      AT_MAX_SIZE_AND_HOT: 'At maximum size and hot',
      CPU_WARNING: 'CPU high',
      CPU_CRITICAL: 'CPU critical',
      MEMORY_WARNING: 'Memory high',
      MEMORY_CRITICAL: 'Memory critical',
      DISK_WARNING: 'Disk high',
      DISK_CRITICAL: 'Disk critical',
      METRICS_UNAVAILABLE: 'Metrics unavailable',
      PODS_PENDING: 'Pods pending',
      GPU_EXHAUSTED: 'GPUs exhausted',
      REPLICAS_UNAVAILABLE: 'Replicas unavailable',
      HPA_AT_MAX: 'Autoscaler at maximum',
      HPA_UNABLE_TO_SCALE: 'Autoscaler unable to scale',
      HPA_METRICS_UNAVAILABLE: 'Autoscaler metrics unavailable',
      HPA_AND_VPA_ON_CPU: 'HPA and VPA both act on CPU',
      withMessage: '{{label}}: {{message}}',
      more: 'and {{n}} more',
      moreShort: '+{{n}}',
      reasonsOf: 'Why {{name}} is {{status}}',
    },
    common: {
      none: '–',
      noData: 'No data',
      refreshFailed: 'Could not refresh: {{message}}. Showing the last data.',
      staleSince: 'Data is stale since {{time}}',
      staleSinceWithError: 'Data is stale since {{time}}: {{error}}',
      lastSync: 'last sync {{time}}',
      configured: 'configured',
      discovered: 'discovered',
      cores: '{{cores}} cores',
    },
    overview: {
      noClustersTitle: 'No clusters configured',
      noClustersDescription:
        'Cluster health reads the clusters of the Kubernetes plugin: add them under kubernetes.clusterLocatorMethods in app-config.yaml.',
      noDataYet: 'No data for this cluster yet.',
      noPools: 'No node pools found in this cluster.',
    },
    pool: {
      size: 'Size',
      nodes: 'Nodes',
      pendingPods: 'Pending pods',
      gpus: 'GPUs',
      gpusText: '{{requested}} requested of {{allocatable}} allocatable',
      sizeCount_one: '{{count}} node',
      sizeCount_other: '{{count}} nodes',
      sizeRange: '{{total}} of {{min}}..{{max}}',
      canAdd: '{{range}}, can add {{n}}',
      atMax: '{{range}}, at maximum',
      aboveMax: '{{range}}, {{n}} above maximum',
      nodesText:
        '{{ready}} ready · {{notReady}} not ready · {{cordoned}} cordoned · {{pressure}} under pressure',
      unknownTitle: 'Unknown cluster or pool',
      unknownDescription:
        'There is no node pool "{{pool}}" in cluster "{{cluster}}".',
      notFound: 'No pool {{pool}} in cluster {{cluster}}',
      noNodesTitle: 'No nodes',
      noNodesDescription: 'This pool has no nodes right now.',
    },
    gauge: {
      cpu: 'CPU',
      memory: 'Memory',
      disk: 'Disk',
      noMetrics: 'no metrics',
      used: '{{percent}} used ({{used}} of {{allocatable}})',
      requested:
        'requested {{requested}} / {{allocatable}} allocatable ({{percent}})',
      usageOf: '{{resource}} usage',
      warningAt: 'warning at {{percent}}%',
      criticalAt: 'critical at {{percent}}%',
    },
    nodes: {
      tableTitle: 'Nodes ({{n}})',
      columnName: 'Name',
      columnStatus: 'Status',
      columnCpu: 'CPU',
      columnMemory: 'Memory',
      columnDisk: 'Disk',
      columnPods: 'Pods',
      columnGpus: 'GPUs',
      columnZone: 'Zone',
      columnCreated: 'Created',
      conditions: 'Conditions',
      condition: '{{type}} {{status}}',
      conditionWithReason: '{{type}} {{status}} ({{reason}})',
      gpus: '{{requested}} / {{allocatable}}',
      empty: 'No nodes in this pool.',
    },
    entity: {
      cardTitle: 'Cluster health',
      cardSubheader: 'Deployments, autoscalers and their health',
      allClusters: 'All clusters',
      contentTitle: 'Workload health',
      clusterError: 'Cluster {{cluster}}: {{message}}',
      noWorkloadsTitle: 'No workloads found',
      noWorkloadsDescription:
        "No deployments match this entity's backstage.io/kubernetes-id or backstage.io/kubernetes-label-selector in the clusters that could be read.",
      replicas:
        'Replicas: desired {{desired}} · ready {{ready}} · available {{available}} · updated {{updated}}',
      containers: 'Containers',
      container: 'Container',
      requests: 'Requests',
      limits: 'Limits',
      resources: 'cpu {{cpu}}, memory {{memory}}',
      hpaTitle: 'Horizontal autoscaler {{name}}',
      hpaReplicas: 'Replicas',
      hpaReplicasDetail: '(current / max; desired {{desired}}, min {{min}})',
      pinnedAtMax: 'pinned at max for {{duration}}',
      metric: '{{name}} {{current}} / {{target}}',
      currentTarget: '(current / target)',
      vpaTitle: 'Vertical autoscaler {{name}}',
      vpaMode: 'Update mode {{mode}}, controls {{resources}}',
      vpaDefaultResources: 'cpu and memory',
      and: ' and ',
      noRecommendation: 'No recommendation yet.',
      recommendation: '{{container}}: target cpu {{cpu}}, memory {{memory}}',
      recommendationRange:
        '{{container}}: target cpu {{cpu}}, memory {{memory}} (range cpu {{cpuLow}}–{{cpuHigh}}, memory {{memoryLow}}–{{memoryHigh}})',
      condition: '{{type}} {{status}}{{reason}}{{message}}',
    },
  },
  translations: {
    ko: () => import('./translations/ko'),
  },
});

/** The `t` of {@link clusterHealthTranslationRef}, for helpers that take it. */
export type ClusterHealthT = TranslationFunction<
  typeof clusterHealthTranslationRef extends TranslationRef<string, infer M>
    ? M
    : never
>;
