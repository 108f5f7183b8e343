import { Matcher } from '@fdp/plugin-alerts-common';
import { SourceConfig } from '../config';
import { requestJson } from './http';
import { AmAlert, AmSilence, PromAlert, PromRuleGroup } from './wire';

/** Prometheus' HTTP API v1: pending and firing alerts, rule groups. */
export class PrometheusClient {
  constructor(
    readonly source: SourceConfig,
    private readonly timeoutMs: number,
  ) {}

  async alerts(): Promise<PromAlert[]> {
    const body = await requestJson<{ data: { alerts: PromAlert[] } }>(
      this.source,
      'prometheus',
      '/api/v1/alerts',
      { timeoutMs: this.timeoutMs },
    );
    return body.data.alerts;
  }

  async ruleGroups(): Promise<PromRuleGroup[]> {
    const body = await requestJson<{ data: { groups: PromRuleGroup[] } }>(
      this.source,
      'prometheus',
      '/api/v1/rules?type=alert',
      { timeoutMs: this.timeoutMs },
    );
    return body.data.groups;
  }
}

/** Alertmanager's API v2: alerts with their routing and suppression, silences. */
export class AlertmanagerClient {
  constructor(
    readonly source: SourceConfig,
    private readonly timeoutMs: number,
  ) {}

  alerts(): Promise<AmAlert[]> {
    return requestJson<AmAlert[]>(
      this.source,
      'alertmanager',
      '/api/v2/alerts',
      {
        timeoutMs: this.timeoutMs,
      },
    );
  }

  silences(): Promise<AmSilence[]> {
    return requestJson<AmSilence[]>(
      this.source,
      'alertmanager',
      '/api/v2/silences',
      { timeoutMs: this.timeoutMs },
    );
  }

  async createSilence(silence: {
    matchers: Matcher[];
    startsAt: string;
    endsAt: string;
    createdBy: string;
    comment: string;
  }): Promise<string> {
    const body = await requestJson<{ silenceID: string }>(
      this.source,
      'alertmanager',
      '/api/v2/silences',
      { timeoutMs: this.timeoutMs, method: 'POST', body: silence },
    );
    return body.silenceID;
  }

  async silence(id: string): Promise<AmSilence> {
    return requestJson<AmSilence>(
      this.source,
      'alertmanager',
      `/api/v2/silence/${encodeURIComponent(id)}`,
      { timeoutMs: this.timeoutMs },
    );
  }

  async expireSilence(id: string): Promise<void> {
    await requestJson<unknown>(
      this.source,
      'alertmanager',
      `/api/v2/silence/${encodeURIComponent(id)}`,
      { timeoutMs: this.timeoutMs, method: 'DELETE' },
    );
  }
}
