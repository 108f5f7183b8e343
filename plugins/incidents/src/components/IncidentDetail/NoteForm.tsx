import { useState } from 'react';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { LIMITS } from '@fdp/plugin-incidents-common';
import { incidentsTranslationRef } from '../../translation';
import { UpdateButton } from '../UpdateButton';

/** Adds a note to the timeline. */
export function NoteForm(props: {
  incidentId: string;
  busy: boolean;
  onAdd: (text: string) => Promise<boolean>;
}) {
  const { incidentId, busy, onAdd } = props;
  const { t } = useTranslationRef(incidentsTranslationRef);
  const [text, setText] = useState('');
  const add = async () => {
    if (await onAdd(text.trim())) setText('');
  };
  return (
    <Box>
      <TextField
        id="incident-note"
        label={t('notes.label')}
        value={text}
        onChange={e => setText(e.target.value)}
        fullWidth
        multiline
        minRows={2}
        margin="dense"
        variant="outlined"
        inputProps={{ maxLength: LIMITS.note, 'data-testid': 'note-text' }}
      />
      <Box display="flex" justifyContent="flex-end">
        <UpdateButton
          incidentId={incidentId}
          color="primary"
          size="small"
          disabled={busy || !text.trim()}
          onClick={add}
          data-testid="add-note"
        >
          {t('notes.add')}
        </UpdateButton>
      </Box>
    </Box>
  );
}
