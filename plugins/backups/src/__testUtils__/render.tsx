import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import type { RenderResult } from '@testing-library/react';
import { FakeSignalApi } from '@fdp/live-data-react/testUtils';
import { backupsApiRef } from '../api';
import { rootRouteRef } from '../routes';
import { FakeBackupsApi } from './fakes';

/**
 * Renders an element in a test app with a fake backups API, a fake signal
 * API and a catalog of `entities`; the plugin's page at `/backups`.
 */
export function renderWithApis(
  element: JSX.Element,
  options: {
    api: FakeBackupsApi;
    entities?: Entity[];
    mountPath?: string;
    initialRouteEntries?: string[];
  },
): RenderResult & { signals: FakeSignalApi } {
  const signals = new FakeSignalApi();
  const result = renderInTestApp(element, {
    apis: [
      [backupsApiRef, options.api],
      [signalApiRef, signals],
      [catalogApiRef, catalogApiMock({ entities: options.entities ?? [] })],
    ],
    mountedRoutes: {
      '/backups': rootRouteRef,
      '/catalog/:namespace/:kind/:name': entityRouteRef,
    },
    mountPath: options.mountPath,
    initialRouteEntries: options.initialRouteEntries,
  });
  return { ...result, signals };
}
