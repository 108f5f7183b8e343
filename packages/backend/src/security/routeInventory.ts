/**
 * Every HTTP route of the portal's own plugins and of the official
 * Kubernetes backend, with who may call it. The route inventory test
 * (routeInventory.test.ts) checks each row against the booted backend: 401
 * without credentials, 403 for a signed-in user outside devops where the
 * route is devops-only, and a fuzz of malformed input. A new route (backups)
 * is one more row.
 */

/** What the test knows once the simulator runs. */
export interface InventoryContext {
  /** the simulator's cluster name */
  cluster: string;
  /** a silence the test created, for the routes that expire one */
  silenceId: string;
  /** an incident the test created, for the routes that change one */
  incidentId: string;
}

export interface InventoryRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** under the backend's base URL, `:name` for path parameters, `*` for a rest */
  path: string;
  /**
   * who is allowed: every signed-in user, members of devops only, or the
   * holder of the route's own token (a webhook; user tokens get a 401 there)
   */
  access: 'signed-in' | 'devops' | 'webhook-token';
  /**
   * `strict`: our plugins, whose schemas refuse malformed input with a 4xx.
   * `lenient`: plugins we do not own, which may tolerate odd input; for them
   * only a 5xx or a leak is a finding.
   */
  input: 'strict' | 'lenient';
  /** path parameter values that reach the handler */
  params?: (ctx: InventoryContext) => Record<string, string>;
  /** the query parameters the route reads, with a valid value each */
  query?: Record<string, string>;
  /** a valid JSON body (routes that read one) */
  body?: (ctx: InventoryContext) => Record<string, unknown>;
  headers?: (ctx: InventoryContext) => Record<string, string>;
}

const TRADING_API = 'component:default/trading-api';

const tradingApiEntity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'trading-api', namespace: 'default' },
};

export const ROUTES: InventoryRoute[] = [
  // plugins/alerts-backend
  {
    method: 'GET',
    path: '/api/alerts/alerts',
    input: 'strict',
    access: 'signed-in',
    query: {
      entityRef: TRADING_API,
      priority: 'high',
      state: 'firing',
      receiver: 'critical',
    },
  },
  {
    method: 'GET',
    path: '/api/alerts/rules',
    input: 'strict',
    access: 'signed-in',
  },
  {
    method: 'GET',
    path: '/api/alerts/silences',
    input: 'strict',
    access: 'signed-in',
  },
  {
    method: 'POST',
    path: '/api/alerts/silences',
    input: 'strict',
    access: 'devops',
    body: () => ({
      matchers: [
        { name: 'alertname', value: 'ServiceDown', isRegex: false },
        { name: 'service', value: 'trading-api', isRegex: false },
      ],
      duration: '1h',
      comment: 'route inventory',
      source: 'default',
    }),
  },
  {
    method: 'DELETE',
    path: '/api/alerts/silences/:id',
    input: 'strict',
    access: 'devops',
    params: ctx => ({ id: ctx.silenceId }),
    query: { source: 'default' },
  },

  // plugins/cluster-health-backend
  {
    method: 'GET',
    path: '/api/cluster-health/clusters',
    input: 'strict',
    access: 'signed-in',
  },
  {
    method: 'GET',
    path: '/api/cluster-health/clusters/:cluster/node-pools',
    input: 'strict',
    access: 'signed-in',
    params: ctx => ({ cluster: ctx.cluster }),
  },
  {
    method: 'GET',
    path: '/api/cluster-health/clusters/:cluster/node-pools/:pool/nodes',
    input: 'strict',
    access: 'signed-in',
    params: ctx => ({ cluster: ctx.cluster, pool: 'general' }),
  },
  {
    method: 'GET',
    path: '/api/cluster-health/workloads',
    input: 'strict',
    access: 'signed-in',
    query: { entityRef: TRADING_API },
  },
  {
    method: 'GET',
    path: '/api/cluster-health/deployments/history',
    input: 'strict',
    access: 'signed-in',
    query: { entityRef: TRADING_API },
  },

  // plugins/backups-backend (trading-db: a target of app-config.yaml)
  {
    method: 'GET',
    path: '/api/backups/targets',
    input: 'strict',
    access: 'signed-in',
    query: { status: 'critical' },
  },
  {
    method: 'GET',
    path: '/api/backups/targets/:name',
    input: 'strict',
    access: 'signed-in',
    params: () => ({ name: 'trading-db' }),
  },
  {
    method: 'GET',
    path: '/api/backups/targets/:name/backups',
    input: 'strict',
    access: 'signed-in',
    params: () => ({ name: 'trading-db' }),
  },
  {
    method: 'GET',
    path: '/api/backups/policy',
    input: 'strict',
    access: 'signed-in',
  },

  // plugins/incidents-backend
  {
    method: 'GET',
    path: '/api/incidents/levels',
    input: 'strict',
    access: 'signed-in',
  },
  {
    method: 'GET',
    path: '/api/incidents/incidents',
    input: 'strict',
    access: 'signed-in',
    query: {
      status: 'open',
      level: 'P1',
      entityRef: TRADING_API,
      owner: 'group:default/trading-team',
      q: 'down',
      limit: '10',
    },
  },
  {
    method: 'POST',
    path: '/api/incidents/incidents',
    input: 'strict',
    access: 'signed-in',
    body: () => ({
      title: 'route inventory',
      description: 'opened by the route inventory',
      level: 'P3',
      entityRef: TRADING_API,
      owner: 'user:default/team-lead',
      responders: ['user:default/team-lead'],
    }),
  },
  {
    method: 'GET',
    path: '/api/incidents/incidents/:id',
    input: 'strict',
    access: 'signed-in',
    params: ctx => ({ id: ctx.incidentId }),
  },
  {
    method: 'PATCH',
    path: '/api/incidents/incidents/:id',
    input: 'strict',
    access: 'devops',
    params: ctx => ({ id: ctx.incidentId }),
    body: () => ({ version: 1, title: 'route inventory, renamed' }),
  },
  {
    method: 'POST',
    path: '/api/incidents/incidents/:id/transitions',
    input: 'strict',
    access: 'devops',
    params: ctx => ({ id: ctx.incidentId }),
    body: () => ({ to: 'triaged', note: 'route inventory' }),
  },
  {
    method: 'POST',
    path: '/api/incidents/incidents/:id/notes',
    input: 'strict',
    access: 'devops',
    params: ctx => ({ id: ctx.incidentId }),
    body: () => ({ text: 'route inventory' }),
  },
  {
    method: 'GET',
    path: '/api/incidents/stats',
    input: 'strict',
    access: 'signed-in',
    query: { window: '7d' },
  },
  {
    method: 'POST',
    path: '/api/incidents/webhooks/alertmanager',
    // Alertmanager's payload: fields it may add are tolerated, as by its
    // other receivers
    input: 'lenient',
    access: 'webhook-token',
    body: () => ({
      version: '4',
      groupKey: '{}:{alertname="Inventory"}',
      truncatedAlerts: 0,
      status: 'firing',
      receiver: 'portal-incidents',
      groupLabels: { alertname: 'Inventory' },
      commonLabels: { alertname: 'Inventory', incident_level: 'P3' },
      commonAnnotations: { summary: 'route inventory' },
      externalURL: 'http://alertmanager:9093',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'Inventory', incident_level: 'P3' },
          annotations: { summary: 'route inventory' },
          startsAt: '2026-11-30T00:10:00.000Z',
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: 'http://prometheus:9090/graph',
          fingerprint: 'inventory',
        },
      ],
    }),
  },

  // the official Kubernetes backend (the Kubernetes tab)
  {
    method: 'GET',
    path: '/api/kubernetes/clusters',
    input: 'lenient',
    access: 'signed-in',
  },
  {
    method: 'POST',
    path: '/api/kubernetes/services/:name',
    input: 'lenient',
    access: 'signed-in',
    params: () => ({ name: 'trading-api' }),
    body: () => ({ entity: tradingApiEntity }),
  },
  {
    method: 'POST',
    path: '/api/kubernetes/resources/workloads/query',
    input: 'lenient',
    access: 'signed-in',
    body: () => ({ entityRef: TRADING_API, auth: {} }),
  },
  {
    method: 'POST',
    path: '/api/kubernetes/resources/custom/query',
    input: 'lenient',
    access: 'signed-in',
    body: () => ({
      entityRef: TRADING_API,
      auth: {},
      customResources: [
        {
          group: 'autoscaling.k8s.io',
          apiVersion: 'v1',
          plural: 'verticalpodautoscalers',
        },
      ],
    }),
  },
  {
    method: 'GET',
    path: '/api/kubernetes/proxy/*',
    input: 'lenient',
    access: 'devops',
    params: () => ({ '*': 'api/v1/namespaces/trading/pods' }),
    headers: ctx => ({ 'Backstage-Kubernetes-Cluster': ctx.cluster }),
  },
];

/** `/a/:x/*` with values → the raw path (values are inserted as given). */
export function fillPath(path: string, values: Record<string, string>) {
  return path.replace(/:([A-Za-z]+)|\*/g, (whole, name) => {
    const key = name ?? '*';
    if (!(key in values)) {
      throw new Error(`no value for ${whole} in ${path}`);
    }
    return values[key];
  });
}
