/**
 * Incidents backend (plugin id `incidents`).
 *
 * @packageDocumentation
 */
export { incidentsPlugin as default } from './plugin';
export {
  createIncidentConditionalDecision,
  incidentConditions,
  incidentPermissionRules,
} from './permissions/rules';
