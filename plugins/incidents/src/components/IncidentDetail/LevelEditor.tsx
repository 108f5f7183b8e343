import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Incident, IncidentLevel, LIMITS } from '@fdp/plugin-incidents-common';
import { incidentsTranslationRef } from '../../translation';
import { LevelChip } from '../LevelChip';
import { UpdateButton } from '../UpdateButton';
import type { SaveChanges } from './types';
import { useLevelText } from '../../hooks/useLevelText';

/** The level, changed with a reason that goes to the timeline. */
export function LevelEditor(props: {
  incident: Incident;
  levels: readonly IncidentLevel[];
  busy: boolean;
  onSave: SaveChanges;
}) {
  const { incident, levels, busy, onSave } = props;
  const { t } = useTranslationRef(incidentsTranslationRef);
  const levelText = useLevelText();
  const [editing, setEditing] = useState(false);
  const [level, setLevel] = useState(incident.level);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);

  const sameLevel = level === incident.level;
  const reasonMissing = !reason.trim();
  const save = async () => {
    setTouched(true);
    if (sameLevel || reasonMissing) return;
    if (await onSave({ level, levelReason: reason.trim() })) {
      setEditing(false);
      setReason('');
      setTouched(false);
    }
  };

  if (!editing) {
    return (
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <LevelChip level={incident.level} levels={levels} />
        <UpdateButton
          incidentId={incident.id}
          size="small"
          disabled={busy}
          data-testid="change-level"
          onClick={() => {
            setLevel(incident.level);
            setEditing(true);
          }}
        >
          {t('level.change')}
        </UpdateButton>
      </Box>
    );
  }
  return (
    <Box data-testid="level-editor">
      <TextField
        select
        id="incident-new-level"
        label={t('level.newLevel')}
        value={level}
        onChange={e => setLevel(e.target.value)}
        fullWidth
        margin="dense"
        variant="outlined"
        error={touched && sameLevel}
        helperText={touched && sameLevel ? t('level.sameLevel') : undefined}
        SelectProps={{
          SelectDisplayProps: { 'data-testid': 'new-level' } as object,
        }}
      >
        {levels.map(l => (
          <MenuItem key={l.id} value={l.id}>
            {levelText.label(l)} — {levelText.description(l)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        id="incident-level-reason"
        label={t('level.reason')}
        value={reason}
        onChange={e => setReason(e.target.value)}
        required
        fullWidth
        margin="dense"
        variant="outlined"
        error={touched && reasonMissing}
        helperText={
          touched && reasonMissing ? t('level.reasonRequired') : undefined
        }
        inputProps={{
          maxLength: LIMITS.levelReason,
          'data-testid': 'level-reason',
        }}
      />
      <Box display="flex" justifyContent="flex-end">
        <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
        <Button color="primary" disabled={busy} onClick={save}>
          {t('common.save')}
        </Button>
      </Box>
    </Box>
  );
}
