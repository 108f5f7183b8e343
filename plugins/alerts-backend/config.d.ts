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
    /** Timeout of one request to a source in milliseconds. Default 5000. */
    timeoutMs?: number;
    /** Seconds between checks for changes that are announced on the `alerts` signal channel. Default 15. */
    pollSeconds?: number;
  };
}
