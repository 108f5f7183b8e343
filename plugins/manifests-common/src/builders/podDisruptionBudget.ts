import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { objectMeta, ResolvedService } from './serviceInput';

/** At most one pod of the service evicted at a time (node drains, pool scale-down). */
export function buildPodDisruptionBudget(
  service: ResolvedService,
): PodDisruptionBudget {
  return new PodDisruptionBudget({
    metadata: objectMeta(service, `${service.name}-pdb`),
    spec: {
      maxUnavailable: 1,
      selector: { matchLabels: service.selector },
    },
  });
}
