import { REASON_CODES } from './reasons';

/** Overall health of a cluster, node pool, node or workload. */
export type HealthStatus = 'healthy' | 'warning' | 'critical' | 'unknown';

/** Machine-readable reasons behind a status (shown in words by the UI). */
export type ReasonCode = (typeof REASON_CODES)[number];

/** One reason, with the severity it contributes and a sentence for people. */
export interface HealthReason {
  code: ReasonCode;
  severity: Exclude<HealthStatus, 'healthy'>;
  message: string;
}

/** Warning and critical marks of one resource, in percent of allocatable. */
export interface ThresholdPair {
  warning: number;
  critical: number;
}

/** `clusterHealth.thresholds`: usage / allocatable, in percent. */
export interface Thresholds {
  cpu: ThresholdPair;
  memory: ThresholdPair;
  disk: ThresholdPair;
}

/** A configured node pool (`clusterHealth.nodePools`). */
export interface NodePoolConfig {
  name: string;
  /** Node labels that all must match for a node to belong to the pool. */
  selector: Record<string, string>;
  instanceType?: string;
  minSize?: number;
  maxSize?: number;
}

/** Where a pool comes from: configuration, or a well-known node label. */
export type NodePoolSource = 'config' | 'discovered';

/** Allocatable vs requested vs used, for one resource of a pool. */
export interface ResourceUsage {
  /** cpu in millicores, memory and disk in bytes, gpus as a count */
  allocatable: number;
  requested: number;
  /** from metrics; undefined when no metrics are available */
  used?: number;
  /** used / allocatable in percent */
  usedPercent?: number;
  /** requested / allocatable in percent */
  requestedPercent?: number;
}

/** The summary of one node pool (GET /clusters/:cluster/node-pools). */
export interface NodePoolSummary {
  cluster: string;
  name: string;
  source: NodePoolSource;
  instanceType?: string;
  minSize?: number;
  maxSize?: number;
  nodes: {
    total: number;
    ready: number;
    notReady: number;
    cordoned: number;
    /** nodes with MemoryPressure, DiskPressure or PIDPressure */
    pressure: number;
  };
  /** maxSize - total: how many nodes the pool can still grow by */
  headroom?: number;
  cpu: ResourceUsage;
  memory: ResourceUsage;
  disk: ResourceUsage;
  gpus: { allocatable: number; requested: number };
  /** pending pods whose scheduling constraints target this pool */
  pendingPods: number;
  status: HealthStatus;
  reasons: HealthReason[];
}

/** One cluster (GET /clusters). */
export interface ClusterSummary {
  name: string;
  status: HealthStatus;
  reasons: HealthReason[];
  /** ISO time of the last successful list or watch event */
  lastSyncAt?: string;
  /** true while the watch is broken: the data shown is the last good data */
  stale: boolean;
  /**
   * kinds whose first list is still running (a large cluster takes tens of
   * seconds): until it is empty the figures are partial
   */
  syncing?: string[];
  /** why the cluster is stale or unknown, in words */
  error?: string;
  /** the marks the statuses were judged against (config, else DEFAULT_THRESHOLDS) */
  thresholds?: Thresholds;
  nodePools: NodePoolSummary[];
}

/** A node condition as the API reports it. */
export interface NodeCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** One row of a pool's nodes table (GET /clusters/:c/node-pools/:p/nodes). */
export interface NodeRow {
  name: string;
  pool: string;
  instanceType?: string;
  zone?: string;
  ready: boolean | undefined;
  cordoned: boolean;
  conditions: NodeCondition[];
  pods: number;
  cpu: ResourceUsage;
  memory: ResourceUsage;
  disk: ResourceUsage;
  gpus: { allocatable: number; requested: number };
  createdAt?: string;
  status: HealthStatus;
  reasons: HealthReason[];
}

/** An HPA condition (AbleToScale, ScalingActive, ScalingLimited). */
export interface HpaCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** One metric of an HPA: current value vs target. */
export interface HpaMetric {
  /** e.g. `cpu`, `memory`, or a custom metric name */
  name: string;
  type: 'Utilization' | 'AverageValue' | 'Value';
  current?: number;
  target: number;
}

export interface HpaHealth {
  name: string;
  minReplicas: number;
  maxReplicas: number;
  currentReplicas: number;
  desiredReplicas: number;
  metrics: HpaMetric[];
  conditions: HpaCondition[];
  /** since when current replicas have equalled maxReplicas (ISO time) */
  pinnedAtMaxSince?: string;
  status: HealthStatus;
  reasons: HealthReason[];
}

export interface VpaRecommendation {
  container: string;
  target: { cpu?: string; memory?: string };
  lowerBound?: { cpu?: string; memory?: string };
  upperBound?: { cpu?: string; memory?: string };
}

export interface VpaHealth {
  name: string;
  updateMode?: string;
  /** the resources the VPA controls (default: cpu and memory) */
  controlledResources: string[];
  recommendations: VpaRecommendation[];
}

/** A workload of an entity with its autoscalers (GET /workloads?entityRef=). */
export interface WorkloadHealth {
  cluster: string;
  namespace: string;
  kind: 'Deployment';
  name: string;
  replicas: {
    desired: number;
    ready: number;
    available: number;
    updated: number;
  };
  /** requests and limits of the pod template's containers */
  containers: Array<{
    name: string;
    image?: string;
    requests: { cpu?: string; memory?: string };
    limits: { cpu?: string; memory?: string };
  }>;
  hpa?: HpaHealth;
  vpa?: VpaHealth;
  status: HealthStatus;
  reasons: HealthReason[];
}

/** GET /workloads response. */
export interface WorkloadsResponse {
  entityRef: string;
  workloads: WorkloadHealth[];
  /** clusters that could not be read, with why */
  errors: Array<{ cluster: string; message: string }>;
}

/** Payload of the `cluster-health` signal channel. */
export interface ClusterHealthSignal {
  type: 'snapshot-changed';
  cluster: string;
  /** pools whose summary changed */
  pools: string[];
  status: HealthStatus;
  stale: boolean;
}

/** One revision of a deployment: a ReplicaSet it owns. */
export interface DeploymentRevision {
  /** `deployment.kubernetes.io/revision` */
  revision: number;
  replicaSet: string;
  /** the pod template's container images */
  images: string[];
  /** when the ReplicaSet was created (ISO), i.e. when the revision was rolled out */
  createdAt?: string;
  replicas: { desired: number; ready: number };
  /** the revision the deployment runs (the newest) */
  current: boolean;
}

/** A deployment of an entity with its latest revisions, newest first. */
export interface DeploymentHistory {
  cluster: string;
  namespace: string;
  name: string;
  revisions: DeploymentRevision[];
}

/** GET /deployments/history response. */
export interface DeploymentHistoryResponse {
  entityRef: string;
  deployments: DeploymentHistory[];
  /** clusters that could not be read, with why */
  errors: Array<{ cluster: string; message: string }>;
}
