import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** A duration's former number key, read when the duration key is absent. */
export interface DeprecatedDurationKey {
  /** e.g. `pollSeconds` */
  key: string;
  unit: 'milliseconds' | 'seconds';
  /** how the warning names the keys, e.g. `alerts.` */
  section?: string;
  warn: (message: string) => void;
}

const UNIT_MS = { milliseconds: 1, seconds: 1000 };

/**
 * Milliseconds of the optional duration at `key`, written as Backstage's own
 * plugins take durations: an object (`{ seconds: 30 }`, `{ minutes: 5 }`) or
 * a string (`30s`, `5m`, ISO 8601 `PT5M`). When it is absent, the former
 * number key (in its unit) is read with a deprecation warning.
 */
export function readOptionalDurationMs(
  config: Config | undefined,
  key: string,
  deprecated?: DeprecatedDurationKey,
): number | undefined {
  if (!config) return undefined;
  if (config.has(key)) {
    return durationToMilliseconds(readDurationFromConfig(config, { key }));
  }
  if (!deprecated) return undefined;
  const old = config.getOptionalNumber(deprecated.key);
  if (old === undefined) return undefined;
  const section = deprecated.section ?? '';
  deprecated.warn(
    `${section}${
      deprecated.key
    } is deprecated: use ${section}${key}, a duration such as { ${
      deprecated.unit
    }: ${old} } or '${old}${deprecated.unit === 'seconds' ? 's' : 'ms'}'`,
  );
  return old * UNIT_MS[deprecated.unit];
}
