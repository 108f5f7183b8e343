import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Step from '@material-ui/core/Step';
import StepLabel from '@material-ui/core/StepLabel';
import Stepper from '@material-ui/core/Stepper';
import Typography from '@material-ui/core/Typography';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import { Theme } from '@material-ui/core/styles';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  IncidentStage,
  stageIndex,
  STAGES,
} from '@fdp/plugin-incidents-common';
import { incidentsTranslationRef } from '../../translation';

/**
 * The documented procedure's stages, the incident's current one active; on
 * a phone the current stage and how far along the procedure it is (nine
 * steps side by side do not fit 390 px).
 */
export function StageStepper(props: { stage: IncidentStage }) {
  const { stage } = props;
  const { t } = useTranslationRef(incidentsTranslationRef);
  const phone = useMediaQuery<Theme>(theme => theme.breakpoints.down('xs'));
  const active = stageIndex(stage);
  if (phone) {
    return (
      <Box my={1} data-testid="stage-stepper">
        <Typography variant="body2" gutterBottom>
          {t('detail.stageOf', {
            n: String(active + 1),
            total: String(STAGES.length),
            stage: t(`stages.${stage}`),
          })}
        </Typography>
        <LinearProgress
          variant="determinate"
          value={((active + 1) / STAGES.length) * 100}
          aria-label={t('detail.procedure')}
        />
      </Box>
    );
  }
  return (
    <Stepper
      activeStep={active}
      alternativeLabel
      data-testid="stage-stepper"
      style={{ overflowX: 'auto' }}
    >
      {STAGES.map((s, i) => (
        <Step
          key={s}
          completed={i < active || (s === 'closed' && stage === 'closed')}
        >
          <StepLabel data-current={s === stage ? 'true' : undefined}>
            {t(`stages.${s}`)}
          </StepLabel>
        </Step>
      ))}
    </Stepper>
  );
}
