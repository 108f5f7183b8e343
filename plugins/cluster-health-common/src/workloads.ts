import { statusOf } from './evaluate';
import {
  HealthReason,
  HpaCondition,
  HpaHealth,
  HpaMetric,
  VpaHealth,
  WorkloadHealth,
} from './types';

/* Minimal shapes of the Kubernetes objects read here (JSON as the API sends it). */

interface ObjectMeta {
  name: string;
  namespace?: string;
}

/** autoscaling/v2 HorizontalPodAutoscaler */
export interface HpaObject {
  metadata: ObjectMeta;
  spec?: {
    minReplicas?: number;
    maxReplicas: number;
    scaleTargetRef?: { kind: string; name: string };
    metrics?: Array<{
      type: string;
      resource?: {
        name: string;
        target: {
          type: string;
          averageUtilization?: number;
          averageValue?: string;
          value?: string;
        };
      };
    }>;
  };
  status?: {
    currentReplicas?: number;
    desiredReplicas?: number;
    currentMetrics?: Array<{
      type: string;
      resource?: {
        name: string;
        current: {
          averageUtilization?: number;
          averageValue?: string;
          value?: string;
        };
      };
    }>;
    conditions?: HpaCondition[];
  };
}

/** autoscaling.k8s.io/v1 VerticalPodAutoscaler */
export interface VpaObject {
  metadata: ObjectMeta;
  spec?: {
    targetRef?: { kind: string; name: string };
    updatePolicy?: { updateMode?: string };
    resourcePolicy?: {
      containerPolicies?: Array<{
        containerName?: string;
        controlledResources?: string[];
      }>;
    };
  };
  status?: {
    recommendation?: {
      containerRecommendations?: Array<{
        containerName: string;
        target?: Record<string, string>;
        lowerBound?: Record<string, string>;
        upperBound?: Record<string, string>;
      }>;
    };
  };
}

/** apps/v1 Deployment */
export interface DeploymentObject {
  metadata: ObjectMeta;
  spec?: {
    replicas?: number;
    template?: {
      spec?: {
        containers?: Array<{
          name: string;
          image?: string;
          resources?: {
            requests?: Record<string, string>;
            limits?: Record<string, string>;
          };
        }>;
      };
    };
  };
  status?: {
    replicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    updatedReplicas?: number;
  };
}

function conditionIs(hpa: HpaObject, type: string, status: string) {
  return hpa.status?.conditions?.find(
    c => c.type === type && c.status === status,
  );
}

/** Current vs target of each HPA metric (resource metrics). */
export function hpaMetrics(hpa: HpaObject): HpaMetric[] {
  return (hpa.spec?.metrics ?? [])
    .filter(m => m.type === 'Resource' && m.resource)
    .map(m => {
      const { name, target } = m.resource!;
      const current = hpa.status?.currentMetrics?.find(
        c => c.type === 'Resource' && c.resource?.name === name,
      )?.resource?.current;
      if (target.type === 'Utilization') {
        return {
          name,
          type: 'Utilization' as const,
          target: target.averageUtilization ?? 0,
          current: current?.averageUtilization,
        };
      }
      return {
        name,
        type: (target.type === 'Value'
          ? 'Value'
          : 'AverageValue') as HpaMetric['type'],
        target: Number.parseFloat(target.averageValue ?? target.value ?? '0'),
        current:
          current?.averageValue ?? current?.value
            ? Number.parseFloat((current.averageValue ?? current.value)!)
            : undefined,
      };
    });
}

/**
 * The health of an HPA: pinned at max (cannot absorb more load), unable to
 * scale, or without metrics. `pinnedAtMaxSince` comes from the
 * ScalingLimited condition (reason TooManyReplicas) when present.
 */
export function evaluateHpa(hpa: HpaObject, now: Date = new Date()): HpaHealth {
  const minReplicas = hpa.spec?.minReplicas ?? 1;
  const maxReplicas = hpa.spec?.maxReplicas ?? minReplicas;
  const currentReplicas = hpa.status?.currentReplicas ?? 0;
  const desiredReplicas = hpa.status?.desiredReplicas ?? currentReplicas;
  const reasons: HealthReason[] = [];
  let pinnedAtMaxSince: string | undefined;

  if (currentReplicas >= maxReplicas && maxReplicas > 0) {
    const limited = conditionIs(hpa, 'ScalingLimited', 'True');
    pinnedAtMaxSince =
      limited?.reason === 'TooManyReplicas'
        ? limited.lastTransitionTime
        : undefined;
    const minutes = pinnedAtMaxSince
      ? Math.max(
          0,
          Math.round((now.getTime() - Date.parse(pinnedAtMaxSince)) / 60000),
        )
      : undefined;
    reasons.push({
      code: 'HPA_AT_MAX',
      severity: 'warning',
      message: `At its maximum of ${maxReplicas} replicas${
        minutes !== undefined ? ` for ${minutes} min` : ''
      }: more load cannot be absorbed`,
    });
  }
  const unable = conditionIs(hpa, 'AbleToScale', 'False');
  if (unable) {
    reasons.push({
      code: 'HPA_UNABLE_TO_SCALE',
      severity: 'critical',
      message: `Unable to scale: ${unable.reason ?? ''}${
        unable.message ? ` (${unable.message})` : ''
      }`,
    });
  }
  const inactive = conditionIs(hpa, 'ScalingActive', 'False');
  if (inactive) {
    reasons.push({
      code: 'HPA_METRICS_UNAVAILABLE',
      severity: 'warning',
      message: `Not scaling: ${inactive.reason ?? ''}${
        inactive.message ? ` (${inactive.message})` : ''
      }`,
    });
  }
  return {
    name: hpa.metadata.name,
    minReplicas,
    maxReplicas,
    currentReplicas,
    desiredReplicas,
    metrics: hpaMetrics(hpa),
    conditions: hpa.status?.conditions ?? [],
    pinnedAtMaxSince,
    status: statusOf(reasons),
    reasons,
  };
}

/** A VPA's mode, controlled resources and recommendation per container. */
export function evaluateVpa(vpa: VpaObject): VpaHealth {
  const policies = vpa.spec?.resourcePolicy?.containerPolicies ?? [];
  const controlled = policies.find(
    p => p.controlledResources,
  )?.controlledResources;
  return {
    name: vpa.metadata.name,
    updateMode: vpa.spec?.updatePolicy?.updateMode ?? 'Auto',
    controlledResources: controlled ?? ['cpu', 'memory'],
    recommendations: (
      vpa.status?.recommendation?.containerRecommendations ?? []
    ).map(r => ({
      container: r.containerName,
      target: { cpu: r.target?.cpu, memory: r.target?.memory },
      lowerBound: r.lowerBound && {
        cpu: r.lowerBound.cpu,
        memory: r.lowerBound.memory,
      },
      upperBound: r.upperBound && {
        cpu: r.upperBound.cpu,
        memory: r.upperBound.memory,
      },
    })),
  };
}

/**
 * A deployment with its HPA and VPA: replica availability and the HPA's own
 * health, plus `policyReasons`, the findings of the manifests policy lint on
 * the live objects (e.g. HPA_AND_VPA_ON_CPU). That rule lives once, in
 * `@fdp/plugin-manifests-common`, which the caller asks; this package sits
 * below it and cannot import it.
 */
export function evaluateWorkload(options: {
  cluster: string;
  deployment: DeploymentObject;
  hpa?: HpaObject;
  vpa?: VpaObject;
  policyReasons?: HealthReason[];
  now?: Date;
}): WorkloadHealth {
  const { cluster, deployment } = options;
  const desired = deployment.spec?.replicas ?? 1;
  const status = deployment.status ?? {};
  const replicas = {
    desired,
    ready: status.readyReplicas ?? 0,
    available: status.availableReplicas ?? 0,
    updated: status.updatedReplicas ?? 0,
  };
  const reasons: HealthReason[] = [];
  if (replicas.ready < desired) {
    reasons.push({
      code: 'REPLICAS_UNAVAILABLE',
      severity: replicas.ready === 0 && desired > 0 ? 'critical' : 'warning',
      message: `${replicas.ready} of ${desired} replicas ready`,
    });
  }
  const hpa = options.hpa ? evaluateHpa(options.hpa, options.now) : undefined;
  const vpa = options.vpa ? evaluateVpa(options.vpa) : undefined;
  if (hpa) {
    reasons.push(...hpa.reasons);
  }
  reasons.push(...(options.policyReasons ?? []));
  return {
    cluster,
    namespace: deployment.metadata.namespace ?? 'default',
    kind: 'Deployment',
    name: deployment.metadata.name,
    replicas,
    containers: (deployment.spec?.template?.spec?.containers ?? []).map(c => ({
      name: c.name,
      image: c.image,
      requests: {
        cpu: c.resources?.requests?.cpu,
        memory: c.resources?.requests?.memory,
      },
      limits: {
        cpu: c.resources?.limits?.cpu,
        memory: c.resources?.limits?.memory,
      },
    })),
    hpa,
    vpa,
    status: statusOf(reasons),
    reasons,
  };
}
