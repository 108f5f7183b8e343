import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import type { TargetSummary } from '../../api';
import { useTargetLink } from '../../hooks/useLinks';
import { backupsTranslationRef } from '../../translation';
import { RecoveryWindowBar } from '../RecoveryWindowBar';
import { TargetStatus } from '../TargetStatus';
import { LoudState, loudViolation } from './LoudState';
import { TargetFacts } from './TargetFacts';
import { StaleNotice } from './StaleNotice';
import { Violations } from './Violations';

/**
 * One target: name, status, policy and source, a warning when its cluster
 * data is stale, the loud state when it has
 * no backups or an unreadable repository, its violations in words, the
 * recovery window and the facts.
 */
export function TargetCard(props: {
  target: TargetSummary;
  /** Link the name to the target's page (not on that page itself). */
  linked?: boolean;
}) {
  const { target, linked = true } = props;
  const { t } = useTranslationRef(backupsTranslationRef);
  const targetLink = useTargetLink();
  const now = Date.parse(target.observedAt);
  // the loud one is said once, in the alert
  const loud = loudViolation(target.violations);
  const others = target.violations.filter(v => v !== loud);
  return (
    <Card variant="outlined" data-testid={`target-${target.name}`}>
      <CardContent>
        <Box display="flex" flexWrap="wrap" alignItems="baseline" gridGap={16}>
          <Typography variant="h6" component="h2">
            {linked && targetLink ? (
              <Link to={targetLink(target.name)}>{target.name}</Link>
            ) : (
              target.name
            )}
          </Typography>
          <TargetStatus status={target.status} />
          <Typography variant="body2" color="textSecondary">
            {t('list.policy', { policy: target.policy })} ·{' '}
            {t('list.source', {
              type: target.provider.type,
              source: target.provider.name,
            })}
          </Typography>
        </Box>
        <StaleNotice target={target} />
        <LoudState violations={target.violations} />
        <Box my={1}>
          {target.violations.length === 0 ? (
            <Typography variant="body2">{t('list.noViolations')}</Typography>
          ) : (
            <Violations violations={others} />
          )}
          {target.backupInProgress && (
            <Typography variant="body2" color="textSecondary">
              {t('list.inProgress')}
            </Typography>
          )}
        </Box>
        <Typography variant="caption" color="textSecondary">
          {t('list.window')}
        </Typography>
        <RecoveryWindowBar
          window={target.recoveryWindow}
          status={target.status}
          now={now}
        />
        <Box mt={1}>
          <TargetFacts target={target} />
        </Box>
      </CardContent>
    </Card>
  );
}
