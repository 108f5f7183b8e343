import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { DEFAULT_LEVELS } from '@fdp/plugin-incidents-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { DEFAULT_ROLES } from '../config';
import { IncidentStore } from '../database/IncidentStore';
import { EscalationTask } from './EscalationTask';
import { SlackNotifier } from './SlackNotifier';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const SLACK = 'https://hooks.slack.test/services/T0/B0/secret';
const slackPosts: string[] = [];
let slackStatus = 200;
const server = setupServer(
  http.post(SLACK, async ({ request }) => {
    slackPosts.push(((await request.json()) as { text: string }).text);
    return new HttpResponse(null, { status: slackStatus });
  }),
  http.post('http://slack-down.test/hook', () => HttpResponse.error()),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const T0 = new Date('2026-11-30T00:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(databases.eachSupportedId())('EscalationTask on %s', id => {
  let db: Knex;
  let store: IncidentStore;
  let clock: Date;
  let sent: NotificationSendOptions[];

  const task = (send?: (o: NotificationSendOptions) => Promise<void>) =>
    new EscalationTask({
      store,
      levels: DEFAULT_LEVELS,
      roles: { ...DEFAULT_ROLES },
      notifications: {
        send:
          send ??
          (async options => {
            sent.push(options);
          }),
      },
      slack: new SlackNotifier({ P1: SLACK }),
      logger: mockServices.logger.mock(),
      onChange: () => {},
      now: () => clock,
    });
  const recipients = () =>
    sent.map(s => (s.recipients as { entityRef: string[] }).entityRef);

  beforeEach(async () => {
    db = await databases.init(id);
    await IncidentStore.migrate(db);
    store = IncidentStore.fromKnex(db);
    sent = [];
    slackPosts.length = 0;
    slackStatus = 200;
  });

  async function openP1() {
    const { incident } = await store.insert(
      {
        id: randomUUID(),
        title: 'trading-api down',
        description: '',
        level: 'P1',
        stage: 'detected',
        responders: [],
        source: 'alertmanager',
        detectedAt: T0,
        createdBy: 'alertmanager',
      },
      'alertmanager',
      T0,
    );
    return incident;
  }

  it('walks the P1 chain at 0, 15 and 30 minutes, once each, and stops at responding', async () => {
    const incident = await openP1();
    clock = at(0);
    expect(await task().run()).toEqual([
      `${incident.id}/P1/escalation/0/devops_lead`,
    ]);
    expect(recipients()).toEqual([['user:default/devops-lead']]);
    expect(sent[0].payload).toMatchObject({
      title: '[P1] trading-api down: escalated to devops_lead (step 1 of 3)',
      severity: 'critical',
      link: `/incidents/${incident.id}`,
      scope: `${incident.id}/P1/escalation/0/devops_lead`,
    });
    clock = at(14.99);
    expect(await task().run()).toEqual([]);
    clock = at(15);
    await task().run();
    clock = at(29);
    await task().run();
    expect(recipients()).toEqual([
      ['user:default/devops-lead'],
      ['user:default/system-architect'],
    ]);
    clock = at(30);
    // a "restarted" task: a new instance on the same database
    await task().run();
    await task().run();
    expect(recipients()).toEqual([
      ['user:default/devops-lead'],
      ['user:default/system-architect'],
      ['user:default/cto'],
    ]);
    expect(slackPosts).toHaveLength(3);

    // responding: no more chain steps; the resolution breach still goes to all
    const moved = await store.update(
      incident.id,
      1,
      { stage: 'responding', acknowledgedAt: at(31).toISOString() },
      [],
      'u',
      at(31),
    );
    expect(moved.outcome).toBe('updated');
    clock = at(119);
    expect(await task().run()).toEqual([]);
    clock = new Date(at(120).getTime() + 1);
    expect(await task().run()).toHaveLength(3);
    expect(sent[3].payload.title).toBe(
      '[P1] trading-api down: resolution time breached',
    );
    expect(recipients().slice(3)).toEqual([
      ['user:default/devops-lead'],
      ['user:default/system-architect'],
      ['user:default/cto'],
    ]);
    clock = at(500);
    expect(await task().run()).toEqual([]);

    const notifications = (await store.timeline(incident.id)).filter(
      e => e.kind === 'notification',
    );
    expect(
      notifications.map(e =>
        e.kind === 'notification' ? `${e.notification} ${e.roles}` : '',
      ),
    ).toEqual([
      'escalation devops_lead',
      'escalation system_architect',
      'escalation cto',
      'resolution-breach devops_lead',
      'resolution-breach system_architect',
      'resolution-breach cto',
    ]);
    expect(notifications.every(e => e.actor === 'scheduler')).toBe(true);
  });

  it('sends each notification once when two replicas run the same round', async () => {
    await openP1();
    clock = at(30);
    const [a, b] = await Promise.all([task().run(), task().run()]);
    expect(a.length + b.length).toBe(3);
    expect(new Set([...a, ...b]).size).toBe(3);
    expect(sent).toHaveLength(3);
  });

  it('retries a notification whose sending failed', async () => {
    const incident = await openP1();
    clock = at(0);
    const failing = task(async () => {
      throw new Error('notifications backend down');
    });
    expect(await failing.run()).toEqual([]);
    expect(await store.sentNotificationKeys([incident.id])).toEqual(new Set());
    slackStatus = 500;
    expect(await task().run()).toEqual([]);
    slackStatus = 200;
    expect(await task().run()).toEqual([
      `${incident.id}/P1/escalation/0/devops_lead`,
    ]);
  });
});

describe('SlackNotifier', () => {
  it('names the level and never the secret URL when Slack fails', async () => {
    slackStatus = 403;
    await expect(
      new SlackNotifier({ P1: SLACK }).post('P1', 'x'),
    ).rejects.toThrow(/^Slack webhook of P1 answered 403$/);
    await expect(
      new SlackNotifier({ P2: 'http://slack-down.test/hook' }).post('P2', 'x'),
    ).rejects.toThrow(/^Slack webhook of P2 is unreachable \(TypeError\)$/);
    // nothing configured for the level: nothing to post
    await expect(
      new SlackNotifier({}).post('P3', 'x'),
    ).resolves.toBeUndefined();
  });
});
