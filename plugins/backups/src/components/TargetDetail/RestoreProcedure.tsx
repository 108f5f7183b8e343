import { CodeSnippet, InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { TargetSummary } from '../../api';
import { restoreRunbook, targetStanza } from '../../runbook';
import { backupsTranslationRef } from '../../translation';

/** The documented restore procedure for the target, each step's commands copyable. */
export function RestoreProcedure(props: { target: TargetSummary }) {
  const { target } = props;
  const { t } = useTranslationRef(backupsTranslationRef);
  const steps = restoreRunbook(target);
  const velero = target.provider.type === 'velero';
  // the configured source, and pgBackRest's own repository name when known
  const repository = target.repository
    ? `${target.provider.name} (${target.repository})`
    : target.provider.name;
  return (
    <InfoCard
      title={t('runbook.title')}
      subheader={
        velero
          ? t('runbook.subheaderVelero', { target: target.name, repository })
          : t('runbook.subheader', {
              target: target.name,
              stanza: targetStanza(target),
              repository,
            })
      }
    >
      {steps ? (
        steps.map(step => (
          <Box key={step.key} mb={2} data-testid={`runbook-${step.key}`}>
            <Typography variant="subtitle2" gutterBottom>
              {t(`runbook.${step.key}`, {
                replace: { label: step.label ?? '' },
              })}
            </Typography>
            <CodeSnippet
              text={step.command}
              language="bash"
              showCopyCodeButton
            />
          </Box>
        ))
      ) : (
        <Typography variant="body2" color="error">
          {velero ? t('runbook.noSnapshot') : t('runbook.noFull')}
        </Typography>
      )}
    </InfoCard>
  );
}
