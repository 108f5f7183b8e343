import { DEFAULT_PLATFORM_POOLS, PlatformPool } from '../pools';
import { Finding } from '../types';
import { checkAutoscaling } from './checks/autoscaling';
import { checkMetrics } from './checks/metrics';
import { checkNetworkPolicies } from './checks/networkPolicy';
import { checkPlacement } from './checks/placement';
import { checkPodSpecs } from './checks/podSpec';
import { checkSchemas } from './checks/schema';
import { isRecord } from './objects';

export interface LintOptions {
  /** the cluster's node pools (default: the platform's, DEFAULT_NODE_POOLS) */
  pools?: PlatformPool[];
}

/**
 * The platform policy findings of a set of manifests (the objects applied
 * together: a service's `k8s/`), errors first. Anything that is not an
 * object is skipped (a YAML document may be empty).
 */
export function lintManifests(
  objects: unknown[],
  options: LintOptions = {},
): Finding[] {
  const manifests = objects.filter(isRecord);
  const pools = options.pools ?? DEFAULT_PLATFORM_POOLS;
  const findings = [
    ...checkSchemas(manifests),
    ...checkAutoscaling(manifests),
    ...checkNetworkPolicies(manifests),
    ...checkPlacement(manifests, pools),
    ...checkPodSpecs(manifests),
    ...checkMetrics(manifests),
  ];
  const rank = (f: Finding) => (f.severity === 'error' ? 0 : 1);
  return findings.sort((a, b) => rank(a) - rank(b)); // stable: rule order kept within a severity
}
