import { TestDatabases } from '@backstage/backend-test-utils';
import {
  computeStats,
  DEFAULT_LEVELS,
  STATS_WINDOWS,
} from '@fdp/plugin-incidents-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { IncidentStore } from './IncidentStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const NOW = new Date('2026-11-30T12:00:00.000Z');
const MIN = 60_000;
const DAY = 1440 * MIN;

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function lcg(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe.each(databases.eachSupportedId())('queryStats on %s', id => {
  let db: Knex;
  let store: IncidentStore;

  beforeAll(async () => {
    db = await databases.init(id);
    await IncidentStore.migrate(db);
    store = IncidentStore.fromKnex(db);
  });

  it('agrees with computeStats (the reference) on every window', async () => {
    const random = lcg(42);
    const subjects: Array<{
      level: string;
      detectedAt: string;
      acknowledgedAt?: string;
      resolvedAt?: string;
    }> = [];
    // edges: met exactly at the due time, breached 1 ms after, an
    // unconfigured level, running clocks, and incidents outside the windows
    const rows = [
      {
        level: 'P1',
        detected: NOW.getTime() - DAY,
        ack: 15 * MIN,
        res: 120 * MIN,
      },
      {
        level: 'P1',
        detected: NOW.getTime() - DAY,
        ack: 15 * MIN + 1,
        res: 120 * MIN + 1,
      },
      {
        level: 'P7',
        detected: NOW.getTime() - 2 * DAY,
        ack: MIN,
        res: 2 * MIN,
      },
      { level: 'P3', detected: NOW.getTime() - 5 * MIN },
      { level: 'P2', detected: NOW.getTime() - 100 * DAY, ack: MIN },
      { level: 'P2', detected: NOW.getTime() + MIN },
    ] as Array<{ level: string; detected: number; ack?: number; res?: number }>;
    for (let i = 0; i < 300; i++) {
      const detected = NOW.getTime() - Math.floor(random() * 95 * DAY);
      const ack =
        random() < 0.8 ? Math.floor(random() * 3 * 3600_000) : undefined;
      const res =
        ack !== undefined && random() < 0.8
          ? ack + Math.floor(random() * 9 * 3600_000)
          : undefined;
      rows.push({
        level: ['P1', 'P2', 'P3'][Math.floor(random() * 3)],
        detected,
        ack,
        res,
      });
    }
    await db.batchInsert(
      'incidents',
      rows.map(r => {
        const iso = (offset?: number) =>
          offset === undefined
            ? undefined
            : new Date(r.detected + offset).toISOString();
        subjects.push({
          level: r.level,
          detectedAt: new Date(r.detected).toISOString(),
          acknowledgedAt: iso(r.ack),
          resolvedAt: iso(r.res),
        });
        const date = (offset?: number) =>
          offset === undefined ? null : new Date(r.detected + offset);
        return {
          id: randomUUID(),
          title: 't',
          description: '',
          level: r.level,
          stage: r.res !== undefined ? 'resolved' : 'detected',
          is_open: r.res === undefined,
          responders: '[]',
          source: 'manual',
          detected_at: new Date(r.detected),
          acknowledged_at: date(r.ack),
          resolved_at: date(r.res),
          created_by: 'u',
          created_at: NOW,
          updated_at: NOW,
          version: 1,
        };
      }),
      100,
    );

    for (const window of STATS_WINDOWS) {
      const expected = computeStats(subjects, DEFAULT_LEVELS, window, NOW);
      const actual = await store.stats(DEFAULT_LEVELS, window, NOW);
      const rounded = (s: typeof expected) =>
        JSON.parse(
          JSON.stringify(s, (_, v) =>
            typeof v === 'number' ? Math.round(v * 1000) / 1000 : v,
          ),
        );
      expect(rounded(actual)).toEqual(rounded(expected));
      expect(actual.overall.incidents).toBeGreaterThan(0);
    }
    // the edge rows are in: one met and one breached P1 response on day 1
    const week = await store.stats(DEFAULT_LEVELS, '7d', NOW);
    expect(week.levels[0].response.met).toBeGreaterThanOrEqual(1);
    expect(week.levels[0].response.breached).toBeGreaterThanOrEqual(1);
  });
});
