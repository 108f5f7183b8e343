import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { Service, ServiceAccount } from 'kubernetes-models/v1';
import { VerticalPodAutoscaler } from '@kubernetes-models/autoscaler/autoscaling.k8s.io/v1';
import { unknownFields } from './unknownFields';

type Validatable = new (data: any) => { validate(): void };

/** The kinds the builders produce, by `apiVersion/kind`. */
export const MODELS: Record<string, Validatable> = {
  'apps/v1/Deployment': Deployment,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'autoscaling.k8s.io/v1/VerticalPodAutoscaler': VerticalPodAutoscaler,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

/** One schema problem: a type or required-field error, or a field the kind does not have. */
export interface SchemaProblem {
  kind: 'invalid' | 'unknown-field';
  /** dotted path, `spec.replicas` */
  path: string;
  message: string;
}

interface AjvError {
  instancePath?: string;
  message?: string;
}

const toPath = (pointer: string) =>
  pointer
    .split('/')
    .filter(Boolean)
    .map(p => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');

/**
 * Schema problems of an object of a kind listed in MODELS (kubernetes-models'
 * validation, then the unknown-field walk); undefined for other kinds.
 */
export function validateObject(object: {
  apiVersion?: unknown;
  kind?: unknown;
}): SchemaProblem[] | undefined {
  const Model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!Model) {
    return undefined;
  }
  const problems: SchemaProblem[] = [];
  try {
    new Model(object).validate();
  } catch (e) {
    const errors: AjvError[] = (e as { errors?: AjvError[] }).errors ?? [
      { instancePath: '', message: String(e) },
    ];
    for (const err of errors) {
      const path = toPath(err.instancePath ?? '');
      problems.push({
        kind: 'invalid',
        path,
        message: `${path || '(object)'} ${err.message ?? 'is invalid'}`,
      });
    }
  }
  for (const path of unknownFields(object)) {
    problems.push({
      kind: 'unknown-field',
      path,
      message: `${path} is not a field of ${object.kind}`,
    });
  }
  return problems;
}
