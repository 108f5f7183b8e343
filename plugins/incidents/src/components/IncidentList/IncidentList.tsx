import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  IncidentSummary,
  INCIDENT_STATUSES,
  IncidentStatus,
  isResolvedStage,
} from '@fdp/plugin-incidents-common';
import useDebounce from 'react-use/esm/useDebounce';
import { incidentsApiRef } from '../../api';
import { useIncidentLink } from '../../hooks/useLinks';
import { useLevels } from '../../hooks/useLevels';
import { useLiveData } from '../../hooks/useLiveData';
import { useNow } from '@fdp/live-data-react';
import { useRoleHolders } from '../../hooks/useRoleHolders';
import { incidentsTranslationRef } from '../../translation';
import { CreateIncidentButton } from '../CreateIncidentDialog';
import { IncidentFilters, IncidentFilterValues } from './IncidentFilters';
import { IncidentTable } from './IncidentTable';

/** Free text is sent this long after the last keystroke. */
const TEXT_DEBOUNCE_MS = 400;

function initialFilters(params: URLSearchParams): IncidentFilterValues {
  const status = params.get('status') ?? '';
  return {
    status: (INCIDENT_STATUSES as readonly string[]).includes(status)
      ? (status as IncidentStatus)
      : '',
    level: params.get('level') ?? '',
    entityRef: params.get('entityRef') ?? undefined,
    owner: params.get('owner') ?? undefined,
    text: params.get('q') ?? '',
  };
}

/**
 * The incident list: open incidents first (those not yet resolved, with
 * their running SLA clocks and escalation), then resolved and closed ones,
 * in the backend's order; filters, "load more" over the backend's cursor,
 * live reload on `incidents` signals.
 */
export function IncidentList() {
  const api = useApi(incidentsApiRef);
  const { t } = useTranslationRef(incidentsTranslationRef);
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const link = useIncidentLink();
  const [filters, setFilters] = useState(() => initialFilters(searchParams));
  const [text, setText] = useState(filters.text.trim());
  useDebounce(() => setText(filters.text.trim()), TEXT_DEBOUNCE_MS, [
    filters.text,
  ]);
  const [pages, setPages] = useState(1);
  const levels = useLevels();
  const { holders } = useRoleHolders();
  const now = new Date(useNow());
  const { status, level, entityRef, owner } = filters;

  const list = useLiveData(async () => {
    const items: IncidentSummary[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < pages; page++) {
      const result = await api.listIncidents({
        ...(status ? { status } : {}),
        ...(level ? { level } : {}),
        ...(entityRef ? { entityRef } : {}),
        ...(owner ? { owner } : {}),
        ...(text ? { q: text } : {}),
        ...(cursor ? { cursor } : {}),
      });
      items.push(...result.items);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    return { items, nextCursor: cursor };
  }, [api, status, level, entityRef, owner, text, pages]);

  const changeFilters = (next: IncidentFilterValues) => {
    setFilters(next);
    setPages(1);
  };
  const openDetail = (incident: IncidentSummary) => {
    if (link) navigate(link(incident.id));
  };

  if (levels.error) {
    return <ResponseErrorPanel error={levels.error} />;
  }
  if (!levels.levels) {
    return <Progress />;
  }
  const createButton = (
    <CreateIncidentButton
      levels={levels.levels}
      entityRef={entityRef}
      color="primary"
      variant="contained"
      onCreated={openDetail}
    />
  );

  let content: JSX.Element;
  if (list.loading) {
    content = <Progress />;
  } else if (!list.value) {
    content = (
      <ResponseErrorPanel error={list.error ?? new Error(t('common.noData'))} />
    );
  } else if (list.value.items.length === 0) {
    content = (
      <EmptyState
        missing="data"
        title={t('list.emptyTitle')}
        description={t('list.emptyDescription')}
        action={createButton}
      />
    );
  } else {
    const open = list.value.items.filter(i => !isResolvedStage(i.stage));
    const done = list.value.items.filter(i => isResolvedStage(i.stage));
    const tableProps = { levels: levels.levels, holders, now, link };
    content = (
      <>
        {list.error && (
          <ResponseErrorPanel
            error={list.error}
            title={t('common.refreshFailed', { message: list.error.message })}
          />
        )}
        {open.length > 0 && (
          <IncidentTable
            title={t('list.openTitle', { n: String(open.length) })}
            incidents={open}
            testId="open-incidents"
            {...tableProps}
          />
        )}
        {done.length > 0 && (
          <IncidentTable
            title={t('list.doneTitle', { n: String(done.length) })}
            incidents={done}
            testId="done-incidents"
            {...tableProps}
          />
        )}
        {list.value.nextCursor && (
          <Button onClick={() => setPages(p => p + 1)}>
            {t('common.loadMore')}
          </Button>
        )}
      </>
    );
  }

  return (
    <>
      <Box display="flex" justifyContent="flex-end" mb={1}>
        {createButton}
      </Box>
      <IncidentFilters
        value={filters}
        levels={levels.levels}
        onChange={changeFilters}
      />
      <Box mt={2}>{content}</Box>
    </>
  );
}
