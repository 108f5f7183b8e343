import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * Every user-facing string of the operations plugin, in English; the Korean
 * messages are in `translations/ko.ts`.
 *
 * @public
 */
export const operationsTranslationRef = createTranslationRef({
  id: 'operations',
  messages: {
    overview: {
      title: 'Operations overview',
      subtitle: 'Cluster health, alerts, incidents and backups, live',
    },
    card: {
      loading: 'Loading {{source}}…',
      error: 'Could not load {{source}}: {{message}}',
      stale:
        'Could not refresh {{source}} ({{message}}): showing the last data',
      open: 'Open {{source}}',
      more: 'and {{number}} more',
    },
    source: {
      clusterHealth: 'cluster health',
      alerts: 'alerts',
      incidents: 'incidents',
      backups: 'backups',
      deploys: 'recent deploys',
    },
    title: {
      clusterHealth: 'Cluster health',
      alerts: 'Alerts',
      incidents: 'Incidents',
      backups: 'Backups',
      deploys: 'Recent deploys',
    },
    status: {
      healthy: 'Healthy',
      warning: 'Warning',
      critical: 'Critical',
      unknown: 'Unknown',
    },
    clusterHealth: {
      empty: 'No clusters configured',
      allHealthy: 'All {{pools}} node pools healthy',
      worstPool: 'Worst pool',
      poolsByStatus:
        '{{critical}} critical · {{warning}} warning · {{healthy}} healthy pools',
      clusterStale: '{{cluster}}: data stale since {{time}}',
    },
    alerts: {
      empty: 'Nothing firing',
      firing: '{{number}} firing',
      worst: 'Worst firing',
      sourceDown: '{{source}} unreachable: counts may be incomplete',
      since: 'since {{time}}',
    },
    priority: {
      high: 'High',
      medium: 'Medium',
      low: 'Low',
      none: 'None',
    },
    incidents: {
      empty: 'No open incidents',
      open: '{{number}} open',
      nearest: 'Nearest SLA deadline',
      responseDue: '{{level}} response due in {{time}}',
      resolutionDue: '{{level}} resolution due in {{time}}',
      responseBreached: '{{level}} response overdue by {{time}}',
      resolutionBreached: '{{level}} resolution overdue by {{time}}',
      breaches: '{{number}} SLA breached',
    },
    backups: {
      allOk: 'All {{number}} targets OK',
      notOk: '{{number}} targets not OK',
      worstRpo: 'Worst RPO: {{rpo}} ({{target}})',
      empty: 'No backup targets configured',
    },
    strip: {
      label: 'Operational status',
      health: 'Health',
      alerts: 'Alerts',
      incidents: 'Incidents',
      backups: 'Backups',
      none: 'None',
      notTracked: 'Not tracked',
      healthValue: '{{status}}',
      firing: '{{number}} firing',
      open: '{{number}} open',
      notOk: '{{number}} not OK',
      ok: 'OK',
      failed: 'Unavailable',
    },
    deploys: {
      empty: 'No deployments found for this component',
      clusterError: '{{cluster}} could not be read: {{message}}',
      current: 'Revision {{revision}} (running)',
      revision: 'Revision {{revision}}',
      replicas: '{{ready}}/{{desired}} ready',
    },
  },
});
