/**
 * Alertmanager's notification dispatch, for receivers with `webhook_configs`: alerts are routed
 * by the configuration's route tree into aggregation groups (the route's `group_by`), a group is
 * flushed `group_wait` after its first alert and then every `group_interval`, and a flush
 * notifies when the set of firing alerts changed (or one resolved, with `send_resolved`) or
 * `repeat_interval` passed since the last notification. Muted (silenced, inhibited) alerts are
 * left out. All times are on the scenario clock, so a time scale speeds them up too.
 */
import type { Alertmanager, NotifiableAlert } from './alertmanager';
import { AlertmanagerConfig, matchRoutes, RouteNode } from './amConfig';
import type { Labels } from './matchers';
import type { WebhookSender } from './webhookSender';

/** The body of Alertmanager's webhook notification (version 4). */
export interface WebhookPayload {
  version: '4';
  groupKey: string;
  truncatedAlerts: number;
  status: 'firing' | 'resolved';
  receiver: string;
  groupLabels: Labels;
  commonLabels: Labels;
  commonAnnotations: Labels;
  externalURL: string;
  alerts: {
    status: 'firing' | 'resolved';
    labels: Labels;
    annotations: Labels;
    startsAt: string;
    endsAt: string;
    generatorURL: string;
    fingerprint: string;
  }[];
}

interface AggregationGroup {
  key: string;
  receiver: string;
  route: RouteNode;
  groupLabels: Labels;
  sendResolved: boolean;
  /** Fingerprints of the alerts in the group. */
  members: Set<string>;
  nextFlushAt: number;
  lastSentAt: number;
  /** Firing alerts of the last successful notification. */
  sentFiring: Set<string>;
  inFlight: boolean;
}

/** Alertmanager does not expose the end of an alert that has not ended yet. */
const ZERO_TIME = '0001-01-01T00:00:00Z';

/** `{a="1", b="2"}` as Go's `model.LabelSet.String()` prints it (sorted). */
function labelSetString(labels: Labels): string {
  const parts = Object.keys(labels)
    .sort()
    .map(k => `${k}=${JSON.stringify(labels[k])}`);
  return `{${parts.join(', ')}}`;
}

/** Labels (or annotations) every one of `sets` has with the same value. */
function common(sets: Labels[]): Labels {
  const out: Labels = { ...(sets[0] ?? {}) };
  for (const s of sets.slice(1))
    for (const k of Object.keys(out)) if (s[k] !== out[k]) delete out[k];
  return out;
}

export interface DispatcherOptions {
  alertmanager: Alertmanager;
  config: AlertmanagerConfig;
  /** Scenario time (epoch ms). */
  nowMs: () => number;
  externalUrl: () => string;
  sender: WebhookSender;
}

export class NotificationDispatcher {
  private readonly groups = new Map<string, AggregationGroup>();

  constructor(private readonly options: DispatcherOptions) {}

  /** Receivers this dispatcher notifies. */
  receivers(): string[] {
    return [...this.options.config.webhooks.keys()];
  }

  /** Groups the Alertmanager's alerts and flushes the groups that are due (every simulation tick). */
  tick(): void {
    const { config, alertmanager } = this.options;
    if (config.webhooks.size === 0) return;
    const now = this.options.nowMs();
    const byFp = new Map<string, NotifiableAlert>();
    for (const a of alertmanager.notifiable()) {
      byFp.set(a.fingerprint, a);
      for (const route of matchRoutes(config.route, a.labels)) {
        const webhooks = config.webhooks.get(route.receiver);
        if (!webhooks) continue;
        const groupLabels: Labels = {};
        for (const name of route.groupBy)
          if (a.labels[name] !== undefined) groupLabels[name] = a.labels[name];
        const key = `${route.key}:${labelSetString(groupLabels)}`;
        let g = this.groups.get(key);
        if (!g) {
          // a resolved alert does not start a group: there is nothing to tell
          if (a.resolved) continue;
          g = {
            key,
            receiver: route.receiver,
            route,
            groupLabels,
            sendResolved: webhooks.some(w => w.sendResolved),
            members: new Set(),
            nextFlushAt: now + route.groupWaitSeconds * 1000,
            lastSentAt: -Infinity,
            sentFiring: new Set(),
            inFlight: false,
          };
          this.groups.set(key, g);
        }
        if (!a.resolved || g.members.has(a.fingerprint))
          g.members.add(a.fingerprint);
      }
    }
    for (const g of this.groups.values()) {
      for (const fp of g.members) if (!byFp.has(fp)) g.members.delete(fp);
      if (!g.inFlight && now >= g.nextFlushAt) this.flush(g, byFp, now);
    }
  }

  private flush(
    g: AggregationGroup,
    byFp: Map<string, NotifiableAlert>,
    now: number,
  ): void {
    g.nextFlushAt = now + g.route.groupIntervalSeconds * 1000;
    const current = [...g.members]
      .map(fp => byFp.get(fp)!)
      .filter(a => !a.muted)
      .sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : 1));
    const firing = current.filter(a => !a.resolved);
    const firingSet = new Set(firing.map(a => a.fingerprint));
    const changed = g.sendResolved
      ? firingSet.size !== g.sentFiring.size ||
        [...firingSet].some(fp => !g.sentFiring.has(fp))
      : [...firingSet].some(fp => !g.sentFiring.has(fp));
    const repeat =
      firing.length > 0 &&
      now - g.lastSentAt >= g.route.repeatIntervalSeconds * 1000;
    const alerts = g.sendResolved ? current : firing;
    if (!(changed || repeat) || alerts.length === 0) {
      this.forgetResolved(g, fp => !g.sentFiring.has(fp), byFp);
      return;
    }
    const payload = this.payload(g, alerts, firing.length > 0);
    g.inFlight = true;
    void this.options.sender
      .send(payload, `${g.receiver} ${g.key}`)
      .then(ok => {
        g.inFlight = false;
        if (!ok) return; // the next flush tries again, as Alertmanager does
        g.sentFiring = firingSet;
        g.lastSentAt = now;
        this.forgetResolved(g, () => true, byFp);
      });
  }

  /** Drops resolved members (those `which` selects); an empty group ends. */
  private forgetResolved(
    g: AggregationGroup,
    which: (fp: string) => boolean,
    byFp: Map<string, NotifiableAlert>,
  ): void {
    for (const fp of g.members)
      if (byFp.get(fp)?.resolved && which(fp)) g.members.delete(fp);
    if (g.members.size === 0) this.groups.delete(g.key);
  }

  private payload(
    g: AggregationGroup,
    alerts: NotifiableAlert[],
    anyFiring: boolean,
  ): WebhookPayload {
    return {
      version: '4',
      groupKey: g.key,
      truncatedAlerts: 0,
      status: anyFiring ? 'firing' : 'resolved',
      receiver: g.receiver,
      groupLabels: g.groupLabels,
      commonLabels: common(alerts.map(a => a.labels)),
      commonAnnotations: common(alerts.map(a => a.annotations)),
      externalURL: this.options.externalUrl(),
      alerts: alerts.map(a => ({
        status: a.resolved ? 'resolved' : 'firing',
        labels: a.labels,
        annotations: a.annotations,
        startsAt: a.startsAt,
        endsAt: a.resolved ? a.endsAt : ZERO_TIME,
        generatorURL: a.generatorURL,
        fingerprint: a.fingerprint,
      })),
    };
  }
}
