/** Parsing Kubernetes API paths into resource requests. */
import { findResource, ResourceType, RESOURCE_TYPES } from '../api/resources';
import { ApiError } from '../api/status';

export interface ResourcePath {
  type: ResourceType;
  namespace?: string;
  name?: string;
  /** Subresource (`status`, `scale`, `log`, `proxy`). */
  sub?: string;
  /** Path after the subresource (proxy). */
  rest: string[];
  /** Legacy `/watch/` path. */
  watchPath: boolean;
}

export const notFoundPath = () =>
  new ApiError(
    404,
    'NotFound',
    'the server could not find the requested resource',
  );

/**
 * Parses `/api/v1/...` and `/apis/<group>/<version>/...` resource paths.
 * Returns undefined for paths that are not resource paths (discovery documents).
 */
export function parseResourcePath(pathname: string): ResourcePath | undefined {
  const segs = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (segs[0] === 'api' && segs.length >= 3) {
    group = '';
    version = segs[1];
    rest = segs.slice(2);
  } else if (segs[0] === 'apis' && segs.length >= 4) {
    group = segs[1];
    version = segs[2];
    rest = segs.slice(3);
  } else {
    return undefined;
  }
  if (!RESOURCE_TYPES.some(t => t.group === group && t.version === version))
    throw notFoundPath();
  let watchPath = false;
  if (rest[0] === 'watch') {
    watchPath = true;
    rest = rest.slice(1);
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const t = findResource(group, version, rest[2]);
    if (t?.namespaced) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
  }
  const type = findResource(group, version, rest[0] ?? '');
  if (!type) throw notFoundPath();
  if (type.namespaced === false && namespace !== undefined)
    throw notFoundPath();
  const name = rest[1];
  const sub = rest[2];
  if (sub !== undefined && !(type.subresources ?? []).includes(sub))
    throw notFoundPath();
  return { type, namespace, name, sub, rest: rest.slice(3), watchPath };
}
