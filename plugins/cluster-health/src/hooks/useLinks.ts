import { useRouteRef } from '@backstage/core-plugin-api';
import { nodePoolRouteRef, rootRouteRef } from '../routes';

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

export function useNodePoolLink():
  | ((cluster: string, pool: string) => string)
  | undefined {
  try {
    const route = useRouteRef(nodePoolRouteRef);
    return route ? (cluster, pool) => route({ cluster, pool }) : undefined;
  } catch {
    return undefined;
  }
}
