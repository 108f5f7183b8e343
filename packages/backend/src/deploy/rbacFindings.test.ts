import { PolicyRule, rbacFindings } from './rbacFindings';

const read = (resources: string[], apiGroups = ['']): PolicyRule => ({
  apiGroups,
  resources,
  verbs: ['get', 'list', 'watch'],
});

describe('rbacFindings', () => {
  it('finds nothing in plain reads', () => {
    expect(
      rbacFindings([
        read(['nodes', 'pods', 'pods/log', 'configmaps']),
        read(['deployments'], ['apps']),
        read(['nodes', 'pods'], ['metrics.k8s.io']),
      ]),
    ).toEqual([]);
  });

  it.each([
    'create',
    'update',
    'patch',
    'delete',
    'deletecollection',
    'escalate',
    'bind',
    'impersonate',
    '*',
  ])('finds the verb %s', verb => {
    expect(
      rbacFindings([{ apiGroups: [''], resources: ['pods'], verbs: [verb] }]),
    ).toEqual([`rule 0: verb '${verb}'`]);
  });

  it.each([
    'pods/exec',
    'pods/attach',
    'pods/portforward',
    'nodes/proxy',
    'services/proxy',
  ])('finds the subresource %s even with get only', resource => {
    expect(rbacFindings([read([resource])])).toEqual([
      `rule 0: subresource '${resource}'`,
    ]);
  });

  it('finds secrets in the core group and under a wildcard group', () => {
    expect(rbacFindings([read(['secrets'])])).toEqual([
      'rule 0: reads secrets',
    ]);
    expect(rbacFindings([read(['secrets'], ['*'])])).toEqual([
      'rule 0: reads secrets',
    ]);
    // a CRD that happens to be called secrets is not the core Secret
    expect(rbacFindings([read(['secrets'], ['example.com'])])).toEqual([]);
  });

  it('finds wildcard resources and non-resource URLs', () => {
    expect(
      rbacFindings([
        read(['*']),
        read(['pods/*']),
        { nonResourceURLs: ['/metrics'], verbs: ['get'] },
      ]),
    ).toEqual([
      "rule 0: wildcard resource '*'",
      "rule 1: wildcard resource 'pods/*'",
      "rule 2: non-resource URL '/metrics'",
    ]);
  });
});
