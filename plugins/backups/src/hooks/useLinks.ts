import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef, targetRouteRef } from '../routes';

/* eslint-disable react-hooks/rules-of-hooks */

/**
 * The backups page, or undefined where the app has not mounted it (e.g. the
 * entity card used without the page): `useRouteRef` throws then.
 */
export function useRootLink(): string | undefined {
  try {
    return useRouteRef(rootRouteRef)?.();
  } catch {
    return undefined;
  }
}

/** A function from a target name to its detail page, if the page is mounted. */
export function useTargetLink(): ((name: string) => string) | undefined {
  try {
    const route = useRouteRef(targetRouteRef);
    return route ? (name: string) => route({ name }) : undefined;
  } catch {
    return undefined;
  }
}
