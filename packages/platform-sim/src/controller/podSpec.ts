/** Pure helpers over pod specs: requests, tolerations, node affinity. */
import { quantityOr } from '../util/quantity';

export interface Resources {
  cpu: number;
  memory: number;
  gpu: number;
}

export const GPU = 'nvidia.com/gpu';

/** Sum of container requests (limits stand in for missing requests, as defaulting does). */
export function podRequests(spec: any): Resources {
  const out: Resources = { cpu: 0, memory: 0, gpu: 0 };
  for (const c of spec?.containers ?? []) {
    const req = c?.resources?.requests ?? {};
    const lim = c?.resources?.limits ?? {};
    out.cpu += quantityOr(req.cpu ?? lim.cpu, 0);
    out.memory += quantityOr(req.memory ?? lim.memory, 0);
    out.gpu += quantityOr(req[GPU] ?? lim[GPU], 0);
  }
  return out;
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export function tolerates(
  tolerations: any[] | undefined,
  taint: Taint,
): boolean {
  for (const t of tolerations ?? []) {
    if (t?.effect && t.effect !== taint.effect) continue;
    const op = t?.operator ?? 'Equal';
    if (!t?.key) {
      if (op === 'Exists') return true;
      continue;
    }
    if (t.key !== taint.key) continue;
    if (op === 'Exists') return true;
    if ((t.value ?? '') === (taint.value ?? '')) return true;
  }
  return false;
}

/** The first taint (NoSchedule/NoExecute) the pod does not tolerate, if any. */
export function untoleratedTaint(
  tolerations: any[] | undefined,
  taints: Taint[] | undefined,
): Taint | undefined {
  for (const taint of taints ?? []) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!tolerates(tolerations, taint)) return taint;
  }
  return undefined;
}

function matchExpression(
  expr: any,
  labels: Record<string, string>,
  nodeName: string,
  field = false,
): boolean {
  // eslint-disable-next-line no-nested-ternary
  const value = field
    ? expr?.key === 'metadata.name'
      ? nodeName
      : undefined
    : labels[expr?.key];
  const values: string[] = (expr?.values ?? []).map(String);
  switch (expr?.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
      return value !== undefined && Number(value) > Number(values[0]);
    case 'Lt':
      return value !== undefined && Number(value) < Number(values[0]);
    default:
      return false;
  }
}

/** nodeSelector plus requiredDuringSchedulingIgnoredDuringExecution node affinity. */
export function matchesNode(
  spec: any,
  labels: Record<string, string>,
  nodeName: string,
): boolean {
  for (const [k, v] of Object.entries(spec?.nodeSelector ?? {})) {
    if (labels[k] !== v) return false;
  }
  const terms =
    spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      ?.nodeSelectorTerms;
  if (Array.isArray(terms) && terms.length > 0) {
    const ok = terms.some(
      (term: any) =>
        (term?.matchExpressions ?? []).every((e: any) =>
          matchExpression(e, labels, nodeName),
        ) &&
        (term?.matchFields ?? []).every((e: any) =>
          matchExpression(e, labels, nodeName, true),
        ),
    );
    if (!ok) return false;
  }
  return true;
}

/** Key identifying pods with the same placement constraints. */
export function placementSignature(spec: any): string {
  return JSON.stringify([
    spec?.nodeSelector ?? null,
    spec?.affinity?.nodeAffinity
      ?.requiredDuringSchedulingIgnoredDuringExecution ?? null,
    spec?.tolerations ?? null,
  ]);
}
