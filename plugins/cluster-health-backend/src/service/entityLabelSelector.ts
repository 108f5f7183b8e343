import { InputError } from '@backstage/errors';
import { parseLabelSelector } from '@fdp/plugin-kubernetes-informer-cache-node';

/**
 * The label selector of an entity's Kubernetes objects, as the official
 * plugin derives it: `backstage.io/kubernetes-label-selector` (any selector
 * the API server accepts) or `backstage.io/kubernetes-id`. A selector that
 * does not parse is the entity's error: a 400 naming it.
 */
export function entityLabelSelector(
  annotations: Record<string, string> | undefined,
): string | undefined {
  const raw = annotations?.['backstage.io/kubernetes-label-selector']?.trim();
  const id = annotations?.['backstage.io/kubernetes-id'];
  const [annotation, selector] = raw
    ? ['backstage.io/kubernetes-label-selector', raw]
    : ['backstage.io/kubernetes-id', id && `backstage.io/kubernetes-id=${id}`];
  if (!selector) return undefined;
  try {
    parseLabelSelector(selector);
  } catch (error) {
    throw new InputError(
      `Invalid ${annotation} of the entity: ${(error as Error).message}`,
    );
  }
  return selector;
}
