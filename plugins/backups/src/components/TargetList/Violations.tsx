import { StatusError, StatusWarning } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import type { Violation } from '@fdp/plugin-backups-common';
import { backupsTranslationRef } from '../../translation';

/**
 * Each violation, critical ones with the error icon: its kind in the UI's
 * language, then the backend's sentence with the facts.
 */
export function Violations(props: { violations: Violation[] }) {
  const { t } = useTranslationRef(backupsTranslationRef);
  return (
    <>
      {props.violations.map(v => {
        const Status = v.severity === 'critical' ? StatusError : StatusWarning;
        return (
          <Typography
            key={`${v.code}:${v.message}`}
            variant="body2"
            component="div"
            data-violation={v.code}
          >
            <Status>
              {/* one inline run: Status lays its children out side by side */}
              <span>
                <strong>{t(`violations.${v.code}`)}</strong>:{' '}
                <span>{v.message}</span>
              </span>
            </Status>
          </Typography>
        );
      })}
    </>
  );
}
