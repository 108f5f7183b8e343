import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { MarkdownContent } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  Incident,
  IncidentLevel,
  LIMITS,
  postmortemTemplate,
  TimelineEntry,
} from '@fdp/plugin-incidents-common';
import { incidentsTranslationRef } from '../../translation';
import { UpdateButton } from '../UpdateButton';
import type { SaveChanges } from './types';

/**
 * The post-mortem (Markdown): shown rendered; edited with a preview tab,
 * starting from the saved document or else from the procedure's template
 * (`postmortemTemplate`) filled with the incident's facts and timeline.
 */
export function PostmortemEditor(props: {
  incident: Incident;
  timeline: TimelineEntry[];
  level?: IncidentLevel;
  busy: boolean;
  onSave: SaveChanges;
}) {
  const { incident, timeline, level, busy, onSave } = props;
  const { t } = useTranslationRef(incidentsTranslationRef);
  const [draft, setDraft] = useState<string>();
  const [tab, setTab] = useState(0);

  const startEditing = () => {
    setTab(0);
    setDraft(
      incident.postmortem ??
        postmortemTemplate({ incident, timeline, level, now: new Date() }),
    );
  };
  const save = async () => {
    if (draft === undefined) return;
    if (await onSave({ postmortem: draft })) setDraft(undefined);
  };

  if (draft === undefined) {
    return (
      <Box data-testid="postmortem">
        {incident.postmortem ? (
          <MarkdownContent content={incident.postmortem} />
        ) : (
          <Typography variant="body2" color="textSecondary">
            {t('postmortem.empty')}
          </Typography>
        )}
        <UpdateButton
          incidentId={incident.id}
          size="small"
          disabled={busy}
          onClick={startEditing}
          data-testid="edit-postmortem"
        >
          {incident.postmortem
            ? t('postmortem.edit')
            : t('postmortem.startFromTemplate')}
        </UpdateButton>
      </Box>
    );
  }
  return (
    <Box data-testid="postmortem-editor">
      <Tabs
        value={tab}
        onChange={(_e, v) => setTab(v)}
        indicatorColor="primary"
        textColor="primary"
      >
        <Tab label={t('postmortem.write')} />
        <Tab
          label={t('postmortem.preview')}
          data-testid="postmortem-preview-tab"
        />
      </Tabs>
      {tab === 0 ? (
        <TextField
          id="incident-postmortem"
          value={draft}
          onChange={e => setDraft(e.target.value)}
          fullWidth
          multiline
          minRows={16}
          margin="dense"
          variant="outlined"
          inputProps={{
            maxLength: LIMITS.postmortem,
            'data-testid': 'postmortem-text',
            'aria-label': t('postmortem.title'),
            style: { fontFamily: 'monospace' },
          }}
        />
      ) : (
        <Box mt={1} data-testid="postmortem-preview">
          <MarkdownContent content={draft} />
        </Box>
      )}
      <Box display="flex" justifyContent="flex-end">
        <Button onClick={() => setDraft(undefined)}>
          {t('common.cancel')}
        </Button>
        <Button
          color="primary"
          disabled={busy}
          onClick={save}
          data-testid="save-postmortem"
        >
          {t('common.save')}
        </Button>
      </Box>
    </Box>
  );
}
