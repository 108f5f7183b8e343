import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useRootLink } from '../../hooks/useLinks';
import { clusterHealthTranslationRef } from '../../translation';
import { EntityWorkloads } from '../EntityWorkloads';

/** The entity's workloads and autoscalers, as a card for the overview. */
export function EntityClusterHealthCard() {
  const rootLink = useRootLink();
  const { t } = useTranslationRef(clusterHealthTranslationRef);
  return (
    <InfoCard
      title={t('entity.cardTitle')}
      subheader={t('entity.cardSubheader')}
      deepLink={
        rootLink
          ? { title: t('entity.allClusters'), link: rootLink }
          : undefined
      }
    >
      <EntityWorkloads />
    </InfoCard>
  );
}
