import { Finding } from '../../types';
import {
  AnyObject,
  containersOf,
  list,
  podTemplateOf,
  policiesSelecting,
  refOf,
  rulesAdmit,
} from '../objects';
import { finding, RULES } from '../rules';

const SERVING_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/**
 * METRICS_NOT_SCRAPED for long-running workloads, against the documented
 * `kubernetes-pods` job: it keeps pods annotated `prometheus.io/scrape:
 * "true"` and scrapes their declared container ports, and a NetworkPolicy
 * selecting the pods must admit the metrics port.
 */
export function checkMetrics(objects: AnyObject[]): Finding[] {
  return objects.flatMap(object => {
    const template = podTemplateOf(object);
    if (!template || !SERVING_KINDS.has(object.kind)) {
      return [];
    }
    const ref = refOf(object);
    if (template.annotations['prometheus.io/scrape'] !== 'true') {
      return [finding(RULES.METRICS_NOT_SCRAPED, ref, { cause: 'annotation' })];
    }
    const port = template.annotations['prometheus.io/port'];
    if (port === undefined) {
      return []; // every declared port is scraped
    }
    const declared = containersOf(template.spec).some(c =>
      list(c.ports).some(p => String(p?.containerPort) === port),
    );
    if (!declared) {
      return [finding(RULES.METRICS_NOT_SCRAPED, ref, { cause: 'port', port })];
    }
    const blocking = policiesSelecting(
      objects,
      object,
      template.labels,
      'Ingress',
    );
    if (
      blocking.length > 0 &&
      !blocking.some(p => rulesAdmit(p.spec?.ingress, 'TCP', Number(port)))
    ) {
      return [
        finding(RULES.METRICS_NOT_SCRAPED, ref, {
          cause: 'network-policy',
          port,
          policy: blocking.map(p => refOf(p).name).join(', '),
        }),
      ];
    }
    return [];
  });
}
