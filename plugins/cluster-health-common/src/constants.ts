import { NodePoolConfig, Thresholds } from './types';

/** Seeds (operations manual, monitoring thresholds): cpu 70/85, memory 75/90, disk 80/90. */
export const DEFAULT_THRESHOLDS: Thresholds = {
  cpu: { warning: 70, critical: 85 },
  memory: { warning: 75, critical: 90 },
  disk: { warning: 80, critical: 90 },
};

/** Seeds (infrastructure design, Kubernetes node pools). */
export const DEFAULT_NODE_POOLS: NodePoolConfig[] = [
  {
    name: 'general',
    instanceType: 'c5.2xlarge',
    minSize: 3,
    maxSize: 10,
    selector: { role: 'general' },
  },
  {
    name: 'ai-inference',
    instanceType: 'g4dn.xlarge',
    minSize: 2,
    maxSize: 5,
    selector: { role: 'ai-inference' },
  },
  {
    name: 'data-processing',
    instanceType: 'r5.2xlarge',
    minSize: 2,
    maxSize: 8,
    selector: { role: 'data-processing' },
  },
];

/** Node labels that name a node's pool, most specific first. */
export const POOL_DISCOVERY_LABELS = [
  'role',
  'eks.amazonaws.com/nodegroup',
  'cloud.google.com/gke-nodepool',
  'kubernetes.azure.com/agentpool',
  'karpenter.sh/nodepool',
];

/** The extended resource name of NVIDIA GPUs. */
export const GPU_RESOURCE = 'nvidia.com/gpu';

/** Signals channel on which snapshot changes are published. */
export const CLUSTER_HEALTH_SIGNAL_CHANNEL = 'cluster-health';
