import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { Incident } from '@fdp/plugin-incidents-common';
import { incidentsTranslationRef } from '../../translation';
import { EntitiesPicker, EntityPicker } from '../EntityPicker';
import { UpdateButton } from '../UpdateButton';
import type { SaveChanges } from './types';

/** The owner and responders, changed through pickers of catalog users. */
export function PeopleEditor(props: {
  incident: Incident;
  busy: boolean;
  onSave: SaveChanges;
}) {
  const { incident, busy, onSave } = props;
  const { t } = useTranslationRef(incidentsTranslationRef);
  const [editing, setEditing] = useState(false);
  const [owner, setOwner] = useState(incident.owner);
  const [responders, setResponders] = useState(incident.responders);

  const startEditing = () => {
    setOwner(incident.owner);
    setResponders(incident.responders);
    setEditing(true);
  };
  const save = async () => {
    const saved = await onSave({ owner: owner ?? null, responders });
    if (saved) setEditing(false);
  };

  if (editing) {
    return (
      <Box data-testid="people-editor">
        <EntityPicker
          kind="user"
          label={t('people.owner')}
          value={owner}
          onChange={setOwner}
          testId="owner-picker"
        />
        <EntitiesPicker
          kind="user"
          label={t('people.responders')}
          value={responders}
          onChange={setResponders}
          testId="responders-picker"
        />
        <Box mt={1} display="flex" justifyContent="flex-end">
          <Button onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </Button>
          <Button color="primary" disabled={busy} onClick={save}>
            {t('common.save')}
          </Button>
        </Box>
      </Box>
    );
  }
  return (
    <Box>
      <Typography variant="body2">
        {t('people.owner')}:{' '}
        {incident.owner ? (
          <EntityRefLink entityRef={incident.owner} defaultKind="user" />
        ) : (
          t('common.unassigned')
        )}
      </Typography>
      <Typography variant="body2">
        {t('people.responders')}:{' '}
        {incident.responders.length === 0
          ? t('people.noResponders')
          : incident.responders.map((ref, i) => (
              <span key={ref}>
                {i > 0 && ', '}
                <EntityRefLink entityRef={ref} defaultKind="user" />
              </span>
            ))}
      </Typography>
      <UpdateButton
        incidentId={incident.id}
        size="small"
        disabled={busy}
        onClick={startEditing}
        data-testid="edit-people"
      >
        {t('people.edit')}
      </UpdateButton>
    </Box>
  );
}
