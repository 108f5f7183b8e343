/**
 * Evaluates the loaded alert rules on the scenario clock with Prometheus semantics:
 * a series meeting the threshold becomes `pending` (activeAt), `firing` once it has held for
 * the rule's `for`, and is resolved when it no longer does. Firing and just-resolved alerts are
 * sent to the {@link Alertmanager} the way Prometheus' notifier does (startsAt = fired time,
 * endsAt = now + 4 × max(interval, resend delay), or the resolved time).
 */
import { performance } from 'node:perf_hooks';
import type { Alertmanager, PostableAlert } from './alertmanager';
import { fingerprint, sortLabels } from './fingerprint';
import { formatFloatE, goQueryEscape, isoMs } from './goFormat';
import type { Labels } from './matchers';
import { LoadedGroup, LoadedRule, meetsThreshold } from './rules';
import type { SeriesValue, SimMetrics } from './simMetrics';
import { expandTemplate } from './template';

const ZERO_TIME = '0001-01-01T00:00:00Z';
/** Prometheus keeps resolved alerts this long to keep notifying Alertmanager. */
const RESOLVED_RETENTION_MS = 15 * 60 * 1000;

export interface RuleAlert {
  labels: Labels;
  annotations: Labels;
  state: 'pending' | 'firing';
  activeAt: string;
  value: string;
}

interface AlertInstance {
  labels: Labels;
  seriesLabels: Labels;
  state: 'pending' | 'firing' | 'inactive';
  activeAt: number;
  firedAt?: number;
  resolvedAt?: number;
  lastSentAt?: number;
  value: number;
}

interface RuleState {
  rule: LoadedRule;
  alerts: Map<string, AlertInstance>;
  /** Series key → alert labels and fingerprint (when rule labels have no templates). */
  labelCache: Map<string, { labels: Labels; fp: string }>;
  lastEvaluation?: number;
  evaluationTime: number;
}

interface GroupState {
  group: LoadedGroup;
  intervalSeconds: number;
  rules: RuleState[];
  nextEvalAt: number;
  lastEvaluation?: number;
  evaluationTime: number;
}

export interface RuleEngineOptions {
  groups: LoadedGroup[];
  metrics: SimMetrics;
  /** Scenario seconds since start. */
  elapsed: () => number;
  /** Scenario time in epoch ms. */
  nowMs: () => number;
  /** Interval of groups without their own (seconds, default 15). */
  defaultIntervalSeconds?: number;
  /** Added to alerts sent to Alertmanager; `$externalLabels` in templates. */
  externalLabels?: Labels;
  /** Base of generatorURL (`<url>/graph?g0.expr=…`). */
  externalUrl?: () => string;
  alertmanager?: Alertmanager;
  /** Seconds between re-sending firing alerts (Prometheus default 60). */
  resendDelaySeconds?: number;
}

export class RuleEngine {
  private readonly groups: GroupState[];
  private readonly resendDelayMs: number;

  constructor(private readonly options: RuleEngineOptions) {
    const def = options.defaultIntervalSeconds ?? 15;
    this.resendDelayMs = (options.resendDelaySeconds ?? 60) * 1000;
    this.groups = options.groups.map(g => ({
      group: g,
      intervalSeconds: g.intervalSeconds || def,
      rules: g.rules.map(rule => ({
        rule,
        alerts: new Map(),
        labelCache: new Map(),
        evaluationTime: 0,
      })),
      nextEvalAt: options.elapsed(),
      evaluationTime: 0,
    }));
  }

  /** Evaluates every group that is due at the current scenario time. */
  tick(): void {
    const t = this.options.elapsed();
    for (const g of this.groups) {
      if (g.nextEvalAt > t + 1e-9) continue;
      this.evaluateGroup(g);
      while (g.nextEvalAt <= t + 1e-9) g.nextEvalAt += g.intervalSeconds;
    }
  }

  private seriesFor(rule: LoadedRule): SeriesValue[] {
    const src = rule.source!;
    const m = this.options.metrics;
    return src.kind === 'node'
      ? m.nodeSeries(src.metric)
      : m.serviceSeries(src.metric, rule.windowSeconds, rule.byLabels);
  }

  private evaluateGroup(g: GroupState): void {
    const start = performance.now();
    const now = this.options.nowMs();
    const toSend: PostableAlert[] = [];
    for (const rs of g.rules) {
      const rule = rs.rule;
      if (rule.type !== 'alerting' || !rule.source || !rule.threshold) continue;
      const t0 = performance.now();
      const seen = new Set<string>();
      for (const s of this.seriesFor(rule)) {
        if (!meetsThreshold(rule.threshold, s.value)) continue;
        const data = {
          labels: s.labels,
          value: s.value,
          externalLabels: this.options.externalLabels,
        };
        const templated = Object.values(rule.labels).some(v =>
          v.includes('{{'),
        );
        const key = s.key ?? Object.entries(s.labels).flat().join('\xff');
        let cached = templated ? undefined : rs.labelCache.get(key);
        if (!cached) {
          const ruleLabels: Labels = {};
          for (const [k, v] of Object.entries(rule.labels))
            ruleLabels[k] = expandTemplate(v, data);
          const labels = sortLabels({
            ...s.labels,
            ...ruleLabels,
            alertname: rule.name,
          });
          cached = { labels, fp: fingerprint(labels) };
          if (!templated) rs.labelCache.set(key, cached);
        }
        const { labels, fp } = cached;
        seen.add(fp);
        const existing = rs.alerts.get(fp);
        if (existing && existing.state !== 'inactive') {
          existing.value = s.value;
          existing.seriesLabels = s.labels;
        } else {
          rs.alerts.set(fp, {
            labels,
            seriesLabels: s.labels,
            state: 'pending',
            activeAt: now,
            value: s.value,
          });
        }
      }
      for (const [fp, a] of rs.alerts) {
        if (!seen.has(fp)) {
          if (a.state === 'pending') rs.alerts.delete(fp);
          else if (a.state === 'firing') {
            a.state = 'inactive';
            a.resolvedAt = now;
          } else if (
            a.resolvedAt !== undefined &&
            now - a.resolvedAt > RESOLVED_RETENTION_MS
          )
            rs.alerts.delete(fp);
          continue;
        }
        if (
          a.state === 'pending' &&
          now - a.activeAt >= rule.forSeconds * 1000
        ) {
          a.state = 'firing';
          a.firedAt = now;
        }
      }
      // notify Alertmanager
      const validFor =
        4 * Math.max(g.intervalSeconds * 1000, this.resendDelayMs);
      for (const a of rs.alerts.values()) {
        if (a.state === 'pending') continue;
        const resolved = a.state === 'inactive';
        const due = resolved
          ? a.lastSentAt === undefined || a.lastSentAt < a.resolvedAt!
          : a.lastSentAt === undefined ||
            a.lastSentAt < a.firedAt! ||
            now - a.lastSentAt >= this.resendDelayMs;
        if (!due) continue;
        a.lastSentAt = now;
        toSend.push({
          labels: { ...this.options.externalLabels, ...a.labels },
          annotations: this.annotations(rule, a),
          startsAt: isoMs(a.firedAt ?? a.activeAt),
          endsAt: isoMs(resolved ? a.resolvedAt! : now + validFor),
          generatorURL: this.generatorUrl(rule),
        });
      }
      rs.lastEvaluation = now;
      rs.evaluationTime = (performance.now() - t0) / 1000;
    }
    g.lastEvaluation = now;
    g.evaluationTime = (performance.now() - start) / 1000;
    if (toSend.length && this.options.alertmanager)
      this.options.alertmanager.receive(toSend);
  }

  /** Annotations expanded with the alert's series labels and latest value (as at its last evaluation). */
  private annotations(rule: LoadedRule, a: AlertInstance): Labels {
    const data = {
      labels: a.seriesLabels,
      value: a.value,
      externalLabels: this.options.externalLabels,
    };
    const out: Labels = {};
    for (const k of Object.keys(rule.annotations).sort())
      out[k] = expandTemplate(rule.annotations[k], data);
    return out;
  }

  private generatorUrl(rule: LoadedRule): string {
    const base = this.options.externalUrl?.() ?? '';
    return `${base}/graph?g0.expr=${goQueryEscape(rule.query)}&g0.tab=1`;
  }

  private ruleAlerts(rs: RuleState): RuleAlert[] {
    return [...rs.alerts.values()]
      .filter(a => a.state !== 'inactive')
      .sort((a, b) => compareLabels(a.labels, b.labels))
      .map(a => ({
        labels: a.labels,
        annotations: this.annotations(rs.rule, a),
        state: a.state as 'pending' | 'firing',
        activeAt: isoMs(a.activeAt),
        value: formatFloatE(a.value),
      }));
  }

  /** `GET /api/v1/alerts` data: pending and firing alerts. */
  alerts(): RuleAlert[] {
    return this.groups.flatMap(g => g.rules.flatMap(rs => this.ruleAlerts(rs)));
  }

  /** `GET /api/v1/rules` data (`type` = `alert` or `record` filters rules). */
  rules(type?: 'alert' | 'record'): { groups: unknown[] } {
    const groups = [...this.groups]
      .sort((a, b) =>
        a.group.file === b.group.file
          ? cmp(a.group.name, b.group.name)
          : cmp(a.group.file, b.group.file),
      )
      .map(g => ({
        name: g.group.name,
        file: g.group.file,
        rules: g.rules
          .filter(
            rs => !type || (type === 'alert') === (rs.rule.type === 'alerting'),
          )
          .map(rs => this.ruleJson(rs)),
        interval: g.intervalSeconds,
        limit: g.group.limit,
        evaluationTime: g.evaluationTime,
        lastEvaluation:
          g.lastEvaluation === undefined ? ZERO_TIME : isoMs(g.lastEvaluation),
      }));
    return { groups };
  }

  private ruleJson(rs: RuleState): unknown {
    const r = rs.rule;
    const evaluated = Boolean(r.source && r.threshold);
    const health =
      evaluated && rs.lastEvaluation !== undefined ? 'ok' : 'unknown';
    const lastEvaluation =
      evaluated && rs.lastEvaluation !== undefined
        ? isoMs(rs.lastEvaluation)
        : ZERO_TIME;
    if (r.type === 'recording') {
      return {
        name: r.name,
        query: r.query,
        ...(Object.keys(r.labels).length
          ? { labels: sortLabels(r.labels) }
          : {}),
        health,
        evaluationTime: 0,
        lastEvaluation,
        type: 'recording',
      };
    }
    const alerts = this.ruleAlerts(rs);
    // eslint-disable-next-line no-nested-ternary
    const state = alerts.some(a => a.state === 'firing')
      ? 'firing'
      : alerts.length
      ? 'pending'
      : 'inactive';
    return {
      state,
      name: r.name,
      query: r.query,
      duration: r.forSeconds,
      keepFiringFor: r.keepFiringForSeconds,
      labels: sortLabels(r.labels),
      annotations: sortLabels(r.annotations),
      alerts,
      health,
      evaluationTime: evaluated ? rs.evaluationTime : 0,
      lastEvaluation,
      type: 'alerting',
    };
  }

  /** `ALERTS` and `ALERTS_FOR_STATE` series, as Prometheus writes them. */
  alertSeries(): SeriesValue[] {
    const out: SeriesValue[] = [];
    for (const g of this.groups)
      for (const rs of g.rules)
        for (const a of rs.alerts.values()) {
          if (a.state === 'inactive') continue;
          out.push({
            labels: sortLabels({
              __name__: 'ALERTS',
              ...a.labels,
              alertstate: a.state,
            }),
            value: 1,
          });
          out.push({
            labels: sortLabels({ __name__: 'ALERTS_FOR_STATE', ...a.labels }),
            value: Math.floor(a.activeAt / 1000),
          });
        }
    return out;
  }

  /** Number of groups and rules (for the log). */
  get ruleCount(): number {
    return this.groups.reduce((n, g) => n + g.rules.length, 0);
  }
}

function cmp(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function compareLabels(a: Labels, b: Labels): number {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
    if (ka[i] !== kb[i]) return cmp(ka[i], kb[i]);
    const c = cmp(a[ka[i]], b[kb[i]]);
    if (c) return c;
  }
  return ka.length - kb.length;
}
