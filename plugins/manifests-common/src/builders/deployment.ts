import { Deployment } from 'kubernetes-models/apps/v1';
import { HTTP_PORT, METRICS_PORT } from '../layers';
import { GPU_RESOURCE, GPU_TOLERATION } from '../pools';
import { objectMeta, ResolvedService } from './serviceInput';

/** Health endpoints of the service skeletons. */
export const READINESS_PATH = '/readyz';
export const LIVENESS_PATH = '/healthz';
/** Non-root user the pods run as (the skeletons' images use this uid). */
export const RUN_AS_USER = 10001;

/**
 * The service's Deployment on its layer's pool. Only the metrics port is
 * declared: the documented `kubernetes-pods` scrape job keeps annotated pods
 * and scrapes every declared container port, so a declared 8080 would be
 * scraped too and fail.
 */
export function buildDeployment(service: ResolvedService): Deployment {
  const { resources } = service.defaults;
  const gpu = Object.keys(resources.limits).includes(GPU_RESOURCE);
  return new Deployment({
    metadata: objectMeta(service, service.name),
    spec: {
      replicas: service.replicas,
      selector: { matchLabels: service.selector },
      template: {
        metadata: {
          labels: service.podLabels,
          annotations: {
            'prometheus.io/scrape': 'true',
            'prometheus.io/port': String(METRICS_PORT),
            'prometheus.io/path': '/metrics',
          },
        },
        spec: {
          serviceAccountName: service.name,
          securityContext: { runAsNonRoot: true, runAsUser: RUN_AS_USER },
          nodeSelector: { ...service.pool.selector },
          ...(gpu ? { tolerations: [{ ...GPU_TOLERATION }] } : {}),
          containers: [
            {
              name: service.name,
              image: service.image,
              ports: [
                {
                  name: 'metrics',
                  containerPort: METRICS_PORT,
                  protocol: 'TCP',
                },
              ],
              resources: {
                requests: { ...resources.requests },
                limits: { ...resources.limits },
              },
              readinessProbe: {
                httpGet: { path: READINESS_PATH, port: HTTP_PORT },
                periodSeconds: 10,
              },
              livenessProbe: {
                httpGet: { path: LIVENESS_PATH, port: HTTP_PORT },
                initialDelaySeconds: 10,
                periodSeconds: 20,
              },
            },
          ],
        },
      },
    },
  });
}
