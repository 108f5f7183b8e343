import { cleanService, kindOf, podOf } from '../../testing/cleanService';
import { lintManifests } from '../lintManifests';

const messages = (objects: any[]) =>
  lintManifests(objects)
    .filter(f => f.ruleId === 'METRICS_NOT_SCRAPED')
    .map(f => f.message);

describe('METRICS_NOT_SCRAPED', () => {
  it('does not fire for a generated service', () => {
    expect(messages(cleanService())).toEqual([]);
  });

  it('fires without the scrape annotation', () => {
    const objects = cleanService();
    delete kindOf(objects, 'Deployment').spec.template.metadata.annotations;
    expect(messages(objects)).toEqual([
      'pods are not annotated prometheus.io/scrape: "true": the kubernetes-pods scrape job drops them',
    ]);
  });

  it('fires when the annotated port is not declared', () => {
    const objects = cleanService();
    delete podOf(objects).containers[0].ports;
    expect(messages(objects)).toEqual([
      'metrics port 9090 is not a declared containerPort: the kubernetes-pods scrape job scrapes declared ports only',
    ]);
  });

  it('fires when a NetworkPolicy selecting the pods admits nothing on the metrics port', () => {
    const objects = cleanService();
    kindOf(objects, 'NetworkPolicy').spec.ingress.splice(1, 1);
    expect(messages(objects)).toEqual([
      'NetworkPolicy svc-network-policy admits no ingress on the metrics port 9090: Prometheus cannot scrape the pods',
    ]);
    kindOf(objects, 'NetworkPolicy').spec.podSelector = {
      matchLabels: { app: 'other' },
    };
    expect(messages(objects)).toEqual([]);
  });
});
