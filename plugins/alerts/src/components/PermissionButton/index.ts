export { NOT_ALLOWED_TEXT, PermissionButton } from './PermissionButton';
