import { screen, within } from '@testing-library/react';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { signalApiRef } from '@backstage/plugin-signals-react';
import plugin, {
  ClusterHealthPage,
  EntityClusterHealthCard,
  clusterHealthEntityCard,
  clusterHealthEntityContent,
  clusterHealthLegacyPlugin,
  isClusterHealthAvailable,
} from './index';
import { clusterHealthApiRef } from './api';
import { FakeSignalApi } from '@fdp/live-data-react/testUtils';
import { FakeClusterHealthApi } from './__testUtils__/fakes';
import { aiInferencePool, clusters, nodes } from './__testUtils__/fixtures';

describe('cluster-health plugin', () => {
  it('provides the extensions the app refers to by id', () => {
    expect(plugin.id).toBe('cluster-health');
    for (const id of [
      'api:cluster-health',
      'page:cluster-health',
      'entity-content:cluster-health/health',
      'entity-card:cluster-health/workloads',
    ]) {
      expect(plugin.getExtension(id as any)).toBeDefined();
    }
  });

  it('shows the card and the tab for entities with a kubernetes-id or a label selector', () => {
    const entity = (annotations?: Record<string, string>) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'a', annotations },
    });
    const withId = entity({ 'backstage.io/kubernetes-id': 'a' });
    const withSelector = entity({
      'backstage.io/kubernetes-label-selector': 'app=a',
    });
    const without = entity({ 'backstage.io/other': 'a' });
    const cardFilter = createExtensionTester(clusterHealthEntityCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    const tabFilter = createExtensionTester(clusterHealthEntityContent).get(
      EntityContentBlueprint.dataRefs.filterFunction,
    );
    for (const filter of [cardFilter, tabFilter]) {
      expect(filter).toBeInstanceOf(Function);
      expect(filter!(withId)).toBe(true);
      expect(filter!(withSelector)).toBe(true);
      expect(filter!(without)).toBe(false);
    }
    expect(isClusterHealthAvailable(withId)).toBe(true);
    expect(isClusterHealthAvailable(withSelector)).toBe(true);
    expect(isClusterHealthAvailable(without)).toBe(false);
  });

  it('routes the page to the overview and to a pool', async () => {
    const api = new FakeClusterHealthApi({
      clusters,
      pools: [aiInferencePool],
      nodes,
    });
    renderTestApp({
      features: [plugin],
      apis: [
        [clusterHealthApiRef, api],
        [signalApiRef, new FakeSignalApi()],
      ],
      initialRouteEntries: ['/cluster-health/prod-eu/pools/ai-inference'],
    });
    expect(
      await screen.findByText('prod-eu / ai-inference', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(api.getNodes).toHaveBeenCalledWith('prod-eu', 'ai-inference');
    expect(screen.getAllByText('Cluster health').length).toBeGreaterThan(0);
    const back = screen.getByRole('link', { name: '← All clusters' });
    expect(back).toHaveAttribute('href', '/cluster-health');
    expect(within(document.body).getByText('Nodes (3)')).toBeInTheDocument();
  });

  it('has a legacy plugin with a page and an entity card', () => {
    expect(clusterHealthLegacyPlugin.getId()).toBe('cluster-health');
    expect(ClusterHealthPage).toBeDefined();
    expect(EntityClusterHealthCard).toBeDefined();
  });
});
