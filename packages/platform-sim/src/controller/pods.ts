/** Building pod objects from templates and their status in each lifecycle state. */
import { k8sTime } from '../util/clock';
import { fnv1a } from '../util/random';
import { quantityOr } from '../util/quantity';
import { defaultPodSpec } from '../api/defaults';

export interface OwnerRef {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
}

function hex64(seed: string): string {
  let out = '';
  let h = fnv1a(seed);
  while (out.length < 64) {
    h = fnv1a(`${h}:${seed}`);
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

/** A new pod from a pod template. */
export function podFromTemplate(
  template: any,
  name: string,
  namespace: string,
  owner: OwnerRef | undefined,
  extraLabels: Record<string, string> = {},
): any {
  const tmeta = template?.metadata ?? {};
  const spec = defaultPodSpec(JSON.parse(JSON.stringify(template?.spec ?? {})));
  spec.serviceAccountName = spec.serviceAccountName ?? 'default';
  spec.serviceAccount = spec.serviceAccountName;
  spec.priority = spec.priority ?? 0;
  spec.enableServiceLinks = spec.enableServiceLinks ?? true;
  spec.preemptionPolicy = spec.preemptionPolicy ?? 'PreemptLowerPriority';
  spec.tolerations = [
    ...(spec.tolerations ?? []),
    {
      key: 'node.kubernetes.io/not-ready',
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: 300,
    },
    {
      key: 'node.kubernetes.io/unreachable',
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: 300,
    },
  ];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      ...(owner ? { generateName: `${owner.name}-` } : {}),
      namespace,
      labels: { ...(tmeta.labels ?? {}), ...extraLabels },
      ...(tmeta.annotations ? { annotations: { ...tmeta.annotations } } : {}),
      ...(owner
        ? {
            ownerReferences: [
              { ...owner, controller: true, blockOwnerDeletion: true },
            ],
          }
        : {}),
    },
    spec,
    status: { phase: 'Pending', qosClass: qosClass(spec) },
  };
}

export function qosClass(spec: any): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  let any = false;
  let guaranteed = true;
  for (const c of spec?.containers ?? []) {
    const req = c?.resources?.requests ?? {};
    const lim = c?.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      const l = lim[r];
      const q = req[r] ?? l;
      if (l === undefined || quantityOr(q, -1) !== quantityOr(l, -2))
        guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function condition(
  type: string,
  status: string,
  time: string,
  reason?: string,
  message?: string,
) {
  return {
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime: time,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
}

/** Status of a pod the scheduler could not place. */
export function unschedulableStatus(
  pod: any,
  nowMs: number,
  message: string,
): any {
  const prev = (pod.status?.conditions ?? []).find(
    (c: any) => c.type === 'PodScheduled',
  );
  const time =
    prev && prev.status === 'False' ? prev.lastTransitionTime : k8sTime(nowMs);
  return {
    phase: 'Pending',
    conditions: [
      condition('PodScheduled', 'False', time, 'Unschedulable', message),
    ],
    qosClass: pod.status?.qosClass ?? qosClass(pod.spec),
  };
}

export interface RunState {
  nodeReady: boolean;
  /** Crash loop: restarts so far and the exit code of the last one. */
  crash?: {
    restartCount: number;
    exitCode: number;
    lastStart: number;
    lastFinish: number;
  };
  /** Restarts so far (kept after a crash loop ends). */
  restarts?: number;
  /** Containers terminated successfully (job done). */
  succeeded?: boolean;
}

/** Status of a scheduled pod. */
export function runningStatus(
  pod: any,
  hostIP: string,
  podIP: string,
  startMs: number,
  nowMs: number,
  state: RunState,
): any {
  const start = k8sTime(startMs);
  const now = k8sTime(nowMs);
  const crashing = Boolean(state.crash) && !state.succeeded;
  const ready = state.nodeReady && !crashing && !state.succeeded;
  const uidSeed = pod.metadata.uid ?? pod.metadata.name;
  const containerStatuses = (pod.spec?.containers ?? []).map(
    (c: any, i: number) => {
      const base = {
        name: c.name,
        image: c.image,
        imageID: `${String(c.image).includes('/') ? '' : 'docker.io/library/'}${
          String(c.image).split(':')[0]
        }@sha256:${hex64(String(c.image))}`,
        containerID: `containerd://${hex64(
          `${uidSeed}/${i}/${state.crash?.restartCount ?? 0}`,
        )}`,
      };
      if (state.succeeded) {
        return {
          ...base,
          state: {
            terminated: {
              exitCode: 0,
              reason: 'Completed',
              startedAt: start,
              finishedAt: now,
              containerID: base.containerID,
            },
          },
          lastState: {},
          ready: false,
          restartCount: 0,
          started: false,
        };
      }
      if (crashing && state.crash) {
        return {
          ...base,
          state: {
            waiting: {
              reason: 'CrashLoopBackOff',
              message: `back-off ${Math.min(
                300,
                10 * 2 ** Math.min(5, state.crash.restartCount),
              )}s restarting failed container=${c.name} pod=${
                pod.metadata.name
              }_${pod.metadata.namespace}(${pod.metadata.uid})`,
            },
          },
          lastState: {
            terminated: {
              exitCode: state.crash.exitCode,
              reason: 'Error',
              startedAt: k8sTime(state.crash.lastStart),
              finishedAt: k8sTime(state.crash.lastFinish),
              containerID: base.containerID,
            },
          },
          ready: false,
          restartCount: state.crash.restartCount,
          started: false,
        };
      }
      return {
        ...base,
        state: { running: { startedAt: start } },
        lastState: {},
        ready,
        restartCount: state.restarts ?? 0,
        started: true,
      };
    },
  );
  const readyStatus = ready ? 'True' : 'False';
  // eslint-disable-next-line no-nested-ternary
  const notReadyReason = state.succeeded
    ? 'PodCompleted'
    : crashing
    ? 'ContainersNotReady'
    : undefined;
  const notReadyMessage = crashing
    ? `containers with unready status: [${(pod.spec?.containers ?? [])
        .map((c: any) => c.name)
        .join(' ')}]`
    : undefined;
  return {
    phase: state.succeeded ? 'Succeeded' : 'Running',
    conditions: [
      condition(
        'PodReadyToStartContainers',
        state.succeeded ? 'False' : 'True',
        start,
      ),
      condition(
        'Initialized',
        'True',
        start,
        state.succeeded ? 'PodCompleted' : undefined,
      ),
      condition(
        'Ready',
        readyStatus,
        ready ? start : now,
        ready ? undefined : notReadyReason,
        ready ? undefined : notReadyMessage,
      ),
      condition(
        'ContainersReady',
        readyStatus,
        ready ? start : now,
        ready ? undefined : notReadyReason,
        ready ? undefined : notReadyMessage,
      ),
      condition('PodScheduled', 'True', start),
    ],
    hostIP,
    hostIPs: [{ ip: hostIP }],
    podIP,
    podIPs: [{ ip: podIP }],
    startTime: start,
    containerStatuses,
    qosClass: pod.status?.qosClass ?? qosClass(pod.spec),
  };
}

/** Whether a pod counts as ready. */
export function isPodReady(pod: any): boolean {
  return (pod?.status?.conditions ?? []).some(
    (c: any) => c.type === 'Ready' && c.status === 'True',
  );
}

export function isPodActive(pod: any): boolean {
  const phase = pod?.status?.phase;
  return (
    phase !== 'Succeeded' &&
    phase !== 'Failed' &&
    !pod?.metadata?.deletionTimestamp
  );
}
