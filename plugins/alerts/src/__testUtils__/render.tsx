import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  type PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { RenderResult } from '@testing-library/react';
import { alertsApiRef } from '../api';
import { rootRouteRef } from '../routes';
import { FakeSignalApi } from '@fdp/live-data-react/testUtils';
import { FakeAlertsApi } from './fakes';

type AuthorizeResponse = Awaited<ReturnType<PermissionApi['authorize']>>;

/** Allows or denies every permission; counts the requests. */
export class FakePermissionApi implements PermissionApi {
  readonly authorize = jest.fn(
    async () =>
      ({ result: this.allowed ? 'ALLOW' : 'DENY' } as AuthorizeResponse),
  );

  constructor(private readonly allowed: boolean) {}
}

/**
 * Renders an element in a test app with a fake alerts API, a fake signal
 * API and a permission API that allows everything unless `denied` is set,
 * with the plugin's root page mounted at `/alerts`.
 */
export function renderWithApis(
  element: JSX.Element,
  options: {
    api: FakeAlertsApi;
    signals?: FakeSignalApi;
    /** deny the silence create and expire permissions */
    denied?: boolean;
    mountPath?: string;
    initialRouteEntries?: string[];
  },
): RenderResult & { signals: FakeSignalApi } {
  const signals = options.signals ?? new FakeSignalApi();
  const permission = new FakePermissionApi(!options.denied);
  const result = renderInTestApp(element, {
    apis: [
      [alertsApiRef, options.api],
      [signalApiRef, signals],
      [permissionApiRef, permission],
    ],
    mountedRoutes: {
      '/alerts': rootRouteRef,
      '/catalog/:namespace/:kind/:name': entityRouteRef,
    },
    mountPath: options.mountPath,
    initialRouteEntries: options.initialRouteEntries,
  });
  return { ...result, signals };
}
