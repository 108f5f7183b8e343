import Step from '@material-ui/core/Step';
import StepLabel from '@material-ui/core/StepLabel';
import Stepper from '@material-ui/core/Stepper';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  IncidentStage,
  stageIndex,
  STAGES,
} from '@fdp/plugin-incidents-common';
import { incidentsTranslationRef } from '../../translation';

/** The documented procedure's stages, the incident's current one active. */
export function StageStepper(props: { stage: IncidentStage }) {
  const { stage } = props;
  const { t } = useTranslationRef(incidentsTranslationRef);
  const active = stageIndex(stage);
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
