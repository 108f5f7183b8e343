import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * The ref of a catalog entity a template parameter names (`owner`, `system`),
 * read with the user's own credentials. Unknown → an InputError naming the
 * parameter, so a task stops before anything is written.
 */
export async function requireEntity(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  field: string,
  ref: string,
  defaultKind: string,
): Promise<string> {
  let entityRef: string;
  try {
    entityRef = stringifyEntityRef(
      parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }),
    );
  } catch {
    throw new InputError(`${field} '${ref}' is not an entity reference`);
  }
  const entity = await catalog.getEntityByRef(entityRef, { credentials });
  if (!entity) {
    throw new InputError(`${field} '${ref}' is not in the catalog`);
  }
  return entityRef;
}
