import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef, EntityRefLinks } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { BACKUP_TARGETS_ANNOTATION, backupTargetNames } from '../../annotation';
import { backupsTranslationRef } from '../../translation';

/**
 * The catalog entities whose `fdp.io/backup-targets` names the target;
 * nothing while loading, when none does, or when the catalog cannot be read
 * (the target page is about backups, not the catalog).
 */
export function UsedBy(props: { name: string }) {
  const { name } = props;
  const catalogApi = useApi(catalogApiRef);
  const { t } = useTranslationRef(backupsTranslationRef);
  const { value } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: {
        [`metadata.annotations.${BACKUP_TARGETS_ANNOTATION}`]:
          CATALOG_FILTER_EXISTS,
      },
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        // EntityRefLinks show the title
        'metadata.title',
        'metadata.annotations',
      ],
    });
    return items.filter(entity => backupTargetNames(entity).includes(name));
  }, [catalogApi, name]);
  if (!value?.length) {
    return null;
  }
  return (
    <Typography variant="body2" data-testid="used-by">
      {t('detail.usedBy')}:{' '}
      <EntityRefLinks entityRefs={value} defaultKind="component" />
    </Typography>
  );
}
