/*
 * Escalation end to end on one test backend: the incidents plugin, the real
 * notifications backend and a catalog with the chain's users (the default
 * `incidents.roles`). A P1 left unacknowledged reaches devops-lead, then
 * system-architect, then cto at detectedAt + k × 15 min, as each user reads
 * it from the notifications API; once an incident is `responding` its
 * remaining steps never go out.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  createServiceFactory,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import request from 'supertest';
import { incidentsPlugin } from '../plugin';

jest.setTimeout(60_000);

const T0 = new Date('2026-11-30T00:00:00.000Z');
const MINUTE = 60_000;

const CHAIN = ['devops-lead', 'system-architect', 'cto'] as const;
type ChainUser = (typeof CHAIN)[number];

const user = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { memberOf: [] },
});

const as = (name: string) => ({
  Authorization: mockCredentials.user.header(`user:default/${name}`),
});

describe('P1 escalation through the notifications backend', () => {
  // the plugin takes no clock: the service and the task read `new Date()`, so
  // the clock is the system time; only Date is faked so that I/O, timers and
  // the HTTP server keep running in real time
  beforeAll(() => {
    jest.useFakeTimers({
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    jest.setSystemTime(T0);
  });
  afterAll(() => jest.useRealTimers());

  it('notifies the chain at 0, 15 and 30 min and nobody once responding', async () => {
    const tasks = new Map<string, SchedulerServiceTaskInvocationDefinition>();
    // rounds run when the test says so, at the time it has set
    const keep = async (task: SchedulerServiceTaskInvocationDefinition) => {
      tasks.set(task.id, task);
    };
    const scheduler = mockServices.scheduler.mock({
      scheduleTask: keep,
      createScheduledTaskRunner: () => ({ run: keep }),
    });
    const { server } = await startTestBackend({
      features: [
        incidentsPlugin,
        notificationsPlugin,
        scheduler.factory,
        catalogServiceMock.factory({ entities: CHAIN.map(user) }),
        // the notifications backend publishes its own signals; none are read here
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => ({ publish: async () => {} }),
        }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://portal.test' },
            backend: {
              database: { client: 'better-sqlite3', connection: ':memory:' },
            },
          },
        }),
      ],
    });

    const escalate = async (minutes: number) => {
      jest.setSystemTime(T0.getTime() + minutes * MINUTE);
      await tasks.get('incidents-escalation')!.fn(new AbortController().signal);
    };
    /** Per chain user, the titles of the notifications they can read. */
    const inboxes = async () => {
      const result = {} as Record<ChainUser, string[]>;
      for (const name of CHAIN) {
        const res = await request(server)
          .get('/api/notifications/notifications')
          .set(as(name))
          .expect(200);
        result[name] = res.body.notifications
          .map((n: { payload: { title: string } }) => n.payload.title)
          .sort();
      }
      return result;
    };
    const STEPS = ['devops_lead', 'system_architect', 'cto'];
    const escalated = (title: string, role: string) =>
      `[P1] ${title}: escalated to ${role} (step ${
        STEPS.indexOf(role) + 1
      } of 3)`;
    const openP1 = async (title: string) => {
      const created = await request(server)
        .post('/api/incidents/incidents')
        .set(as('devops-lead'))
        .send({ title, level: 'P1' });
      expect(created.status).toBe(201);
      expect(created.body.detectedAt).toBe(new Date().toISOString());
      return `/api/incidents/incidents/${created.body.id}`;
    };
    const respond = async (url: string) => {
      for (const to of ['triaged', 'responding']) {
        await request(server)
          .post(`${url}/transitions`)
          .set(as('devops-lead'))
          .send({ to })
          .expect(200);
      }
    };
    const notificationEntries = async (url: string) => {
      const details = await request(server)
        .get(url)
        .set(as('devops-lead'))
        .expect(200);
      return details.body.timeline.filter(
        (e: { kind: string }) => e.kind === 'notification',
      );
    };

    const trading = await openP1('trading-api down');
    await escalate(0);
    expect(await inboxes()).toEqual({
      'devops-lead': [escalated('trading-api down', 'devops_lead')],
      'system-architect': [],
      cto: [],
    });

    // just before the second step is due: nothing new
    await escalate(14.9);
    expect(await inboxes()).toEqual({
      'devops-lead': [escalated('trading-api down', 'devops_lead')],
      'system-architect': [],
      cto: [],
    });

    await escalate(15);
    expect(await inboxes()).toEqual({
      'devops-lead': [escalated('trading-api down', 'devops_lead')],
      'system-architect': [escalated('trading-api down', 'system_architect')],
      cto: [],
    });

    await escalate(30);
    expect(await inboxes()).toEqual({
      'devops-lead': [escalated('trading-api down', 'devops_lead')],
      'system-architect': [escalated('trading-api down', 'system_architect')],
      cto: [escalated('trading-api down', 'cto')],
    });

    // a second P1 at 31 min reaches its first step, then both are
    // acknowledged: the second one's steps (due at 46 and 61 min) must not go out
    const payments = await openP1('payments-api down');
    await escalate(31);
    const final = {
      'devops-lead': [
        escalated('payments-api down', 'devops_lead'),
        escalated('trading-api down', 'devops_lead'),
      ],
      'system-architect': [escalated('trading-api down', 'system_architect')],
      cto: [escalated('trading-api down', 'cto')],
    };
    expect(await inboxes()).toEqual(final);
    await respond(trading);
    await respond(payments);

    // later rounds, up to just before the 2 h resolution breach (which
    // notifies the chain until the incident is resolved, by design)
    for (const minutes of [45, 46, 61, 90, 119]) {
      await escalate(minutes);
      expect(await inboxes()).toEqual(final);
    }
    expect(await notificationEntries(trading)).toHaveLength(3);
    expect(await notificationEntries(payments)).toHaveLength(1);
  });
});
