import { Finding, ObjectRef, Severity } from '../types';

/** A policy rule: stable id, severity and one-line fix; its message is built from the case found. */
export interface Rule<P> {
  id: string;
  severity: Severity;
  message(params: P): string;
  fix: string;
}

const rule = <P>(r: Rule<P>) => r;

/**
 * Every rule of the platform policy lint, in one place: the scaffolder's
 * lint action, the platform-lint command and the cluster-health view report
 * these ids and words.
 */
export const RULES = {
  SCHEMA_INVALID: rule<{ problems: string[] }>({
    id: 'SCHEMA_INVALID',
    severity: 'error',
    message: p =>
      `does not match its Kubernetes schema: ${p.problems.join('; ')}`,
    fix: 'Correct the fields named against the Kubernetes API reference of the kind',
  }),
  UNKNOWN_FIELD: rule<{ paths: string[] }>({
    id: 'UNKNOWN_FIELD',
    severity: 'error',
    message: p =>
      `has fields its kind does not have (the API server drops or refuses them): ${p.paths.join(
        ', ',
      )}`,
    fix: 'Remove or correct the misspelt fields',
  }),
  HPA_AND_VPA_ON_CPU: rule<{ hpa: string; vpa: string; mode: string }>({
    id: 'HPA_AND_VPA_ON_CPU',
    severity: 'error',
    message: p =>
      `HPA ${p.hpa} scales on CPU while VPA ${p.vpa} (${p.mode}) also sets CPU requests: they work against each other`,
    fix: 'Limit the VPA to memory (resourcePolicy.containerPolicies: [{containerName: "*", controlledResources: [memory]}]) or set its updateMode to Off',
  }),
  NETWORK_POLICY_EGRESS_BLOCKED: rule<{ blocked: string[] }>({
    id: 'NETWORK_POLICY_EGRESS_BLOCKED',
    severity: 'error',
    message: p =>
      `lists Egress but no egress rule admits ${p.blocked.join(
        ', ',
      )}: the pods cannot resolve names nor reach the databases the security groups open to them`,
    fix: 'Add egress for DNS (UDP and TCP 53), PostgreSQL (TCP 5432) and Redis (TCP 6379), which the database security group admits from applications',
  }),
  PROBES_MISSING: rule<{ container: string; missing: string[] }>({
    id: 'PROBES_MISSING',
    severity: 'warning',
    message: p =>
      `container ${p.container} has no ${p.missing.join(
        ' and ',
      )}: traffic reaches pods before they are ready and hung pods are never restarted`,
    fix: 'Add a readinessProbe and a livenessProbe (httpGet on the service health endpoints)',
  }),
  RESOURCES_NO_LIMITS: rule<{ container: string; missing: string[] }>({
    id: 'RESOURCES_NO_LIMITS',
    severity: 'warning',
    message: p =>
      `container ${p.container} has no ${p.missing.join(
        ' or ',
      )} limit: it can starve the other pods of its node`,
    fix: 'Set resources.limits.cpu and resources.limits.memory (platform default 2 CPU / 4Gi)',
  }),
  RUNS_AS_ROOT: rule<{ container: string; explicit: boolean }>({
    id: 'RUNS_AS_ROOT',
    severity: 'error',
    message: p =>
      p.explicit
        ? `container ${p.container} runs as root (runAsUser: 0)`
        : `container ${p.container} may run as root: nothing sets runAsNonRoot: true or a non-zero runAsUser`,
    fix: 'Set securityContext.runAsNonRoot: true and a non-zero runAsUser (the pod or the container)',
  }),
  SERVICE_ACCOUNT_DEFAULT: rule<Record<string, never>>({
    id: 'SERVICE_ACCOUNT_DEFAULT',
    severity: 'warning',
    message: () =>
      `pods run as the namespace's default ServiceAccount, shared with every other workload there`,
    fix: 'Give the workload its own ServiceAccount (automountServiceAccountToken: false) and set serviceAccountName',
  }),
  NODE_POOL_UNSET: rule<{ pools: string[] }>({
    id: 'NODE_POOL_UNSET',
    severity: 'warning',
    message: p =>
      `pods select no node pool (${p.pools.join(
        ', ',
      )}): the scheduler may put them on any pool without taints`,
    fix: "Set nodeSelector to the pool's label (general: role: general)",
  }),
  NODE_POOL_UNKNOWN: rule<{ selector: string; pools: string[] }>({
    id: 'NODE_POOL_UNKNOWN',
    severity: 'error',
    message: p =>
      `nodeSelector ${p.selector} matches no node pool (${p.pools.join(
        ', ',
      )}): the pods stay Pending`,
    fix: "Use an existing pool's label in nodeSelector (see --pools / the cluster's node pools)",
  }),
  GPU_OUTSIDE_GPU_POOL: rule<{
    container: string;
    pool?: string;
    gpuPools: string[];
  }>({
    id: 'GPU_OUTSIDE_GPU_POOL',
    severity: 'error',
    message: p =>
      `container ${p.container} asks for nvidia.com/gpu but the pods ${
        p.pool ? `select pool ${p.pool}` : 'select no pool'
      }: ${
        p.gpuPools.length > 0
          ? `only ${p.gpuPools.join(', ')} has`
          : 'no pool has'
      } GPUs`,
    fix: 'Select the GPU pool (nodeSelector role: ai-inference) with the GPU toleration, or drop the GPU request',
  }),
  GPU_TOLERATION_MISSING: rule<{ pool: string; taint: string }>({
    id: 'GPU_TOLERATION_MISSING',
    severity: 'error',
    message: p =>
      `pods select GPU pool ${p.pool} but do not tolerate its taint ${p.taint}: they stay Pending`,
    fix: 'Add the toleration {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}',
  }),
  METRICS_NOT_SCRAPED: rule<
    | { cause: 'annotation' }
    | { cause: 'port'; port: string }
    | { cause: 'network-policy'; port: string; policy: string }
  >({
    id: 'METRICS_NOT_SCRAPED',
    severity: 'warning',
    message: p => {
      switch (p.cause) {
        case 'annotation':
          return 'pods are not annotated prometheus.io/scrape: "true": the kubernetes-pods scrape job drops them';
        case 'port':
          return `metrics port ${p.port} is not a declared containerPort: the kubernetes-pods scrape job scrapes declared ports only`;
        default:
          return `NetworkPolicy ${p.policy} admits no ingress on the metrics port ${p.port}: Prometheus cannot scrape the pods`;
      }
    },
    fix: 'Annotate the pod template prometheus.io/scrape: "true" and prometheus.io/port: "9090", declare containerPort 9090 and admit the monitoring namespace on it in the NetworkPolicy',
  }),
};

export type RuleId = keyof typeof RULES;

/** A finding of a rule about an object. */
export function finding<P>(r: Rule<P>, object: ObjectRef, params: P): Finding {
  return {
    ruleId: r.id,
    severity: r.severity,
    object,
    message: r.message(params),
    fix: r.fix,
  };
}
