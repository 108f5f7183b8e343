import { GPU_RESOURCE } from './pools';

/** The four service layers of the platform (architecture, service mesh layers). */
export type Layer = 'collector' | 'stream-processing' | 'inference' | 'api';

export const LAYERS: Layer[] = [
  'collector',
  'stream-processing',
  'inference',
  'api',
];

/** What a layer's manifests default to. */
export interface LayerDefaults {
  pool: string;
  replicas: number;
  /** quantities as the documented manifests write them (`cpu: 1`, `memory: 2Gi`) */
  resources: {
    requests: Record<string, string | number>;
    limits: Record<string, string | number>;
  };
  /** pods allowed to call the service on its HTTP port (NetworkPolicy `from`) */
  ingressFrom: Array<Record<string, unknown>>;
  /** egress beyond DNS, PostgreSQL and Redis, e.g. HTTPS to external feeds */
  extraEgressPorts: Array<{ protocol: 'TCP' | 'UDP'; port: number }>;
}

/** Seeds (operations manual, resource optimisation; the trading-api Deployment): requests 1 CPU / 2Gi, limits 2 CPU / 4Gi. */
const RESOURCES = {
  requests: { cpu: 1, memory: '2Gi' },
  limits: { cpu: 2, memory: '4Gi' },
};

/** Port the services answer HTTP on (security groups: application 8080 from frontend). */
export const HTTP_PORT = 8080;
/** Port of `/metrics` (the Prometheus job trading-metrics scrapes `trading-api:9090`). */
export const METRICS_PORT = 9090;
/** The HPA target (the platform's autoscaling target, as trading-api-hpa): 70 % average CPU. */
export const HPA_CPU_UTILIZATION = 70;
/** Namespace of the platform's Prometheus, let in on the metrics port. */
export const MONITORING_NAMESPACE = 'monitoring';

/** Pods in the service's own namespace (its callers: API layer, processors). */
const SAME_NAMESPACE = [{ podSelector: {} }];

/**
 * Per layer, as the platform runs them: collector on general
 * with 2 replicas (Collector-1, Collector-2), stream processing on
 * data-processing, inference on ai-inference with one GPU, API on general
 * exactly as the documented trading-api (3 replicas, ingress from
 * `role: frontend`).
 */
export const LAYER_DEFAULTS: Record<Layer, LayerDefaults> = {
  collector: {
    pool: 'general',
    replicas: 2,
    resources: RESOURCES,
    ingressFrom: SAME_NAMESPACE,
    // the exchange API and data feeds are external HTTPS endpoints
    extraEgressPorts: [{ protocol: 'TCP', port: 443 }],
  },
  'stream-processing': {
    pool: 'data-processing',
    replicas: 2,
    resources: RESOURCES,
    ingressFrom: SAME_NAMESPACE,
    extraEgressPorts: [],
  },
  inference: {
    pool: 'ai-inference',
    replicas: 2,
    resources: {
      requests: RESOURCES.requests,
      // an extended resource is requested by its limit alone
      limits: { ...RESOURCES.limits, [GPU_RESOURCE]: 1 },
    },
    ingressFrom: SAME_NAMESPACE,
    extraEgressPorts: [],
  },
  api: {
    pool: 'general',
    replicas: 3,
    resources: RESOURCES,
    ingressFrom: [{ podSelector: { matchLabels: { role: 'frontend' } } }],
    extraEgressPorts: [],
  },
};
