/** JSON merge patch (RFC 7386) and a strategic merge patch good enough for kubectl. */
// Own code, not a library: no maintained JS package implements Kubernetes' strategic merge (patchMergeKey, $patch directives); the RFC 7386 merge beside it is a few lines.

export type Json =
  | null
  | boolean
  | number
  | string
  | Json[]
  | { [k: string]: Json };

export function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepClone<T>(v: T): T {
  return v === undefined ? v : JSON.parse(JSON.stringify(v));
}

/** RFC 7386 JSON merge patch. Returns a new value; inputs are not modified. */
export function mergePatch(target: unknown, patch: unknown): any {
  if (!isObject(patch)) return deepClone(patch);
  const result: Record<string, any> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete result[k];
    else result[k] = mergePatch(result[k], v);
  }
  return result;
}

/**
 * Merge keys of lists that strategic merge patch merges item by item
 * (a subset of the Kubernetes `patchMergeKey` tags).
 */
export const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  conditions: 'type',
  hostAliases: 'ip',
  ownerReferences: 'uid',
  finalizers: '',
};

/** Port lists merge on containerPort (containers) or port (services). */
function mergeKeyFor(field: string, items: unknown[]): string | undefined {
  if (field === 'ports') {
    const first = items.find(isObject);
    if (first && 'containerPort' in first) return 'containerPort';
    if (first && 'port' in first) return 'port';
    return undefined;
  }
  return MERGE_KEYS[field];
}

function mergeList(field: string, target: unknown, patch: any[]): any[] {
  const key = mergeKeyFor(field, [
    ...patch,
    ...(Array.isArray(target) ? target : []),
  ]);
  if (key === '' && Array.isArray(target)) {
    // merged primitive list (set semantics), e.g. finalizers
    const out = [...target];
    for (const v of patch) if (!out.includes(v)) out.push(v);
    return out;
  }
  if (!key || !Array.isArray(target)) {
    return patch
      .filter(item => !(isObject(item) && item.$patch === 'delete'))
      .map(item => (isObject(item) ? stripDirectives(item) : item));
  }
  if (patch.some(item => isObject(item) && item.$patch === 'replace')) {
    return patch
      .filter(item => !(isObject(item) && item.$patch))
      .map(stripDirectives);
  }
  const out: any[] = target.map(item => deepClone(item));
  for (const item of patch) {
    if (!isObject(item)) continue;
    const idx = out.findIndex(o => isObject(o) && o[key] === item[key]);
    if (item.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
    } else if (idx >= 0) {
      out[idx] = strategicMergePatch(out[idx], item);
    } else {
      out.push(stripDirectives(item));
    }
  }
  return out;
}

function stripDirectives(v: any): any {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isObject(v)) return v;
  const out: Record<string, any> = {};
  for (const [k, val] of Object.entries(v)) {
    if (k.startsWith('$')) continue;
    out[k] = stripDirectives(val);
  }
  return out;
}

/**
 * Strategic merge patch: a merge patch where lists with a known merge key are merged
 * item by item, and the `$patch`, `$setElementOrder`, `$retainKeys` and
 * `$deleteFromPrimitiveList` directives kubectl sends are understood.
 */
export function strategicMergePatch(target: unknown, patch: unknown): any {
  if (!isObject(patch)) return deepClone(patch);
  if (patch.$patch === 'replace') return stripDirectives(patch);
  if (patch.$patch === 'delete') return undefined;
  const result: Record<string, any> = isObject(target) ? deepClone(target) : {};
  const order: Record<string, unknown[]> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$setElementOrder/')) {
      if (Array.isArray(v)) order[k.slice('$setElementOrder/'.length)] = v;
      continue;
    }
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(result[field]) && Array.isArray(v)) {
        result[field] = result[field].filter(
          (x: unknown) => !v.includes(x as Json),
        );
      }
      continue;
    }
    if (k.startsWith('$')) continue;
    if (v === null) {
      delete result[k];
    } else if (Array.isArray(v)) {
      result[k] = mergeList(k, result[k], v);
    } else if (isObject(v)) {
      const merged = strategicMergePatch(result[k], v);
      if (merged === undefined) delete result[k];
      else result[k] = merged;
    } else {
      result[k] = v;
    }
  }
  for (const [field, wanted] of Object.entries(order)) {
    const list = result[field];
    const key = Array.isArray(list) ? mergeKeyFor(field, list) : undefined;
    if (!Array.isArray(list) || !key) continue;
    const rank = (item: any) => {
      const i = wanted.findIndex(w => isObject(w) && w[key] === item?.[key]);
      return i < 0 ? wanted.length : i;
    };
    result[field] = [...list].sort((a, b) => rank(a) - rank(b));
  }
  return result;
}
