import { DEFAULT_LEVELS } from './levels';
import { computeStats, statsWindowMs, StatsSubject } from './stats';

const NOW = new Date(Date.UTC(2026, 10, 30, 12, 0, 0));
const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

/** An incident detected `daysAgo` before NOW, acknowledged / resolved after so many minutes. */
function incident(
  level: string,
  daysAgo: number,
  ackMinutes?: number,
  resolveMinutes?: number,
): StatsSubject {
  const detected = NOW.getTime() - daysAgo * DAY;
  const iso = (minutes?: number) =>
    minutes === undefined
      ? undefined
      : new Date(detected + minutes * MINUTE).toISOString();
  return {
    level,
    detectedAt: new Date(detected).toISOString(),
    ...(ackMinutes !== undefined ? { acknowledgedAt: iso(ackMinutes) } : {}),
    ...(resolveMinutes !== undefined
      ? { resolvedAt: iso(resolveMinutes) }
      : {}),
  };
}

describe('computeStats', () => {
  it('has the 7, 30 and 90 day windows', () => {
    expect(statsWindowMs('7d')).toBe(7 * DAY);
    expect(statsWindowMs('30d')).toBe(30 * DAY);
    expect(statsWindowMs('90d')).toBe(90 * DAY);
  });

  it('computes MTTA, MTTR and SLA compliance per level', () => {
    const stats = computeStats(
      [
        incident('P1', 1, 10, 100), // response met, resolution met
        incident('P1', 2, 20, 130), // response breached, resolution breached
        incident('P1', 3, 15, 120), // both met exactly at the due time
        incident('P2', 4, 40, 200), // response breached, resolution met
        incident('P3', 5), // never acknowledged: both breached by now
      ],
      DEFAULT_LEVELS,
      '7d',
      NOW,
    );
    expect(stats.window).toBe('7d');
    expect(stats.from).toBe(new Date(NOW.getTime() - 7 * DAY).toISOString());
    expect(stats.to).toBe(NOW.toISOString());
    expect(stats.levels).toEqual([
      {
        level: 'P1',
        incidents: 3,
        mttaMs: 15 * MINUTE,
        mttrMs: (350 / 3) * MINUTE,
        response: { met: 2, breached: 1, ratio: 2 / 3 },
        resolution: { met: 2, breached: 1, ratio: 2 / 3 },
      },
      {
        level: 'P2',
        incidents: 1,
        mttaMs: 40 * MINUTE,
        mttrMs: 200 * MINUTE,
        response: { met: 0, breached: 1, ratio: 0 },
        resolution: { met: 1, breached: 0, ratio: 1 },
      },
      {
        level: 'P3',
        incidents: 1,
        mttaMs: null,
        mttrMs: null,
        response: { met: 0, breached: 1, ratio: 0 },
        resolution: { met: 0, breached: 1, ratio: 0 },
      },
    ]);
    expect(stats.overall).toEqual({
      level: 'all',
      incidents: 5,
      mttaMs: (85 / 4) * MINUTE,
      mttrMs: (550 / 4) * MINUTE,
      response: { met: 2, breached: 3, ratio: 2 / 5 },
      resolution: { met: 3, breached: 2, ratio: 3 / 5 },
    });
  });

  it('leaves clocks still inside their window out of the compliance', () => {
    const detected = new Date(NOW.getTime() - 10 * MINUTE).toISOString();
    const stats = computeStats(
      [{ level: 'P1', detectedAt: detected }],
      DEFAULT_LEVELS,
      '7d',
      NOW,
    );
    expect(stats.levels[0]).toMatchObject({
      incidents: 1,
      response: { met: 0, breached: 0, ratio: null },
      resolution: { met: 0, breached: 0, ratio: null },
    });
  });

  it('counts incidents detected within [now − window, now] only', () => {
    const edge = incident('P2', 30, 5, 60);
    const stats = (window: '7d' | '30d' | '90d') =>
      computeStats(
        [
          incident('P2', 6.9, 5, 60),
          edge,
          incident('P2', 30.0001, 5, 60),
          incident('P2', 89, 5, 60),
          incident('P2', -1, 5, 60), // detected after now
        ],
        DEFAULT_LEVELS,
        window,
        NOW,
      ).overall.incidents;
    expect(stats('7d')).toBe(1);
    expect(stats('30d')).toBe(2);
    expect(stats('90d')).toBe(4);
  });

  it('uses the level an incident has now', () => {
    // Acknowledged after 25 minutes: met as P2, breached as P1.
    const [p1] = computeStats(
      [incident('P1', 1, 25, 60)],
      DEFAULT_LEVELS,
      '7d',
      NOW,
    ).levels;
    expect(p1.response).toEqual({ met: 0, breached: 1, ratio: 0 });
  });

  it('counts an incident of a level no longer configured in the overall times only', () => {
    const stats = computeStats(
      [incident('P7', 1, 10, 20)],
      DEFAULT_LEVELS,
      '7d',
      NOW,
    );
    expect(stats.levels.map(l => l.incidents)).toEqual([0, 0, 0]);
    expect(stats.overall).toEqual({
      level: 'all',
      incidents: 1,
      mttaMs: 10 * MINUTE,
      mttrMs: 20 * MINUTE,
      response: { met: 0, breached: 0, ratio: null },
      resolution: { met: 0, breached: 0, ratio: null },
    });
  });

  it('is empty but complete without incidents', () => {
    const stats = computeStats([], DEFAULT_LEVELS, '90d', NOW);
    expect(stats.levels.map(l => [l.level, l.incidents, l.mttaMs])).toEqual([
      ['P1', 0, null],
      ['P2', 0, null],
      ['P3', 0, null],
    ]);
  });
});
