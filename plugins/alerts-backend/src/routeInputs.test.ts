/*
 * Every route of /api/alerts against malformed input: each answer is a 4xx
 * whose message names what is wrong, never a 5xx or a stack trace, and
 * nothing reaches the Alertmanager.
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
import { startFakeSource } from './testing/fakeSource';

/** 10,000 characters, for `HUGE` in a path */
const HUGE = 'x'.repeat(10_000);
const NESTED = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
const silence = { matchers: 'alertname="X"', duration: '1h', comment: 'why' };
const json = (value: unknown) => JSON.stringify(value);

describe('alerts routes', () => {
  let source: Awaited<ReturnType<typeof startFakeSource>>;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    source = await startFakeSource({
      'GET /api/v1/alerts': { body: { data: { alerts: [] } } },
      'GET /api/v1/rules?type=alert': { body: { data: { groups: [] } } },
      'GET /api/v2/alerts': { body: [] },
      'GET /api/v2/silences': { body: [] },
    });
    ({ server } = await startTestBackend({
      features: [
        alertsPlugin,
        catalogServiceMock.factory({ entities: [] }),
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => ({ publish: async () => {} }),
        }),
        mockServices.rootConfig.factory({
          data: {
            alerts: {
              prometheus: [{ name: 'default', url: source.url }],
              alertmanager: [{ name: 'default', url: source.url }],
            },
          },
        }),
      ],
    }));
  });
  afterAll(() => source.close());

  const user = {
    Authorization: mockCredentials.user.header('user:default/devops-lead'),
  };

  it.each([
    ['/alerts?source=nope', "Unrecognized key(s) in object: 'source'"],
    ['/alerts?priority=urgent', 'received \'urgent\' at "priority[0]"'],
    ['/alerts?state=resolved', 'received \'resolved\' at "state[0]"'],
    ['/alerts?entityRef=trading-api', 'at "entityRef"'],
    ['/alerts?receiver=a&receiver=b', 'received array at "receiver"'],
    ['/alerts?receiver[a][b][c][d][e][f]=1', 'received object at "receiver"'],
    ['/alerts?receiver=crit%00ical', 'control characters at "receiver"'],
    ['/alerts?receiver=HUGE', 'at most 128 character(s) at "receiver"'],
    ['/alerts?entityRef=component:HUGE', 'at "entityRef"'],
    ['/rules?source=nope', "Unrecognized key(s) in object: 'source'"],
    ['/silences?source=nope', "Unrecognized key(s) in object: 'source'"],
    ['/silences?state=active', "Unrecognized key(s) in object: 'state'"],
  ])('GET %s is a 400 naming the field', async (path, message) => {
    const res = await request(server)
      .get(`/api/alerts${path.replace('HUGE', HUGE)}`)
      .set(user);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(message),
    });
    expect(res.body.error.stack).toBeUndefined();
  });

  it.each([
    ['bad JSON', '{"matchers": "a=\\"b\\"",', 400, /JSON/],
    ['deep nesting', NESTED, 400, /Expected object, received array/],
    [
      'deep nesting in a field',
      // JSON.stringify would overflow the stack on it
      `${json(silence).slice(0, -1)},"startsAt":${NESTED}}`,
      400,
      /received array at "startsAt"/,
    ],
    [
      'a body over 64 kB',
      json({ ...silence, comment: 'x'.repeat(70_000) }),
      413,
      /too large/,
    ],
    ['a misspelt field', json({ ...silence, sourec: 'eu' }), 400, /'sourec'/],
    [
      'a creator of its own',
      json({ ...silence, createdBy: 'user:default/ceo' }),
      400,
      /'createdBy'/,
    ],
    [
      'a huge comment',
      json({ ...silence, comment: HUGE }),
      400,
      /at most 1000 character\(s\) at "comment"/,
    ],
    [
      'a NUL byte',
      json({ ...silence, comment: 'a\u0000b' }),
      400,
      /control characters at "comment"/,
    ],
    [
      'huge matchers',
      json({ ...silence, matchers: `a="${HUGE}"` }),
      400,
      /at "matchers"/,
    ],
    [
      'too many matchers',
      json({
        ...silence,
        matchers: Array(33).fill({ name: 'a', value: 'b', isRegex: false }),
      }),
      400,
      /at most 32 element\(s\) at "matchers"/,
    ],
    [
      'a lookahead (not RE2)',
      json({ ...silence, matchers: 'alertname=~"(?=X)X"' }),
      400,
      /^Invalid matcher alertname=~"\(\?=X\)X": not a valid RE2/,
    ],
    [
      'a wrong type',
      json({ ...silence, duration: 3600 }),
      400,
      /received number at "duration"/,
    ],
    [
      'an unknown Alertmanager',
      json({ ...silence, source: 'nope' }),
      400,
      /Unknown Alertmanager 'nope'/,
    ],
  ])('POST /silences with %s is a %d', async (_what, body, status, message) => {
    const res = await request(server)
      .post('/api/alerts/silences')
      .set(user)
      .set('Content-Type', 'application/json')
      .send(body);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.stack).toBeUndefined();
  });

  it('POST /silences takes no query parameters', async () => {
    const res = await request(server)
      .post('/api/alerts/silences?source=default')
      .set(user)
      .send(silence);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      "Unrecognized key(s) in object: 'source'",
    );
  });

  it.each([
    ['/silences/s-1?source=nope', /Unknown Alertmanager 'nope'/],
    ['/silences/s-1?sorce=default', /Unrecognized key\(s\) in object: 'sorce'/],
    ['/silences/s-1?source=a&source=b', /received array at "source"/],
    ['/silences/s%00-1', /control characters at "id"/],
    ['/silences/HUGE', /at most 128 character\(s\) at "id"/],
  ])('DELETE %s is a 400 naming the field', async (path, message) => {
    const res = await request(server)
      .delete(`/api/alerts${path.replace('HUGE', HUGE)}`)
      .set(user);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });
});
