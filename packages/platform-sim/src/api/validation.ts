/** Validation that makes the API server answer 422 Invalid (a useful subset). */
import { invalid, StatusCause } from './status';
import { labelKeyError, labelValueError } from './selectors';
import { isObject } from './patch';

const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const LABEL_NAMED = new Set(['Namespace', 'Service']);

function requireField(
  causes: StatusCause[],
  value: unknown,
  field: string,
): boolean {
  if (value === undefined || value === null || value === '') {
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field,
    });
    return false;
  }
  return true;
}

function validatePodSpec(spec: any, path: string, causes: StatusCause[]): void {
  if (!isObject(spec)) {
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: path,
    });
    return;
  }
  const containers = spec.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: `${path}.containers`,
    });
    return;
  }
  const names = new Set<string>();
  containers.forEach((c: any, i: number) => {
    const p = `${path}.containers[${i}]`;
    if (requireField(causes, c?.name, `${p}.name`)) {
      if (!DNS_LABEL.test(String(c.name))) {
        causes.push({
          reason: 'FieldValueInvalid',
          message: `Invalid value: "${c.name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'`,
          field: `${p}.name`,
        });
      }
      if (names.has(c.name)) {
        causes.push({
          reason: 'FieldValueDuplicate',
          message: `Duplicate value: "${c.name}"`,
          field: `${p}.name`,
        });
      }
      names.add(c.name);
    }
    requireField(causes, c?.image, `${p}.image`);
  });
}

function selectorMatchesTemplate(spec: any, causes: StatusCause[]): void {
  const sel = spec?.selector;
  if (!isObject(sel) || (!sel.matchLabels && !sel.matchExpressions)) {
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: 'spec.selector',
    });
    return;
  }
  const labels = spec?.template?.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) {
    if (labels[k] !== v) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${JSON.stringify(
          labels,
        )}: \`selector\` does not match template \`labels\``,
        field: 'spec.template.metadata.labels',
      });
      return;
    }
  }
}

/** Validates an object; throws a 422 ApiError listing every problem. */
export function validateObject(obj: any): void {
  const causes: StatusCause[] = [];
  const meta = obj?.metadata ?? {};
  const name = meta.name;
  if (!name && !meta.generateName) {
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value: name or generateName is required',
      field: 'metadata.name',
    });
  } else if (name) {
    const re = LABEL_NAMED.has(obj.kind) ? DNS_LABEL : DNS_SUBDOMAIN;
    if (typeof name !== 'string' || name.length > 253 || !re.test(name)) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${JSON.stringify(
          name,
        )}: a lowercase RFC 1123 ${
          re === DNS_LABEL ? 'label' : 'subdomain'
        } must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
        field: 'metadata.name',
      });
    }
  }
  for (const field of ['labels', 'annotations'] as const) {
    const m = meta[field];
    if (m === undefined || m === null) continue;
    if (!isObject(m)) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: 'Invalid value: must be a map of strings',
        field: `metadata.${field}`,
      });
      continue;
    }
    for (const [k, v] of Object.entries(m)) {
      const keyErr = labelKeyError(k);
      if (keyErr)
        causes.push({
          reason: 'FieldValueInvalid',
          message: `Invalid value: ${keyErr}`,
          field: `metadata.${field}`,
        });
      if (typeof v !== 'string') {
        causes.push({
          reason: 'FieldValueInvalid',
          message: `Invalid value: ${JSON.stringify(v)}: must be a string`,
          field: `metadata.${field}.${k}`,
        });
      } else if (field === 'labels') {
        const valueErr = labelValueError(v);
        if (valueErr)
          causes.push({
            reason: 'FieldValueInvalid',
            message: `Invalid value: ${valueErr}`,
            field: `metadata.labels`,
          });
      }
    }
  }
  const spec = obj?.spec;
  switch (obj?.kind) {
    case 'Pod':
      validatePodSpec(spec, 'spec', causes);
      break;
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
      selectorMatchesTemplate(spec, causes);
      validatePodSpec(spec?.template?.spec, 'spec.template.spec', causes);
      if (
        spec?.replicas !== undefined &&
        !(Number.isInteger(spec.replicas) && spec.replicas >= 0)
      ) {
        causes.push({
          reason: 'FieldValueInvalid',
          message: `Invalid value: ${JSON.stringify(
            spec.replicas,
          )}: must be greater than or equal to 0`,
          field: 'spec.replicas',
        });
      }
      break;
    case 'Job': {
      validatePodSpec(spec?.template?.spec, 'spec.template.spec', causes);
      const rp = spec?.template?.spec?.restartPolicy;
      if (rp !== 'Never' && rp !== 'OnFailure') {
        causes.push({
          reason: 'FieldValueNotSupported',
          message: `Unsupported value: "${
            rp ?? 'Always'
          }": supported values: "OnFailure", "Never"`,
          field: 'spec.template.spec.restartPolicy',
        });
      }
      break;
    }
    case 'CronJob':
      requireField(causes, spec?.schedule, 'spec.schedule');
      validatePodSpec(
        spec?.jobTemplate?.spec?.template?.spec,
        'spec.jobTemplate.spec.template.spec',
        causes,
      );
      break;
    case 'HorizontalPodAutoscaler':
      requireField(
        causes,
        spec?.scaleTargetRef?.kind,
        'spec.scaleTargetRef.kind',
      );
      requireField(
        causes,
        spec?.scaleTargetRef?.name,
        'spec.scaleTargetRef.name',
      );
      if (!(Number.isInteger(spec?.maxReplicas) && spec.maxReplicas >= 1)) {
        causes.push({
          reason: 'FieldValueInvalid',
          message: 'Invalid value: must be greater than or equal to 1',
          field: 'spec.maxReplicas',
        });
      } else if (
        spec.minReplicas !== undefined &&
        !(spec.minReplicas >= 1 && spec.minReplicas <= spec.maxReplicas)
      ) {
        causes.push({
          reason: 'FieldValueInvalid',
          message: `Invalid value: ${spec.minReplicas}: must be between 1 and maxReplicas`,
          field: 'spec.minReplicas',
        });
      }
      break;
    case 'Service':
      if (
        spec?.type !== 'ExternalName' &&
        (!Array.isArray(spec?.ports) || spec.ports.length === 0)
      ) {
        causes.push({
          reason: 'FieldValueRequired',
          message: 'Required value',
          field: 'spec.ports',
        });
      }
      (spec?.ports ?? []).forEach((p: any, i: number) => {
        if (!(Number.isInteger(p?.port) && p.port > 0 && p.port < 65536)) {
          causes.push({
            reason: 'FieldValueInvalid',
            message: `Invalid value: ${JSON.stringify(
              p?.port,
            )}: must be between 1 and 65535, inclusive`,
            field: `spec.ports[${i}].port`,
          });
        }
      });
      break;
    default:
      break;
  }
  if (causes.length)
    throw invalid(
      obj?.kind ?? 'Object',
      String(name ?? meta.generateName ?? ''),
      causes,
    );
}
