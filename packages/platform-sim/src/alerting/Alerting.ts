/** The simulated Prometheus (rules, alerts, instant queries) and Alertmanager of a simulation. */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { parsePromDuration } from './goFormat';
import type { Labels } from './matchers';
import { renderMetrics } from '../metrics/prometheus';
import type { Simulation } from '../sim/Simulation';
import { Alertmanager } from './alertmanager';
import { loadAlertmanagerConfig } from './amConfig';
import { parseExposition } from './promQuery';
import { RuleEngine } from './RuleEngine';
import { loadRules, RuleLoadResult } from './rules';
import { SimMetrics, SeriesValue } from './simMetrics';
import { NotificationDispatcher } from './dispatcher';
import { WebhookSender, WebhookTarget } from './webhookSender';

// the package runs from source (bin/platform-sim, tests), never bundled
/* eslint-disable no-restricted-syntax */
/** `<repo>/deploy/prometheus/rules`: the rule files the platform deploys. */
export const DEFAULT_RULES_DIR = path.resolve(
  __dirname,
  '../../../../deploy/prometheus/rules',
);
/** `<repo>/deploy/alertmanager/alertmanager.yml`. */
export const DEFAULT_ALERTMANAGER_CONFIG = path.resolve(
  __dirname,
  '../../../../deploy/alertmanager/alertmanager.yml',
);
/** `<repo>/deploy/prometheus/prometheus.yml` (global evaluation interval, external labels). */
export const DEFAULT_PROMETHEUS_CONFIG = path.resolve(
  __dirname,
  '../../../../deploy/prometheus/prometheus.yml',
);
/* eslint-enable no-restricted-syntax */

/** `global.evaluation_interval` and `global.external_labels` of a Prometheus configuration. */
export function readPrometheusGlobals(file: string): {
  evaluationIntervalSeconds?: number;
  externalLabels: Labels;
  message?: string;
} {
  if (!fs.existsSync(file)) return { externalLabels: {} };
  try {
    const raw: any = YAML.parse(fs.readFileSync(file, 'utf8'));
    const g = raw?.global ?? {};
    const externalLabels: Labels = {};
    for (const [k, v] of Object.entries(g.external_labels ?? {}))
      externalLabels[k] = String(v);
    return {
      evaluationIntervalSeconds: g.evaluation_interval
        ? parsePromDuration(String(g.evaluation_interval))
        : undefined,
      externalLabels,
      message: `prometheus: evaluation interval ${
        g.evaluation_interval ?? '(default)'
      }, external labels ${JSON.stringify(externalLabels)} from ${file}`,
    };
  } catch (e) {
    return {
      externalLabels: {},
      message: `prometheus: ${file}: ${(e as Error).message}; ignored`,
    };
  }
}

export interface AlertingOptions {
  /** Directory of Prometheus rule files (`*.yaml`); `false` serves no rules. */
  rulesDir?: string | false;
  /** Alertmanager configuration file; `false` (or a missing file) uses the built-in one. */
  alertmanagerConfig?: string | false;
  /**
   * Prometheus configuration whose `global.evaluation_interval` and `global.external_labels`
   * apply (default `<repo>/deploy/prometheus/prometheus.yml`; `false` or missing: 15 s, none).
   */
  prometheusConfig?: string | false;
  /** Evaluation interval of groups without their own `interval` (seconds; overrides the config). */
  evaluationIntervalSeconds?: number;
  /** Base URL for generatorURL links. */
  externalUrl?: () => string;
  /** Include per-pod work in query results (mirrors `/metrics`). */
  perPodMetrics?: boolean;
  /** Deliver the notifications of receivers with `webhook_configs` here (none without). */
  webhook?: WebhookTarget;
  /** Where delivery failures are logged (default stderr). */
  log?: (line: string) => void;
}

export class Alerting {
  readonly rules: RuleLoadResult;
  readonly metrics: SimMetrics;
  readonly engine: RuleEngine;
  readonly alertmanager: Alertmanager;
  readonly dispatcher?: NotificationDispatcher;
  private readonly sender?: WebhookSender;
  /** What was loaded from where (for the log). */
  readonly messages: string[];

  constructor(
    private readonly sim: Simulation,
    private readonly options: AlertingOptions = {},
  ) {
    const rulesDir =
      options.rulesDir === undefined ? DEFAULT_RULES_DIR : options.rulesDir;
    this.rules = rulesDir
      ? loadRules(rulesDir)
      : { dir: '', groups: [], messages: ['alert rules: disabled'] };
    const amFile =
      options.alertmanagerConfig === undefined
        ? DEFAULT_ALERTMANAGER_CONFIG
        : options.alertmanagerConfig || undefined;
    const am = loadAlertmanagerConfig(amFile);
    const promFile =
      options.prometheusConfig === undefined
        ? DEFAULT_PROMETHEUS_CONFIG
        : options.prometheusConfig;
    const prom = promFile
      ? readPrometheusGlobals(promFile)
      : { externalLabels: {}, evaluationIntervalSeconds: undefined };
    this.messages = [
      ...this.rules.messages,
      ...('message' in prom && prom.message ? [prom.message] : []),
      am.message,
    ];
    this.alertmanager = new Alertmanager(am.config, () => sim.nowMs());
    if (options.webhook) {
      const log =
        options.log ??
        ((line: string) => process.stderr.write(`platform-sim: ${line}\n`));
      this.sender = new WebhookSender(options.webhook, log);
      this.dispatcher = new NotificationDispatcher({
        alertmanager: this.alertmanager,
        config: am.config,
        nowMs: () => sim.nowMs(),
        externalUrl: options.externalUrl ?? (() => ''),
        sender: this.sender,
      });
      const receivers = this.dispatcher.receivers();
      this.messages.push(
        receivers.length
          ? `alertmanager: notifications of ${receivers.join(', ')} go to ${
              options.webhook.url
            }`
          : `alertmanager: no receiver has webhook_configs; nothing is sent to ${options.webhook.url}`,
      );
    }
    this.metrics = new SimMetrics(sim);
    this.engine = new RuleEngine({
      groups: this.rules.groups,
      metrics: this.metrics,
      elapsed: () => sim.elapsed(),
      nowMs: () => sim.nowMs(),
      defaultIntervalSeconds:
        options.evaluationIntervalSeconds ?? prom.evaluationIntervalSeconds,
      externalLabels: prom.externalLabels,
      externalUrl: options.externalUrl,
      alertmanager: this.alertmanager,
    });
    this.tick();
    sim.tickListeners.push(() => this.tick());
  }

  /** Records counters and evaluates due rule groups (runs after every simulation tick). */
  tick(): void {
    this.metrics.record();
    this.engine.tick();
    this.dispatcher?.tick();
  }

  /** Ends pending webhook retries. */
  stop(): void {
    this.sender?.stop();
  }

  /** Every series a query can select: the `/metrics` exposition plus `ALERTS*`. */
  querySeries(): SeriesValue[] {
    const text = renderMetrics({
      cluster: this.sim.scenario.cluster.name,
      store: this.sim.store,
      usage: this.sim.usage,
      traffic: this.sim.traffic,
      perPod: this.options.perPodMetrics ?? true,
    });
    return [...parseExposition(text), ...this.engine.alertSeries()];
  }
}
