import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { alertsPlugin } from './plugin';

const AM = 'http://am.test:9093';
const AM_DOWN = 'http://am-down.test:9093';
const PROM = 'http://prom.test:9090';

const cpuAlert = {
  labels: {
    alertname: 'NodeCpuUsageHigh',
    priority: 'low',
    severity: 'info',
    service: 'kubernetes',
    pool: 'general',
    node: 'general-1',
  },
  annotations: { summary: 'CPU of node general-1 at 78%' },
  startsAt: '2026-11-21T10:00:00Z',
  fingerprint: 'aaa1',
  receivers: [{ name: 'info' }],
  status: { state: 'suppressed', silencedBy: ['s-1'], inhibitedBy: [] },
};
const errorAlert = {
  labels: {
    alertname: 'ApiErrorRateHigh',
    priority: 'high',
    service: 'trading-api',
  },
  annotations: { summary: 'trading-api error rate 2%' },
  startsAt: '2026-11-21T10:05:00Z',
  fingerprint: 'bbb2',
  receivers: [{ name: 'critical' }, { name: 'portal-incidents' }],
  status: { state: 'active', silencedBy: [], inhibitedBy: [] },
};
const pendingLatency = {
  labels: {
    alertname: 'ApiLatencyP95High',
    severity: 'warning',
    service: 'trading-api',
  },
  annotations: {},
  state: 'pending',
  activeAt: '2026-11-21T10:06:00Z',
  value: '0.62',
};

const silences = new Map<string, any>();
const server = setupServer(
  http.get(`${AM}/api/v2/alerts`, () =>
    HttpResponse.json([cpuAlert, errorAlert]),
  ),
  http.get(`${PROM}/api/v1/alerts`, () =>
    HttpResponse.json({
      status: 'success',
      data: {
        alerts: [
          { ...pendingLatency },
          // already in Alertmanager: listed once
          {
            labels: errorAlert.labels,
            annotations: {},
            state: 'firing',
            activeAt: errorAlert.startsAt,
          },
        ],
      },
    }),
  ),
  http.get(`${AM_DOWN}/*`, () => HttpResponse.error()),
  http.get(`${AM}/api/v2/silences`, () =>
    HttpResponse.json([...silences.values()]),
  ),
  http.post(`${AM}/api/v2/silences`, async ({ request: req }) => {
    const body: any = await req.json();
    const id = `s-${silences.size + 2}`;
    silences.set(id, {
      ...body,
      id,
      status: { state: 'active' },
      updatedAt: body.startsAt,
    });
    return HttpResponse.json({ silenceID: id });
  }),
  http.get(`${AM}/api/v2/silence/:id`, ({ params }) =>
    silences.has(params.id as string)
      ? HttpResponse.json(silences.get(params.id as string))
      : new HttpResponse(null, { status: 404 }),
  ),
  http.delete(`${AM}/api/v2/silence/:id`, ({ params }) => {
    const s = silences.get(params.id as string);
    // as Alertmanager 0.25 answers an unknown ID
    if (!s) return HttpResponse.json('silence not found', { status: 500 });
    s.status = { state: 'expired' };
    return new HttpResponse(null, { status: 200 });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => server.close());
beforeEach(() => silences.clear());

const tradingApi = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'trading-api',
    namespace: 'default',
    annotations: {
      'prometheus.io/alert': 'all',
      'prometheus.io/labels': 'service=trading-api',
    },
  },
  spec: { type: 'service', owner: 'trading-team', lifecycle: 'production' },
};
const generalPool = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'fdp-cluster-general',
    namespace: 'default',
    annotations: { 'fdp.io/alert-matchers': 'pool="general"' },
  },
  spec: { type: 'kubernetes-node-pool', owner: 'devops' },
};
const portal = {
  ...tradingApi,
  metadata: { name: 'fdp-portal', namespace: 'default' },
};

async function start(
  options: {
    alertmanager?: Array<{ name: string; url: string }>;
    deny?: string[];
  } = {},
) {
  const { server: app } = await startTestBackend({
    features: [
      alertsPlugin,
      catalogServiceMock.factory({
        entities: [tradingApi, generalPool, portal],
      }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({ publish: jest.fn(async () => {}) }),
      }),
      mockServices.rootConfig.factory({
        data: {
          alerts: {
            prometheus: [{ name: 'default', url: PROM }],
            alertmanager: options.alertmanager ?? [
              { name: 'default', url: AM },
            ],
          },
        },
      }),
      ...(options.deny
        ? [
            mockServices.permissions.mock({
              authorize: async (reqs: any[]) =>
                reqs.map(r => ({
                  result: options.deny!.includes(r.permission.name)
                    ? AuthorizeResult.DENY
                    : AuthorizeResult.ALLOW,
                })),
            }).factory,
          ]
        : []),
    ],
  });
  return app;
}

const user = {
  Authorization: mockCredentials.user.header('user:default/devops-lead'),
};

describe('alerts backend', () => {
  it('normalises, merges and maps alerts to entities', async () => {
    const app = await start();
    const res = await request(app).get('/api/alerts/alerts').set(user);
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([]);
    expect(res.body.counts).toEqual({ high: 1, medium: 1, low: 1, none: 0 });
    expect(
      res.body.alerts.map((a: any) => [a.name, a.priority, a.state]),
    ).toEqual([
      ['ApiErrorRateHigh', 'high', 'firing'],
      ['ApiLatencyP95High', 'medium', 'pending'],
      ['NodeCpuUsageHigh', 'low', 'silenced'],
    ]);
    const [errors, latency, cpu] = res.body.alerts;
    expect(errors).toMatchObject({
      receivers: ['critical', 'portal-incidents'],
      entityRefs: ['component:default/trading-api'],
      sources: ['default'],
      summary: 'trading-api error rate 2%',
    });
    expect(latency.entityRefs).toEqual(['component:default/trading-api']);
    expect(cpu).toMatchObject({
      entityRefs: ['resource:default/fdp-cluster-general'],
      silencedBy: ['s-1'],
    });
  });

  it('filters by entity, priority, state and receiver', async () => {
    const app = await start();
    const get = (q: string) =>
      request(app)
        .get(`/api/alerts/alerts?${q}`)
        .set(user)
        .then(r => r.body.alerts.map((a: any) => a.name));
    expect(await get('entityRef=resource:default/fdp-cluster-general')).toEqual(
      ['NodeCpuUsageHigh'],
    );
    expect(await get('priority=high,low')).toEqual([
      'ApiErrorRateHigh',
      'NodeCpuUsageHigh',
    ]);
    expect(await get('state=pending')).toEqual(['ApiLatencyP95High']);
    expect(await get('receiver=critical')).toEqual(['ApiErrorRateHigh']);
    expect(await get('entityRef=component:default/fdp-portal')).toEqual([]);
    const unknown = await request(app)
      .get('/api/alerts/alerts?entityRef=component:default/nope')
      .set(user);
    expect(unknown.status).toBe(404);
    const bad = await request(app)
      .get('/api/alerts/alerts?priority=urgent')
      .set(user);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      "Invalid alerts query: Invalid enum value. Expected 'high' | 'medium' | 'low' | 'none', received 'urgent' at \"priority[0]\"",
    );
  });

  it('names a source that is down while the others answer, and 503s when none does', async () => {
    const partial = await start({
      alertmanager: [
        { name: 'default', url: AM },
        { name: 'eu', url: AM_DOWN },
      ],
    });
    const res = await request(partial).get('/api/alerts/alerts').set(user);
    expect(res.status).toBe(200);
    expect(res.body.alerts).toHaveLength(3);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        source: 'eu',
        kind: 'alertmanager',
        message: "Alertmanager 'eu' is unreachable",
      }),
    ]);
    const none = await start({ alertmanager: [{ name: 'eu', url: AM_DOWN }] });
    const silencesRes = await request(none)
      .get('/api/alerts/silences')
      .set(user);
    expect(silencesRes.status).toBe(503);
    expect(silencesRes.body.error.message).toBe(
      "No alert source answered: Alertmanager 'eu' is unreachable",
    );
  });

  it('creates a silence with the signed-in user as creator, and expires it', async () => {
    const app = await start();
    const created = await request(app)
      .post('/api/alerts/silences')
      .set(user)
      .send({
        matchers: 'alertname="NodeCpuUsageHigh",pool="general"',
        duration: '2h',
        comment: 'scaling the pool',
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      source: 'default',
      createdBy: 'user:default/devops-lead',
      comment: 'scaling the pool',
      state: 'active',
      matchers: [
        {
          name: 'alertname',
          value: 'NodeCpuUsageHigh',
          isRegex: false,
          isEqual: true,
        },
        { name: 'pool', value: 'general', isRegex: false, isEqual: true },
      ],
    });
    expect(
      Date.parse(created.body.endsAt) - Date.parse(created.body.startsAt),
    ).toBe(7_200_000);
    const list = await request(app).get('/api/alerts/silences').set(user);
    expect(list.body.silences.map((s: any) => s.id)).toEqual([created.body.id]);
    const expired = await request(app)
      .delete(`/api/alerts/silences/${created.body.id}`)
      .set(user);
    expect(expired.status).toBe(204);
    const gone = await request(app)
      .delete('/api/alerts/silences/nope')
      .set(user);
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toBe(
      "silence 'nope' not found in Alertmanager 'default'",
    );
  });

  it.each([
    [
      { matchers: 'alertname', duration: '2h', comment: 'x' },
      "Invalid matchers 'alertname'",
    ],
    [
      { matchers: 'a=~".*"', duration: '2h', comment: 'x' },
      'at least one matcher that selects alerts',
    ],
    [
      { matchers: 'a="b"', duration: 'forever', comment: 'x' },
      "Invalid duration 'forever'",
    ],
    [{ matchers: 'a="b"', duration: '45d', comment: 'x' }, 'at most 30 days'],
    [{ matchers: 'a="b"', duration: '1h', comment: '  ' }, 'needs a comment'],
    [
      { matchers: 'a="b"', duration: '1h', comment: 'x', source: 'mars' },
      "Unknown Alertmanager 'mars'",
    ],
    [
      { duration: '1h', comment: 'x' },
      'Invalid silence: Required at "matchers"',
    ],
  ])('rejects a bad silence %p with 400', async (body, message) => {
    const app = await start();
    const res = await request(app)
      .post('/api/alerts/silences')
      .set(user)
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it('requires a user for silences and the permissions for everything', async () => {
    const app = await start();
    const anonymous = await request(app)
      .get('/api/alerts/alerts')
      .set({ Authorization: mockCredentials.none.header() });
    expect(anonymous.status).toBe(401);
    const service = await request(app)
      .post('/api/alerts/silences')
      .set({ Authorization: mockCredentials.service.header() })
      .send({ matchers: 'a="b"', duration: '1h', comment: 'x' });
    expect(service.status).toBe(403);
    const denied = await start({ deny: ['alerts.silence.create'] });
    const res = await request(denied)
      .post('/api/alerts/silences')
      .set(user)
      .send({ matchers: 'a="b"', duration: '1h', comment: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'Missing permission alerts.silence.create',
    );
    expect(
      (await request(denied).get('/api/alerts/alerts').set(user)).status,
    ).toBe(200);
  });
});
