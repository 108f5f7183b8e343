import { useState } from 'react';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  canTransition,
  Incident,
  isReopening,
  LIMITS,
  STAGES,
  TransitionRequest,
} from '@fdp/plugin-incidents-common';
import { incidentsTranslationRef } from '../../translation';
import { UpdateButton } from '../UpdateButton';

/**
 * A button per stage the incident may move to now (`canTransition`:
 * forward, possibly skipping, or reopening `resolved → mitigating`), with an
 * optional note for the timeline.
 */
export function StageMoves(props: {
  incident: Incident;
  busy: boolean;
  onMove: (request: TransitionRequest) => Promise<boolean>;
}) {
  const { incident, busy, onMove } = props;
  const { t } = useTranslationRef(incidentsTranslationRef);
  const [note, setNote] = useState('');
  const moves = STAGES.filter(s => canTransition(incident.stage, s));
  if (moves.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('detail.noMoves')}
      </Typography>
    );
  }
  const move = async (to: (typeof STAGES)[number]) => {
    const trimmed = note.trim();
    if (await onMove(trimmed ? { to, note: trimmed } : { to })) {
      setNote('');
    }
  };
  return (
    <Box data-testid="stage-moves">
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        {moves.map(to => (
          <UpdateButton
            key={to}
            incidentId={incident.id}
            variant={to === moves[0] ? 'contained' : 'outlined'}
            color="primary"
            size="small"
            disabled={busy}
            data-testid={`move-${to}`}
            onClick={() => move(to)}
          >
            {isReopening(incident.stage, to)
              ? t('detail.reopen', { stage: t(`stages.${to}`) })
              : t('detail.moveTo', { stage: t(`stages.${to}`) })}
          </UpdateButton>
        ))}
      </Box>
      <TextField
        id="move-note"
        label={t('detail.moveNote')}
        value={note}
        onChange={e => setNote(e.target.value)}
        fullWidth
        margin="dense"
        variant="outlined"
        inputProps={{ maxLength: LIMITS.note }}
      />
    </Box>
  );
}
