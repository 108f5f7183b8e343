import { useRouteRef } from '@backstage/frontend-plugin-api';
import { rootRouteRef, targetRouteRef } from '../routes';

/**
 * The backups page, or undefined where the app has not mounted it (e.g. the
 * entity card used without the page).
 */
export function useRootLink(): string | undefined {
  return useRouteRef(rootRouteRef)?.();
}

/** A function from a target name to its detail page, if the page is mounted. */
export function useTargetLink(): ((name: string) => string) | undefined {
  const route = useRouteRef(targetRouteRef);
  return route ? (name: string) => route({ name }) : undefined;
}
