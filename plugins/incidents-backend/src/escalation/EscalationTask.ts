import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  dueNotifications,
  findLevel,
  Incident,
  IncidentLevel,
  IncidentNotification,
} from '@fdp/plugin-incidents-common';
import { IncidentStore } from '../database/IncidentStore';
import { IncidentChange } from '../service/IncidentsService';
import { SlackNotifier } from './SlackNotifier';

export interface EscalationTaskOptions {
  store: IncidentStore;
  levels: IncidentLevel[];
  /** Role → user and group refs (`incidents.roles`). */
  roles: Record<string, string[]>;
  notifications: NotificationService;
  slack: SlackNotifier;
  logger: LoggerService;
  onChange: (incidentId: string, change: IncidentChange) => void;
  /** The clock (tests inject one). */
  now?: () => Date;
}

/** The timeline actor of the task's entries. */
export const SCHEDULER_ACTOR = 'scheduler';

const SEVERITY: Record<string, 'critical' | 'high' | 'normal'> = {
  P1: 'critical',
  P2: 'high',
};

/**
 * One round of escalation and breach detection: for every unresolved
 * incident, the notifications its level's schedule has made due
 * (`dueNotifications`) and that were not sent yet. Each is claimed in the
 * notifications-sent table before it goes out (the unique key decides
 * between replicas and survives a restart), then sent to the role's users
 * and groups through Backstage's notifications and, if configured, Slack;
 * a failed send gives the claim back so that the next round retries it.
 */
export class EscalationTask {
  private readonly now: () => Date;

  constructor(private readonly options: EscalationTaskOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Returns the keys sent in this round. */
  async run(): Promise<string[]> {
    const { store, levels } = this.options;
    const now = this.now();
    const incidents = await store.listUnresolved();
    const sent = await store.sentNotificationKeys(incidents.map(i => i.id));
    const done: string[] = [];
    for (const incident of incidents) {
      const level = findLevel(levels, incident.level);
      if (!level) continue;
      for (const due of dueNotifications(incident, level, now, sent)) {
        if (await this.sendOnce(incident, level, due, now)) {
          done.push(due.key);
        }
      }
    }
    return done;
  }

  private async sendOnce(
    incident: Incident,
    level: IncidentLevel,
    due: IncidentNotification,
    now: Date,
  ): Promise<boolean> {
    const { store, roles, logger } = this.options;
    if (!(await store.claimNotification(due.key, incident.id, now))) {
      return false;
    }
    const recipients = roles[due.role] ?? [];
    const title =
      due.kind === 'escalation'
        ? `[${level.id}] ${incident.title}: escalated to ${due.role} (step ${
            due.step! + 1
          } of ${level.escalation.length})`
        : `[${level.id}] ${incident.title}: resolution time breached`;
    const description =
      due.kind === 'escalation'
        ? `Incident ${incident.id} (${level.name}) is ${incident.stage} since ${incident.detectedAt}; escalation step ${due.step} (${due.role}) was due at ${due.dueAt}.`
        : `Incident ${incident.id} (${level.name}) is not resolved; it was due at ${due.dueAt}.`;
    try {
      if (recipients.length) {
        await this.options.notifications.send({
          recipients: { type: 'entity', entityRef: recipients },
          payload: {
            title: title.slice(0, 300),
            description,
            link: `/incidents/${incident.id}`,
            severity: SEVERITY[level.id] ?? 'normal',
            topic: 'incidents',
            // a notification re-sent with the same scope replaces itself
            scope: due.key,
          },
        });
      } else {
        logger.warn(`Incident role '${due.role}' maps to nobody`);
      }
      await this.options.slack.post(level.id, `${title}\n${description}`);
    } catch (error) {
      await store.releaseNotification(due.key);
      logger.warn(
        `Sending incident notification ${due.key} failed, retrying next round: ${error}`,
      );
      return false;
    }
    await store.addEntries(
      incident.id,
      [
        {
          kind: 'notification',
          notification: due.kind,
          roles: [due.role],
          recipients,
        },
      ],
      SCHEDULER_ACTOR,
      now,
    );
    this.options.onChange(incident.id, 'notification');
    return true;
  }
}
