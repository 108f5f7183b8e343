/*
 * Where the allowed field names come from. kubernetes-models validates types
 * but ignores unknown fields (its generated schemas do not close objects), so
 * the field lists come from @kubernetes/client-node's generated models (the
 * API's OpenAPI spec); the VPA, a CRD absent from them, is listed from its
 * autoscaling.k8s.io/v1 CRD schema.
 */
import * as clientModels from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';

/** A field's schema: a client-node type name, or an object of named fields. */
export type FieldSchema = string | { [field: string]: FieldSchema };

type ModelClass = {
  getAttributeTypeMap(): Array<{ baseName: string; type: string }>;
};

/** The fields of a client-node model type, or undefined when the type is a leaf (string, IntOrString, ...). */
export function clientModelFields(
  typeName: string,
): Record<string, string> | undefined {
  const model = (
    clientModels as unknown as Record<string, ModelClass | undefined>
  )[typeName];
  if (typeof model?.getAttributeTypeMap !== 'function') {
    return undefined;
  }
  return Object.fromEntries(
    model.getAttributeTypeMap().map(a => [a.baseName, a.type]),
  );
}

const QUANTITIES = '{ [key: string]: string; }';

/** autoscaling.k8s.io/v1 VerticalPodAutoscaler (spec only; status is never written by us). */
const VPA: FieldSchema = {
  apiVersion: 'string',
  kind: 'string',
  metadata: 'V1ObjectMeta',
  spec: {
    targetRef: { apiVersion: 'string', kind: 'string', name: 'string' },
    updatePolicy: {
      updateMode: 'string',
      minReplicas: 'number',
      evictionRequirements: {
        resources: 'Array<string>',
        changeRequirement: 'string',
      },
    },
    resourcePolicy: {
      containerPolicies: {
        containerName: 'string',
        mode: 'string',
        minAllowed: QUANTITIES,
        maxAllowed: QUANTITIES,
        controlledResources: 'Array<string>',
        controlledValues: 'string',
      },
    },
    recommenders: { name: 'string' },
  },
  status: 'any',
};

/** The root schema of an apiVersion/kind, or undefined when the kind is not known here. */
export function rootSchema(
  apiVersion: string,
  kind: string,
): FieldSchema | undefined {
  if (
    apiVersion === 'autoscaling.k8s.io/v1' &&
    kind === 'VerticalPodAutoscaler'
  ) {
    return VPA;
  }
  // client-node names a model by its version and kind: apps/v1 Deployment -> V1Deployment
  const version = apiVersion.split('/').pop() ?? '';
  const typeName = `${version.charAt(0).toUpperCase()}${version.slice(
    1,
  )}${kind}`;
  return clientModelFields(typeName) ? typeName : undefined;
}
