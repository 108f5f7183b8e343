import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * A ref as stored and filtered on: `kind:namespace/name`, lower case (the
 * catalog compares refs case-insensitively). Throws InputError naming the field.
 */
export function normalizeRef(
  field: string,
  value: string,
  defaultKind: string,
): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    ).toLocaleLowerCase('en-US');
  } catch (error) {
    throw new InputError(
      `Invalid ${field} '${value}': ${(error as Error).message}`,
    );
  }
}

/** Checks that the refs a request names exist in the catalog. */
export class CatalogRefs {
  constructor(private readonly catalog: CatalogService) {}

  /** The affected entity (default kind component); unknown → 400 naming the field. */
  async entity(
    field: string,
    value: string,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const ref = normalizeRef(field, value, 'component');
    const entity = await this.catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new InputError(
        `Invalid ${field} '${value}': no such entity in the catalog`,
      );
    }
    return ref;
  }

  /** Catalog users (default kind user); any unknown → 400 naming the field and the refs. */
  async users(
    field: string,
    values: readonly string[],
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const refs = [...new Set(values.map(v => normalizeRef(field, v, 'user')))];
    const notUsers = refs.filter(r => !r.startsWith('user:'));
    if (notUsers.length) {
      throw new InputError(
        `Invalid ${field}: not a user: ${notUsers.join(', ')}`,
      );
    }
    if (!refs.length) return refs;
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: refs, fields: ['kind', 'metadata.name'] },
      { credentials },
    );
    const missing = refs.filter((_, i) => !items[i]);
    if (missing.length) {
      throw new InputError(
        `Invalid ${field}: no such user in the catalog: ${missing.join(', ')}`,
      );
    }
    return refs;
  }

  /** The component named by an alert's `service` label, if the catalog has it. */
  async componentNamed(
    name: string,
    credentials: BackstageCredentials,
  ): Promise<string | undefined> {
    let ref: string;
    try {
      ref = normalizeRef('service', name, 'component');
    } catch {
      return undefined;
    }
    if (!ref.startsWith('component:')) return undefined;
    const entity = await this.catalog.getEntityByRef(ref, { credentials });
    return entity ? ref : undefined;
  }
}
