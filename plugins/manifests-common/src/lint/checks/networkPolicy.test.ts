import { cleanService, kindOf } from '../../testing/cleanService';
import { lintManifests } from '../lintManifests';

const egressFindings = (objects: any[]) =>
  lintManifests(objects).filter(
    f => f.ruleId === 'NETWORK_POLICY_EGRESS_BLOCKED',
  );

describe('NETWORK_POLICY_EGRESS_BLOCKED', () => {
  it('fires on a policy listing Egress without egress rules, naming DNS, PostgreSQL and Redis', () => {
    const objects = cleanService();
    delete kindOf(objects, 'NetworkPolicy').spec.egress;
    const [f, ...rest] = egressFindings(objects);
    expect(rest).toEqual([]);
    expect(f.object).toEqual({
      kind: 'NetworkPolicy',
      name: 'svc-network-policy',
    });
    expect(f.severity).toBe('error');
    expect(f.message).toBe(
      'lists Egress but no egress rule admits DNS UDP 53, DNS TCP 53, PostgreSQL TCP 5432, Redis TCP 6379: the pods cannot resolve names nor reach the databases the security groups open to them',
    );
  });

  it('does not fire with the generated egress, a namespace-wide DNS policy, or without Egress', () => {
    expect(egressFindings(cleanService())).toEqual([]);
    const namespaceDns = cleanService();
    delete kindOf(namespaceDns, 'NetworkPolicy').spec.egress;
    namespaceDns.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-dns' },
      spec: {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          {
            ports: [
              { protocol: 'UDP', port: 53 },
              { protocol: 'TCP', port: 53 },
            ],
          },
        ],
      },
    });
    expect(egressFindings(namespaceDns)).toEqual([]);
    const ingressOnly = cleanService();
    const policy = kindOf(ingressOnly, 'NetworkPolicy');
    delete policy.spec.egress;
    policy.spec.policyTypes = ['Ingress'];
    expect(egressFindings(ingressOnly)).toEqual([]);
  });

  it('fires when egress rules exist but DNS is not among them, naming only what is blocked', () => {
    const objects = cleanService();
    kindOf(objects, 'NetworkPolicy').spec.egress = [
      { ports: [{ protocol: 'TCP', port: 5432 }] },
    ];
    expect(egressFindings(objects)[0].message).toMatch(
      /^lists Egress but no egress rule admits DNS UDP 53, DNS TCP 53, Redis TCP 6379:/,
    );
  });
});
