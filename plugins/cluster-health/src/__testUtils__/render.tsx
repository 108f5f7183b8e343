import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { RenderResult } from '@testing-library/react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { clusterHealthApiRef } from '../api';
import { rootRouteRef } from '../routes';
import { FakeSignalApi } from '@fdp/live-data-react/testUtils';
import { FakeClusterHealthApi } from './fakes';

/**
 * Renders an element in a test app with a fake cluster-health API and a fake
 * signal API, with the plugin's root page mounted at `/cluster-health`.
 */
export function renderWithApis(
  element: JSX.Element,
  options: {
    api: FakeClusterHealthApi;
    signals?: FakeSignalApi;
    mountPath?: string;
    initialRouteEntries?: string[];
  },
): RenderResult & { signals: FakeSignalApi } {
  const signals = options.signals ?? new FakeSignalApi();
  const result = renderInTestApp(element, {
    apis: [
      [clusterHealthApiRef, options.api],
      [signalApiRef, signals],
    ],
    mountedRoutes: { '/cluster-health': rootRouteRef },
    mountPath: options.mountPath,
    initialRouteEntries: options.initialRouteEntries,
  });
  return { ...result, signals };
}
