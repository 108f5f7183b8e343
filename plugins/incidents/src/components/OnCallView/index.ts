export { OnCallView } from './OnCallView';
