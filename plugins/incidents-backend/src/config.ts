import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  findLevel,
  IncidentLevel,
  parseLevelsConfig,
  ROLE_PATTERN,
} from '@fdp/plugin-incidents-common';

/** The catalog's user of each escalation role of the manual (catalog/org.yaml). */
export const DEFAULT_ROLES: Readonly<Record<string, string[]>> = {
  devops_lead: ['user:default/devops-lead'],
  system_architect: ['user:default/system-architect'],
  cto: ['user:default/cto'],
  devops_engineer: ['user:default/devops-engineer'],
  team_lead: ['user:default/team-lead'],
  on_call_engineer: ['user:default/on-call-engineer'],
};

/** An alert's `priority` label to an incident level: high → P2, medium → P3, low → none. */
export const DEFAULT_PRIORITY_LEVELS: Readonly<Record<string, string>> = {
  high: 'P2',
  medium: 'P3',
  low: 'none',
};

export interface IncidentsConfig {
  levels: IncidentLevel[];
  /** Role → user and group refs. */
  roles: Record<string, string[]>;
  /** Unset: the webhook refuses every request. */
  webhookToken?: string;
  /** Priority label → level id, or `none`. */
  priorityLevels: Record<string, string>;
  /** Level id → Slack incoming-webhook URL. */
  slackWebhookUrls: Record<string, string>;
}

function recipientRef(key: string, value: string): string {
  let ref;
  try {
    ref = parseEntityRef(value, {
      defaultKind: 'user',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new Error(`Invalid ${key} '${value}': ${(error as Error).message}`);
  }
  const kind = ref.kind.toLocaleLowerCase('en-US');
  if (kind !== 'user' && kind !== 'group') {
    throw new Error(`Invalid ${key} '${value}': name a user or a group`);
  }
  return stringifyEntityRef({ ...ref, kind }).toLocaleLowerCase('en-US');
}

function readRoles(config: Config): Record<string, string[]> {
  const roles: Record<string, string[]> = { ...DEFAULT_ROLES };
  const section = config.getOptionalConfig('incidents.roles');
  for (const role of section?.keys() ?? []) {
    const key = `incidents.roles.${role}`;
    if (!ROLE_PATTERN.test(role)) {
      throw new Error(
        `Invalid ${key}: a role is lower-case letters, digits and _, e.g. devops_lead`,
      );
    }
    const value = section!.getOptional(role);
    const list = typeof value === 'string' ? [value] : value;
    if (
      !Array.isArray(list) ||
      list.length === 0 ||
      list.some(v => typeof v !== 'string')
    ) {
      throw new Error(
        `Invalid ${key}: give a user or group ref, or a non-empty list of them`,
      );
    }
    roles[role] = list.map((v, i) =>
      recipientRef(Array.isArray(value) ? `${key}[${i}]` : key, v as string),
    );
  }
  return roles;
}

/**
 * Reads `incidents.*`, defaulting to the manual's levels and the catalog's
 * role holders, and fails start-up with a message naming the bad key.
 */
export function readIncidentsConfig(config: Config): IncidentsConfig {
  const levels = parseLevelsConfig(config.getOptional('incidents.levels'));
  const roles = readRoles(config);
  for (const level of levels) {
    for (const role of level.escalation) {
      if (!roles[role]) {
        throw new Error(
          `Invalid incidents.levels.${level.id}.escalation: role '${role}' is not mapped in incidents.roles`,
        );
      }
    }
  }

  const priorityLevels: Record<string, string> = {
    ...DEFAULT_PRIORITY_LEVELS,
  };
  const mapping = config.getOptionalConfig('incidents.webhook.priorityLevels');
  for (const priority of mapping?.keys() ?? []) {
    const value = mapping!.getString(priority);
    if (value !== 'none' && !findLevel(levels, value)) {
      throw new Error(
        `Invalid incidents.webhook.priorityLevels.${priority} '${value}': use one of ${[
          ...levels.map(l => l.id),
          'none',
        ].join(', ')}`,
      );
    }
    priorityLevels[priority] = value;
  }

  const slackWebhookUrls: Record<string, string> = {};
  const slack = config.getOptionalConfig('incidents.slack.webhookUrls');
  for (const levelId of slack?.keys() ?? []) {
    const key = `incidents.slack.webhookUrls.${levelId}`;
    if (!findLevel(levels, levelId)) {
      throw new Error(`Invalid ${key}: no level ${levelId} is configured`);
    }
    const url = slack!.getString(levelId);
    let protocol: string;
    try {
      protocol = new URL(url).protocol;
    } catch {
      throw new Error(`Invalid ${key}: not a URL`);
    }
    if (protocol !== 'https:' && protocol !== 'http:') {
      throw new Error(`Invalid ${key}: use an http(s) URL`);
    }
    slackWebhookUrls[levelId] = url;
  }

  const webhookToken = config.getOptionalString('incidents.webhook.token');
  if (webhookToken !== undefined && webhookToken.length < 16) {
    throw new Error(
      'Invalid incidents.webhook.token: use at least 16 characters',
    );
  }

  return { levels, roles, webhookToken, priorityLevels, slackWebhookUrls };
}
