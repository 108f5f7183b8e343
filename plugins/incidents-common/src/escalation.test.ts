import {
  currentEscalationStep,
  dueNotifications,
  EscalationSubject,
  escalationSchedule,
  nextEscalation,
} from './escalation';
import { DEFAULT_LEVELS, IncidentLevel } from './levels';

const T0 = Date.UTC(2026, 10, 30, 0, 0, 0);
const MINUTE = 60_000;
const at = (minutes: number) => new Date(T0 + minutes * MINUTE).toISOString();
const now = (minutes: number) => new Date(T0 + minutes * MINUTE);
const [P1, P2, P3] = DEFAULT_LEVELS;

const incident: EscalationSubject = { id: 'inc-1', detectedAt: at(0) };

/**
 * The scheduled task, minute by minute: what is sent when, each key once.
 * `stateAt` gives the incident (and level) as they are at that minute.
 */
function simulate(
  minutes: number,
  stateAt: (minute: number) => [EscalationSubject, IncidentLevel],
) {
  const sent = new Set<string>();
  const log: string[] = [];
  for (let minute = 0; minute <= minutes; minute++) {
    const [subject, level] = stateAt(minute);
    for (const n of dueNotifications(subject, level, now(minute), sent)) {
      sent.add(n.key);
      log.push(`${minute} ${n.kind} ${n.role}`);
    }
  }
  return log;
}

/** The incident as of minute `m`: the last phase started by then. */
function phase(
  m: number,
  phases: Array<[number, EscalationSubject]>,
): EscalationSubject {
  return phases.filter(([start]) => start <= m).pop()![1];
}

describe('escalation schedule', () => {
  it.each([
    {
      level: P1,
      steps: [
        ['devops_lead', 0],
        ['system_architect', 15],
        ['cto', 30],
      ],
    },
    {
      level: P2,
      steps: [
        ['devops_engineer', 0],
        ['team_lead', 30],
      ],
    },
    { level: P3, steps: [['on_call_engineer', 0]] },
  ])(
    '$level.id: step k at detectedAt + k × response time',
    ({ level, steps }) => {
      expect(escalationSchedule(incident, level)).toEqual(
        steps.map(([role, minutes], step) => ({
          step,
          role,
          dueAt: at(minutes as number),
        })),
      );
    },
  );
});

describe('dueNotifications', () => {
  it('P1 left unacknowledged: devops lead, system architect, cto, then the whole chain on the resolution breach', () => {
    expect(simulate(300, () => [incident, P1])).toEqual([
      '0 escalation devops_lead',
      '15 escalation system_architect',
      '30 escalation cto',
      '121 resolution-breach devops_lead',
      '121 resolution-breach system_architect',
      '121 resolution-breach cto',
    ]);
  });

  it('P2 and P3 on their own schedules', () => {
    expect(simulate(500, () => [incident, P2])).toEqual([
      '0 escalation devops_engineer',
      '30 escalation team_lead',
      '241 resolution-breach devops_engineer',
      '241 resolution-breach team_lead',
    ]);
    expect(simulate(500, () => [incident, P3])).toEqual([
      '0 escalation on_call_engineer',
      '481 resolution-breach on_call_engineer',
    ]);
  });

  it('stops escalating once the incident is responding, and is silent once resolved', () => {
    const acknowledged = { ...incident, acknowledgedAt: at(20) };
    const resolved = { ...acknowledged, resolvedAt: at(100) };
    expect(
      simulate(300, m => [
        phase(m, [
          [0, incident],
          [20, acknowledged],
          [100, resolved],
        ]),
        P1,
      ]),
    ).toEqual(['0 escalation devops_lead', '15 escalation system_architect']);
  });

  it('breaches the resolution of an acknowledged incident', () => {
    const acknowledged = { ...incident, acknowledgedAt: at(5) };
    expect(simulate(300, m => [m < 5 ? incident : acknowledged, P1])).toEqual([
      '0 escalation devops_lead',
      '121 resolution-breach devops_lead',
      '121 resolution-breach system_architect',
      '121 resolution-breach cto',
    ]);
  });

  it('sends a step due exactly now, but not when acknowledged at that moment', () => {
    expect(
      dueNotifications(incident, P1, now(15), new Set()).map(n => n.role),
    ).toEqual(['devops_lead', 'system_architect']);
    expect(
      dueNotifications(
        { ...incident, acknowledgedAt: at(15) },
        P1,
        now(15),
        new Set(),
      ),
    ).toEqual([]);
  });

  it('notifies the resolution breach only after the due time', () => {
    const acknowledged = { ...incident, acknowledgedAt: at(5) };
    expect(dueNotifications(acknowledged, P1, now(120), new Set())).toEqual([]);
    expect(
      dueNotifications(
        acknowledged,
        P1,
        new Date(T0 + 120 * MINUTE + 1),
        new Set(),
      ),
    ).toHaveLength(3);
  });

  it('gives each notification a stable key and leaves out those already sent', () => {
    const due = dueNotifications(incident, P1, now(16), new Set());
    expect(due).toEqual([
      {
        key: 'inc-1/P1/escalation/0/devops_lead',
        kind: 'escalation',
        incidentId: 'inc-1',
        level: 'P1',
        role: 'devops_lead',
        step: 0,
        dueAt: at(0),
      },
      {
        key: 'inc-1/P1/escalation/1/system_architect',
        kind: 'escalation',
        incidentId: 'inc-1',
        level: 'P1',
        role: 'system_architect',
        step: 1,
        dueAt: at(15),
      },
    ]);
    // After a restart the backend passes the keys it recorded.
    const recorded = new Set(due.map(n => n.key));
    expect(dueNotifications(incident, P1, now(16), recorded)).toEqual([]);
    expect(
      dueNotifications(incident, P1, now(200), recorded).map(n => n.key),
    ).toEqual([
      'inc-1/P1/escalation/2/cto',
      'inc-1/P1/resolution-breach/devops_lead',
      'inc-1/P1/resolution-breach/system_architect',
      'inc-1/P1/resolution-breach/cto',
    ]);
  });

  it('raising the level mid-incident notifies the new chain’s due steps at once', () => {
    // P3 for 40 unacknowledged minutes, then P1: P1's steps at 0, 15 and 30
    // minutes are all past.
    expect(simulate(45, m => [incident, m < 40 ? P3 : P1])).toEqual([
      '0 escalation on_call_engineer',
      '40 escalation devops_lead',
      '40 escalation system_architect',
      '40 escalation cto',
    ]);
  });

  it('lowering and raising again does not repeat what was sent for a level', () => {
    expect(simulate(60, m => [incident, m < 20 || m >= 40 ? P1 : P2])).toEqual([
      '0 escalation devops_lead',
      '15 escalation system_architect',
      '20 escalation devops_engineer',
      '30 escalation team_lead',
      '40 escalation cto',
    ]);
  });

  it('does not repeat the breach after a reopened incident is resolved and reopened again', () => {
    const acknowledged = { ...incident, acknowledgedAt: at(5) };
    const resolved = { ...acknowledged, resolvedAt: at(130) };
    // Breached at 121, resolved at 130, reopened at 140 (resolvedAt cleared).
    expect(
      simulate(200, m => [
        phase(m, [
          [0, incident],
          [5, acknowledged],
          [130, resolved],
          [140, acknowledged],
        ]),
        P1,
      ]),
    ).toEqual([
      '0 escalation devops_lead',
      '121 resolution-breach devops_lead',
      '121 resolution-breach system_architect',
      '121 resolution-breach cto',
    ]);
  });
});

describe('nextEscalation', () => {
  it.each([
    [
      0,
      { kind: 'escalation', roles: ['system_architect'], step: 1, at: at(15) },
    ],
    [
      14,
      { kind: 'escalation', roles: ['system_architect'], step: 1, at: at(15) },
    ],
    [15, { kind: 'escalation', roles: ['cto'], step: 2, at: at(30) }],
    [
      30,
      {
        kind: 'resolution-breach',
        roles: ['devops_lead', 'system_architect', 'cto'],
        at: at(120),
      },
    ],
    [
      120,
      {
        kind: 'resolution-breach',
        roles: ['devops_lead', 'system_architect', 'cto'],
        at: at(120),
      },
    ],
    [121, undefined],
  ])('P1 unacknowledged at %d min', (minutes, next) => {
    expect(nextEscalation(incident, P1, now(minutes))).toEqual(next);
  });

  it('after acknowledgement: the resolution breach; once resolved: nothing', () => {
    const acknowledged = { ...incident, acknowledgedAt: at(5) };
    expect(nextEscalation(acknowledged, P1, now(6))).toEqual({
      kind: 'resolution-breach',
      roles: ['devops_lead', 'system_architect', 'cto'],
      at: at(120),
    });
    expect(
      nextEscalation({ ...acknowledged, resolvedAt: at(50) }, P1, now(51)),
    ).toBeUndefined();
  });

  it('puts the breach first when it comes before the next chain step', () => {
    const slow: IncidentLevel = {
      ...P1,
      id: 'P4',
      responseMs: 60 * MINUTE,
      resolutionMs: 90 * MINUTE,
    };
    expect(nextEscalation(incident, slow, now(61))?.kind).toBe(
      'resolution-breach',
    );
    expect(nextEscalation(incident, slow, now(91))).toEqual({
      kind: 'escalation',
      roles: ['cto'],
      step: 2,
      at: at(120),
    });
  });
});

describe('currentEscalationStep', () => {
  it('is the latest step due, up to acknowledgement', () => {
    expect(currentEscalationStep(incident, P1, now(-1))).toBeUndefined();
    expect(currentEscalationStep(incident, P1, now(0))?.role).toBe(
      'devops_lead',
    );
    expect(currentEscalationStep(incident, P1, now(20))?.role).toBe(
      'system_architect',
    );
    expect(currentEscalationStep(incident, P1, now(600))?.role).toBe('cto');
    expect(
      currentEscalationStep(
        { ...incident, acknowledgedAt: at(10) },
        P1,
        now(600),
      )?.role,
    ).toBe('devops_lead');
  });
});
