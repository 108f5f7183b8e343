import {
  GPU_RESOURCE,
  PlatformPool,
  poolForNodeSelector,
  poolLabelKeys,
} from '../../pools';
import { Finding } from '../../types';
import {
  AnyObject,
  containersOf,
  isRecord,
  list,
  podTemplateOf,
  refOf,
} from '../objects';
import { finding, RULES } from '../rules';

const asGpuCount = (v: unknown) => Number(v ?? 0) || 0;

/**
 * NODE_POOL_UNSET, NODE_POOL_UNKNOWN, GPU_OUTSIDE_GPU_POOL and
 * GPU_TOLERATION_MISSING: which pool the pods ask for through the pool
 * labels of their nodeSelector, and whether GPU pods and GPU pools meet.
 */
export function checkPlacement(
  objects: AnyObject[],
  pools: PlatformPool[],
): Finding[] {
  const keys = poolLabelKeys(pools);
  const poolNames = pools.map(p => p.name);
  const gpuPools = pools.filter(p => p.gpu).map(p => p.name);
  return objects.flatMap(object => {
    const template = podTemplateOf(object);
    if (!template) {
      return [];
    }
    const ref = refOf(object);
    const { spec } = template;
    const findings: Finding[] = [];
    const nodeSelector: Record<string, string> = isRecord(spec.nodeSelector)
      ? spec.nodeSelector
      : {};
    const poolEntries = Object.entries(nodeSelector).filter(([k]) =>
      keys.has(k),
    );
    const hasAffinity = isRecord(spec.affinity?.nodeAffinity);
    const pool = poolForNodeSelector(nodeSelector, pools);
    if (poolEntries.length === 0 && !hasAffinity) {
      findings.push(finding(RULES.NODE_POOL_UNSET, ref, { pools: poolNames }));
    } else if (poolEntries.length > 0 && !pool) {
      findings.push(
        finding(RULES.NODE_POOL_UNKNOWN, ref, {
          selector: poolEntries.map(([k, v]) => `${k}: ${v}`).join(', '),
          pools: pools.map(
            p =>
              `${p.name}: ${Object.entries(p.selector)
                .map(([k, v]) => `${k}=${v}`)
                .join(',')}`,
          ),
        }),
      );
    }
    for (const c of containersOf(spec)) {
      const gpus =
        asGpuCount(c.resources?.limits?.[GPU_RESOURCE]) +
        asGpuCount(c.resources?.requests?.[GPU_RESOURCE]);
      if (gpus > 0 && !pool?.gpu) {
        findings.push(
          finding(RULES.GPU_OUTSIDE_GPU_POOL, ref, {
            container: c.name,
            pool: pool?.name,
            gpuPools,
          }),
        );
      }
    }
    if (pool?.gpu) {
      const tolerations = list(spec.tolerations);
      for (const taint of pool.taints ?? []) {
        if (!tolerations.some(t => tolerates(t, taint))) {
          findings.push(
            finding(RULES.GPU_TOLERATION_MISSING, ref, {
              pool: pool.name,
              taint: `${taint.key}${taint.value ? `=${taint.value}` : ''}:${
                taint.effect
              }`,
            }),
          );
        }
      }
    }
    return findings;
  });
}

/** Kubernetes' toleration matching: empty key with Exists tolerates all; an empty effect any effect. */
function tolerates(
  t: AnyObject,
  taint: { key: string; value?: string; effect: string },
): boolean {
  if (!isRecord(t)) {
    return false;
  }
  if (t.effect && t.effect !== taint.effect) {
    return false;
  }
  if (t.operator === 'Exists') {
    return !t.key || t.key === taint.key;
  }
  return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
}
