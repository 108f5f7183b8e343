/** Discovery documents: /api, /apis, /apis/<group>, resource lists and /version. */
import { apiVersionOf, groupVersions, RESOURCE_TYPES } from './resources';
import { fnv1a } from '../util/random';

export function apiVersions(): unknown {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [
      { clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:443' },
    ],
  };
}

function groupDoc(group: string): unknown {
  const versions = groupVersions()
    .filter(gv => gv.group === group)
    .map(gv => ({ groupVersion: apiVersionOf(gv), version: gv.version }));
  return { name: group, versions, preferredVersion: versions[0] };
}

export function apiGroupList(): unknown {
  const groups = [
    ...new Set(
      groupVersions()
        .map(gv => gv.group)
        .filter(Boolean),
    ),
  ];
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.map(groupDoc),
  };
}

/** The APIGroup document, or undefined for an unknown group. */
export function apiGroup(group: string): unknown {
  if (!groupVersions().some(gv => gv.group === group)) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...(groupDoc(group) as object) };
}

const SUBRESOURCE_VERBS: Record<string, string[]> = {
  status: ['get', 'patch', 'update'],
  scale: ['get', 'patch', 'update'],
  log: ['get'],
  proxy: ['create', 'delete', 'get', 'patch', 'update'],
};

const SUBRESOURCE_KINDS: Record<string, object> = {
  scale: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
  log: { kind: 'Pod' },
  proxy: { kind: 'NodeProxyOptions' },
};

/** The APIResourceList of a group version, or undefined when it is not served. */
export function apiResourceList(group: string, version: string): unknown {
  const types = RESOURCE_TYPES.filter(
    t => t.group === group && t.version === version,
  );
  if (types.length === 0) return undefined;
  const resources: unknown[] = [];
  for (const t of types) {
    resources.push({
      name: t.plural,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: t.verbs,
      ...(t.shortNames ? { shortNames: t.shortNames } : {}),
      ...(t.categories ? { categories: t.categories } : {}),
      ...(t.readOnly
        ? {}
        : {
            storageVersionHash: Buffer.from(
              fnv1a(`${apiVersionOf(t)}/${t.kind}`).toString(16),
            )
              .toString('base64')
              .slice(0, 11),
          }),
    });
    for (const sub of t.subresources ?? []) {
      resources.push({
        name: `${t.plural}/${sub}`,
        singularName: '',
        namespaced: t.namespaced,
        ...(SUBRESOURCE_KINDS[sub] ?? { kind: t.kind }),
        verbs: SUBRESOURCE_VERBS[sub] ?? ['get'],
      });
    }
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources,
  };
}

export function versionInfo(gitVersion: string): unknown {
  const m = /^v(\d+)\.(\d+)/.exec(gitVersion);
  return {
    major: m?.[1] ?? '1',
    minor: `${m?.[2] ?? '29'}+`,
    gitVersion,
    gitCommit: fnv1a(gitVersion).toString(16).padStart(40, '0'),
    gitTreeState: 'clean',
    buildDate: '2024-06-11T00:00:00Z',
    goVersion: 'go1.22.4',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}
