/**
 * The platform's Kubernetes manifests: typed builders with the platform's layer
 * defaults, their validation, and the platform policy lint. Pure: used by
 * the scaffolder actions, the cluster-health view and the platform-lint CLI.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './pools';
export * from './layers';
export * from './securityGroups';
export * from './parseManifests';
export * from './parsePools';
export * from './builders/serviceInput';
export * from './builders/deployment';
export * from './builders/service';
export * from './builders/horizontalPodAutoscaler';
export * from './builders/verticalPodAutoscaler';
export * from './builders/networkPolicy';
export * from './builders/podDisruptionBudget';
export * from './builders/serviceAccount';
export * from './builders/renderService';
export * from './validate/validateObject';
export * from './validate/unknownFields';
export { RULES, type Rule, type RuleId } from './lint/rules';
export { formatRef } from './lint/objects';
export {
  hpaAndVpaOnCpu,
  type HpaLike,
  type VpaLike,
} from './lint/checks/autoscaling';
export { lintManifests, type LintOptions } from './lint/lintManifests';
