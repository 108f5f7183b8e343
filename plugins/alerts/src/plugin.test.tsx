import { screen } from '@testing-library/react';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import plugin, {
  AlertsPage,
  EntityAlertsCard,
  alertsEntityCard,
  alertsLegacyPlugin,
  isAlertsAvailable,
} from './index';
import { alertsApiRef } from './api';
import { FakeSignalApi } from '@fdp/live-data-react/testUtils';
import { FakeAlertsApi } from './__testUtils__/fakes';
import { silencesResponse } from './__testUtils__/fixtures';
import { FakePermissionApi } from './__testUtils__/render';

describe('alerts plugin', () => {
  it('provides the extensions the app refers to by id', () => {
    expect(plugin.id).toBe('alerts');
    for (const id of [
      'api:alerts',
      'page:alerts',
      'entity-card:alerts/alerts',
    ]) {
      expect(plugin.getExtension(id as any)).toBeDefined();
    }
  });

  it('shows the entity card only for entities with an alert annotation', () => {
    const tester = createExtensionTester(alertsEntityCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    const entity = (annotations?: Record<string, string>) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'a', annotations },
    });
    expect(filter).toBeInstanceOf(Function);
    const withAnnotation: Array<Record<string, string>> = [
      { 'prometheus.io/alert': 'all' },
      { 'prometheus.io/labels': 'service=a' },
      { 'fdp.io/alert-matchers': 'service="a"' },
    ];
    for (const annotations of withAnnotation) {
      expect(filter!(entity(annotations))).toBe(true);
      expect(isAlertsAvailable(entity(annotations))).toBe(true);
    }
    for (const annotations of [
      undefined,
      { 'backstage.io/kubernetes-id': 'a' },
    ]) {
      expect(filter!(entity(annotations))).toBe(false);
      expect(isAlertsAvailable(entity(annotations))).toBe(false);
    }
  });

  it('routes the page to its silences tab', async () => {
    const api = new FakeAlertsApi({ silences: silencesResponse });
    renderTestApp({
      features: [plugin],
      apis: [
        [alertsApiRef, api],
        [signalApiRef, new FakeSignalApi()],
        [permissionApiRef, new FakePermissionApi(true)],
      ],
      initialRouteEntries: ['/alerts/silences'],
    });
    expect(
      await screen.findByText('Silences (2)', {}, { timeout: 30_000 }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Alerts').length).toBeGreaterThan(0);
    expect(screen.getByRole('tab', { name: 'Rules' })).toHaveAttribute(
      'href',
      '/alerts/rules',
    );
  });

  it('has a legacy plugin with a page and an entity card', () => {
    expect(alertsLegacyPlugin.getId()).toBe('alerts');
    expect(AlertsPage).toBeDefined();
    expect(EntityAlertsCard).toBeDefined();
  });
});
