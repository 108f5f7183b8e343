import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { alertsTranslationRef } from '../../translation';

/** One filter above the alerts table: a select with "All". */
export function FilterSelect(props: {
  id: string;
  label: string;
  value?: string;
  options: Array<{ value: string; label: string }>;
  onChange: (value: string | undefined) => void;
}) {
  const { id, label, value, options, onChange } = props;
  const { t } = useTranslationRef(alertsTranslationRef);
  return (
    <Box mr={2} mb={1} minWidth={160}>
      <TextField
        select
        id={`alerts-filter-${id}`}
        label={label}
        value={value ?? ''}
        onChange={e => onChange(e.target.value || undefined)}
        variant="outlined"
        size="small"
        fullWidth
      >
        <MenuItem value="">{t('common.all')}</MenuItem>
        {options.map(option => (
          <MenuItem key={option.value} value={option.value}>
            {option.label}
          </MenuItem>
        ))}
      </TextField>
    </Box>
  );
}
