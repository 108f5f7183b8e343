import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { productionErrorHandler } from './productionErrorHandler';

/**
 * The root HTTP router: Backstage's defaults in development; elsewhere the
 * same middleware in the same order (backend.trustProxy and backend.server.*,
 * which applyDefaults also reads, are not set in our configuration) with
 * {@link productionErrorHandler} in place of Backstage's error handler, so
 * no internal host, statement or upstream body reaches users in a 5xx.
 */
export const rootHttpRouter = rootHttpRouterServiceFactory({
  configure({ app, middleware, routes, healthRouter, logger, applyDefaults }) {
    if (process.env.NODE_ENV === 'development') {
      applyDefaults();
      return;
    }
    app.use(middleware.helmet());
    app.use(middleware.cors());
    app.use(middleware.compression());
    app.use(middleware.logging());
    app.use(middleware.rateLimit());
    app.use(healthRouter);
    app.use(routes);
    app.use(middleware.notFound());
    app.use(productionErrorHandler({ middleware, logger }));
  },
});
