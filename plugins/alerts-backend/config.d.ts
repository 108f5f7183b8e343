import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Alerts from Prometheus and Alertmanager (plugin `alerts`). */
  alerts?: {
    /** Prometheus instances: rules and pending/firing alerts. */
    prometheus?: Array<{
      /** name used by `prometheus.io/service-name` and in error messages */
      name: string;
      /** base URL, e.g. http://prometheus:9090 */
      url: string;
      /**
       * Bearer token for the instance, if it needs one.
       * @visibility secret
       */
      token?: string;
    }>;
    /** Alertmanager instances: alerts with silenced/inhibited state, silences, receivers. */
    alertmanager?: Array<{
      name: string;
      url: string;
      /** @visibility secret */
      token?: string;
    }>;
    /** severity label value → priority, when an alert has no priority label. Default critical→high, warning→medium, info→low. */
    severityPriority?: {
      [severity: string]: 'high' | 'medium' | 'low' | 'none';
    };
    /**
     * Timeout of one request to a source, e.g. `{ seconds: 5 }` or `5s`.
     * Default 5 seconds.
     */
    timeout?: HumanDuration | string;
    /**
     * Time between checks for changes that are announced on the `alerts`
     * signal channel, e.g. `{ seconds: 15 }` or `15s`. Default 15 seconds.
     */
    pollInterval?: HumanDuration | string;
    /** @deprecated use `timeout`; milliseconds, still read (with a warning) when `timeout` is absent */
    timeoutMs?: number;
    /** @deprecated use `pollInterval`; seconds, still read (with a warning) when `pollInterval` is absent */
    pollSeconds?: number;
  };
}
