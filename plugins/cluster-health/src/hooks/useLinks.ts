import { useRouteRef } from '@backstage/frontend-plugin-api';
import { nodePoolRouteRef, rootRouteRef } from '../routes';

/**
 * Links to the plugin's pages, or undefined where the app has not mounted
 * them (e.g. the entity card used without the page).
 */
export function useRootLink(): string | undefined {
  return useRouteRef(rootRouteRef)?.();
}

export function useNodePoolLink():
  | ((cluster: string, pool: string) => string)
  | undefined {
  const route = useRouteRef(nodePoolRouteRef);
  return route ? (cluster, pool) => route({ cluster, pool }) : undefined;
}
