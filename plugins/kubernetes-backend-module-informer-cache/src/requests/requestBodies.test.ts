import { parseRequestBody } from './requestBodies';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'trading-api', namespace: 'default', annotations: {} },
  spec: { type: 'service' },
};
const vpa = {
  group: 'autoscaling.k8s.io',
  apiVersion: 'v1',
  plural: 'verticalpodautoscalers',
};
const ref = 'component:default/trading-api';

function deep(levels: number): unknown {
  let v: unknown = 'token';
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}

describe('parseRequestBody', () => {
  it('accepts what the official frontend client sends', () => {
    const auth = { google: 'token', oidc: { okta: 'token' } };
    expect(() =>
      parseRequestBody('/services/:serviceId', { entity, auth }),
    ).not.toThrow();
    expect(() =>
      parseRequestBody('/services/:serviceId', { entity }),
    ).not.toThrow();
    expect(() =>
      parseRequestBody('/resources/workloads/query', { entityRef: ref, auth }),
    ).not.toThrow();
    expect(() =>
      parseRequestBody('/resources/custom/query', {
        entityRef: ref,
        auth: { google: deep(30) },
        customResources: [vpa, { group: '', apiVersion: 'v1', plural: 'pods' }],
      }),
    ).not.toThrow();
  });

  it.each([
    ['/services/:serviceId', undefined, 'Required'],
    ['/services/:serviceId', { entity: null }, 'at "entity"'],
    [
      '/services/:serviceId',
      { entity: { ...entity, kind: 1 } },
      'at "entity.kind"',
    ],
    [
      '/services/:serviceId',
      { entity, auth: { google: deep(40) } },
      'nest deeper than 32 levels at "auth"',
    ],
    [
      '/resources/workloads/query',
      { entityRef: ref, extra: 1 },
      "Unrecognized key(s) in object: 'extra'",
    ],
    [
      '/resources/custom/query',
      { entityRef: ref, customResources: [] },
      'at "customResources"',
    ],
    [
      '/resources/custom/query',
      { entityRef: ref, customResources: [{ ...vpa, plural: 'Not/A/Plural' }] },
      'Must be a resource plural at "customResources[0].plural"',
    ],
    [
      '/resources/custom/query',
      { entityRef: ref, customResources: [{ ...vpa, group: 'x'.repeat(254) }] },
      'at "customResources[0].group"',
    ],
    [
      '/resources/custom/query',
      { entityRef: ref, customResources: [{ ...vpa, kind: 'X' }] },
      'Unrecognized key(s) in object: \'kind\' at "customResources[0]"',
    ],
  ] as const)('%s: a 400 naming the field (%#)', (route, body, message) => {
    let error: any;
    try {
      parseRequestBody(route, body);
    } catch (e) {
      error = e;
    }
    expect(error?.name).toBe('InputError');
    expect(error.message).toContain(`Invalid request body for POST ${route}`);
    expect(error.message).toContain(message);
  });
});
