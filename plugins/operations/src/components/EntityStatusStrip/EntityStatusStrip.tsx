import { ReactNode } from 'react';
import { Link, Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { LiveData } from '@fdp/live-data-react';
import { useLinks } from '../../hooks/useLinks';
import { operationsTranslationRef } from '../../translation';
import { PRIORITY_SEVERITY } from '../AlertsCard';
import { TARGET_SEVERITY } from '../BackupsCard';
import { HEALTH_SEVERITY } from '../ClusterHealthCard';
import { Severity, StatusText } from '../StatusText';
import {
  useEntityAlerts,
  useEntityBackups,
  useEntityHealth,
  useEntityIncidents,
} from './useEntityStatus';

const useStyles = makeStyles(theme => ({
  strip: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))',
    gap: theme.spacing(1),
    padding: theme.spacing(1, 2),
  },
}));

type Shown = { severity: Severity; text: string } | 'notTracked';

function Item<T>(props: {
  label: string;
  data: LiveData<T>;
  show: (value: T) => Shown;
  link?: string;
  testId: string;
}) {
  const { t } = useTranslationRef(operationsTranslationRef);
  const { label, data, show, link, testId } = props;
  let content: ReactNode;
  if (data.value !== undefined) {
    const shown = show(data.value);
    content =
      shown === 'notTracked' ? (
        <Typography variant="body2" color="textSecondary">
          {t('strip.notTracked')}
        </Typography>
      ) : (
        <Typography variant="body2" component="div">
          <StatusText severity={data.error ? 'unknown' : shown.severity}>
            {link ? <Link to={link}>{shown.text}</Link> : shown.text}
          </StatusText>
        </Typography>
      );
  } else if (data.error) {
    content = (
      <Typography variant="body2" color="error">
        {t('strip.failed')}
      </Typography>
    );
  } else {
    content = <Progress />;
  }
  return (
    <Box data-testid={testId} minWidth={0}>
      <Typography variant="overline" component="p" color="textSecondary">
        {label}
      </Typography>
      {content}
    </Box>
  );
}

/**
 * The compact status strip at the top of a component's overview: health,
 * firing alerts, open incidents, backups, each linking to where it is told.
 */
export function EntityStatusStrip() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(operationsTranslationRef);
  const classes = useStyles();
  const links = useLinks();
  const ref = stringifyEntityRef(entity);
  const health = useEntityHealth(entity);
  const alerts = useEntityAlerts(entity);
  const incidents = useEntityIncidents(entity);
  const backups = useEntityBackups(entity);
  return (
    <Paper
      component="section"
      aria-label={t('strip.label')}
      className={classes.strip}
      data-testid="entity-status-strip"
    >
      <Item
        label={t('strip.health')}
        testId="strip-health"
        data={health}
        link={links.entity(ref, '/cluster-health')}
        show={status =>
          status === null
            ? 'notTracked'
            : {
                severity: HEALTH_SEVERITY[status],
                text: t(`status.${status}`),
              }
        }
      />
      <Item
        label={t('strip.alerts')}
        testId="strip-alerts"
        data={alerts}
        link={links.alerts({ entityRef: ref, state: 'firing' })}
        show={value => {
          if (value === null) {
            return 'notTracked';
          }
          return value.firing === 0
            ? { severity: 'ok', text: t('strip.none') }
            : {
                severity: value.worst
                  ? PRIORITY_SEVERITY[value.worst]
                  : 'warning',
                text: t('strip.firing', { number: String(value.firing) }),
              };
        }}
      />
      <Item
        label={t('strip.incidents')}
        testId="strip-incidents"
        data={incidents}
        link={links.incidents({ entityRef: ref, status: 'open' })}
        show={value =>
          value.open === 0
            ? { severity: 'ok', text: t('strip.none') }
            : {
                severity: value.worst === 'P1' ? 'error' : 'warning',
                text: t('strip.open', {
                  number: `${value.open}${value.more ? '+' : ''}`,
                }),
              }
        }
      />
      <Item
        label={t('strip.backups')}
        testId="strip-backups"
        data={backups}
        link={links.entity(ref, '/operations')}
        show={value => {
          if (value === null) {
            return 'notTracked';
          }
          return value.notOk === 0
            ? { severity: 'ok', text: t('strip.ok') }
            : {
                severity: TARGET_SEVERITY[value.worst],
                text: t('strip.notOk', { number: String(value.notOk) }),
              };
        }}
      />
    </Paper>
  );
}
