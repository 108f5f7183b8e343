import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  type PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import type { RenderResult } from '@testing-library/react';
import { FakeSignalApi } from '@fdp/live-data-react/testUtils';
import { incidentsApiRef } from '../api';
import { rootRouteRef } from '../routes';
import { FakeIncidentsApi } from './fakes';
import { catalogEntities } from './fixtures';

type AuthorizeResponse = Awaited<ReturnType<PermissionApi['authorize']>>;

/** Allows or denies every permission; records the requests. */
export class FakePermissionApi implements PermissionApi {
  readonly authorize = jest.fn(
    async () =>
      ({ result: this.allowed ? 'ALLOW' : 'DENY' } as AuthorizeResponse),
  );

  constructor(private readonly allowed: boolean) {}
}

/**
 * Renders an element in a test app with a fake incidents API, a fake signal
 * API, a catalog of role holders and components, and a permission API that
 * allows everything unless `denied`; the plugin's page at `/incidents`.
 */
export function renderWithApis(
  element: JSX.Element,
  options: {
    api: FakeIncidentsApi;
    denied?: boolean;
    mountPath?: string;
    initialRouteEntries?: string[];
  },
): RenderResult & { signals: FakeSignalApi; permission: FakePermissionApi } {
  const signals = new FakeSignalApi();
  const permission = new FakePermissionApi(!options.denied);
  const result = renderInTestApp(element, {
    apis: [
      [incidentsApiRef, options.api],
      [signalApiRef, signals],
      [permissionApiRef, permission],
      [catalogApiRef, catalogApiMock({ entities: catalogEntities })],
    ],
    mountedRoutes: {
      '/incidents': rootRouteRef,
      '/catalog/:namespace/:kind/:name': entityRouteRef,
    },
    mountPath: options.mountPath,
    initialRouteEntries: options.initialRouteEntries,
  });
  return { ...result, signals, permission };
}
