/** What Alertmanager sends when the ServiceDown rule (deploy/prometheus) fires for trading-api. */
export const firingServiceDown = {
  version: '4',
  groupKey:
    '{}/{incident_level=~"P1|P2|P3"}:{alertname="ServiceDown", service="trading-api"}',
  truncatedAlerts: 0,
  status: 'firing',
  receiver: 'portal-incidents',
  groupLabels: { alertname: 'ServiceDown', service: 'trading-api' },
  commonLabels: {
    alertname: 'ServiceDown',
    service: 'trading-api',
    priority: 'high',
    incident_level: 'P1',
  },
  commonAnnotations: { summary: 'trading-api is down' },
  externalURL: 'http://alertmanager:9093',
  alerts: [
    {
      status: 'firing',
      labels: {
        alertname: 'ServiceDown',
        service: 'trading-api',
        priority: 'high',
        incident_level: 'P1',
      },
      annotations: { summary: 'trading-api is down' },
      startsAt: '2026-11-30T00:10:00.000Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus:9090/graph',
      fingerprint: 'abc123',
    },
  ],
};
