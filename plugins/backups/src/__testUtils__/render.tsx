import { renderInTestApp } from '@backstage/frontend-test-utils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import type { RenderResult } from '@testing-library/react';
import { FakeSignalApi } from '@fdp/live-data-react/testUtils';
import { backupsApiRef } from '../api';
import { rootRouteRef } from '../routes';
import { FakeBackupsApi } from './fakes';

/**
 * Renders an element in a test app with a fake backups API and a fake
 * signal API; the plugin's page at `/backups`.
 */
export function renderWithApis(
  element: JSX.Element,
  options: {
    api: FakeBackupsApi;
    mountPath?: string;
    initialRouteEntries?: string[];
  },
): RenderResult & { signals: FakeSignalApi } {
  const signals = new FakeSignalApi();
  const result = renderInTestApp(element, {
    apis: [
      [backupsApiRef, options.api],
      [signalApiRef, signals],
    ],
    mountedRoutes: { '/backups': rootRouteRef },
    mountPath: options.mountPath,
    initialRouteEntries: options.initialRouteEntries,
  });
  return { ...result, signals };
}
