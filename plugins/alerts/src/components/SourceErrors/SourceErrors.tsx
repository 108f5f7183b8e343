import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import type { SourceError } from '@fdp/plugin-alerts-common';
import { alertsTranslationRef } from '../../translation';

/**
 * A warning per source that could not be read; what the others returned is
 * still shown.
 */
export function SourceErrors(props: { errors?: SourceError[] }) {
  const { t } = useTranslationRef(alertsTranslationRef);
  const errors = props.errors ?? [];
  if (errors.length === 0) {
    return null;
  }
  return (
    <Box mb={2}>
      {errors.map(error => (
        <Box mb={1} key={`${error.kind}-${error.source}`}>
          <Alert
            severity="warning"
            data-testid={`source-error-${error.source}`}
          >
            {t('common.sourceUnavailable', {
              kind: t(`common.${error.kind}`),
              source: error.source,
              message: error.message,
            })}
          </Alert>
        </Box>
      ))}
    </Box>
  );
}

/** "Could not refresh" above data that is kept from an earlier load. */
export function RefreshError(props: { error?: Error }) {
  const { t } = useTranslationRef(alertsTranslationRef);
  if (!props.error) {
    return null;
  }
  return (
    <Box mb={2}>
      <Alert severity="warning">
        {t('common.refreshFailed', { message: props.error.message })}
      </Alert>
    </Box>
  );
}
