/* The JSON of Prometheus' HTTP API v1 and Alertmanager's API v2, as far as read here. */

export interface PromAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: 'firing' | 'pending' | 'inactive';
  activeAt?: string;
  value?: string;
}

export interface PromRule {
  type: 'alerting' | 'recording';
  name: string;
  query: string;
  duration?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  state?: 'inactive' | 'pending' | 'firing';
  alerts?: PromAlert[];
  health: string;
  lastError?: string;
  lastEvaluation?: string;
}

export interface PromRuleGroup {
  name: string;
  file?: string;
  rules: PromRule[];
}

export interface AmAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt?: string;
  updatedAt?: string;
  fingerprint: string;
  generatorURL?: string;
  receivers: Array<{ name: string }>;
  status: {
    state: 'active' | 'suppressed' | 'unprocessed';
    silencedBy: string[];
    inhibitedBy: string[];
  };
}

export interface AmSilence {
  id: string;
  matchers: Array<{
    name: string;
    value: string;
    isRegex: boolean;
    isEqual?: boolean;
  }>;
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
  updatedAt?: string;
  status: { state: 'active' | 'pending' | 'expired' };
}
