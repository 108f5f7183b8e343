/**
 * Alertmanager configuration the simulator applies: the route tree (receivers of an alert, with
 * each route's group_by / group_wait / group_interval / repeat_interval), inhibit rules and the
 * receivers' `webhook_configs`. Read from `deploy/alertmanager/alertmanager.yml` when it exists, else the
 * built-in configuration below (receivers slack-default, critical, warning, info,
 * portal-incidents; routed by `priority`, `incident_level` also to portal-incidents).
 */
import fs from 'node:fs';
import YAML from 'yaml';
import {
  Labels,
  makeMatcher,
  Matcher,
  matchesAll,
  matcherString,
  parseAmMatchers,
} from './matchers';
import { parsePromDuration } from './goFormat';

/**
 * The built-in configuration, written the way Alertmanager 0.25 prints a loaded configuration
 * in `GET /api/v2/status` (`config.original`), defaults filled in.
 */
export const BUILTIN_ALERTMANAGER_CONFIG = `global:
  resolve_timeout: 5m
  http_config:
    follow_redirects: true
    enable_http2: true
  smtp_hello: localhost
  smtp_require_tls: true
  pagerduty_url: https://events.pagerduty.com/v2/enqueue
  opsgenie_api_url: https://api.opsgenie.com/
  wechat_api_url: https://qyapi.weixin.qq.com/cgi-bin/
  victorops_api_url: https://alert.victorops.com/integrations/generic/20131114/alert/
  telegram_api_url: https://api.telegram.org
  webex_api_url: https://webexapis.com/v1/messages
route:
  receiver: slack-default
  group_by:
  - alertname
  - service
  continue: false
  routes:
  - receiver: portal-incidents
    matchers:
    - incident_level=~".+"
    continue: true
  - receiver: critical
    matchers:
    - priority="high"
    continue: false
  - receiver: warning
    matchers:
    - priority="medium"
    continue: false
  - receiver: info
    matchers:
    - priority="low"
    continue: false
  group_wait: 30s
  group_interval: 5m
  repeat_interval: 4h
inhibit_rules:
- source_matchers:
  - alertname="NodeCpuUsageCritical"
  target_matchers:
  - alertname="NodeCpuUsageHigh"
  equal:
  - node
- source_matchers:
  - alertname="NodeMemoryUsageCritical"
  target_matchers:
  - alertname="NodeMemoryUsageWarning"
  equal:
  - node
- source_matchers:
  - alertname="NodeDiskUsageCritical"
  target_matchers:
  - alertname="NodeDiskUsageWarning"
  equal:
  - node
- source_matchers:
  - alertname="ApiErrorRateHigh"
  target_matchers:
  - alertname="ApiErrorRateElevated"
  equal:
  - service
receivers:
- name: slack-default
- name: critical
- name: warning
- name: info
- name: portal-incidents
templates: []

`;

export interface RouteNode {
  receiver: string;
  matchers: Matcher[];
  continue: boolean;
  routes: RouteNode[];
  /** Alertmanager's `Route.Key()`: the path of matcher sets from the root, the group key's prefix. */
  key: string;
  /** Labels an aggregation group is made of (inherited from the parent when unset). */
  groupBy: string[];
  groupWaitSeconds: number;
  groupIntervalSeconds: number;
  repeatIntervalSeconds: number;
}

/** A receiver's `webhook_configs` entry (the notifier replaces its URL, see `--webhook`). */
export interface WebhookConfig {
  url: string;
  sendResolved: boolean;
}

export interface InhibitRule {
  source: Matcher[];
  target: Matcher[];
  equal: string[];
}

export interface AlertmanagerConfig {
  route: RouteNode;
  inhibitRules: InhibitRule[];
  receivers: string[];
  /** Receivers with `webhook_configs`, by name. */
  webhooks: Map<string, WebhookConfig[]>;
  /** Text served as `config.original`. */
  original: string;
  /** `global.resolve_timeout` in seconds (endsAt of alerts posted without one). */
  resolveTimeoutSeconds: number;
  /** Where it came from (a file path or `built-in`). */
  source: string;
}

/** Error in an Alertmanager configuration file. */
export class AlertmanagerConfigError extends Error {}

const SECRET_KEYS = new Set([
  'api_url',
  'api_key',
  'api_secret',
  'auth_password',
  'auth_secret',
  'bot_token',
  'credentials',
  'password',
  'routing_key',
  'service_key',
  'token',
  'webhook_url',
]);

function maskSecrets(v: any): any {
  if (Array.isArray(v)) return v.map(maskSecrets);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [
        k,
        SECRET_KEYS.has(k) && typeof x === 'string'
          ? '<secret>'
          : maskSecrets(x),
      ]),
    );
  }
  return v;
}

function matchersOf(raw: any, where: string): Matcher[] {
  const out: Matcher[] = [];
  try {
    for (const [k, v] of Object.entries(raw?.match ?? {}))
      out.push(makeMatcher(k, '=', String(v)));
    for (const [k, v] of Object.entries(raw?.match_re ?? {}))
      out.push(makeMatcher(k, '=~', String(v)));
    for (const m of raw?.matchers ?? [])
      out.push(...parseAmMatchers(String(m)));
  } catch (e) {
    throw new AlertmanagerConfigError(`${where}: ${(e as Error).message}`);
  }
  return out;
}

function sideMatchers(raw: any, side: 'source' | 'target', where: string) {
  const out: Matcher[] = [];
  try {
    for (const [k, v] of Object.entries(raw?.[`${side}_match`] ?? {}))
      out.push(makeMatcher(k, '=', String(v)));
    for (const [k, v] of Object.entries(raw?.[`${side}_match_re`] ?? {}))
      out.push(makeMatcher(k, '=~', String(v)));
    for (const m of raw?.[`${side}_matchers`] ?? [])
      out.push(...parseAmMatchers(String(m)));
  } catch (e) {
    throw new AlertmanagerConfigError(`${where}: ${(e as Error).message}`);
  }
  return out;
}

/** Alertmanager's defaults of the root route's timing. */
const ROOT_TIMING = {
  groupBy: [] as string[],
  groupWaitSeconds: 30,
  groupIntervalSeconds: 300,
  repeatIntervalSeconds: 4 * 3600,
};

function duration(raw: unknown, inherited: number, where: string): number {
  if (raw === undefined || raw === null) return inherited;
  try {
    return parsePromDuration(String(raw));
  } catch (e) {
    throw new AlertmanagerConfigError(`${where}: ${(e as Error).message}`);
  }
}

function buildRoute(
  raw: any,
  parent: Pick<
    RouteNode,
    | 'receiver'
    | 'groupBy'
    | 'groupWaitSeconds'
    | 'groupIntervalSeconds'
    | 'repeatIntervalSeconds'
  > & { key?: string },
  where: string,
): RouteNode {
  const receiver = raw?.receiver ? String(raw.receiver) : parent.receiver;
  const matchers = matchersOf(raw, where);
  const own = `{${matchers.map(matcherString).join(',')}}`;
  const node: RouteNode = {
    receiver,
    matchers,
    continue: Boolean(raw?.continue),
    routes: [],
    key: parent.key === undefined ? own : `${parent.key}/${own}`,
    groupBy: Array.isArray(raw?.group_by)
      ? raw.group_by.map(String)
      : parent.groupBy,
    groupWaitSeconds: duration(
      raw?.group_wait,
      parent.groupWaitSeconds,
      `${where}.group_wait`,
    ),
    groupIntervalSeconds: duration(
      raw?.group_interval,
      parent.groupIntervalSeconds,
      `${where}.group_interval`,
    ),
    repeatIntervalSeconds: duration(
      raw?.repeat_interval,
      parent.repeatIntervalSeconds,
      `${where}.repeat_interval`,
    ),
  };
  node.routes = (Array.isArray(raw?.routes) ? raw.routes : []).map(
    (r: any, i: number) => buildRoute(r, node, `${where}.routes[${i}]`),
  );
  return node;
}

function webhooksOf(rawReceivers: any[]): Map<string, WebhookConfig[]> {
  const out = new Map<string, WebhookConfig[]>();
  for (const r of rawReceivers) {
    const configs = Array.isArray(r?.webhook_configs) ? r.webhook_configs : [];
    if (!r?.name || configs.length === 0) continue;
    out.set(
      String(r.name),
      configs.map((c: any) => ({
        url: String(c?.url ?? ''),
        // Alertmanager's default for webhook_configs
        sendResolved:
          c?.send_resolved === undefined || Boolean(c.send_resolved),
      })),
    );
  }
  return out;
}

/** Parses Alertmanager configuration text (the subset the simulator applies). */
export function parseAlertmanagerConfig(
  text: string,
  source: string,
  original?: string,
): AlertmanagerConfig {
  let raw: any;
  try {
    raw = YAML.parse(text, { maxAliasCount: 100 });
  } catch (e) {
    throw new AlertmanagerConfigError(
      `${source}: YAML syntax error: ${(e as Error).message}`,
    );
  }
  if (!raw || typeof raw !== 'object' || !raw.route)
    throw new AlertmanagerConfigError(`${source}: no route`);
  if (!raw.route.receiver)
    throw new AlertmanagerConfigError(
      `${source}: root route must specify a default receiver`,
    );
  const rawReceivers: any[] = Array.isArray(raw.receivers) ? raw.receivers : [];
  const receivers: string[] = rawReceivers
    .map((r: any) => String(r?.name ?? ''))
    .filter(Boolean);
  const route = buildRoute(
    raw.route,
    { ...ROOT_TIMING, receiver: String(raw.route.receiver) },
    'route',
  );
  const check = (r: RouteNode) => {
    if (!receivers.includes(r.receiver))
      throw new AlertmanagerConfigError(
        `${source}: undefined receiver "${r.receiver}" used in route`,
      );
    r.routes.forEach(check);
  };
  check(route);
  const inhibitRules = (
    Array.isArray(raw.inhibit_rules) ? raw.inhibit_rules : []
  ).map((r: any, i: number) => ({
    source: sideMatchers(r, 'source', `inhibit_rules[${i}]`),
    target: sideMatchers(r, 'target', `inhibit_rules[${i}]`),
    equal: (Array.isArray(r?.equal) ? r.equal : []).map(String),
  }));
  let resolveTimeoutSeconds = 300;
  if (raw.global?.resolve_timeout) {
    try {
      resolveTimeoutSeconds = parsePromDuration(
        String(raw.global.resolve_timeout),
      );
    } catch {
      // keep the default
    }
  }
  return {
    route,
    inhibitRules,
    receivers,
    webhooks: webhooksOf(rawReceivers),
    original: original ?? YAML.stringify(maskSecrets(raw)),
    resolveTimeoutSeconds,
    source,
  };
}

export const BUILTIN_CONFIG_SOURCE = 'built-in';

/** Loads `file` if it exists, else the built-in configuration. */
export function loadAlertmanagerConfig(file?: string): {
  config: AlertmanagerConfig;
  message: string;
} {
  if (file && fs.existsSync(file)) {
    try {
      const config = parseAlertmanagerConfig(
        fs.readFileSync(file, 'utf8'),
        file,
      );
      return {
        config,
        message: `alertmanager: route and ${config.inhibitRules.length} inhibit rules from ${file}`,
      };
    } catch (e) {
      return {
        config: builtinConfig(),
        message: `alertmanager: ${
          (e as Error).message
        }; using the built-in configuration`,
      };
    }
  }
  return {
    config: builtinConfig(),
    message: `alertmanager: ${
      file ? `${file} does not exist; ` : ''
    }using the built-in configuration`,
  };
}

export function builtinConfig(): AlertmanagerConfig {
  return parseAlertmanagerConfig(
    BUILTIN_ALERTMANAGER_CONFIG,
    BUILTIN_CONFIG_SOURCE,
    BUILTIN_ALERTMANAGER_CONFIG,
  );
}

/** Routes an alert: the matching routes' receivers, in order (Alertmanager's Route.Match). */
export function matchRoutes(route: RouteNode, labels: Labels): RouteNode[] {
  if (!matchesAll(route.matchers, labels)) return [];
  const all: RouteNode[] = [];
  for (const child of route.routes) {
    const m = matchRoutes(child, labels);
    all.push(...m);
    if (m.length > 0 && !child.continue) break;
  }
  if (all.length === 0) all.push(route);
  return all;
}
