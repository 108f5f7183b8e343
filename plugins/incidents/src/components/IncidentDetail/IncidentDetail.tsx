import { useState } from 'react';
import { useParams } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  evaluateSla,
  findLevel,
  IncidentDetailsResponse,
  IncidentLevel,
  isResolvedStage,
  TransitionRequest,
} from '@fdp/plugin-incidents-common';
import { incidentsApiRef } from '../../api';
import { errorMessage, isVersionConflict } from '../../errors';
import { useRootLink } from '../../hooks/useLinks';
import { useLevels } from '../../hooks/useLevels';
import { useLiveData } from '../../hooks/useLiveData';
import { useNow } from '@fdp/live-data-react';
import { RoleHolder, useRoleHolders } from '../../hooks/useRoleHolders';
import { incidentsTranslationRef } from '../../translation';
import { EscalationStatus } from '../Escalation';
import { BreachBadges, SlaClockView } from '../SlaClock';
import { LevelEditor } from './LevelEditor';
import { NoteForm } from './NoteForm';
import { PeopleEditor } from './PeopleEditor';
import { PostmortemEditor } from './PostmortemEditor';
import { StageMoves } from './StageMoves';
import { StageStepper } from './StageStepper';
import { Timeline } from './Timeline';
import type { IncidentChanges } from './types';
import { useFormatters } from '@fdp/live-data-react';

function SlaCard(props: {
  details: IncidentDetailsResponse;
  level?: IncidentLevel;
  holders: Map<string, RoleHolder[]>;
}) {
  const { details, level, holders } = props;
  const { t } = useTranslationRef(incidentsTranslationRef);
  const now = new Date(useNow());
  const { incident } = details;
  if (!level) {
    return (
      <Typography variant="body2">
        {t('sla.unknownLevel', { level: incident.level })}
      </Typography>
    );
  }
  const sla = evaluateSla(incident, level, now);
  return (
    <>
      <BreachBadges sla={sla} />
      <Box>
        <SlaClockView kind="response" clock={sla.response} />
      </Box>
      <Box mb={1}>
        <SlaClockView kind="resolution" clock={sla.resolution} />
      </Box>
      {!isResolvedStage(incident.stage) && (
        <EscalationStatus
          incident={incident}
          level={level}
          now={now}
          holders={holders}
        />
      )}
    </>
  );
}

/**
 * One incident: the procedure's stepper and the moves allowed now, SLA
 * clocks and escalation, level, owner and responders, notes, timeline and
 * post-mortem. A save at a stale version (409) says so and reloads.
 */
export function IncidentDetail() {
  const { id = '' } = useParams();
  const api = useApi(incidentsApiRef);
  const { t } = useTranslationRef(incidentsTranslationRef);
  const rootLink = useRootLink();
  const format = useFormatters();
  const levels = useLevels();
  const { holders } = useRoleHolders();
  const details = useLiveData(() => api.getIncident(id), [api, id]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{
    conflict: boolean;
    message: string;
  }>();

  if (levels.error) {
    return <ResponseErrorPanel error={levels.error} />;
  }
  if (details.loading || !levels.levels) {
    return <Progress />;
  }
  if (!details.value) {
    return (
      <ResponseErrorPanel
        error={details.error ?? new Error(t('common.noData'))}
      />
    );
  }
  const { incident, timeline } = details.value;
  const level = findLevel(levels.levels, incident.level);

  /** Runs a change; on failure says why, and on a 409 reloads. */
  const run = async (change: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setFailure(undefined);
    try {
      await change();
      details.retry();
      return true;
    } catch (error) {
      if (isVersionConflict(error)) {
        setFailure({ conflict: true, message: t('common.conflict') });
        details.retry();
      } else {
        setFailure({ conflict: false, message: errorMessage(error as Error) });
      }
      return false;
    } finally {
      setBusy(false);
    }
  };
  const save = (changes: IncidentChanges) =>
    run(() =>
      api.updateIncident(incident.id, {
        ...changes,
        version: incident.version,
      }),
    );
  const move = (request: TransitionRequest) =>
    run(() => api.transition(incident.id, request));
  const addNote = (text: string) => run(() => api.addNote(incident.id, text));

  return (
    <Box data-testid="incident-detail">
      {rootLink && (
        <Box mb={1}>
          <Link to={rootLink}>← {t('detail.back')}</Link>
        </Box>
      )}
      {failure && (
        <Box mb={2}>
          <Alert
            severity={failure.conflict ? 'warning' : 'error'}
            data-testid="save-failure"
            onClose={() => setFailure(undefined)}
          >
            {failure.message}
          </Alert>
        </Box>
      )}
      <Grid container spacing={2}>
        <Grid item xs={12} md={8}>
          <InfoCard title={`${incident.id} · ${incident.title}`}>
            <Typography
              variant="body2"
              color={incident.description ? 'textPrimary' : 'textSecondary'}
              style={{ whiteSpace: 'pre-wrap' }}
            >
              {incident.description || t('detail.noDescription')}
            </Typography>
            <Box mt={2}>
              <Typography variant="subtitle2">
                {t('detail.procedure')}
              </Typography>
              <StageStepper stage={incident.stage} />
              <StageMoves incident={incident} busy={busy} onMove={move} />
            </Box>
          </InfoCard>
          <Box mt={2}>
            <InfoCard title={t('postmortem.title')}>
              <PostmortemEditor
                incident={incident}
                timeline={timeline}
                level={level}
                busy={busy}
                onSave={save}
              />
            </InfoCard>
          </Box>
          <Box mt={2}>
            <InfoCard title={t('detail.timeline')}>
              <Timeline entries={timeline} />
            </InfoCard>
          </Box>
        </Grid>
        <Grid item xs={12} md={4}>
          <InfoCard title={t('list.columnSla')}>
            <SlaCard details={details.value} level={level} holders={holders} />
          </InfoCard>
          <Box mt={2}>
            <InfoCard title={t('level.title')}>
              <LevelEditor
                incident={incident}
                levels={levels.levels}
                busy={busy}
                onSave={save}
              />
            </InfoCard>
          </Box>
          <Box mt={2}>
            <InfoCard title={t('people.title')}>
              <PeopleEditor incident={incident} busy={busy} onSave={save} />
            </InfoCard>
          </Box>
          <Box mt={2}>
            <InfoCard title={t('detail.details')}>
              <Typography variant="body2">
                {t('detail.detectedAt')}: {format.dateTime(incident.detectedAt)}
              </Typography>
              <Typography variant="body2">
                {t('filters.entity')}:{' '}
                {incident.entityRef ? (
                  <EntityRefLink entityRef={incident.entityRef} />
                ) : (
                  t('common.none')
                )}
              </Typography>
              <Typography variant="body2">
                {t('detail.source')}:{' '}
                {incident.source === 'alertmanager' ? (
                  t('detail.sourceAlertmanager')
                ) : (
                  <>
                    {t('detail.sourceManual')}{' '}
                    <EntityRefLink
                      entityRef={incident.createdBy}
                      defaultKind="user"
                    />
                  </>
                )}
              </Typography>
            </InfoCard>
          </Box>
          <Box mt={2}>
            <InfoCard title={t('notes.title')}>
              <NoteForm incidentId={incident.id} busy={busy} onAdd={addNote} />
            </InfoCard>
          </Box>
        </Grid>
      </Grid>
    </Box>
  );
}
