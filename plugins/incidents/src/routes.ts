import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/**
 * The incidents page (`/incidents` by default).
 *
 * Created with `@backstage/core-plugin-api` so that the same refs work in the
 * new frontend system and in legacy apps.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'incidents' });

/**
 * One incident's detail page.
 *
 * @public
 */
export const incidentRouteRef = createSubRouteRef({
  id: 'incidents/incident',
  parent: rootRouteRef,
  path: '/:id',
});

/**
 * The on-call view: each level's escalation chain.
 *
 * @public
 */
export const onCallRouteRef = createSubRouteRef({
  id: 'incidents/on-call',
  parent: rootRouteRef,
  path: '/on-call',
});

/**
 * The statistics view.
 *
 * @public
 */
export const statsRouteRef = createSubRouteRef({
  id: 'incidents/stats',
  parent: rootRouteRef,
  path: '/stats',
});
