/**
 * Reading Prometheus rule files (`groups:` documents, or a PrometheusRule's `spec.groups`):
 * group names and intervals, alert names, `for`, labels, annotations, and the threshold of the
 * trailing comparison (`… > 0.70`). Alerts the simulator knows are evaluated by
 * {@link RuleEngine} over the scenario's own values; others are listed with health `unknown`.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { formatFloatF, parsePromDuration } from './goFormat';
import type { Labels } from './matchers';

export type CompareOp = '>' | '<' | '>=' | '<=' | '==' | '!=';

/** What a known alert compares, per series. */
export type AlertSource =
  | { kind: 'node'; metric: 'cpu' | 'memory' | 'disk' }
  | {
      kind: 'service';
      metric: 'errorRatio' | 'p95' | 'p99' | 'requestRate' | 'up';
    };

/** Alert names the simulator evaluates, and the value each compares. */
export const KNOWN_ALERTS: Record<string, AlertSource> = {
  ApiErrorRateHigh: { kind: 'service', metric: 'errorRatio' },
  ApiErrorRateElevated: { kind: 'service', metric: 'errorRatio' },
  ApiLatencyP95High: { kind: 'service', metric: 'p95' },
  ApiLatencyP99High: { kind: 'service', metric: 'p99' },
  ApiRequestRateLow: { kind: 'service', metric: 'requestRate' },
  ApiRequestRateHigh: { kind: 'service', metric: 'requestRate' },
  NodeCpuUsageHigh: { kind: 'node', metric: 'cpu' },
  NodeCpuUsageCritical: { kind: 'node', metric: 'cpu' },
  NodeMemoryUsageWarning: { kind: 'node', metric: 'memory' },
  NodeMemoryUsageCritical: { kind: 'node', metric: 'memory' },
  NodeDiskUsageWarning: { kind: 'node', metric: 'disk' },
  NodeDiskUsageCritical: { kind: 'node', metric: 'disk' },
  ServiceDown: { kind: 'service', metric: 'up' },
};

export interface Threshold {
  op: CompareOp;
  value: number;
}

export interface LoadedRule {
  type: 'alerting' | 'recording';
  /** Alert name or recorded series name. */
  name: string;
  /** The expression as written. */
  expr: string;
  /** The expression as Prometheus prints it (whitespace collapsed, numbers normalised). */
  query: string;
  forSeconds: number;
  keepFiringForSeconds: number;
  labels: Labels;
  annotations: Labels;
  threshold?: Threshold;
  /** Set for alerts the simulator evaluates. */
  source?: AlertSource;
  /** Range of the first `rate(…[5m])` in the expression (seconds; default 300). */
  windowSeconds: number;
  /** Labels of the first `by (…)` clause, if any. */
  byLabels?: string[];
}

export interface LoadedGroup {
  name: string;
  file: string;
  /** Seconds; undefined means the global evaluation interval. */
  intervalSeconds?: number;
  limit: number;
  rules: LoadedRule[];
}

export interface RuleLoadResult {
  dir: string;
  groups: LoadedGroup[];
  /** Human-readable notes for the log (missing directory, skipped rules, unknown alerts). */
  messages: string[];
}

function compare(op: CompareOp, a: number, b: number): boolean {
  switch (op) {
    case '>':
      return a > b;
    case '<':
      return a < b;
    case '>=':
      return a >= b;
    case '<=':
      return a <= b;
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    default:
      return false;
  }
}

/** Whether `value` satisfies the rule's trailing comparison. */
export function meetsThreshold(t: Threshold, value: number): boolean {
  return compare(t.op, value, t.value);
}

const TRAILING_COMPARISON =
  /(>=|<=|==|!=|>|<)\s*(?:bool\s+)?([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*$/;

export function parseThreshold(expr: string): Threshold | undefined {
  const m = TRAILING_COMPARISON.exec(expr.trim());
  if (!m) return undefined;
  return { op: m[1] as CompareOp, value: Number(m[2]) };
}

/** Prometheus prints expressions normalised; this approximates it for the simple forms rules use. */
export function normaliseQuery(expr: string): string {
  const collapsed = expr.trim().replace(/\s+/g, ' ');
  return collapsed.replace(
    TRAILING_COMPARISON,
    (_m, op: string, num: string) => `${op} ${formatFloatF(Number(num))}`,
  );
}

function stringMap(v: unknown): Labels {
  const out: Labels = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, val] of Object.entries(v as Record<string, unknown>))
      out[k] = val === null || val === undefined ? '' : String(val);
  }
  return out;
}

function parseRule(raw: any, where: string, messages: string[]) {
  if (!raw || typeof raw !== 'object') {
    messages.push(`${where}: not a rule, skipped`);
    return undefined;
  }
  const expr = raw.expr === undefined ? '' : String(raw.expr);
  const type = raw.alert !== undefined ? 'alerting' : 'recording';
  const name = String(raw.alert ?? raw.record ?? '');
  if (!name || !expr.trim()) {
    messages.push(`${where}: a rule needs alert (or record) and expr, skipped`);
    return undefined;
  }
  let forSeconds = 0;
  let keepFiringForSeconds = 0;
  try {
    if (raw.for !== undefined) forSeconds = parsePromDuration(String(raw.for));
    if (raw.keep_firing_for !== undefined)
      keepFiringForSeconds = parsePromDuration(String(raw.keep_firing_for));
  } catch (e) {
    messages.push(`${where} (${name}): ${(e as Error).message}, skipped`);
    return undefined;
  }
  const rangeMatch = /\[(\d+(?:ms|[smhdwy]))+\]/.exec(expr);
  const byMatch = /\bby\s*\(([^)]*)\)/.exec(expr);
  const rule: LoadedRule = {
    type,
    name,
    expr,
    query: normaliseQuery(expr),
    forSeconds,
    keepFiringForSeconds,
    labels: stringMap(raw.labels),
    annotations: stringMap(raw.annotations),
    threshold: parseThreshold(expr),
    windowSeconds: rangeMatch
      ? parsePromDuration(rangeMatch[0].slice(1, -1))
      : 300,
    byLabels: byMatch
      ? byMatch[1]
          .split(',')
          .map(s => s.trim())
          .filter(Boolean)
      : undefined,
  };
  if (type === 'alerting') {
    const source = KNOWN_ALERTS[name];
    if (!source) {
      messages.push(
        `${where}: alert ${name} is not one the simulator evaluates; listed with health "unknown"`,
      );
    } else if (!rule.threshold) {
      messages.push(
        `${where}: alert ${name}: no trailing comparison with a number in "${rule.query}"; listed with health "unknown"`,
      );
    } else {
      rule.source = source;
    }
  }
  return rule;
}

/** Parses the text of one rule file. */
export function parseRuleFile(
  text: string,
  file: string,
  messages: string[] = [],
): LoadedGroup[] {
  const groups: LoadedGroup[] = [];
  let docs: YAML.Document.Parsed[];
  try {
    docs = YAML.parseAllDocuments(text) as any;
  } catch (e) {
    messages.push(`${file}: YAML syntax error: ${(e as Error).message}`);
    return groups;
  }
  for (const doc of docs) {
    if (doc.errors?.length) {
      messages.push(`${file}: YAML syntax error: ${doc.errors[0].message}`);
      continue;
    }
    const value: any = doc.toJS({ maxAliasCount: 100 });
    if (!value) continue;
    const rawGroups = value.groups ?? value.spec?.groups;
    if (!Array.isArray(rawGroups)) {
      messages.push(`${file}: no "groups" list, skipped`);
      continue;
    }
    rawGroups.forEach((g: any, gi: number) => {
      const where = `${file}: groups[${gi}]`;
      if (!g || typeof g.name !== 'string') {
        messages.push(`${where}: a group needs a name, skipped`);
        return;
      }
      let intervalSeconds: number | undefined;
      if (g.interval !== undefined) {
        try {
          intervalSeconds = parsePromDuration(String(g.interval));
        } catch (e) {
          messages.push(`${where}: ${(e as Error).message}; using the default`);
        }
      }
      const rules: LoadedRule[] = [];
      (Array.isArray(g.rules) ? g.rules : []).forEach((r: any, ri: number) => {
        const rule = parseRule(r, `${where}.rules[${ri}]`, messages);
        if (rule) rules.push(rule);
      });
      groups.push({
        name: g.name,
        file,
        intervalSeconds,
        limit: Number(g.limit ?? 0) || 0,
        rules,
      });
    });
  }
  return groups;
}

/** Reads `*.yaml` / `*.yml` rule files of a directory (sorted by name). */
export function loadRules(dir: string): RuleLoadResult {
  const messages: string[] = [];
  const abs = path.resolve(dir);
  let files: string[];
  try {
    files = fs
      .readdirSync(abs)
      .filter(f => /\.ya?ml$/.test(f))
      .sort();
  } catch {
    return {
      dir: abs,
      groups: [],
      messages: [`no alert rules: ${abs} does not exist; serving none`],
    };
  }
  const groups: LoadedGroup[] = [];
  for (const f of files) {
    const file = path.join(abs, f);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      messages.push(`${file}: ${(e as Error).message}`);
      continue;
    }
    groups.push(...parseRuleFile(text, file, messages));
  }
  const alerting = groups
    .flatMap(g => g.rules)
    .filter(r => r.type === 'alerting');
  messages.unshift(
    files.length === 0
      ? `no alert rules: no *.yaml files in ${abs}; serving none`
      : `alert rules: ${alerting.length} alerts (${
          alerting.filter(r => r.source).length
        } evaluated) in ${groups.length} groups from ${abs}`,
  );
  return { dir: abs, groups, messages };
}
