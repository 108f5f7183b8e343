import { screen, within } from '@testing-library/react';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { FakeSignalApi } from '@fdp/live-data-react/testUtils';
import plugin, {
  EntityIncidentsCard,
  IncidentsPage,
  incidentsEntityCard,
  incidentsLegacyPlugin,
} from './index';
import { incidentsApiRef } from './api';
import { FakeIncidentsApi } from './__testUtils__/fakes';
import { incident } from './__testUtils__/fixtures';
import { FakePermissionApi } from './__testUtils__/render';
import { SEED_TEXTS_KO } from '@fdp/plugin-incidents-common';

describe('incidents plugin', () => {
  jest.setTimeout(90_000);
  afterEach(() => window.localStorage.clear());

  it('provides the extensions the app refers to by id', () => {
    expect(plugin.id).toBe('incidents');
    for (const id of [
      'api:incidents',
      'page:incidents',
      'entity-card:incidents/incidents',
    ]) {
      expect(plugin.getExtension(id as any)).toBeDefined();
    }
  });

  it('shows the entity card on components only', () => {
    const tester = createExtensionTester(incidentsEntityCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    const entity = (kind: string) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name: 'a' },
    });
    expect(filter!(entity('Component'))).toBe(true);
    expect(filter!(entity('Resource'))).toBe(false);
    expect(filter!(entity('User'))).toBe(false);
  });

  it('routes the page to an incident and to the on-call tab', async () => {
    const api = new FakeIncidentsApi({
      list: { items: [incident({ id: 'INC-1', title: 'trading-api down' })] },
    });
    renderTestApp({
      features: [plugin],
      apis: [
        [incidentsApiRef, api],
        [signalApiRef, new FakeSignalApi()],
        [permissionApiRef, new FakePermissionApi(true)],
        // no users: entity links need the catalog plugin, not installed here
        [catalogApiRef, catalogApiMock({ entities: [] })],
      ],
      initialRouteEntries: ['/incidents'],
    });
    const link = await screen.findByRole(
      'link',
      { name: 'trading-api down' },
      { timeout: 30_000 },
    );
    expect(link).toHaveAttribute('href', '/incidents/INC-1');
    expect(screen.getByRole('tab', { name: 'On call' })).toHaveAttribute(
      'href',
      '/incidents/on-call',
    );
    expect(screen.getByRole('tab', { name: 'Statistics' })).toHaveAttribute(
      'href',
      '/incidents/stats',
    );
  });

  it('speaks Korean where the app language is ko', async () => {
    const api = new FakeIncidentsApi({
      list: { items: [incident({ id: 'INC-1', title: 'trading-api down' })] },
    });
    // the user's choice in Settings (the app language API's storage key)
    window.localStorage.setItem('language', 'ko');
    renderTestApp({
      features: [plugin],
      config: {
        app: {
          baseUrl: 'http://localhost:3000',
          extensions: [
            {
              'api:app/app-language': {
                config: {
                  availableLanguages: ['en', 'ko'],
                },
              },
            },
          ],
        },
        backend: { baseUrl: 'http://localhost:7007' },
      },
      apis: [
        [incidentsApiRef, api],
        [signalApiRef, new FakeSignalApi()],
        [permissionApiRef, new FakePermissionApi(true)],
        [catalogApiRef, catalogApiMock({ entities: [] })],
      ],
      initialRouteEntries: ['/incidents'],
    });
    // the plugin's Korean messages, loaded on demand by the app's translation API
    expect(
      await screen.findByRole('tab', { name: '당직' }, { timeout: 30_000 }),
    ).toHaveAttribute('href', '/incidents/on-call');
    const row = await screen.findByTestId('incident-INC-1');
    expect(within(row).getByTestId('level-chip')).toHaveTextContent('P1 심각');
    expect(within(row).getByTestId('stage')).toHaveTextContent(
      SEED_TEXTS_KO.stages.detected,
    );
    expect(within(row).getByTestId('sla-response')).toHaveTextContent(
      /^응답: \d+분( \d+초)? 남음$/,
    );
  });

  it('has a legacy plugin with a page and an entity card', () => {
    expect(incidentsLegacyPlugin.getId()).toBe('incidents');
    expect(IncidentsPage).toBeDefined();
    expect(EntityIncidentsCard).toBeDefined();
  });
});
