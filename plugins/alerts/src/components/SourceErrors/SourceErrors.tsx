import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import type { SourceError } from '@fdp/plugin-alerts-common';

const KIND_LABELS: Record<SourceError['kind'], string> = {
  prometheus: 'Prometheus',
  alertmanager: 'Alertmanager',
};

/**
 * A warning per source that could not be read; what the others returned is
 * still shown.
 */
export function SourceErrors(props: { errors?: SourceError[] }) {
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
            {KIND_LABELS[error.kind] ?? error.kind} {error.source} is
            unavailable: {error.message}. Alerts from it are missing.
          </Alert>
        </Box>
      ))}
    </Box>
  );
}

/** "Could not refresh" above data that is kept from an earlier load. */
export function RefreshError(props: { error?: Error }) {
  if (!props.error) {
    return null;
  }
  return (
    <Box mb={2}>
      <Alert severity="warning">
        Could not refresh: {props.error.message}. Showing the last data.
      </Alert>
    </Box>
  );
}
