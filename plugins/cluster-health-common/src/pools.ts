import { POOL_DISCOVERY_LABELS } from './constants';
import { NodePoolConfig, NodePoolSource } from './types';

/** Which pool a node belongs to, and why. */
export interface PoolMatch {
  name: string;
  source: NodePoolSource;
  /** the configured pool, when the match came from configuration */
  config?: NodePoolConfig;
}

function selectorMatches(
  labels: Record<string, string>,
  selector: Record<string, string>,
): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

/**
 * The pool of a node: the first configured pool whose selector matches its
 * labels, else the value of the first well-known pool label it carries
 * (`role`, `eks.amazonaws.com/nodegroup`, ...), else undefined.
 */
export function resolveNodePool(
  labels: Record<string, string> | undefined,
  pools: readonly NodePoolConfig[],
  discoveryLabels: readonly string[] = POOL_DISCOVERY_LABELS,
): PoolMatch | undefined {
  const l = labels ?? {};
  const configured = pools.find(p => selectorMatches(l, p.selector));
  if (configured) {
    return { name: configured.name, source: 'config', config: configured };
  }
  for (const key of discoveryLabels) {
    const value = l[key];
    if (value) {
      return { name: value, source: 'discovered' };
    }
  }
  return undefined;
}

/** The node-selection constraints of a pod that matter for pool targeting. */
export interface PodPlacement {
  nodeSelector?: Record<string, string>;
  /** `requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[].matchExpressions` */
  requiredTerms?: Array<
    Array<{ key: string; operator: string; values?: string[] }>
  >;
}

function expressionHolds(
  labels: Record<string, string>,
  e: { key: string; operator: string; values?: string[] },
): boolean {
  const value = labels[e.key];
  switch (e.operator) {
    case 'In':
      return value !== undefined && (e.values ?? []).includes(value);
    case 'NotIn':
      return value === undefined || !(e.values ?? []).includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    default:
      return false;
  }
}

/**
 * Whether a (pending) pod asks for nodes of a pool: it has at least one
 * node constraint, and the pool's identifying labels satisfy all of them.
 * Pods without constraints could land anywhere and target no pool.
 */
export function podTargetsPool(
  placement: PodPlacement,
  poolLabels: Record<string, string>,
): boolean {
  const selector = placement.nodeSelector ?? {};
  const terms = (placement.requiredTerms ?? []).filter(t => t.length > 0);
  if (Object.keys(selector).length === 0 && terms.length === 0) {
    return false;
  }
  const selectorOk = Object.entries(selector).every(
    ([k, v]) => poolLabels[k] === v,
  );
  const termsOk =
    terms.length === 0 ||
    terms.some(term => term.every(e => expressionHolds(poolLabels, e)));
  return selectorOk && termsOk;
}

/** The labels that identify a pool, for matching pods' node constraints. */
export function poolIdentityLabels(
  match: PoolMatch,
  discoveryLabel?: string,
): Record<string, string> {
  if (match.config) {
    return match.config.selector;
  }
  return discoveryLabel ? { [discoveryLabel]: match.name } : {};
}
