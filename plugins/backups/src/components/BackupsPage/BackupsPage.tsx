import { Route, Routes } from 'react-router-dom';
import { Content, Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { backupsTranslationRef } from '../../translation';
import { TargetDetail } from '../TargetDetail';
import { TargetList } from '../TargetList';

/**
 * The plugin's page content: every target at its root, a target at
 * `:name`. The header comes from the app (new frontend system) or from
 * {@link LegacyBackupsPage}.
 */
export function BackupsPage() {
  return (
    <Content>
      <Routes>
        <Route path="/" element={<TargetList />} />
        <Route path="/:name" element={<TargetDetail />} />
      </Routes>
    </Content>
  );
}

/** The page with its own header, for apps on the legacy frontend system. */
export function LegacyBackupsPage() {
  const { t } = useTranslationRef(backupsTranslationRef);
  return (
    <Page themeId="tool">
      <Header title={t('page.title')} subtitle={t('page.subtitle')} />
      <BackupsPage />
    </Page>
  );
}
