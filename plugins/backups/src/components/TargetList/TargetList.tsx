import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { backupsApiRef } from '../../api';
import { useLiveData } from '../../hooks/useLiveData';
import { backupsTranslationRef } from '../../translation';
import { TargetCard } from './TargetCard';

const RANK = { critical: 0, warning: 1, ok: 2 };

/** Every backup target, the worst first, live on the `backups` signal. */
export function TargetList() {
  const api = useApi(backupsApiRef);
  const { t } = useTranslationRef(backupsTranslationRef);
  const { value, error, loading } = useLiveData(() => api.listTargets(), [api]);
  if (loading) {
    return <Progress />;
  }
  if (!value) {
    return (
      <ResponseErrorPanel error={error ?? new Error(t('common.noData'))} />
    );
  }
  if (value.length === 0) {
    return (
      <EmptyState
        missing="data"
        title={t('list.empty')}
        description={t('list.emptyHint')}
      />
    );
  }
  const targets = [...value].sort(
    (a, b) => RANK[a.status] - RANK[b.status] || a.name.localeCompare(b.name),
  );
  return (
    <>
      {error && (
        <Typography variant="body2" color="error">
          {t('common.refreshFailed', { message: error.message })}
        </Typography>
      )}
      <Box display="grid" gridGap={16} gridTemplateColumns="minmax(0, 1fr)">
        {targets.map(target => (
          <TargetCard key={target.name} target={target} />
        ))}
      </Box>
    </>
  );
}
