/** RFC 6902 JSON patch (add, remove, replace, move, copy, test). */
import { badRequest } from './status';
import { deepClone } from './patch';

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/'))
    throw badRequest(`invalid JSON pointer "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(
  doc: any,
  path: string[],
  op: string,
): { parent: any; key: string } {
  let cur = doc;
  for (const seg of path.slice(0, -1)) {
    cur = Array.isArray(cur) ? cur[Number(seg)] : cur?.[seg];
    if (cur === undefined || cur === null || typeof cur !== 'object') {
      throw badRequest(
        `json patch ${op}: path /${path.join('/')} does not exist`,
      );
    }
  }
  return { parent: cur, key: path[path.length - 1] };
}

function get(doc: any, path: string[]): any {
  let cur = doc;
  for (const seg of path) {
    if (cur === undefined || cur === null) return undefined;
    cur = Array.isArray(cur) ? cur[Number(seg)] : cur[seg];
  }
  return cur;
}

export function applyJsonPatch(doc: unknown, ops: unknown[]): any {
  const state: { out: any } = { out: deepClone(doc) };
  for (const raw of ops) {
    const op = raw as {
      op?: string;
      path?: string;
      from?: string;
      value?: unknown;
    };
    if (!op || typeof op.op !== 'string' || typeof op.path !== 'string') {
      throw badRequest('json patch operations need "op" and "path"');
    }
    const path = parsePointer(op.path);
    const add = (p: string[], value: unknown) => {
      if (p.length === 0) {
        state.out = deepClone(value);
        return;
      }
      const { parent, key } = parentOf(state.out, p, op.op!);
      if (Array.isArray(parent)) {
        const idx = key === '-' ? parent.length : Number(key);
        if (!(idx >= 0 && idx <= parent.length))
          throw badRequest(`json patch: index ${key} out of range`);
        parent.splice(idx, 0, deepClone(value));
      } else {
        parent[key] = deepClone(value);
      }
    };
    const remove = (p: string[]) => {
      const { parent, key } = parentOf(state.out, p, op.op!);
      if (Array.isArray(parent)) {
        const idx = Number(key);
        if (!(idx >= 0 && idx < parent.length))
          throw badRequest(`json patch: index ${key} out of range`);
        return parent.splice(idx, 1)[0];
      }
      if (!(key in parent))
        throw badRequest(`json patch remove: path ${op.path} does not exist`);
      const v = parent[key];
      delete parent[key];
      return v;
    };
    switch (op.op) {
      case 'add':
        add(path, op.value);
        break;
      case 'remove':
        remove(path);
        break;
      case 'replace':
        remove(path);
        add(path, op.value);
        break;
      case 'move': {
        const v = remove(parsePointer(String(op.from ?? '')));
        add(path, v);
        break;
      }
      case 'copy':
        add(path, get(state.out, parsePointer(String(op.from ?? ''))));
        break;
      case 'test':
        if (JSON.stringify(get(state.out, path)) !== JSON.stringify(op.value)) {
          throw badRequest(`json patch test failed at ${op.path}`);
        }
        break;
      default:
        throw badRequest(`json patch: unknown op "${op.op}"`);
    }
  }
  return state.out;
}
