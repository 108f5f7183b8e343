/*
 * The incidents backend as the browser and Alertmanager reach it, on
 * PostgreSQL and SQLite: a full lifecycle with its timeline, optimistic
 * concurrency under 50 concurrent PATCHes, the webhook, permissions and bad
 * input.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  BackstageUserPrincipal,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  AuthorizeResult,
  QueryPermissionResponse,
} from '@backstage/plugin-permission-common';
import { incidentUpdatePermission } from '@fdp/plugin-incidents-common';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { Knex } from 'knex';
import request from 'supertest';
import {
  createIncidentConditionalDecision,
  incidentConditions,
} from './permissions/rules';
import { incidentsPlugin } from './plugin';
import { firingServiceDown } from './testing/alertmanagerPayloads';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const TOKEN = 'test-only-incidents-webhook-token';

const entity = (kind: string, name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
});
const entities = [
  entity('Component', 'trading-api'),
  entity('User', 'devops-lead'),
  entity('User', 'system-architect'),
  entity('User', 'cto'),
];

const lead = {
  Authorization: mockCredentials.user.header('user:default/devops-lead'),
};
const architect = {
  Authorization: mockCredentials.user.header('user:default/system-architect'),
};
const amAuth = { Authorization: `Bearer ${TOKEN}` };

const cto = {
  Authorization: mockCredentials.user.header('user:default/cto'),
};

/** The portal policy's shape: devops-lead allowed, everyone else only as the incident's owner. */
const ownerPolicy: Partial<PermissionsService> = {
  // creating is for every signed-in user
  authorize: async requests =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  // the update permission is the only one asked conditionally
  authorizeConditional: async (requests, { credentials }) =>
    requests.map((): QueryPermissionResponse => {
      const { userEntityRef } = credentials.principal as BackstageUserPrincipal;
      return userEntityRef === 'user:default/devops-lead'
        ? { result: AuthorizeResult.ALLOW }
        : createIncidentConditionalDecision(
            incidentUpdatePermission,
            incidentConditions.isIncidentOwner({ userEntityRef }),
          );
    }),
};

async function start(
  knex: Knex,
  options: { deny?: string[]; policy?: typeof ownerPolicy } = {},
) {
  const deny = (reqs: any[]) =>
    reqs.map(r => ({
      result: options.deny!.includes(r.permission.name)
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    }));
  const publish = jest.fn(async () => {});
  const { server } = await startTestBackend({
    features: [
      incidentsPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({ publish }),
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: jest.fn(async () => {}) }),
      }),
      mockServices.rootConfig.factory({
        data: { incidents: { webhook: { token: TOKEN } } },
      }),
      ...(options.deny
        ? [
            mockServices.permissions.mock({
              authorize: async (reqs: any[]) => deny(reqs),
              authorizeConditional: async (reqs: any[]) => deny(reqs),
            }).factory,
          ]
        : []),
      ...(options.policy
        ? [mockServices.permissions.mock(options.policy).factory]
        : []),
    ],
  });
  return { server, publish };
}

describe.each(databases.eachSupportedId())('incidents backend on %s', id => {
  let knex: Knex;
  beforeEach(async () => {
    knex = await databases.init(id);
  });

  it('runs an incident through the procedure, keeping the timeline', async () => {
    const { server, publish } = await start(knex);
    const created = await request(server)
      .post('/api/incidents/incidents')
      .set(lead)
      .send({
        title: 'trading-api returns 503',
        level: 'P3',
        entityRef: 'trading-api',
      });
    expect(created.status).toBe(201);
    const incident = created.body;
    expect(incident).toMatchObject({
      title: 'trading-api returns 503',
      level: 'P3',
      stage: 'detected',
      entityRef: 'component:default/trading-api',
      createdBy: 'user:default/devops-lead',
      source: 'manual',
      version: 1,
    });
    const url = `/api/incidents/incidents/${incident.id}`;

    const raised = await request(server)
      .patch(url)
      .set(lead)
      .send({
        version: 1,
        level: 'P1',
        levelReason: 'every order fails',
        owner: 'devops-lead',
        responders: ['user:default/cto', 'system-architect'],
      });
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({
      level: 'P1',
      owner: 'user:default/devops-lead',
      responders: ['user:default/cto', 'user:default/system-architect'],
      version: 2,
    });

    for (const to of ['triaged', 'responding', 'investigating', 'resolved']) {
      const moved = await request(server)
        .post(`${url}/transitions`)
        .set(architect)
        .send({ to, note: `now ${to}` });
      expect(moved.status).toBe(200);
      expect(moved.body.stage).toBe(to);
    }
    // recovery not confirmed: reopen, then resolve again
    const reopened = await request(server)
      .post(`${url}/transitions`)
      .set(lead)
      .send({ to: 'mitigating' });
    expect(reopened.body.resolvedAt).toBeUndefined();
    expect(reopened.body.acknowledgedAt).toBeDefined();
    await request(server)
      .post(`${url}/transitions`)
      .set(lead)
      .send({ to: 'resolved' })
      .expect(200);
    const note = await request(server)
      .post(`${url}/notes`)
      .set(lead)
      .send({ text: 'pods are back' });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({
      kind: 'note',
      text: 'pods are back',
      actor: 'user:default/devops-lead',
    });

    const postmortem = await request(server)
      .post(`${url}/transitions`)
      .set(lead)
      .send({ to: 'postmortem' });
    expect(postmortem.body.postmortem).toContain(
      '# Post-mortem: trading-api returns 503',
    );
    expect(postmortem.body.postmortem).toContain(
      'level P3 → P1: every order fails',
    );
    const written = await request(server)
      .patch(url)
      .set(lead)
      .send({
        version: postmortem.body.version,
        postmortem: `${postmortem.body.postmortem}\nRoot cause: a bad deploy`,
      });
    expect(written.status).toBe(200);
    const closed = await request(server)
      .post(`${url}/transitions`)
      .set(lead)
      .send({ to: 'closed' });
    expect(closed.body).toMatchObject({ stage: 'closed' });
    expect(closed.body.closedAt).toBeDefined();

    const refused = await request(server)
      .post(`${url}/transitions`)
      .set(lead)
      .send({ to: 'resolved' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      "Invalid transition to 'resolved' (INCIDENT_CLOSED): A closed incident cannot move to resolved",
    );

    const details = await request(server).get(url).set(architect);
    expect(details.status).toBe(200);
    const timeline = details.body.timeline.map((e: any) =>
      e.kind === 'transition'
        ? `${e.actor} ${e.from}→${e.to}`
        : `${e.actor} ${e.kind}`,
    );
    expect(timeline).toEqual([
      'user:default/devops-lead created',
      'user:default/devops-lead level',
      'user:default/devops-lead assignment',
      'user:default/system-architect detected→triaged',
      'user:default/system-architect triaged→responding',
      'user:default/system-architect responding→investigating',
      'user:default/system-architect investigating→resolved',
      'user:default/devops-lead resolved→mitigating',
      'user:default/devops-lead mitigating→resolved',
      'user:default/devops-lead note',
      'user:default/devops-lead resolved→postmortem',
      'user:default/devops-lead edit',
      'user:default/devops-lead postmortem→closed',
    ]);
    for (const entry of details.body.timeline) {
      expect(Date.parse(entry.at)).not.toBeNaN();
    }
    expect(details.body.timeline[1]).toMatchObject({
      from: 'P3',
      to: 'P1',
      reason: 'every order fails',
    });
    expect(details.body.timeline[2]).toMatchObject({
      owner: { to: 'user:default/devops-lead' },
      respondersAdded: ['user:default/cto', 'user:default/system-architect'],
      respondersRemoved: [],
    });
    expect(details.body.sla.response.status).toBe('met');
    expect(details.body.sla.resolution.status).toBe('met');
    expect(details.body.escalation.next).toBeUndefined();

    const closedList = await request(server)
      .get('/api/incidents/incidents?status=closed&entityRef=trading-api')
      .set(lead);
    expect(closedList.body.items.map((i: any) => i.id)).toEqual([incident.id]);
    const stats = await request(server)
      .get('/api/incidents/stats?window=7d')
      .set(lead);
    expect(stats.status).toBe(200);
    expect(stats.body.levels[0]).toMatchObject({
      level: 'P1',
      incidents: 1,
      response: { met: 1, breached: 0, ratio: 1 },
    });
    // one signal per change: created, patch, 4 moves, reopen, resolve, note,
    // post-mortem, patch, close
    expect(publish).toHaveBeenCalledTimes(12);
    expect(publish).toHaveBeenCalledWith(
      expect.objectContaining({
        channel: 'incidents',
        message: expect.objectContaining({ incidentId: incident.id }),
      }),
    );
  });

  it('lets exactly one of 50 concurrent PATCHes at the same version through', async () => {
    const { server } = await start(knex);
    const { body: incident } = await request(server)
      .post('/api/incidents/incidents')
      .set(lead)
      .send({ title: 'race', level: 'P2' })
      .expect(201);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        request(server)
          .patch(`/api/incidents/incidents/${incident.id}`)
          .set(lead)
          .send({ version: 1, title: `race ${i}` }),
      ),
    );
    const statuses = responses.map(r => r.status);
    expect(statuses.filter(s => s === 200)).toHaveLength(1);
    expect(statuses.filter(s => s === 409)).toHaveLength(49);
    const conflict = responses.find(r => r.status === 409)!;
    expect(conflict.body).toMatchObject({
      error: { name: 'ConflictError' },
      response: { statusCode: 409 },
      currentVersion: 2,
    });
    const details = await request(server)
      .get(`/api/incidents/incidents/${incident.id}`)
      .set(lead);
    expect(details.body.incident.version).toBe(2);
    expect(details.body.timeline.map((e: any) => e.kind)).toEqual([
      'created',
      'edit',
    ]);
  });

  it('opens one incident per firing alert group, and records redelivery and resolution', async () => {
    const { server } = await start(knex);
    const unauthorised = await request(server)
      .post('/api/incidents/webhooks/alertmanager')
      .set({ Authorization: 'Bearer wrong-token-of-some-length' })
      .send(firingServiceDown);
    expect(unauthorised.status).toBe(401);
    await request(server)
      .post('/api/incidents/webhooks/alertmanager')
      .send(firingServiceDown)
      .expect(401);
    const none = await request(server)
      .get('/api/incidents/incidents')
      .set(lead);
    expect(none.body.items).toEqual([]);

    const opened = await request(server)
      .post('/api/incidents/webhooks/alertmanager')
      .set(amAuth)
      .send(firingServiceDown);
    expect(opened.status).toBe(200);
    expect(opened.body.action).toBe('opened');
    const again = await request(server)
      .post('/api/incidents/webhooks/alertmanager')
      .set(amAuth)
      .send(firingServiceDown);
    expect(again.body).toEqual({
      action: 'updated',
      incidentId: opened.body.incidentId,
    });
    const resolved = await request(server)
      .post('/api/incidents/webhooks/alertmanager')
      .set(amAuth)
      .send({
        ...firingServiceDown,
        status: 'resolved',
        alerts: firingServiceDown.alerts.map(a => ({
          ...a,
          status: 'resolved',
        })),
      });
    expect(resolved.body.action).toBe('updated');

    const list = await request(server)
      .get('/api/incidents/incidents?status=open')
      .set(lead);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      id: opened.body.incidentId,
      title: 'trading-api is down',
      level: 'P1',
      stage: 'detected',
      entityRef: 'component:default/trading-api',
      detectedAt: '2026-11-30T00:10:00.000Z',
    });
    const details = await request(server)
      .get(`/api/incidents/incidents/${opened.body.incidentId}`)
      .set(lead);
    expect(details.body.incident).toMatchObject({
      source: 'alertmanager',
      createdBy: 'alertmanager',
    });
    expect(
      details.body.timeline.map((e: any) => [e.kind, e.status, e.actor]),
    ).toEqual([
      ['created', undefined, 'alertmanager'],
      ['alert', 'firing', 'alertmanager'],
      ['alert', 'firing', 'alertmanager'],
      ['alert', 'resolved', 'alertmanager'],
    ]);

    // concurrent first deliveries of another group still open one incident
    const other = {
      ...firingServiceDown,
      groupKey: '{}:{alertname="ApiErrorRateHigh"}',
      commonLabels: { alertname: 'ApiErrorRateHigh', priority: 'high' },
      commonAnnotations: {},
      alerts: [
        {
          ...firingServiceDown.alerts[0],
          labels: {
            alertname: 'ApiErrorRateHigh',
            priority: 'high',
            service: 'not-in-catalog',
          },
        },
      ],
    };
    const burst = await Promise.all(
      Array.from({ length: 10 }, () =>
        request(server)
          .post('/api/incidents/webhooks/alertmanager')
          .set(amAuth)
          .send(other),
      ),
    );
    expect(burst.map(r => r.status)).toEqual(Array(10).fill(200));
    expect(burst.filter(r => r.body.action === 'opened')).toHaveLength(1);
    const errors = await request(server)
      .get('/api/incidents/incidents?level=P2')
      .set(lead);
    expect(errors.body.items).toHaveLength(1);
    expect(errors.body.items[0].title).toBe(
      'ApiErrorRateHigh on not-in-catalog',
    );
    expect(errors.body.items[0].entityRef).toBeUndefined();

    const low = await request(server)
      .post('/api/incidents/webhooks/alertmanager')
      .set(amAuth)
      .send({
        ...other,
        groupKey: 'low',
        alerts: [{ ...other.alerts[0], labels: { priority: 'low' } }],
      });
    expect(low.body.action).toBe('ignored');
    const bad = await request(server)
      .post('/api/incidents/webhooks/alertmanager')
      .set(amAuth)
      .send({ ...firingServiceDown, version: '3' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('at "version"');
    const huge = await request(server)
      .post('/api/incidents/webhooks/alertmanager')
      .set(amAuth)
      .set('Content-Type', 'application/json')
      .send(
        JSON.stringify({
          ...firingServiceDown,
          commonAnnotations: { description: 'x'.repeat(1_100_000) },
        }),
      );
    expect(huge.status).toBe(413);
  });
});

describe.each(databases.eachSupportedId())(
  'incidents backend requests on %s',
  id => {
    let knex: Knex;
    beforeAll(async () => {
      knex = await databases.init(id);
    });

    it('pages with an opaque cursor and refuses a bad one', async () => {
      const { server } = await start(knex);
      for (let i = 0; i < 5; i++) {
        await request(server)
          .post('/api/incidents/incidents')
          .set(lead)
          .send({
            title: `incident ${i}`,
            level: 'P3',
            detectedAt: new Date(Date.UTC(2026, 10, 29, 0, i)).toISOString(),
          })
          .expect(201);
      }
      const titles: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await request(server)
          .get('/api/incidents/incidents')
          .query({ limit: 2, q: 'incident', ...(cursor ? { cursor } : {}) })
          .set(lead);
        expect(page.status).toBe(200);
        titles.push(...page.body.items.map((i: any) => i.title));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(titles).toEqual([4, 3, 2, 1, 0].map(i => `incident ${i}`));
      const bad = await request(server)
        .get('/api/incidents/incidents?cursor=bm9wZQ')
        .set(lead);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toBe(
        'Invalid cursor: pass the nextCursor of a previous page unchanged',
      );
    });

    it('lists summaries with an ETag, 304 when unchanged, and shows a change at once', async () => {
      const { server } = await start(knex);
      const list = () =>
        request(server)
          .get('/api/incidents/incidents')
          .query({ status: 'open', entityRef: 'trading-api' })
          .set(lead);
      const empty = await list();
      expect(empty.status).toBe(200);
      expect(empty.body).toEqual({ items: [] });

      const created = await request(server)
        .post('/api/incidents/incidents')
        .set(lead)
        .send({
          title: 'orders stuck',
          description: 'not in the list',
          level: 'P2',
          entityRef: 'component:default/trading-api',
          owner: 'user:default/devops-lead',
          detectedAt: '2026-11-29T10:00:00.000Z',
        })
        .expect(201);
      // read within the cache's second: the create dropped the cached page
      const page = await list();
      expect(page.body.items).toEqual([
        {
          id: created.body.id,
          title: 'orders stuck',
          level: 'P2',
          stage: 'detected',
          entityRef: 'component:default/trading-api',
          owner: 'user:default/devops-lead',
          detectedAt: '2026-11-29T10:00:00.000Z',
          version: 1,
        },
      ]);
      const etag = page.headers.etag;
      expect(etag).not.toBe(empty.headers.etag);
      expect(page.headers['content-type']).toMatch(/^application\/json/);

      const unchanged = await list().set('If-None-Match', etag);
      expect(unchanged.status).toBe(304);
      expect(unchanged.text).toBe('');

      await request(server)
        .post(`/api/incidents/incidents/${created.body.id}/transitions`)
        .set(lead)
        .send({ to: 'triaged' })
        .expect(200);
      const moved = await list().set('If-None-Match', etag);
      expect(moved.status).toBe(200);
      expect(moved.body.items[0]).toMatchObject({
        stage: 'triaged',
        version: 2,
      });
      // the cache is for signed-in users only
      await request(server)
        .get('/api/incidents/incidents')
        .query({ status: 'open', entityRef: 'trading-api' })
        .set('Authorization', mockCredentials.none.header())
        .expect(401);
    });

    it.each([
      [
        'post',
        '/incidents',
        { title: 'x', level: 'P7' },
        400,
        "Invalid level 'P7': configured levels are P1, P2, P3",
      ],
      [
        'post',
        '/incidents',
        { title: 'x', level: 'P1', entityRef: 'component:default/nope' },
        400,
        "Invalid entityRef 'component:default/nope': no such entity in the catalog",
      ],
      [
        'post',
        '/incidents',
        { title: 'x', level: 'P1', owner: 'nobody' },
        400,
        'Invalid owner: no such user in the catalog: user:default/nobody',
      ],
      [
        'post',
        '/incidents',
        { title: 'x'.repeat(201), level: 'P1' },
        400,
        'at "title"',
      ],
      [
        'post',
        '/incidents',
        { title: 'x', level: 'P1', detectedAt: '2999-01-01T00:00:00Z' },
        400,
        'it is in the future',
      ],
      [
        'post',
        '/incidents',
        { title: 'x\u0000', level: 'P1' },
        400,
        'must not contain NUL characters at "title"',
      ],
      [
        'get',
        '/incidents?q=%00',
        undefined,
        400,
        'must not contain NUL characters at "q"',
      ],
      ['get', '/incidents?status=pending', undefined, 400, 'at "status"'],
      ['get', '/stats?window=1y', undefined, 400, 'at "window"'],
      [
        'get',
        '/levels?x=1',
        undefined,
        400,
        "Unrecognized key(s) in object: 'x'",
      ],
      [
        'get',
        '/incidents/00000000-0000-4000-8000-000000000000',
        undefined,
        404,
        "No incident with id '00000000-0000-4000-8000-000000000000'",
      ],
      [
        'get',
        '/incidents/not-a-uuid',
        undefined,
        404,
        "No incident with id 'not-a-uuid'",
      ],
      [
        'patch',
        '/incidents/00000000-0000-4000-8000-000000000000',
        { version: 1, title: 'x' },
        404,
        'No incident',
      ],
      [
        'post',
        '/incidents/00000000-0000-4000-8000-000000000000/notes',
        { text: 'x' },
        404,
        'No incident',
      ],
    ] as const)('%s %s → %d', async (method, path, body, status, message) => {
      const { server } = await start(knex);
      const req = request(server)[method](`/api/incidents${path}`).set(lead);
      const res = body ? await req.send(body) : await req;
      expect(res.status).toBe(status);
      expect(res.body.error.message).toContain(message);
    });

    it('answers GET /levels with the configured levels and who each role is', async () => {
      const { server } = await start(knex);
      const res = await request(server).get('/api/incidents/levels').set(lead);
      expect(res.body.levels.map((l: any) => [l.id, l.responseMs])).toEqual([
        ['P1', 900_000],
        ['P2', 1_800_000],
        ['P3', 7_200_000],
      ]);
      expect(res.body.roles).toMatchObject({
        devops_lead: ['user:default/devops-lead'],
        system_architect: ['user:default/system-architect'],
        cto: ['user:default/cto'],
      });
    });

    it('asks for a signed-in user and the permissions', async () => {
      const { server } = await start(knex, {
        deny: ['incidents.incident.create', 'incidents.incident.update'],
      });
      await request(server)
        .get('/api/incidents/incidents')
        .set({ Authorization: mockCredentials.none.header() })
        .expect(401);
      await request(server)
        .get('/api/incidents/incidents')
        .set(lead)
        .expect(200);
      const create = await request(server)
        .post('/api/incidents/incidents')
        .set(lead)
        .send({ title: 'x', level: 'P1' });
      expect(create.status).toBe(403);
      expect(create.body.error.message).toBe(
        'Missing permission incidents.incident.create',
      );
      // a change has a person behind it: service tokens only read
      const service = await request(server)
        .post('/api/incidents/incidents')
        .set({ Authorization: mockCredentials.service.header() })
        .send({ title: 'x', level: 'P1' });
      expect(service.status).toBe(403);
      const incidentId = '11111111-1111-4111-8111-111111111111';
      await knex('incidents').insert({
        id: incidentId,
        title: 't',
        description: '',
        level: 'P1',
        stage: 'detected',
        is_open: true,
        responders: '[]',
        source: 'manual',
        detected_at: new Date(),
        created_by: 'u',
        created_at: new Date(),
        updated_at: new Date(),
        version: 1,
      });
      const patch = await request(server)
        .patch(`/api/incidents/incidents/${incidentId}`)
        .set(lead)
        .send({ version: 1, title: 'y' });
      expect(patch.status).toBe(403);
      expect(patch.body.error.message).toBe(
        'Missing permission incidents.incident.update',
      );
    });

    it("lets a policy's owner condition through PATCH, transitions and notes, and no one else", async () => {
      const { server } = await start(knex, { policy: ownerPolicy });
      const { body: incident } = await request(server)
        .post('/api/incidents/incidents')
        .set(lead)
        .send({ title: 'owned', level: 'P2', owner: 'user:default/cto' })
        .expect(201);
      const url = `/api/incidents/incidents/${incident.id}`;

      const byOwner = await request(server)
        .patch(url)
        .set(cto)
        .send({ version: 1, title: 'owned and renamed' });
      expect(byOwner.status).toBe(200);
      expect(byOwner.body).toMatchObject({
        title: 'owned and renamed',
        version: 2,
      });
      await request(server)
        .post(`${url}/transitions`)
        .set(cto)
        .send({ to: 'triaged' })
        .expect(200);
      await request(server)
        .post(`${url}/notes`)
        .set(cto)
        .send({ text: 'looking' })
        .expect(201);

      for (const [path, body] of [
        ['', { version: 3, title: 'taken over' }],
        ['/transitions', { to: 'responding' }],
        ['/notes', { text: 'not mine' }],
      ] as const) {
        const req = path
          ? request(server).post(`${url}${path}`)
          : request(server).patch(url);
        const other = await req.set(architect).send(body);
        expect(other.status).toBe(403);
        expect(other.body.error.message).toBe(
          'Missing permission incidents.incident.update',
        );
      }
      // devops updates any incident
      await request(server)
        .patch(url)
        .set(lead)
        .send({ version: 3, title: 'by devops' })
        .expect(200);
      const { body: after } = await request(server).get(url).set(lead);
      expect(after.incident).toMatchObject({
        title: 'by devops',
        stage: 'triaged',
      });
    });

    it("evaluates a policy's owner condition on the incident", async () => {
      const { server } = await start(knex);
      const { body: incident } = await request(server)
        .post('/api/incidents/incidents')
        .set(lead)
        .send({ title: 'owned', level: 'P2', owner: 'user:default/cto' })
        .expect(201);
      const ownedBy = (userEntityRef: string, resourceRef = incident.id) => ({
        id: userEntityRef,
        resourceRef,
        resourceType: 'incident',
        conditions: {
          rule: 'IS_INCIDENT_OWNER',
          resourceType: 'incident',
          params: { userEntityRef },
        },
      });
      const res = await request(server)
        .post(
          '/api/incidents/.well-known/backstage/permissions/apply-conditions',
        )
        .set({ Authorization: mockCredentials.service.header() })
        .send({
          items: [
            ownedBy('user:default/cto'),
            ownedBy('user:default/devops-lead'),
          ],
        });
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        { id: 'user:default/cto', result: 'ALLOW' },
        { id: 'user:default/devops-lead', result: 'DENY' },
      ]);
      const unknown = await request(server)
        .post(
          '/api/incidents/.well-known/backstage/permissions/apply-conditions',
        )
        .set({ Authorization: mockCredentials.service.header() })
        .send({ items: [ownedBy('user:default/cto', 'not-an-id')] });
      expect(unknown.body.items).toEqual([
        { id: 'user:default/cto', result: 'DENY' },
      ]);
    });
  },
);
