/** Workload controllers: Deployment → ReplicaSet → Pods, StatefulSet, DaemonSet, Job. */
import type { Cluster } from './Cluster';
import { T } from './Cluster';
import { fnv1a, safeEncode } from '../util/random';
import { k8sTime } from '../util/clock';
import { isPodActive, isPodReady, podFromTemplate } from './pods';
import {
  labelSelectorToRequirements,
  formatLabelSelector,
} from '../api/selectors';
import { matchesNode, untoleratedTaint } from './podSpec';

function omitZero(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== 0 && v !== undefined),
  );
}

function ownerRef(obj: any) {
  return {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.metadata.name,
    uid: obj.metadata.uid,
  };
}

/** Keeps a condition's transition time when its status did not change. */
function condition(
  prev: any[] | undefined,
  type: string,
  status: string,
  reason: string,
  message: string,
  now: string,
) {
  const old = (prev ?? []).find(c => c.type === type);
  const same = old && old.status === status && old.reason === reason;
  return {
    type,
    status,
    lastUpdateTime: same ? old.lastUpdateTime : now,
    lastTransitionTime:
      old && old.status === status ? old.lastTransitionTime : now,
    reason,
    message,
  };
}

function writeStatus(
  c: Cluster,
  type: any,
  obj: any,
  status: any,
  metadata?: any,
): void {
  const next = { ...obj, metadata: metadata ?? { ...obj.metadata }, status };
  c.writer.updateIfChanged(type, obj, next);
}

/** Pod template hash as the deployment controller computes it (stable, alphabet-safe). */
export function templateHash(template: unknown): string {
  return safeEncode(fnv1a(JSON.stringify(template ?? {})), 10);
}

function activePods(c: Cluster, owner: any): any[] {
  return c.childObjects(owner.metadata.uid, 'pods').filter(isPodActive);
}

function podCounts(pods: any[]) {
  let ready = 0;
  for (const p of pods) if (isPodReady(p)) ready++;
  return { replicas: pods.length, ready };
}

function createPod(
  c: Cluster,
  owner: any,
  template: any,
  name: string,
  extraLabels: Record<string, string> = {},
  mutate?: (pod: any) => void,
): void {
  const pod = podFromTemplate(
    template,
    name,
    owner.metadata.namespace,
    ownerRef(owner),
    extraLabels,
  );
  mutate?.(pod);
  if (c.store.get('pods', pod.metadata.namespace, name)) return;
  c.placeNew(pod);
  c.writer.create(T.pods, pod);
  if (pod.spec.nodeName) {
    c.events.record(
      pod,
      'Scheduled',
      `Successfully assigned ${pod.metadata.namespace}/${name} to ${pod.spec.nodeName}`,
      'Normal',
      'default-scheduler',
    );
  } else {
    const msg = pod.status?.conditions?.[0]?.message ?? '';
    c.events.record(
      pod,
      'FailedScheduling',
      msg,
      'Warning',
      'default-scheduler',
    );
  }
}

/** Deletes pods beyond `keep`, unscheduled and not-ready ones first, then the newest. */
function scaleDown(c: Cluster, pods: any[], keep: number): void {
  // eslint-disable-next-line no-nested-ternary
  const rank = (p: any) => (!p.spec?.nodeName ? 0 : !isPodReady(p) ? 1 : 2);
  const sorted = [...pods].sort(
    (a, b) => rank(a) - rank(b) || (a.metadata.name < b.metadata.name ? 1 : -1),
  );
  for (const p of sorted.slice(0, Math.max(0, pods.length - keep))) {
    c.writer.delete(T.pods, p.metadata.namespace, p.metadata.name);
  }
}

export function reconcileReplicaSet(c: Cluster, rs: any): void {
  const want = rs.spec?.replicas ?? 1;
  let pods = activePods(c, rs);
  if (pods.length < want) {
    for (let i = pods.length; i < want; i++) {
      createPod(
        c,
        rs,
        rs.spec.template,
        `${rs.metadata.name}-${c.writer.suffix()}`,
      );
    }
    pods = activePods(c, rs);
  } else if (pods.length > want) {
    scaleDown(c, pods, want);
    pods = activePods(c, rs);
  }
  const { replicas, ready } = podCounts(pods);
  const current = c.store.get(
    'replicasets.apps',
    rs.metadata.namespace,
    rs.metadata.name,
  );
  if (!current) return;
  writeStatus(c, T.replicasets, current, {
    replicas,
    ...omitZero({
      fullyLabeledReplicas: replicas,
      readyReplicas: ready,
      availableReplicas: ready,
    }),
    observedGeneration: current.metadata.generation,
  });
}

export function reconcileDeployment(c: Cluster, d: any): void {
  const ns = d.metadata.namespace;
  const replicas = d.spec?.replicas ?? 1;
  const template = d.spec?.template ?? {};
  const hash = templateHash(template);
  const owned = c.childObjects(d.metadata.uid, 'replicasets.apps');
  const revisions = owned.map(rs =>
    Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0),
  );
  let newRs = owned.find(
    rs => rs.metadata.labels?.['pod-template-hash'] === hash,
  );
  const maxRev = revisions.length ? Math.max(...revisions) : 0;
  const surge = Math.ceil(replicas * 0.25);
  if (!newRs) {
    const labels = {
      ...(template.metadata?.labels ?? {}),
      'pod-template-hash': hash,
    };
    const rs = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: ns,
        labels,
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(replicas),
          'deployment.kubernetes.io/max-replicas': String(replicas + surge),
          'deployment.kubernetes.io/revision': String(maxRev + 1),
        },
        ownerReferences: [
          { ...ownerRef(d), controller: true, blockOwnerDeletion: true },
        ],
      },
      spec: {
        replicas,
        selector: {
          ...d.spec.selector,
          matchLabels: {
            ...(d.spec.selector?.matchLabels ?? {}),
            'pod-template-hash': hash,
          },
        },
        template: {
          ...template,
          metadata: { ...(template.metadata ?? {}), labels },
        },
      },
      status: { replicas: 0 },
    };
    if (!c.store.get('replicasets.apps', ns, rs.metadata.name)) {
      c.writer.create(T.replicasets, rs);
      c.events.record(
        d,
        'ScalingReplicaSet',
        `Scaled up replica set ${rs.metadata.name} to ${replicas}`,
      );
    }
    newRs = c.store.get('replicasets.apps', ns, rs.metadata.name);
  } else {
    const from = newRs.spec.replicas;
    const annotations = newRs.metadata.annotations ?? {};
    const revision = Number(annotations['deployment.kubernetes.io/revision']);
    // a rollback to an earlier template: its ReplicaSet becomes the newest
    // revision, the old number kept in revision-history (as Kubernetes does)
    const rolledBack = revision < maxRev;
    if (from !== replicas || rolledBack) {
      const history = annotations['deployment.kubernetes.io/revision-history'];
      c.writer.update(T.replicasets, newRs, {
        ...newRs,
        metadata: {
          ...newRs.metadata,
          annotations: {
            ...annotations,
            'deployment.kubernetes.io/desired-replicas': String(replicas),
            'deployment.kubernetes.io/max-replicas': String(replicas + surge),
            ...(rolledBack && {
              'deployment.kubernetes.io/revision': String(maxRev + 1),
              'deployment.kubernetes.io/revision-history': history
                ? `${history},${revision}`
                : String(revision),
            }),
          },
        },
        spec: { ...newRs.spec, replicas },
      });
      if (from !== replicas) {
        c.events.record(
          d,
          'ScalingReplicaSet',
          `Scaled ${replicas > from ? 'up' : 'down'} replica set ${
            newRs.metadata.name
          } from ${from} to ${replicas}`,
        );
      }
      newRs = c.store.get('replicasets.apps', ns, newRs.metadata.name);
    }
  }
  // old replica sets: scale to zero, keep revisionHistoryLimit of them
  const old = owned
    .filter(rs => rs.metadata.name !== newRs?.metadata.name)
    .sort(
      (a, b) =>
        Number(
          a.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0,
        ) -
        Number(
          b.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0,
        ),
    );
  for (const rs of old) {
    if (rs.spec.replicas !== 0) {
      c.writer.update(T.replicasets, rs, {
        ...rs,
        metadata: { ...rs.metadata },
        spec: { ...rs.spec, replicas: 0 },
      });
      c.events.record(
        d,
        'ScalingReplicaSet',
        `Scaled down replica set ${rs.metadata.name} from ${rs.spec.replicas} to 0`,
      );
    }
  }
  const limit = d.spec?.revisionHistoryLimit ?? 10;
  for (const rs of old.slice(0, Math.max(0, old.length - limit))) {
    c.writer.delete(T.replicasets, ns, rs.metadata.name);
  }

  const current = c.store.get('deployments.apps', ns, d.metadata.name);
  if (!current) return;
  let total = 0;
  let ready = 0;
  let updated = 0;
  for (const rs of c.childObjects(d.metadata.uid, 'replicasets.apps')) {
    total += rs.status?.replicas ?? 0;
    ready += rs.status?.readyReplicas ?? 0;
    if (rs.metadata.name === newRs?.metadata.name)
      updated = rs.status?.replicas ?? 0;
  }
  const now = k8sTime(c.now());
  const maxUnavailable = Math.floor(replicas * 0.25);
  const available = ready >= replicas - maxUnavailable;
  const complete =
    updated === replicas && ready === replicas && total === replicas;
  const prev = current.status?.conditions;
  const rsName = newRs?.metadata.name ?? '';
  const status = {
    observedGeneration: current.metadata.generation,
    ...omitZero({
      replicas: total,
      updatedReplicas: updated,
      readyReplicas: ready,
      availableReplicas: ready,
      unavailableReplicas: Math.max(0, replicas - ready),
    }),
    conditions: [
      condition(
        prev,
        'Available',
        available ? 'True' : 'False',
        available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
        available
          ? 'Deployment has minimum availability.'
          : 'Deployment does not have minimum availability.',
        now,
      ),
      condition(
        prev,
        'Progressing',
        'True',
        complete ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
        complete
          ? `ReplicaSet "${rsName}" has successfully progressed.`
          : `ReplicaSet "${rsName}" is progressing.`,
        now,
      ),
    ],
  };
  const revision =
    newRs?.metadata.annotations?.['deployment.kubernetes.io/revision'];
  const metadata = {
    ...current.metadata,
    annotations: {
      ...(current.metadata.annotations ?? {}),
      ...(revision ? { 'deployment.kubernetes.io/revision': revision } : {}),
    },
  };
  writeStatus(c, T.deployments, current, status, metadata);
}

export function reconcileStatefulSet(c: Cluster, sts: any): void {
  const want = sts.spec?.replicas ?? 1;
  const ns = sts.metadata.namespace;
  const revision = `${sts.metadata.name}-${templateHash(sts.spec?.template)}`;
  for (let i = 0; i < want; i++) {
    const name = `${sts.metadata.name}-${i}`;
    if (!c.store.get('pods', ns, name)) {
      createPod(
        c,
        sts,
        sts.spec.template,
        name,
        {
          'apps.kubernetes.io/pod-index': String(i),
          'controller-revision-hash': revision,
          'statefulset.kubernetes.io/pod-name': name,
        },
        pod => {
          pod.spec.hostname = name;
          if (sts.spec.serviceName) pod.spec.subdomain = sts.spec.serviceName;
        },
      );
    }
  }
  for (const p of c.childObjects(sts.metadata.uid, 'pods')) {
    const idx = Number(p.metadata.name.slice(sts.metadata.name.length + 1));
    if (!(idx < want)) c.writer.delete(T.pods, ns, p.metadata.name);
  }
  const current = c.store.get('statefulsets.apps', ns, sts.metadata.name);
  if (!current) return;
  const { replicas, ready } = podCounts(activePods(c, current));
  writeStatus(c, T.statefulsets, current, {
    observedGeneration: current.metadata.generation,
    replicas,
    ...omitZero({
      readyReplicas: ready,
      currentReplicas: replicas,
      updatedReplicas: replicas,
      availableReplicas: ready,
    }),
    currentRevision: revision,
    updateRevision: revision,
    collisionCount: 0,
  });
}

const DAEMON_TOLERATIONS = [
  'node.kubernetes.io/not-ready',
  'node.kubernetes.io/unreachable',
  'node.kubernetes.io/disk-pressure',
  'node.kubernetes.io/memory-pressure',
  'node.kubernetes.io/pid-pressure',
  'node.kubernetes.io/unschedulable',
].map(key => ({
  key,
  operator: 'Exists',
  effect:
    key.endsWith('ready') || key.endsWith('unreachable')
      ? 'NoExecute'
      : 'NoSchedule',
}));

export function reconcileDaemonSet(c: Cluster, ds: any): void {
  const ns = ds.metadata.namespace;
  const spec = ds.spec?.template?.spec ?? {};
  const tolerations = [...(spec.tolerations ?? []), ...DAEMON_TOLERATIONS];
  const wanted = new Set<string>();
  for (const e of c.store.values('nodes')) {
    const node = e.obj;
    if (!matchesNode(spec, node.metadata.labels ?? {}, node.metadata.name))
      continue;
    if (untoleratedTaint(tolerations, node.spec?.taints)) continue;
    wanted.add(node.metadata.name);
  }
  const pods = c.childObjects(ds.metadata.uid, 'pods');
  const byNode = new Map<string, any>();
  for (const p of pods) {
    const target =
      p.spec?.affinity?.nodeAffinity
        ?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]
        ?.matchFields?.[0]?.values?.[0];
    if (!wanted.has(target) || byNode.has(target))
      c.writer.delete(T.pods, ns, p.metadata.name);
    else byNode.set(target, p);
  }
  const hash = templateHash(ds.spec?.template);
  for (const nodeName of wanted) {
    if (byNode.has(nodeName)) continue;
    const name = `${ds.metadata.name}-${safeEncode(
      fnv1a(`${ds.metadata.uid}/${nodeName}`),
      5,
    )}`;
    createPod(
      c,
      ds,
      ds.spec.template,
      name,
      {
        'controller-revision-hash': hash,
        'pod-template-generation': String(ds.metadata.generation ?? 1),
      },
      pod => {
        pod.spec.tolerations = [
          ...(pod.spec.tolerations ?? []),
          ...DAEMON_TOLERATIONS,
        ];
        pod.spec.affinity = {
          ...(pod.spec.affinity ?? {}),
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                {
                  matchFields: [
                    {
                      key: 'metadata.name',
                      operator: 'In',
                      values: [nodeName],
                    },
                  ],
                },
              ],
            },
          },
        };
      },
    );
  }
  const current = c.store.get('daemonsets.apps', ns, ds.metadata.name);
  if (!current) return;
  const active = activePods(c, current);
  const scheduled = active.filter(p => p.spec?.nodeName).length;
  const { ready } = podCounts(active);
  writeStatus(c, T.daemonsets, current, {
    currentNumberScheduled: scheduled,
    numberMisscheduled: 0,
    desiredNumberScheduled: wanted.size,
    numberReady: ready,
    observedGeneration: current.metadata.generation,
    ...omitZero({
      updatedNumberScheduled: scheduled,
      numberAvailable: ready,
      numberUnavailable: wanted.size - ready,
    }),
  });
}

export function reconcileJob(c: Cluster, job: any): void {
  const ns = job.metadata.namespace;
  const completions = job.spec?.completions ?? 1;
  const parallelism = job.spec?.parallelism ?? 1;
  const pods = c.childObjects(job.metadata.uid, 'pods');
  const succeeded = pods.filter(p => p.status?.phase === 'Succeeded').length;
  const failed = pods.filter(p => p.status?.phase === 'Failed').length;
  let active = pods.filter(isPodActive);
  const done = succeeded >= completions;
  if (!done && !job.spec?.suspend) {
    const toStart = Math.min(
      parallelism - active.length,
      completions - succeeded - active.length,
    );
    for (let i = 0; i < toStart; i++) {
      const name = `${job.metadata.name}-${safeEncode(
        fnv1a(`${job.metadata.uid}/${succeeded + failed + active.length + i}`),
        5,
      )}`;
      createPod(c, job, job.spec.template, name);
    }
    active = c.childObjects(job.metadata.uid, 'pods').filter(isPodActive);
  }
  const current = c.store.get('jobs.batch', ns, job.metadata.name);
  if (!current) return;
  const now = k8sTime(c.now());
  const prev = current.status ?? {};
  const status: any = {
    ...omitZero({ active: active.length, succeeded, failed }),
    ready: active.filter(isPodReady).length,
    terminating: 0,
    startTime: prev.startTime ?? now,
    uncountedTerminatedPods: {},
  };
  if (done) {
    status.completionTime = prev.completionTime ?? now;
    status.conditions = [
      {
        type: 'SuccessCriteriaMet',
        status: 'True',
        lastProbeTime: status.completionTime,
        lastTransitionTime: status.completionTime,
        reason: 'CompletionsReached',
        message: 'Reached expected number of succeeded pods',
      },
      {
        type: 'Complete',
        status: 'True',
        lastProbeTime: status.completionTime,
        lastTransitionTime: status.completionTime,
        reason: 'CompletionsReached',
        message: 'Reached expected number of succeeded pods',
      },
    ];
    if (!prev.completionTime)
      c.events.record(
        current,
        'Completed',
        'Job completed',
        'Normal',
        'job-controller',
      );
  }
  writeStatus(c, T.jobs, current, status);
}

/** `status.selector` string of a workload (used by the scale subresource). */
export function selectorString(obj: any): string {
  return formatLabelSelector(labelSelectorToRequirements(obj?.spec?.selector));
}
