/** The horizontal pod autoscaler: utilisation vs target, scaling, status and conditions. */
import type { Cluster } from './Cluster';
import { T } from './Cluster';
import { k8sTime } from '../util/clock';
import { isPodActive, isPodReady } from './pods';
import { labelSelectorToRequirements, matchesLabels } from '../api/selectors';
import { quantityOr } from '../util/quantity';

const TOLERANCE = 0.1;

/** desired = ceil(current × utilisation / target), unless within tolerance; clamped to min/max. */
export function desiredReplicas(
  current: number,
  utilisation: number,
  target: number,
  min: number,
  max: number,
): {
  desired: number;
  unclamped: number;
  limited: 'TooManyReplicas' | 'TooFewReplicas' | undefined;
} {
  const ratio = target > 0 ? utilisation / target : 1;
  let unclamped = current;
  if (current === 0) unclamped = min;
  else if (Math.abs(ratio - 1) > TOLERANCE)
    unclamped = Math.ceil(current * ratio);
  let desired = Math.max(min, Math.min(max, unclamped));
  let limited: 'TooManyReplicas' | 'TooFewReplicas' | undefined;
  if (unclamped > max) limited = 'TooManyReplicas';
  else if (unclamped < min) limited = 'TooFewReplicas';
  if (desired < 1) desired = 1;
  return { desired, unclamped, limited };
}

function cond(
  prev: any[] | undefined,
  type: string,
  status: string,
  reason: string,
  message: string,
  now: string,
) {
  const old = (prev ?? []).find(c => c.type === type);
  return {
    type,
    status,
    lastTransitionTime:
      old && old.status === status ? old.lastTransitionTime : now,
    reason,
    message,
  };
}

export function syncHpa(c: Cluster, hpa: any): void {
  const ns = hpa.metadata.namespace;
  const ref = hpa.spec?.scaleTargetRef ?? {};
  const targetType =
    // eslint-disable-next-line no-nested-ternary
    ref.kind === 'StatefulSet'
      ? T.statefulsets
      : ref.kind === 'ReplicaSet'
      ? T.replicasets
      : T.deployments;
  const target = c.store.get(targetType, ns, ref.name);
  const now = k8sTime(c.now());
  const prev = hpa.status?.conditions;
  const min = hpa.spec?.minReplicas ?? 1;
  const max = hpa.spec?.maxReplicas ?? min;
  if (!target || !c.usage) {
    const status = {
      ...(hpa.status ?? {}),
      currentReplicas: 0,
      desiredReplicas: 0,
      conditions: [
        cond(
          prev,
          'AbleToScale',
          'False',
          'FailedGetScale',
          `the HPA controller was unable to get the target's current scale: ${targetType.plural}.${targetType.group} "${ref.name}" not found`,
          now,
        ),
      ],
    };
    c.writer.updateIfChanged(T.hpas, hpa, {
      ...hpa,
      metadata: { ...hpa.metadata },
      status,
    });
    return;
  }
  const reqs = labelSelectorToRequirements(target.spec?.selector);
  const pods: any[] = [];
  for (const e of c.store.entries('pods', ns)) {
    if (isPodActive(e.obj) && matchesLabels(reqs, e.obj.metadata.labels))
      pods.push(e.obj);
  }
  const ready = pods.filter(isPodReady);
  const current = target.spec?.replicas ?? 1;
  if (current === 0) {
    // as kube-controller-manager: a target scaled to 0 by hand stays at 0
    c.writer.updateIfChanged(T.hpas, hpa, {
      ...hpa,
      metadata: { ...hpa.metadata },
      status: {
        ...(hpa.status ?? {}),
        currentReplicas: 0,
        desiredReplicas: 0,
        conditions: [
          cond(
            prev,
            'AbleToScale',
            'True',
            'SucceededGetScale',
            "the HPA controller was able to get the target's current scale",
            now,
          ),
          cond(
            prev,
            'ScalingActive',
            'False',
            'ScalingDisabled',
            'scaling is disabled since the replica count of the target is zero',
            now,
          ),
        ],
      },
    });
    return;
  }
  const metrics: any[] = [];
  let best: ReturnType<typeof desiredReplicas> | undefined;
  let haveMetric = false;
  for (const m of hpa.spec?.metrics ?? []) {
    if (m?.type !== 'Resource' || !['cpu', 'memory'].includes(m.resource?.name))
      continue;
    const name = m.resource.name as 'cpu' | 'memory';
    let used = 0;
    let requested = 0;
    for (const p of ready) {
      const usage = c.usage.podUsage(p);
      for (const [i, cont] of (p.spec?.containers ?? []).entries()) {
        const req =
          cont.resources?.requests?.[name] ?? cont.resources?.limits?.[name];
        requested += quantityOr(req, 0);
        used +=
          name === 'cpu' ? usage[i]?.cpuCores ?? 0 : usage[i]?.memoryBytes ?? 0;
      }
    }
    if (ready.length === 0 || requested === 0) continue;
    haveMetric = true;
    const utilisation = Math.round((used / requested) * 100);
    const avgValue = used / ready.length;
    metrics.push({
      type: 'Resource',
      resource: {
        name,
        current: {
          averageUtilization: utilisation,
          averageValue:
            name === 'cpu'
              ? `${Math.round(avgValue * 1000)}m`
              : `${Math.round(avgValue)}`,
        },
      },
    });
    const targetUtil = m.resource.target?.averageUtilization;
    if (typeof targetUtil === 'number') {
      const r = desiredReplicas(current, utilisation, targetUtil, min, max);
      if (!best || r.desired > best.desired) best = r;
    }
  }
  const desired = best ? best.desired : Math.max(min, Math.min(max, current));
  const limited = best?.limited;
  let lastScaleTime = hpa.status?.lastScaleTime;
  let scaled = false;
  if (desired !== current) {
    c.writer.update(
      targetType,
      target,
      {
        ...target,
        metadata: { ...target.metadata },
        spec: { ...target.spec, replicas: desired },
      },
      {
        manager: 'kube-controller-manager',
        subresource: 'scale',
        fields: { 'f:spec': { 'f:replicas': {} } },
      },
    );
    lastScaleTime = now;
    scaled = true;
    c.events.record(
      hpa,
      'SuccessfulRescale',
      `New size: ${desired}; reason: cpu resource utilization (percentage of request) ${
        desired > current ? 'above' : 'below'
      } target`,
      'Normal',
      'horizontal-pod-autoscaler',
    );
  }
  const status = {
    observedGeneration: hpa.metadata.generation,
    ...(lastScaleTime ? { lastScaleTime } : {}),
    currentReplicas: current,
    desiredReplicas: desired,
    ...(metrics.length ? { currentMetrics: metrics } : {}),
    conditions: [
      cond(
        prev,
        'AbleToScale',
        'True',
        scaled ? 'SucceededRescale' : 'ReadyForNewScale',
        scaled
          ? `the HPA controller was able to update the target scale to ${desired}`
          : 'recommended size matches current size',
        now,
      ),
      haveMetric
        ? cond(
            prev,
            'ScalingActive',
            'True',
            'ValidMetricFound',
            'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
            now,
          )
        : cond(
            prev,
            'ScalingActive',
            'False',
            'FailedGetResourceMetric',
            'the HPA was unable to compute the replica count: no ready pods with metrics',
            now,
          ),
      limited
        ? cond(
            prev,
            'ScalingLimited',
            'True',
            limited,
            `the desired replica count is ${
              limited === 'TooManyReplicas'
                ? 'more than the maximum'
                : 'less than the minimum'
            } replica count`,
            now,
          )
        : cond(
            prev,
            'ScalingLimited',
            'False',
            'DesiredWithinRange',
            'the desired count is within the acceptable range',
            now,
          ),
    ],
  };
  const fresh = c.store.get(T.hpas, ns, hpa.metadata.name) ?? hpa;
  c.writer.updateIfChanged(T.hpas, fresh, {
    ...fresh,
    metadata: { ...fresh.metadata },
    status,
  });
}
