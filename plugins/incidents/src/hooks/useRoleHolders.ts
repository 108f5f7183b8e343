import {
  CATALOG_FILTER_EXISTS,
  catalogApiRef,
} from '@backstage/plugin-catalog-react';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef, UserEntity } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';

/**
 * The catalog annotation naming a user's escalation role (catalog/org.yaml);
 * the backend's default `incidents.roles` maps each role to those users.
 */
export const ESCALATION_ROLE_ANNOTATION = 'fdp.io/escalation-role';

export interface RoleHolder {
  ref: string;
  email?: string;
}

/**
 * Escalation role → the catalog users annotated with it. The backend's
 * `incidents.roles` config is not visible to the browser, so a role mapped
 * there to someone else shows this catalog view of the role.
 */
export function useRoleHolders(): {
  holders: Map<string, RoleHolder[]>;
  loading: boolean;
  error?: Error;
} {
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: {
        kind: 'user',
        [`metadata.annotations.${ESCALATION_ROLE_ANNOTATION}`]:
          CATALOG_FILTER_EXISTS,
      },
      fields: ['kind', 'metadata', 'spec.profile'],
    });
    const holders = new Map<string, RoleHolder[]>();
    for (const entity of items as UserEntity[]) {
      const role = entity.metadata.annotations?.[ESCALATION_ROLE_ANNOTATION];
      if (!role) continue;
      const list = holders.get(role) ?? [];
      list.push({
        ref: stringifyEntityRef(entity),
        email: entity.spec?.profile?.email,
      });
      holders.set(role, list);
    }
    return holders;
  }, [catalogApi]);
  return { holders: value ?? new Map(), loading, error };
}
