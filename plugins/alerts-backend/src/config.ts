import { Config } from '@backstage/config';
import { readOptionalDurationMs } from '@fdp/platform-node';
import {
  ALERT_PRIORITIES,
  AlertPriority,
  DEFAULT_SEVERITY_PRIORITY,
} from '@fdp/plugin-alerts-common';

export interface SourceConfig {
  name: string;
  url: string;
  token?: string;
}

export interface AlertsConfig {
  prometheus: SourceConfig[];
  alertmanager: SourceConfig[];
  severityPriority: Record<string, AlertPriority>;
  timeoutMs: number;
  pollIntervalMs: number;
}

function sources(config: Config, key: string): SourceConfig[] {
  const list = (config.getOptionalConfigArray(key) ?? []).map((c, i) => {
    const url = c.getString('url');
    try {
      // eslint-disable-next-line no-new
      new URL(url);
    } catch {
      throw new Error(`Invalid ${key}[${i}].url '${url}': not a URL`);
    }
    return {
      name: c.getString('name'),
      url: url.replace(/\/+$/, ''),
      token: c.getOptionalString('token'),
    };
  });
  const names = list.map(s => s.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) {
    throw new Error(`Duplicate name '${dup}' in ${key}`);
  }
  return list;
}

/**
 * Reads `alerts.*`, failing start-up with a message naming the bad key;
 * `warn` gets the deprecation warnings of former keys.
 */
export function readAlertsConfig(
  config: Config,
  warn: (message: string) => void = () => {},
): AlertsConfig {
  const alerts = config.getOptionalConfig('alerts');
  const legacy = (key: string, unit: 'milliseconds' | 'seconds') => ({
    key,
    unit,
    section: 'alerts.',
    warn,
  });
  const mapping = config.getOptional<Record<string, string>>(
    'alerts.severityPriority',
  );
  for (const [severity, priority] of Object.entries(mapping ?? {})) {
    if (!ALERT_PRIORITIES.includes(priority as AlertPriority)) {
      throw new Error(
        `Invalid alerts.severityPriority.${severity} '${priority}': use one of ${ALERT_PRIORITIES.join(
          ', ',
        )}`,
      );
    }
  }
  return {
    prometheus: sources(config, 'alerts.prometheus'),
    alertmanager: sources(config, 'alerts.alertmanager'),
    severityPriority: {
      ...DEFAULT_SEVERITY_PRIORITY,
      ...(mapping as Record<string, AlertPriority> | undefined),
    },
    timeoutMs:
      readOptionalDurationMs(
        alerts,
        'timeout',
        legacy('timeoutMs', 'milliseconds'),
      ) ?? 5000,
    pollIntervalMs:
      readOptionalDurationMs(
        alerts,
        'pollInterval',
        legacy('pollSeconds', 'seconds'),
      ) ?? 15_000,
  };
}
