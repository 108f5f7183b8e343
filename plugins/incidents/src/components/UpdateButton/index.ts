export { UpdateButton } from './UpdateButton';
