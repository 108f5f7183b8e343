/**
 * What a ClusterRole/Role grants beyond reading: the portal's service account
 * must never write, exec into pods (the kubelet authorises exec, attach,
 * port-forward and every pod's logs as `get nodes/proxy`) or read secrets.
 */

/** A PolicyRule of rbac.authorization.k8s.io/v1 (the fields checked). */
export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
  nonResourceURLs?: string[];
}

const WRITE_VERBS = new Set([
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
  'escalate',
  'bind',
  'impersonate',
  '*',
]);

/** Subresources that reach into a pod or node rather than describe it. */
const REACHING_SUBRESOURCES = new Set([
  'exec',
  'attach',
  'portforward',
  'proxy',
]);

/** Every grant of `rules` that is not a plain read, in words; empty when none. */
export function rbacFindings(rules: PolicyRule[]): string[] {
  const findings: string[] = [];
  rules.forEach((rule, i) => {
    const where = `rule ${i}`;
    const groups = rule.apiGroups ?? [];
    const resources = rule.resources ?? [];
    for (const verb of rule.verbs ?? []) {
      if (WRITE_VERBS.has(verb)) findings.push(`${where}: verb '${verb}'`);
    }
    for (const url of rule.nonResourceURLs ?? []) {
      findings.push(`${where}: non-resource URL '${url}'`);
    }
    for (const resource of resources) {
      const [name, sub] = resource.split('/');
      if (name === '*' || sub === '*') {
        findings.push(`${where}: wildcard resource '${resource}'`);
      } else if (sub && REACHING_SUBRESOURCES.has(sub)) {
        findings.push(`${where}: subresource '${resource}'`);
      } else if (
        name === 'secrets' &&
        (groups.includes('') || groups.includes('*'))
      ) {
        findings.push(`${where}: reads secrets`);
      }
    }
  });
  return findings;
}
