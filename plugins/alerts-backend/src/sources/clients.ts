import { LoggerService } from '@backstage/backend-plugin-api';
import { Matcher } from '@fdp/plugin-alerts-common';
import { SourceConfig } from '../config';
import { SourceError, SourceHttp } from './http';
import { AmAlert, AmSilence, PromAlert, PromRuleGroup } from './wire';

/** Prometheus' HTTP API v1: pending and firing alerts, rule groups. */
export class PrometheusClient {
  readonly http: SourceHttp;

  constructor(source: SourceConfig, timeoutMs: number, logger: LoggerService) {
    this.http = new SourceHttp(source, 'prometheus', timeoutMs, logger);
  }

  get source(): SourceConfig {
    return this.http.source;
  }

  async alerts(): Promise<PromAlert[]> {
    const body = await this.http.json<{ data: { alerts: PromAlert[] } }>(
      '/api/v1/alerts',
    );
    return body.data.alerts;
  }

  async ruleGroups(): Promise<PromRuleGroup[]> {
    const body = await this.http.json<{ data: { groups: PromRuleGroup[] } }>(
      '/api/v1/rules?type=alert',
    );
    return body.data.groups;
  }
}

/** Alertmanager's API v2: alerts with their routing and suppression, silences. */
export class AlertmanagerClient {
  readonly http: SourceHttp;

  constructor(source: SourceConfig, timeoutMs: number, logger: LoggerService) {
    this.http = new SourceHttp(source, 'alertmanager', timeoutMs, logger);
  }

  get source(): SourceConfig {
    return this.http.source;
  }

  alerts(): Promise<AmAlert[]> {
    return this.http.json<AmAlert[]>('/api/v2/alerts');
  }

  silences(): Promise<AmSilence[]> {
    return this.http.json<AmSilence[]>('/api/v2/silences');
  }

  async createSilence(silence: {
    matchers: Matcher[];
    startsAt: string;
    endsAt: string;
    createdBy: string;
    comment: string;
  }): Promise<string> {
    const body = await this.http.json<{ silenceID: string }>(
      '/api/v2/silences',
      { method: 'POST', body: silence },
    );
    return body.silenceID;
  }

  async silence(id: string): Promise<AmSilence> {
    return this.http.json<AmSilence>(
      `/api/v2/silence/${encodeURIComponent(id)}`,
    );
  }

  /** The silence, or undefined when Alertmanager answers 404 (unknown ID). */
  async findSilence(id: string): Promise<AmSilence | undefined> {
    try {
      return await this.silence(id);
    } catch (e) {
      if (e instanceof SourceError && e.upstreamStatus === 404)
        return undefined;
      throw e;
    }
  }

  async expireSilence(id: string): Promise<void> {
    await this.http.json<unknown>(`/api/v2/silence/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    });
  }
}
