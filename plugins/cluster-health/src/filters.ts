import type { Entity } from '@backstage/catalog-model';

/** The annotations that tie an entity to its Kubernetes workloads, as the official Kubernetes plugin reads them. */
export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';

/**
 * Whether cluster health can be shown for an entity (it has the
 * `backstage.io/kubernetes-id` or `backstage.io/kubernetes-label-selector`
 * annotation, as the official Kubernetes tab). For legacy entity pages.
 *
 * @public
 */
export function isClusterHealthAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return Boolean(
    annotations[KUBERNETES_ID_ANNOTATION] ||
      annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION],
  );
}
