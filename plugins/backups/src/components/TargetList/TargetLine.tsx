import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { TargetSummary } from '../../api';
import { useTargetLink } from '../../hooks/useLinks';
import { backupsTranslationRef } from '../../translation';
import { TargetStatus } from '../TargetStatus';
import { StaleNotice } from './StaleNotice';
import { Violations } from './Violations';
import { useFormatters } from '@fdp/live-data-react';

/**
 * A target in a card: name, status, RPO, a warning when its cluster data is
 * stale, and its violations in words.
 */
export function TargetLine(props: { target: TargetSummary }) {
  const { target } = props;
  const { t } = useTranslationRef(backupsTranslationRef);
  const targetLink = useTargetLink();
  const format = useFormatters();
  return (
    <Box mb={1} data-testid={`target-${target.name}`}>
      <Box display="flex" flexWrap="wrap" alignItems="baseline" gridGap={8}>
        <Typography variant="subtitle2" component="span">
          {targetLink ? (
            <Link to={targetLink(target.name)}>{target.name}</Link>
          ) : (
            target.name
          )}
        </Typography>
        <TargetStatus status={target.status} />
        <Typography variant="body2" color="textSecondary" component="span">
          {t('list.rpo')}{' '}
          {target.rpoMs === undefined
            ? t('common.none')
            : format.duration(target.rpoMs)}
        </Typography>
      </Box>
      <StaleNotice target={target} />
      <Violations violations={target.violations} />
    </Box>
  );
}
