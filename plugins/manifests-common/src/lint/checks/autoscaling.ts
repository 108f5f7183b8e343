import { Finding } from '../../types';
import { AnyObject, list, refOf, sameNamespace } from '../objects';
import { finding, RULES } from '../rules';

/** The fields of an HPA this rule reads (cluster-health's trimmed objects have them). */
export interface HpaLike {
  metadata: { name: string; namespace?: string };
  spec?: {
    scaleTargetRef?: { kind?: string; name?: string };
    metrics?: Array<{ type: string; resource?: { name: string } }>;
  };
}

/** The fields of a VPA this rule reads. */
export interface VpaLike {
  metadata: { name: string; namespace?: string };
  spec?: {
    targetRef?: { kind?: string; name?: string };
    updatePolicy?: { updateMode?: string };
    resourcePolicy?: {
      containerPolicies?: Array<{
        containerName?: string;
        mode?: string;
        controlledResources?: string[];
      }>;
    };
  };
}

/** Whether an HPA scales on CPU; without metrics it does (autoscaling/v2's default: 80 % CPU). */
function hpaOnCpu(hpa: HpaLike): boolean {
  const metrics = hpa.spec?.metrics;
  if (!Array.isArray(metrics) || metrics.length === 0) {
    return true;
  }
  return metrics.some(
    m =>
      (m.type === 'Resource' || m.type === 'ContainerResource') &&
      ((m as AnyObject).resource ?? (m as AnyObject).containerResource)
        ?.name === 'cpu',
  );
}

/** Whether a VPA in an acting mode sets CPU: no policy for `*` leaves containers at the default, cpu and memory. */
function vpaSetsCpu(vpa: VpaLike): boolean {
  const mode = vpa.spec?.updatePolicy?.updateMode ?? 'Auto';
  if (mode === 'Off') {
    return false;
  }
  const policies = list(vpa.spec?.resourcePolicy?.containerPolicies);
  const controlsCpu = (p: AnyObject) =>
    p.mode !== 'Off' &&
    list(p.controlledResources ?? ['cpu', 'memory']).includes('cpu');
  return (
    !policies.some(p => p?.containerName === '*') || policies.some(controlsCpu)
  );
}

/**
 * HPA_AND_VPA_ON_CPU for one HPA and VPA known to target the same workload:
 * the VPA changes the requests the HPA's utilisation is measured against.
 * The cluster-health view calls this with the pair it found.
 */
export function hpaAndVpaOnCpu(
  hpa: HpaLike,
  vpa: VpaLike,
): Finding | undefined {
  if (!hpaOnCpu(hpa) || !vpaSetsCpu(vpa)) {
    return undefined;
  }
  return finding(
    RULES.HPA_AND_VPA_ON_CPU,
    { ...refOf(vpa), kind: 'VerticalPodAutoscaler' },
    {
      hpa: hpa.metadata.name,
      vpa: vpa.metadata.name,
      mode: vpa.spec?.updatePolicy?.updateMode ?? 'Auto',
    },
  );
}

const sameTarget = (
  a?: { kind?: string; name?: string },
  b?: { kind?: string; name?: string },
) => !!a?.name && a.kind === b?.kind && a.name === b?.name;

/** Every HPA and VPA pair in the manifests that targets the same workload. */
export function checkAutoscaling(objects: AnyObject[]): Finding[] {
  const hpas = objects.filter(o => o.kind === 'HorizontalPodAutoscaler');
  const vpas = objects.filter(o => o.kind === 'VerticalPodAutoscaler');
  return hpas.flatMap(hpa =>
    vpas
      .filter(
        vpa =>
          sameNamespace(hpa, vpa) &&
          sameTarget(hpa.spec?.scaleTargetRef, vpa.spec?.targetRef),
      )
      .map(vpa => hpaAndVpaOnCpu(hpa as HpaLike, vpa as VpaLike))
      .filter((f): f is Finding => f !== undefined),
  );
}
