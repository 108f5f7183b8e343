import { useCallback } from 'react';
import { useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { rootRouteRef, rulesRouteRef, silencesRouteRef } from '../routes';

/* eslint-disable react-hooks/rules-of-hooks */

/**
 * Links to the plugin's pages, or undefined where the app has not mounted
 * them (e.g. the entity card used without the page).
 */
export function useRootLink(): string | undefined {
  try {
    return useRouteRef(rootRouteRef)?.();
  } catch {
    return undefined;
  }
}

export function useSilencesLink(): string | undefined {
  try {
    return useRouteRef(silencesRouteRef)?.();
  } catch {
    return undefined;
  }
}

export function useRulesLink(): string | undefined {
  try {
    return useRouteRef(rulesRouteRef)?.();
  } catch {
    return undefined;
  }
}

/** The alerts page filtered by an entity, e.g. `/alerts?entityRef=...`. */
export function useAlertsForEntityLink(entityRef: string): string | undefined {
  const root = useRootLink();
  return root
    ? `${root}?${new URLSearchParams({ entityRef }).toString()}`
    : undefined;
}

/**
 * A function from an entity ref to the entity's catalog page: through the
 * catalog's `entityRouteRef` when the app has it, else
 * `/catalog/<namespace>/<kind>/<name>`.
 */
export function useEntityLink(): (entityRef: string) => string {
  let route:
    | ((params: { kind: string; namespace: string; name: string }) => string)
    | undefined;
  try {
    route = useRouteRef(entityRouteRef);
  } catch {
    route = undefined;
  }
  return useCallback(
    (entityRef: string) => {
      const { kind, namespace, name } = parseEntityRef(entityRef, {
        defaultKind: 'component',
        defaultNamespace: 'default',
      });
      const params = {
        kind: encodeURIComponent(kind.toLocaleLowerCase('en-US')),
        namespace: encodeURIComponent(namespace.toLocaleLowerCase('en-US')),
        name: encodeURIComponent(name),
      };
      if (route) {
        try {
          return route(params);
        } catch {
          // fall through to the default catalog path
        }
      }
      return `/catalog/${params.namespace}/${params.kind}/${params.name}`;
    },
    [route],
  );
}
