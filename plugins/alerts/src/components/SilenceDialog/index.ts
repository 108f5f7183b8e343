export {
  DEFAULT_DURATION,
  DURATION_PRESETS,
  SilenceDialog,
} from './SilenceDialog';
export type { SilenceDialogProps } from './SilenceDialog';
