import { VerticalPodAutoscaler } from '@kubernetes-models/autoscaler/autoscaling.k8s.io/v1';
import { objectMeta, ResolvedService } from './serviceInput';

/**
 * VPA in `Auto` mode (as documented) on memory only: the HPA scales on CPU,
 * and a VPA that also sets CPU requests moves the HPA's target
 * (lint rule HPA_AND_VPA_ON_CPU).
 */
export function buildVerticalPodAutoscaler(
  service: ResolvedService,
): VerticalPodAutoscaler {
  return new VerticalPodAutoscaler({
    metadata: objectMeta(service, `${service.name}-vpa`),
    spec: {
      targetRef: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: service.name,
      },
      updatePolicy: { updateMode: 'Auto' },
      resourcePolicy: {
        containerPolicies: [
          { containerName: '*', controlledResources: ['memory'] },
        ],
      },
    },
  });
}
