import { matchesAll, parseMatchers } from './matchers';

/** Annotations that tie alerts to an entity. */
export const ANNOTATION_ALERT = 'prometheus.io/alert';
export const ANNOTATION_LABELS = 'prometheus.io/labels';
export const ANNOTATION_SERVICE_NAME = 'prometheus.io/service-name';
export const ANNOTATION_ALERT_MATCHERS = 'fdp.io/alert-matchers';

export const ALERT_ANNOTATIONS = [
  ANNOTATION_ALERT,
  ANNOTATION_LABELS,
  ANNOTATION_ALERT_MATCHERS,
];

/** What entity mapping needs of an alert. */
export interface AlertIdentity {
  name: string;
  labels: Record<string, string>;
  /** the configured instances it was read from */
  sources: readonly string[];
}

function parseLabels(value: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of value.split(',')) {
    const [k, ...rest] = pair.split('=');
    if (k?.trim() && rest.length > 0) {
      labels[k.trim()] = rest.join('=').trim().replace(/^"|"$/g, '');
    }
  }
  return labels;
}

/**
 * Whether an alert belongs to an entity, compatible with Roadie's Prometheus
 * plugin: `prometheus.io/alert` (alert names, comma separated, or `all`)
 * narrowed by `prometheus.io/labels` (`k=v,k2=v2`), and
 * `prometheus.io/service-name` picking one configured instance; plus
 * `fdp.io/alert-matchers` in Alertmanager matcher syntax. An entity whose
 * annotations do not parse matches nothing (it never matches everything).
 */
export function entityMatchesAlert(
  annotations: Record<string, string> | undefined,
  alert: AlertIdentity,
): boolean {
  const a = annotations ?? {};
  const serviceName = a[ANNOTATION_SERVICE_NAME];
  if (serviceName && !alert.sources.includes(serviceName)) {
    return false;
  }
  const matchers = a[ANNOTATION_ALERT_MATCHERS];
  if (matchers) {
    try {
      if (matchesAll(alert.labels, parseMatchers(matchers))) {
        return true;
      }
    } catch {
      return false;
    }
  }
  const names = a[ANNOTATION_ALERT];
  const labels = a[ANNOTATION_LABELS];
  if (!names && !labels) {
    return false;
  }
  if (names) {
    const list = names.split(',').map(n => n.trim());
    if (!list.includes('all') && !list.includes(alert.name)) {
      return false;
    }
  }
  if (labels) {
    const wanted = parseLabels(labels);
    if (Object.keys(wanted).length === 0) {
      return false;
    }
    return Object.entries(wanted).every(([k, v]) => alert.labels[k] === v);
  }
  return true;
}
