/**
 * A minimal OpenAPI v3 description: enough for kubectl to learn that PATCH supports the
 * `fieldValidation` query parameter (so `kubectl apply` validates server-side and needs
 * no schemas). `/openapi/v2` is answered 404 and kubectl falls back to built-in types.
 */
import { apiVersionOf, groupVersions, RESOURCE_TYPES } from './resources';
import { fnv1a } from '../util/random';

function gvPath(gv: { group: string; version: string }): string {
  return gv.group ? `apis/${gv.group}/${gv.version}` : `api/${gv.version}`;
}

const QUERY = (name: string) => ({
  name,
  in: 'query',
  description: name,
  schema: { type: 'string', uniqueItems: true },
});

/** `/openapi/v3` root: one entry per group version. */
export function openApiV3Root(): unknown {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const gv of groupVersions()) {
    const p = gvPath(gv);
    paths[p] = {
      serverRelativeURL: `/openapi/v3/${p}?hash=${fnv1a(p)
        .toString(16)
        .toUpperCase()}`,
    };
  }
  return { paths };
}

/** The document of one group version (path without leading slash), or undefined. */
export function openApiV3GroupVersion(path: string): unknown {
  const gv = groupVersions().find(g => gvPath(g) === path);
  if (!gv) return undefined;
  const paths: Record<string, unknown> = {};
  for (const t of RESOURCE_TYPES.filter(
    r => r.group === gv.group && r.version === gv.version,
  )) {
    const base = `/${gvPath(gv)}${
      t.namespaced ? '/namespaces/{namespace}' : ''
    }/${t.plural}`;
    const gvk = { group: t.group, version: t.version, kind: t.kind };
    const op = (action: string) => ({
      tags: [apiVersionOf(t)],
      operationId: `${action}${t.kind}`,
      parameters:
        action === 'patch'
          ? [
              QUERY('dryRun'),
              QUERY('fieldManager'),
              QUERY('fieldValidation'),
              QUERY('force'),
            ]
          : [QUERY('dryRun'), QUERY('fieldManager'), QUERY('fieldValidation')],
      responses: { '200': { description: 'OK' } },
      'x-kubernetes-action': action,
      'x-kubernetes-group-version-kind': gvk,
    });
    if (t.readOnly) {
      paths[`${base}/{name}`] = { get: { ...op('get'), parameters: [] } };
      continue;
    }
    paths[base] = { post: op('post') };
    paths[`${base}/{name}`] = { put: op('put'), patch: op('patch') };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.29.6' },
    paths,
    components: { schemas: {} },
  };
}
