import {
  AlertPriority,
  NormalizedAlert,
  Silence,
  priorityOf,
} from '@fdp/plugin-alerts-common';
import { createHash } from 'node:crypto';
import { AmAlert, AmSilence, PromAlert } from '../sources/wire';

/** A stable id of a label set (sorted), for alerts only Prometheus knows. */
export function labelsFingerprint(labels: Record<string, string>): string {
  const canonical = Object.keys(labels)
    .sort()
    .map(k => `${k}=${labels[k]}`)
    .join('\u0000');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

const identity = (labels: Record<string, string>) => labelsFingerprint(labels);

function base(
  labels: Record<string, string>,
  annotations: Record<string, string>,
  severityPriority: Record<string, AlertPriority>,
) {
  return {
    name: labels.alertname ?? '(unnamed)',
    priority: priorityOf(labels, severityPriority),
    severity: labels.severity,
    summary: annotations.summary,
    description: annotations.description,
    labels,
    annotations,
  };
}

/** An Alertmanager alert, with its suppression as the portal's state. */
export function fromAlertmanager(
  alert: AmAlert,
  source: string,
  severityPriority: Record<string, AlertPriority>,
): Omit<NormalizedAlert, 'entityRefs'> {
  let state: NormalizedAlert['state'] = 'firing';
  if (alert.status.silencedBy.length > 0) state = 'silenced';
  else if (alert.status.inhibitedBy.length > 0) state = 'inhibited';
  return {
    fingerprint: alert.fingerprint,
    ...base(alert.labels, alert.annotations ?? {}, severityPriority),
    state,
    startsAt: alert.startsAt,
    receivers: alert.receivers.map(r => r.name),
    silencedBy: alert.status.silencedBy,
    inhibitedBy: alert.status.inhibitedBy,
    sources: [source],
    generatorURL: alert.generatorURL,
  };
}

/** A Prometheus alert (pending, or firing before Alertmanager has it). */
export function fromPrometheus(
  alert: PromAlert,
  source: string,
  severityPriority: Record<string, AlertPriority>,
): Omit<NormalizedAlert, 'entityRefs'> {
  return {
    fingerprint: identity(alert.labels),
    ...base(alert.labels, alert.annotations ?? {}, severityPriority),
    state: alert.state === 'pending' ? 'pending' : 'firing',
    startsAt: alert.activeAt ?? new Date(0).toISOString(),
    receivers: [],
    silencedBy: [],
    inhibitedBy: [],
    sources: [source],
  };
}

/** Whether `outer` carries every label of `inner` with the same value. */
function includesLabels(
  outer: Record<string, string>,
  inner: Record<string, string>,
) {
  return Object.entries(inner).every(([k, v]) => outer[k] === v);
}

/**
 * Alertmanager's view wins (it knows silences, inhibitions and receivers);
 * Prometheus adds pending alerts and firing ones not yet delivered. An alert
 * Prometheus sent carries its external labels in Alertmanager, so a
 * Prometheus alert is the same as an Alertmanager alert whose labels include
 * all of its own. The same alert seen by several instances is listed once
 * with all its sources.
 */
export function mergeAlerts(
  fromAm: Array<Omit<NormalizedAlert, 'entityRefs'>>,
  fromProm: Array<Omit<NormalizedAlert, 'entityRefs'>>,
): Array<Omit<NormalizedAlert, 'entityRefs'>> {
  const merged: Array<Omit<NormalizedAlert, 'entityRefs'>> = [];
  const byLabels = new Map<string, Omit<NormalizedAlert, 'entityRefs'>>();
  const addSources = (target: { sources: string[] }, sources: string[]) => {
    for (const s of sources) {
      if (!target.sources.includes(s)) target.sources.push(s);
    }
  };
  for (const a of fromAm) {
    const key = identity(a.labels);
    const seen = byLabels.get(key);
    if (seen) {
      addSources(seen, a.sources);
    } else {
      const copy = { ...a, sources: [...a.sources] };
      byLabels.set(key, copy);
      merged.push(copy);
    }
  }
  const amAlerts = [...merged];
  for (const p of fromProm) {
    const delivered = amAlerts.find(
      a => a.name === p.name && includesLabels(a.labels, p.labels),
    );
    if (delivered) {
      addSources(delivered, p.sources);
      continue;
    }
    const key = identity(p.labels);
    const seen = byLabels.get(key);
    if (seen) {
      addSources(seen, p.sources);
    } else {
      const copy = { ...p, sources: [...p.sources] };
      byLabels.set(key, copy);
      merged.push(copy);
    }
  }
  return merged;
}

export function fromAmSilence(silence: AmSilence, source: string): Silence {
  return {
    id: silence.id,
    source,
    matchers: silence.matchers.map(m => ({
      name: m.name,
      value: m.value,
      isRegex: m.isRegex,
      isEqual: m.isEqual ?? true,
    })),
    startsAt: silence.startsAt,
    endsAt: silence.endsAt,
    createdBy: silence.createdBy,
    comment: silence.comment,
    state: silence.status.state,
    updatedAt: silence.updatedAt,
  };
}
