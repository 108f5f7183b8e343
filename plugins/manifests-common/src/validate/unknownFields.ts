import { clientModelFields, FieldSchema, rootSchema } from './fieldSchemas';

const ARRAY = /^Array<(.+)>$/;
const MAP = /^\{ \[key: string\]: (.+); \}$/;

function fieldsOf(
  schema: FieldSchema,
): Record<string, FieldSchema> | undefined {
  return typeof schema === 'string' ? clientModelFields(schema) : schema;
}

function walk(
  value: unknown,
  schema: FieldSchema,
  path: string,
  out: string[],
) {
  if (value === null || typeof value !== 'object') {
    return;
  }
  if (typeof schema === 'string') {
    const array = ARRAY.exec(schema);
    if (array && Array.isArray(value)) {
      value.forEach((v, i) => walk(v, array[1], `${path}[${i}]`, out));
      return;
    }
    const map = MAP.exec(schema);
    if (map) {
      for (const [k, v] of Object.entries(value)) {
        walk(v, map[1], `${path}.${k}`, out);
      }
      return;
    }
  }
  if (Array.isArray(value)) {
    // an object schema given for a list (the VPA table lists element fields)
    value.forEach((v, i) => walk(v, schema, `${path}[${i}]`, out));
    return;
  }
  const fields = fieldsOf(schema);
  if (!fields) {
    return; // a leaf or free-form type (any, IntOrString, ...)
  }
  for (const [key, v] of Object.entries(value)) {
    const child = fields[key];
    const childPath = path ? `${path}.${key}` : key;
    if (child === undefined) {
      out.push(childPath);
    } else {
      walk(v, child, childPath, out);
    }
  }
}

/**
 * The paths of fields the object's kind does not have (`spec.replica`,
 * `spec.template.spec.containers[0].imag`); [] when the kind is not known here.
 */
export function unknownFields(object: {
  apiVersion?: unknown;
  kind?: unknown;
}): string[] {
  if (
    typeof object.apiVersion !== 'string' ||
    typeof object.kind !== 'string'
  ) {
    return [];
  }
  const schema = rootSchema(object.apiVersion, object.kind);
  const out: string[] = [];
  if (schema) {
    walk(object, schema, '', out);
  }
  return out;
}
