import { useParams } from 'react-router-dom';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import { backupsApiRef } from '../../api';
import { useRootLink } from '../../hooks/useLinks';
import { useLiveData } from '../../hooks/useLiveData';
import { backupsTranslationRef } from '../../translation';
import { BackupCalendar } from '../BackupCalendar';
import { TargetCard } from '../TargetList';
import { BackupsTable } from './BackupsTable';
import { RestoreProcedure } from './RestoreProcedure';
import { UsedBy } from './UsedBy';

/** A target: its summary, its backups and its restore procedure. */
export function TargetDetail() {
  const { name = '' } = useParams();
  const api = useApi(backupsApiRef);
  const { t } = useTranslationRef(backupsTranslationRef);
  const root = useRootLink();
  const { value, error, loading } = useLiveData(async () => {
    const [target, backups] = await Promise.all([
      api.getTarget(name),
      api.getBackups(name),
    ]);
    return { target, backups };
  }, [api, name]);
  if (loading) {
    return <Progress />;
  }
  return (
    <>
      {root && (
        <Box mb={2}>
          <Link to={root}>{t('common.backToList')}</Link>
        </Box>
      )}
      {!value && (
        <ResponseErrorPanel error={error ?? new Error(t('common.noData'))} />
      )}
      {value && error && (
        <Typography variant="body2" color="error">
          {t('common.refreshFailed', { message: error.message })}
        </Typography>
      )}
      {value && (
        // minmax(0, …): a wide table scrolls inside its card, not the page
        <Box display="grid" gridGap={16} gridTemplateColumns="minmax(0, 1fr)">
          <TargetCard target={value.target} linked={false} />
          <UsedBy name={value.target.name} />
          <Card variant="outlined">
            <CardContent>
              <BackupCalendar
                backups={value.backups}
                now={Date.parse(value.target.observedAt)}
              />
            </CardContent>
          </Card>
          <BackupsTable backups={value.backups} />
          <RestoreProcedure target={value.target} />
        </Box>
      )}
    </>
  );
}
