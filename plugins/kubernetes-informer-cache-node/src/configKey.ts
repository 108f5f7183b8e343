import { Config, ConfigReader } from '@backstage/config';

/** The cache's config key. */
export const CONFIG_KEY = 'kubernetesInformerCache';
/** Its name before 2026-11-30, still read (with a warning) when the new one is absent. */
export const DEPRECATED_CONFIG_KEY = 'kubernetesNodeCache';

const warned = new WeakSet<Config>();

/**
 * The cache's own config block: `kubernetesInformerCache`, or the deprecated
 * `kubernetesNodeCache` when only that one is set (warned once per config).
 * Both set: the new key wins and the old one is reported as ignored.
 */
export function informerCacheConfig(
  config: Config,
  warn: (message: string) => void = m => process.emitWarning(m),
): Config {
  const current = config.getOptionalConfig(CONFIG_KEY);
  const deprecated = config.getOptionalConfig(DEPRECATED_CONFIG_KEY);
  if (deprecated && !warned.has(config)) {
    warned.add(config);
    warn(
      current
        ? `${DEPRECATED_CONFIG_KEY} is ignored: ${CONFIG_KEY} is set (the old key is deprecated)`
        : `${DEPRECATED_CONFIG_KEY} is deprecated: rename it to ${CONFIG_KEY}`,
    );
  }
  return current ?? deprecated ?? new ConfigReader({});
}
