import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  IncidentLevel,
  IncidentStatus,
  LIMITS,
} from '@fdp/plugin-incidents-common';
import { incidentsTranslationRef } from '../../translation';
import { EntityPicker } from '../EntityPicker';
import { useLevelText } from '../../hooks/useLevelText';

/** The list's filters; an empty value means "any". */
export interface IncidentFilterValues {
  status: IncidentStatus | '';
  level: string;
  entityRef?: string;
  owner?: string;
  text: string;
}

const STATUS_LABELS = {
  '': 'filters.statusAll',
  open: 'filters.statusOpen',
  resolved: 'filters.statusResolved',
  closed: 'filters.statusClosed',
} as const;

/** Status, level, entity, owner and free text above the incident list. */
export function IncidentFilters(props: {
  value: IncidentFilterValues;
  levels: readonly IncidentLevel[];
  onChange: (value: IncidentFilterValues) => void;
}) {
  const { value, levels, onChange } = props;
  const { t } = useTranslationRef(incidentsTranslationRef);
  const levelText = useLevelText();
  const set = (patch: Partial<IncidentFilterValues>) =>
    onChange({ ...value, ...patch });
  return (
    <Grid container spacing={2} data-testid="incident-filters">
      <Grid item xs={6} md={2}>
        <TextField
          select
          fullWidth
          margin="dense"
          variant="outlined"
          id="incident-filter-status"
          label={t('filters.status')}
          value={value.status}
          onChange={e =>
            set({ status: e.target.value as IncidentFilterValues['status'] })
          }
          SelectProps={{
            SelectDisplayProps: { 'data-testid': 'filter-status' } as object,
          }}
        >
          {(
            Object.keys(STATUS_LABELS) as Array<keyof typeof STATUS_LABELS>
          ).map(status => (
            <MenuItem key={status} value={status}>
              {t(STATUS_LABELS[status])}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={6} md={2}>
        <TextField
          select
          fullWidth
          margin="dense"
          variant="outlined"
          id="incident-filter-level"
          label={t('filters.level')}
          value={value.level}
          onChange={e => set({ level: e.target.value })}
          SelectProps={{
            SelectDisplayProps: { 'data-testid': 'filter-level' } as object,
          }}
        >
          <MenuItem value="">{t('filters.levelAll')}</MenuItem>
          {levels.map(l => (
            <MenuItem key={l.id} value={l.id}>
              {levelText.label(l)}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} sm={6} md={3}>
        <EntityPicker
          kind="component"
          label={t('filters.entity')}
          value={value.entityRef}
          onChange={entityRef => set({ entityRef })}
          testId="filter-entity"
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <EntityPicker
          kind="user"
          label={t('filters.owner')}
          value={value.owner}
          onChange={owner => set({ owner })}
          testId="filter-owner"
        />
      </Grid>
      <Grid item xs={12} md={3}>
        <TextField
          fullWidth
          margin="dense"
          variant="outlined"
          id="incident-filter-text"
          label={t('filters.text')}
          value={value.text}
          onChange={e => set({ text: e.target.value })}
          inputProps={{
            maxLength: LIMITS.searchText,
            'data-testid': 'filter-text',
          }}
        />
      </Grid>
    </Grid>
  );
}
