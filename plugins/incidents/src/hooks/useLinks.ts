import { useRouteRef } from '@backstage/core-plugin-api';
import { incidentRouteRef, rootRouteRef } from '../routes';

/* eslint-disable react-hooks/rules-of-hooks */

/**
 * The incidents page, or undefined where the app has not mounted it (e.g.
 * the entity card used without the page): `useRouteRef` throws then.
 */
export function useRootLink(): string | undefined {
  try {
    return useRouteRef(rootRouteRef)?.();
  } catch {
    return undefined;
  }
}

/** A function from an incident id to its detail page, if the page is mounted. */
export function useIncidentLink(): ((id: string) => string) | undefined {
  try {
    const route = useRouteRef(incidentRouteRef);
    return route ? (id: string) => route({ id }) : undefined;
  } catch {
    return undefined;
  }
}
