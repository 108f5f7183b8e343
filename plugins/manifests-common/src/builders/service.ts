import { Service } from 'kubernetes-models/v1';
import { HTTP_PORT, METRICS_PORT } from '../layers';
import { objectMeta, ResolvedService } from './serviceInput';

/** ClusterIP Service: HTTP on 8080 and metrics on 9090 (the documented `trading-api:9090` scrape target). */
export function buildService(service: ResolvedService): Service {
  return new Service({
    metadata: objectMeta(service, service.name),
    spec: {
      type: 'ClusterIP',
      selector: service.selector,
      ports: [
        {
          name: 'http',
          port: HTTP_PORT,
          targetPort: HTTP_PORT,
          protocol: 'TCP',
        },
        {
          name: 'metrics',
          port: METRICS_PORT,
          targetPort: METRICS_PORT,
          protocol: 'TCP',
        },
      ],
    },
  });
}
