/**
 * platform-sim: a scenario-driven simulator of the platform's Kubernetes control plane.
 *
 * @packageDocumentation
 */
export { startSimulator } from './simulator';
export type {
  SimulatorOptions,
  RunningSimulator,
  ScenarioEventInput,
} from './simulator';
export {
  loadScenario,
  parseScenario,
  resolveScenarioPath,
  ScenarioError,
  SCENARIOS_DIR,
} from './scenario/load';
export type { Scenario, ScenarioEvent } from './scenario/schema';
export type { StatsSnapshot, EndpointStats } from './http/stats';
export { buildKubeconfig } from './kubeconfig';
export type { RuleAlert } from './alerting/RuleEngine';
export type {
  AlertQuery,
  GettableAlert,
  GettableSilence,
  PostableAlert,
  PostableSilence,
  SilenceMatcher,
} from './alerting/alertmanager';
export { Alerting } from './alerting/Alerting';
export type { WebhookTarget } from './alerting/webhookSender';
export type { WebhookPayload } from './alerting/dispatcher';
export { requireTool } from './testing/requireTool';
export {
  pgBackRestInfo,
  type PgBackRestInfoOptions,
} from './backups/pgBackRestInfo';
