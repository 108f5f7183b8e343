import { PLATFORM_EGRESS } from '../../securityGroups';
import { Finding } from '../../types';
import {
  AnyObject,
  isRecord,
  list,
  policyTypes,
  refOf,
  rulesAdmit,
  sameNamespace,
  selects,
} from '../objects';
import { finding, RULES } from '../rules';

/**
 * NETWORK_POLICY_EGRESS_BLOCKED: a NetworkPolicy listing Egress whose pods,
 * counting every policy of the namespace that also selects them (policies
 * add up), may not reach DNS. Named with it: PostgreSQL and Redis when
 * blocked too, the egress the security groups give applications.
 */
export function checkNetworkPolicies(objects: AnyObject[]): Finding[] {
  const policies = objects.filter(o => o.kind === 'NetworkPolicy');
  return policies
    .filter(p => policyTypes(p).includes('Egress'))
    .flatMap(policy => {
      const labels: Record<string, string> = isRecord(
        policy.spec?.podSelector?.matchLabels,
      )
        ? policy.spec.podSelector.matchLabels
        : {};
      const rules = policies
        .filter(
          other =>
            sameNamespace(other, policy) &&
            policyTypes(other).includes('Egress') &&
            (other === policy || selects(other.spec?.podSelector, labels)),
        )
        .flatMap(other => list(other.spec?.egress));
      const blocked = PLATFORM_EGRESS.filter(
        e => !rulesAdmit(rules, e.protocol, e.port),
      );
      if (!blocked.some(b => b.what === 'DNS')) {
        return [];
      }
      return [
        finding(RULES.NETWORK_POLICY_EGRESS_BLOCKED, refOf(policy), {
          blocked: blocked.map(b => `${b.what} ${b.protocol} ${b.port}`),
        }),
      ];
    });
}
