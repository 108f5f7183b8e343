import { useRouteRef } from '@backstage/frontend-plugin-api';
import { rootRouteRef, silencesRouteRef } from '../routes';

/**
 * Links to the plugin's pages, or undefined where the app has not mounted
 * them (e.g. the entity card used without the page).
 */
export function useSilencesLink(): string | undefined {
  return useRouteRef(silencesRouteRef)?.();
}

/** The alerts page filtered by an entity, e.g. `/alerts?entityRef=...`. */
export function useAlertsForEntityLink(entityRef: string): string | undefined {
  const root = useRouteRef(rootRouteRef)?.();
  return root
    ? `${root}?${new URLSearchParams({ entityRef }).toString()}`
    : undefined;
}

/** The alerts page. */
export function useRootLink(): string | undefined {
  return useRouteRef(rootRouteRef)?.();
}
