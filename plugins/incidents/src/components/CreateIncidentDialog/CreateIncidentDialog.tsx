import { FormEvent, useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Incident, IncidentLevel, LIMITS } from '@fdp/plugin-incidents-common';
import { incidentsApiRef } from '../../api';
import { errorMessage } from '../../errors';
import { useNotifySuccess } from '@fdp/live-data-react';
import { incidentsTranslationRef } from '../../translation';
import { EntityPicker } from '../EntityPicker';
import { useLevelText } from '../../hooks/useLevelText';

/**
 * Opens an incident: title (required, at most `LIMITS.title`), description,
 * level and the affected component from the catalog.
 */
export function CreateIncidentDialog(props: {
  open: boolean;
  levels: readonly IncidentLevel[];
  /** Preselected component, e.g. from its entity page. */
  entityRef?: string;
  onClose: () => void;
  onCreated: (incident: Incident) => void;
}) {
  const { open, levels, onClose, onCreated } = props;
  const api = useApi(incidentsApiRef);
  const notify = useNotifySuccess();
  const { t } = useTranslationRef(incidentsTranslationRef);
  const levelText = useLevelText();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [level, setLevel] = useState(levels[0]?.id ?? '');
  const [entityRef, setEntityRef] = useState(props.entityRef);
  const [touched, setTouched] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<Error>();

  const trimmed = title.trim();
  let titleError: string | undefined;
  if (!trimmed) {
    titleError = t('create.titleRequired');
  } else if (trimmed.length > LIMITS.title) {
    titleError = t('create.titleTooLong', {
      max: String(LIMITS.title),
      length: String(trimmed.length),
    });
  }
  const showTitleError = Boolean(titleError) && (touched || trimmed.length > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (titleError || !level) return;
    setSubmitting(true);
    setError(undefined);
    try {
      const incident = await api.createIncident({
        title: trimmed,
        level,
        ...(description.trim() ? { description } : {}),
        ...(entityRef ? { entityRef } : {}),
      });
      notify(t('create.created', { id: incident.id }));
      onCreated(incident);
    } catch (e) {
      setError(e as Error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle>{t('create.title')}</DialogTitle>
        <DialogContent>
          {error && <Alert severity="error">{errorMessage(error)}</Alert>}
          <TextField
            id="incident-title"
            label={t('create.fieldTitle')}
            value={title}
            onChange={e => setTitle(e.target.value)}
            onBlur={() => setTouched(true)}
            required
            fullWidth
            margin="dense"
            variant="outlined"
            error={showTitleError}
            helperText={showTitleError ? titleError : undefined}
            inputProps={{ 'data-testid': 'create-title' }}
          />
          <TextField
            id="incident-description"
            label={t('create.fieldDescription')}
            value={description}
            onChange={e => setDescription(e.target.value)}
            fullWidth
            multiline
            minRows={3}
            margin="dense"
            variant="outlined"
            inputProps={{ maxLength: LIMITS.description }}
          />
          <TextField
            select
            id="incident-level"
            label={t('create.fieldLevel')}
            value={level}
            onChange={e => setLevel(e.target.value)}
            fullWidth
            margin="dense"
            variant="outlined"
            SelectProps={{
              SelectDisplayProps: { 'data-testid': 'create-level' } as object,
            }}
          >
            {levels.map(l => (
              <MenuItem key={l.id} value={l.id}>
                {levelText.label(l)} — {levelText.description(l)}
              </MenuItem>
            ))}
          </TextField>
          <EntityPicker
            kind="component"
            label={t('create.fieldEntity')}
            value={entityRef}
            onChange={setEntityRef}
            testId="create-entity"
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={submitting || Boolean(titleError) || !level}
          >
            {t('create.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
