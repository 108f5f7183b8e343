import { InputError } from '@backstage/errors';
import { KubeObject } from '../types';
import { validateObject } from '../validate/validateObject';
import { buildDeployment } from './deployment';
import { buildHorizontalPodAutoscaler } from './horizontalPodAutoscaler';
import { buildNetworkPolicy } from './networkPolicy';
import { buildPodDisruptionBudget } from './podDisruptionBudget';
import { buildService } from './service';
import { buildServiceAccount } from './serviceAccount';
import { resolveService, ServiceOptions } from './serviceInput';
import { buildVerticalPodAutoscaler } from './verticalPodAutoscaler';

/**
 * Every manifest of a service of a layer (`k8s/`), as plain JSON, each
 * validated: ServiceAccount, Deployment, Service, HPA, VPA, NetworkPolicy,
 * PodDisruptionBudget. Bad options are an InputError naming the field.
 */
export function renderService(options: ServiceOptions): KubeObject[] {
  const service = resolveService(options);
  const objects = [
    buildServiceAccount(service),
    buildDeployment(service),
    buildService(service),
    buildHorizontalPodAutoscaler(service),
    buildVerticalPodAutoscaler(service),
    buildNetworkPolicy(service),
    buildPodDisruptionBudget(service),
  ].map(model => JSON.parse(JSON.stringify(model)) as KubeObject);
  for (const object of objects) {
    const problems = validateObject(object) ?? [];
    if (problems.length > 0) {
      // the options are template input: a value the schemas refuse is the caller's to fix
      throw new InputError(
        `${object.kind} ${object.metadata.name}: ${problems
          .map(p => p.message)
          .join('; ')}`,
      );
    }
  }
  return objects;
}
