import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusWarning,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import type { Backup, BackupStatus } from '@fdp/plugin-backups-common';
import { backupDurationMs, formatBytes } from '../../format';
import { backupsTranslationRef } from '../../translation';
import { useFormatters } from '@fdp/live-data-react';

function BackupStatusText(props: { status: BackupStatus; label: string }) {
  switch (props.status) {
    case 'completed':
      return <StatusOK>{props.label}</StatusOK>;
    case 'partiallyFailed':
      return <StatusWarning>{props.label}</StatusWarning>;
    case 'expired':
      return <StatusAborted>{props.label}</StatusAborted>;
    default:
      return <StatusError>{props.label}</StatusError>;
  }
}

/**
 * The target's backups, newest first; a backup with checksum errors (data
 * pages were corrupt when it ran) is flagged in red in its own column.
 */
export function BackupsTable(props: { backups: Backup[] }) {
  const { t } = useTranslationRef(backupsTranslationRef);
  const format = useFormatters();
  const backups = [...props.backups].sort(
    (a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt),
  );
  const columns: TableColumn<Backup>[] = [
    {
      title: t('detail.id'),
      field: 'id',
      cellStyle: { whiteSpace: 'nowrap' },
    },
    { title: t('detail.type'), render: b => t(`types.${b.type}`) },
    {
      title: t('detail.status'),
      render: b => (
        <BackupStatusText
          status={b.status}
          label={t(`backupStatus.${b.status}`)}
        />
      ),
      cellStyle: { whiteSpace: 'nowrap' },
    },
    {
      title: t('detail.start'),
      render: b => format.dateTime(b.startedAt),
      cellStyle: { whiteSpace: 'nowrap' },
    },
    {
      title: t('detail.duration'),
      render: b => {
        const ms = backupDurationMs(b);
        return ms === undefined ? t('common.none') : format.duration(ms);
      },
    },
    {
      title: t('detail.size'),
      render: b => formatBytes(b.sizeBytes),
      hidden: !backups.some(b => b.sizeBytes !== undefined),
    },
    {
      title: t('detail.repositorySize'),
      render: b => formatBytes(b.repositorySizeBytes),
      hidden: !backups.some(b => b.repositorySizeBytes !== undefined),
    },
    {
      title: t('detail.wal'),
      render: b =>
        b.wal ? (
          // two segment names on two lines: the table fits 1,280 px
          <Typography variant="body2" component="span" noWrap>
            {b.wal.start} –<br />
            {b.wal.stop}
          </Typography>
        ) : (
          t('common.none')
        ),
      // snapshots have no WAL
      hidden: !backups.some(b => b.wal),
    },
    {
      title: t('detail.checksum'),
      render: b =>
        b.checksumErrors ? (
          <StatusError>
            <strong>{t('detail.checksumErrors')}</strong>
          </StatusError>
        ) : (
          t('detail.checksumOk')
        ),
    },
  ];
  return (
    <Table<Backup>
      title={t('detail.backupsTitle')}
      options={{ paging: backups.length > 20, pageSize: 20, search: false }}
      columns={columns}
      data={backups}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          {t('detail.noBackups')}
        </Typography>
      }
    />
  );
}
