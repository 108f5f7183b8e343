import { ServiceAccount } from 'kubernetes-models/v1';
import { objectMeta, ResolvedService } from './serviceInput';

/** The service's own identity; no API token mounted (the services do not call the Kubernetes API). */
export function buildServiceAccount(service: ResolvedService): ServiceAccount {
  return new ServiceAccount({
    metadata: objectMeta(service, service.name),
    automountServiceAccountToken: false,
  });
}
