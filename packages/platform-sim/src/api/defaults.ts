/** Defaulting the API server applies on create and update (a useful subset). */
import { isObject } from './patch';
import { normaliseQuantityValue } from '../util/quantity';

function normaliseResources(res: any): any {
  if (!isObject(res)) return {};
  const out: Record<string, any> = {};
  for (const part of ['limits', 'requests', 'claims']) {
    if (res[part] === undefined) continue;
    if (part === 'claims' || !isObject(res[part])) {
      out[part] = res[part];
      continue;
    }
    out[part] = Object.fromEntries(
      Object.entries(res[part]).map(([k, v]) => [k, normaliseQuantityValue(v)]),
    );
  }
  return out;
}

function defaultContainer(c: any): any {
  if (!isObject(c)) return c;
  const image = String(c.image ?? '');
  const tag = image.includes('@')
    ? 'digest'
    : image.split('/').pop()!.split(':')[1];
  const out: any = {
    ...c,
    resources: normaliseResources(c.resources),
    terminationMessagePath: c.terminationMessagePath ?? '/dev/termination-log',
    terminationMessagePolicy: c.terminationMessagePolicy ?? 'File',
    imagePullPolicy:
      c.imagePullPolicy ??
      (!tag || tag === 'latest' ? 'Always' : 'IfNotPresent'),
  };
  if (Array.isArray(c.ports)) {
    out.ports = c.ports.map((p: any) =>
      isObject(p) ? { ...p, protocol: p.protocol ?? 'TCP' } : p,
    );
  }
  return out;
}

/** Pod spec defaults (also used for pod templates). */
export function defaultPodSpec(spec: any): any {
  if (!isObject(spec)) return spec;
  return {
    ...spec,
    containers: Array.isArray(spec.containers)
      ? spec.containers.map(defaultContainer)
      : spec.containers,
    ...(Array.isArray(spec.initContainers)
      ? { initContainers: spec.initContainers.map(defaultContainer) }
      : {}),
    restartPolicy: spec.restartPolicy ?? 'Always',
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds ?? 30,
    dnsPolicy: spec.dnsPolicy ?? 'ClusterFirst',
    securityContext: spec.securityContext ?? {},
    schedulerName: spec.schedulerName ?? 'default-scheduler',
  };
}

function defaultTemplate(t: any): any {
  if (!isObject(t)) return t;
  return {
    ...t,
    metadata: { creationTimestamp: null, ...(t.metadata ?? {}) },
    spec: defaultPodSpec(t.spec ?? {}),
  };
}

let serviceIpCounter = 10;

/** Applies defaults for a kind; returns a new object. */
export function applyDefaults(obj: any): any {
  const o = {
    ...obj,
    spec: obj.spec === undefined ? undefined : { ...obj.spec },
  };
  if (o.spec === undefined) delete o.spec;
  switch (obj.kind) {
    case 'Namespace':
      o.metadata = {
        ...o.metadata,
        labels: {
          ...(o.metadata.labels ?? {}),
          'kubernetes.io/metadata.name': o.metadata.name,
        },
      };
      o.spec = { finalizers: ['kubernetes'], ...(o.spec ?? {}) };
      o.status = { phase: 'Active' };
      break;
    case 'Pod':
      o.spec = defaultPodSpec(o.spec ?? {});
      break;
    case 'Deployment':
      o.spec = {
        replicas: 1,
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
        },
        ...o.spec,
        template: defaultTemplate(o.spec?.template),
      };
      break;
    case 'ReplicaSet':
      o.spec = {
        replicas: 1,
        ...o.spec,
        template: defaultTemplate(o.spec?.template),
      };
      break;
    case 'StatefulSet':
      o.spec = {
        replicas: 1,
        podManagementPolicy: 'OrderedReady',
        revisionHistoryLimit: 10,
        updateStrategy: {
          type: 'RollingUpdate',
          rollingUpdate: { partition: 0 },
        },
        persistentVolumeClaimRetentionPolicy: {
          whenDeleted: 'Retain',
          whenScaled: 'Retain',
        },
        ...o.spec,
        template: defaultTemplate(o.spec?.template),
      };
      break;
    case 'DaemonSet':
      o.spec = {
        revisionHistoryLimit: 10,
        updateStrategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
        },
        ...o.spec,
        template: defaultTemplate(o.spec?.template),
      };
      break;
    case 'Job':
      o.spec = {
        parallelism: 1,
        completions: 1,
        backoffLimit: 6,
        completionMode: 'NonIndexed',
        suspend: false,
        podReplacementPolicy: 'TerminatingOrFailed',
        ...o.spec,
        template: defaultTemplate(o.spec?.template),
      };
      break;
    case 'CronJob':
      o.spec = {
        concurrencyPolicy: 'Allow',
        suspend: false,
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        ...o.spec,
      };
      break;
    case 'Service': {
      const spec = o.spec ?? {};
      const type = spec.type ?? 'ClusterIP';
      const ip =
        spec.clusterIP ??
        (type === 'ExternalName'
          ? undefined
          : `172.20.${Math.floor(serviceIpCounter / 250) % 250}.${
              (serviceIpCounter++ % 250) + 1
            }`);
      o.spec = {
        ...spec,
        type,
        sessionAffinity: spec.sessionAffinity ?? 'None',
        ...(ip ? { clusterIP: ip, clusterIPs: spec.clusterIPs ?? [ip] } : {}),
        ipFamilies: spec.ipFamilies ?? ['IPv4'],
        ipFamilyPolicy: spec.ipFamilyPolicy ?? 'SingleStack',
        internalTrafficPolicy: spec.internalTrafficPolicy ?? 'Cluster',
        ports: Array.isArray(spec.ports)
          ? spec.ports.map((p: any) =>
              isObject(p)
                ? {
                    ...p,
                    protocol: p.protocol ?? 'TCP',
                    targetPort: p.targetPort ?? p.port,
                  }
                : p,
            )
          : spec.ports,
      };
      o.status = o.status ?? { loadBalancer: {} };
      break;
    }
    default:
      break;
  }
  return o;
}
