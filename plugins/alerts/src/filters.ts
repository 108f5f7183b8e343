import type { Entity } from '@backstage/catalog-model';
import { ALERT_ANNOTATIONS } from '@fdp/plugin-alerts-common';

/**
 * Whether alerts can be shown for an entity (it has `prometheus.io/alert`,
 * `prometheus.io/labels` or `fdp.io/alert-matchers`). For legacy entity pages.
 *
 * @public
 */
export function isAlertsAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return ALERT_ANNOTATIONS.some(annotation => Boolean(annotations[annotation]));
}
