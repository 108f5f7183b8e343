import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/**
 * The alerts page (`/alerts` by default).
 *
 * Created with `@backstage/core-plugin-api` so that the same refs work in the
 * new frontend system and in legacy apps.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'alerts' });

/**
 * The silences tab of the alerts page.
 *
 * @public
 */
export const silencesRouteRef = createSubRouteRef({
  id: 'alerts/silences',
  parent: rootRouteRef,
  path: '/silences',
});

/**
 * The rules tab of the alerts page.
 *
 * @public
 */
export const rulesRouteRef = createSubRouteRef({
  id: 'alerts/rules',
  parent: rootRouteRef,
  path: '/rules',
});
