import { useRouteRef } from '@backstage/frontend-plugin-api';
import { incidentRouteRef, rootRouteRef } from '../routes';

/**
 * The incidents page, or undefined where the app has not mounted it (e.g.
 * the entity card used without the page).
 */
export function useRootLink(): string | undefined {
  return useRouteRef(rootRouteRef)?.();
}

/** A function from an incident id to its detail page, if the page is mounted. */
export function useIncidentLink(): ((id: string) => string) | undefined {
  const route = useRouteRef(incidentRouteRef);
  return route ? (id: string) => route({ id }) : undefined;
}
