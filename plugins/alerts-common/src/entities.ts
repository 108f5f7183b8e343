import { LRUCache } from 'lru-cache';
import { LabelsPredicate, compileMatchers, parseMatchers } from './matchers';

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

/** What an `fdp.io/alert-matchers` value compiles to; `false` when it does not parse. */
type CompiledAnnotation = LabelsPredicate | false;

/**
 * Compiled `fdp.io/alert-matchers` values: entity mapping runs for every
 * alert × entity on each poll, so each distinct annotation is parsed and
 * compiled once. Bounded, as annotations come from anyone who can register
 * an entity.
 */
const compiledAnnotations = new LRUCache<string, CompiledAnnotation>({
  max: 10_000,
});

function compileAnnotation(matchers: string): CompiledAnnotation {
  let compiled = compiledAnnotations.get(matchers);
  if (compiled === undefined) {
    try {
      compiled = compileMatchers(parseMatchers(matchers));
    } catch {
      compiled = false;
    }
    compiledAnnotations.set(matchers, compiled);
  }
  return compiled;
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
    const matches = compileAnnotation(matchers);
    if (!matches) {
      return false;
    }
    if (matches(alert.labels)) {
      return true;
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
