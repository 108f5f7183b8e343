import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** The `entityRef` query parameter as a full ref (kind required), or a 400. */
export function parseEntityRefParam(value: unknown): CompoundEntityRef {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(
      "Query parameter 'entityRef' is required, e.g. component:default/trading-api",
    );
  }
  try {
    return parseEntityRef(value, { defaultNamespace: 'default' });
  } catch (error) {
    throw new InputError(
      `Invalid entityRef '${value}': ${(error as Error).message}`,
    );
  }
}

/**
 * The label selector of an entity's Kubernetes objects, as the official
 * plugin derives it: `backstage.io/kubernetes-label-selector` (equality
 * terms only) or `backstage.io/kubernetes-id`.
 */
export function entityLabelSelector(
  annotations: Record<string, string> | undefined,
): Record<string, string> | undefined {
  const raw = annotations?.['backstage.io/kubernetes-label-selector'];
  if (raw) {
    const selector: Record<string, string> = {};
    for (const term of raw
      .split(',')
      .map(t => t.trim())
      .filter(Boolean)) {
      const m = /^([\w./-]+)\s*==?\s*([\w.-]*)$/.exec(term);
      if (!m) {
        throw new InputError(
          `Unsupported term '${term}' in backstage.io/kubernetes-label-selector: only key=value terms are supported`,
        );
      }
      selector[m[1]] = m[2];
    }
    return selector;
  }
  const id = annotations?.['backstage.io/kubernetes-id'];
  return id ? { 'backstage.io/kubernetes-id': id } : undefined;
}
