export { UpdateButton } from './PermissionButton';
