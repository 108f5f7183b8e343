import { InfoCard } from '@backstage/core-components';
import { useRootLink } from '../../hooks/useLinks';
import { EntityWorkloads } from '../EntityWorkloads';

/** The entity's workloads and autoscalers, as a card for the overview. */
export function EntityClusterHealthCard() {
  const rootLink = useRootLink();
  return (
    <InfoCard
      title="Cluster health"
      subheader="Deployments, autoscalers and their health"
      deepLink={
        rootLink ? { title: 'All clusters', link: rootLink } : undefined
      }
    >
      <EntityWorkloads />
    </InfoCard>
  );
}
