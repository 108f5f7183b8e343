import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { TargetStatus as Status } from '@fdp/plugin-backups-common';
import { backupsTranslationRef } from '../../translation';

/** A target's status with the core status icon and its word. */
export function TargetStatus(props: { status: Status }) {
  const { t } = useTranslationRef(backupsTranslationRef);
  const label = t(`status.${props.status}`);
  switch (props.status) {
    case 'ok':
      return <StatusOK>{label}</StatusOK>;
    case 'warning':
      return <StatusWarning>{label}</StatusWarning>;
    default:
      return <StatusError>{label}</StatusError>;
  }
}
