import {
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import { backupsApiRef } from '../../api';
import { formatDuration } from '../../format';
import { useLiveData } from '../../hooks/useLiveData';
import { backupsTranslationRef } from '../../translation';
import { TargetLine } from '../TargetList';

/** Home card: the targets that are not OK and the worst RPO of all. */
export function HomePageBackups() {
  const api = useApi(backupsApiRef);
  const { t } = useTranslationRef(backupsTranslationRef);
  const { value, error, loading } = useLiveData(() => api.listTargets(), [api]);
  if (loading) {
    return <Progress />;
  }
  if (!value) {
    return <ResponseErrorPanel error={error ?? new Error('No data')} />;
  }
  // critical first
  const notOk = value
    .filter(target => target.status !== 'ok')
    .sort(
      (a, b) =>
        Number(b.status === 'critical') - Number(a.status === 'critical'),
    );
  const worst = value
    .filter(target => target.rpoMs !== undefined)
    .sort((a, b) => (b.rpoMs ?? 0) - (a.rpoMs ?? 0))[0];
  return (
    <>
      <Typography variant="body2" component="div">
        {notOk.length === 0 ? (
          <StatusOK>{t('homeCard.allOk')}</StatusOK>
        ) : (
          <StatusError>
            {t('homeCard.notOk', { number: String(notOk.length) })}
          </StatusError>
        )}
      </Typography>
      {worst && (
        <Typography variant="body2" paragraph>
          {t('homeCard.worstRpo', {
            rpo: formatDuration(worst.rpoMs),
            target: worst.name,
          })}
        </Typography>
      )}
      {notOk.map(target => (
        <TargetLine key={target.name} target={target} brief />
      ))}
    </>
  );
}
