import { ConfigReader } from '@backstage/config';
import { readDiskUsage } from './diskUsageConfig';

const read = (diskUsage?: object) =>
  readDiskUsage(new ConfigReader({ kubernetesInformerCache: { diskUsage } }));

describe('readDiskUsage', () => {
  it('reads nothing from the kubelet unless asked to', () => {
    expect(readDiskUsage(new ConfigReader({}))).toEqual({ source: 'none' });
    expect(read({ source: 'kubeletStats' })).toEqual({
      source: 'kubeletStats',
    });
  });

  it('uses Prometheus when its URL is set', () => {
    expect(read({ prometheus: { url: 'http://prom:9090' } })).toEqual({
      source: 'prometheus',
      url: 'http://prom:9090',
      nodeLabels: ['node', 'kubernetes_node', 'instance'],
    });
    expect(
      read({
        prometheus: {
          url: 'http://prom:9090',
          nodeLabel: 'kubernetes_node',
          clusterLabel: 'cluster',
        },
      }),
    ).toEqual({
      source: 'prometheus',
      url: 'http://prom:9090',
      nodeLabels: ['kubernetes_node'],
      clusterLabel: 'cluster',
    });
    // an explicit source wins over a configured URL
    expect(
      read({ source: 'none', prometheus: { url: 'http://prom:9090' } }),
    ).toEqual({ source: 'none' });
  });

  it('refuses an unknown source and Prometheus without a URL', () => {
    expect(() => read({ source: 'kubelet' })).toThrow(
      "must be one of prometheus, kubeletStats, none, not 'kubelet'",
    );
    expect(() => read({ source: 'prometheus' })).toThrow(
      'needs diskUsage.prometheus.url',
    );
  });
});
