import type { ObjectStore } from '../store/ObjectStore';

/**
 * Whether a service is up: 0 once its deployment (same name, any namespace)
 * has no ready replica (every pod crash-looping, or scaled to 0);
 * 1 otherwise, and for services without a deployment.
 */
export function serviceUp(store: ObjectStore, service: string): 0 | 1 {
  for (const e of store.values('deployments.apps')) {
    if (e.obj.metadata?.name === service) {
      return (e.obj.status?.readyReplicas ?? 0) > 0 ? 1 : 0;
    }
  }
  return 1;
}
