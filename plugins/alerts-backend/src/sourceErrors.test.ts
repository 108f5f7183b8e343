/*
 * Errors of the alert sources reach every user: they name the source, while
 * its URL, the network error and the upstream body go to the log only.
 * Real sockets: one source on a closed loopback port, one answering errors
 * whose bodies hold a secret-looking string.
 */
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import request from 'supertest';
import { alertsPlugin } from './plugin';
import { closedPort, startFakeSource } from './testing/fakeSource';

const SECRET = 'password=hunter2-3f9a7c';
const failure = { status: 500, body: `upstream exploded (${SECRET})` };

describe('alert source errors', () => {
  let broken: Awaited<ReturnType<typeof startFakeSource>>;
  let good: Awaited<ReturnType<typeof startFakeSource>>;
  let down: string;

  beforeAll(async () => {
    broken = await startFakeSource({
      'GET /api/v1/alerts': failure,
      'GET /api/v1/rules?type=alert': failure,
      'GET /api/v2/alerts': failure,
      'GET /api/v2/silences': failure,
      'POST /api/v2/silences': {
        status: 400,
        body: { error: `bad silence (${SECRET})` },
      },
      'GET /api/v2/silence/s-1': failure,
      'DELETE /api/v2/silence/s-1': failure,
    });
    good = await startFakeSource({
      'GET /api/v2/alerts': { body: [] },
      'GET /api/v2/silences': { body: [] },
    });
    down = `http://127.0.0.1:${await closedPort()}`;
  });
  afterAll(async () => {
    await Promise.all([broken.close(), good.close()]);
  });

  async function start() {
    const logger = mockServices.logger.mock();
    const { server } = await startTestBackend({
      features: [
        alertsPlugin,
        logger.factory,
        catalogServiceMock.factory({ entities: [] }),
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => ({ publish: async () => {} }),
        }),
        mockServices.rootConfig.factory({
          data: {
            alerts: {
              prometheus: [
                { name: 'prom-broken', url: broken.url },
                { name: 'prom-down', url: down },
              ],
              alertmanager: [
                { name: 'am-good', url: good.url },
                { name: 'am-broken', url: broken.url },
                { name: 'am-down', url: down },
              ],
              timeoutMs: 2000,
            },
          },
        }),
      ],
    });
    return { server, logger };
  }

  const user = {
    Authorization: mockCredentials.user.header('user:default/devops-lead'),
  };
  const hosts = () => [
    new URL(broken.url).host,
    new URL(down).host,
    'ECONNREFUSED',
    SECRET,
  ];
  function expectNoDetails(text: string) {
    for (const detail of hosts()) {
      expect(text).not.toContain(detail);
    }
  }

  it('names the sources in responses; the log has URL, errno and body', async () => {
    const { server, logger } = await start();
    const alerts = await request(server).get('/api/alerts/alerts').set(user);
    expect(alerts.status).toBe(200);
    expect(alerts.body.errors).toHaveLength(4);
    expect(alerts.body.errors).toEqual(
      expect.arrayContaining([
        {
          source: 'am-broken',
          kind: 'alertmanager',
          message: "Alertmanager 'am-broken' answered 500",
        },
        {
          source: 'am-down',
          kind: 'alertmanager',
          message: "Alertmanager 'am-down' is unreachable",
        },
        {
          source: 'prom-broken',
          kind: 'prometheus',
          message: "Prometheus 'prom-broken' answered 500",
        },
        {
          source: 'prom-down',
          kind: 'prometheus',
          message: "Prometheus 'prom-down' is unreachable",
        },
      ]),
    );
    const rules = await request(server).get('/api/alerts/rules').set(user);
    expect(rules.status).toBe(503);
    expect(rules.body.error.message).toMatch(/^No alert source answered: /);
    expect(rules.body.error.message).toContain(
      "Prometheus 'prom-broken' answered 500",
    );
    expect(rules.body.error.message).toContain(
      "Prometheus 'prom-down' is unreachable",
    );
    const silences = await request(server)
      .get('/api/alerts/silences')
      .set(user);
    expect(silences.status).toBe(200);
    expect(silences.body.errors).toHaveLength(2);
    for (const res of [alerts, rules, silences]) {
      expectNoDetails(res.text);
    }

    const warnings = logger.warn.mock.calls.map(([m]) => String(m)).join('\n');
    expect(warnings).toContain(`GET ${down}/api/v2/alerts: ECONNREFUSED`);
    expect(warnings).toContain(`GET ${broken.url}/api/v1/alerts: 500`);
    expect(warnings).toContain(SECRET);
  });

  it('names the Alertmanager when a silence is refused or cannot be written', async () => {
    const { server, logger } = await start();
    const silence = (source: string) =>
      request(server).post('/api/alerts/silences').set(user).send({
        matchers: 'alertname="X"',
        duration: '1h',
        comment: 'maintenance',
        source,
      });
    const refused = await silence('am-broken');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      "Alertmanager 'am-broken' refused the silence (400)",
    );
    const unreachable = await silence('am-down');
    expect(unreachable.status).toBe(503);
    expect(unreachable.body.error.message).toBe(
      "Alertmanager 'am-down' is unreachable",
    );
    const expire = await request(server)
      .delete('/api/alerts/silences/s-1?source=am-broken')
      .set(user);
    expect(expire.status).toBe(502);
    expect(expire.body.error.message).toBe(
      "Alertmanager 'am-broken' answered 500",
    );
    for (const res of [refused, unreachable, expire]) {
      expectNoDetails(res.text);
    }
    const warnings = logger.warn.mock.calls.map(([m]) => String(m)).join('\n');
    expect(warnings).toContain(
      `POST ${broken.url}/api/v2/silences: 400 {"error":"bad silence (${SECRET})"}`,
    );
    expect(warnings).toContain(`POST ${down}/api/v2/silences: ECONNREFUSED`);
  });
});
