import path from 'node:path';
import {
  formatFloatE,
  formatFloatF,
  formatGoValue,
  goQueryEscape,
  humanize,
  humanizeDuration,
  humanizePercentage,
  parsePromDuration,
} from './goFormat';
import { expandTemplate } from './template';
import { fingerprint } from './fingerprint';
import {
  matches,
  parseAmMatchers,
  parseVectorSelector,
  PromQLError,
} from './matchers';
import { loadRules, parseThreshold, normaliseQuery } from './rules';
import { histogramQuantile } from './simMetrics';
import {
  builtinConfig,
  matchRoutes,
  parseAlertmanagerConfig,
} from './amConfig';
import { Alertmanager, AlertmanagerError } from './alertmanager';

const FIXTURE_RULES = path.resolve(
  __dirname,
  '../../test-fixtures/prometheus-rules',
);

describe('Go formatting', () => {
  it('prints values like Prometheus and its template functions', () => {
    // observed on Prometheus 2.42
    expect(formatFloatE(0.569932)).toBe('5.69932e-01');
    expect(formatFloatE(1)).toBe('1e+00');
    expect(formatFloatF(0.484901)).toBe('0.484901');
    expect(formatFloatF(1e-7)).toBe('0.0000001');
    expect(humanize(0.5699323)).toBe('569.9m');
    expect(humanize(12345)).toBe('12.35k');
    expect(humanizePercentage(0.5699323)).toBe('56.99%');
    expect(humanizePercentage(0.78)).toBe('78%');
    expect(humanizeDuration(0.65)).toBe('650ms');
    expect(humanizeDuration(90)).toBe('1m 30s');
    expect(formatGoValue(0.47)).toBe('0.47');
    expect(formatGoValue(1234567)).toBe('1.234567e+06');
    expect(goQueryEscape('node_cpu_usage_ratio > 0.4')).toBe(
      'node_cpu_usage_ratio+%3E+0.4',
    );
    expect(parsePromDuration('1h30m')).toBe(5400);
    expect(parsePromDuration('15s')).toBe(15);
    expect(() => parsePromDuration('5 minutes')).toThrow('not a valid');
  });

  it('expands the annotation templates rule files use, leaving others as written', () => {
    const data = {
      labels: { node: 'general-1', pool: 'general' },
      value: 0.5699323,
    };
    expect(
      expandTemplate(
        'Node {{ $labels.node }} CPU at {{ $value | humanizePercentage }}',
        data,
      ),
    ).toBe('Node general-1 CPU at 56.99%');
    expect(
      expandTemplate(
        'CPU {{ printf "%.2f" $value }} on {{ .Labels.node }} ({{ $value | humanize }})',
        data,
      ),
    ).toBe('CPU 0.57 on general-1 (569.9m)');
    expect(expandTemplate('{{ $value }} {{ $labels.missing }}!', data)).toBe(
      '0.5699323 !',
    );
    expect(expandTemplate('{{ humanize $value }}', data)).toBe('569.9m');
    const unsupported = '{{ if gt $value 0.5 }}high{{ end }}';
    expect(expandTemplate(unsupported, data)).toBe(unsupported);
  });
});

describe('labels', () => {
  it('fingerprints label sets like Alertmanager (values observed on 0.25)', () => {
    expect(
      fingerprint({
        alertname: 'NodeCpuUsageCritical',
        node: 'general-1',
        priority: 'high',
      }),
    ).toBe('0c2a538d7db6bc3c');
    expect(
      fingerprint({
        service: 'a',
        alertname: 'ServiceDown',
        priority: 'high',
        incident_level: 'P1',
      }),
    ).toBe('3bbae085b236ea3d');
  });

  it('parses Alertmanager matchers and PromQL selectors', () => {
    const [m] = parseAmMatchers('alertname=~"Node.*"');
    expect(matches(m, { alertname: 'NodeCpuUsageHigh' })).toBe(true);
    expect(parseAmMatchers('{a="x,y", b!=z}').map(x => x.op)).toEqual([
      '=',
      '!=',
    ]);
    expect(() => parseAmMatchers('bad')).toThrow('bad matcher format: bad');
    expect(() => parseAmMatchers('a=~"("')).toThrow(
      'error parsing regexp: missing closing ): `^(?:()$`',
    );
    const sel = parseVectorSelector(
      'node_cpu_usage_ratio{node=~\'general-.*\', pool!="x",}',
    );
    expect(sel.metricName).toBe('node_cpu_usage_ratio');
    expect(sel.matchers).toHaveLength(2);
    expect(() => parseVectorSelector('')).toThrow(
      '1:1: parse error: no expression found in input',
    );
    expect(() => parseVectorSelector('foo{')).toThrow(
      '1:5: parse error: unexpected end of input inside braces',
    );
    expect(() => parseVectorSelector('{node=""}')).toThrow(
      'vector selector must contain at least one non-empty matcher',
    );
    expect(() => parseVectorSelector('rate(foo[5m])')).toThrow(PromQLError);
  });
});

describe('rule files', () => {
  it('reads groups, for, labels, annotations and the trailing threshold; unknown alerts stay unevaluated', () => {
    const r = loadRules(FIXTURE_RULES);
    expect(r.groups.map(g => [g.name, g.intervalSeconds])).toEqual([
      ['fixture-nodes', 60],
      ['fixture-services', undefined],
    ]);
    const [cpu, unknown, recording] = r.groups[0].rules;
    expect(cpu).toMatchObject({
      type: 'alerting',
      name: 'NodeCpuUsageHigh',
      query: 'node_cpu_usage_ratio > 0.7',
      forSeconds: 120,
      threshold: { op: '>', value: 0.7 },
      source: { kind: 'node', metric: 'cpu' },
      labels: { priority: 'low', service: 'kubernetes' },
    });
    expect(unknown.source).toBeUndefined();
    expect(recording.type).toBe('recording');
    expect(r.messages.join('\n')).toContain(
      'alert NodeHasTooManyPods is not one the simulator evaluates',
    );
    expect(loadRules('/nonexistent/rules').messages).toEqual([
      'no alert rules: /nonexistent/rules does not exist; serving none',
    ]);
  });

  it('parses thresholds and normalises queries', () => {
    expect(parseThreshold('service_up == 0')).toEqual({ op: '==', value: 0 });
    expect(parseThreshold('x < bool 1e3')).toEqual({ op: '<', value: 1000 });
    expect(parseThreshold('rate(x[5m])')).toBeUndefined();
    expect(normaliseQuery('sum by (service) (x)\n  / y\n  > 0.010')).toBe(
      'sum by (service) (x) / y > 0.01',
    );
  });

  it('computes histogram quantiles like Prometheus', () => {
    const bounds = [0.1, 0.5, 1];
    expect(histogramQuantile(0.5, bounds, [0, 50, 100, 100])).toBeCloseTo(0.5);
    expect(histogramQuantile(0.95, bounds, [0, 50, 100, 100])).toBeCloseTo(
      0.95,
    );
    expect(histogramQuantile(0.99, bounds, [0, 0, 0, 10])).toBe(1);
    expect(histogramQuantile(0.5, bounds, [0, 0, 0, 0])).toBeNaN();
  });
});

describe('Alertmanager model', () => {
  it('routes by priority (incident_level also to portal-incidents) with the built-in configuration', () => {
    const cfg = builtinConfig();
    const recv = (labels: Record<string, string>) =>
      matchRoutes(cfg.route, labels).map(r => r.receiver);
    expect(recv({ priority: 'high' })).toEqual(['critical']);
    expect(recv({ priority: 'medium' })).toEqual(['warning']);
    expect(recv({ priority: 'low' })).toEqual(['info']);
    expect(recv({ alertname: 'x' })).toEqual(['slack-default']);
    expect(recv({ priority: 'high', incident_level: 'P1' })).toEqual([
      'portal-incidents',
      'critical',
    ]);
    expect(cfg.receivers).toEqual([
      'slack-default',
      'critical',
      'warning',
      'info',
      'portal-incidents',
    ]);
    expect(cfg.original).toMatch(/^global:\n {2}resolve_timeout: 5m\n/);
  });

  it('reads match/match_re/matchers routes and legacy inhibit rules from a file', () => {
    const cfg = parseAlertmanagerConfig(
      `route:
  receiver: a
  routes:
    - receiver: b
      match: { team: x }
      routes:
        - receiver: c
          match_re: { severity: "crit.*" }
inhibit_rules:
  - source_match: { alertname: A }
    target_match_re: { alertname: "B|C" }
    equal: [node]
receivers: [{ name: a }, { name: b }, { name: c, slack_configs: [{ api_url: "https://hooks.example/x" }] }]
`,
      'test.yml',
    );
    const recv = (labels: Record<string, string>) =>
      matchRoutes(cfg.route, labels).map(r => r.receiver);
    expect(recv({ team: 'x', severity: 'critical' })).toEqual(['c']);
    expect(recv({ team: 'x' })).toEqual(['b']);
    expect(recv({})).toEqual(['a']);
    expect(cfg.inhibitRules[0].target[0].op).toBe('=~');
    expect(cfg.original).toContain('api_url: <secret>');
    expect(() =>
      parseAlertmanagerConfig(
        'route: { receiver: nope }\nreceivers: [{ name: a }]',
        'x.yml',
      ),
    ).toThrow('undefined receiver "nope"');
  });

  it('merges re-sent alerts, hides resolved ones and validates posted alerts', () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const am = new Alertmanager(builtinConfig(), () => now);
    expect(
      am.receive([
        {
          labels: { alertname: 'A', priority: 'low' },
          startsAt: '2026-01-01T00:00:00Z',
        },
      ]),
    ).toEqual([]);
    now += 60_000;
    am.receive([
      {
        labels: { alertname: 'A', priority: 'low' },
        startsAt: '2026-01-01T00:01:00Z',
      },
    ]);
    const [a] = am.alerts();
    expect(a.startsAt).toBe('2026-01-01T00:00:00.000Z');
    expect(a.endsAt).toBe('2026-01-01T00:06:00.000Z');
    expect(a.receivers).toEqual([{ name: 'info' }]);
    am.receive([
      {
        labels: { alertname: 'A', priority: 'low' },
        endsAt: '2026-01-01T00:01:00Z',
      },
    ]);
    expect(am.alerts()).toEqual([]);
    expect(am.receive([{ labels: {} }])).toEqual([
      'at least one label pair required',
    ]);
    expect(() => am.alerts({ filter: ['bad'] })).toThrow(AlertmanagerError);
  });
});
