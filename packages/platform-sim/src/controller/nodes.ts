/** Node objects built from node pools, and node condition changes. */
import { k8sTime } from '../util/clock';
import { fnv1a } from '../util/random';
import { formatBytes, formatCpu, parseQuantity } from '../util/quantity';
import type { NodePoolSpec } from '../scenario/schema';

export const POOL_LABEL = 'role';
export const NODEGROUP_LABEL = 'eks.amazonaws.com/nodegroup';

/** Kubelet-style reservation when a pool gives no explicit allocatable. */
function defaultAllocatable(
  capacity: Record<string, number | string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(capacity)) {
    const q = parseQuantity(v);
    if (k === 'cpu') out[k] = formatCpu(Math.max(0, q - 0.09));
    else if (k === 'memory')
      out[k] = formatBytes(Math.floor((q * 0.93) / 1024 ** 2) * 1024 ** 2);
    else out[k] = String(v);
  }
  return out;
}

export function nodeName(pool: NodePoolSpec, index: number): string {
  return `${pool.namePrefix ?? pool.name}-${index + 1}`;
}

function ipFor(poolIndex: number, index: number): string {
  return `10.${poolIndex + 1}.${Math.floor(index / 250) % 250}.${
    (index % 250) + 4
  }`;
}

const CONDITIONS: [string, string, string, string][] = [
  [
    'MemoryPressure',
    'False',
    'KubeletHasSufficientMemory',
    'kubelet has sufficient memory available',
  ],
  [
    'DiskPressure',
    'False',
    'KubeletHasNoDiskPressure',
    'kubelet has no disk pressure',
  ],
  [
    'PIDPressure',
    'False',
    'KubeletHasSufficientPID',
    'kubelet has sufficient PID available',
  ],
  ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
];

/** A Node object for the `index`-th node of a pool. */
export function buildNode(
  pool: NodePoolSpec,
  poolIndex: number,
  index: number,
  region: string,
  kubeletVersion: string,
  nowMs: number,
): any {
  const name = nodeName(pool, index);
  const zone = pool.zones[index % pool.zones.length];
  const ip = ipFor(poolIndex, index);
  const capacity: Record<string, string> = {
    'ephemeral-storage': '104845292Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    pods: '110',
    ...Object.fromEntries(
      Object.entries(pool.capacity).map(([k, v]) => [k, String(v)]),
    ),
  };
  const allocatable = {
    ...defaultAllocatable(capacity),
    'ephemeral-storage': '95551679124',
    ...Object.fromEntries(
      Object.entries(pool.allocatable ?? {}).map(([k, v]) => [k, String(v)]),
    ),
  };
  const time = k8sTime(nowMs);
  const instanceId = `i-0${fnv1a(name).toString(16).padStart(8, '0')}${fnv1a(
    `${name}!`,
  )
    .toString(16)
    .padStart(8, '0')}`;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/instance-type': pool.instanceType,
        'beta.kubernetes.io/os': 'linux',
        'eks.amazonaws.com/capacityType': 'ON_DEMAND',
        [NODEGROUP_LABEL]: pool.name,
        'failure-domain.beta.kubernetes.io/region': region,
        'failure-domain.beta.kubernetes.io/zone': zone,
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': pool.instanceType,
        [POOL_LABEL]: pool.name,
        'topology.kubernetes.io/region': region,
        'topology.kubernetes.io/zone': zone,
        ...pool.labels,
      },
      annotations: {
        'alpha.kubernetes.io/provided-node-ip': ip,
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        ...(pool.minSize !== undefined
          ? { 'fdp.io/node-pool-min-size': String(pool.minSize) }
          : {}),
        ...(pool.maxSize !== undefined
          ? { 'fdp.io/node-pool-max-size': String(pool.maxSize) }
          : {}),
        ...pool.annotations,
      },
    },
    spec: {
      providerID: `aws:///${zone}/${instanceId}`,
      ...(pool.taints.length
        ? { taints: pool.taints.map(t => ({ ...t })) }
        : {}),
    },
    status: {
      capacity,
      allocatable,
      conditions: CONDITIONS.map(([type, status, reason, message]) => ({
        type,
        status,
        lastHeartbeatTime: time,
        lastTransitionTime: time,
        reason,
        message,
      })),
      addresses: [
        { type: 'InternalIP', address: ip },
        {
          type: 'InternalDNS',
          address: `ip-${ip.replace(/\./g, '-')}.${region}.compute.internal`,
        },
        {
          type: 'Hostname',
          address: `ip-${ip.replace(/\./g, '-')}.${region}.compute.internal`,
        },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: fnv1a(`m${name}`).toString(16).padStart(32, '0'),
        systemUUID: `ec2${fnv1a(`u${name}`)
          .toString(16)
          .padStart(8, '0')}-0000-0000-0000-000000000000`,
        bootID: `${fnv1a(`b${name}`)
          .toString(16)
          .padStart(8, '0')}-0000-4000-8000-000000000000`,
        kernelVersion: '5.10.223-212.873.amzn2.x86_64',
        osImage: 'Amazon Linux 2',
        containerRuntimeVersion: 'containerd://1.7.20',
        kubeletVersion,
        kubeProxyVersion: kubeletVersion,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

const PRESSURE_TAINTS: Record<string, string> = {
  MemoryPressure: 'node.kubernetes.io/memory-pressure',
  DiskPressure: 'node.kubernetes.io/disk-pressure',
  PIDPressure: 'node.kubernetes.io/pid-pressure',
  NetworkUnavailable: 'node.kubernetes.io/network-unavailable',
};

const HEALTHY: Record<string, [string, string, string]> = Object.fromEntries(
  CONDITIONS.map(([type, status, reason, message]) => [
    type,
    [status, reason, message],
  ]),
);

/** Whether the node's Ready condition is True. */
export function isNodeReady(node: any): boolean {
  return (node?.status?.conditions ?? []).some(
    (c: any) => c.type === 'Ready' && c.status === 'True',
  );
}

/** A copy of the node with one condition set (and the matching NoSchedule taints). */
export function withNodeCondition(
  node: any,
  type: string,
  status: 'True' | 'False' | 'Unknown' | 'healthy',
  nowMs: number,
  reason?: string,
  message?: string,
): any {
  const time = k8sTime(nowMs);
  const healthy = HEALTHY[type] ?? ['False', 'Healthy', ''];
  const finalStatus = status === 'healthy' ? healthy[0] : status;
  const isHealthy = finalStatus === healthy[0];
  const conditions = [...(node.status?.conditions ?? [])];
  const idx = conditions.findIndex((c: any) => c.type === type);
  const prev = idx >= 0 ? conditions[idx] : undefined;
  const next = {
    type,
    status: finalStatus,
    lastHeartbeatTime: time,
    lastTransitionTime:
      prev && prev.status === finalStatus ? prev.lastTransitionTime : time,
    reason:
      reason ??
      // eslint-disable-next-line no-nested-ternary
      (isHealthy
        ? healthy[1]
        : // eslint-disable-next-line no-nested-ternary
        type === 'Ready'
        ? finalStatus === 'Unknown'
          ? 'NodeStatusUnknown'
          : 'KubeletNotReady'
        : `KubeletHas${type}`),
    message:
      message ??
      // eslint-disable-next-line no-nested-ternary
      (isHealthy
        ? healthy[2]
        : // eslint-disable-next-line no-nested-ternary
        type === 'Ready'
        ? finalStatus === 'Unknown'
          ? 'Kubelet stopped posting node status.'
          : 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady'
        : `kubelet has ${type
            .replace(/([A-Z])/g, ' $1')
            .trim()
            .toLowerCase()}`),
  };
  if (idx >= 0) conditions[idx] = next;
  else conditions.push(next);

  let taints: any[] = [...(node.spec?.taints ?? [])];
  const taintKey =
    // eslint-disable-next-line no-nested-ternary
    type === 'Ready'
      ? finalStatus === 'Unknown'
        ? 'node.kubernetes.io/unreachable'
        : 'node.kubernetes.io/not-ready'
      : PRESSURE_TAINTS[type];
  if (type === 'Ready') {
    taints = taints.filter(
      t =>
        t.key !== 'node.kubernetes.io/not-ready' &&
        t.key !== 'node.kubernetes.io/unreachable',
    );
  } else if (taintKey) {
    taints = taints.filter(t => t.key !== taintKey);
  }
  if (!isHealthy && taintKey) {
    taints.push({ key: taintKey, effect: 'NoSchedule', timeAdded: time });
  }
  const spec = { ...node.spec };
  if (taints.length) spec.taints = taints;
  else delete spec.taints;
  return {
    ...node,
    metadata: { ...node.metadata },
    spec,
    status: { ...node.status, conditions },
  };
}
