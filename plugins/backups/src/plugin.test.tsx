import { screen } from '@testing-library/react';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { FakeSignalApi } from '@fdp/live-data-react/testUtils';
import plugin, {
  BackupsPage,
  EntityBackupsCard,
  backupsEntityCard,
  backupsLegacyPlugin,
} from './index';
import { backupsApiRef } from './api';
import { FakeBackupsApi } from './__testUtils__/fakes';
import { target } from './__testUtils__/fixtures';

describe('backups plugin', () => {
  jest.setTimeout(30_000);

  it('provides the extensions the app refers to by id', () => {
    expect(plugin.id).toBe('backups');
    for (const id of [
      'api:backups',
      'page:backups',
      'entity-card:backups/backups',
    ]) {
      expect(plugin.getExtension(id as any)).toBeDefined();
    }
  });

  it('shows the entity card only for entities naming backup targets', () => {
    const tester = createExtensionTester(backupsEntityCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    const entity = (kind: string, annotations?: Record<string, string>) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name: 'a', annotations },
    });
    const targets = { 'fdp.io/backup-targets': 'trading-db' };
    expect(filter!(entity('Component', targets))).toBe(true);
    expect(filter!(entity('Resource', targets))).toBe(true);
    expect(filter!(entity('Component'))).toBe(false);
    expect(filter!(entity('Component', { 'fdp.io/other': 'trading-db' }))).toBe(
      false,
    );
  });

  it('routes the page to a target', async () => {
    const api = new FakeBackupsApi({ targets: [target()] });
    renderTestApp({
      features: [plugin],
      apis: [
        [backupsApiRef, api],
        [signalApiRef, new FakeSignalApi()],
      ],
      initialRouteEntries: ['/backups'],
    });
    const link = await screen.findByRole(
      'link',
      { name: 'trading-db' },
      { timeout: 5000 },
    );
    expect(link).toHaveAttribute('href', '/backups/trading-db');
  });

  it('has a legacy plugin with a page and an entity card', () => {
    expect(backupsLegacyPlugin.getId()).toBe('backups');
    expect(BackupsPage).toBeDefined();
    expect(EntityBackupsCard).toBeDefined();
  });
});
