import {
  AuthorizeResult,
  Permission,
  PolicyDecision,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createScaffolderActionConditionalDecision,
  createScaffolderTaskConditionalDecision,
  scaffolderActionConditions,
  scaffolderTaskConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import {
  createIncidentConditionalDecision,
  incidentConditions,
} from '@fdp/plugin-incidents-backend';

/** Kubernetes cluster-admin in the platform's access control: may do everything here. */
export const DEVOPS_GROUP_REF = 'group:default/devops';
/** The platform's Kubernetes developer role, in namespaces dev and staging only. */
export const DEV_TEAM_GROUP_REF = 'group:default/dev-team';
/** Where dev-team may apply manifests (the platform's access control). */
export const DEV_TEAM_NAMESPACES = ['dev', 'staging'];

/** What a policy needs to know about the signed-in user. */
export interface PolicySubject {
  userEntityRef: string;
  /** The user's entity ref and the groups it belongs to. */
  ownershipEntityRefs: readonly string[];
}

type Rule = (permission: Permission, subject: PolicySubject) => PolicyDecision;

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

const memberOf = (subject: PolicySubject, group: string) =>
  subject.ownershipEntityRefs.includes(group);

/** Every signed-in user (reading, and reporting an incident). */
const signedIn: Rule = () => ALLOW;

/** Members of devops only. */
const devops: Rule = (_, subject) =>
  memberOf(subject, DEVOPS_GROUP_REF) ? ALLOW : DENY;

/** Those who build services with the scaffolder: devops and dev-team. */
const builders: Rule = (_, subject) =>
  memberOf(subject, DEVOPS_GROUP_REF) || memberOf(subject, DEV_TEAM_GROUP_REF)
    ? ALLOW
    : DENY;

/**
 * Scaffolder actions: devops any; dev-team any except `kubernetes:apply`
 * outside its namespaces (the action's `namespace` input).
 */
const scaffolderAction: Rule = (permission, subject) => {
  if (memberOf(subject, DEVOPS_GROUP_REF)) return ALLOW;
  if (
    !memberOf(subject, DEV_TEAM_GROUP_REF) ||
    !isResourcePermission(permission, 'scaffolder-action')
  ) {
    return DENY;
  }
  const { hasActionId, hasStringProperty } = scaffolderActionConditions;
  return createScaffolderActionConditionalDecision(permission, {
    anyOf: [
      { not: hasActionId({ actionId: 'kubernetes:apply' }) },
      ...DEV_TEAM_NAMESPACES.map(value =>
        hasStringProperty({ key: 'namespace', value }),
      ),
    ],
  });
};

/** Scaffolder tasks: devops all of them, dev-team the ones it started. */
const ownTasks: Rule = (permission, subject) => {
  if (memberOf(subject, DEVOPS_GROUP_REF)) return ALLOW;
  if (
    !memberOf(subject, DEV_TEAM_GROUP_REF) ||
    !isResourcePermission(permission, 'scaffolder-task')
  ) {
    return DENY;
  }
  return createScaffolderTaskConditionalDecision(
    permission,
    scaffolderTaskConditions.isTaskOwner({
      createdBy: [subject.userEntityRef],
    }),
  );
};

/** Incidents: devops any, everyone else the ones they own (issue #10). */
const ownIncidents: Rule = (permission, subject) => {
  if (memberOf(subject, DEVOPS_GROUP_REF)) return ALLOW;
  if (!isResourcePermission(permission, 'incident')) return DENY;
  return createIncidentConditionalDecision(
    permission,
    incidentConditions.isIncidentOwner({
      userEntityRef: subject.userEntityRef,
    }),
  );
};

/**
 * Every permission the portal knows, with who may use it (the platform's access
 * control: devops operates everything; dev-team builds services and applies
 * to dev and staging; trading-team and sre read and report incidents like
 * every signed-in user). A permission missing here is denied to everyone, so
 * a new plugin's permission does nothing until someone decides it here
 * (declaredPermissions.test.ts fails until then).
 */
export const RULES: Readonly<Record<string, Rule>> = {
  // catalog: reading for all; registering, removing, ingestion for devops
  // (a registered entity's Kubernetes annotations can select any namespace)
  'catalog.entity.read': signedIn,
  'catalog.location.read': signedIn,
  'catalog.ingestion.read': signedIn,
  // re-reads an entity from its source; changes nothing by itself
  'catalog.entity.refresh': signedIn,
  // checks a document, stores nothing
  'catalog.entity.validate': signedIn,
  // fetches any URL a user names: only for those who may register
  'catalog.location.analyze': devops,
  'catalog.location.create': devops,
  'catalog.entity.create': devops,
  'catalog.entity.delete': devops,
  'catalog.location.delete': devops,
  'catalog.ingestion.manage': devops,

  // the official Kubernetes plugin; the proxy is raw API access with the
  // portal's service account
  'kubernetes.clusters.read': signedIn,
  'kubernetes.resources.read': signedIn,
  'kubernetes.proxy': devops,

  // scaffolder
  'scaffolder.template.parameter.read': signedIn,
  'scaffolder.template.step.read': signedIn,
  'scaffolder.task.create': builders,
  'scaffolder.template.dry-run': builders,
  'scaffolder.action.execute': scaffolderAction,
  'scaffolder.task.read': ownTasks,
  'scaffolder.task.cancel': ownTasks,
  // the template editor and its actions list
  'scaffolder.template.management': devops,

  // the portal's plugins
  'cluster-health.cluster.read': signedIn,
  'alerts.alert.read': signedIn,
  'alerts.silence.create': devops,
  'alerts.silence.expire': devops,
  'incidents.incident.create': signedIn,
  'incidents.incident.update': ownIncidents,
};

/**
 * The portal's permission decision for a signed-in user, as a pure function
 * of the table above: a name not in it is denied.
 */
export function decide(
  permission: Permission,
  subject: PolicySubject,
): PolicyDecision {
  const rule = Object.hasOwn(RULES, permission.name)
    ? RULES[permission.name]
    : undefined;
  return rule ? rule(permission, subject) : DENY;
}
