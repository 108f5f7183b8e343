import { Content, Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { clusterHealthTranslationRef } from '../../translation';
import { Route, Routes, useParams } from 'react-router-dom';
import { ClusterOverview } from '../ClusterOverview';
import { NodePoolPage } from '../NodePoolPage';

function KeyedNodePoolPage() {
  const { cluster, pool } = useParams();
  // A new instance per pool, so no data of another pool is ever shown.
  return <NodePoolPage key={`${cluster}/${pool}`} />;
}

/**
 * The plugin's page content: the overview of all clusters at its root and
 * one pool at `:cluster/pools/:pool`. The header comes from the app (new
 * frontend system) or from {@link LegacyClusterHealthPage}.
 */
export function ClusterHealthPage() {
  return (
    <Content>
      <Routes>
        <Route path="/" element={<ClusterOverview />} />
        <Route path="/:cluster/pools/:pool" element={<KeyedNodePoolPage />} />
      </Routes>
    </Content>
  );
}

/** The page with its own header, for apps on the legacy frontend system. */
export function LegacyClusterHealthPage() {
  const { t } = useTranslationRef(clusterHealthTranslationRef);
  return (
    <Page themeId="tool">
      <Header title={t('page.title')} subtitle={t('page.subtitle')} />
      <ClusterHealthPage />
    </Page>
  );
}
