import { StatusWarning } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import { useFormatters } from '@fdp/live-data-react';
import type { TargetSummary } from '../../api';
import { backupsTranslationRef } from '../../translation';

/** A warning that the target's cluster data is stale (its watch is failing); nothing otherwise. */
export function StaleNotice(props: { target: TargetSummary }) {
  const { target } = props;
  const { t } = useTranslationRef(backupsTranslationRef);
  const format = useFormatters();
  if (!target.stale) return null;
  return (
    <Typography variant="body2" component="div" data-testid="target-stale">
      <StatusWarning>
        {target.dataAsOf
          ? t('list.staleSince', { time: format.dateTime(target.dataAsOf) })
          : t('list.stale')}
      </StatusWarning>
    </Typography>
  );
}
