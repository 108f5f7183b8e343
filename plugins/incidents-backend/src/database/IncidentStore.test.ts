import { TestDatabases } from '@backstage/backend-test-utils';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { DuplicateDedupKey, IncidentStore, NewIncident } from './IncidentStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const T0 = new Date('2026-11-30T00:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function newIncident(overrides: Partial<NewIncident> = {}): NewIncident {
  return {
    id: randomUUID(),
    title: 'trading-api down',
    description: 'every pod crash-looping',
    level: 'P1',
    stage: 'detected',
    entityRef: 'component:default/trading-api',
    responders: [],
    source: 'manual',
    detectedAt: T0,
    createdBy: 'user:default/devops-lead',
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())('IncidentStore on %s', id => {
  let db: Knex;
  let store: IncidentStore;

  beforeAll(async () => {
    db = await databases.init(id);
    await IncidentStore.migrate(db);
    store = IncidentStore.fromKnex(db);
  });

  it('migrates down and up again', async () => {
    const tables = async () =>
      (
        await Promise.all(
          ['incidents', 'incident_timeline', 'incident_notifications_sent'].map(
            t => db.schema.hasTable(t),
          ),
        )
      ).every(Boolean);
    expect(await tables()).toBe(true);
    await IncidentStore.rollback(db);
    expect(await db.schema.hasTable('incidents')).toBe(false);
    expect(await db.schema.hasTable('incident_timeline')).toBe(false);
    expect(await db.schema.hasTable('incident_notifications_sent')).toBe(false);
    await IncidentStore.migrate(db);
    expect(await tables()).toBe(true);
  });

  it('inserts with a created entry and reads it back with times and JSON intact', async () => {
    const incident = newIncident({
      responders: ['user:default/cto'],
      detectedAt: new Date('2026-11-29T23:58:30.123Z'),
    });
    const { incident: stored, entries } = await store.insert(
      incident,
      'user:default/devops-lead',
      T0,
    );
    expect(stored).toEqual({
      id: incident.id,
      title: 'trading-api down',
      description: 'every pod crash-looping',
      level: 'P1',
      stage: 'detected',
      entityRef: 'component:default/trading-api',
      responders: ['user:default/cto'],
      source: 'manual',
      detectedAt: '2026-11-29T23:58:30.123Z',
      createdAt: T0.toISOString(),
      createdBy: 'user:default/devops-lead',
      updatedAt: T0.toISOString(),
      version: 1,
    });
    expect(entries).toEqual([
      {
        id: expect.any(String),
        incidentId: incident.id,
        at: T0.toISOString(),
        actor: 'user:default/devops-lead',
        kind: 'created',
        level: 'P1',
        stage: 'detected',
      },
    ]);
    expect(await store.timeline(incident.id)).toEqual(entries);
  });

  it('updates only at the expected version, appending the timeline in the same step', async () => {
    const { incident } = await store.insert(newIncident(), 'u', T0);
    const moved = await store.update(
      incident.id,
      1,
      { stage: 'responding', acknowledgedAt: at(5).toISOString() },
      [{ kind: 'transition', from: 'detected', to: 'responding' }],
      'user:default/devops-lead',
      at(5),
    );
    expect(moved).toMatchObject({
      outcome: 'updated',
      incident: {
        stage: 'responding',
        acknowledgedAt: at(5).toISOString(),
        version: 2,
        updatedAt: at(5).toISOString(),
      },
    });
    const stale = await store.update(
      incident.id,
      1,
      { title: 'lost' },
      [{ kind: 'edit', fields: ['title'] }],
      'u',
      at(6),
    );
    expect(stale).toEqual({ outcome: 'conflict', currentVersion: 2 });
    expect(
      await store.update(randomUUID(), 1, { title: 'x' }, [], 'u', at(6)),
    ).toEqual({ outcome: 'not-found' });
    const kinds = (await store.timeline(incident.id)).map(e => e.kind);
    expect(kinds).toEqual(['created', 'transition']);
    expect((await store.get(incident.id))!.title).toBe('trading-api down');
  });

  it('lets exactly one of 50 concurrent updates at the same version win', async () => {
    const { incident } = await store.insert(newIncident(), 'u', T0);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.update(
          incident.id,
          1,
          { title: `title ${i}` },
          [{ kind: 'edit', fields: ['title'] }],
          'u',
          at(1),
        ),
      ),
    );
    expect(results.filter(r => r.outcome === 'updated')).toHaveLength(1);
    expect(results.filter(r => r.outcome === 'conflict')).toHaveLength(49);
    expect((await store.get(incident.id))!.version).toBe(2);
    expect(await store.timeline(incident.id)).toHaveLength(2);
  });

  it('keeps one incident per dedup key until it is closed', async () => {
    const dedupKey = randomUUID().replace(/-/g, '');
    const first = await store.insert(newIncident({ dedupKey }), 'am', T0);
    await expect(
      store.insert(newIncident({ dedupKey }), 'am', T0),
    ).rejects.toBeInstanceOf(DuplicateDedupKey);
    expect((await store.findByDedupKey(dedupKey))!.id).toBe(first.incident.id);
    await store.update(
      first.incident.id,
      1,
      { stage: 'closed', closedAt: at(9).toISOString() },
      [{ kind: 'transition', from: 'detected', to: 'closed' }],
      'u',
      at(9),
    );
    expect(await store.findByDedupKey(dedupKey)).toBeUndefined();
    const second = await store.insert(newIncident({ dedupKey }), 'am', at(10));
    expect(second.incident.id).not.toBe(first.incident.id);
  });

  it('claims a notification key once', async () => {
    const { incident } = await store.insert(newIncident(), 'u', T0);
    const key = `${incident.id}/P1/escalation/0/devops_lead`;
    const claims = await Promise.all(
      Array.from({ length: 5 }, () =>
        store.claimNotification(key, incident.id, T0),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.sentNotificationKeys([incident.id])).toEqual(
      new Set([key]),
    );
    await store.releaseNotification(key);
    expect(await store.claimNotification(key, incident.id, T0)).toBe(true);
  });

  it('pages the list open first, newest first, with filters and text search', async () => {
    const fresh = IncidentStore.fromKnex(db);
    await db('incidents').delete();
    const ids: Record<string, string> = {};
    const add = async (
      name: string,
      minutes: number,
      overrides: Partial<NewIncident> = {},
    ) => {
      const { incident } = await fresh.insert(
        newIncident({ title: name, detectedAt: at(minutes), ...overrides }),
        'u',
        at(minutes),
      );
      ids[name] = incident.id;
      return incident;
    };
    await add('old open', 0);
    const closed = await add('closed one', 30);
    await fresh.update(closed.id, 1, { stage: 'closed' }, [], 'u', at(31));
    await add('new open 100%_done', 20, {
      level: 'P2',
      owner: 'user:default/cto',
    });
    await add('same time a', 10);
    await add('same time b', 10, { entityRef: 'component:default/other' });

    const titles = async (filter: Record<string, string> = {}, limit = 2) => {
      const all: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const res = await fresh.list({ ...filter, cursor, limit } as any);
        all.push(...res.items.map(i => i.title));
        cursor = res.nextCursor;
        if (!cursor) break;
      }
      return all;
    };
    const sameTime = [ids['same time a'], ids['same time b']].sort().reverse();
    const byId = Object.fromEntries(
      Object.entries(ids).map(([k, v]) => [v, k]),
    );
    expect(await titles()).toEqual([
      'new open 100%_done',
      byId[sameTime[0]],
      byId[sameTime[1]],
      'old open',
      'closed one',
    ]);
    expect(await titles({}, 100)).toHaveLength(5);
    expect(await titles({ status: 'closed' })).toEqual(['closed one']);
    expect(await titles({ status: 'open', level: 'P2' })).toEqual([
      'new open 100%_done',
    ]);
    expect(await titles({ owner: 'user:default/cto' })).toEqual([
      'new open 100%_done',
    ]);
    expect(await titles({ entityRef: 'component:default/other' })).toEqual([
      'same time b',
    ]);
    expect(await titles({ q: 'SAME TIME' })).toHaveLength(2);
    // LIKE wildcards in the text are literal
    expect(await titles({ q: '100%_' })).toEqual(['new open 100%_done']);
    expect(await titles({ q: '_' })).toEqual(['new open 100%_done']);
    expect(await titles({ q: 'crash-looping' })).toHaveLength(5);
  });
});
