import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { HTTP_PORT, METRICS_PORT, MONITORING_NAMESPACE } from '../layers';
import { PLATFORM_EGRESS } from '../securityGroups';
import { objectMeta, ResolvedService } from './serviceInput';

/**
 * Ingress and egress for the service's pods: HTTP from the layer's callers
 * (API: `role: frontend`, as documented), metrics from the monitoring
 * namespace, and the egress the security groups allow (DNS, PostgreSQL,
 * Redis; lint rule NETWORK_POLICY_EGRESS_BLOCKED says why).
 */
export function buildNetworkPolicy(service: ResolvedService): NetworkPolicy {
  const egressPorts = [
    ...PLATFORM_EGRESS.map(({ protocol, port }) => ({ protocol, port })),
    ...service.defaults.extraEgressPorts,
  ];
  return new NetworkPolicy({
    metadata: objectMeta(service, `${service.name}-network-policy`),
    spec: {
      podSelector: { matchLabels: service.selector },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        {
          from: service.defaults.ingressFrom,
          ports: [{ protocol: 'TCP', port: HTTP_PORT }],
        },
        {
          from: [
            {
              namespaceSelector: {
                matchLabels: {
                  'kubernetes.io/metadata.name': MONITORING_NAMESPACE,
                },
              },
            },
          ],
          ports: [{ protocol: 'TCP', port: METRICS_PORT }],
        },
      ],
      egress: [{ ports: egressPorts }],
    },
  });
}
