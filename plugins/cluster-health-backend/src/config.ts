import { Config } from '@backstage/config';
import { readOptionalDurationMs } from '@fdp/platform-node';
import {
  DEFAULT_NODE_POOLS,
  DEFAULT_THRESHOLDS,
  NodePoolConfig,
  Thresholds,
} from '@fdp/plugin-cluster-health-common';

export interface ClusterHealthConfig {
  thresholds: Thresholds;
  nodePools: NodePoolConfig[];
  debounceMs: number;
}

/**
 * Reads `clusterHealth.*`, defaulting to the platform's documented values (DEFAULT_THRESHOLDS, DEFAULT_NODE_POOLS), and rejects
 * inconsistent values with a message naming the key (start-up fails rather
 * than evaluating against nonsense).
 */
export function readClusterHealthConfig(
  config: Config,
  warn: (message: string) => void = () => {},
): ClusterHealthConfig {
  const thresholds: Thresholds = {
    cpu: { ...DEFAULT_THRESHOLDS.cpu },
    memory: { ...DEFAULT_THRESHOLDS.memory },
    disk: { ...DEFAULT_THRESHOLDS.disk },
  };
  for (const resource of ['cpu', 'memory', 'disk'] as const) {
    const key = `clusterHealth.thresholds.${resource}`;
    const warning = config.getOptionalNumber(`${key}.warning`);
    const critical = config.getOptionalNumber(`${key}.critical`);
    if (warning !== undefined) thresholds[resource].warning = warning;
    if (critical !== undefined) thresholds[resource].critical = critical;
    const t = thresholds[resource];
    if (!(t.warning > 0 && t.warning <= t.critical && t.critical <= 100)) {
      throw new Error(
        `Invalid ${key}: need 0 < warning (${t.warning}) <= critical (${t.critical}) <= 100`,
      );
    }
  }

  const poolConfigs = config.getOptionalConfigArray('clusterHealth.nodePools');
  const nodePools = poolConfigs
    ? poolConfigs.map((p, i) => {
        const selector = p.getConfig('selector').get<Record<string, string>>();
        if (Object.keys(selector).length === 0) {
          throw new Error(
            `Invalid clusterHealth.nodePools[${i}].selector: give at least one label`,
          );
        }
        const pool: NodePoolConfig = {
          name: p.getString('name'),
          selector,
          instanceType: p.getOptionalString('instanceType'),
          minSize: p.getOptionalNumber('minSize'),
          maxSize: p.getOptionalNumber('maxSize'),
        };
        if (
          pool.minSize !== undefined &&
          pool.maxSize !== undefined &&
          pool.minSize > pool.maxSize
        ) {
          throw new Error(
            `Invalid clusterHealth.nodePools[${i}] (${pool.name}): minSize ${pool.minSize} > maxSize ${pool.maxSize}`,
          );
        }
        return pool;
      })
    : DEFAULT_NODE_POOLS;

  return {
    thresholds,
    nodePools,
    debounceMs:
      readOptionalDurationMs(
        config.getOptionalConfig('clusterHealth'),
        'debounce',
        {
          key: 'debounceMs',
          unit: 'milliseconds',
          section: 'clusterHealth.',
          warn,
        },
      ) ?? 250,
  };
}
