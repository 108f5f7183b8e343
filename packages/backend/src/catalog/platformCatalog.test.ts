/*
 * The catalog under catalog/ describes the platform of its design documents
 * and operations manual: every entity is valid for @backstage/catalog-model (the
 * templates of templates/ for the scaffolder's Template kind), every
 * relation points at an entity that exists, and each documented service, resource,
 * node pool and escalation role is there with its documented values.
 */
import {
  Entity,
  EntityPolicies,
  DefaultNamespaceEntityPolicy,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const repoRoot = path.resolve(__dirname, '../../../..');

function loadLocation(file: string): Entity[] {
  const docs = parseAllDocuments(fs.readFileSync(file, 'utf8')).map(
    d => d.toJS() as Entity,
  );
  return docs.flatMap(entity =>
    entity.kind === 'Location'
      ? [
          entity,
          ...(entity.spec!.targets as string[]).flatMap(t =>
            loadLocation(path.resolve(path.dirname(file), t)),
          ),
        ]
      : [entity],
  );
}

const entities = loadLocation(path.join(repoRoot, 'catalog-info.yaml'));
const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
const get = (ref: string) => {
  const entity = byRef.get(ref);
  if (!entity) throw new Error(`missing ${ref}`);
  return entity;
};

const validators = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  // the service templates of templates/
  templateEntityV1beta3Validator,
];
const policy = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);

describe('platform catalog', () => {
  it('has unique entity refs', () => {
    expect(byRef.size).toBe(entities.length);
  });

  it.each(entities.map(e => [stringifyEntityRef(e), e] as const))(
    '%s is a valid entity',
    async (_ref, entity) => {
      await expect(policy.enforce(entity)).resolves.toBeDefined();
      const results = await Promise.all(validators.map(v => v.check(entity)));
      expect(results).toContain(true);
    },
  );

  it('resolves every relation target to an entity in the catalog', () => {
    const dangling: string[] = [];
    const refField = (e: Entity, value: unknown, defaultKind: string) => {
      for (const target of ([] as unknown[]).concat(value ?? [])) {
        const ref = stringifyEntityRef(
          parseEntityRef(String(target), {
            defaultKind,
            defaultNamespace: 'default',
          }),
        );
        if (!byRef.has(ref))
          dangling.push(`${stringifyEntityRef(e)} -> ${ref}`);
      }
    };
    for (const e of entities) {
      const spec = (e.spec ?? {}) as Record<string, unknown>;
      refField(e, spec.owner, 'group');
      refField(e, spec.system, 'system');
      refField(e, spec.domain, 'domain');
      refField(e, spec.dependsOn, 'component');
      refField(e, spec.providesApis, 'api');
      refField(e, spec.consumesApis, 'api');
      refField(e, spec.parent, 'group');
      refField(e, spec.children, 'group');
      refField(e, spec.memberOf, 'group');
    }
    expect(dangling).toEqual([]);
  });

  it('describes every service of the architecture in the system', () => {
    for (const name of [
      'collector-1',
      'collector-2',
      'stream-processing',
      'spark-jobs',
      'model-serving',
      'training-pipeline',
      'trading-api',
      'trading-websocket',
    ]) {
      const c = get(`component:default/${name}`);
      expect(c.spec).toMatchObject({ system: 'financial-data-platform' });
      expect(c.metadata.annotations?.['backstage.io/kubernetes-id']).toBe(name);
    }
    expect(get('system:default/financial-data-platform').spec?.domain).toBe(
      'financial-data',
    );
  });

  it('wires trading-api so its relations graph and plugins have something to show', () => {
    const api = get('component:default/trading-api');
    expect(api.spec).toMatchObject({
      type: 'service',
      owner: 'trading-team',
      providesApis: ['trading-rest-api'],
    });
    expect(api.spec?.dependsOn).toEqual(
      expect.arrayContaining([
        'resource:timescaledb',
        'resource:redis',
        'resource:fdp-cluster-general',
      ]),
    );
    expect(api.metadata.annotations).toMatchObject({
      'prometheus.io/labels': 'service=trading-api',
      'fdp.io/backup-targets': 'trading-db,cluster-snapshots',
    });
    expect(
      get('component:default/trading-websocket').spec?.providesApis,
    ).toEqual(['trading-stream-api']);
  });

  it('has the APIs: OpenAPI for REST, AsyncAPI for WebSocket, the exchange API and the data feed', () => {
    expect(get('api:default/trading-rest-api').spec?.type).toBe('openapi');
    expect(get('api:default/trading-stream-api').spec?.type).toBe('asyncapi');
    expect(get('api:default/exchange-api').spec?.type).toBe('openapi');
    expect(get('api:default/market-data-feed').spec?.type).toBe('asyncapi');
    for (const ref of [
      'api:default/trading-rest-api',
      'api:default/exchange-api',
    ]) {
      const definition = parseAllDocuments(
        String(get(ref).spec?.definition),
      )[0].toJS();
      expect(definition.openapi).toMatch(/^3\./);
    }
  });

  it('has the storage, monitoring and load-balancing resources', () => {
    const expected: Record<string, string> = {
      timescaledb: 'database',
      redis: 'cache',
      'object-storage': 's3-bucket',
      'backup-bucket': 's3-bucket',
      prometheus: 'monitoring',
      alertmanager: 'monitoring',
      grafana: 'monitoring',
      'elk-stack': 'logging',
      'aws-alb': 'load-balancer',
      'internal-l4': 'load-balancer',
      'fdp-cluster': 'kubernetes-cluster',
    };
    for (const [name, type] of Object.entries(expected)) {
      expect(get(`resource:default/${name}`).spec?.type).toBe(type);
    }
    expect(
      get('resource:default/backup-bucket').metadata.annotations,
    ).toMatchObject({
      'fdp.io/s3-bucket': 'backup-bucket',
      'fdp.io/s3-region': 'ap-northeast-2',
    });
  });

  // Seeds, "Kubernetes" table: pool, instance type, min, max, label.
  it.each([
    ['general', 'c5.2xlarge', '3', '10'],
    ['ai-inference', 'g4dn.xlarge', '2', '5'],
    ['data-processing', 'r5.2xlarge', '2', '8'],
  ])('has node pool %s (%s, %s..%s)', (pool, instanceType, min, max) => {
    const r = get(`resource:default/fdp-cluster-${pool}`);
    expect(r.spec).toMatchObject({
      type: 'kubernetes-node-pool',
      dependsOn: ['resource:fdp-cluster'],
    });
    expect(r.metadata.annotations).toMatchObject({
      'fdp.io/node-pool': pool,
      'fdp.io/instance-type': instanceType,
      'fdp.io/node-pool-min-size': min,
      'fdp.io/node-pool-max-size': max,
      'fdp.io/node-selector': `role=${pool}`,
      // the pool's alerts (node rules keep the pool label)
      'fdp.io/alert-matchers': `pool="${pool}"`,
    });
  });

  it('has the four groups', () => {
    for (const g of ['devops', 'dev-team', 'trading-team', 'sre']) {
      expect(get(`group:default/${g}`).spec?.type).toBe('team');
    }
  });

  // Seeds, "Incident levels": the escalation chain of P1, P2 and P3.
  it.each([
    'devops_lead',
    'system_architect',
    'cto',
    'devops_engineer',
    'team_lead',
    'on_call_engineer',
  ])('has a user for escalation role %s', role => {
    const users = entities.filter(
      e =>
        e.kind === 'User' &&
        e.metadata.annotations?.['fdp.io/escalation-role'] === role,
    );
    expect(users).toHaveLength(1);
    expect(users[0].metadata.name).toBe(role.replace(/_/g, '-'));
  });
});
