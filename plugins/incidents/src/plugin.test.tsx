import { screen } from '@testing-library/react';
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

describe('incidents plugin', () => {
  jest.setTimeout(30_000);

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
      { timeout: 5000 },
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

  it('has a legacy plugin with a page and an entity card', () => {
    expect(incidentsLegacyPlugin.getId()).toBe('incidents');
    expect(IncidentsPage).toBeDefined();
    expect(EntityIncidentsCard).toBeDefined();
  });
});
