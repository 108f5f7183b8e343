/** `kubernetesInformerCache.diskUsage`: where node disk usage comes from. */
import { Config } from '@backstage/config';
import { DEFAULT_NODE_LABELS } from './prometheusDisk';
import { informerCacheConfig } from '../configKey';

export type DiskUsageSettings =
  | { source: 'none' }
  | { source: 'kubeletStats' }
  | {
      source: 'prometheus';
      url: string;
      /** labels naming a series' node, first present wins */
      nodeLabels: string[];
      /** label whose value is the cluster's name, when Prometheus holds several */
      clusterLabel?: string;
    };

const SOURCES = ['prometheus', 'kubeletStats', 'none'];

/**
 * Prometheus when `diskUsage.prometheus.url` is set, otherwise none; the
 * kubelet stats summary only when `source: kubeletStats` says so, because it
 * needs `get nodes/proxy`, which also allows exec into every pod.
 */
export function readDiskUsage(config: Config): DiskUsageSettings {
  const c = informerCacheConfig(config).getOptionalConfig('diskUsage');
  const url = c?.getOptionalString('prometheus.url');
  const source =
    c?.getOptionalString('source') ?? (url ? 'prometheus' : 'none');
  if (!SOURCES.includes(source)) {
    throw new Error(
      `kubernetesInformerCache.diskUsage.source must be one of ${SOURCES.join(
        ', ',
      )}, not '${source}'`,
    );
  }
  if (source === 'prometheus') {
    if (!url) {
      throw new Error(
        "kubernetesInformerCache.diskUsage.source 'prometheus' needs diskUsage.prometheus.url",
      );
    }
    const nodeLabel = c?.getOptionalString('prometheus.nodeLabel');
    const clusterLabel = c?.getOptionalString('prometheus.clusterLabel');
    return {
      source,
      url,
      nodeLabels: nodeLabel ? [nodeLabel] : DEFAULT_NODE_LABELS,
      ...(clusterLabel && { clusterLabel }),
    };
  }
  return { source: source as 'kubeletStats' | 'none' };
}
