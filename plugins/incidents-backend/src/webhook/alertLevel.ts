import {
  compareLevelIds,
  findLevel,
  IncidentLevel,
} from '@fdp/plugin-incidents-common';
import { AlertmanagerAlert } from './alertmanagerPayload';

/**
 * The level of the incident an alert group opens: the most severe configured
 * `incident_level` label among its alerts, else the most severe level its
 * `priority` labels map to (`incidents.webhook.priorityLevels`); undefined
 * when that is `none` or nothing maps, and no incident is opened.
 */
export function alertLevel(
  alerts: readonly AlertmanagerAlert[],
  levels: readonly IncidentLevel[],
  priorityLevels: Readonly<Record<string, string>>,
): string | undefined {
  const mostSevere = (ids: Array<string | undefined>) =>
    ids
      .filter((id): id is string => !!id && !!findLevel(levels, id))
      .sort(compareLevelIds)[0];
  return (
    mostSevere(alerts.map(a => a.labels.incident_level)) ??
    mostSevere(
      alerts.map(a =>
        Object.hasOwn(priorityLevels, a.labels.priority ?? '')
          ? priorityLevels[a.labels.priority]
          : undefined,
      ),
    )
  );
}
