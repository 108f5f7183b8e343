import { ReactNode } from 'react';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { LiveData } from '@fdp/live-data-react';
import { operationsTranslationRef } from '../../translation';

/** What a card says it shows, in the words of `source.*` and `title.*`. */
export type OverviewSource =
  | 'clusterHealth'
  | 'alerts'
  | 'incidents'
  | 'backups';

/**
 * One card of the overview: a progress bar while the first load runs, the
 * source named on an error, the last data with a warning when a refresh
 * failed (stale), else `children` with the data.
 */
export function OverviewCard<T>(props: {
  source: OverviewSource;
  data: LiveData<T>;
  /** The page the card summarises, filtered to what the card shows. */
  link?: string;
  children: (value: T) => ReactNode;
}) {
  const { source, data, link, children } = props;
  const { t } = useTranslationRef(operationsTranslationRef);
  const sourceName = t(`source.${source}`);
  let body: ReactNode;
  if (data.value !== undefined) {
    body = (
      <>
        {data.error && (
          <Typography
            variant="body2"
            color="error"
            role="status"
            data-testid={`${source}-stale`}
          >
            {t('card.stale', {
              source: sourceName,
              message: data.error.message,
            })}
          </Typography>
        )}
        {children(data.value)}
      </>
    );
  } else if (data.error) {
    body = (
      <Typography
        variant="body2"
        color="error"
        role="alert"
        data-testid={`${source}-error`}
      >
        {t('card.error', { source: sourceName, message: data.error.message })}
      </Typography>
    );
  } else {
    body = (
      <Box py={2} data-testid={`${source}-loading`}>
        <Typography variant="body2" color="textSecondary">
          {t('card.loading', { source: sourceName })}
        </Typography>
        <Progress />
      </Box>
    );
  }
  return (
    <InfoCard
      title={t(`title.${source}`)}
      noPadding={false}
      deepLink={
        link
          ? { title: t('card.open', { source: sourceName }), link }
          : undefined
      }
    >
      <Box data-testid={`overview-${source}`} minHeight={160}>
        {body}
      </Box>
    </InfoCard>
  );
}

/** A line that links when there is somewhere to go. */
export function MaybeLink(props: { to?: string; children: ReactNode }) {
  return props.to ? (
    <Link to={props.to}>{props.children}</Link>
  ) : (
    <>{props.children}</>
  );
}
