import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  TranslationFunction,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { TimelineEntry } from '@fdp/plugin-incidents-common';
import { incidentsTranslationRef } from '../../translation';
import { useFormatters } from '@fdp/live-data-react';

type Translate = TranslationFunction<typeof incidentsTranslationRef.T>;

/** What an entry changed, one line. */
function describe(entry: TimelineEntry, t: Translate): string {
  switch (entry.kind) {
    case 'created':
      return t('timeline.created', { level: entry.level });
    case 'transition':
      return t('timeline.transition', {
        from: t(`stages.${entry.from}`),
        to: t(`stages.${entry.to}`),
      });
    case 'level':
      return t('timeline.level', { from: entry.from, to: entry.to });
    case 'assignment':
      return [
        entry.owner
          ? t('timeline.ownerTo', {
              owner: entry.owner.to ?? t('common.unassigned'),
            })
          : '',
        entry.respondersAdded.length
          ? t('timeline.respondersAdded', {
              refs: entry.respondersAdded.join(', '),
            })
          : '',
        entry.respondersRemoved.length
          ? t('timeline.respondersRemoved', {
              refs: entry.respondersRemoved.join(', '),
            })
          : '',
      ]
        .filter(Boolean)
        .join('; ');
    case 'edit':
      return t('timeline.edit', { fields: entry.fields.join(', ') });
    case 'note':
      return t('timeline.note');
    case 'alert':
      return t('timeline.alert', {
        status: t(`alertStatus.${entry.status}`),
        names: entry.alertnames.join(', '),
      });
    case 'notification':
      return t('timeline.notification', {
        kind: t(`notificationKinds.${entry.notification}`),
        roles: entry.roles.join(', '),
      });
    default:
      return '';
  }
}

/** The user's own words of an entry (note, move note, level reason, alert summary). */
function detail(entry: TimelineEntry): string | undefined {
  switch (entry.kind) {
    case 'note':
      return entry.text;
    case 'transition':
      return entry.note;
    case 'level':
      return entry.reason;
    case 'alert':
      return entry.summary;
    default:
      return undefined;
  }
}

/** Backend actors (`alertmanager`, `scheduler`) are no catalog refs. */
function Actor(props: { actor: string }) {
  return props.actor.includes(':') ? (
    <EntityRefLink entityRef={props.actor} defaultKind="user" />
  ) : (
    <>{props.actor}</>
  );
}

/** The incident's timeline, newest first. */
export function Timeline(props: { entries: TimelineEntry[] }) {
  const { t } = useTranslationRef(incidentsTranslationRef);
  const format = useFormatters();
  if (props.entries.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('detail.emptyTimeline')}
      </Typography>
    );
  }
  const entries = [...props.entries].reverse();
  return (
    <List dense data-testid="timeline">
      {entries.map(entry => (
        <ListItem key={entry.id} divider alignItems="flex-start">
          <ListItemText
            primary={
              <>
                {describe(entry, t)} — <Actor actor={entry.actor} />
              </>
            }
            secondary={
              <>
                {format.dateTime(entry.at)}
                {detail(entry) && (
                  <Typography
                    component="span"
                    variant="body2"
                    display="block"
                    style={{ whiteSpace: 'pre-wrap' }}
                  >
                    {detail(entry)}
                  </Typography>
                )}
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}
