import { Finding } from '../../types';
import { validateObject } from '../../validate/validateObject';
import { AnyObject, refOf } from '../objects';
import { finding, RULES } from '../rules';

/** SCHEMA_INVALID and UNKNOWN_FIELD for the kinds the platform's manifests use. */
export function checkSchemas(objects: AnyObject[]): Finding[] {
  return objects.flatMap(object => {
    const problems = validateObject(object) ?? [];
    const invalid = problems.filter(p => p.kind === 'invalid');
    const unknown = problems.filter(p => p.kind === 'unknown-field');
    return [
      ...(invalid.length > 0
        ? [
            finding(RULES.SCHEMA_INVALID, refOf(object), {
              problems: invalid.map(p => p.message),
            }),
          ]
        : []),
      ...(unknown.length > 0
        ? [
            finding(RULES.UNKNOWN_FIELD, refOf(object), {
              paths: unknown.map(p => p.path),
            }),
          ]
        : []),
    ];
  });
}
