import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';

/** How bad something is, in the core `Status*` colours of the theme. */
export type Severity = 'ok' | 'warning' | 'error' | 'unknown';

const DOT = {
  ok: StatusOK,
  warning: StatusWarning,
  error: StatusError,
  unknown: StatusPending,
};

/**
 * The status dot of `severity`, then `children`: beside the dot rather
 * than in it, since the core `Status*` components hide their content from
 * assistive technology (links and words must stay readable).
 */
export function StatusText(props: { severity: Severity; children: ReactNode }) {
  const Dot = DOT[props.severity] ?? StatusPending;
  return (
    <Box
      component="span"
      display="inline-flex"
      alignItems="center"
      data-severity={props.severity}
    >
      <Dot />
      <span>{props.children}</span>
    </Box>
  );
}
