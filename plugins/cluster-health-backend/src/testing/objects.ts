import type { CachedObject } from '@fdp/plugin-kubernetes-informer-cache-node';

/** A node as the API reports it (trimmed to what cluster health reads). */
export function node(
  name: string,
  pool: string,
  o: {
    cpu?: string;
    memory?: string;
    gpus?: string;
    ready?: boolean;
    unschedulable?: boolean;
    conditions?: any[];
  } = {},
): CachedObject {
  return {
    metadata: {
      name,
      labels: {
        role: pool,
        'node.kubernetes.io/instance-type': 'c5.2xlarge',
        'topology.kubernetes.io/zone': 'ap-northeast-2a',
      },
      creationTimestamp: '2026-11-20T00:00:00Z',
    },
    spec: { unschedulable: o.unschedulable },
    status: {
      allocatable: {
        cpu: o.cpu ?? '8',
        memory: o.memory ?? '16Gi',
        pods: '58',
        ...(o.gpus ? { 'nvidia.com/gpu': o.gpus } : {}),
      },
      conditions: [
        {
          type: 'Ready',
          status: o.ready === false ? 'False' : 'True',
          reason: o.ready === false ? 'KubeletNotReady' : 'KubeletReady',
        },
        ...(o.conditions ?? []),
      ],
    },
  };
}

/** A pod requesting resources, on a node or pending with a nodeSelector. */
export function pod(
  name: string,
  o: {
    node?: string;
    cpu?: string;
    memory?: string;
    gpus?: string;
    nodeSelector?: Record<string, string>;
    phase?: string;
    namespace?: string;
    labels?: Record<string, string>;
  } = {},
): CachedObject {
  return {
    metadata: { name, namespace: o.namespace ?? 'trading', labels: o.labels },
    spec: {
      nodeName: o.node,
      nodeSelector: o.nodeSelector,
      containers: [
        {
          name: 'main',
          resources: {
            requests: { cpu: o.cpu ?? '1', memory: o.memory ?? '2Gi' },
            limits: o.gpus ? { 'nvidia.com/gpu': o.gpus } : {},
          },
        },
      ],
    },
    status: { phase: o.phase ?? (o.node ? 'Running' : 'Pending') },
  };
}
