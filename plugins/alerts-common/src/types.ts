/** Portal priority of an alert (from its `priority` label, else its severity). */
export type AlertPriority = 'high' | 'medium' | 'low' | 'none';

/** Where an alert is: firing, pending (Prometheus `for`), or suppressed by Alertmanager. */
export type AlertState = 'firing' | 'pending' | 'silenced' | 'inhibited';

/** One alert, normalised across Prometheus and Alertmanager instances. */
export interface NormalizedAlert {
  /** Alertmanager fingerprint, or a stable hash of the labels for Prometheus-only alerts */
  fingerprint: string;
  /** the alertname label */
  name: string;
  priority: AlertPriority;
  /** the raw severity label, when present */
  severity?: string;
  state: AlertState;
  /** ISO time the alert became active */
  startsAt: string;
  summary?: string;
  description?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Alertmanager receivers the alert is routed to */
  receivers: string[];
  /** catalog entities the alert belongs to (by their annotations) */
  entityRefs: string[];
  /** ids of the silences that suppress it */
  silencedBy: string[];
  /** fingerprints of the alerts that inhibit it */
  inhibitedBy: string[];
  /** the configured source instance(s) the alert was read from */
  sources: string[];
  /** link to the expression in Prometheus, when known */
  generatorURL?: string;
}

/** A source that could not be read, so the UI can say what is missing. */
export interface SourceError {
  source: string;
  kind: 'prometheus' | 'alertmanager';
  /**
   * e.g. `Alertmanager 'default' is unreachable`: names the source only (the
   * backend logs its URL, the network error and the answer's body)
   */
  message: string;
}

/** GET /alerts */
export interface AlertsResponse {
  alerts: NormalizedAlert[];
  /** counts by priority of the returned alerts */
  counts: Record<AlertPriority, number>;
  errors: SourceError[];
}

/** One alerting rule (GET /rules). */
export interface AlertRule {
  source: string;
  group: string;
  file?: string;
  name: string;
  query: string;
  /** `for` in seconds */
  duration: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  priority: AlertPriority;
  state: 'inactive' | 'pending' | 'firing';
  health: string;
  lastError?: string;
  lastEvaluation?: string;
  /** number of active alerts of this rule */
  activeAlerts: number;
}

export interface RulesResponse {
  rules: AlertRule[];
  errors: SourceError[];
}

/** An Alertmanager matcher: name, operator, value. */
export interface Matcher {
  name: string;
  value: string;
  isRegex: boolean;
  isEqual: boolean;
}

/** A silence (GET /silences). */
export interface Silence {
  id: string;
  /** the Alertmanager instance that holds it */
  source: string;
  matchers: Matcher[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
  state: 'active' | 'pending' | 'expired';
  updatedAt?: string;
}

export interface SilencesResponse {
  silences: Silence[];
  errors: SourceError[];
}

/**
 * POST /silences body. `matchers` in Alertmanager syntax
 * (`alertname="NodeCpuUsageHigh",node=~"general-.*"`) or as a list;
 * `duration` like `2h`, `30m`, `1d`; `source` picks the Alertmanager when
 * several are configured.
 */
export interface CreateSilenceRequest {
  matchers: string | Matcher[];
  duration: string;
  comment: string;
  source?: string;
  /** start later than now (ISO time) */
  startsAt?: string;
}

/** Payload of the `alerts` signal channel. */
export interface AlertsSignal {
  type: 'alerts-changed';
  /** fingerprints that appeared, changed state, or went away */
  changed: number;
}
