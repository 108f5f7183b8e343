import {
  fromAlertmanager,
  fromPrometheus,
  labelsFingerprint,
  mergeAlerts,
} from './normalize';

const mapping = { critical: 'high', warning: 'medium', info: 'low' } as const;
const am = (labels: Record<string, string>, status: any) =>
  fromAlertmanager(
    {
      labels,
      annotations: {},
      startsAt: 't',
      fingerprint: 'f',
      receivers: [{ name: 'r' }],
      status,
    },
    'am-1',
    { ...mapping },
  );

describe('normalize', () => {
  it('fingerprints label sets independently of key order', () => {
    expect(labelsFingerprint({ a: '1', b: '2' })).toBe(
      labelsFingerprint({ b: '2', a: '1' }),
    );
    expect(labelsFingerprint({ a: '1' })).not.toBe(
      labelsFingerprint({ a: '2' }),
    );
  });

  it('turns Alertmanager suppression into the portal state', () => {
    expect(
      am(
        { alertname: 'A' },
        { state: 'active', silencedBy: [], inhibitedBy: [] },
      ).state,
    ).toBe('firing');
    expect(
      am(
        { alertname: 'A' },
        { state: 'suppressed', silencedBy: ['s'], inhibitedBy: ['x'] },
      ).state,
    ).toBe('silenced');
    expect(
      am(
        { alertname: 'A' },
        { state: 'suppressed', silencedBy: [], inhibitedBy: ['x'] },
      ).state,
    ).toBe('inhibited');
    expect(
      am(
        { alertname: 'A', severity: 'warning' },
        { state: 'active', silencedBy: [], inhibitedBy: [] },
      ).priority,
    ).toBe('medium');
  });

  it('lists an alert once across sources, keeping Alertmanager’s view', () => {
    const labels = { alertname: 'A', service: 's' };
    const merged = mergeAlerts(
      [am(labels, { state: 'active', silencedBy: [], inhibitedBy: [] })],
      [
        fromPrometheus({ labels, annotations: {}, state: 'firing' }, 'prom-1', {
          ...mapping,
        }),
        fromPrometheus(
          { labels: { alertname: 'B' }, annotations: {}, state: 'pending' },
          'prom-1',
          { ...mapping },
        ),
      ],
    );
    expect(merged.map(a => [a.name, a.state, a.sources, a.receivers])).toEqual([
      ['A', 'firing', ['am-1', 'prom-1'], ['r']],
      ['B', 'pending', ['prom-1'], []],
    ]);
  });

  it('recognises an alert Alertmanager received with external labels', () => {
    const labels = { alertname: 'NodeCpuUsageHigh', node: 'general-1' };
    const merged = mergeAlerts(
      [
        am(
          { ...labels, monitor: 'fdp-prometheus' },
          { state: 'active', silencedBy: [], inhibitedBy: [] },
        ),
      ],
      [
        fromPrometheus({ labels, annotations: {}, state: 'firing' }, 'prom-1', {
          ...mapping,
        }),
      ],
    );
    expect(merged).toHaveLength(1);
    expect(merged[0].sources).toEqual(['am-1', 'prom-1']);
    expect(merged[0].labels.monitor).toBe('fdp-prometheus');
  });
});
