import type { Entity } from '@backstage/catalog-model';

/** The annotation that ties an entity to its Kubernetes workloads. */
export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';

/** Entity filter of the new frontend system: has a kubernetes-id. */
export const hasKubernetesIdFilter = {
  [`metadata.annotations.${KUBERNETES_ID_ANNOTATION}`]: { $exists: true },
};

/**
 * Whether cluster health can be shown for an entity (it has the
 * `backstage.io/kubernetes-id` annotation). For legacy entity pages.
 *
 * @public
 */
export function isClusterHealthAvailable(entity: Entity): boolean {
  return Boolean(entity.metadata.annotations?.[KUBERNETES_ID_ANNOTATION]);
}
