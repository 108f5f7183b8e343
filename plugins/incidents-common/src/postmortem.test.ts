import { DEFAULT_LEVELS } from './levels';
import { postmortemTemplate } from './postmortem';
import { Incident, TimelineEntry } from './types';

const T0 = Date.UTC(2026, 10, 30, 0, 0, 0);
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

const incident: Incident = {
  id: 'inc-42',
  title: 'trading-api | all pods down',
  description: '',
  level: 'P1',
  stage: 'resolved',
  entityRef: 'component:default/trading-api',
  owner: 'user:default/devops-lead',
  responders: [],
  source: 'alertmanager',
  detectedAt: at(0),
  acknowledgedAt: at(10),
  resolvedAt: at(130),
  createdAt: at(0),
  createdBy: 'alertmanager',
  updatedAt: at(130),
  version: 7,
};

const entry = (minutes: number, actor: string) => ({
  id: `e${minutes}`,
  incidentId: 'inc-42',
  at: at(minutes),
  actor,
});

const timeline: TimelineEntry[] = [
  {
    ...entry(10, 'user:default/devops-lead'),
    kind: 'transition',
    from: 'triaged',
    to: 'responding',
    note: 'team\nassembled',
  },
  {
    ...entry(0, 'alertmanager'),
    kind: 'created',
    level: 'P2',
    stage: 'detected',
  },
  {
    ...entry(5, 'user:default/devops-lead'),
    kind: 'level',
    from: 'P2',
    to: 'P1',
    reason: 'no pod ready',
  },
  {
    ...entry(20, 'user:default/devops-lead'),
    kind: 'assignment',
    owner: { to: 'user:default/devops-lead' },
    respondersAdded: ['user:default/sre'],
    respondersRemoved: [],
  },
  { ...entry(30, 'user:default/sre'), kind: 'note', text: 'x'.repeat(500) },
  {
    ...entry(40, 'alertmanager'),
    kind: 'alert',
    status: 'resolved',
    groupKey: 'g',
    alertnames: ['ServiceDown'],
  },
  {
    ...entry(60, 'scheduler'),
    kind: 'notification',
    notification: 'escalation',
    roles: ['system_architect'],
    recipients: ['user:default/system-architect'],
  },
  { ...entry(125, 'user:default/sre'), kind: 'edit', fields: ['title'] },
  {
    ...entry(130, 'user:default/devops-lead'),
    kind: 'transition',
    from: 'mitigating',
    to: 'resolved',
  },
];

describe('postmortemTemplate', () => {
  const doc = postmortemTemplate({
    incident,
    timeline,
    level: DEFAULT_LEVELS[0],
    now: new Date(T0 + 600 * 60_000),
  });

  it('fills in the facts with the SLA results', () => {
    expect(doc).toContain('# Post-mortem: trading-api | all pods down\n');
    expect(doc).toContain('| Level | P1 critical (complete service outage) |');
    expect(doc).toContain('| Entity | component:default/trading-api |');
    expect(doc).toContain('| Detected | 2026-11-30 00:00 UTC |');
    expect(doc).toContain(
      '| Responding | 2026-11-30 00:10 UTC (after 10m; SLA 15m met) |',
    );
    expect(doc).toContain(
      '| Resolved | 2026-11-30 02:10 UTC (after 2h 10m; SLA 2h breached) |',
    );
  });

  it('summarises the timeline in time order, one line per entry', () => {
    const summary = doc
      .split('## Timeline summary\n\n')[1]
      .split('\n\n')[0]
      .split('\n');
    expect(summary).toEqual([
      '- 2026-11-30 00:00 UTC — opened as P2 (alertmanager)',
      '- 2026-11-30 00:05 UTC — level P2 → P1: no pod ready (user:default/devops-lead)',
      '- 2026-11-30 00:10 UTC — Level judged → Responding: team assembled (user:default/devops-lead)',
      '- 2026-11-30 00:20 UTC — owner user:default/devops-lead; responders added user:default/sre (user:default/devops-lead)',
      `- 2026-11-30 00:30 UTC — note: ${'x'.repeat(159)}… (user:default/sre)`,
      '- 2026-11-30 00:40 UTC — alert resolved: ServiceDown (alertmanager)',
      '- 2026-11-30 01:00 UTC — escalation notified system_architect (scheduler)',
      '- 2026-11-30 02:05 UTC — edited title (user:default/sre)',
      '- 2026-11-30 02:10 UTC — Fix executed → Recovery verified (user:default/devops-lead)',
    ]);
  });

  it('has the sections of the procedure to write', () => {
    const headings = doc.split('\n').filter(l => l.startsWith('## '));
    expect(headings).toEqual([
      '## Timeline summary',
      '## Root cause',
      '## Fix',
      '## Prevention',
    ]);
  });

  it('works for an unresolved incident without its level', () => {
    const open = postmortemTemplate({
      incident: {
        ...incident,
        acknowledgedAt: undefined,
        resolvedAt: undefined,
        entityRef: undefined,
      },
      timeline: [],
      now: new Date(T0),
    });
    expect(open).toContain('| Level | P1 |');
    expect(open).toContain('| Entity | — |');
    expect(open).toContain('| Resolved | not yet |');
    expect(open).toContain('- (no timeline entries)');
  });

  it('says how an open clock stands when the level is known', () => {
    const open = postmortemTemplate({
      incident: { ...incident, resolvedAt: undefined },
      timeline: [],
      level: DEFAULT_LEVELS[0],
      now: new Date(T0 + 200 * 60_000),
    });
    expect(open).toContain('| Resolved | not yet (SLA breached) |');
  });
});
