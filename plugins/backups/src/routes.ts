import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/**
 * The backups page (`/backups` by default).
 *
 * Created with `@backstage/core-plugin-api` so that the same refs work in the
 * new frontend system and in legacy apps.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'backups' });

/**
 * One target's detail page: its backups and restore procedure.
 *
 * @public
 */
export const targetRouteRef = createSubRouteRef({
  id: 'backups/target',
  parent: rootRouteRef,
  path: '/:name',
});
