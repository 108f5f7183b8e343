import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useLiveData } from '@fdp/live-data-react';
import { BACKUPS_SIGNAL_CHANNEL, backupsApiRef } from '@fdp/plugin-backups';
import type { TargetStatus } from '@fdp/plugin-backups-common';
import { formatDuration } from '@fdp/plugin-incidents-common';
import { useLinks } from '../../hooks/useLinks';
import { operationsTranslationRef } from '../../translation';
import { MaybeLink, OverviewCard } from '../OverviewCard';
import { Severity, StatusText } from '../StatusText';
import { summarizeBackups } from './summarize';

/** How many targets not OK the card lists. */
export const LISTED_TARGETS = 4;

export const TARGET_SEVERITY: Record<TargetStatus, Severity> = {
  ok: 'ok',
  warning: 'warning',
  critical: 'error',
};

/** The overview's backups card: targets not OK and the worst RPO. */
export function BackupsCard() {
  const api = useApi(backupsApiRef);
  const { t } = useTranslationRef(operationsTranslationRef);
  const links = useLinks();
  const data = useLiveData(BACKUPS_SIGNAL_CHANNEL, () => api.listTargets(), [
    api,
  ]);
  return (
    <OverviewCard source="backups" data={data} link={links.backups}>
      {targets => {
        if (targets.length === 0) {
          return <Typography variant="body2">{t('backups.empty')}</Typography>;
        }
        const summary = summarizeBackups(targets);
        const listed = summary.notOk.slice(0, LISTED_TARGETS);
        return (
          <>
            <Typography variant="h6" component="p">
              {summary.notOk.length === 0 ? (
                <StatusText severity="ok">
                  {t('backups.allOk', { number: String(summary.total) })}
                </StatusText>
              ) : (
                <StatusText severity={TARGET_SEVERITY[summary.notOk[0].status]}>
                  {t('backups.notOk', {
                    number: String(summary.notOk.length),
                  })}
                </StatusText>
              )}
            </Typography>
            {summary.worstRpo?.rpoMs !== undefined && (
              <Typography variant="body2" data-testid="backups-worst-rpo">
                <MaybeLink to={links.target(summary.worstRpo.name)}>
                  {t('backups.worstRpo', {
                    rpo: formatDuration(summary.worstRpo.rpoMs),
                    target: summary.worstRpo.name,
                  })}
                </MaybeLink>
              </Typography>
            )}
            <Box mt={1}>
              {listed.map(target => (
                <Box key={target.name} data-testid={`backups-${target.name}`}>
                  <Typography variant="body2" noWrap>
                    <StatusText severity={TARGET_SEVERITY[target.status]}>
                      <MaybeLink to={links.target(target.name)}>
                        <strong>{target.name}</strong>
                      </MaybeLink>
                      {target.violations[0]
                        ? ` — ${target.violations[0].message}`
                        : ''}
                    </StatusText>
                  </Typography>
                </Box>
              ))}
              {summary.notOk.length > listed.length && (
                <Typography variant="body2" color="textSecondary">
                  {t('card.more', {
                    number: String(summary.notOk.length - listed.length),
                  })}
                </Typography>
              )}
            </Box>
          </>
        );
      }}
    </OverviewCard>
  );
}
