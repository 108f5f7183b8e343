export { RefreshError, SourceErrors } from './SourceErrors';
