import { screen } from '@testing-library/react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { pending, renderWithApis } from '../../__testUtils__/render';
import { RecentDeploysCard } from './RecentDeploysCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'trading-api',
    annotations: { 'backstage.io/kubernetes-id': 'trading-api' },
  },
  spec: {},
};

const render = (getDeploymentHistory: () => Promise<any>) =>
  renderWithApis(
    <EntityProvider entity={entity}>
      <RecentDeploysCard />
    </EntityProvider>,
    { clusterHealth: { getDeploymentHistory } },
  );

describe('RecentDeploysCard', () => {
  it('lists the revisions of each deployment, the running one marked', async () => {
    const getDeploymentHistory = jest.fn(async () => ({
      entityRef: 'component:default/trading-api',
      deployments: [
        {
          cluster: 'prod',
          namespace: 'trading',
          name: 'trading-api',
          revisions: [
            {
              revision: 3,
              replicaSet: 'trading-api-7c9',
              images: ['registry/trading-api:1.4.2'],
              createdAt: '2026-11-30T00:00:00Z',
              replicas: { desired: 3, ready: 2 },
              current: true,
            },
            {
              revision: 2,
              replicaSet: 'trading-api-5f1',
              images: ['registry/trading-api:1.4.1'],
              replicas: { desired: 0, ready: 0 },
              current: false,
            },
          ],
        },
      ],
      errors: [{ cluster: 'dr', message: 'unreachable' }],
    }));
    await render(getDeploymentHistory);
    const current = await screen.findByTestId('deploy-trading-api-3');
    expect(current).toHaveTextContent('Revision 3 (running)');
    expect(current).toHaveTextContent('2/3 ready');
    expect(current).toHaveTextContent('registry/trading-api:1.4.2');
    expect(current).toHaveTextContent(/2026-11-30 \d\d:00/);
    expect(screen.getByTestId('deploy-trading-api-2')).toHaveTextContent(
      'Revision 2',
    );
    expect(screen.getByText('dr could not be read: unreachable')).toBeVisible();
    expect(getDeploymentHistory).toHaveBeenCalledWith(
      'component:default/trading-api',
    );
  });

  it('says when there is no deployment', async () => {
    await render(async () => ({
      entityRef: 'component:default/trading-api',
      deployments: [],
      errors: [],
    }));
    expect(
      await screen.findByText('No deployments found for this component'),
    ).toBeInTheDocument();
  });

  it('names the source on an error', async () => {
    await render(async () => {
      throw new Error('403 Forbidden');
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load recent deploys: 403 Forbidden',
    );
  });

  it('shows progress while loading', async () => {
    await render(pending);
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });
});
