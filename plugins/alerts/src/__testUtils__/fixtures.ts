import type {
  AlertRule,
  AlertsResponse,
  NormalizedAlert,
  RulesResponse,
  Silence,
  SilencesResponse,
  SourceError,
} from '@fdp/plugin-alerts-common';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const now = Date.now();
const iso = (offsetMs: number) => new Date(now + offsetMs).toISOString();

function alert(
  overrides: Partial<NormalizedAlert> & Pick<NormalizedAlert, 'name'>,
): NormalizedAlert {
  return {
    fingerprint: `fp-${overrides.name}`,
    priority: 'none',
    state: 'firing',
    startsAt: iso(-10 * MINUTE),
    labels: { alertname: overrides.name },
    annotations: {},
    receivers: ['devops-pager'],
    entityRefs: [],
    silencedBy: [],
    inhibitedBy: [],
    sources: ['prometheus-main', 'alertmanager-main'],
    ...overrides,
  };
}

export const cpuAlert = alert({
  name: 'NodeCpuUsageHigh',
  priority: 'high',
  severity: 'critical',
  state: 'firing',
  startsAt: iso(-25 * MINUTE),
  summary: 'CPU above 90% on general-1',
  description: 'Node general-1 has been above 90% CPU for 15 minutes.',
  labels: {
    alertname: 'NodeCpuUsageHigh',
    severity: 'critical',
    node: 'general-1',
    cluster: 'prod-eu',
  },
  receivers: ['devops-pager'],
  entityRefs: ['resource:default/prod-eu-general'],
  generatorURL: 'http://prometheus.test/graph?g0.expr=cpu',
});

export const latencyAlert = alert({
  name: 'TradingApiLatencyHigh',
  priority: 'medium',
  severity: 'warning',
  state: 'firing',
  startsAt: iso(-3 * HOUR),
  summary: 'p99 latency above 500 ms',
  labels: {
    alertname: 'TradingApiLatencyHigh',
    severity: 'warning',
    service: 'trading-api',
    namespace: 'trading',
  },
  receivers: ['team-trading'],
  entityRefs: ['component:default/trading-api'],
});

export const errorRateAlert = alert({
  name: 'TradingApiErrorRate',
  priority: 'low',
  severity: 'info',
  state: 'pending',
  startsAt: iso(-2 * MINUTE),
  summary: '5xx rate above 1%',
  labels: {
    alertname: 'TradingApiErrorRate',
    severity: 'info',
    service: 'trading-api',
  },
  receivers: ['team-trading'],
  entityRefs: ['component:default/trading-api'],
});

export const diskAlert = alert({
  name: 'DiskSpaceLow',
  priority: 'medium',
  severity: 'warning',
  state: 'silenced',
  startsAt: iso(-5 * HOUR),
  summary: 'Disk 85% full on general-2',
  labels: {
    alertname: 'DiskSpaceLow',
    severity: 'warning',
    node: 'general-2',
  },
  receivers: ['devops-pager'],
  silencedBy: ['s-1'],
});

export const lagAlert = alert({
  name: 'KafkaConsumerLag',
  priority: 'none',
  state: 'inhibited',
  startsAt: iso(-20 * MINUTE),
  summary: 'Consumer lag above 10k',
  labels: { alertname: 'KafkaConsumerLag', topic: 'trades' },
  receivers: ['team-data'],
  inhibitedBy: ['fp-NodeCpuUsageHigh'],
});

export const alerts: NormalizedAlert[] = [
  latencyAlert,
  cpuAlert,
  errorRateAlert,
  diskAlert,
  lagAlert,
];

export const alertsResponse: AlertsResponse = {
  alerts,
  counts: { high: 1, medium: 2, low: 1, none: 1 },
  errors: [],
};

export const sourceError: SourceError = {
  source: 'alertmanager-dr',
  kind: 'alertmanager',
  message: 'connect ECONNREFUSED 10.0.0.9:9093',
};

export const silence: Silence = {
  id: 's-1',
  source: 'alertmanager-main',
  matchers: [
    { name: 'alertname', value: 'DiskSpaceLow', isRegex: false, isEqual: true },
    { name: 'node', value: 'general-.*', isRegex: true, isEqual: true },
  ],
  startsAt: iso(-HOUR),
  // 2 h and a bit from now: "expires in 2h 0m" for a while
  endsAt: iso(2 * HOUR + 30_000),
  createdBy: 'alice@example.com',
  comment: 'Disk resize in progress',
  state: 'active',
};

export const pendingSilence: Silence = {
  id: 's-2',
  source: 'alertmanager-main',
  matchers: [
    { name: 'service', value: 'trading-api', isRegex: false, isEqual: true },
  ],
  startsAt: iso(HOUR + 30_000),
  endsAt: iso(3 * HOUR),
  createdBy: 'bob@example.com',
  comment: 'Release window',
  state: 'pending',
};

export const expiredSilence: Silence = {
  id: 's-3',
  source: 'alertmanager-main',
  matchers: [
    { name: 'alertname', value: 'Watchdog', isRegex: false, isEqual: false },
  ],
  startsAt: iso(-26 * HOUR),
  endsAt: iso(-2 * HOUR),
  createdBy: 'carol@example.com',
  comment: 'Old maintenance',
  state: 'expired',
};

export const silencesResponse: SilencesResponse = {
  silences: [silence, pendingSilence, expiredSilence],
  errors: [],
};

export const cpuRule: AlertRule = {
  source: 'prometheus-main',
  group: 'nodes',
  file: '/etc/prometheus/rules/nodes.yaml',
  name: 'NodeCpuUsageHigh',
  query: 'avg by (node) (rate(node_cpu_seconds_total{mode!="idle"}[5m])) > 0.9',
  duration: 900,
  labels: { severity: 'critical' },
  annotations: { summary: 'CPU above 90% on {{ $labels.node }}' },
  priority: 'high',
  state: 'firing',
  health: 'ok',
  lastEvaluation: iso(-30_000),
  activeAlerts: 1,
};

export const brokenRule: AlertRule = {
  source: 'prometheus-main',
  group: 'trading',
  name: 'TradingApiBroken',
  query: 'sum(rate(http_requests_total{job="trading-api"[5m]))',
  duration: 0,
  labels: { severity: 'warning' },
  annotations: {},
  priority: 'medium',
  state: 'inactive',
  health: 'err',
  lastError: 'parse error: unexpected "["',
  activeAlerts: 0,
};

export const rulesResponse: RulesResponse = {
  rules: [cpuRule, brokenRule],
  errors: [],
};
