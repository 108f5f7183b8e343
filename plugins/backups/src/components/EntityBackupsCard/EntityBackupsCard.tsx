import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { backupTargetNames } from '../../annotation';
import { backupsApiRef } from '../../api';
import { useRootLink } from '../../hooks/useLinks';
import { useLiveData } from '../../hooks/useLiveData';
import { backupsTranslationRef } from '../../translation';
import { TargetLine } from '../TargetList';

function EntityBackups(props: { names: string[] }) {
  const { names } = props;
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
  const byName = new Map(value.map(target => [target.name, target]));
  return (
    <>
      {names.map(name => {
        const target = byName.get(name);
        return target ? (
          <TargetLine key={name} target={target} />
        ) : (
          <Typography key={name} variant="body2" color="error" paragraph>
            {t('entityCard.missing', { name })}
          </Typography>
        );
      })}
    </>
  );
}

/** The backup targets of the entity's `fdp.io/backup-targets`, as a card. */
export function EntityBackupsCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(backupsTranslationRef);
  const root = useRootLink();
  return (
    <InfoCard
      title={t('entityCard.title')}
      subheader={t('entityCard.subheader')}
      deepLink={
        root ? { title: t('entityCard.viewAll'), link: root } : undefined
      }
    >
      <EntityBackups names={backupTargetNames(entity)} />
    </InfoCard>
  );
}
