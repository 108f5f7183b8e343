import { StatusError, StatusWarning } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { Violation } from '@fdp/plugin-backups-common';

/** Each violation in words, critical ones with the error icon. */
export function Violations(props: { violations: Violation[] }) {
  return (
    <>
      {props.violations.map(v => (
        <Typography
          key={`${v.code}:${v.message}`}
          variant="body2"
          component="div"
          data-violation={v.code}
        >
          {v.severity === 'critical' ? (
            <StatusError>{v.message}</StatusError>
          ) : (
            <StatusWarning>{v.message}</StatusWarning>
          )}
        </Typography>
      ))}
    </>
  );
}
