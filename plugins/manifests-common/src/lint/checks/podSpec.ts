import { Finding } from '../../types';
import {
  AnyObject,
  containersOf,
  isRecord,
  list,
  podTemplateOf,
  refOf,
} from '../objects';
import { finding, RULES } from '../rules';

/** PROBES_MISSING, RESOURCES_NO_LIMITS, RUNS_AS_ROOT and SERVICE_ACCOUNT_DEFAULT for every workload. */
export function checkPodSpecs(objects: AnyObject[]): Finding[] {
  return objects.flatMap(object => {
    const template = podTemplateOf(object);
    if (!template) {
      return [];
    }
    const ref = refOf(object);
    const { spec } = template;
    const findings: Finding[] = [];
    // Jobs run to completion: probes are for long-running containers
    const longRunning = !['Job', 'CronJob'].includes(object.kind);
    for (const c of list(spec.containers).filter(isRecord)) {
      const missing = ['readinessProbe', 'livenessProbe'].filter(
        p => !isRecord(c[p]),
      );
      if (longRunning && missing.length > 0) {
        findings.push(
          finding(RULES.PROBES_MISSING, ref, { container: c.name, missing }),
        );
      }
    }
    for (const c of containersOf(spec)) {
      const limits = isRecord(c.resources?.limits) ? c.resources.limits : {};
      const noLimit = ['cpu', 'memory'].filter(r => limits[r] === undefined);
      if (noLimit.length > 0) {
        findings.push(
          finding(RULES.RESOURCES_NO_LIMITS, ref, {
            container: c.name,
            missing: noLimit,
          }),
        );
      }
      const root = rootUser(spec.securityContext, c.securityContext);
      if (root) {
        findings.push(
          finding(RULES.RUNS_AS_ROOT, ref, {
            container: c.name,
            explicit: root === 'explicit',
          }),
        );
      }
    }
    const account = spec.serviceAccountName ?? spec.serviceAccount;
    if (account === undefined || account === 'default') {
      findings.push(finding(RULES.SERVICE_ACCOUNT_DEFAULT, ref, {}));
    }
    return findings;
  });
}

/** 'explicit' for runAsUser 0, 'maybe' when nothing rules root out, undefined when it is. */
function rootUser(
  pod: unknown,
  container: unknown,
): 'explicit' | 'maybe' | undefined {
  const p = isRecord(pod) ? pod : {};
  const c = isRecord(container) ? container : {};
  const user = c.runAsUser ?? p.runAsUser;
  const nonRoot = c.runAsNonRoot ?? p.runAsNonRoot;
  if (user === 0) {
    return 'explicit';
  }
  if ((typeof user === 'number' && user > 0) || nonRoot === true) {
    return undefined;
  }
  return 'maybe';
}
