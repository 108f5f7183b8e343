import {
  createConditionExports,
  createPermissionResourceRef,
  PermissionRule,
} from '@backstage/plugin-permission-node';
import { Incident, INCIDENT_RESOURCE_TYPE } from '@fdp/plugin-incidents-common';

/** The only filter the rules translate to; the plugin does not filter lists by permission. */
export type IncidentQuery = { property: 'owner'; values: string[] };

/** `incident` resources (`incidents.incident.update`), referenced by incident id. */
export const incidentResourceRef = createPermissionResourceRef<
  Incident,
  IncidentQuery
>().with({ pluginId: 'incidents', resourceType: INCIDENT_RESOURCE_TYPE });

type OwnerParams = { userEntityRef: string };

/**
 * The incident's owner is this user: the policy's way to let an incident's
 * owner change it besides devops. Refs compare case-insensitively, as the
 * catalog's do.
 */
// No paramsSchema: the Standard JSON Schema form needs zod 4 (the portal has
// zod 3) and the deprecated zod 3 form exceeds TypeScript's instantiation
// depth; apply() checks the one parameter itself.
export const isIncidentOwner: PermissionRule<
  Incident,
  IncidentQuery,
  typeof INCIDENT_RESOURCE_TYPE,
  OwnerParams
> = {
  name: 'IS_INCIDENT_OWNER',
  description: 'Allow the owner of the incident',
  resourceType: INCIDENT_RESOURCE_TYPE,
  apply: (incident, params) =>
    typeof params?.userEntityRef === 'string' &&
    !!incident.owner &&
    incident.owner.toLocaleLowerCase('en-US') ===
      params.userEntityRef.toLocaleLowerCase('en-US'),
  toQuery: ({ userEntityRef }) => ({
    property: 'owner',
    values: [userEntityRef.toLocaleLowerCase('en-US')],
  }),
};

export const incidentPermissionRules = { isIncidentOwner };

/**
 * For a permission policy: `incidentConditions.isIncidentOwner({ userEntityRef })`
 * inside `createIncidentConditionalDecision(permission, …)`.
 */
export const {
  conditions: incidentConditions,
  createConditionalDecision: createIncidentConditionalDecision,
} = createConditionExports({
  resourceRef: incidentResourceRef,
  rules: incidentPermissionRules,
});
