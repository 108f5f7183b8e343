import { formatDuration, formatUtc } from './format';
import { IncidentLevel } from './levels';
import { evaluateSla, SlaClock } from './sla';
import { STAGE_LABELS } from './stages';
import { Incident, TimelineEntry, TimelineEvent } from './types';

export interface PostmortemInput {
  incident: Incident;
  timeline: readonly TimelineEntry[];
  /** The incident's level; without it the SLA lines are left out. */
  level?: IncidentLevel;
  now: Date;
}

/** Longest excerpt of a note or reason in the timeline summary. */
const EXCERPT = 160;

/**
 * The post-mortem document an incident starts with (Markdown): the facts
 * filled in (level, entity, owner, times, SLA results, a one-line-per-entry
 * timeline summary), then the sections of the procedure's last steps for the
 * team to write: root cause, fix, prevention.
 */
export function postmortemTemplate(input: PostmortemInput): string {
  const { incident, timeline, level, now } = input;
  const sla = level ? evaluateSla(incident, level, now) : undefined;
  const facts: Array<[string, string]> = [
    ['Incident', incident.id],
    [
      'Level',
      level
        ? `${level.id} ${level.name} (${level.description})`
        : incident.level,
    ],
    ['Entity', incident.entityRef ?? '—'],
    ['Owner', incident.owner ?? '—'],
    ['Detected', formatUtc(incident.detectedAt)],
    [
      'Responding',
      milestone(incident.detectedAt, incident.acknowledgedAt, sla?.response),
    ],
    [
      'Resolved',
      milestone(incident.detectedAt, incident.resolvedAt, sla?.resolution),
    ],
  ];
  return [
    `# Post-mortem: ${oneLine(incident.title, 200)}`,
    '',
    '| | |',
    '|---|---|',
    ...facts.map(([k, v]) => `| ${k} | ${cell(v)} |`),
    '',
    '## Timeline summary',
    '',
    ...(timeline.length
      ? [...timeline]
          .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
          .map(e => `- ${formatUtc(e.at)} — ${describe(e)} (${e.actor})`)
      : ['- (no timeline entries)']),
    '',
    '## Root cause',
    '',
    '<!-- What caused the incident, and why it was not caught earlier? -->',
    '',
    '## Fix',
    '',
    '<!-- What was done to restore service, and how recovery was verified. -->',
    '',
    '## Prevention',
    '',
    '<!-- What changes keep this from happening again; one action item per line, with an owner. -->',
    '',
    '- [ ] ',
    '',
  ].join('\n');
}

function milestone(
  detectedAt: string,
  at: string | undefined,
  clock: SlaClock | undefined,
): string {
  if (!at) {
    return clock ? `not yet (SLA ${clock.status})` : 'not yet';
  }
  const after = formatDuration(Date.parse(at) - Date.parse(detectedAt));
  const sla = clock
    ? `; SLA ${formatDuration(clock.windowMs)} ${clock.status}`
    : '';
  return `${formatUtc(at)} (after ${after}${sla})`;
}

/** One line per kind of entry; a mapped type keeps it complete. */
const DESCRIBE: {
  [K in TimelineEvent['kind']]: (
    event: Extract<TimelineEvent, { kind: K }>,
  ) => string;
} = {
  created: e => `opened as ${e.level}`,
  transition: e =>
    `${STAGE_LABELS[e.from]} → ${STAGE_LABELS[e.to]}${
      e.note ? `: ${oneLine(e.note, EXCERPT)}` : ''
    }`,
  level: e =>
    `level ${e.from} → ${e.to}${
      e.reason ? `: ${oneLine(e.reason, EXCERPT)}` : ''
    }`,
  assignment: e =>
    [
      e.owner ? `owner ${e.owner.to ?? 'unassigned'}` : '',
      e.respondersAdded.length
        ? `responders added ${e.respondersAdded.join(', ')}`
        : '',
      e.respondersRemoved.length
        ? `responders removed ${e.respondersRemoved.join(', ')}`
        : '',
    ]
      .filter(Boolean)
      .join('; '),
  edit: e => `edited ${e.fields.join(', ')}`,
  note: e => `note: ${oneLine(e.text, EXCERPT)}`,
  alert: e => `alert ${e.status}: ${e.alertnames.join(', ')}`,
  notification: e => `${e.notification} notified ${e.roles.join(', ')}`,
};

function describe(entry: TimelineEntry): string {
  return (DESCRIBE[entry.kind] as (event: TimelineEvent) => string)(entry);
}

/** User text on one line of a list item, cut at `max` characters. */
function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A table cell must not break the table. */
function cell(text: string): string {
  return oneLine(text, 500).replace(/\|/g, '\\|');
}
