/**
 * `metadata.managedFields` bookkeeping for server-side apply: field sets in the FieldsV1
 * format, ownership, conflicts and removal of fields a manager stopped applying.
 */
import { isObject, MERGE_KEYS } from './patch';

/** A FieldsV1 tree: keys are `f:<field>`, `k:<json key>`, `v:<json value>` or `.`. */
export type FieldSet = { [k: string]: FieldSet };

const SKIP_METADATA = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'managedFields',
  'selfLink',
  'deletionTimestamp',
]);

function listKey(field: string, items: unknown[]): string | undefined {
  if (field === 'ports') {
    const first = items.find(isObject);
    if (first && 'containerPort' in first) return 'containerPort';
    if (first && 'port' in first) return 'port';
    return undefined;
  }
  const k = MERGE_KEYS[field];
  return k || undefined;
}

/** Builds the field set of an object (what an applier or updater sets). */
export function fieldSetOf(obj: unknown, root = true): FieldSet {
  const out: FieldSet = {};
  if (!isObject(obj)) return out;
  for (const [k, v] of Object.entries(obj)) {
    if (root && (k === 'apiVersion' || k === 'kind' || k === 'status'))
      continue;
    if (v === undefined) continue;
    if (root && k === 'metadata' && isObject(v)) {
      const meta: FieldSet = {};
      for (const [mk, mv] of Object.entries(v)) {
        if (SKIP_METADATA.has(mk) || mv === undefined) continue;
        meta[`f:${mk}`] = isObject(mv) ? fieldSetOf(mv, false) : {};
      }
      if (Object.keys(meta).length) out['f:metadata'] = meta;
      continue;
    }
    if (isObject(v)) {
      out[`f:${k}`] = fieldSetOf(v, false);
    } else if (Array.isArray(v)) {
      const key = listKey(k, v);
      if (key && v.every(i => isObject(i) && i[key] !== undefined)) {
        const list: FieldSet = {};
        for (const item of v) {
          const keyJson = JSON.stringify({ [key]: (item as any)[key] });
          list[`k:${keyJson}`] = { '.': {}, ...fieldSetOf(item, false) };
        }
        out[`f:${k}`] = list;
      } else {
        out[`f:${k}`] = {};
      }
    } else {
      out[`f:${k}`] = {};
    }
  }
  return out;
}

/** Leaf paths of a field set, each as the list of its segments. */
export function leafPaths(set: FieldSet, prefix: string[] = []): string[][] {
  const out: string[][] = [];
  for (const [k, child] of Object.entries(set)) {
    const path = [...prefix, k];
    if (k === '.' || Object.keys(child).length === 0) out.push(path);
    else out.push(...leafPaths(child, path));
  }
  return out;
}

export function hasPath(set: FieldSet | undefined, path: string[]): boolean {
  let cur: FieldSet | undefined = set;
  for (const seg of path) {
    if (!cur || !(seg in cur)) return false;
    cur = cur[seg];
  }
  return true;
}

/** Whether a path or any path below it is in the set. */
function touches(set: FieldSet | undefined, path: string[]): boolean {
  return hasPath(set, path);
}

export function removePath(set: FieldSet, path: string[]): void {
  const stack: FieldSet[] = [set];
  let cur: FieldSet = set;
  for (let i = 0; i < path.length - 1; i++) {
    if (!cur[path[i]]) return;
    cur = cur[path[i]];
    stack.push(cur);
  }
  delete cur[path[path.length - 1]];
  // prune empty parents (but keep a keyed item's "." marker structure consistent)
  for (let i = path.length - 2; i >= 0; i--) {
    const parent = stack[i];
    const child = parent[path[i]];
    if (child && Object.keys(child).length === 0) delete parent[path[i]];
    else break;
  }
}

/** Human form of a path (".spec.replicas", ".spec.containers[name=\"app\"].image"). */
export function formatPath(path: string[]): string {
  let out = '';
  for (const seg of path) {
    if (seg === '.') continue;
    if (seg.startsWith('f:')) out += `.${seg.slice(2)}`;
    else if (seg.startsWith('k:')) {
      const key = JSON.parse(seg.slice(2)) as Record<string, unknown>;
      out += `[${Object.entries(key)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(',')}]`;
    }
  }
  return out || '.';
}

/** The value at a field path in an object (undefined when absent). */
export function valueAt(obj: unknown, path: string[]): unknown {
  let cur: any = obj;
  for (const seg of path) {
    if (seg === '.') return cur;
    if (cur === undefined || cur === null) return undefined;
    if (seg.startsWith('f:')) {
      cur = cur[seg.slice(2)];
    } else if (seg.startsWith('k:')) {
      if (!Array.isArray(cur)) return undefined;
      const key = JSON.parse(seg.slice(2)) as Record<string, unknown>;
      cur = cur.find(
        (item: any) =>
          isObject(item) &&
          Object.entries(key).every(([k, v]) => item[k] === v),
      );
    } else {
      return undefined;
    }
  }
  return cur;
}

/** Deletes the value at a field path in an object, if present. */
export function deleteAt(obj: unknown, path: string[]): void {
  const segs = path[path.length - 1] === '.' ? path.slice(0, -1) : path;
  if (segs.length === 0) return;
  const parent = valueAt(obj, segs.slice(0, -1));
  const last = segs[segs.length - 1];
  if (last.startsWith('f:') && isObject(parent)) {
    delete parent[last.slice(2)];
  } else if (last.startsWith('k:') && Array.isArray(parent)) {
    const key = JSON.parse(last.slice(2)) as Record<string, unknown>;
    const idx = parent.findIndex(
      (item: any) =>
        isObject(item) && Object.entries(key).every(([k, v]) => item[k] === v),
    );
    if (idx >= 0) parent.splice(idx, 1);
  }
}

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: FieldSet;
  subresource?: string;
}

export interface Conflict {
  manager: string;
  path: string;
}

/** Finds fields the applied config sets to a different value than another manager owns. */
export function findConflicts(
  entries: ManagedFieldsEntry[],
  manager: string,
  applied: FieldSet,
  appliedObj: unknown,
  live: unknown,
): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const path of leafPaths(applied)) {
    if (path[path.length - 1] === '.') continue;
    const mine = JSON.stringify(valueAt(appliedObj, path));
    const theirs = JSON.stringify(valueAt(live, path));
    if (mine === theirs) continue;
    for (const e of entries) {
      if (e.manager === manager && e.operation === 'Apply') continue;
      if (touches(e.fieldsV1, path)) {
        conflicts.push({ manager: e.manager, path: formatPath(path) });
      }
    }
  }
  return conflicts;
}

/** Removes the given paths from other managers (ownership transfer); drops empty entries. */
export function takeOwnership(
  entries: ManagedFieldsEntry[],
  manager: string,
  operation: 'Apply' | 'Update',
  set: FieldSet,
): ManagedFieldsEntry[] {
  const paths = leafPaths(set);
  const out: ManagedFieldsEntry[] = [];
  for (const e of entries) {
    if (e.manager === manager && e.operation === operation) {
      out.push(e);
      continue;
    }
    const copy: FieldSet = JSON.parse(JSON.stringify(e.fieldsV1));
    for (const p of paths) {
      if (p[p.length - 1] !== '.') removePath(copy, p);
    }
    if (Object.keys(copy).length > 0) out.push({ ...e, fieldsV1: copy });
  }
  return out;
}

/** Whether another manager than `manager`/Apply still owns the path. */
export function ownedByOthers(
  entries: ManagedFieldsEntry[],
  manager: string,
  path: string[],
): boolean {
  return entries.some(
    e =>
      !(e.manager === manager && e.operation === 'Apply') &&
      hasPath(e.fieldsV1, path),
  );
}

/** Merges `b` into `a` (both field sets). */
export function unionSets(a: FieldSet, b: FieldSet): FieldSet {
  const out: FieldSet = JSON.parse(JSON.stringify(a));
  for (const [k, v] of Object.entries(b)) {
    out[k] = out[k] ? unionSets(out[k], v) : JSON.parse(JSON.stringify(v));
  }
  return out;
}
