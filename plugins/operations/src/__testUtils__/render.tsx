import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import type { RenderResult } from '@testing-library/react';
import { FakeSignalApi } from '@fdp/live-data-react/testUtils';
import {
  alertsApiRef,
  rootRouteRef as alertsRootRouteRef,
  type AlertsApi,
} from '@fdp/plugin-alerts';
import {
  backupsApiRef,
  rootRouteRef as backupsRootRouteRef,
  type BackupsApi,
} from '@fdp/plugin-backups';
import {
  clusterHealthApiRef,
  rootRouteRef as clusterHealthRootRouteRef,
  type ClusterHealthApi,
} from '@fdp/plugin-cluster-health';
import {
  incidentsApiRef,
  rootRouteRef as incidentsRootRouteRef,
  type IncidentsApi,
} from '@fdp/plugin-incidents';

export interface FakeApis {
  clusterHealth?: Partial<ClusterHealthApi>;
  alerts?: Partial<AlertsApi>;
  incidents?: Partial<IncidentsApi>;
  backups?: Partial<BackupsApi>;
}

/** A promise that never settles: the first load stays loading. */
export const pending = <T,>() => new Promise<T>(() => {});

/**
 * Renders an element in a test app with the fake feature APIs given (the
 * others reject), a fake signal API, and the feature pages mounted (sub-routes follow their roots).
 */
export function renderWithApis(
  element: JSX.Element,
  apis: FakeApis,
): RenderResult & { signals: FakeSignalApi } {
  const signals = new FakeSignalApi();
  const result = renderInTestApp(element, {
    apis: [
      [clusterHealthApiRef, apis.clusterHealth ?? {}],
      [alertsApiRef, apis.alerts ?? {}],
      [incidentsApiRef, apis.incidents ?? {}],
      [backupsApiRef, apis.backups ?? {}],
      [signalApiRef, signals],
    ] as any,
    mountedRoutes: {
      '/cluster-health': clusterHealthRootRouteRef,
      '/alerts': alertsRootRouteRef,
      '/incidents': incidentsRootRouteRef,
      '/backups': backupsRootRouteRef,
      '/catalog/:namespace/:kind/:name': entityRouteRef,
    },
  });
  return { ...result, signals };
}
