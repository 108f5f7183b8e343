import { DEFAULT_LEVELS } from './levels';
import { evaluateSla, SlaSubject } from './sla';

const T0 = Date.UTC(2026, 10, 30, 0, 0, 0);
const MINUTE = 60_000;
const at = (minutes: number) => new Date(T0 + minutes * MINUTE).toISOString();
const now = (minutes: number) => new Date(T0 + minutes * MINUTE);
const [P1, P2, P3] = DEFAULT_LEVELS;

const open: SlaSubject = { detectedAt: at(0) };

describe('SLA due times per level', () => {
  it.each([
    { level: P1, response: 15, resolution: 120 },
    { level: P2, response: 30, resolution: 240 },
    { level: P3, response: 120, resolution: 480 },
  ])(
    '$level.id: response due after $response min, resolution after $resolution min',
    ({ level, response, resolution }) => {
      const sla = evaluateSla(open, level, now(1));
      expect(sla.response.dueAt).toBe(at(response));
      expect(sla.resolution.dueAt).toBe(at(resolution));
      expect(sla.response.windowMs).toBe(response * MINUTE);
      expect(sla.response.remainingMs).toBe((response - 1) * MINUTE);
    },
  );
});

describe('SLA status of a running clock', () => {
  // P1 response window: 15 min; at risk from 11.25 min (75 %).
  it.each([
    [0, 'running'],
    [11.24, 'running'],
    [11.25, 'at-risk'],
    [14.99, 'at-risk'],
    [15, 'at-risk'],
    [15 + 1 / MINUTE, 'breached'],
    [60, 'breached'],
  ])('P1 unacknowledged after %d min: %s', (minutes, status) => {
    expect(evaluateSla(open, P1, now(minutes)).response.status).toBe(status);
  });

  it('says how much time is left and by how much it is overdue', () => {
    const before = evaluateSla(open, P2, now(20)).response;
    expect(before.remainingMs).toBe(10 * MINUTE);
    expect(before.elapsedRatio).toBeCloseTo(2 / 3);
    expect(before.stoppedAt).toBeUndefined();
    const after = evaluateSla(open, P2, now(45)).response;
    expect(after.remainingMs).toBe(-15 * MINUTE);
    expect(after.elapsedRatio).toBe(1.5);
  });

  it('runs before detection (a clock skew) without being at risk', () => {
    expect(evaluateSla(open, P1, now(-5)).response).toMatchObject({
      status: 'running',
      remainingMs: 20 * MINUTE,
    });
  });
});

describe('SLA status of a stopped clock', () => {
  it.each([
    [14, 'met', MINUTE],
    [15, 'met', 0],
    [15 + 1 / MINUTE, 'breached', -1],
    [20, 'breached', -5 * MINUTE],
  ])('P1 responding after %d min: %s', (minutes, status, remainingMs) => {
    const sla = evaluateSla(
      { detectedAt: at(0), acknowledgedAt: at(minutes) },
      P1,
      now(600),
    );
    expect(sla.response).toMatchObject({
      status,
      stoppedAt: at(minutes),
      remainingMs,
    });
  });

  it('does not depend on now once stopped', () => {
    const incident = {
      detectedAt: at(0),
      acknowledgedAt: at(10),
      resolvedAt: at(100),
    };
    expect(evaluateSla(incident, P1, now(101))).toEqual(
      evaluateSla(incident, P1, now(100_000)),
    );
  });

  it('keeps the clocks apart: response met, resolution breached', () => {
    const sla = evaluateSla(
      { detectedAt: at(0), acknowledgedAt: at(5), resolvedAt: at(150) },
      P1,
      now(200),
    );
    expect(sla.response.status).toBe('met');
    expect(sla.resolution).toMatchObject({
      status: 'breached',
      remainingMs: -30 * MINUTE,
    });
  });
});

describe('a level change mid-incident', () => {
  const incident: SlaSubject = { detectedAt: at(0) };

  it('recomputes both clocks from detection with the new level', () => {
    // Raised from P3 to P1 after 20 unacknowledged minutes: P3 had 100 min
    // left, P1's response window ended 5 minutes ago.
    expect(evaluateSla(incident, P3, now(20)).response.status).toBe('running');
    const raised = evaluateSla(incident, P1, now(20));
    expect(raised.response).toMatchObject({
      status: 'breached',
      dueAt: at(15),
      remainingMs: -5 * MINUTE,
    });
    expect(raised.resolution).toMatchObject({
      status: 'running',
      dueAt: at(120),
    });
  });

  it('judges an acknowledgement by the level of the evaluation', () => {
    const acknowledged = { detectedAt: at(0), acknowledgedAt: at(25) };
    expect(evaluateSla(acknowledged, P1, now(30)).response.status).toBe(
      'breached',
    );
    expect(evaluateSla(acknowledged, P2, now(30)).response.status).toBe('met');
  });
});

describe('a reopened incident', () => {
  it('runs its resolution clock again from detection', () => {
    // Resolved at 60 min (met), reopened at 70 min: resolvedAt is cleared.
    const reopened = { detectedAt: at(0), acknowledgedAt: at(10) };
    expect(evaluateSla(reopened, P1, now(100)).resolution).toMatchObject({
      status: 'at-risk',
      dueAt: at(120),
      remainingMs: 20 * MINUTE,
    });
    expect(evaluateSla(reopened, P1, now(121)).resolution.status).toBe(
      'breached',
    );
    // Resolved again at 130 min: the last resolution counts.
    expect(
      evaluateSla({ ...reopened, resolvedAt: at(130) }, P1, now(131)).resolution
        .status,
    ).toBe('breached');
  });
});
