/*
 * Reading manifests as the lint meets them: objects from any YAML, so every
 * field is optional and of unknown type until checked.
 */
import { ObjectRef } from '../types';

/** A manifest as parsed from YAML: nothing is guaranteed. */
export type AnyObject = Record<string, any>;

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{
    key: string;
    operator: string;
    values?: string[];
  }>;
}

export function refOf(object: AnyObject): ObjectRef {
  const meta = isRecord(object.metadata) ? object.metadata : {};
  return {
    kind: String(object.kind ?? '(no kind)'),
    ...(typeof meta.namespace === 'string'
      ? { namespace: meta.namespace }
      : {}),
    name: String(meta.name ?? meta.generateName ?? '(no name)'),
  };
}

export function isRecord(value: unknown): value is AnyObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const list = (value: unknown): any[] =>
  Array.isArray(value) ? value : [];

/** `kind/namespace/name`, or `kind/name` when the namespace is not set. */
export function formatRef(ref: ObjectRef): string {
  return [ref.kind, ref.namespace, ref.name].filter(Boolean).join('/');
}

/** Whether two objects are in the same namespace (unset = the apply target's, taken as one). */
export const sameNamespace = (a: AnyObject, b: AnyObject) =>
  (a.metadata?.namespace ?? '') === (b.metadata?.namespace ?? '');

const POD_TEMPLATE_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
]);

/** The pod template (metadata and spec) of a workload or pod; undefined for other kinds. */
export function podTemplateOf(object: AnyObject):
  | {
      labels: Record<string, string>;
      annotations: Record<string, string>;
      spec: AnyObject;
    }
  | undefined {
  let template: unknown;
  if (POD_TEMPLATE_KINDS.has(object.kind)) {
    template = object.spec?.template;
  } else if (object.kind === 'CronJob') {
    template = object.spec?.jobTemplate?.spec?.template;
  } else if (object.kind === 'Pod') {
    template = object;
  }
  if (!isRecord(template) || !isRecord(template.spec)) {
    return undefined;
  }
  const meta = isRecord(template.metadata) ? template.metadata : {};
  return {
    labels: isRecord(meta.labels) ? meta.labels : {},
    annotations: isRecord(meta.annotations) ? meta.annotations : {},
    spec: template.spec,
  };
}

/** Regular and init containers of a pod spec, each with a name. */
export function containersOf(spec: AnyObject): AnyObject[] {
  return [...list(spec.initContainers), ...list(spec.containers)].filter(
    isRecord,
  );
}

/** Whether a label selector selects the given labels (an empty selector selects all). */
export function selects(
  selector: unknown,
  labels: Record<string, string>,
): boolean {
  if (!isRecord(selector)) {
    return false;
  }
  const { matchLabels, matchExpressions } = selector as LabelSelector;
  const labelsOk = Object.entries(matchLabels ?? {}).every(
    ([k, v]) => labels[k] === v,
  );
  const expressionsOk = list(matchExpressions).every(e => {
    const value = labels[e.key];
    const values: string[] = list(e.values);
    switch (e.operator) {
      case 'In':
        return value !== undefined && values.includes(value);
      case 'NotIn':
        return value === undefined || !values.includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        return false;
    }
  });
  return labelsOk && expressionsOk;
}

/** The NetworkPolicies of an object's namespace that list a policy type and select the given pod labels. */
export function policiesSelecting(
  objects: AnyObject[],
  owner: AnyObject,
  labels: Record<string, string>,
  type: 'Ingress' | 'Egress',
): AnyObject[] {
  return objects.filter(
    o =>
      o.kind === 'NetworkPolicy' &&
      sameNamespace(o, owner) &&
      policyTypes(o).includes(type) &&
      selects(o.spec?.podSelector, labels),
  );
}

/** A NetworkPolicy's policy types; without the field: Ingress, and Egress when it has egress rules (the API's defaulting). */
export function policyTypes(policy: AnyObject): string[] {
  const types = policy.spec?.policyTypes;
  if (Array.isArray(types)) {
    return types;
  }
  return Array.isArray(policy.spec?.egress)
    ? ['Ingress', 'Egress']
    : ['Ingress'];
}

/** Whether one of the rules (NetworkPolicy ingress or egress) admits the protocol and port. */
export function rulesAdmit(
  rules: unknown,
  protocol: string,
  port: number,
): boolean {
  return list(rules).some(r => {
    const ports = list(r?.ports);
    if (ports.length === 0) {
      return true; // a rule without ports admits every port
    }
    return ports.some(p => {
      if ((p?.protocol ?? 'TCP') !== protocol) {
        return false;
      }
      if (p?.port === undefined) {
        return true;
      }
      const from = Number(p.port);
      const to = Number(p.endPort ?? p.port);
      return port >= from && port <= to;
    });
  });
}
