import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { HPA_CPU_UTILIZATION } from '../layers';
import { objectMeta, ResolvedService } from './serviceInput';

/**
 * autoscaling/v2 HPA on CPU at 70 %, from the service's replicas up to the
 * pool's maximum size (trading-api: 3..10 on general, as documented).
 */
export function buildHorizontalPodAutoscaler(
  service: ResolvedService,
): HorizontalPodAutoscaler {
  return new HorizontalPodAutoscaler({
    metadata: objectMeta(service, `${service.name}-hpa`),
    spec: {
      scaleTargetRef: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: service.name,
      },
      minReplicas: service.replicas,
      maxReplicas: service.pool.maxSize ?? service.replicas,
      metrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            target: {
              type: 'Utilization',
              averageUtilization: HPA_CPU_UTILIZATION,
            },
          },
        },
      ],
    },
  });
}
