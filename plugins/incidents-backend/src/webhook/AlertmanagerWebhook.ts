import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { IncidentLevel, TimelineEvent } from '@fdp/plugin-incidents-common';
import { createHash, randomUUID } from 'node:crypto';
import { DuplicateDedupKey, IncidentStore } from '../database/IncidentStore';
import { CatalogRefs } from '../service/catalogRefs';
import { IncidentChange } from '../service/IncidentsService';
import { alertLevel } from './alertLevel';
import { AlertmanagerPayload } from './alertmanagerPayload';

/** What a delivery did, in the webhook's response (Alertmanager only logs it). */
export interface WebhookOutcome {
  action: 'opened' | 'updated' | 'ignored';
  incidentId?: string;
  reason?: string;
}

export interface AlertmanagerWebhookOptions {
  store: IncidentStore;
  levels: IncidentLevel[];
  priorityLevels: Record<string, string>;
  catalogRefs: CatalogRefs;
  auth: AuthService;
  logger: LoggerService;
  onChange: (incidentId: string, change: IncidentChange) => void;
  now?: () => Date;
}

/** The timeline and the created-by of the webhook's own changes. */
export const ALERTMANAGER_ACTOR = 'alertmanager';

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 10_000;

/**
 * Opens one incident per firing alert group (deduplicated by the group key
 * while the incident is not closed); every later delivery of the group,
 * firing again or resolved, is a timeline entry on it. Closing stays a
 * human decision.
 */
export class AlertmanagerWebhook {
  private readonly now: () => Date;

  constructor(private readonly options: AlertmanagerWebhookOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async receive(payload: AlertmanagerPayload): Promise<WebhookOutcome> {
    const { store } = this.options;
    const dedupKey = createHash('sha256')
      .update(payload.groupKey)
      .digest('hex');
    const alertnames = [
      ...new Set(payload.alerts.map(a => a.labels.alertname).filter(Boolean)),
    ].sort();
    const event: TimelineEvent = {
      kind: 'alert',
      status: payload.status,
      groupKey: payload.groupKey,
      alertnames,
      ...(payload.commonAnnotations.summary
        ? { summary: payload.commonAnnotations.summary.slice(0, 1_000) }
        : {}),
    };

    const existing = await store.findByDedupKey(dedupKey);
    if (existing) {
      return this.addDelivery(existing.id, event);
    }
    if (payload.status === 'resolved') {
      return { action: 'ignored', reason: 'no open incident for this group' };
    }
    const firing = payload.alerts.filter(a => a.status === 'firing');
    const level = alertLevel(
      firing,
      this.options.levels,
      this.options.priorityLevels,
    );
    if (!level) {
      return {
        action: 'ignored',
        reason: 'no incident_level label and no priority that maps to a level',
      };
    }

    const now = this.now();
    const service =
      payload.commonLabels.service ??
      firing.find(a => a.labels.service)?.labels.service;
    const entityRef = service
      ? await this.options.catalogRefs.componentNamed(
          service,
          await this.options.auth.getOwnServiceCredentials(),
        )
      : undefined;
    // Alertmanager's startsAt is when the rule fired: the incident's detection
    const startedMs = Math.min(
      ...firing.map(a => Date.parse(a.startsAt)).filter(ms => ms > 0),
      now.getTime(),
    );
    const summary = payload.commonAnnotations.summary;
    const title = (
      summary ??
      `${alertnames.join(', ') || 'Alert'}${service ? ` on ${service}` : ''}`
    )
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, TITLE_MAX);
    const description = [
      payload.commonAnnotations.description,
      ...firing.map(a =>
        Object.entries(a.labels)
          .map(([k, v]) => `${k}=${v}`)
          .join(', '),
      ),
    ]
      .filter(Boolean)
      .join('\n')
      .slice(0, DESCRIPTION_MAX);

    try {
      const { incident } = await store.insert(
        {
          id: randomUUID(),
          title: title || 'Alert',
          description,
          level,
          stage: 'detected',
          entityRef,
          responders: [],
          source: 'alertmanager',
          alertGroupKey: payload.groupKey,
          dedupKey,
          detectedAt: new Date(startedMs),
          createdBy: ALERTMANAGER_ACTOR,
        },
        ALERTMANAGER_ACTOR,
        now,
      );
      await store.addEntries(incident.id, [event], ALERTMANAGER_ACTOR, now);
      this.options.onChange(incident.id, 'created');
      this.options.logger.info(
        `Alert group ${alertnames.join(',')} opened incident ${
          incident.id
        } (${level})`,
      );
      return { action: 'opened', incidentId: incident.id };
    } catch (error) {
      if (!(error instanceof DuplicateDedupKey)) throw error;
      // a concurrent delivery of the same group opened it first
      const winner = await store.findByDedupKey(dedupKey);
      if (!winner) throw error;
      return this.addDelivery(winner.id, event);
    }
  }

  private async addDelivery(
    incidentId: string,
    event: TimelineEvent,
  ): Promise<WebhookOutcome> {
    await this.options.store.addEntries(
      incidentId,
      [event],
      ALERTMANAGER_ACTOR,
      this.now(),
    );
    this.options.onChange(incidentId, 'alert');
    return { action: 'updated', incidentId };
  }
}
