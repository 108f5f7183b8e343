/**
 * deploy/portal: every object valid against the Kubernetes schemas
 * (kubernetes-models), consistent with each other, and providing every
 * variable app-config.production.yaml reads, secrets only from the Secret.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  Namespace,
  ConfigMap,
  Service,
  ServiceAccount,
} from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import {
  ClusterRole,
  ClusterRoleBinding,
} from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { KIND_DEFINITIONS } from '@fdp/plugin-kubernetes-informer-cache-node';
import { repoRoot } from '../testing/backendProcess';
import { rbacFindings } from './rbacFindings';

const dir = path.join(repoRoot, 'deploy/portal');
const models: Record<string, new (o: any) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'apps/v1/Deployment': Deployment,
  'networking.k8s.io/v1/Ingress': Ingress,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'rbac.authorization.k8s.io/v1/ClusterRole': ClusterRole,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': ClusterRoleBinding,
};

const files = fs
  .readdirSync(dir)
  .filter(f => f.endsWith('.yaml') && f !== 'kustomization.yaml');
const objects: any[] = files.flatMap(f =>
  parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map(d => {
    if (d.errors.length > 0) throw new Error(`${f}: ${d.errors[0].message}`);
    return d.toJS();
  }),
);
const readYaml = (file: string): any[] =>
  parseAllDocuments(fs.readFileSync(file, 'utf8')).map(d => d.toJS());
const one = (kind: string) => {
  const found = objects.filter(o => o.kind === kind);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('deploy/portal', () => {
  it('lists every manifest in the kustomization', () => {
    const kustomization = parseAllDocuments(
      fs.readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8'),
    )[0].toJS();
    expect([...kustomization.resources].sort()).toEqual([...files].sort());
  });

  it('validates every object against the Kubernetes schemas', () => {
    expect(objects.length).toBeGreaterThanOrEqual(9);
    for (const o of objects) {
      const Model = models[`${o.apiVersion}/${o.kind}`];
      expect(Model).toBeDefined();
      expect(() => new Model(o).validate()).not.toThrow();
    }
  });

  it('gives the backend every variable of app-config.production.yaml, secrets only by secretKeyRef', () => {
    const production = fs.readFileSync(
      path.join(repoRoot, 'app-config.production.yaml'),
      'utf8',
    );
    const wanted = [
      ...new Set([...production.matchAll(/\$\{(\w+)\}/g)].map(m => m[1])),
    ];
    const config = one('ConfigMap');
    const container = one('Deployment').spec.template.spec.containers[0];
    expect(container.envFrom).toEqual([
      { configMapRef: { name: config.metadata.name } },
    ]);
    const fromSecret = new Map<string, string>(
      container.env
        .filter((e: any) => e.valueFrom?.secretKeyRef)
        .map((e: any) => [e.name, e.valueFrom.secretKeyRef.name]),
    );
    const provided = new Set([
      ...Object.keys(config.data),
      ...fromSecret.keys(),
    ]);
    expect(wanted.filter(v => !provided.has(v))).toEqual([]);

    const secretLike = /PASSWORD|SECRET|TOKEN|CA_DATA/;
    expect(Object.keys(config.data).filter(k => secretLike.test(k))).toEqual(
      [],
    );
    for (const v of wanted.filter(w => secretLike.test(w))) {
      expect([v, fromSecret.get(v)]).toEqual([v, 'fdp-portal-secrets']);
    }
    // no literal secret values anywhere in the Deployment
    expect(
      container.env.filter((e: any) => secretLike.test(e.name) && e.value),
    ).toEqual([]);
    expect(container.args).toEqual([
      '--config',
      'app-config.yaml',
      '--config',
      'app-config.production.yaml',
    ]);
  });

  it('points the catalog location at the files beside the config in the image', () => {
    // app-config.yaml defaults CATALOG_ROOT to the repository root as seen
    // from packages/backend; in the image the catalog sits in the working
    // directory, and the backend refuses to start on a missing catalog file.
    const base = fs.readFileSync(
      path.join(repoRoot, 'app-config.yaml'),
      'utf8',
    );
    expect(base).toContain('${CATALOG_ROOT:-../..}/catalog-info.yaml');
    expect(one('ConfigMap').data.CATALOG_ROOT).toBe('.');
  });

  it("authenticates to the cluster with the pod's projected token, not a long-lived token Secret", () => {
    const pod = one('Deployment').spec.template.spec;
    expect(pod.automountServiceAccountToken).not.toBe(false);
    const env = pod.containers[0].env.map((e: any) => e.name);
    expect(env).not.toContain('K8S_SA_TOKEN');
    expect(
      objects.filter(
        o =>
          o.kind === 'Secret' ||
          o.type === 'kubernetes.io/service-account-token',
      ),
    ).toEqual([]);
    const config = one('ConfigMap').data;
    expect(config.K8S_AUTH_PROVIDER).toBe('serviceAccount');
    expect(config.K8S_CA_FILE).toBe(
      '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt',
    );
    // production reads the token only when set (installs outside a cluster)
    const production = fs.readFileSync(
      path.join(repoRoot, 'app-config.production.yaml'),
      'utf8',
    );
    expect(production).toMatch(/serviceAccountToken: \$\{K8S_SA_TOKEN:-\}/);
    expect(production).toMatch(
      /authProvider: \$\{K8S_AUTH_PROVIDER:-serviceAccount\}/,
    );
  });

  it('probes Backstage health on the port the Service and Ingress route to', () => {
    const deployment = one('Deployment');
    const pod = deployment.spec.template;
    const container = pod.spec.containers[0];
    expect(container.ports).toEqual([{ name: 'http', containerPort: 7007 }]);
    expect(container.readinessProbe.httpGet).toEqual({
      path: '/.backstage/health/v1/readiness',
      port: 'http',
    });
    expect(container.livenessProbe.httpGet.path).toBe(
      '/.backstage/health/v1/liveness',
    );
    expect(container.resources.limits.memory).toBeDefined();
    expect(pod.spec.securityContext.runAsNonRoot).toBe(true);

    const labels = pod.metadata.labels;
    const matches = (selector: Record<string, string>) =>
      Object.entries(selector).every(([k, v]) => labels[k] === v);
    const service = one('Service');
    expect(matches(service.spec.selector)).toBe(true);
    expect(service.spec.ports[0].targetPort).toBe('http');
    expect(matches(deployment.spec.selector.matchLabels)).toBe(true);
    const pdb = one('PodDisruptionBudget');
    expect(matches(pdb.spec.selector.matchLabels)).toBe(true);
    expect(deployment.spec.replicas).toBeGreaterThan(pdb.spec.minAvailable);

    const backend = one('Ingress').spec.rules[0].http.paths[0].backend.service;
    expect(backend).toEqual({
      name: service.metadata.name,
      port: { name: service.spec.ports[0].name },
    });
    expect(pod.spec.serviceAccountName).toBe(
      one('ServiceAccount').metadata.name,
    );
  });

  it('lets the service account read, and only read, every kind the cache watches', () => {
    const rules: any[] = one('ClusterRole').rules;
    const allows = (group: string, resource: string, verb: string) =>
      rules.some(
        r =>
          r.apiGroups.includes(group) &&
          r.resources.includes(resource) &&
          r.verbs.includes(verb),
      );
    for (const def of Object.values(KIND_DEFINITIONS)) {
      for (const verb of ['list', 'watch']) {
        expect([
          def.group,
          def.plural,
          verb,
          allows(def.group, def.plural, verb),
        ]).toEqual([def.group, def.plural, verb, true]);
      }
    }
    expect(allows('metrics.k8s.io', 'pods', 'list')).toBe(true);
    expect(allows('metrics.k8s.io', 'nodes', 'list')).toBe(true);
    const verbs = new Set(rules.flatMap(r => r.verbs));
    expect([...verbs].sort()).toEqual(['get', 'list', 'watch']);
    const binding = one('ClusterRoleBinding');
    expect(binding.roleRef.name).toBe(one('ClusterRole').metadata.name);
    expect(binding.subjects[0]).toMatchObject({
      kind: 'ServiceAccount',
      name: one('ServiceAccount').metadata.name,
      namespace: one('ServiceAccount').metadata.namespace,
    });
  });

  it('grants nothing that writes, execs, proxies or reads secrets', () => {
    const roles = objects.filter(
      o => o.kind === 'ClusterRole' || o.kind === 'Role',
    );
    expect(roles.length).toBeGreaterThan(0);
    for (const role of roles) {
      expect([role.metadata.name, rbacFindings(role.rules)]).toEqual([
        role.metadata.name,
        [],
      ]);
    }
  });

  it('keeps the kubelet stats opt-in out of the kustomization, with its risk next to it', () => {
    const file = path.join(dir, 'optional/kubelet-stats-rbac.yaml');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toMatch(/RISK: .*nodes\/proxy/);
    expect(text).toContain(
      'kubernetesInformerCache.diskUsage.source: kubeletStats',
    );
    const optional = readYaml(file);
    for (const o of optional) {
      expect(() =>
        new models[`${o.apiVersion}/${o.kind}`](o).validate(),
      ).not.toThrow();
    }
    const role = optional.find(o => o.kind === 'ClusterRole');
    expect(rbacFindings(role.rules)).toEqual([
      "rule 0: subresource 'nodes/proxy'",
    ]);
    const binding = optional.find(o => o.kind === 'ClusterRoleBinding');
    expect(binding.subjects[0]).toMatchObject({
      kind: 'ServiceAccount',
      name: one('ServiceAccount').metadata.name,
    });
    const kustomization = readYaml(path.join(dir, 'kustomization.yaml'))[0];
    expect(
      kustomization.resources.filter((r: string) => r.includes('optional')),
    ).toEqual([]);
  });
});
