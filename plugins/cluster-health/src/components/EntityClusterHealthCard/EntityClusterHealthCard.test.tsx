import { screen, within } from '@testing-library/react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { EntityClusterHealthCard } from './EntityClusterHealthCard';
import { EntityClusterHealthContent } from '../EntityClusterHealthContent';
import { FakeClusterHealthApi } from '../../__testUtils__/fakes';
import { workloads } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'trading-api',
    annotations: { 'backstage.io/kubernetes-id': 'trading-api' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-trading' },
};

describe('EntityClusterHealthCard', () => {
  it("shows the entity's deployments with HPA, conditions and VPA", async () => {
    const api = new FakeClusterHealthApi({ workloads });
    renderWithApis(
      <EntityProvider entity={entity}>
        <EntityClusterHealthCard />
      </EntityProvider>,
      { api },
    );

    const workload = await screen.findByTestId(
      'workload-prod-eu-trading-trading-api',
    );
    expect(api.getWorkloads).toHaveBeenCalledWith(
      'component:default/trading-api',
    );
    expect(
      within(workload).getByText('prod-eu / trading / trading-api'),
    ).toBeInTheDocument();
    expect(
      within(workload).getByText(
        /desired 10 · ready 9 · available 9 · updated 10/,
      ),
    ).toBeInTheDocument();
    expect(within(workload).getByTestId('hpa-replicas')).toHaveTextContent(
      '10 / 10',
    );
    expect(within(workload).getByText(/desired 12, min 3/)).toBeInTheDocument();
    expect(
      within(workload).getByText('pinned at max for 12 minutes'),
    ).toBeInTheDocument();
    expect(within(workload).getByText(/CPU 52% \/ 70%/)).toBeInTheDocument();
    expect(
      within(workload).getByText(
        'ScalingLimited True (TooManyReplicas): the desired replica count is more than the maximum',
      ),
    ).toBeInTheDocument();
    expect(within(workload).getByTestId('vpa-api')).toHaveTextContent(
      'api: target cpu 350m, memory 640Mi',
    );
    expect(within(workload).getByText(/Update mode/)).toHaveTextContent(
      'Update mode Off, controls memory',
    );
    expect(
      within(workload).getByText('cpu 500m, memory 512Mi'),
    ).toBeInTheDocument();
    expect(within(workload).getByText('cpu 1, memory 1Gi')).toBeInTheDocument();
    expect(
      within(workload).getByText('Replicas unavailable'),
    ).toBeInTheDocument();
    // a cluster that could not be read is shown without hiding the rest
    expect(
      screen.getByText('Cluster dr-us: cluster dr-us is unreachable'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /All clusters/ })).toHaveAttribute(
      'href',
      '/cluster-health',
    );
  });

  it('shows an empty state when the entity has no workloads', async () => {
    const api = new FakeClusterHealthApi({
      workloads: {
        entityRef: 'component:default/trading-api',
        workloads: [],
        errors: [],
      },
    });
    renderWithApis(
      <EntityProvider entity={entity}>
        <EntityClusterHealthContent />
      </EntityProvider>,
      { api },
    );
    expect(await screen.findByText('No workloads found')).toBeInTheDocument();
    expect(screen.getByText('Workload health')).toBeInTheDocument();
  });
});
