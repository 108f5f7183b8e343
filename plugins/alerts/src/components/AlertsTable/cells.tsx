import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import type { NormalizedAlert, Silence } from '@fdp/plugin-alerts-common';
import { useFormatters } from '@fdp/live-data-react';
import { compactLabels } from '../../format';
import { alertsTranslationRef } from '../../translation';
import { AlertStateLabel } from '../PriorityChip';
import { noWrap } from '../tableStyles';

/** The alert's name (a link to its expression) with its summary below. */
export function AlertNameCell(props: { alert: NormalizedAlert }) {
  const { alert } = props;
  const { t } = useTranslationRef(alertsTranslationRef);
  const name = (
    <Typography
      variant="body2"
      component="span"
      style={{ ...noWrap, fontWeight: 600 }}
      data-testid={`alert-${alert.fingerprint}`}
    >
      {alert.name}
    </Typography>
  );
  return (
    <>
      {alert.generatorURL ? (
        <Link to={alert.generatorURL} title={t('alerts.openExpression')}>
          {name}
        </Link>
      ) : (
        name
      )}
      {alert.summary && (
        <Typography
          variant="body2"
          color="textSecondary"
          title={alert.description}
        >
          {alert.summary}
        </Typography>
      )}
    </>
  );
}

/** The first entity as a link with its title, the others behind a count. */
export function EntityLinks(props: { entityRefs: string[] }) {
  const { t } = useTranslationRef(alertsTranslationRef);
  const [first, ...rest] = props.entityRefs;
  if (!first) {
    return <>{t('common.none')}</>;
  }
  return (
    <Box display="flex" alignItems="center" style={noWrap}>
      <EntityRefLink entityRef={first} defaultKind="component" />
      {rest.length > 0 && (
        <Tooltip
          interactive
          title={
            <>
              {rest.map(ref => (
                <div key={ref}>
                  <EntityRefLink entityRef={ref} defaultKind="component" />
                </div>
              ))}
            </>
          }
        >
          <Box ml={0.5} component="span">
            <Chip
              size="small"
              variant="outlined"
              tabIndex={0}
              label={t('alerts.moreEntities', { n: String(rest.length) })}
            />
          </Box>
        </Tooltip>
      )}
    </Box>
  );
}

/** The alert's state, since when, and who silenced it or what inhibits it. */
export function AlertStateCell(props: {
  alert: NormalizedAlert;
  silences: Map<string, Silence>;
  silencesLink?: string;
}) {
  const { alert, silences, silencesLink } = props;
  const { t } = useTranslationRef(alertsTranslationRef);
  const format = useFormatters();
  return (
    <>
      <Box style={noWrap}>
        <AlertStateLabel state={alert.state} />
      </Box>
      <Typography
        variant="caption"
        component="div"
        color="textSecondary"
        style={noWrap}
        title={format.dateTime(alert.startsAt)}
      >
        {format.ago(alert.startsAt)}
      </Typography>
      {alert.silencedBy.map(id => {
        const silence = silences.get(id);
        const text = silence
          ? t('alerts.silencedBy', {
              creator: silence.createdBy,
              time: format.dateTime(silence.endsAt),
            })
          : id;
        return (
          <Typography
            variant="caption"
            key={id}
            component="div"
            color="textSecondary"
            data-testid={`silenced-by-${id}`}
            title={silence?.comment}
          >
            {silencesLink ? <Link to={silencesLink}>{text}</Link> : text}
          </Typography>
        );
      })}
      {alert.silencedBy.length === 0 && alert.inhibitedBy.length > 0 && (
        <Typography variant="caption" color="textSecondary" component="div">
          {t('alerts.inhibitedBy', { count: alert.inhibitedBy.length })}
        </Typography>
      )}
    </>
  );
}

/** The alert's labels and receivers, collapsed behind a count. */
export function AlertLabelsCell(props: { alert: NormalizedAlert }) {
  const { alert } = props;
  const { t } = useTranslationRef(alertsTranslationRef);
  const labels = compactLabels(alert.labels);
  return (
    <Tooltip
      interactive
      title={
        <Box data-testid={`labels-${alert.fingerprint}`}>
          {labels.map(label => (
            <div key={label}>{label}</div>
          ))}
          <Box mt={1} fontWeight="fontWeightBold">
            {t('alerts.receivers')}
          </Box>
          <div>{alert.receivers.join(', ') || t('alerts.noReceivers')}</div>
        </Box>
      }
    >
      <Chip
        size="small"
        variant="outlined"
        tabIndex={0}
        aria-label={t('alerts.labelsOf', { name: alert.name })}
        label={t('alerts.labelCount', { count: labels.length })}
      />
    </Tooltip>
  );
}
